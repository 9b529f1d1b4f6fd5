"""Bad input through the `kg` command line (issue 5): one line naming the file and the problem,
a distinct exit code per problem, and no Python traceback unless `--debug`.

Most cases fail before any model is needed. Builds that must get past ingestion run either with
the bundled Stanza models (skipped while they are incomplete) or with `fake_parse`, a whitespace
and punctuation tokenizer standing in for Stanza, so the CLI, mapping and export code run anyway.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, SEED, TESTS, Run, kg_command, kg_env, needs_models, run_kg
from rdflib import RDF, Graph

import kg.builder
from kg.builder import Parser
from kg.cli import main
from kg.errors import ExitCode
from kg.extract.facts import RULE, Entity, Evidence, Extraction, Mention
from kg.graph.vocab import SCHEMA
from kg.ingest import MAX_BYTES
from kg.nlp.parse import Parse

BAD = TESTS / "fixtures" / "bad"


# --------------------------------------------------------------------------- running kg


def build_args(out: Path, *paths: str | Path, extra: tuple[str, ...] = ()) -> list[str | Path]:
    return ["build", *paths, "--out", out, "--no-images", "--no-cache", *extra]


def assert_one_line_error(run: Run, code: ExitCode, path: Path | str, fragment: str) -> str:
    """The exit code, exactly one `kg: error:` line naming `path` and the problem, no traceback."""
    assert run.code == code, run.err
    assert "Traceback" not in run.err + run.out
    assert len(run.error_lines) == 1, run.err
    line = run.error_lines[0]
    assert str(path) in line, line
    assert fragment.lower() in line.lower(), line
    return line


# --------------------------------------------------------------------------- exit codes


def test_exit_codes_are_distinct() -> None:
    values = [int(member) for member in ExitCode.__members__.values()]
    assert len(values) == len(set(values)), "two ExitCode names share a value"
    assert 0 not in [int(c) for c in ExitCode if c is not ExitCode.OK]


def test_kg_help_lists_every_exit_code(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for code in ExitCode:
        assert re.search(rf"[ ,]{int(code)} \w", shown), f"kg --help does not explain exit code {int(code)}"


# --------------------------------------------------------------------------- bad article inputs


@dataclass(frozen=True)
class BadInput:
    name: str
    code: ExitCode
    fragment: str


BAD_INPUTS = [
    BadInput("empty.txt", ExitCode.EMPTY_INPUT, "file is empty"),
    BadInput("blank.txt", ExitCode.EMPTY_INPUT, "only whitespace"),
    BadInput("fake.pdf", ExitCode.BINARY_INPUT, "PDF document"),
    BadInput("image.png", ExitCode.BINARY_INPUT, "PNG image"),
    BadInput("archive.zip", ExitCode.BINARY_INPUT, "ZIP archive"),
    BadInput("invalid-utf8.txt", ExitCode.BAD_ENCODING, "not valid UTF-8"),
    BadInput("english.txt", ExitCode.NOT_INDONESIAN, "does not look like Indonesian"),
]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c.name for c in BAD_INPUTS])
def test_bad_input_file(case: BadInput, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / case.name
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, path))
    assert_one_line_error(run, case.code, path, case.fragment)
    assert not out.exists(), "nothing may be written when no article could be read"


def test_bad_input_codes_are_distinct_per_problem() -> None:
    problems = {case.fragment: case.code for case in BAD_INPUTS}
    kinds = {
        ExitCode.EMPTY_INPUT, ExitCode.BINARY_INPUT, ExitCode.BAD_ENCODING, ExitCode.NOT_INDONESIAN,
    }
    assert set(problems.values()) == kinds


def test_english_hint_mentions_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = run_kg(capsys, *build_args(tmp_path / "out", BAD / "english.txt"))
    assert "--force" in run.error_lines[0]


def test_directory_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "no-articles"
    folder.mkdir()
    (folder / "metadata.json").write_text("{}", encoding="utf-8")  # .json is never collected
    (folder / ".hidden.txt").write_text("Komisi Pemilihan Umum", encoding="utf-8")
    (folder / "empty-subfolder").mkdir()
    run = run_kg(capsys, *build_args(tmp_path / "out", folder))
    assert_one_line_error(run, ExitCode.EMPTY_INPUT, folder, "no article files")


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "tidak-ada.txt"
    run = run_kg(capsys, *build_args(tmp_path / "out", missing))
    assert_one_line_error(run, ExitCode.NOT_FOUND, missing, "no such file")


def test_very_large_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as f:
        f.write(("Komisi Pemilihan Umum menetapkan hasil pemilu. " * 2000).encode())
        f.truncate(MAX_BYTES + 1)  # sparse: refused from its size, never read whole
    run = run_kg(capsys, *build_args(tmp_path / "out", big))
    assert_one_line_error(run, ExitCode.TOO_LARGE, big, "too large")


def test_every_bad_file_in_a_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of only bad files: one line per file, and the first file's exit code."""
    folder = tmp_path / "bad"
    folder.mkdir()
    for case in BAD_INPUTS:
        if case.name.endswith(".txt"):
            (folder / case.name).write_bytes((BAD / case.name).read_bytes())
    run = run_kg(capsys, *build_args(tmp_path / "out", folder))
    names = sorted(case.name for case in BAD_INPUTS if case.name.endswith(".txt"))
    assert "Traceback" not in run.err
    assert len(run.error_lines) == len(names)
    for name, line in zip(names, run.error_lines, strict=True):
        assert str(folder / name) in line
    first = next(case for case in BAD_INPUTS if case.name == names[0])
    assert run.code == first.code


