"""The Oxigraph store, cross-article entity resolution, the parse cache and parse workers.

Most tests run without Stanza: articles get hand-made parses (NER tags for the names we
list) through the parse cache, and the parser passed in fails if called.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import kg_env, needs_models, write_articles
from rdflib import Dataset, URIRef

import kg
from kg import cli
from kg.builder import ParseCache, Parser, build_articles
from kg.graph.resolution import Record, canonicalise, resolve
from kg.graph.store import open_store, to_rdflib
from kg.graph.vocab import DEFAULT_BASE, SCHEMA
from kg.ingest import iter_articles
from kg.nlp.parse import Parse, rough_parse

BASE = DEFAULT_BASE.rstrip("/")
PERSON, CITY, REGENCY = str(SCHEMA.Person), "https://w3id.org/kg-pemilu/ontology#City", \
    "https://w3id.org/kg-pemilu/ontology#Regency"
ORGANIZATION, PLACE = str(SCHEMA.Organization), str(SCHEMA.Place)
ELECTION_BODY = "https://w3id.org/kg-pemilu/ontology#ElectionBody"

ARTICLES = {
    "a": "Ketua KPU Sumsel Budi Santoso mengatakan rapat koordinasi digelar di Palembang pada "
         "12 November 2024. \"Kami siap melaksanakan pilkada dengan aman dan tertib,\" kata Budi. "
         "Bawaslu Sumsel juga hadir dalam rapat tersebut dan menyatakan dukungan pengawasan.",
    "b": "Budi menyampaikan bahwa Komisi Pemilihan Umum Provinsi Sumatera Selatan telah menyiapkan "
         "1.205 petugas untuk pemilihan gubernur. Menurut dia, semua logistik akan tiba di "
         "Palembang sebelum hari pemungutan suara. Jaringan Demokrasi Rakyat (JDR) ikut memantau.",
    "c": "Anggota Bawaslu Jabar Budi Hartono mengatakan pengawasan kampanye di Bandung berjalan "
         "lancar. \"Kami tidak menemukan pelanggaran berat selama masa kampanye,\" kata Budi. "
         "JDR juga melaporkan hasil pemantauan kepada Bawaslu Jawa Barat pada hari Senin.",
}
NAMES = {"Budi Santoso": "PER", "Budi Hartono": "PER", "Budi": "PER",
         "Jaringan Demokrasi Rakyat": "ORG", "JDR": "ORG"}
def fake_parse(text: str) -> Parse:
    return rough_parse(text, NAMES)


def no_parsing(articles: list):
    raise AssertionError("Stanza was asked to parse")
    yield


@pytest.fixture
def offline(tmp_path: Path) -> dict:
    """A parser that must not be called: every parse comes from the cache."""
    return {"parser": Parser(no_parsing, "hand-made"), "cache": tmp_path / "cache",
            "corpus": tmp_path / "corpus"}


def write_corpus(offline: dict, texts: dict[str, str]) -> None:
    """The corpus holds exactly ``texts`` (by file stem, as NAME.txt); their parses in the cache."""
    write_files(offline, {f"{name}.txt": text for name, text in texts.items()})


def build(offline: dict, store: Path, *extra: str, code: int = 0) -> None:
    argv = ["build", str(offline["corpus"]), "--store", str(store), "--cache", str(offline["cache"]), *extra]
    assert cli.main(argv, parser=offline["parser"]) == code


def quads(store_dir: Path) -> list[str]:
    store = open_store(store_dir)
    return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


def person_in(store_dir: Path, article: str) -> set[str]:
    """Persons of the article labelled ``article`` (its file stem)."""
    rows = open_store(store_dir).query(
        f"SELECT ?e WHERE {{ GRAPH ?g {{ ?g <{SCHEMA.identifier}> {article!r} . "
        f"?e a <{PERSON}> }} }}")
    return {row["e"].value for row in rows}


def labels(store_dir: Path) -> list[str]:
    """The file stems of the store's articles, one per article graph."""
    rows = open_store(store_dir).query(
        f"SELECT ?id WHERE {{ GRAPH ?g {{ ?g <{SCHEMA.identifier}> ?id }} }}")
    return sorted(row["id"].value for row in rows)


# ----------------------------------------------------------------------------- the store


