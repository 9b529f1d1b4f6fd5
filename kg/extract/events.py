"""Events: a trigger from the lexicon, its name as written, and its date, place and actors.

One event per real event: mentions of the same type merge unless an ordinal ("debat
kedua") or a date tells them apart; elections split into national (Pemilu, Pilpres)
and regional (Pilkada, Pilgub). A mention that says nothing specific (no name, date,
place or ordinal) makes no event of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.dates import DAYS, DateMention, count_days, is_bare_weekday, shifted
from kg.extract.facts import LEXICON, Event, Evidence

ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "terakhir", "perdana")
SAME_ORDINAL = {"perdana": "pertama"}  # "debat perdana" is the first debate
NATIONAL = ("pemilu", "pilpres", "pileg", "pemilihan umum", "pemilihan presiden", "pemilihan legislatif")
LABEL_WORD = re.compile(r"\s+(?:[A-Z][\w/.’'-]*|\([^()]{1,30}\)|(?:19|20)\d\d|se-[\w-]+|" + "|".join(ORDINALS) + r")")
SENTENCE_STOP = re.compile(r"\w{3}\.$")  # a word closing its sentence, not an initial or "Kab."
STOP_AFTER = re.compile(r"\s*(?:,|\.|;|\bdi\b|\bpada\b|\byang\b|\bdengan\b)")
SPECIFIC_TYPES = ("election",)
TAIL = 60  # characters after an event's name where its date may be written
# "Pilkada 2024 berlangsung hingga …", "Masa kampanye Pemilu 2024 dimulai 28 November 2023": a period's bound
PERIOD_BOUND = re.compile(r"\b(?:hingga|sampai|sejak|mulai|dimulai|berakhir|sebelum|setelah|sesudah|usai|menjelang)\b",
                          re.I)
PERIOD = re.compile(r"masa\s", re.I)  # "masa kampanye", "masa tenang"
PERIOD_END = re.compile(r"\b(?:berakhir|hingga|sampai)\b", re.I)
DONE_BY = re.compile(r"\b(?:rampung|selesai|tuntas|berakhir)\s+(?:pada\s+)?$", re.I)
ACTIVE_VERB = re.compile(r"me\w+", re.I)  # "mendistribusikan", "menandatangani": an act written as the verb
# "155 anggota PPK … resmi dilantik di Pendapa X, Kamis": an act the lexicon writes as a passive verb ("distribusi"
# and "diskusi" are nouns)
PASSIVE_VERB = re.compile(r"di(?!stribusi\b|skusi\b)\w+", re.I)
# "Pemungutan suara dijadwalkan serentak pada 27 November 2024": a schedule's words may part an election from its date
SCHEDULED = re.compile(r"\s+(?:(?:akan|dijadwalkan|digelar|dilaksanakan|diselenggarakan|berlangsung|serentak|secara"
                       r"|nasional)\s+)+(?:pada\s+)?", re.I)
# "… pemungutan suara Pilkada 2024 di Kabupaten Lanny Jaya, Papua Pegunungan, Rabu (27/11/2024)": where the voting is
# held may part it from its date (but "rapat … Pilkada 2024 di Kompleks Parlemen, Jakarta, Senin" dates the meeting)
VOTING = re.compile(r"(?:pemungutan\s+suara|pencoblosan)\b", re.I)
WHERE_HELD = re.compile(r"\s+di\s+[A-Z][\w.-]*(?:,?\s+[A-Z][\w.-]*)*,?\s*")


@dataclass(frozen=True)
class Trigger:
    code: str
    label: str
    start: int
    end: int
    ordinal: str | None
    named: bool  # the label goes on past the trigger word: a proper name
    anaphor: bool = False  # "penetapan tersebut": the event of this type named before, not a new one
    tail: str = ""  # the words after the name, where its date may be
    purpose: bool = False  # "… untuk debat publik perdana, Senin (14/10)", "… hasil Pilkada 2024": not dated by it
    acted: bool = False  # "KPU merampungkan penyortiran surat suara Pilbup X": the object of an active verb
    ahead: int = 0  # "sembilan hari menjelang pemungutan suara": the days from the sentence's date to the election
    possessed: bool = False  # "masa tenang Pilkada 2024": an election naming what another thing belongs to
    setting: bool = False  # "… dalam rapat paripurna": a meeting named as where something is done


NOT_AN_EVENT_BEFORE = re.compile(r"(?:\btempat|\btentang|\bKeputusan|\bsurat"
                                 r"|(?-i:\bDivisi(?:\s+[A-Z]\w*){0,3})"  # "Divisi Penanganan Pelanggaran"
                                 r"|\balat\s+peraga|\btim|\bdana|\bjuru"  # "alat peraga kampanye": a thing
                                 r"|\bpengawas|\bpenyelenggara|\bpeserta|\bpemantau"  # "penyelenggara pemilu": people
                                 r"|\bsistem\s+informasi"  # "Sistem Informasi Rekapitulasi (Sirekap)": an application
                                 r"|\b(?:setiap|tiap(?:-tiap)?)(?:\s+(?:jadwal|kegiatan|agenda))?"  # "setiap jadwal
                                 r")\s+$", re.I)  # pertemuan": any one of them, no event
ACTED_BEFORE = re.compile(r"\b(?!menjelang\b)me\w{3,}\s+$", re.I)
# "Sembilan hari menjelang pemungutan suara Pilkada 2024, Ketua KPU … menerima …, Senin (18/11/2024)": the
# election is that many days after the day the sentence tells of
COUNTDOWN = re.compile(r"\b" + DAYS + r"\s+(?:menjelang|sebelum)\s+$", re.I)
# "Berita acara pemusnahan ditandatangani …", "Naskah deklarasi juga ditandatangani …", "menandatangani deklarasi
# kampanye damai": the minutes of an act or the text of a declaration, signed at it; no agreement of their own
MINUTES_BEFORE = re.compile(r"\b(?:berita\s+acara|naskah\s+(?:deklarasi|ikrar))\b[^.;]*$", re.I)
DECLARATION_AFTER = re.compile(r"\s+(?:naskah\s+)?(?:deklarasi|ikrar)\b", re.I)  # "menandatangani deklarasi damai"
NEGATED_BEFORE = re.compile(r"\b(?:tidak|tak|belum)\s+ada\s+(?:\w+\s+)?$|\btanpa\s+$", re.I)
RESULT_OF = re.compile(r"\bhasil\s+$", re.I)
# "hari pertama masa tenang Pilkada 2024, Minggu (24/11)", "Program Dialog Pilkada Sultra TV, Rabu": the election
# names what the noun before it belongs to; the sentence's date is that thing's, and the election's only where a
# clause of its own gives it ("surat suara Pemilu serentak yang akan digelar pada 27 November")
OWN_CLAUSE = re.compile(r"\s+yang\s+(?:akan\s+)?(?:digelar|dilaksanakan|diselenggarakan|dijadwalkan|berlangsung)"
                        r"\s+(?:pada\s+)?", re.I)
OF_AN_ELECTION = re.compile(r"\b(?:masa\s+(?:tenang|kampanye)|tahapan|tahap|logistik|surat\s+suara|kotak\s+suara"
                            r"|anggaran|dana|netralitas|pengawasan|pengamanan|dialog|diskusi|sosialisasi|simulasi)\s+$",
                            re.I)
PURPOSE_BEFORE = re.compile(r"\b(?:untuk|guna|jelang|menjelang|persiapan|menyambut|menyongsong|membahas)\s+$", re.I)
SETTING_BEFORE = re.compile(r"\b(?:dalam|saat)\s+$", re.I)
ANAPHOR_AFTER = re.compile(r"\s+(?:ini|itu|tersebut)\b", re.I)
# "KPU menetapkan (dua) pasangan calon …" is the candidates' determination, a registration step (not the
# winners': "menetapkan calon … sebagai bupati terpilih").
# A court's ruling is a dispute however it is written: "MK menolak permohonan …", "PN menjatuhkan vonis …",
# "Putusan dibacakan majelis hakim …", "Putusan perkara Nomor … dibacakan Ketua MK dalam sidang pleno …".
# A candidate voting is an act of its own on election day: "X menggunakan (menyalurkan) hak pilihnya (hak
# suaranya) di TPS 07", "X mencoblos di TPS 07". Fixing
# the parties' seats or the votes is the count's last step: "KPU menetapkan perolehan kursi …". A party
# withdrawing or declaring its backing makes a declaration: "Golkar mencabut dukungannya …". Reporting someone
# to the police or Bawaslu is a complaint: "KPU melaporkan akun penyebar video ke Polres X".
VOTING_ACT = re.compile(r"\b(?:(?:menggunakan|menyalurkan|memberikan)\s+hak\s+(?:pilih|suara)(?:nya)?"
                        r"|mencoblos(?=\s+(?:surat\s+suara\s+)?di\s+TPS\b))\b", re.I)
# A crowd of voters, not one voter, before the voting verb in its sentence: "Sebanyak 1.126 warga binaan Lapas X
# menyalurkan hak pilih", "Ribuan WNI memadati … untuk menggunakan hak pilih"
CROWD_BEFORE = re.compile(r"(?:\b(?:[Ss]ebanyak|[Rr]ibuan|[Rr]atusan|[Pp]uluhan|[Jj]utaan)\b"
                          r"|\b\d[\d.]*\s+(?:pemilih|warga|orang|pasien|narapidana|WNI)\b)[^.;]*$")
TYPED_VERBS = (
    ("registration", re.compile(r"\bmenetapkan\s+(?:\w+\s+)?(?:bakal\s+)?(?:pasangan\s+calon|paslon|calon)\b"
                                r"(?!(?:(?!\.\s)[^;]){0,250}\bterpilih\b)", re.I)),
    ("dispute", re.compile(r"\b(?:menolak|mengabulkan|tidak\s+menerima)\s+(?:(?:seluruh(?:nya)?|sebagian)\s+)?"
                           r"(?:permohonan|gugatan)\b|\b(?:menjatuhkan\s+(?:vonis|hukuman|pidana)|memvonis|divonis)\b"
                           r"|\bdibacakan\s+(?:oleh\s+)?(?:majelis|hakim|ketua\s+(?:mk|majelis|mahkamah)|dalam\s+sidang)\b",
                           re.I)),
    ("other", VOTING_ACT),
    ("dispute", re.compile(r"\bmelaporkan\b(?=[^.;]{0,80}?\bke\s+(?:Polres|Polresta|Polda|Polsek|Bareskrim|Bawaslu"
                           r"|Sentra\s+Gakkumdu|Gakkumdu|DKPP|polisi|kepolisian)\b)", re.I)),
    ("declaration", re.compile(r"\b(?:mencabut|mengalihkan|menarik|mendeklarasikan|menyatakan)\s+dukungan(?:nya)?\b",
                               re.I)),
    ("vote_count", re.compile(r"\bmenetapkan\s+(?:hasil\s+)?(?:perolehan|rekapitulasi)\s+(?:hasil\s+)?"
                              r"(?:suara|kursi)\b", re.I)),
)


def _label_end(text: str, end: int) -> int:
    """Where a trigger's written name ends: capitalised words, a year, an ordinal after it ("Pilkada Serentak 2024")."""
    while (w := LABEL_WORD.match(text, end)) and not STOP_AFTER.match(text, end):
        end = w.end()
        if SENTENCE_STOP.search(w.group(0)):
            return end - 1  # "rekapitulasi KPU Kota Palopo. Kuasa …": the sentence ends, so does the name
    return end


