"""Events outside the trigger lexicon, on sentences written for this test and parsed once by
the bundled models (tests/fixtures/sentences): the main verb of a dated sentence, found in the
dependency tree (`kg build --trees`) or, in a default build's parse, outside subordinate clauses
with its stem read off its affixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import without_tree

from kg.extract.activities import activity_events, sentence_activity
from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.extract.stems import stem_candidates
from kg.ingest import read_article
from kg.nlp.parse import Parse, Sentence, Token, Word, from_conllu

SENTENCES = Path(__file__).parent / "fixtures" / "sentences"


@pytest.fixture(scope="module", params=[True, False], ids=["trees", "build"])
def lebak(request: pytest.FixtureRequest) -> tuple[Parse, Extraction]:
    article = read_article(SENTENCES / "articles" / "kegiatan_lebak.txt")[0]
    parse = from_conllu((SENTENCES / "parses" / "kegiatan_lebak.conllu").read_text(encoding="utf-8"),
                        text=article.text)
    parse = parse if request.param else without_tree(parse)
    return parse, extract(parse, article.date)


@pytest.mark.parametrize(("form", "stem"), [
    ("menangkap", "tangkap"), ("memantau", "pantau"), ("menyegel", "segel"), ("mengabulkan", "kabul"),
    ("menggelar", "gelar"), ("melantik", "lantik"), ("menyatakan", "nyata"), ("dibacakan", "baca"),
    ("mendatangi", "datang"), ("berpatroli", "patroli"), ("diperiksa", "periksa"), ("kata", "kata")])
def test_stems_of_verb_forms(form: str, stem: str) -> None:
    assert stem in stem_candidates(form)
    assert stem_candidates(form)[0] == form  # the form itself comes first


def unparsed(text: str, verbs: set[str]) -> Sentence:
    """A sentence as a build without trees parses it, with these words tagged VERB."""
    words = text.replace(",", " ,").replace(".", " .").split()
    tokens, at = [], 0
    for i, w in enumerate(words, 1):
        at = text.index(w, at)
        upos = "VERB" if w in verbs else "PUNCT" if w in ",." else "X"
        tokens.append(Token(w, at, at + len(w), "O", (Word(i, w, w, upos, "_", 0, "dep"),)))
        at += len(w)
    return Sentence(0, text, 0, len(text), tuple(tokens))


@pytest.mark.parametrize(("text", "lemma"), [
    ("Warga yang mengawasi TPS datang, Rabu (20/11/2024), untuk menyegel kotak suara.", "datang"),
    ("Petugas datang untuk menyegel dan menyita kotak suara, Rabu (20/11/2024).", "datang"),
    ("Untuk menyegel dan menyita kotak suara petugas datang pada Rabu (20/11/2024).", "datang"),
    ("Setelah warga membubarkan diri, polisi memeriksa lokasi pada Rabu (20/11/2024).", "periksa"),
    ("Warga yang menyegel kotak suara itu ditangkap pada Rabu (20/11/2024).", "tangkap"),
])
def test_a_verb_in_a_subordinate_clause_is_no_main_verb(text: str, lemma: str) -> None:
    verbs = {"mengawasi", "datang", "menyegel", "menyita", "membubarkan", "memeriksa", "ditangkap"}
    activity = sentence_activity(unparsed(text, verbs))
    assert activity is not None and activity.lemma == lemma


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
