"""Find the spans that name organizations, places and persons in a parsed article.

Three sources, in order of trust: the lexicons (institutions with their regional
branches, places), rules (venues, names after a post title), and the NER model
(persons, and organizations or places the lexicons do not know). Overlaps go to
the more trusted source, then to the longer span.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import lexicon, personal_names
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.facts import LEXICON, MODEL, RULE, Evidence, Mention
from kg.extract.lexicon import Institution
from kg.extract.numbers import VESSEL
from kg.extract.places import LEVEL_RE, LEVEL_WORD, LEVEL_WORDS, LEVELS, Place, choose_place
from kg.names import ACRONYM, PAREN_ACRONYM
from kg.nlp.parse import Parse, Token
from kg.nlp.tags import tag_spans

UNIT_RE = re.compile(r"\s+((?:[IVXL]+|\d{1,4})/[A-Z][\w-]*|Metro Jaya)")
NAMED_UNIT_RE = re.compile(r"\s+([A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*){0,2})")  # Korem Antasari
NATIONAL = "#national"  # the key suffix of a regional body's national level written as such ("KPU RI")
NATIONAL_RE = re.compile(r"\s+(RI|Pusat)\b")  # after a form, or ending one ("KPU RI")
PAREN_RE = re.compile(r"\s*\(([^()\n]{1,40})\)")
# the short form in brackets a name goes on after: "Panitia Pengawas Pemilu Kecamatan (Panwaslu Kecamatan) Banawa"
SHORT_FORM = re.compile(r"\S+(?:\s+(?i:Provinsi|Kabupaten|Kota|Kecamatan))?")
RANK_CLASS = re.compile(r"\s+Kelas\s+(?:I{1,3}|IV)[ABC]?(?![\w-])")  # "Lapas Kelas IIA Ambon", "PN Kelas IB Sleman"
VENUE_HEADS = ("Hotel", "Gedung", "Aula", "Balai", "Wisma", "Stadion", "GOR", "Gelanggang",
               "Lapangan", "Graha", "Pendopo", "Pendapa", "Masjid", "Auditorium", "Griya",
               "Rumah Dinas", "Kantor", "Asrama", "Taman", "Istana", "Rumah Sakit")
VENUE_TAILS = ("Sport City", "Sport Center", "Sports Center", "Convention Center", "Convention Hall",
               "Resort", "Plaza", "Square", "Arena", "Hall", "Stadium", "Ballroom", "Mall", "Park")
CAP_WORD = r"[A-Z0-9][\w'’.&-]*"
VENUE_RE = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(VENUE_HEADS) + r"|(?<=\bdi\s)kantor)(?:\s+" + CAP_WORD  # "di kantor KPU X"
    + r"|\s+\([A-Z][\w-]*\)(?=\s+[A-Z]|\s+dr\.)"  # "Kantor Komisi Pemilihan Umum (KPU) Kabupaten Bima"
    r"|\s+dr\.(?=\s+[A-Z]))+"  # "Rumah Sakit Umum Pusat (RSUP) dr. Kariadi": named after a doctor
    r"|(?:[A-Z][\w'’-]*\s+)+(?:" + "|".join(VENUE_TAILS) + r"))(?![\w-])")
# Bodies named by what they are: universities, institutes and research centres, where observers, lecturers
# and panelists come from; associations; a regional government's office ("Dinas Pertanian Musi Rawas").
# After "di" the name is where something is held (a venue).
BODY_HEADS = (("other", r"Universitas|Institut|UIN|IAIN|STAIN|Politeknik|Sekolah\s+Tinggi"
                        r"|(?:Pusat|Lembaga)\s+(?:Kajian|Studi|Penelitian|Riset|Survei)"
                        # associations: "Ikatan Dokter Indonesia", "Persatuan Penyandang Disabilitas Indonesia"
                        # (a party's name is the party's: "Partai Persatuan Pembangunan")
                        r"|(?<!Partai\s)(?<!dan\s)(?:Ikatan|Persatuan|Perhimpunan|Himpunan|Asosiasi)"),
              ("government", r"(?<!Rumah\s)(?<!Pakaian\s)(?<!Mobil\s)Dinas"
                             r"|Komisi\s+(?:[IVX]{1,4}|[A-E])(?=\s+DPR)"))  # "Komisi II DPR RI", "Komisi A DPRD Jatim"
# A regional office whose long name joins its fields with "dan" or a comma, closed by its acronym: "Badan Kesatuan
# Bangsa dan Politik (Kesbangpol)", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Ambon", "Kantor
# Kesyahbandaran dan Otoritas Pelabuhan (KSOP)": one body (without the acronym, "Dinas Perhubungan dan Satpol PP"
# are two). A "Badan", "Kantor" or "Biro" is named so only with its acronym: alone it may be a venue or a phrase.
OFFICE_HEADS = r"Badan|Kantor|Biro|Direktorat"
TO_ACRONYM = r"(?=[ \t]*\([A-Z][A-Za-z0-9]{1,14}\))"
# the "dan" inside such a name, as a post names the office ("Kepala Dinas Pemuda dan Olahraga (Dispora) X")
JOINED_FIELD = r"dan(?=(?:[ \t]+" + CAP_WORD + r")+" + TO_ACRONYM + r")"


def _body_regex(to_acronym: str) -> re.Pattern[str]:
    """A body named by what it is; ``to_acronym`` the look-ahead for the acronym that closes an office's name (empty
    to tell whether a name found so is one)."""
    joined = r"(?:(?:[ \t]+dan|,)(?:[ \t]+" + CAP_WORD + r")+)*" + to_acronym
    return re.compile(r"(?<![\w-])(?:(?:" + "|".join(f"(?P<{code}>{heads})" for code, heads in BODY_HEADS) + r")"
                      r"(?:[ \t]+" + CAP_WORD + r")+(?:" + joined + r")?"
                      r"|(?P<office>" + OFFICE_HEADS + r")(?:[ \t]+" + CAP_WORD + r")+" + joined + r")"
                      r"(?![\w-])")  # on one line: a byline's last words are no name


ACADEMY_RE = _body_regex(TO_ACRONYM)
ACADEMY_NAME_RE = _body_regex("")
# "Kelurahan Padang Harapan", "Desa Sukamaju", "Jalan Bengkulu": a village or a street named like a city is
# not the city; the village is a place of its own.
VILLAGE_WORDS = r"Kelurahan|Desa|Kampung|Dusun|Nagari|Gampong"
VILLAGE_RE = re.compile(r"(?<![\w-])(?:" + VILLAGE_WORDS + r")(?:\s+[A-Z][\w'’-]*){1,3}")
UNIT_BEFORE = re.compile(r"(?<![\w-])(?:" + VILLAGE_WORDS + r"|Kel\.|Jalan|Jl\.?)\s+$")
AT_BEFORE = re.compile(r"\b(?:di|ke)\s+(?:kampus\s+)?$", re.I)
# A full stop that ends a sentence inside a run of capitalised words ("… Mataram. Tim …"), not
# one that ends an abbreviation ("Kab. Serang", "H. Ahmad").
SENTENCE_END = re.compile(r"(?<=\w\w\w)(?<!\bKab)(?<!\bKec)(?<!\bKel)(?<!\bProv)(?<!\bJln)\.(?=\s+[A-Z])")
DATE_WORDS = set(MONTHS) | set(WEEKDAYS)
RANK_BEFORE = re.compile(r"\b(?:" + "|".join(sorted({h.split()[0] for h in lexicon.honorifics()
                                                      if h.endswith((" TNI", " Pol"))})) + r")\s+$")
# Words that open the name of a body, never a person's: "Tim Pemenangan", "Mahkamah", "Lembaga Survei X".
BODY_WORDS = {"tim", "komisi", "badan", "dinas", "partai", "pengadilan", "mahkamah", "lembaga", "survei", "kantor",
              "dewan", "panitia", "satuan", "kepolisian", "kejaksaan", "pemerintah", "sekretariat", "koalisi",
              "kementerian", "universitas", "yayasan", "perkumpulan", "majelis", "divisi"}
NER_KINDS = {"PERSON": "person", "PER": "person", "ORGANISATION": "organization",
             "ORGANIZATION": "organization", "ORG": "organization", "PLACE": "place",
             "LOCATION": "place", "LOC": "place", "GPE": "place"}
TRUST = {LEXICON: 3, RULE: 2, MODEL: 1}
COMMON_WORD_TAGS = {"NOUN", "VERB", "ADJ", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "AUX"}


def squeeze(text: str) -> str:
    return " ".join(text.split())


class SentenceIndex:
    """Character offset -> sentence number."""

    def __init__(self, parse: Parse):
        self.starts = [s.start for s in parse.sentences]
        self.ends = [s.end for s in parse.sentences]

    def __call__(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def end(self, offset: int) -> int:
        """Where the sentence holding ``offset`` ends."""
        return self.ends[self(offset)] if self.ends else offset


def _evidence(where: SentenceIndex, start: int, end: int, method: str, confidence: float) -> Evidence:
    return Evidence(start, end, where(start), method, confidence)


# ----------------------------------------------------------------------------- lexicon


NAME_OR_NATION_BEFORE = re.compile(r"(?:(?<![.!?]\s)(?<!\A)\b[A-Z][\w.’'-]*|\b(?i:warga\s+negara|bangsa))\s+$")
# the capitalised words after a name's first ones ("Kecamatan Siantar Barat"), up to another unit or a date
NAME_GOES_ON = re.compile(r"(?:[ \t]+(?!(?:" + LEVEL_RE + "|" + VILLAGE_WORDS + "|"
                          + "|".join(w.capitalize() for w in DATE_WORDS if "'" not in w and "’" not in w)
                          + r")\b)[A-Z][\w'’-]*)*")
# "Kabupaten " right before a place; not the "Kota" of an office ("Wali Kota Makassar" is the city Makassar)
LEVEL_BEFORE = re.compile(r"(?<!(?i:wali)\s)(" + LEVEL_RE + r"|Kecamatan|Kec\.|Distrik)\s+$")


def place_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    for m in lexicon.place_regex().finditer(text):
        if UNIT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Kelurahan Padang Harapan": a village's name, not the city
        before = LEVEL_BEFORE.search(text, max(0, m.start() - 20), m.start())
        level = LEVELS.get(before.group(1).lower(), "") if before else ""
        place = choose_place(lexicon.place_forms()[lexicon.lookup_key(m.group(1))], level)
        if place.type == "country" and _in_a_name(text, m.start()):
            continue
        if level == "district" and place.type != "district":  # "Kecamatan Ketapang": a district, not the regency
            end = NAME_GOES_ON.match(text, m.end()).end()  # "Kecamatan Siantar Barat"
            district = squeeze(text[before.start():end])
            yield Mention("place", text[before.start():end], district, "district", district.lower(),
                          _evidence(where, before.start(), end, LEXICON, 0.9), full_name=district)
            continue
        start = before.start() if before and level in ("regency", "city") and place.type == level else m.start()
        yield Mention("place", text[start:m.end()], squeeze(text[start:m.end()]), place.type,
                      place.name, _evidence(where, start, m.end(), LEXICON, 0.95),
                      full_name=place.name, located_in=place.province or "")


def _in_a_name(text: str, start: int) -> bool:
    """The country ending a name or a nationality, not where anything is: "Indikator Politik Indonesia",
    "Sekolah Republik Indonesia", "warga negara Indonesia" (but "pertama di Indonesia")."""
    return bool(NAME_OR_NATION_BEFORE.search(text, max(0, start - 25), start))


@functools.cache
def _level_place_regex() -> re.Pattern[str]:
    return re.compile(r"\s+(?:(" + LEVEL_RE + r")\s+)?(" + lexicon.place_regex().pattern + ")")


def _named_unit(text: str, pos: int) -> re.Match[str] | None:
    """"Lanud Sjamsudin Noor", "Korem Antasari": a unit's name, up to any rank before a person."""
    m = NAMED_UNIT_RE.match(text, pos)
    if not m:
        return None
    words = m.group(1).split()
    keep = next((i for i, w in enumerate(words) if lexicon.honorific_regex().match(w + " ")), len(words))
    return NAMED_UNIT_RE.match(" " + " ".join(words[:keep])) if keep else None