def find_triggers(text: str) -> list[Trigger]:
    """Trigger words with their written names; not "tempat pemungutan suara" (a place) or
    "Keputusan … tentang Penetapan …" (a document's subject)."""
    found = []
    for m in lexicon.trigger_regex().finditer(text):
        if NOT_AN_EVENT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        code = lexicon.event_triggers()[lexicon.lookup_key(m.group(1))]
        if code == "dispute" and RESULT_OF.search(text, max(0, m.start() - 10), m.start()):
            continue  # "rekapitulasi hasil PSU": the re-vote counted, not a new one
        if code == "agreement_signing" and (MINUTES_BEFORE.search(text, max(0, m.start() - 60), m.start())
                                            or DECLARATION_AFTER.match(text, m.end())):
            continue  # the minutes of the act or the text of a declaration, signed at the act or the declaration
        if NEGATED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "setelah tidak ada permohonan sengketa ke MK", "berjalan tanpa gugatan": none happened
        end = _label_end(text, m.end())
        label = " ".join(text[m.start():end].split())
        ordinal = next((SAME_ORDINAL.get(o, o) for o in ORDINALS if re.search(rf"\b{o}\b", label.lower())), None)
        found.append(Trigger(code, label, m.start(), end, ordinal, end > m.end(), bool(ANAPHOR_AFTER.match(text, end)),
                             text[end:end + TAIL], _purpose(text, code, m.start()),
                             bool(ACTED_BEFORE.search(text, max(0, m.start() - 25), m.start())),
                             _countdown(text, m.start()) if code == "election" else 0,
                             code == "election" and bool(OF_AN_ELECTION.search(text, max(0, m.start() - 20),
                                                                                m.start())),
                             code == "meeting" and bool(SETTING_BEFORE.search(text, max(0, m.start() - 8), m.start()))))
    for code, pattern in TYPED_VERBS:
        for m in pattern.finditer(text):
            if pattern is VOTING_ACT and CROWD_BEFORE.search(text, max(0, m.start() - 140), m.start()):
                continue  # "Ribuan WNI … menggunakan hak pilih": the voting itself, no one's act
            end = _label_end(text, m.end())
            found.append(Trigger(code, " ".join(text[m.start():end].split()), m.start(), end, None,
                                 code != "declaration", tail=text[end:end + TAIL]))  # backing withdrawn: dated only
    return sorted(found, key=lambda t: t.start)


