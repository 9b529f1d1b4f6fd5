"""`kg eval` scoring: event participants are scored apart from the reference scorer's figures."""

from __future__ import annotations

from kg.evaluation import CATEGORIES, Report, score_article

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