# --------------------------------------------------------------------------- JSON Lines


def assert_partial_jsonl_build(run: Run, out: Path) -> None:
    """broken.jsonl: line 2 reported (file:line), lines 1 and 3 built, exit BAD_RECORD."""
    assert_one_line_error(run, ExitCode.BAD_RECORD, f"{BAD / 'broken.jsonl'}:2", "not valid JSON")
    assert sorted(p.name for p in (out / "articles").glob("*.ttl")) == [
        "broken-1.ttl", "broken-3.ttl"
    ]
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    articles = graph.subjects(RDF.type, SCHEMA.NewsArticle)
    assert sorted(str(graph.value(a, SCHEMA.identifier)) for a in articles) == ["broken-1", "broken-3"]


def test_malformed_jsonl_line_is_skipped_fake_parser(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, BAD / "broken.jsonl"), parser=fake_parser)
    assert_partial_jsonl_build(run, out)


@pytest.mark.slow
@needs_models
def test_malformed_jsonl_line_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, BAD / "broken.jsonl"))
    assert_partial_jsonl_build(run, out)


def test_jsonl_lone_surrogate_escape_is_not_a_crash(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON allows "\\ud800"; it decodes to a lone surrogate that UTF-8 writers refuse."""
    source = tmp_path / "surrogate.jsonl"
    source.write_text(
        '{"title": "Judul \\udc80", "url": "https://contoh.id/\\ud800",'
        ' "text": "Komisi Pemilihan Umum (KPU) menetapkan jadwal \\ud800 debat di Jakarta."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, source), parser=fake_parser)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    Graph().parse(out / "graph.ttl", format="turtle")


def test_not_indonesian_with_force_is_built(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, BAD / "english.txt", extra=("--force",)), parser=fake_parser)
    assert run.code == 0, run.err
    assert run.error_lines == []
    assert (out / "articles" / "english.ttl").is_file()


@pytest.mark.slow
@needs_models
def test_not_indonesian_with_force_is_built_with_models(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, BAD / "english.txt", extra=("--force",)))
    assert run.code == 0, run.err
    assert (out / "graph.ttl").is_file()


def test_missing_models_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_models = tmp_path / "models"
    empty_models.mkdir()
    run = run_kg(capsys, *build_args(tmp_path / "out", SEED, extra=("--models", str(empty_models))))
    assert_one_line_error(run, ExitCode.MODEL_MISSING, empty_models, "missing")


@pytest.mark.parametrize(
    "base", ["http://x/> <http://evil/p> <http://evil/o> . <http://x/", "kg pemilu", "relative/"]
)
def test_bad_base_iri_is_a_usage_error(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A --base that Turtle cannot write is refused before any work, not by a late crash."""
    with pytest.raises(SystemExit) as info:
        main(["build", str(SEED), "--base", base])
    assert info.value.code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "--base" in err and "Traceback" not in err


def test_custom_base_iri(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = "https://example.org/berita/kg/"
    run = run_kg(capsys, *build_args(tmp_path / "out", SEED, extra=("--base", base)), parser=fake_parser)
    assert run.code == 0, run.err
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    assert subjects and all(s.startswith(base) for s in subjects)


# --------------------------------------------------------------------------- kg build --strict


def _unnamed_person() -> Entity:
    evidence = Evidence(0, 1, 0, RULE, 0.5)
    mention = Mention("person", "", "", "", "tanpa-nama", evidence)
    return Entity("person/tanpa-nama", "person", "", "", mentions=[mention])


def test_strict_build_fails_on_shacl_violation(
    fake_parser: Parser, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_extract = kg.builder.extract

    def extract_with_unnamed_person(parse: Parse, published: object = None, title: object = None) -> Extraction:
        extraction = real_extract(parse, published, title)
        extraction.entities.append(_unnamed_person())  # schema:name "" breaks minLength 1
        return extraction

    monkeypatch.setattr(kg.builder, "extract", extract_with_unnamed_person)
    out = tmp_path / "out"
    lenient = run_kg(capsys, *build_args(out, SEED), parser=fake_parser)
    assert lenient.code == 0, lenient.err
    assert "violation" in lenient.err

    strict = run_kg(capsys, *build_args(out, SEED, extra=("--strict",)), parser=fake_parser)
    line = assert_one_line_error(strict, ExitCode.SHACL_VIOLATION, out / "validation.txt",
                                 "SHACL violation")
    assert "1 SHACL violation" in line
    report = (out / "validation.txt").read_text(encoding="utf-8")
    assert "Conforms: False" in report and "Result Path: schema:name" in report


def test_strict_build_passes_when_conforming(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_kg(capsys, *build_args(tmp_path / "out", SEED, extra=("--strict",)), parser=fake_parser)
    assert run.code == 0, run.err


# --------------------------------------------------------------------------- kg query


SMALL_TTL = """\
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/kg-pemilu/id/person/ellen-setiadi> a schema:Person ;
    schema:name "Ellen Setiadi" ;
    rdfs:label "Ellen Setiadi" .
"""

CORRUPT_TTL = """\
@prefix schema: <https://schema.org/> .

<https://w3id.org/kg-pemilu/id/person/a> schema:name "tidak ditutup .
<https://w3id.org/kg-pemilu/id/person/b> schema:name "B" .
"""


@pytest.fixture
def small_graph(tmp_path: Path) -> Path:
    path = tmp_path / "kecil.ttl"
    path.write_text(SMALL_TTL, encoding="utf-8")
    return path


def test_query_ok(small_graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?name WHERE { ?s <https://schema.org/name> ?name }"
    run = run_kg(capsys, "query", small_graph, query)
    assert run.code == 0, run.err
    assert "Ellen Setiadi" in run.out
    limited = run_kg(capsys, "query", small_graph, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--limit", "2",
                     "--format", "json")
    assert limited.code == 0 and len(json.loads(limited.out)["results"]["bindings"]) == 2


@pytest.mark.parametrize(
    ("query", "line", "col"),
    [
        ("SELECT ?s WHERE { ?s ?p }", 1, 19),
        ("SELECT ?s\nWHERE {\n  ?s ?p\n}", 3, 3),
        ("SELECT ?s WHERE { ?s ?p ?o ", 1, None),
    ],
    ids=["missing-object", "multi-line", "unclosed"],
)
def test_broken_sparql(
    query: str, line: int, col: int | None, small_graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_kg(capsys, "query", small_graph, query)
    assert run.code == ExitCode.BAD_QUERY
    assert "Traceback" not in run.err
    assert len(run.error_lines) == 1, run.err
    message = run.error_lines[0]
    assert "SPARQL syntax error" in message
    assert f"line:{line}" in message
    column = str(col) if col is not None else r"\d+"
    assert re.search(rf"col:{column}\b", message), message


def test_broken_sparql_file_is_named(
    small_graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "rusak.rq"
    query.write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    run = run_kg(capsys, "query", small_graph, "--file", query)
    line = assert_one_line_error(run, ExitCode.BAD_QUERY, query, "SPARQL syntax error")
    assert "line:1" in line and "col:19" in line


def test_missing_query_file(
    small_graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "tidak-ada.rq"
    run = run_kg(capsys, "query", small_graph, "--file", query)
    assert_one_line_error(run, ExitCode.NOT_FOUND, query, "no such query file")
    query.write_bytes(b"SELECT * WHERE { ?s ?p \"caf\xe9\" }")  # Latin-1, not UTF-8
    run = run_kg(capsys, "query", small_graph, "--file", query)
    assert_one_line_error(run, ExitCode.BAD_QUERY, query, "cannot read the query file")


def test_unknown_named_query(small_graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_kg(capsys, "query", small_graph, "--name", "tidak-ada")
    assert_one_line_error(run, ExitCode.BAD_QUERY, "tidak-ada", "no named query")


def test_query_missing_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "hilang.ttl"
    run = run_kg(capsys, "query", missing, "SELECT * WHERE { ?s ?p ?o }")
    assert_one_line_error(run, ExitCode.NOT_FOUND, missing, "no such graph file")


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("rusak.ttl", CORRUPT_TTL.encode(), "line 3"),
        ("rusak.trig", b"<http://x/g> { <http://x/s> <http://x/p> }", "trig"),
        ("gambar.ttl", (BAD / "image.png").read_bytes(), "turtle"),
        ("latin1.ttl", '<http://x/s> <http://x/p> "Kab. Pidie Jaya \xe9" .'.encode("latin-1"),
         "turtle"),
    ],
    ids=["turtle", "trig", "binary", "not-utf8"],
)
def test_query_corrupt_graph(
    name: str, content: bytes, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    run = run_kg(capsys, "query", path, "SELECT * WHERE { ?s ?p ?o }")
    assert_one_line_error(run, ExitCode.BAD_GRAPH, path, fragment)


# --------------------------------------------------------------------------- kg validate

VIOLATING_TTL = """\
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix person: <https://w3id.org/kg-pemilu/id/person/> .
@prefix event: <https://w3id.org/kg-pemilu/id/event/> .

person:tanpa-nama a schema:Person ;
    rdfs:label "Tanpa Nama" .

event:debat-1 a schema:Event ;
    schema:name "Debat pertama" ;
    rdfs:label "Debat pertama" ;
    schema:startDate "2024-10-06"^^xsd:date , "2024-10-07"^^xsd:date .
"""

VALID_TTL = """\
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix person: <https://w3id.org/kg-pemilu/id/person/> .
@prefix event: <https://w3id.org/kg-pemilu/id/event/> .

person:ellen-setiadi a schema:Person ;
    schema:name "Ellen Setiadi" ;
    rdfs:label "Ellen Setiadi" .

event:debat-1 a schema:Event ;
    schema:name "Debat pertama" ;
    rdfs:label "Debat pertama" ;
    schema:startDate "2024-10-06"^^xsd:date ;
    schema:attendee person:ellen-setiadi .
"""


def test_validate_reports_violations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "melanggar.ttl"
    path.write_text(VIOLATING_TTL, encoding="utf-8")
    run = run_kg(capsys, "validate", path)
    assert run.code == ExitCode.SHACL_VIOLATION
    assert "Traceback" not in run.err
    report = run.out
    assert "Conforms: False" in report
    assert "Results (2)" in report, report
    assert "Less than 1 values on person:tanpa-nama->schema:name" in report
    assert "More than 1 values on event:debat-1->schema:startDate" in report


def test_validate_conforming_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sah.ttl"
    path.write_text(VALID_TTL, encoding="utf-8")
    run = run_kg(capsys, "validate", path)
    assert run.code == 0, run.out + run.err
    assert "Conforms: True" in run.out


def test_validate_missing_and_corrupt_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "hilang.ttl"
    assert_one_line_error(run_kg(capsys, "validate", missing), ExitCode.NOT_FOUND, missing,
                          "no such graph file")
    corrupt = tmp_path / "rusak.ttl"
    corrupt.write_text(CORRUPT_TTL, encoding="utf-8")
    assert_one_line_error(run_kg(capsys, "validate", corrupt), ExitCode.BAD_GRAPH, corrupt,
                          "cannot read")


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build"])
    assert info.value.code == ExitCode.USAGE
    assert "Traceback" not in capsys.readouterr().err


# --------------------------------------------------------------------------- tracebacks


def kg_subprocess(*argv: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        kg_command(*map(str, argv)), capture_output=True, text=True, cwd=cwd, env=kg_env(), timeout=120,
    )


def test_no_traceback_without_debug(tmp_path: Path) -> None:
    proc = kg_subprocess("build", BAD / "fake.pdf", "--out", tmp_path / "out", "--no-images")
    assert proc.returncode == ExitCode.BINARY_INPUT
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr.strip().splitlines() == [
        f"kg: error: {BAD / 'fake.pdf'}: looks like a PDF document, not a text article"
    ]


def test_debug_shows_traceback() -> None:
    debug = kg_subprocess("--debug", "extract", BAD / "fake.pdf")
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert "InputError" in debug.stderr and "fake.pdf" in debug.stderr


def test_debug_traceback_for_bad_query(small_graph: Path) -> None:
    plain = kg_subprocess("query", small_graph, "SELECT ?s WHERE { ?s ?p }")
    assert plain.returncode == ExitCode.BAD_QUERY and "Traceback" not in plain.stderr
    debug = kg_subprocess("--debug", "query", small_graph, "SELECT ?s WHERE { ?s ?p }")
    assert "Traceback (most recent call last)" in debug.stderr
    assert "QueryError" in debug.stderr



# --------------------------------------------------------------------------- hostile text (issue 14)


BERITA = SEED.read_text(encoding="utf-8")


def test_mathtext_in_a_title_is_drawn_literally(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "dolar.txt"
    source.write_text(f"---\ntitle: 'Harga $x^$ dan $\\frac{{1}}{{0}}$ naik'\n---\n{BERITA}",
                      encoding="utf-8")
    out = tmp_path / "out"
    run = run_kg(capsys, "build", source, "--out", out, "--no-cache", "--article-images", parser=fake_parser)
    assert run.code == 0, run.err
    for name in ("graph.ttl", "graph.trig", "validation.txt", "graph.png", "graph.svg",
                 "articles/dolar.png"):
        assert (out / name).is_file(), name


def test_a_label_with_mathtext_is_drawn(tmp_path: Path) -> None:
    import networkx as nx

    from kg.drawing import draw

    g = nx.MultiDiGraph()
    g.add_node("a", label="$x^$ \\", kind="person")
    g.add_node("b", label="$$ ^_ {", kind="organization")
    g.add_edge("a", "b", key="p", label="$", predicate="p")
    draw(g, tmp_path / "g.svg", title="$\\undefined{$")
    assert "$x^$" in (tmp_path / "g.svg").read_text(encoding="utf-8")


def test_a_very_long_file_name_builds(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / ("pilkada-" + "sumatera-selatan-" * 14)[:240]
    source = source.with_name(source.name + ".txt")
    source.write_text(BERITA, encoding="utf-8")
    out = tmp_path / "out"
    run = run_kg(capsys, "build", source, "--out", out, "--no-cache", parser=fake_parser)
    assert run.code == 0, run.err
    written = [p.name for p in (out / "articles").iterdir()]
    assert written and all(len(name) < 100 for name in written)


@pytest.fixture
def berita(tmp_path: Path) -> Path:
    """A folder holding one good article, baik.txt, for the tests to add a bad entry to."""
    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "baik.txt").write_text(BERITA, encoding="utf-8")
    return folder


def test_a_symlink_loop_is_one_line_and_the_rest_builds(
    fake_parser: Parser, berita: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (berita / "sub").mkdir()
    (berita / "loop.txt").symlink_to("loop.txt")
    (berita / "sub" / "atas").symlink_to("..")  # a folder loop: not followed
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, berita), parser=fake_parser)
    assert_one_line_error(run, ExitCode.NOT_FOUND, berita / "loop.txt", "symbolic links")
    assert [p.name for p in (out / "articles").glob("*.ttl")] == ["baik.ttl"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_one_line_and_the_rest_builds(
    fake_parser: Parser, berita: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (berita / "rahasia").mkdir()
    (berita / "rahasia").chmod(0)
    try:
        run = run_kg(capsys, *build_args(tmp_path / "out", berita), parser=fake_parser)
    finally:
        (berita / "rahasia").chmod(0o755)
    assert_one_line_error(run, ExitCode.NOT_FOUND, berita / "rahasia", "cannot read the folder")
    assert (tmp_path / "out" / "graph.ttl").is_file()


HOSTILE_TTL = """\
@prefix schema: <https://schema.org/> .
<https://w3id.org/kg-pemilu/id/person/a> schema:name "Budi\\u001b]0;diretas\\u0007 \\u009b31m" .
<https://w3id.org/kg-pemilu/id/person/b> schema:name "=HYPERLINK(\\"http://x\\")" .
<https://w3id.org/kg-pemilu/id/person/c> schema:name "@SUM(A1)" .
<https://w3id.org/kg-pemilu/id/person/d> schema:name "-2+3" .
<https://w3id.org/kg-pemilu/id/person/e> schema:name "+62 812" .
<https://w3id.org/kg-pemilu/id/person/f> schema:name "\\tTAB" .
"""


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_query_output_escapes_control_characters(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "jahat.ttl"
    graph.write_text(HOSTILE_TTL, encoding="utf-8")
    run = run_kg(capsys, "query", graph, "SELECT ?n WHERE { ?s <https://schema.org/name> ?n } ORDER BY ?n",
                 "--format", fmt)
    assert run.code == 0, run.err
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", run.out.replace("\r\n", "\n"))  # CSV ends rows in CRLF
    assert "Budi\\x1b]0;diretas\\x07 \\x9b31m" in run.out


def test_csv_cells_cannot_be_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    graph = tmp_path / "jahat.ttl"
    graph.write_text(HOSTILE_TTL, encoding="utf-8")
    run = run_kg(capsys, "query", graph, "SELECT ?n WHERE { ?s <https://schema.org/name> ?n } ORDER BY ?n",
                 "--format", "csv")
    cells = [row[0] for row in csv.reader(run.out.splitlines())][1:]
    assert sorted(cells) == sorted(["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-2+3", "'+62 812",
                                    "'\tTAB", "Budi\\x1b]0;diretas\\x07 \\x9b31m"])


def test_error_messages_escape_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "judul\x1b]0;diretas\x07.txt"
    run = run_kg(capsys, *build_args(tmp_path / "out", missing))
    assert run.code == ExitCode.NOT_FOUND
    assert "\x1b" not in run.err and "\x07" not in run.err
    assert "judul\\x1b]0;diretas\\x07.txt" in run.err


# --------------------------------------------------------------------------- limits and outputs


def test_an_article_over_the_word_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_kg(capsys, *build_args(tmp_path / "out", SEED, extra=("--max-words", "50")))
    assert_one_line_error(run, ExitCode.TOO_LARGE, SEED, "the limit is 50 (--max-words)")


def test_a_long_jsonl_record_is_refused_alone(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run = run_kg(capsys, *build_args(out, BAD / "broken.jsonl", extra=("--max-words", "25")), parser=fake_parser)
    assert run.code in (ExitCode.BAD_RECORD, ExitCode.TOO_LARGE)
    assert any("--max-words" in line for line in run.error_lines)
    assert (out / "graph.ttl").is_file()  # the short records were built


@pytest.mark.parametrize("value", ["-1", "0", "dua"])
def test_limits_must_be_positive(value: str, small_graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["query", str(small_graph), "SELECT * WHERE { ?s ?p ?o }", "--limit", value])
    assert info.value.code == ExitCode.USAGE
    assert "at least 1" in capsys.readouterr().err


def test_draw_refuses_a_hairball_and_suggests_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "besar.ttl"
    graph.write_text("@prefix org: <http://www.w3.org/ns/org#> .\n" + "".join(
        f"<http://x/p{i}> org:holds <http://x/post{i}> .\n" for i in range(30)), encoding="utf-8")
    out = tmp_path / "g.png"
    run = run_kg(capsys, "draw", graph, "--out", out, "--max-nodes", "20")
    line = assert_one_line_error(run, ExitCode.TOO_LARGE, "", "60 nodes are too many")
    assert "--focus" in line and not out.exists()
    run = run_kg(capsys, "draw", graph, "--out", out, "--max-nodes", "20", "--focus", "p7")
    assert run.code == 0, run.err
    assert out.is_file()


def test_draw_out_needs_an_image_suffix(small_graph: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    run = run_kg(capsys, "draw", small_graph, "--out", tmp_path / "noext")
    assert_one_line_error(run, ExitCode.USAGE, tmp_path / "noext", ".png, .svg or .graphml")
    assert list(tmp_path.iterdir()) == [small_graph]


def test_out_that_is_a_file_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("articles were read before --out was checked")

    monkeypatch.setattr(kg.builder, "build_dataset", no_reading)
    file = tmp_path / "hasil.txt"
    file.write_text("bukan folder", encoding="utf-8")
    run = run_kg(capsys, *build_args(file, SEED))
    assert_one_line_error(run, ExitCode.IO_ERROR, file, "must be a folder")
    run = run_kg(capsys, *build_args(file / "sub", SEED))
    assert_one_line_error(run, ExitCode.IO_ERROR, file / "sub", "cannot write to the output folder")


def test_out_inside_the_input_folder_is_never_read_as_articles(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "berita"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BERITA, encoding="utf-8")
    for _ in range(2):
        run = run_kg(capsys, *build_args(corpus / "exports", corpus), parser=fake_parser)
        assert run.code == 0, run.err
        assert "building 1 article" in run.err
    run = run_kg(capsys, *build_args(corpus, corpus), parser=fake_parser)
    assert_one_line_error(run, ExitCode.IO_ERROR, corpus, "input folder")


def test_a_full_disk_is_one_line_naming_the_export(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import kg.graph.export

    out = tmp_path / "out"
    assert run_kg(capsys, *build_args(out, SEED), parser=fake_parser).code == 0
    before = (out / "graph.ttl").read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kg.graph.export.os, "fsync", full)
    run = run_kg(capsys, *build_args(out, SEED), parser=fake_parser)
    line = assert_one_line_error(run, ExitCode.IO_ERROR, out / "articles", "No space left on device")
    assert ".tmp" not in line
    assert (out / "graph.ttl").read_bytes() == before
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temporary file left


def test_an_unwritable_cache_is_one_line(
    fake_parser: Parser, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("", encoding="utf-8")
    run = run_kg(capsys, "build", SEED, "--out", tmp_path / "out", "--no-images", "--cache", blocker,
                 parser=fake_parser)
    assert_one_line_error(run, ExitCode.IO_ERROR, blocker, "cannot write")