def _purpose(text: str, code: str, start: int) -> bool:
    """What an act is for ("… untuk debat publik perdana, Senin (14/10)"; not "menjelang pencoblosan, 27 November"),
    or the race whose results an act is about ("pengesahan bupati terpilih hasil Pilkada 2024, Senin (13/1/2025)"):
    the sentence's date is not its own."""
    if code == "election":
        return bool(RESULT_OF.search(text, max(0, start - 10), start))
    return bool(PURPOSE_BEFORE.search(text, max(0, start - 20), start))


def _countdown(text: str, start: int) -> int:
    m = COUNTDOWN.search(text, max(0, start - 40), start)
    return count_days(m.groups()) if m else 0


def _is_national(t: Trigger) -> bool:
    return any(t.label.lower().startswith(n) for n in NATIONAL)


# "Pilgub Sulawesi Utara dan Pilbup Kepulauan Sangihe digelar serentak": the governor's race and a regent's or
# mayor's race are two elections on one day; a bare "Pilkada" may be either
LEVELS = (("provinsi", re.compile(r"\b(?:pilgub|pemilihan\s+gubernur)\b", re.I)),
          ("kabupaten/kota", re.compile(r"\b(?:pilbup|pilwalkot|pilwakot|pilwali|pemilihan\s+(?:bupati|wali\s*kota))\b",
                                        re.I)))