def _region_after(text: str, end: int, units: bool, level: str = "") -> tuple[int, Place | None, str]:
    """A region written after an institution: "KPU [Provinsi] Kalbar", "Kodam VI/Mulawarman"; ``level`` is the one
    the institution's form itself ends with ("Bawaslu Kabupaten" Bekasi: the regency, not the city)."""
    pos = _past_short_form(text, end)
    pos += 1 if text[pos:pos + 1] == ")" else 0
    rank = RANK_CLASS.match(text, pos)
    pos = rank.end() if rank else pos
    unit = UNIT_RE.match(text, pos)
    if unit:
        return unit.end(), None, unit.group(1)
    m = _level_place_regex().match(text, pos)
    if m:
        level = LEVELS.get((m.group(1) or "").lower(), level)
        place = choose_place(lexicon.place_forms()[lexicon.lookup_key(m.group(2))], level)
        return m.end(), place, ""
    named = _named_unit(text, pos) if units else None
    if named:
        return pos + len(named.group(0)), None, named.group(1)
    national = NATIONAL_RE.match(text, end)
    if national:
        return national.end(), None, ""
    return end, None, ""


def _past_short_form(text: str, end: int) -> int:
    """Where a name goes on after its short form in brackets ("Panitia Pengawas Pemilu Kecamatan (Panwaslu
    Kecamatan) Banawa"); ``end`` when no short form follows."""
    paren = PAREN_RE.match(text, end)
    return paren.end() if paren and SHORT_FORM.fullmatch(paren.group(1)) else end


