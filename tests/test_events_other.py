"""Events outside the trigger lexicon, on sentences written for this test and parsed once by
the bundled models (tests/fixtures/sentences): the main verb of a dated sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.activities import activity_events, sentence_activity
from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.ingest import read_article
from kg.nlp.parse import Parse, from_conllu

SENTENCES = Path(__file__).parent / "fixtures" / "sentences"


@pytest.fixture(scope="module")
def lebak() -> tuple[Parse, Extraction]:
    article = read_article(SENTENCES / "articles" / "kegiatan_lebak.txt")[0]
    parse = from_conllu((SENTENCES / "parses" / "kegiatan_lebak.conllu").read_text(encoding="utf-8"),
                        text=article.text)
    return parse, extract(parse, article.date)


def sentence_with(parse: Parse, words: str):
    return next(s for s in parse.sentences if words in s.text)


def test_main_verbs_that_report_an_activity(lebak) -> None:
    parse, _ = lebak
    arrest = sentence_activity(sentence_with(parse, "menangkap"))
    assert arrest is not None and (arrest.kind, arrest.lemma) == ("activity", "tangkap")
    told = sentence_activity(sentence_with(parse, "disampaikan"))
    assert told is not None and told.kind == "statement"
    assert sentence_activity(sentence_with(parse, "memadati")) is None  # a crowd is no election activity


def test_dated_activities_and_statements_become_other_events(lebak) -> None:
    parse, x = lebak
    other = {e.date: e for e in x.events if e.code == "other"}
    assert set(other) == {"2024-11-21", "2024-11-22"}
    arrest = other["2024-11-21"]
    assert arrest.label.startswith("menangkap dua orang")
    assert [x.entity(p).name for p in arrest.participants] == ["Sentra Penegakan Hukum Terpadu Kabupaten Lebak"]
    assert x.entity(arrest.place).name == "Kecamatan Cibeber"
    statement = other["2024-11-22"]
    assert statement.label == "Keterangan Ahmad Suryadi"
    assert "Ahmad Suryadi" in [x.entity(p).name for p in statement.participants]


def test_no_other_event_without_a_date_or_where_the_lexicon_names_one(lebak) -> None:
    parse, x = lebak
    meeting = sentence_with(parse, "rapat pleno")
    covered = {parse.sentences.index(meeting)}
    found = activity_events(parse.text, list(parse.sentences), [], set(), lambda s, a: "Ahmad Suryadi")
    assert found == []  # no dates: nothing
    assert all(e.evidence.sentence not in covered for e in x.events if e.code == "other")
    assert [e.code for e in x.events if e.date == "2024-11-25"] == ["vote_count"]
    # "… pada Senin," kata Ahmad: the date is what the quote talks about, not when it was said
    assert not [e for e in x.events if e.code == "other" and e.date == "2024-11-25"]