def _election_kind(t: Trigger) -> str:
    """"national", or "regional" with the level a race's name gives ("regional provinsi": "Pilgub Sultra"; not
    "menggelar pemilihan bupati dan wali kota", which names no race)."""
    if _is_national(t):
        return "national"
    level = next((name for name, pattern in LEVELS if pattern.search(t.label)), None) if t.named else None
    return f"regional {level}" if level else "regional"


def _same_race(variant: str | None, kind: str) -> bool:
    """Two election mentions of one race: the same kind, or a regional one whose level only one names."""
    return variant == kind or (bool(variant) and variant.startswith("regional") and kind.startswith("regional")
                               and "regional" in (variant, kind))


def _date_near(t: Trigger, dates: list[DateMention], sentence: tuple[int, int]) -> DateMention | None:
    """The date written nearest after the mention in its sentence, else before it.

    An election's date must follow its name closely ("Pilkada Serentak pada 27 November
    2024"): other dates in the sentence are usually about something else.
    """
    inside = [d for d in dates if sentence[0] <= d.start < sentence[1]]
    after = [d for d in inside if d.start >= t.end]
    if t.code == "election":
        inside = [d for d in inside if not d.from_voting]  # "simulasi pemungutan suara pada H-7"
        after = [d for d in after if not d.from_voting]
        voting = bool(VOTING.match(t.label))
        written = next((d for d in after if _election_date(gap := t.tail[:d.start - t.end], d, voting)
                        and (not t.possessed or OWN_CLAUSE.fullmatch(gap))), None)
        if written or not (t.ahead and inside):
            return written
        return shifted(min(inside, key=lambda d: abs(d.start - t.start)), t.ahead)
    date = (after or list(reversed([d for d in inside if d.end <= t.start])) or [None])[0]
    if date and date.start >= t.end and (PERIOD.match(t.label) and PERIOD_END.search(t.tail[:date.start - t.end])
                                         or DONE_BY.search(t.tail[:date.start - t.end])):
        return None  # "Masa kampanye berakhir pada 23 November", "Verifikasi … dijadwalkan rampung pada 4 November":
        # neither a period nor a process is dated by its end
    return date