def _national_after(text: str, end: int) -> int:
    """"Dewan Perwakilan Daerah (DPD) RI": a national body's "RI", after its short form in brackets too."""
    pos = _past_short_form(text, end)
    national = NATIONAL_RE.match(text, pos) if pos > end else None
    return national.end() if national else end


PARTY_BOARDS = ("DPP", "DPW", "DPD", "DPC", "DPAC")


PARTY_WORD_AFTER = re.compile(r"\s+(?:Partai|PDI)\b")  # "DPD Partai X", "DPD PDI Jateng": a party's board


def _party_after(text: str, end: int) -> bool:
    after = lexicon.institution_regex().match(text, end + 1) if text[end:end + 1] == " " else None
    return bool(PARTY_WORD_AFTER.match(text, end)) or bool(
        after and lexicon.institution_forms()[lexicon.lookup_key(after.group(1))].type == "political_party")


def institution_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    for m in lexicon.institution_regex().finditer(text):
        if m.group(1) in ("TNI", "Pol") and RANK_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Brigjen TNI", "Irjen Pol": part of a rank, not the institution
        inst = lexicon.institution_forms()[lexicon.lookup_key(m.group(1))]
        if m.group(1) in PARTY_BOARDS and _party_after(text, m.end()):
            continue  # "DPD Partai Golkar", "DPC PDI Perjuangan": a party's board, not the DPD RI
        yield _institution_at(text, where, inst, m.start(), m.end(), m.group(1))


