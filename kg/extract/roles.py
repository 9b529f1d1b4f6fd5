"""Posts people hold, from the title written next to their name.

"Plt Gubernur Jambi Wulan Prameswari", "Ketua KPU Kaltim HR Gunadi", "Komandan Korem (Danrem)
042/Garuda Putih Brigjen TNI Bayu Anggara" (title before the name, ranks dropped), and
"Hendro Saputra, Kapolda Kaltim," / "Gunadi selaku Ketua KPU" (apposition, selaku/sebagai).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.dates import WEEKDAYS
from kg.extract.facts import Mention
from kg.extract.mentions import JOINED_FIELD, SENTENCE_END
from kg.extract.personal_names import DEGREES_AFTER, FIELD_NOUN, TICKET_HYPHEN
from kg.extract.places import LEVEL_WORDS

GENERIC_TITLES = ("Kepala", "Ketua", "Wakil Ketua", "Wakil", "Anggota", "Komisioner", "Sekretaris",
                  "Direktur", "Koordinator", "Komandan", "Kabid", "Kasat", "Kadiv", "Kordiv",
                  "Kasubdit", "Deputi", "Asisten", "Staf Khusus", "Juru Bicara", "Panglima",
                  "Kapolsek", "Plt", "Pj", "Plh", "Calon", "Pasangan calon", "Pasangan", "Paslon")
# "Anggota KPU Garut Divisi Sosialisasi dan Partisipasi Masyarakat, A": a portfolio's "dan" before the comma and name
PORTFOLIO_AND = (r"dan(?=\s+(?!(?:Ketua|Wakil|Anggota|Kepala|Sekretaris|Koordinator)\b)[A-Z][a-z]+"
                 r"(?:\s+[A-Z][a-z]+){0,2}\s*,)")
CHAIN_WORD = (r"(?:[A-Z][\w/.’'-]*|\([^()]{1,30}\)|\d+/[A-Z][\w-]*|[IVX]+/[A-Z][\w-]*|RI|terpilih|dan(?=\s+[Ww]akil\b)"
              r"|" + JOINED_FIELD +  # "Kepala Dinas Pemuda dan Olahraga (Dispora) Kota Jambi"
              r"|" + PORTFOLIO_AND +
              r"|petahana|tunggal|pemohon|termohon|terkait|nonaktif|definitif"
              r"|nomor urut \d+|(?<=TPS\s)\d{1,3}|(?:untuk )?periode \d{4}-\d{4}|se-[A-Z][\w-]*"
              r"|dari(?=\s+[A-Z]))")  # "Pengamat politik dari Universitas X", "Jaksa … dari Kejaksaan Negeri Y"


@dataclass(frozen=True)
class RoleSpan:
    label: str  # the role as written: "Plt Gubernur Sumsel"
    title: str  # canonical title from the lexicon, or the label's first words
    start: int
    end: int


@functools.cache
def _title_start() -> str:
    return "(?i:" + lexicon.alternation(lexicon.post_title_forms() + GENERIC_TITLES) + ")"


PREVIOUSLY = r"(?:(?i:mantan|eks|bekas)\s+)?"  # "mantan Bupati X": a post held before is still a role
# "Kepala Desa Karangmalang, Kecamatan Masaran": the district after a comma places the village
CHAIN = r"(?:(?:\s+|,\s+(?=(?:Kecamatan|Kec\.|Distrik)\s+[A-Z]))" + CHAIN_WORD + r")*"
# Words that link a name to the post after it: "A, Ketua …", "A selaku …", "A yang juga …", "A adalah …",
# "menunjuk Kepala Dinas X, A, sebagai Pjs Bupati Y"
AFTER_LINK = (r"(?:\s*,\s*(?:yang\s+(?:juga\s+|kini\s+|saat\s+ini\s+|sebelumnya\s+|pernah\s+)?"
              r"(?:menjabat\s+(?:sebagai\s+)?"
              r"|merupakan\s+|adalah\s+)?|(?:selaku|sebagai)\s+)?|\s+(?:selaku|sebagai|dari|adalah|merupakan|ialah"
              r"|yang\s+(?:juga|kini|saat\s+ini|merupakan|adalah|pernah|sebelumnya)(?:\s+menjabat(?:\s+sebagai)?)?"
              r"|(?:yang\s+)?(?:kini\s+|juga\s+)?menjabat(?:\s+sebagai)?)\s+)")
# "A, Ketua X sekaligus Ketua Y", "A adalah anggota X yang juga menjabat Ketua Y": a second post after the first
ALSO = re.compile(r"\s+(?:sekaligus|dan\s+juga|serta"
                  r"|yang\s+(?:juga|kini|saat\s+ini)(?:\s+menjabat(?:\s+sebagai)?)?)\s+")


# An occupation and its field, in lower case: "pengamat ekonomi", "jurnalis senior", "presenter televisi" (not a
# verb: "Moderator meminta A …")
FIELD = r"\s+(?!(?:me|di|ber|ter)\w)[a-z]{3,}"


@functools.cache
def _occupation() -> str:
    return "(?i:" + lexicon.alternation(_common_forms()) + ")" + FIELD


def _common_forms() -> tuple[str, ...]:
    """Posts written as common nouns: roles of kind other, and occupations ("pedagang", "petani")."""
    return lexicon.post_title_forms("other") + lexicon.post_title_forms("occupation")


@functools.cache
def _before_re() -> re.Pattern[str]:
    # "dua anggota KPU Sorong Selatan, yakni A dan B": the title before a list is each one's
    return re.compile(r"(?<![\w-])(" + PREVIOUSLY + "(?:" + _occupation() + "|" + _title_start() + ")" + CHAIN
                      + r")\s*,?\s*(?:(?:yakni|yaitu)\s+)?$")


@functools.cache
def _also_before_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + PREVIOUSLY + _title_start() + CHAIN + r")\s+yang\s+(?:juga|sekaligus)\s+$")


@functools.cache
def _after_re() -> re.Pattern[str]:
    return re.compile(AFTER_LINK + r"(" + PREVIOUSLY + "(?:" + _occupation() + "|" + _title_start() + ")" + CHAIN
                      + r")")


@functools.cache
def _also_re() -> re.Pattern[str]:
    return re.compile(r"(" + PREVIOUSLY + _title_start() + CHAIN + r")")


@functools.cache
def _honorific_forms() -> frozenset[str]:
    """Lower-cased honorifics, with and without a full stop ("brigjen tni", "h.")."""
    return frozenset(h.lower() + stop for h in lexicon.honorifics() for stop in ("", "."))


def _trim(label: str) -> str:
    """Drop a rank that sits between the post and the name ("… Brigjen TNI")."""
    label = SENTENCE_END.split(label)[0]  # "dosen Universitas Mataram. Tim …": the sentence ends
    words = label.split()
    honor = _honorific_forms()
    while words and (words[-1].lower() in honor or " ".join(words[-2:]).lower() in honor):
        words = words[:-2] if " ".join(words[-2:]).lower() in honor else words[:-1]
    label = " ".join(words).strip(" ,")
    last = label.split()[-1] if label else ""
    # "… dosen Universitas Andalas." at the text's end: the sentence's stop, not an abbreviation's ("S.H.")
    return label[:-1] if last.endswith(".") and "." not in last[:-1] and len(last) > 4 else label


def canonical_title(label: str) -> str:
    """The lexicon post the label starts with ("Plt Gubernur Sumsel" -> Pelaksana Tugas Gubernur)."""
    words = label.split()
    for n in range(len(words), 0, -1):
        post = lexicon.post_forms().get(lexicon.lookup_key(" ".join(words[:n])))
        if post:
            return post.title
    return " ".join(words[:2]) if len(words) > 1 else label


def _span(label: str, start: int) -> RoleSpan:
    return RoleSpan(label, canonical_title(label), start, start + len(label))


# Who acts for a pair, written before the pair's title: the whole is the person's role.
ON_BEHALF = r"(?i:saksi|kuasa\s+hukum|juru\s+bicara|jubir|tim\s+(?:pemenangan|sukses|hukum|kampanye)|relawan)"
ON_BEHALF_BEFORE = re.compile(r"(?<![\w-])(" + ON_BEHALF + r")\s+$")


# "Tim pemenangan pasangan A-B", "Saksi paslon A-B": the team's or the witness's pair, whose names follow
TEAM_OF_PAIR = re.compile(ON_BEHALF + r"\s+(?i:pasangan|paslon)(?:\s+calon)?")


# Who speaks or acts for someone named before, written with a possessive: "Tim pemenangan A-B, melalui juru
# bicaranya, C, membantah …", "lewat kuasa hukumnya, D"
SPOKESPERSON_BEFORE = re.compile(r"(?<![\w-])((?i:juru\s+bicara|jubir|kuasa\s+hukum|pengacara|ketua\s+tim\s+"
                                 r"(?:pemenangan|sukses|hukum)))nya\s*,?\s*$")


# An opinion piece: "Oleh: A, dosen …" under the title, "Penulis adalah peneliti senior di X." at its foot
BYLINE = re.compile(r"^Oleh\s*:?[ \t]*(?=[A-Z])", re.M)
AUTHOR_FOOTER = re.compile(r"^[*_]?(?:Penulis|Penulisnya)\s+(?:adalah|merupakan|ialah)\s+([^\n]+?)\.?[ \t]*$", re.M)


def author_roles(text: str) -> tuple[int, list[RoleSpan]] | None:
    """Where the byline's author is named and the posts the footer ("Penulis adalah …") gives him."""
    byline, footer = BYLINE.search(text), AUTHOR_FOOTER.search(text)
    if byline is None or footer is None:
        return None
    return byline.end(), [_span(footer.group(1), footer.start(1))]


