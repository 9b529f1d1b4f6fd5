"""`kg eval` scoring: event participants are scored apart from the reference scorer's figures; a real
evaluation of a held-out article leaves no scratch folder behind."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import needs_models

from kg.evaluation import CATEGORIES, Report, evaluate_dir, score_article

GOLD = {
    "persons": [{"name": "Andi Wijaya"}, {"name": "Rina Sari"}],
    "organizations": [{"name": "Komisi Pemilihan Umum Kota Maju", "aliases": ["KPU Kota Maju"]}],
    "events": [{"label": "Rapat pleno penetapan calon", "type": "meeting", "date": "2024-09-22",
                "participants": ["KPU Kota Maju", "Andi Wijaya", "Rina Sari"]},
               {"label": "Debat publik", "type": "debate", "date": None, "participants": ["Andi Wijaya"]}],
}
PRED = {
    "persons": [{"name": "Andi Wijaya", "aliases": ["Andi"]}, {"name": "Budi"}],
    "organizations": [{"name": "KPU Kota Maju", "aliases": ["Komisi Pemilihan Umum Kota Maju"]}],
    "events": [{"label": "rapat pleno penetapan calon wali kota", "type": "meeting", "date": "2024-09-22",
                "participants": ["Andi", "Budi", "KPU Kota Maju"]}],
}


def test_participants_match_by_any_name_of_their_entity_within_matched_events() -> None:
    cats = score_article(GOLD, PRED)
    part = cats["participants"]
    assert (part.matched, part.predicted, part.gold) == (2, 3, 3)  # the unmatched debate is not counted
    assert part.misses == ["Rapat pleno penetapan calon: Rina Sari"]
    assert part.false_hits == ["Rapat pleno penetapan calon: Budi"]


def test_participants_stay_out_of_the_overall_figure() -> None:
    report = Report({"a": score_article(GOLD, PRED)}, [])
    totals = report.totals()
    assert totals["overall"].gold == sum(totals[c].gold for c in CATEGORIES)
    assert list(totals)[-1] == "participants"


@pytest.mark.slow
@needs_models
def test_kg_eval_builds_scores_and_keeps_nothing_it_was_not_asked_for(tmp_path, monkeypatch) -> None:
    """`kg eval GOLD ARTICLES` on a held-out article: a real build, a real score, and no scratch folder left."""
    heldout = Path(__file__).parent / "fixtures" / "heldout"
    name = "debat_pilwalkot_kupang"
    for kind, ext in (("gold", "json"), ("articles", "txt")):
        (tmp_path / kind).mkdir()
        shutil.copy(heldout / kind / f"{name}.{ext}", tmp_path / kind)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(tmp_path)  # the parse cache goes here
    report = evaluate_dir(tmp_path / "gold", tmp_path / "articles")
    assert report.totals()["overall"].prf()[2] > 0.8
    assert list(scratch.iterdir()) == []
    kept = tmp_path / "pred"
    evaluate_dir(tmp_path / "gold", tmp_path / "articles", pred_dir=kept)
    assert (kept / f"{name}.json").is_file()