def _institution_at(text: str, where: SentenceIndex, inst: Institution, start: int, form_end: int,
                    form: str) -> Mention:
    """The institution whose form ``form`` is written at ``start``, with the region written after it."""
    level = LEVELS.get(form.split()[-1].lower(), "")  # "Bawaslu Kabupaten", "KPU Kota": the form names the level
    named = inst.type == "security" or form.split()[-1] == "Kecamatan"  # "Kodim Sintang", "PPK Kecamatan Sukajadi"
    end, place, unit = (_region_after(text, form_end, named, level) if inst.regional
                        else (_national_after(text, form_end), None, ""))
    if place and place.type == "country":
        place = None
    key, full, region = inst.key, inst.name, ""
    if place:
        key, region = f"{inst.key}@{place.name}", place.name
        level = LEVEL_WORD.get(place.type, "")
        full = inst.name if inst.name.endswith(level) else f"{inst.name} {level}".strip()
        full = f"{full} {place.name}"
    elif unit:  # "101/Antasari" and "Antasari" name the same unit
        key, full = f"{inst.key}@{unit.split('/')[-1].lower()}", f"{form} {unit}"
    elif NATIONAL_RE.search(form) or (end > form_end and NATIONAL_RE.match(text, form_end)):
        key = inst.key + NATIONAL  # "KPU RI" is the national body, never the article's regional KPU
    written = squeeze(form + re.sub(r"\s*\([^()]*\)|\)", "", text[form_end:end]))
    return Mention("organization", text[start:end], written, inst.type, key,
                   _evidence(where, start, end, LEXICON, 0.95), full_name=full, region=region)


def contracted_body_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    """"Kapolres Lombok Tengah" names the Polres Lombok Tengah, "Dandim 0905/Balikpapan" the Kodim 0905/Balikpapan:
    the body is held in its head's title, and news often names it no other way. Only with a region or a unit: a
    bare "Kapolres" names no one body."""
    for m in contracted_body_regex().finditer(text):
        form, inst, body = lexicon.contracted_bodies()[m.group(1).lower()]
        mention = _institution_at(text, where, inst, m.start(1) + body, m.end(1), form)
        if mention.region or mention.key != inst.key:
            yield mention


@functools.cache
def contracted_body_regex() -> re.Pattern[str]:
    titles = [title[:1].upper() + "(?i:" + re.escape(title[1:]) + ")" for title in lexicon.contracted_bodies()]
    return re.compile(r"\b(" + "|".join(sorted(titles, key=len, reverse=True)) + r")\b")


# ----------------------------------------------------------------------------- rules

