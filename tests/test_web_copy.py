"""An article copied from a news site's page, not saved clean, gives the same extraction: its headline on the
first line (and the page's date stamp under it), one paragraph a line, "Baca juga: …" links, advertisement
markers and the credits between and after the paragraphs (kg/ingest/furniture.py, the headline and date line in
kg/ingest/formats.py, each line a paragraph in kg/nlp/lines.py). Held-out articles, parsed by the bundled
models both ways."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import article_graph, needs_models

from kg.graph.summary import summarize
from kg.ingest import read_article

pytestmark = [pytest.mark.slow, needs_models]
HELDOUT = Path(__file__).parent / "fixtures" / "heldout" / "articles"
sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
from web_copy import web_copy  # noqa: E402 - the transform bench/web_copy.py measures all held-out articles with


@pytest.mark.parametrize("name", ["penggantian_cawabup_musi_rawas", "rekapitulasi_pilwalkot_pematangsiantar",
                                  "wabup_mundur_maju_pilbup_bone_bolango"])
@pytest.mark.parametrize("keep_front_matter", [True, False], ids=["front-matter", "headline-and-date-line"])
def test_a_web_copy_extracts_as_the_clean_article(tmp_path, name: str, keep_front_matter: bool) -> None:
    from kg.builder import stanza_parser

    clean = read_article(HELDOUT / f"{name}.txt")[0]
    path = tmp_path / f"{name}.txt"
    path.write_text(web_copy((HELDOUT / f"{name}.txt").read_text(encoding="utf-8"), keep_front_matter),
                    encoding="utf-8")
    copied = read_article(path)[0]
    assert (copied.title, copied.date) == (clean.title, clean.date)
    parses = list(stanza_parser("bundled").parse([clean, copied]))
    summaries = [summarize(article_graph(a, p)) for a, p in zip([clean, copied], parses, strict=True)]
    assert summaries[1] == summaries[0]
