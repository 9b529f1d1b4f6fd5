"""Each line a paragraph (kg/nlp/lines.py): a line with no full stop never runs into the next sentence,
offsets map back to the article's text exactly, and hard-wrapped text keeps its lines joined. Texts written
for these tests."""

from __future__ import annotations

import pytest
from conftest import needs_models
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp.lines import original_offset, paragraphs_by_line

LISTED = ("Hasil rekapitulasi KPU Kota Contoh sebagai berikut:\n1. Arman Siregar-Lina Tobing: 31.402 suara\n"
          "2. Dedi Purba-Sari Lubis: 36.118 suara\n\nRekapitulasi ditutup pukul 16.00 WIB.")
WRAPPED = ("Ketua KPU Kota Contoh, Arman Siregar, mengatakan bahwa pendaftaran\nbakal pasangan calon dibuka pada "
           "Senin dan ditutup\npada Rabu pukul 23.59 WIB, sesuai jadwal yang ditetapkan\nKPU RI.")


def test_each_single_newline_becomes_a_paragraph_break() -> None:
    doubled, added = paragraphs_by_line(LISTED)
    assert doubled.count("\n\n") == 3 and len(added) == 2
    assert [original_offset(i, added) for i in range(len(doubled)) if i not in added] == list(range(len(LISTED)))
    assert original_offset(len(doubled), added) == len(LISTED)


def test_hard_wrapped_text_keeps_its_lines_joined() -> None:
    assert paragraphs_by_line(WRAPPED) == (WRAPPED, [])


@given(st.text(alphabet="ab \n.", max_size=60))
def test_every_character_maps_back_to_itself(text: str) -> None:
    doubled, added = paragraphs_by_line(text)
    kept = [i for i in range(len(doubled)) if i not in added]
    assert "".join(doubled[i] for i in kept) == text
    assert all(doubled[i] == "\n" for i in added)
    assert [original_offset(i, added) for i in kept] == list(range(len(text)))


@pytest.mark.slow
@needs_models
def test_a_line_without_a_full_stop_ends_its_sentence() -> None:
    from kg.builder import stanza_parser
    from kg.ingest import Article

    text = "Jakarta, Warta Contoh —\n" + LISTED
    parse = next(stanza_parser("bundled").parse([Article("contoh", text, path=None)]))  # type: ignore[arg-type]
    sentences = [s.text for s in parse.sentences]
    assert sentences[0] == "Jakarta, Warta Contoh —"
    assert not any("\n" in s for s in sentences)  # merged, the list items were one sentence
    assert all(parse.text[s.start:s.end] == s.text for s in parse.sentences)
    assert all(parse.text[t.start:t.end] == t.text for s in parse.sentences for t in s.tokens)