def roles_for(text: str, person: Mention, sentence_start: int) -> list[RoleSpan]:
    """The roles written right before a person mention and right after it.

    Before: "Ketua KPU Kaltim HR Gunadi" (a ticket's cue is its candidates' title: see candidacies). After:
    "A yang juga …", "A adalah …", with more joined by "sekaligus"/"serta".
    """
    found = []
    before = text[max(sentence_start, person.evidence.start - 160):person.evidence.start]
    m = _before_re().search(before)
    if m:
        behalf = ON_BEHALF_BEFORE.search(before, 0, m.start(1))  # "Saksi pasangan nomor urut 3, A"
        label = _trim(before[behalf.start(1):m.end(1)] if behalf else m.group(1))
        proper = label[:1].isupper() or "nomor urut" in label.lower() or len(label.split()) > 1
        partner = label.endswith("-") or TICKET_HYPHEN.search(label)  # "Pasangan A-" is A, not a role
        partner = partner or TEAM_OF_PAIR.fullmatch(label)  # "Tim pemenangan pasangan A-B": A is the pair's
        if label and proper and not partner and lexicon.lookup_key(label) != lexicon.lookup_key(person.name):
            found.append(_span(label, person.evidence.start - len(before) + m.start(1)))
        first = _also_before_re().search(before, 0, m.start(1))  # "Ketua Majelis yang juga Ketua Bawaslu X, A"
        if first:
            found.insert(0, _span(_trim(first.group(1)), person.evidence.start - len(before) + first.start(1)))
    elif own := SPOKESPERSON_BEFORE.search(before):  # "… melalui juru bicaranya, A": the post, whoever's it is
        found.append(_span(" ".join(own.group(1).split()), person.evidence.start - len(before) + own.start(1)))
    found += _led(text, person, sentence_start, found)
    pos = person.evidence.end
    degrees = DEGREES_AFTER.match(text, pos)  # "A, S.H., M.H., Ketua …"
    pos = degrees.end() if degrees else pos
    m = _after_re().match(text, pos, pos + 160)
    while m and (label := _trim(m.group(1))):
        found.append(_span(label, m.start(1)))
        also = ALSO.match(text, m.start(1) + len(label))
        m = _also_re().match(text, also.end(), also.end() + 160) if also else None
    return found


