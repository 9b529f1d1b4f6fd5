"""An article copied from a news site's page, not saved clean, gives the same extraction: its headline on the
first line, one paragraph a line, "Baca juga: …" links, advertisement markers and the credits between and after
the paragraphs (kg/ingest/furniture.py, the headline in kg/ingest/formats.py, each line a paragraph in
kg/nlp/lines.py). Held-out articles, parsed by the bundled models both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import article_graph, needs_models

from kg.graph.summary import summarize
from kg.ingest import read_article

pytestmark = [pytest.mark.slow, needs_models]
HELDOUT = Path(__file__).parent / "fixtures" / "heldout" / "articles"
FURNITURE = {1: "Baca juga: KPU Tetapkan Jadwal Debat Kedua Pilkada 2024", 2: "ADVERTISEMENT",
             3: "SCROLL TO CONTINUE WITH CONTENT"}


def web_copy(text: str, keep_title: bool) -> str:
    """The same article as a copy from its page: headline first, a paragraph a line, furniture, credits."""
    front, body = re.match(r"(---\n.*?\n---\n)(.*)", text, re.S).groups()
    title = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M).group(1)
    front = front if keep_title else re.sub(r"^title:.*\n", "", front, flags=re.M)
    lines = [title]
    for i, paragraph in enumerate(p.strip() for p in re.split(r"\n\s*\n", body.strip())):
        lines += [paragraph, *([FURNITURE[i]] if i in FURNITURE else [])]
    return front + "\n" + "\n".join([*lines, "Pewarta: Rudi Hartono", "Editor: Sinta Dewi"]) + "\n"


@pytest.mark.parametrize("name", ["penggantian_cawabup_musi_rawas", "rekapitulasi_pilwalkot_pematangsiantar",
                                  "wabup_mundur_maju_pilbup_bone_bolango"])
@pytest.mark.parametrize("keep_title", [True, False], ids=["front-matter-title", "headline-only"])
def test_a_web_copy_extracts_as_the_clean_article(tmp_path, name: str, keep_title: bool) -> None:
    from kg.builder import stanza_parser

    clean = read_article(HELDOUT / f"{name}.txt")[0]
    path = tmp_path / f"{name}.txt"
    path.write_text(web_copy((HELDOUT / f"{name}.txt").read_text(encoding="utf-8"), keep_title), encoding="utf-8")
    copied = read_article(path)[0]
    assert copied.title == clean.title
    parses = list(stanza_parser("bundled").parse([clean, copied]))
    summaries = [summarize(article_graph(a, p)) for a, p in zip([clean, copied], parses, strict=True)]
    assert summaries[1] == summaries[0]