DATELINE_RE = re.compile(r"\A\s*([^\n–—-]{2,60}?)\s+[-–—]\s")
DATELINE_PART = re.compile(r"\(([^()]{2,30})\)|([^,()]+)")


def _dateline_parts(text: str) -> list[tuple[str, int, bool]]:
    """(words, offset, in brackets) of a dateline: "PALEMBANG, KOMPAS.com -", "Semarang (ANTARA) -",
    "Artikel.news, Makassar -", "Sumbarheadline -"; nothing if the text opens with a sentence."""
    m = DATELINE_RE.match(text)
    if not m:
        return []
    parts = []
    for part in DATELINE_PART.finditer(m.group(1)):
        words = (part.group(1) or part.group(2)).strip()
        if not words:
            continue
        if len(words.split()) > 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words.split()):
            return []  # "Komisi Pemilihan Umum (KPU) mengakui -": a sentence, not a dateline
        offset = m.start(1) + part.start() + (part.group(0).index(words))
        parts.append((words, offset, part.group(1) is not None))
    return parts if len(parts) <= 3 else []


def dateline_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    """The city and the outlet that open many articles: "PALEMBANG, KOMPAS.com -", "Semarang
    (ANTARA) -", "Artikel.news, Makassar -". A city is written in capitals or known to the
    lexicon; the other part is the outlet, a media organization whether the lexicon knows it or not."""
    for words, start, bracketed in _dateline_parts(text):
        end = start + len(words)
        places = lexicon.place_forms().get(lexicon.lookup_key(words))
        inst = lexicon.institution_forms().get(lexicon.lookup_key(words))
        if inst and inst.type == "media":
            if words not in (inst.name, *inst.aliases):  # capitals the lexicon has in other case
                yield Mention("organization", words, inst.name, inst.type, inst.key,
                              _evidence(where, start, end, LEXICON, 0.9), full_name=inst.name)
        elif places and not bracketed:
            if words.isupper():  # in other case the place lexicon finds it anyway
                place = choose_place(places, "city")
                yield Mention("place", words, place.name, place.type, place.name,
                              _evidence(where, start, end, LEXICON, 0.9),
                              full_name=place.name, located_in=place.province or "")
        elif words.isupper() and not bracketed and len(words) > 3:
            name = words.title()  # "SELONG": a town the lexicon does not know
            yield Mention("place", words, name, "other", name.lower(), _evidence(where, start, end, RULE, 0.7),
                          full_name=name)
        elif not inst and not words.isupper():
            yield Mention("organization", words, words, "media", words.lower(),
                          _evidence(where, start, end, RULE, 0.7), full_name=words)


def outlet_repeats(text: str, dateline: list[Mention], where: SentenceIndex) -> Iterator[Mention]:
    """The outlet the dateline names, named again in the story ("… menerima Lancang Kuning Online di ruang
    kerjanya"): the same media organization, not a person."""
    for outlet in (m for m in dateline if m.kind == "organization"):
        for m in re.finditer(r"(?<![\w-])" + re.escape(outlet.text) + r"(?![\w-])", text):
            if m.start() != outlet.evidence.start:
                yield replace(outlet, evidence=_evidence(where, m.start(), m.end(), outlet.evidence.method,
                                                         outlet.evidence.confidence))


def venue_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    for m in VENUE_RE.finditer(text):
        written = SENTENCE_END.split(m.group(0))[0].rstrip(".")
        name = squeeze(re.sub(r"\s*\([^()]*\)", "", written))  # the short form in brackets is no part of it
        if len(name.split()) < 2:
            continue
        name = name[0].upper() + name[1:]  # "di kantor KPU X": the office of KPU X, named "Kantor KPU X"
        end = m.start() + len(written)
        yield Mention("place", text[m.start():end], name, "venue", name.lower(),
                      _evidence(where, m.start(), end, RULE, 0.8), full_name=name)


def academy_mentions(text: str, where: SentenceIndex) -> Iterator[Mention]:
    """"pengamat politik dari Universitas Tadulako", "dosen UIN Mataram", "Kepala Dinas Pertanian Lahat": an
    organization; "debat di Universitas Jember": a venue."""
    for m in ACADEMY_RE.finditer(text):
        written = SENTENCE_END.split(m.group(0))[0].rstrip(".")
        name = squeeze(written)
        end = m.start() + len(written)
        code = next((code for code, _ in BODY_HEADS if m.group(code)), "government")  # or an office
        if AT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield Mention("place", text[m.start():end], name, "venue", name.lower(),
                          _evidence(where, m.start(), end, RULE, 0.8), full_name=name)
        else:
            yield Mention("organization", text[m.start():end], name, code, name.lower(),
                          _evidence(where, m.start(), end, RULE, 0.8), full_name=name)


