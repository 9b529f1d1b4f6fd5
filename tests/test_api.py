"""The public API (kg.build, kg.build_text, kg.Store, kg.to_networkx, kg.draw) and its agreement
with the command line: the CLI is a thin layer over these, so both give the same graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset

import kg
from kg.builder import Parser
from kg.cli import main
from kg.errors import ExitCode, GraphError, InputError
from kg.graph.export import trig
from kg.graph.vocab import SCHEMA

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
TEXT = ("Ketua KPU Kota Bandung Budi Santoso mengatakan rapat pleno digelar di Bandung pada "
        "12 November 2024. Bawaslu Kota Bandung juga hadir dalam rapat tersebut.")


@pytest.fixture(autouse=True)
def in_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.build caches parses in ./.kg-cache, as `kg build` does: keep it out of the checkout."""
    monkeypatch.chdir(tmp_path)


def quads(dataset: Dataset) -> set[str]:
    """The dataset's quads as N-Quads lines, after a TriG round trip (3 and 3.0 are one decimal)."""
    again = Dataset().parse(data=trig(dataset), format="trig")
    return {line for line in again.serialize(format="nquads").splitlines() if line}


def test_a_missing_path_is_an_error_naming_it(tmp_path: Path, fake_parser: Parser) -> None:
    missing = tmp_path / "tidak-ada"
    with pytest.raises(InputError) as err:
        kg.build([ARTICLES, missing], parser=fake_parser)
    assert err.value.code == ExitCode.NOT_FOUND and str(missing) in str(err.value)


def test_api_and_cli_build_the_same_resolved_graph(tmp_path: Path, fake_parser: Parser) -> None:
    from_api = kg.build(ARTICLES, parser=fake_parser)
    assert main(["build", str(ARTICLES), "--out", str(tmp_path), "--no-images", "--no-cache"],
                parser=fake_parser) == 0
    from_cli = Dataset().parse(tmp_path / "graph.trig", format="trig")
    assert quads(from_api) == quads(from_cli)
    assert len({g.identifier for g in from_api.graphs() if len(g)}) == len(list(ARTICLES.iterdir()))


def test_the_api_builds_a_duplicate_once_as_the_cli_does(tmp_path: Path, fake_parser: Parser) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = sorted(ARTICLES.iterdir())[0]
    (corpus / first.name).write_bytes(first.read_bytes())
    (corpus / f"salinan-{first.name}").write_bytes(first.read_bytes())  # a copy under another name
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--no-images", "--no-cache"],
                parser=fake_parser) == 0
    from_cli = Dataset().parse(tmp_path / "out" / "graph.trig", format="trig")
    assert quads(kg.build(corpus, parser=fake_parser)) == quads(from_cli)


def test_a_file_a_folder_and_a_list_give_the_same_graph(fake_parser: Parser) -> None:
    files = sorted(ARTICLES.iterdir())
    assert quads(kg.build(files, parser=fake_parser)) == quads(kg.build(str(ARTICLES), parser=fake_parser))
    one = kg.build(files[0], parser=fake_parser)
    assert len([g for g in one.graphs() if len(g)]) == 1


def test_build_text(fake_parser: Parser) -> None:
    dataset = kg.build_text(TEXT, parser=fake_parser)
    names = {str(o) for g in dataset.graphs() for o in g.objects(None, SCHEMA.name)}
    assert "Budi Santoso" in names
    with pytest.raises(InputError, match="empty"):
        kg.build_text("  ", parser=fake_parser)


def test_the_store_api_equals_a_build(tmp_path: Path, fake_parser: Parser) -> None:
    store = kg.Store(tmp_path / "store", write=True)
    report = store.sync([ARTICLES], parser=fake_parser, cache_dir=None)
    assert report.added == report.articles > 1 and report.unchanged == 0
    again = store.sync([ARTICLES], parser=fake_parser, cache_dir=None)
    assert again.unchanged == report.articles and again.built == 0
    assert quads(store.to_rdflib()) == quads(kg.build(ARTICLES, parser=fake_parser))
    result = store.query("SELECT ?s WHERE { ?s a <https://schema.org/NewsArticle> }", limit=2)
    assert result.columns == ["s"] and len(result.rows) == 2
    with pytest.raises(GraphError):
        kg.Store(tmp_path / "none")


def test_networkx_and_drawing(tmp_path: Path, fake_parser: Parser) -> None:
    g = kg.to_networkx(kg.build_text(TEXT, parser=fake_parser))
    assert any(data["kind"] == "person" for _, data in g.nodes(data=True))
    out = kg.draw(g, tmp_path / "g.svg", title="uji")
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_a_writing_store_holds_the_writer_lock_until_closed(tmp_path: Path) -> None:
    with kg.Store(tmp_path / "store", write=True):
        with pytest.raises(GraphError, match=f"being written by PID {os.getpid()}") as busy:
            kg.Store(tmp_path / "store", write=True)
        assert busy.value.code == ExitCode.STORE_BUSY
    kg.Store(tmp_path / "store", write=True).close()  # released: a second writer may open it now