COORDINATED_RACE = re.compile(r"\s*(?:,|dan|serta)\s*")


def _coordinated_date(t: Trigger, triggers: list[Trigger], dates: list[DateMention],
                      sentence: tuple[int, int]) -> DateMention | None:
    """"Pilgub X dan Pilbup Y digelar serentak pada 27 November": the race written first has the date of the one
    coordinated with it."""
    if t.code != "election":
        return None
    nxt = next((u for u in triggers if u.start >= t.end), None)
    if nxt is None or nxt.code != "election" or nxt.start - t.end > len(t.tail):
        return None
    return _date_near(nxt, dates, sentence) if COORDINATED_RACE.fullmatch(t.tail[:nxt.start - t.end]) else None


def _written_right_after(t: Trigger, dates: list[DateMention]) -> DateMention | None:
    """"Hasil Pemilu 14 Februari 2024 menempatkan …": a date written right after an election's name is its own,
    though the sentence is about its results."""
    if t.code != "election":
        return None
    return next((d for d in dates if d.start >= t.end and not t.tail[:d.start - t.end].strip()), None)


def _election_date(gap: str, date: DateMention, voting: bool) -> bool:
    """Whether a date written ``gap`` after an election's name is its date: close by, after a schedule's
    words or, for the voting itself, after where it is held; not a period's bound ("Pilkada 2024 berlangsung
    hingga 23 November 2024"), not a bare weekday (wire style "KPU … mendistribusikan logistik Pilkada 2024 ke
    22 kabupaten, Senin." dates the report)."""
    return ((len(gap) <= 25 or bool(SCHEDULED.fullmatch(gap))
             or (voting and bool(WHERE_HELD.fullmatch(gap)))) and not PERIOD_BOUND.search(gap)
            and not is_bare_weekday(date))


def _same_event(event: Event, t: Trigger, iso: str | None, variant: str | None) -> bool:
    """Whether a trigger (its date ``iso``, its ``variant``: an election's kind or an ordinal) names the event."""
    if event.code != t.code:
        return False
    if t.code == "election":
        return _same_race(event.variant, variant)
    if iso and event.date:
        return iso == event.date
    return (t.ordinal or None) == event.variant or not t.ordinal


def _written_as_verb(t: Trigger) -> bool:
    return bool(ACTIVE_VERB.match(t.label) or PASSIVE_VERB.match(t.label))


def _bound_only(event: Event, t: Trigger, date: DateMention | None, by_deadline: set[int]) -> bool:
    """Whether the event or the mention is dated only by a deadline and both name the same act ("perbaikan berkas";
    not "real count … hingga Kamis" and "rekapitulasi … paling lambat 20 Maret")."""
    return (bool(date and date.deadline) or id(event) in by_deadline) and bool(
        set(event.label.lower().split()) & set(t.label.lower().split()))