def village_mentions(parse: Parse, where: SentenceIndex) -> Iterator[Mention]:
    """"Kelurahan Padang Harapan", "Desa Sukamaju": villages, up to a weekday or month after the name or a
    person's name the model found ("Kepala Desa Kalukku Barat Muhammad Arsyad")."""
    text = parse.text
    persons = [tokens[0].start for label, tokens in ner_spans(parse) if NER_KINDS.get(label) == "person"]
    for m in VILLAGE_RE.finditer(text):
        cut = min((p for p in persons if m.start() < p < m.end()), default=m.end())
        words = SENTENCE_END.split(text[m.start():cut])[0].rstrip(".").split()
        while len(words) > 1 and words[-1].lower() in DATE_WORDS:
            words.pop()
        if len(words) < 2:
            continue
        name = " ".join(words)
        end = m.start() + len(name)
        yield Mention("place", text[m.start():end], name, "other", name.lower(),
                      _evidence(where, m.start(), end, RULE, 0.8), full_name=name)


def _academy(m: Mention) -> bool:
    return m.kind == "organization" and m.evidence.method == RULE and bool(ACADEMY_NAME_RE.fullmatch(m.name))


# ----------------------------------------------------------------------------- model


def ner_spans(parse: Parse) -> Iterator[tuple[str, list[Token]]]:
    """(type, tokens) for each entity the NER model tagged, in text order."""
    for sent in parse.sentences:
        tokens = sent.tokens
        for start, end, kind in sorted(tag_spans([tok.ner or "O" for tok in tokens])):
            yield kind, tokens[start:end]


def model_mentions(parse: Parse, where: SentenceIndex) -> Iterator[Mention]:
    text = parse.text
    for label, tokens in ner_spans(parse):
        kind = NER_KINDS.get(label)
        if not kind:
            continue
        start, end = tokens[0].start, tokens[-1].end
        while end > start and text[end - 1] in ".,;:'\"”’)":
            end -= 1
        surface = text[start:end]
        if len(tokens) == 1 and tokens[0].words[0].upos in COMMON_WORD_TAGS:
            continue  # "Sinergi", "Partai" opening a sentence: a capitalised common word, not a name
        if kind != "person" and _replacing(text, start, surface):
            kind = "person"  # "… digantikan oleh Melati Sembiring": the model took her for a body or a place
        if kind == "person":
            for a, b in personal_names.person_pieces(text, start, end):
                yield person_mention(text[a:b], a, b, where, MODEL, 0.75)
        elif kind == "organization":
            yield Mention(kind, surface, squeeze(surface), guess_org_type(surface), squeeze(surface).lower(),
                          _evidence(where, start, end, MODEL, 0.6), full_name=squeeze(surface))
        elif _in_a_name(text, start) and any(p.type == "country" for p in lexicon.place_forms().get(
                lexicon.lookup_key(surface), ())):
            continue
        else:
            for a, b in _unit_parts(text, start, end):
                part = text[a:b]
                code = "district" if part.lower().startswith("kecamatan ") else "other"
                yield Mention(kind, part, squeeze(part), code, squeeze(part).lower(),
                              _evidence(where, a, b, MODEL, 0.6), full_name=squeeze(part))


UNIT_INSIDE = re.compile(r"[ \t]+(?=(?:Kecamatan|" + LEVEL_RE + "|" + VILLAGE_WORDS + r")[ \t]+[A-Z])")