# "Adapun moderator debat adalah jurnalis senior A dan presenter televisi B": the post before "adalah" is that
# of each name listed after it (each perhaps with his own occupation before it). Candidates listed so ("Pasangan
# yang ditetapkan adalah A-B") are the tickets' (see candidacies). Possessive: a run of capitalised words is
# read one way only.
LOWER = r"(?:(?!(?:dan|serta)\b)[a-z]++,?+\s++){0,2}"  # an occupation and its field: "pengamat ekonomi, "
LISTED = re.compile(r"(?:" + LOWER + r"[A-Z][^\s,;]*+(?:\s+[A-Z][^\s,;]*+)*+(?:[,;]\s*|\s+)(?:(?:dan|serta)\s+)?)*"
                    + LOWER)


@functools.cache
def _lead_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?!(?i:pasangan|paslon|bapaslon|calon|bakal)\b)(" + _title_start()
                      + r"(?:\s+(?!(?:yang|lainnya|tersebut|itu|ini)\b)[a-z]+){0,2}?)\s+(?:adalah|ialah)\s+")


# "… menyebut panelis berasal dari akademisi. Mereka adalah A; B; …": the plural names the post said before.
THEY_ARE = re.compile(r"(?<![\w-])(?:Mereka|Keduanya|Ketiganya|Keempatnya|Kelimanya)\s+(?:adalah|ialah|yakni|yaitu)\s+")


@functools.cache
def _common_post_re() -> re.Pattern[str]:
    """A post written as a common noun, in lower case ("panelis", "moderator"), not a candidate's word."""
    return re.compile(r"(?<![\w-])(" + lexicon.alternation(f.lower() for f in _common_forms()) + r")(?![\w-])")


def _said_before(text: str, sentence_start: int) -> re.Match[str] | None:
    """The first post written as a common noun (the clause's subject) in the sentence before ``sentence_start``."""
    opening = text.rfind(". ", 0, max(0, sentence_start - 2)) + 1
    return _common_post_re().search(text, opening, sentence_start)


