"""A generated corpus of Indonesian election news for the benchmark.

Articles are written from sentence templates filled from kg's own lexicons (institutions,
posts, event triggers, kg.extract.places) and a cast of made-up people who recur across articles with
fixed posts, so the corpus has the shape of a real news feed: the same KPU chair quoted in many
stories, short names ("Budi") after full ones, figures, dates, venues and quotes.

Each article also reports on one race of Pilkada Serentak 2024 (a governor, regent or mayor
contest with two to four numbered tickets); `election_triples` writes what it says in the
ontology's shape (contest, candidacies, results) for the benchmark of the parameterised queries.
The races use their own random streams, so the article texts do not depend on them.

`fake_parse` stands in for Stanza where the benchmark needs graphs without parsing (the
1M-triple query part): sentences split at . ! ? before a space and at line ends, one word per
token, and the NER tags of the names the generator wrote, so kg's real extraction and RDF
mapping run on it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from kg.extract.places import Place, load_places
from kg.nlp.parse import Parse, rough_parse

GIVEN = ("Budi Agus Siti Dewi Rudi Sri Andi Rina Hendra Wahyu Yusuf Fitri Dedi Nurul Bambang "
         "Slamet Joko Eko Rahmat Ahmad Irfan Teguh Lestari Wulan Indah Ratna Hasan Arif Dian "
         "Putri Made Ketut Wayan Gede Ayu Fajar Rizki Yanti Sari Heru Taufik Ilham Fauzan Nanda "
         "Reza Anisa Maya Dimas Bayu Galih Citra Mega Rosa Umar Zainal Syahrial Marlina Yohanes "
         "Maria Kornelius Benny Hendrik Ferry Lukas Obed Markus Tigor Sahat Ucok Asep Cecep Dadang "
         "Ujang Neneng Euis Iwan Kurnia Munawar Zulkifli Ridwan Hamdan Syamsul Baharuddin").split()
FAMILY = ("Santoso Wibowo Saputra Hidayat Kurniawan Siregar Nasution Harahap Lubis Simanjuntak "
          "Pratama Setiawan Gunawan Susanto Hartono Purnomo Suryadi Rahman Fauzi Syahputra Hakim "
          "Wijaya Halim Sitompul Tanjung Manurung Pangaribuan Nainggolan Sinaga Daulay Ginting "
          "Tarigan Sembiring Ritonga Hutapea Situmorang Pane Matondang Prasetyo Nugroho "
          "Susilo Haryanto Wahyudi Firmansyah Maulana Ramadhan Permana Kusuma Hasibuan Rangkuti "
          "Latuconsina Pattiasina Wenda Mandagi Lumintang Rumengan Tambunan Marpaung Sihombing "
          "Pohan Hutagalung Manik Saragih Damanik Purba Sidabutar Wonda Kogoya Tabuni Yoku "
          "Syarifuddin Mappaseng Bakri Daeng Arsyad Lamusu Paputungan Mokodompit").split()
PUBLISHERS = ("Antaranews", "Kompas.com", "Detik.com", "Tempo", "Republika", "Tribunnews",
              "CNN Indonesia", "Liputan6", "Suara.com", "IDN Times")
VENUES = ("Hotel Santika", "Hotel Aston", "Gedung DPRD", "Aula KPU", "Graha Bina Praja",
          "Gedung Serbaguna", "Balai Kota", "GOR Pemuda", "Pendopo Kabupaten", "Hotel Grand Inna")
MONITORS = (("Jaringan Demokrasi Rakyat", "JDR"), ("Lembaga Pemantau Suara Nusantara", "LPSN"),
            ("Forum Warga Peduli Pemilu", "FWPP"), ("Komite Pemilih Muda Indonesia", "KPMI"))
PARTIES = ("PDIP", "Partai Golkar", "Partai Gerindra", "PKB", "Partai NasDem", "PKS", "PAN",
           "Partai Demokrat", "PPP", "Partai Perindo", "PSI", "Partai Hanura")
EVENTS = ("rapat koordinasi", "rapat pleno rekapitulasi", "debat publik",
          "deklarasi kampanye damai", "kampanye akbar", "pengundian nomor urut", "sosialisasi",
          "penandatanganan NPHD", "bimbingan teknis", "simulasi pemungutan suara",
          "pelantikan PPK", "rapat konsolidasi")
QUOTES = (
    "Kami memastikan seluruh tahapan berjalan sesuai jadwal dan tidak ada kendala berarti",
    "Logistik pemilihan sudah kami distribusikan ke semua kecamatan",
    "Kami mengajak masyarakat datang ke TPS dan menggunakan hak pilihnya",
    "Netralitas aparatur sipil negara adalah harga mati dalam pilkada ini",
    "Kami tidak akan ragu menindak setiap pelanggaran yang ditemukan di lapangan",
    "Pengamanan akan dilakukan secara humanis tanpa mengurangi ketegasan",
    "Semua pasangan calon harus mematuhi aturan kampanye yang berlaku",
    "Partisipasi pemilih kami targetkan lebih tinggi dibanding pemilihan sebelumnya",
    "Data pemilih terus kami mutakhirkan agar tidak ada warga yang kehilangan hak pilih",
    "Kami siap menerima laporan masyarakat selama dua puluh empat jam",
    "Debat ini menjadi ruang bagi warga untuk menilai visi dan misi para calon",
    "Anggaran hibah sudah dicairkan sehingga penyelenggara dapat bekerja dengan tenang",
)
ACTIONS = ("memperketat pengawasan di tempat pemungutan suara",
           "menambah personel pengamanan di daerah rawan",
           "menggelar sosialisasi ke sekolah dan kampus",
           "memeriksa kembali daftar pemilih tetap bersama pemerintah daerah",
           "menertibkan alat peraga kampanye yang melanggar aturan",
           "berkoordinasi dengan Polda dan Kodam setempat")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Person:
    name: str  # full name
    short: str  # how later sentences call them
    rank: str  # written before the name (Irjen Pol, Dr.) or ""
    post: str  # "Ketua KPU", "Kapolda", ...
    region: str  # as written after the post (Sumsel, Kota Palembang)


@dataclass(frozen=True)
class Ticket:
    number: int
    candidate: str
    mate: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Race:
    name: str  # as news names it: "Pilgub Sumatera Selatan 2024"
    office: str  # the summary's office code
    region: Place
    tickets: tuple[Ticket, ...]


RACES = (("gubernur", "Pilgub", "province"), ("bupati", "Pilbup", "regency"),
         ("wali kota", "Pilwalkot", "city"))
STAGES = ("quickCount", "realCount", "districtRecapitulation", "regencyRecapitulation",
          "provinceRecapitulation", "finalDetermination")


@dataclass(frozen=True)
class Article:
    name: str
    title: str
    date: dt.date
    publisher: str
    text: str
    names: tuple[str, ...]  # persons and unknown organizations written, for fake NER


class World:
    """The cast and places the articles share; the same seed gives the same corpus."""

    def __init__(self, people: int, seed: int = 7):
        self.rng = random.Random(seed)
        places = load_places()
        self.provinces = [p for p in places if p.type == "province"]
        self.locals = [p for p in places if p.type in ("regency", "city")]
        self.people = self._cast(people)
        self.seed = seed
        self.races = self._races(max(10, people // 10), random.Random(seed + 1))

    def written(self, place: Place) -> str:
        """How news writes a place: alias (Sumsel), or with Kabupaten/Kota before it."""
        if place.type == "province":
            return self.rng.choice((place.name, *place.aliases)) if place.aliases else place.name
        return f"{'Kota' if place.type == 'city' else 'Kabupaten'} {place.name}"

    def _cast(self, count: int) -> list[Person]:
        posts = (("Ketua KPU", "", "province"), ("Ketua KPU", "", "local"),
                 ("Ketua Bawaslu", "", "province"), ("Anggota KPU", "", "province"),
                 ("Gubernur", "", "province"), ("Pj Gubernur", "", "province"),
                 ("Bupati", "", "regency"), ("Wali Kota", "", "city"),
                 ("Kapolda", "Irjen Pol", "province"), ("Kapolres", "AKBP", "local"),
                 ("Ketua DPRD", "", "province"), ("Calon Gubernur", "", "province"),
                 ("Calon Bupati", "Dr.", "regency"), ("Sekretaris Daerah", "", "province"))
        seen: set[str] = set()
        cast = []
        while len(cast) < count:
            given, family = self.rng.choice(GIVEN), self.rng.choice(FAMILY)
            middle = self.rng.choice([g for g in GIVEN if g != given])
            name = f"{given} {family}" if self.rng.random() < 0.8 else f"{given} {middle} {family}"
            if name in seen:
                continue
            seen.add(name)
            post, rank, level = self.rng.choice(posts)
            where = self._region(level)
            short = given if self.rng.random() < 0.6 else family
            cast.append(Person(name, short, rank, post, self.written(where)))
        return cast

    def _races(self, count: int, rng: random.Random) -> list[Race]:
        races, seen = [], set()
        while len(races) < count:
            office, prefix, level = rng.choice(RACES)
            pool = self.provinces if level == "province" else [p for p in self.locals if p.type == level]
            region = rng.choice(pool)
            if (office, region.name) in seen:
                continue
            seen.add((office, region.name))
            parties = rng.sample(PARTIES, 8)
            tickets = tuple(Ticket(n, self._name(rng), self._name(rng), tuple(parties[2 * n - 2:2 * n]))
                            for n in range(1, rng.randrange(2, 5) + 1))
            races.append(Race(f"{prefix} {region.name} 2024", office, region, tickets))
        return races

    @staticmethod
    def _name(rng: random.Random) -> str:
        return f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"

    def race_of(self, number: int) -> Race:
        """The race article ``number`` reports on (recurring: a race is in many articles)."""
        return self.races[random.Random(self.seed * 1_000_003 + number).randrange(len(self.races))]

    def _region(self, level: str) -> Place:
        if level == "province":
            return self.rng.choice(self.provinces)
        pool = [p for p in self.locals if level == "local" or p.type == level]
        return self.rng.choice(pool)

    def article(self, number: int) -> Article:
        rng = self.rng
        cast = rng.sample(self.people, 4)
        lead, second, third, fourth = cast
        date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(330))
        event = rng.choice(EVENTS)
        place = rng.choice(self.locals)
        venue = f"{rng.choice(VENUES)} {place.name}"
        monitor, acronym = rng.choice(MONITORS)
        day = f"{WEEKDAYS[date.weekday()]} ({date.day}/{date.month})"
        party, party2 = rng.sample(PARTIES, 2)
        names = [p.name for p in cast] + [p.short for p in cast] + [monitor, acronym]
        title = f"{lead.post} {lead.region} Pastikan {event.capitalize()} Berjalan Lancar"
        opening = (f"{place.name.upper()}, {rng.choice(PUBLISHERS)} - {lead.post} {lead.region} "
                   f"{_ranked(lead)} menyatakan pihaknya siap menggelar {event} menjelang "
                   f"Pilkada Serentak pada 27 November 2024.")
        body = [
            f"{event.capitalize()} tersebut digelar di {venue}, {self.written(place)}, {day}, dan "
            f"dihadiri unsur KPU, Bawaslu, Polda, Kodam serta pemerintah daerah.",
            f"\"{rng.choice(QUOTES)},\" kata {lead.short}.",
            f"Menurut {lead.short}, jumlah pemilih dalam daftar pemilih tetap di "
            f"{self.written(place)} mencapai {_thousands(rng.randrange(50_000, 2_500_000))} orang "
            f"yang tersebar di {_thousands(rng.randrange(200, 6_000))} TPS.",
            f"{second.post} {second.region} {_ranked(second)} menambahkan, pihaknya akan "
            f"{rng.choice(ACTIONS)}.",
            f"\"{rng.choice(QUOTES)},\" ujar {second.short} di {self.written(place)}.",
            f"Pemerintah daerah juga telah mencairkan dana hibah sebesar Rp "
            f"{rng.randrange(2, 90)},{rng.randrange(10, 99)} miliar untuk penyelenggaraan pilkada.",
            f"{party} dan {party2} mengusung {third.name} sebagai calon kepala daerah, sementara "
            f"{fourth.post} {fourth.region} {_ranked(fourth)} mengimbau warga menjaga suasana "
            f"tetap kondusif.",
            f"{monitor} ({acronym}) mencatat tingkat partisipasi pada pemilihan sebelumnya "
            f"sebesar {rng.randrange(55, 85)},{rng.randrange(10, 99)} persen.",
            f"{acronym} meminta penyelenggara membuka data rekapitulasi suara secara terbuka.",
            f"\"{rng.choice(QUOTES)},\" tegas {fourth.short}.",
            f"Tahapan berikutnya, yakni {rng.choice(EVENTS)}, dijadwalkan berlangsung pada "
            f"{rng.randrange(1, 28)} {MONTHS[rng.randrange(8, 11)]} 2024.",
            f"Dalam kesempatan itu, {lead.short} juga meminta seluruh panitia pemilihan kecamatan "
            f"memastikan surat suara, kotak suara dan formulir tiba tepat waktu di setiap desa.",
            f"Ia menjelaskan, sebanyak {_thousands(rng.randrange(100, 4_000))} personel gabungan "
            f"dari Polri dan TNI akan disiagakan selama masa tenang hingga hari pemungutan suara.",
            f"Bawaslu {self.written(place)} sebelumnya menerima {rng.randrange(3, 60)} laporan "
            f"dugaan pelanggaran, sebagian besar terkait alat peraga kampanye dan politik uang.",
            f"Pasangan calon yang diusung {party2} dijadwalkan mengikuti debat publik kedua di "
            f"{venue} pada {rng.randrange(1, 28)} {MONTHS[rng.randrange(9, 11)]} 2024.",
        ]
        rng.shuffle(body)
        keep = body[:rng.randrange(10, len(body) + 1)]
        text = "\n".join([opening, *keep])
        return Article(f"berita-{number:05d}", title, date, rng.choice(PUBLISHERS), text,
                       tuple(dict.fromkeys(names)))


def election_triples(world: World, number: int, base: str) -> list[tuple]:
    """What article ``number`` says about its race, as RDF in the ontology's shape.

    The contest and its tickets have shared IRIs (every article on the race meets on them);
    each article reports its own results, at a counting stage that varies by article.
    """
    from decimal import Decimal

    from rdflib import RDF, RDFS, XSD, Literal

    from kg.graph.iri import candidacy_iri, contest_iri, mint
    from kg.graph.vocab import ELEC, PROV, SCHEMA

    race, rng = world.race_of(number), random.Random(world.seed * 7_000_003 + number)
    article = mint(base, "article", f"berita-{number:05d}")
    sentence = mint(base, "article", f"berita-{number:05d}", "sentence", "1")  # the opening sentence
    contest = contest_iri(base, race.office, race.region.name, "2024")
    election = mint(base, "election", "Pilkada Serentak 2024")
    region = mint(base, "place", race.region.name)

    def named(node, cls, name) -> list[tuple]:
        return [(node, RDF.type, cls), (node, SCHEMA.name, Literal(name)), (node, RDFS.label, Literal(name))]

    out = [*named(election, ELEC.Election, "Pilkada Serentak 2024"), *named(contest, ELEC.Contest, race.name),
           (contest, ELEC.office, Literal(race.office)), (contest, ELEC.year, Literal("2024", datatype=XSD.gYear)),
           (contest, ELEC.jurisdiction, region), (contest, SCHEMA.superEvent, election),
           *named(region, SCHEMA.Place, race.region.name)]
    shares = [rng.random() + 0.2 for _ in race.tickets]
    valid = rng.randrange(200_000, 20_000_000)
    stage = ELEC[STAGES[number % len(STAGES)]]
    for ticket, share in zip(race.tickets, shares, strict=True):
        ticket_iri = candidacy_iri(base, race.office, race.region.name, "2024", ticket.candidate)
        head, mate = mint(base, "person", ticket.candidate), mint(base, "person", ticket.mate)
        out += [*named(head, SCHEMA.Person, ticket.candidate), *named(mate, SCHEMA.Person, ticket.mate),
                (article, SCHEMA.mentions, head), (article, SCHEMA.mentions, mate),
                (ticket_iri, RDF.type, ELEC.Candidacy),
                (ticket_iri, RDFS.label, Literal(f"{ticket.candidate}-{ticket.mate}")),
                (ticket_iri, ELEC.contest, contest), (ticket_iri, ELEC.candidate, head),
                (ticket_iri, ELEC.runningMate, mate), (ticket_iri, ELEC.ballotNumber, Literal(ticket.number)),
                (ticket_iri, ELEC.status, ELEC.eligible)]
        for party in ticket.parties:
            node = mint(base, "organization", party)
            out += [*named(node, ELEC.PoliticalParty, party), (ticket_iri, ELEC.nominatedBy, node)]
        result = mint(base, "result", f"berita-{number:05d}", str(ticket.number))
        percent = Decimal(round(100 * share / sum(shares), 2)).quantize(Decimal("0.01"))
        out += [(result, RDF.type, ELEC.Result), (result, ELEC.resultFor, ticket_iri), (result, ELEC.contest, contest),
                (result, ELEC.votes, Literal(int(valid * share / sum(shares)))),
                (result, ELEC.percent, Literal(percent)), (result, ELEC.stage, stage),
                (result, ELEC.scope, region), (result, PROV.wasDerivedFrom, sentence),
                (result, ELEC.method, ELEC.rule), (result, ELEC.confidence, Literal(Decimal("1.0")))]
    return out


def _ranked(person: Person) -> str:
    return f"{person.rank} {person.name}" if person.rank else person.name


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def write_corpus(folder: Path, size: int, seed: int = 7) -> list[Article]:
    """``size`` articles as front-matter text files in ``folder``; returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    world = World(max(40, size // 4), seed)
    articles = [world.article(i) for i in range(size)]
    for a in articles:
        front = (f"---\ntitle: \"{a.title}\"\ndate: {a.date.isoformat()}\n"
                 f"publisher: {a.publisher}\n---\n")
        (folder / f"{a.name}.txt").write_text(front + a.text + "\n", encoding="utf-8")
    return articles


def fake_parse(text: str, names: tuple[str, ...]) -> Parse:
    """A Parse without Stanza: NER tags (PER, or ORG for capitalised multi-word/acronym names)."""
    orgs = ("Jaringan", "Lembaga", "Forum", "Komite")
    return rough_parse(text, {n: "ORG" if n.isupper() or n.split()[0] in orgs else "PER" for n in names})