def _unit_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A place span the model ran over the unit it lies in: "Pondok Al Hikmah Kecamatan Cepiring" is the place and
    the district, as "Pondok Al Hikmah, Kecamatan Cepiring" would be."""
    cut = UNIT_INSIDE.search(text, start, end)
    return [(start, cut.start()), (cut.end(), end)] if cut else [(start, end)]


def _replacing(text: str, start: int, surface: str) -> bool:
    """A personal name written where one person replaces another, not a known body or place."""
    return (bool(personal_names.REPLACED_BY.search(text, max(0, start - 30), start))
            and bool(personal_names.NAME_SHAPE.fullmatch(surface)) and guess_org_type(surface) == "other"
            and not lexicon.institution_regex().search(surface) and not lexicon.place_regex().search(surface))


def person_mention(surface: str, start: int, end: int, where: SentenceIndex, method: str,
                   confidence: float) -> Mention:
    return _person(surface, _evidence(where, start, end, method, confidence))


def _person(surface: str, evidence: Evidence) -> Mention:
    name = squeeze(personal_names.strip_titles(surface))
    return Mention("person", surface, name, "", name.lower(), evidence)


def guess_org_type(name: str) -> str:
    first = name.split()[0].lower() if name.split() else ""
    if first == "partai":
        return "political_party"
    if first in ("pengadilan", "mahkamah"):
        return "court"
    if first in ("kementerian", "dinas", "badan", "pemerintah", "dprd", "dpr", "sekretariat"):
        return "government"
    return "other"


# ----------------------------------------------------------------------------- all


REDUPLICATED = re.compile(r"(\w+)-(?i:\1)")
POSSESSED = re.compile(r"[A-Z][a-z]{3,}nya")  # one word with a possessive suffix: "Rivalnya", "Istrinya"


def plausible(m: Mention) -> bool:
    """Drop model spans that are really a post title, an event or a lone lower-case word."""
    if m.evidence.method == LEXICON:
        return True
    single = REDUPLICATED.fullmatch(m.name)  # "TPS-TPS", "Paslon-paslon": the plural of one word
    key = lexicon.lookup_key(single.group(1) if single else m.name)
    if (not m.name or not m.name[0].isupper() or "/" in m.name or key in lexicon.post_forms()
            or key in lexicon.event_triggers() or key in lexicon.not_entities()):
        return False
    words = m.name.split()
    if all(lexicon.lookup_key(w) in DATE_WORDS for w in words):
        return False  # "Rabu", "Selasa": the NER model's favourite mistake
    if m.kind == "person":
        return (not any(ch.isdigit() or ch in "/-()" for ch in m.name) and len(m.name) > 1
                and not POSSESSED.fullmatch(m.name)  # "Rivalnya menilai …": his rival, no name
                and not m.name.isupper()  # acronyms (TPS) and pairs (Hartono-Rizal) are not one person
                and not personal_names.FIELD_NOUN.fullmatch(m.name)  # "Pemerintahan", "Keamanan": a field
                and not personal_names.COINED.search(m.name)  # a pair's nickname ("BeriMas"), not a person's name
                and words[0].lower() not in BODY_WORDS)  # "Tim Pemeriksa Kesehatan", "Mahkamah": a body
    if m.kind == "place":
        return (not all(w.lower() in LEVEL_WORDS for w in words) and "(" not in m.name
                and not re.fullmatch(VESSEL, words[0])  # "KM Sabuk Nusantara": a ship, no place
                and not ("." in m.name and personal_names.DEGREE.fullmatch(m.name.rstrip(".") + ".")))  # "S.H"
    return ("(" not in m.name or ")" in m.name) and not _code(m.name)


def _code(name: str) -> bool:
    """One word with a digit is a form's or a document's code ("B1-KWK", "C1"), no body."""
    return " " not in name and any(ch.isdigit() for ch in name)


# "LPPDK (Laporan Penerimaan dan Pengeluaran Dana Kampanye)", "SK (Surat Keputusan)": an acronym a document spells out
DOCUMENT_SPELLED = re.compile(r"(?<![\w-])(" + ACRONYM + r")\s*\(\s*(?:Buku|Surat|Berita\s+Acara|Daftar|Formulir"
                              r"|Keputusan|Peraturan|Undang-Undang|Kartu|Sistem|Aplikasi|Laporan|Naskah|Nota|Salinan)\b")
# "Sistem Informasi Partai Politik (Sipol)": a system spelled out first, its short form in brackets after it
SYSTEM_SHORT_FORM = re.compile(r"\b(?:Sistem|Aplikasi)(?:\s+[A-Z][\w-]*){1,5}\s*\(\s*([A-Z][\w-]{1,14})\s*\)")


def not_documents(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop what the model took for a body but the text spells out as a document or a system, wherever it is named."""
    documents = {m.group(1) for m in DOCUMENT_SPELLED.finditer(text)}
    systems = {m.group(1) for m in SYSTEM_SHORT_FORM.finditer(text)}
    return [m for m in mentions if not (m.evidence.method == MODEL and (
        (m.kind == "organization" and m.name in documents)
        or (m.kind in ("organization", "person") and m.name in systems)))]