def build_events(triggers: list[Trigger], dates: list[DateMention],
                 sentences: list[tuple[int, int]], sentence_of) -> list[Event]:
    """Cluster trigger mentions into events, with the date written nearest each mention."""
    events: list[Event] = []
    by_deadline: set[int] = set()  # the events dated only by the time allowed for them ("paling lambat 10 September")
    # "50 anggota DPRD … mengucapkan sumpah dan janji dalam rapat paripurna, Senin": the act is the event, the
    # meeting where it is done is not another
    acts = {sentence_of(t.start) for t in triggers if t.code == "other" and _written_as_verb(t)}
    triggers = [t for t in triggers if not (t.setting and not t.named and sentence_of(t.start) in acts)]
    typed = {sentence_of(t.start) for t in triggers if t.code not in ("other", "election")}
    elections = {sentence_of(t.start) for t in triggers if t.code == "election"}
    counted = {sentence_of(t.start) for t in triggers if t.code == "vote_count"}
    for t in triggers:
        sent = sentence_of(t.start)
        if t.code == "other" and (sent in typed or (sent in elections and not (_written_as_verb(t) or t.acted))):
            continue  # "apel pengamanan": the meeting is the event, securing it is what it is about; "pengamanan
            # Pilkada": the election is; but "KPU mendistribusikan logistik Pilkada 2024" or "merampungkan
            # penyortiran surat suara Pilbup X": the act the verb reports
        if t.code == "meeting" and not t.named and sent in counted:
            continue  # "rekapitulasi … dalam rapat pleno terbuka": the count is held in the plenary, one event
        date = _written_right_after(t, dates) if t.purpose else (
            _date_near(t, dates, sentences[sent]) or _coordinated_date(t, triggers, dates, sentences[sent]))
        date = None if date and date.week else date  # "… akan digelar di Mataram pekan depan": a week, no day
        iso = date.iso if date else None
        if t.code == "other" and not iso:
            continue  # "pengamanan", "pelantikan" with no date: too vague to be an event of its own
        evidence = Evidence(t.start, t.end, sent, LEXICON, 0.7 if t.named else 0.5)
        if t.anaphor:  # "penetapan tersebut" speaks of the last event of its type, or of none found
            event = next((e for e in reversed(events) if e.code == t.code), None)
            if event is not None:
                event.mentions.append(evidence)
                if date and not event.date and not event.date_text:
                    event.date, event.date_text = date.iso, date.text
            continue
        variant = _election_kind(t) if t.code == "election" else t.ordinal
        # "menyerahkan perbaikan berkas paling lambat 10 September" and "Penyerahan perbaikan berkas … Senin (9/9)":
        # the time allowed for an act tells it from no act of the same name; the act is dated by its bound only
        # until a day of its own is written
        event = next((e for e in events if _same_event(e, t, None if _bound_only(e, t, date, by_deadline) else iso,
                                                       variant)), None)
        if event is None and t.code == "election" and not t.named and not iso:
            event = next((e for e in events if e.code == "election"), None)  # a bare "pemilu"
        if event is None:
            event = Event(t.label, t.code, evidence, variant=variant)
            events.append(event)
        elif t.code == "election" and event.variant == "regional" and variant.startswith("regional "):
            event.variant = variant  # "Pilkada 2024 … Pilbup X": the race the bare name meant
            event.label, event.evidence = t.label, evidence
        event.mentions.append(evidence)
        if t.named and event.evidence.confidence < 0.7:  # the first proper name is the label
            event.label, event.evidence = t.label, evidence
        if date and ((not event.date and not event.date_text) or (id(event) in by_deadline and not date.deadline)):
            event.date, event.date_text = date.iso, date.text
            if date.deadline:
                by_deadline.add(id(event))
            else:
                by_deadline.discard(id(event))
    return events


def is_specific(event: Event, has_place: bool) -> bool:
    return (event.code in SPECIFIC_TYPES or event.evidence.confidence >= 0.7
            or event.date is not None or has_place)
