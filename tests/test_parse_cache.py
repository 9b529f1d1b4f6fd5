"""The parse cache: keyed by what made the parse, and never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fake_parse

from kg.builder import ParseCache, Parser, build_articles, model_fingerprint, text_article

TEXT = "Ketua KPU Kota Bandung Budi Santoso mengatakan rapat pleno digelar di Bandung pada 12 November 2024."


def test_a_retrained_model_of_the_same_size_changes_the_key(model_files: Path) -> None:
    before = model_fingerprint(model_files)
    assert model_fingerprint(model_files) == before
    (model_files / "pos.pt").write_bytes(b"weights-b")  # same size, other contents
    assert model_fingerprint(model_files) != before


@pytest.mark.parametrize("damage", [b"", b"\xff\xfe\x00garbage", b"# text = something else\n1\tx\n",
                                    b"1\tKetua\tketua\tNOUN\n"])
def test_an_unreadable_entry_is_a_miss_and_is_replaced(damage: bytes, tmp_path: Path,
                                                       fake_parser: Parser) -> None:
    article = text_article(TEXT)
    cache = ParseCache(tmp_path / "cache", fake_parser.key)
    cache.put(article, fake_parse(article.text))
    [entry] = (tmp_path / "cache").rglob("*.conllu")
    assert cache.get(article) is not None
    entry.write_bytes(damage)
    assert cache.get(article) is None
    _, report = build_articles([article], parser=fake_parser, cache_dir=tmp_path / "cache")
    assert report.parsed == 1 and cache.get(article) is not None
