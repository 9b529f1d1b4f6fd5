"""`kg models evaluate`: the scoring helpers, and one small run of the bundled models."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import needs_models

from kg.errors import KgError
from kg.nlp.evaluation import evaluate_models, fold_lemmas, prf
from kg.nlp.tags import tag_spans

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_spans_read_bio_and_bioes_alike() -> None:
    bio = ["B-PERSON", "I-PERSON", "O", "B-PLACE", "B-PLACE", "I-ORGANISATION"]
    bioes = ["B-PERSON", "E-PERSON", "O", "S-PLACE", "S-PLACE", "S-ORGANISATION"]
    expected = {(0, 2, "PERSON"), (3, 4, "PLACE"), (4, 5, "PLACE"), (5, 6, "ORGANISATION")}
    assert tag_spans(bio) == tag_spans(bioes) == expected
    assert tag_spans(["O", "I-PLACE", "I-PLACE", "I-PERSON"]) == {(1, 3, "PLACE"), (3, 4, "PERSON")}


def test_prf_is_zero_where_undefined() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 1) == pytest.approx((1.0, 0.5, 2 / 3))


def test_fold_lemmas_unifies_gsd_and_csui() -> None:
    gsd = "1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_\n1\tRumah\trumah\tNOUN\t_\t_\t0\troot\t_\t_\n" \
          "2\tnya\tdia\tPRON\t_\t_\t1\tnmod:poss\t_\t_\n"
    csui = gsd.replace("\trumah\t", "\tRumah\t").replace("\tdia\t", "\tnya\t")
    assert fold_lemmas(gsd) == fold_lemmas(csui)
    assert "\tnya\tnya\t" in fold_lemmas(gsd)


def test_missing_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="evaluation needs"):
        evaluate_models("bundled", tmp_path / "nowhere", limit=1)


@pytest.mark.slow
@needs_models
def test_bundled_models_on_five_sentences() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} not present")
    report = evaluate_models("bundled", SHARED_DATA, limit=5)
    for needle in ("GSD test", "CSUI test", "LAS", "Lemmas", "micro", "tokens/s", "threads",
                   "NERGrit test", "IDNer-news-2k test", "weights: int8"):
        assert needle in report
    assert "XPOS" not in report
    ner_only = evaluate_models("bundled", SHARED_DATA, limit=5, ud=False)
    assert "IDNer-news-2k test" in ner_only and "GSD test" not in ner_only and "tokens/s" not in ner_only