def _led(text: str, person: Mention, sentence_start: int, found: list[RoleSpan]) -> list[RoleSpan]:
    """The post a list the person stands in is led by: the last "<post> adalah" before him in his sentence,
    else "Mereka adalah" with the post the sentence before named; none if ``found`` has it already."""
    start = person.evidence.start
    lead = max(_lead_re().finditer(text, sentence_start, start), key=lambda m: m.start(), default=None)
    if lead is None:
        they = THEY_ARE.search(text, sentence_start, start)
        lead = _said_before(text, sentence_start) if they else None
        listed_from = they.end() if they else start
    else:
        listed_from = lead.end()
    if lead is None or not LISTED.fullmatch(text, listed_from, start) or any(r.start == lead.start(1) for r in found):
        return []
    return [_span(lead.group(1), lead.start(1))]


STOP_WORDS = {"dan", "yang", "di", "ke", "dari", "pada", "selaku", "sebagai", "mengatakan"}
NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]*)"  # an initial "M." keeps its stop; "Prasetyo." ends the name
NAME_WORDS = re.compile(r"\s*((?:" + NAME_WORD + r"\s*)+)")
NAME_RUN = re.compile(r"(?:\s+(?:" + NAME_WORD + r"|\([^()]{1,30}\)|(?:[IVX]+|\d+)/[A-Z][\w-]*|" + PORTFOLIO_AND
                      + "))+")


@functools.cache
def _occupation_forms() -> frozenset[str]:
    return frozenset(f.lower() for f in lexicon.post_title_forms("occupation"))


@functools.cache
def _title_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + _title_start() + r"(?![\w-])")


def names_after_titles(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of names written after a title and its institution or region.

    "Ketua KPU Kaltim HR Gunadi": of the capitalised run after the title, the name is what
    follows the last known institution or place ("Kalbar"), ranks included (the caller
    strips them). Used where the NER model misses a name.
    """
    spans = []
    for m in _title_re().finditer(text):
        if not m.group(0)[0].isupper() or m.group(0).lower() in _occupation_forms():
            continue  # "Pasar Petani Sejahtera": an occupation before a capitalised word is a name's, no title
        run = NAME_RUN.match(text, m.end())
        if not run:
            continue
        start = m.end()
        for a, b in known:
            if a < run.end() and b > start and b >= m.end():
                start = max(start, b)
        name = NAME_WORDS.match(text[start:run.end()])
        if name is None:  # the run is all institution or place: "Ketua Bawaslu Seram Bagian Timur, A B"
            spans += _apposed(text, run.end())
            continue
        first = start + name.start(1)
        words = name.group(1).split()
        while words and words[-1].lower() in WEEKDAYS:  # "… Gunadi Senin (9/9)": the day, not the name
            words.pop()
        end = first + len(" ".join(words))
        if APPOSED_NAME.match(text, end):
            spans += _apposed(text, end)
            continue
        if words and not any(w.lower() in STOP_WORDS for w in words) and not (
                len(words) == 1 and FIELD_NOUN.fullmatch(words[0])):  # "Asisten Pemerintahan": the post's field
            spans.append((first, end))
    return spans


def _apposed(text: str, end: int) -> list[tuple[int, int]]:
    """"Camat Kalukku, Andi Baso", "Ketua Bawaslu Seram Bagian Timur, Ismail Kelian": the run after the title names
    the region, the name follows the comma (the model may take a name it does not know there for a place);
    not "…, Kabupaten X"."""
    m = APPOSED_NAME.match(text, end)
    return [m.span(1)] if m and m.group(1).split()[0].lower() not in REGION_WORDS else []


REGION_WORDS = LEVEL_WORDS | {"distrik"}  # "…, Kabupaten X", "…, Distrik Y": a region apposed, no name
APPOSED_NAME = re.compile(r",\s+((?:" + NAME_WORD + r")(?:\s+(?!(?i:" + "|".join(WEEKDAYS) + r")\b)(?:" + NAME_WORD
                          + r")){1,4})(?=\s*[,.]|\s+[a-z(])")


@functools.cache
def _paired_re() -> re.Pattern[str]:
    title = _title_start()
    return re.compile(r"\s*,?\s+sebagai\s+(" + title + r")\s+dan\s+(" + title + r")((?:\s+" + CHAIN_WORD + r")*)")


def paired_roles(text: str, second_end: int) -> tuple[str, str] | None:
    """"A dan B sebagai bupati dan wakil bupati terpilih": (bupati terpilih, wakil bupati terpilih)."""
    m = _paired_re().match(text, second_end)
    if not m:
        return None
    rest = " ".join(m.group(3).split())
    return f"{m.group(1)} {rest}".strip(), f"{m.group(2)} {rest}".strip()