def test_incremental_builds_keep_the_store_exact(offline: dict, tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_corpus(offline, {"a": ARTICLES["a"], "b": ARTICLES["b"]})
    build(offline, store, "--prune")
    assert person_in(store, "b") == {f"{BASE}/person/budi-santoso"}  # the one Budi known

    write_corpus(offline, ARTICLES)  # add c: a second full name with "Budi"
    build(offline, store, "--prune")
    assert person_in(store, "b") == {f"{BASE}/person/budi"}  # ambiguous now: kept apart
    assert person_in(store, "c") == {f"{BASE}/person/budi-hartono"}

    changed = ARTICLES["a"].replace("12 November", "13 November")
    final = {"a": changed, "c": ARTICLES["c"]}
    write_corpus(offline, final)  # change a, remove b
    build(offline, store, "--prune")

    fresh = tmp_path / "fresh"
    build(offline, fresh)
    assert quads(store) == quads(fresh)
    union = open_store(store).quads_for_pattern(None, None, None, ox.DefaultGraph())
    named = [q for q in open_store(store) if not isinstance(q.graph_name, ox.DefaultGraph)]
    assert {q.triple for q in union} == {q.triple for q in named}  # the default graph is the union
    assert labels(store) == ["a", "c"]
    assert len(list(open_store(store).named_graphs())) == 2
    assert person_in(store, "c") == {f"{BASE}/person/budi-hartono"}


def test_an_interrupted_build_is_resolved_by_the_next(offline: dict, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.graph import store as kg_store

    corpus, cache, parser = offline["corpus"], offline["cache"], offline["parser"]
    write_corpus(offline, {"a": ARTICLES["a"], "b": ARTICLES["b"]})
    build(offline, tmp_path / "store")
    write_corpus(offline, ARTICLES)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(kg_store, "resolve_store", interrupted)
        assert cli.main(["build", str(corpus), "--store", str(tmp_path / "store"),
                         "--cache", str(cache)], parser=parser) == 130
    assert person_in(tmp_path / "store", "b") == {f"{BASE}/person/budi-santoso"}  # stale
    build(offline, tmp_path / "store")  # nothing changed, but resolution was pending
    build(offline, tmp_path / "fresh")
    assert quads(tmp_path / "store") == quads(tmp_path / "fresh")


def test_store_equals_the_in_memory_build(offline: dict, tmp_path: Path) -> None:
    write_corpus(offline, ARTICLES)
    build(offline, tmp_path / "store")
    dataset = kg.build(offline["corpus"], parser=offline["parser"], cache_dir=offline["cache"])
    from_store = to_rdflib(open_store(tmp_path / "store"))
    assert nquads(from_store) == nquads(dataset)


def nquads(dataset: Dataset) -> list[str]:
    return sorted(line for line in dataset.serialize(format="nquads").splitlines() if line)


def test_unchanged_articles_are_skipped_before_parsing(offline: dict,
                                                       tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    write_corpus(offline, ARTICLES)
    build(offline, tmp_path / "store")
    before = quads(tmp_path / "store")
    shutil.rmtree(offline["cache"])  # no parse to fall back on: only the store can skip them
    capsys.readouterr()
    build(offline, tmp_path / "store")
    assert "3 unchanged" in capsys.readouterr().err
    assert quads(tmp_path / "store") == before


def test_query_and_validate_read_the_store(offline: dict, tmp_path: Path,
                                           capsys: pytest.CaptureFixture) -> None:
    write_corpus(offline, ARTICLES)
    build(offline, tmp_path / "store")
    capsys.readouterr()
    assert cli.main(["query", "--store", str(tmp_path / "store"), "--name", "posts"]) == 0
    table = capsys.readouterr().out
    assert "Budi Santoso" in table and "Budi Hartono" in table
    assert cli.main(["query", "--store", str(tmp_path / "store"),
                     "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]) == 0
    assert cli.main(["validate", "--store", str(tmp_path / "store")]) == 0
    capsys.readouterr()
    every = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert cli.main(["query", "--store", str(tmp_path / "store"), every, "--limit", "3",
                     "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 3  # header and three rows


def write_files(offline: dict[str, Path], files: dict[str, str]) -> None:
    """The corpus holds exactly ``files`` (relative paths), their parses in the cache."""
    corpus = offline["corpus"]
    shutil.rmtree(corpus, ignore_errors=True)
    for name, text in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    parses = ParseCache(offline["cache"], offline["parser"].key)
    for article in iter_articles([corpus]):
        parses.put(article, fake_parse(article.text))


def quote_count(store_dir: Path) -> int:
    rows = open_store(store_dir).query(
        "SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a <https://schema.org/Quotation> }")
    return int(next(iter(rows))["n"].value)


def test_files_with_one_name_in_two_folders_are_two_articles(offline: dict[str, Path],
                                                              tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_files(offline, {"A/berita.txt": ARTICLES["a"]})
    build(offline, store)
    write_files(offline, {"B/berita.txt": ARTICLES["c"]})
    build(offline, store)
    assert labels(store) == ["berita", "berita"]  # B's did not replace A's


def test_a_renamed_file_moves_its_article(offline: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    store = tmp_path / "store"
    write_files(offline, {"a.txt": ARTICLES["a"], "c.txt": ARTICLES["c"]})
    build(offline, store)
    quotes = quote_count(store)
    before = quads(store)
    write_files(offline, {"a-renamed.txt": ARTICLES["a"], "sub/c.txt": ARTICLES["c"]})
    capsys.readouterr()
    build(offline, store)  # no --prune
    assert "2 unchanged" in capsys.readouterr().err
    assert quote_count(store) == quotes and quads(store) == before
    sources = json.loads((store / "kg-sources.json").read_text(encoding="utf-8"))["sources"]
    assert sorted(Path(src).name for src in sources) == ["a-renamed.txt", "c.txt"]


def test_identical_content_is_one_article(offline: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    write_files(offline, {"a.txt": ARTICLES["a"], "salinan/a-copy.txt": ARTICLES["a"]})
    capsys.readouterr()
    build(offline, tmp_path / "store")
    assert "the same article as" in capsys.readouterr().err
    assert labels(tmp_path / "store") == ["a"]


def test_a_changed_file_replaces_its_article(offline: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_files(offline, {"a.txt": ARTICLES["a"], "b.txt": ARTICLES["b"]})
    build(offline, store)
    write_files(offline, {"a.txt": ARTICLES["a"].replace("12 November", "13 November"),
                          "b.txt": ARTICLES["b"]})
    build(offline, store)  # no --prune: the file a.txt now gives another article
    build(offline, tmp_path / "fresh")
    assert quads(store) == quads(tmp_path / "fresh")


def test_prune_keeps_the_article_of_a_file_that_failed_to_read(offline: dict[str, Path],
                                                               tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_files(offline, {"a.txt": ARTICLES["a"], "b.txt": ARTICLES["b"]})
    build(offline, store, "--prune")
    (offline["corpus"] / "b.txt").write_bytes(b"")  # truncated to 0 bytes
    build(offline, store, "--prune", code=4)
    assert labels(store) == ["a", "b"]
    (offline["corpus"] / "b.txt").unlink()  # now it is gone: pruned
    build(offline, store, "--prune")
    assert labels(store) == ["a"]


def test_a_store_named_by_file_names_is_upgraded(offline: dict[str, Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    """A store of an earlier kg (graphs named by file stem, no sources file) is rebuilt in place."""
    write_files(offline, {"a.txt": ARTICLES["a"], "b.txt": ARTICLES["b"]})
    build(offline, tmp_path / "fresh")
    data = "\n".join(quads(tmp_path / "fresh"))
    for article in iter_articles([offline["corpus"]]):
        data = data.replace(article.key, article.id)  # article/<key> -> article/<stem>, as before
    old = ox.Store(str(tmp_path / "old"))
    old.load(data.encode(), format=ox.RdfFormat.N_QUADS)
    old.flush()
    del old
    assert f"{BASE}/article/a" in {g.value for g in open_store(tmp_path / "old").named_graphs()}
    capsys.readouterr()
    build(offline, tmp_path / "old")
    assert "upgrading" in capsys.readouterr().err
    assert quads(tmp_path / "old") == quads(tmp_path / "fresh")


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    assert cli.main(["query", "--store", str(tmp_path / "none"), "--name", "posts"]) == 3


# ----------------------------------------------------------------------------- the parse cache


def test_a_cache_hit_skips_parsing(offline: dict) -> None:
    write_corpus(offline, {"a": ARTICLES["a"]})
    articles = list(iter_articles([offline["corpus"]]))
    _, report = build_articles(articles, parser=offline["parser"], cache_dir=offline["cache"])
    assert report.parsed == 0 and report.built[0].cached
    assert report.built[0].extraction.holdings  # the cached parse was used
    with pytest.raises(AssertionError, match="asked to parse"):  # a miss would have parsed
        build_articles(articles, parser=offline["parser"], cache_dir=offline["cache"] / "empty")


# ----------------------------------------------------------------------------- resolution


def record(graph: str, node: str, cls: str, label: str, *aliases: str) -> Record:
    kind = {PERSON: "person", CITY: "place", REGENCY: "place", PLACE: "place"}.get(
        cls, "organization")
    return Record(f"{BASE}/article/{graph}", f"{BASE}/{kind}/{node}", kind, frozenset({cls}),
                  frozenset({label}), frozenset(aliases), frozenset({label}))


def iris(records: list[Record]) -> list[str]:
    mapping = resolve(records, DEFAULT_BASE)
    return [mapping[(r.graph, r.node)].iri.removeprefix(BASE + "/") for r in records]


def test_a_short_name_joins_the_one_full_name_containing_it() -> None:
    recs = [record("a", "budi-santoso", PERSON, "Budi Santoso", "Budi"),
            record("b", "budi", PERSON, "Budi"),
            record("c", "santoso", PERSON, "Santoso")]
    assert iris(recs) == ["person/budi-santoso"] * 3


def test_people_with_the_same_short_name_stay_apart() -> None:
    recs = [record("a", "budi-santoso", PERSON, "Budi Santoso", "Budi"),
            record("b", "budi-hartono", PERSON, "Budi Hartono", "Budi"),
            record("c", "budi", PERSON, "Budi"),
            record("d", "budi-santoso-wibowo", PERSON, "Budi Santoso Wibowo")]
    assert iris(recs) == ["person/budi-santoso", "person/budi-hartono", "person/budi",
                          "person/budi-santoso-wibowo"]  # full names are not shortened


def test_titles_and_degrees_do_not_make_another_person() -> None:
    recs = [record("a", "budi-santoso", PERSON, "Budi Santoso"),
            record("b", "dr-budi-santoso-m-si", PERSON, "Dr. Budi Santoso, M.Si."),
            record("c", "budi-santoso-s-h", PERSON, "Budi Santoso S.H.")]
    assert iris(recs) == ["person/budi-santoso"] * 3


def test_acronyms_join_their_full_names() -> None:
    kpu = "Komisi Pemilihan Umum Provinsi Sumatera Selatan"
    recs = [record("a", "jdr-full", ORGANIZATION, "Jaringan Demokrasi Rakyat", "JDR"),
            record("b", "jdr", ORGANIZATION, "JDR"),
            record("a", "kpu-sumsel", ELECTION_BODY, kpu, "KPU Sumsel", "KPU"),
            record("b", "kpu-sumsel-written", ELECTION_BODY, "KPU Sumsel"),
            record("c", "kpu", ELECTION_BODY, "Komisi Pemilihan Umum", "KPU")]
    assert iris(recs) == ["organization/jaringan-demokrasi-rakyat"] * 2 + \
        ["organization/komisi-pemilihan-umum-provinsi-sumatera-selatan"] * 2 + \
        ["organization/komisi-pemilihan-umum"]  # the national KPU is another body


def test_types_must_agree() -> None:
    recs = [record("a", "bandung", CITY, "Bandung"),
            record("b", "bandung", REGENCY, "Bandung"),
            record("c", "palembang", PLACE, "Palembang"),  # the NER model's untyped place
            record("d", "palembang", CITY, "Palembang"),
            record("e", "bandung", PLACE, "Bandung"),  # a city or the regency? not merged
            record("f", "palembang", PERSON, "Palembang")]
    assert iris(recs) == ["place/bandung-city", "place/bandung-regency", "place/palembang",
                          "place/palembang", "place/bandung-other", "person/palembang"]


def test_two_entities_of_one_article_never_merge() -> None:
    recs = [record("a", "bandung", CITY, "Bandung"), record("a", "bandung-2", CITY, "bandung")]
    assert len(set(iris(recs))) == 2


def test_canonicalising_keeps_every_alias_and_can_be_undone() -> None:
    from rdflib import RDFS, Graph, Literal

    node, article = URIRef(f"{BASE}/person/budi"), URIRef(f"{BASE}/article/b")
    graph = Graph()
    graph.add((node, SCHEMA.name, Literal("Budi")))
    graph.add((node, RDFS.label, Literal("Budi")))
    graph.add((article, SCHEMA.mentions, node))
    full = resolve([record("a", "budi-santoso", PERSON, "Budi Santoso"),
                    record("b", "budi", PERSON, "Budi")], DEFAULT_BASE)[(str(article), str(node))]
    merged = canonicalise(graph, {str(node): full})
    santoso = URIRef(full.iri)
    assert {o for s, p, o in merged if s == santoso and p == SCHEMA.name} == {Literal("Budi Santoso")}
    assert {o for s, p, o in merged if s == santoso and p == SCHEMA.alternateName} == {Literal("Budi")}
    assert (article, SCHEMA.mentions, santoso) in merged
    alone = resolve([record("b", "budi", PERSON, "Budi")], DEFAULT_BASE)[(str(article), str(node))]
    assert canonicalise(merged, {full.iri: alone}) == set(graph)


# ----------------------------------------------------------------------------- parse workers


@pytest.mark.slow
@needs_models
def test_two_workers_build_the_same_graph_as_one(tmp_path: Path) -> None:
    articles = list(iter_articles([write_articles(tmp_path / "corpus", ARTICLES)]))
    one, _ = build_articles(articles, cache_dir=None, workers=1)
    two, report = build_articles(articles, cache_dir=None, workers=2)
    assert report.parsed == len(ARTICLES)
    assert nquads(one) == nquads(two)


# ----------------------------------------------------------------------------- a busy store

WRITER_SCRIPT = """
import sys, time
from pathlib import Path
import pyoxigraph as ox
from kg.graph.store import writing
folder = Path(sys.argv[1])
with writing(folder):
    store = ox.Store(str(folder))
    print("writing", flush=True)
    end, n = time.monotonic() + float(sys.argv[2]), 0
    while time.monotonic() < end:  # what a build does: graphs in, flush, compact
        body = "".join(f"<http://x/s{n}-{i}> <http://x/p> 'o{i}' .\\n" for i in range(300))
        store.load(f"<http://x/g{n}> {{ {body} }}", format=ox.RdfFormat.TRIG)
        store.flush()
        store.optimize()
        n += 1
"""


def start_writer(folder: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, str(folder), str(seconds)],
                            stdout=subprocess.PIPE, text=True,
                            env=kg_env())
    assert proc.stdout.readline().strip() == "writing"
    return proc


def test_a_second_build_names_the_process_writing_the_store(offline: dict[str, Path],
                                                            tmp_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    write_corpus(offline, {"a": ARTICLES["a"]})
    writer = start_writer(tmp_path / "store", 30)
    try:
        capsys.readouterr()
        build(offline, tmp_path / "store", code=20)
        err = capsys.readouterr().err
        assert f"being written by PID {writer.pid}" in err and "Traceback" not in err
    finally:
        writer.kill()
        writer.wait()
    build(offline, tmp_path / "store")  # killed: the lock went with it


def test_reading_a_store_while_a_build_writes_it(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    """Opened again and again during flushes and compactions: never 'Corruption'."""
    from kg.graph.store import read_store

    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    writer = start_writer(tmp_path / "store", 4)
    try:
        opened = 0
        while writer.poll() is None:  # what kg draw/validate --store do: open, read everything
            read_store(tmp_path / "store", lambda store: list(store.query(count)))
            err = capsys.readouterr().err
            assert "Corruption" not in err and "MANIFEST" not in err
            opened += 1
    finally:
        writer.kill()
        writer.wait()
    assert opened > 5


def test_a_reader_tries_again_when_the_writer_has_just_let_go(tmp_path: Path) -> None:
    """A writer closing its store after releasing the lock can still delete files under a reader:
    with no writer left, the read is tried once more before it counts as a broken store."""
    import pyoxigraph as ox

    from kg.graph.store import read_store

    store = ox.Store(str(tmp_path / "store"))
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o")))
    store.flush()
    del store
    failures = iter([OSError("IO error: No such file or directory: 000009.sst")])

    def count(opened: ox.Store) -> int:
        if err := next(failures, None):  # what the closing writer's deleted file does to this reader
            raise err
        return len(opened)

    assert read_store(tmp_path / "store", count) == 1
    with pytest.raises(OSError, match="still broken"):
        read_store(tmp_path / "store", lambda opened: (_ for _ in ()).throw(OSError("still broken")))
