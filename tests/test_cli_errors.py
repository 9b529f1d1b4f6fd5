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
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, Graph

import kg.builder
from kg.builder import Parser
from kg.cli import main
from kg.errors import ExitCode, ModelError
from kg.extract.facts import RULE, Entity, Evidence, Extraction, Mention
from kg.graph.vocab import SCHEMA
from kg.ingest import MAX_BYTES
from kg.nlp.parse import Parse
from kg.nlp.pipeline import model_paths

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
BAD = TESTS / "fixtures" / "bad"
SEED = REPO / "seeds" / "sumsel-pilkada-2024.txt"


def _missing_models() -> str | None:
    try:
        model_paths("bundled")
    except ModelError as err:
        return str(err)
    return None


MISSING_MODELS = _missing_models()
needs_models = pytest.mark.skipif(
    MISSING_MODELS is not None, reason=f"bundled Stanza models incomplete: {MISSING_MODELS}"
)


# --------------------------------------------------------------------------- running kg


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("kg: error:")]


def run_kg(capsys: pytest.CaptureFixture[str], *argv: str | Path, parser: Parser | None = None) -> Run:
    capsys.readouterr()  # drop anything printed before
    code = main([str(a) for a in argv], parser=parser)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


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
    articles = sorted(str(s) for s in graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert [a.rsplit("/", 1)[-1] for a in articles] == ["broken-1", "broken-3"]


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
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, argv)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
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