def persons_by_name(mentions: list[Mention]) -> list[Mention]:
    """A word of a person's full name, or a one-word name found as a person elsewhere, that the model alone called
    a place or a body is that person: "Rahmat Hidayat dan Sulastri Wulandari … Sulastri adalah anggota DPRD",
    "Ketua KPU X, Oktoberi, …" (unless the lexicon knows the word as a place or a body)."""
    words = {w for m in mentions if m.kind == "person" for w in m.name.split()}
    return [_person(m.text, m.evidence)
            if m.kind != "person" and m.evidence.method == MODEL and set(m.name.split()) <= words
            and not lexicon.place_forms().get(lexicon.lookup_key(m.name))
            and not lexicon.institution_regex().fullmatch(m.name) else m
            for m in mentions]


def initials_persons(text: str, mentions: list[Mention], where: SentenceIndex) -> list[Mention]:
    """Every use of a person's initials defined in brackets after the name ("Rizal Kurnia Nasution (RKN) …
    RKN menyatakan"): the person, whatever the model made of the letters. Initials, in order, with at most one
    letter more ("Dedi Mulyadi (KDM)"), so "Partai X (PKS)" after a name is not one."""
    found = []
    for m in mentions:
        paren = PAREN_ACRONYM.match(text, m.evidence.end) if m.kind == "person" else None
        letters = paren.group(1) if paren else ""
        initials = "".join(w[0] for w in m.name.split())
        if not (letters.isalpha() and letters.isupper() and len(initials) > 1
                and len(letters) - len(initials) in (0, 1) and _in_order(initials.upper(), letters)):
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(letters)}(?![\w-])", text):
            found.append(person_mention(letters, hit.start(), hit.end(), where, RULE, 0.7))
    return found


def _in_order(letters: str, within: str) -> bool:
    rest = iter(within)
    return all(c in rest for c in letters)


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the most trusted, then longest, of overlapping spans; places inside an org survive."""
    ranked = sorted(mentions, key=lambda m: (-(3 if m.code == "venue" or _academy(m) else TRUST[m.evidence.method]),
                                             -(m.evidence.end - m.evidence.start), m.evidence.start))
    kept: list[Mention] = []  # by start, to look only at those starting near a new one
    starts: list[int] = []
    longest = 0
    for m in ranked:
        start, end = m.evidence.start, m.evidence.end
        near = kept[bisect_left(starts, start - longest + 1):bisect_left(starts, end)]  # starting before its end
        clash = [k for k in near if start < k.evidence.end]
        if not clash or all(_nested_region(m, k) for k in clash):
            at = bisect_right(starts, start)
            starts.insert(at, start)
            kept.insert(at, m)
            longest = max(longest, end - start)
    return sorted(kept, key=lambda m: (m.evidence.start, m.evidence.end))


def _nested_region(m: Mention, outer: Mention) -> bool:
    """A lexicon place written as the region of a regional institution ("Sumsel" in "KPU Sumsel"), or a lexicon
    institution whose office a venue is ("KPU Parepare" in "kantor KPU Parepare": the body is there too)."""
    return m.evidence.method == LEXICON and (
        (m.kind == "place" and outer.kind == "organization" and outer.region == m.key)
        or (m.kind == "organization" and outer.code == "venue" and outer.name.lower().startswith("kantor ")))


def find_mentions(parse: Parse) -> list[Mention]:
    where = SentenceIndex(parse)
    text = parse.text
    dateline = list(dateline_mentions(text, where))
    outlets = [(m.evidence.start, m.evidence.end) for m in dateline if m.kind == "organization"]
    found = [*institution_mentions(text, where), *contracted_body_mentions(text, where), *place_mentions(text, where),
             *dateline, *outlet_repeats(text, dateline, where), *venue_mentions(text, where),
             *academy_mentions(text, where), *village_mentions(parse, where), *model_mentions(parse, where)]
    found = [m for m in found if m in dateline or not any(a <= m.evidence.start < b for a, b in outlets)]
    found = not_portfolios(text, found)
    return resolve_overlaps([m for m in found if plausible(m)])  # "Sulbar Terkini" is an outlet, not Sulbar


def not_portfolios(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Anggota KPU Sumut Divisi Perencanaan dan Logistik": a division written right after the body is a member's
    portfolio, part of the post, not a body of its own ("Divisi Propam Polri" after "dan" stays one)."""
    ends = {m.evidence.end for m in mentions if m.kind == "organization" and m.evidence.method == LEXICON}
    return [m for m in mentions if not (m.kind == "organization" and m.evidence.method == MODEL
                                        and m.name.startswith("Divisi ")
                                        and len(text[:m.evidence.start].rstrip()) in ends)]
