"""Candidacies, results and court cases on sentences written for these tests (invented names).

The texts go through the whole extraction on a model-free parse (kg.nlp.parse.rough_parse with
no NER tags), so every candidate found here was found by the patterns, not by the model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import extract
from kg.extract.candidacies import find_tickets, person_finder
from kg.extract.contests import office_in
from kg.extract.courts import find_cases
from kg.extract.facts import EMPTY_BOX, Entity, Extraction
from kg.nlp.parse import rough_parse


def run(text: str, title: str | None = None, date: dt.date | None = dt.date(2024, 11, 28)) -> Extraction:
    return extract(rough_parse(text, {}), date, title)


def name(x: Extraction, entity_id: str | None) -> str | None:
    if entity_id == EMPTY_BOX:
        return "kotak kosong"
    return x.entity(entity_id).name if entity_id else None


def candidacies(x: Extraction) -> set[tuple]:
    return {(name(x, c.person), c.office, c.ballot_number, name(x, c.running_mate)) for c in x.candidacies}


def results(x: Extraction) -> set[tuple]:
    return {(name(x, r.candidate), r.votes, r.percent) for r in x.results}


def test_a_numbered_list_of_pairs() -> None:
    x = run("KPU Jawa Tengah menggelar pengundian nomor urut pasangan calon gubernur. Hasilnya, nomor urut 1 "
            "Bagus Santika-Nur Halimah, nomor urut 2 Darmawan Putra-Siti Rohani, dan nomor urut 3 Wiryo "
            "Kusumo dan Ratna Paramitha.")
    assert candidacies(x) == {
        ("Bagus Santika", "gubernur", "1", "Nur Halimah"), ("Nur Halimah", "wakil gubernur", "1", "Bagus Santika"),
        ("Darmawan Putra", "gubernur", "2", "Siti Rohani"), ("Siti Rohani", "wakil gubernur", "2", "Darmawan Putra"),
        ("Wiryo Kusumo", "gubernur", "3", "Ratna Paramitha"),
        ("Ratna Paramitha", "wakil gubernur", "3", "Wiryo Kusumo")}
    assert {e.name for e in x.entities if e.kind == "person"} == {
        "Bagus Santika", "Nur Halimah", "Darmawan Putra", "Siti Rohani", "Wiryo Kusumo", "Ratna Paramitha"}
    assert not [f for f in x.figures if f.value in ("1", "2", "3")]  # ballot numbers are no figures
    region = {c.contest.region for c in x.candidacies}
    assert region == {"Jawa Tengah"}


def test_ballot_drawn_after_the_names_and_parties_backing_the_pair() -> None:
    x = run("Nomor urut 2 diperoleh Hendra Wijaya yang berpasangan dengan Lusiana Dewi. Pasangan ini diusung "
            "oleh PDIP, Partai Gerindra dan PKB.", title="Pengundian nomor urut Pilbup Sleman")
    c = {name(x, c.person): c for c in x.candidacies}
    assert c["Hendra Wijaya"].office == "bupati" and c["Lusiana Dewi"].office == "wakil bupati"
    assert c["Hendra Wijaya"].ballot_number == "2"
    assert [name(x, p) for p in c["Hendra Wijaya"].parties] == [
        "Partai Demokrasi Indonesia Perjuangan", "Partai Gerakan Indonesia Raya", "Partai Kebangkitan Bangsa"]
    assert c["Hendra Wijaya"].contest.region == "Sleman"


def test_parties_listed_in_the_next_sentence_and_active_backing() -> None:
    x = run("Pasangan Yudha Pratama dan Anisa Rahmi diusung koalisi tiga parpol. Ketiga partai itu adalah "
            "Partai Golkar, PAN dan PKS. Adapun PDIP mengusung pasangan Rahmat Hidayat-Fitri Amalia.",
            title="Dua bakal pasangan calon wali kota mendaftar ke KPU Kota Semarang")
    c = {name(x, c.person): c for c in x.candidacies}
    assert c["Yudha Pratama"].office == "wali kota" and c["Anisa Rahmi"].office == "wakil wali kota"
    assert len(c["Yudha Pratama"].parties) == 3
    assert [name(x, p) for p in c["Rahmat Hidayat"].parties] == ["Partai Demokrasi Indonesia Perjuangan"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cagub Bagus Santika berjanji membangun jalan desa.", ("Bagus Santika", "gubernur")),
    ("Cawabup Lusiana Dewi hadir di Pendopo.", ("Lusiana Dewi", "wakil bupati")),
    ("Calon Wali Kota Semarang nomor urut 2, Rahmat Hidayat, menyampaikan visinya.", ("Rahmat Hidayat", "wali kota")),
    ("Rapat itu dihadiri Wiryo Kusumo dari pasangan nomor urut 1.", ("Wiryo Kusumo", "gubernur")),
])
def test_one_candidate(sentence: str, expected: tuple[str, str]) -> None:
    x = run(sentence, title="Debat Pilgub Jateng" if "Wiryo" in sentence else None)
    assert {(name(x, c.person), c.office) for c in x.candidacies} == {expected}


def test_statuses_registered_elected_and_sole_candidate() -> None:
    x = run("Bakal pasangan calon Teguh Santoso-Maya Sari mendaftar ke KPU Kabupaten Bantul. KPU Kabupaten "
            "Sleman menetapkan pasangan Joko Prasetyo dan Indah Permata sebagai Bupati dan Wakil Bupati terpilih. "
            "KPU menetapkan paslon tunggal, yakni pasangan calon bupati Rudi Hartono dan wakil bupati Sinta "
            "Maharani, yang akan melawan kotak kosong.")
    status = {name(x, c.person): (c.status, c.sole) for c in x.candidacies}
    assert status["Teguh Santoso"] == ("registered", False)
    assert status["Joko Prasetyo"] == ("elected", False) and status["Indah Permata"] == ("elected", False)
    assert status["Rudi Hartono"] == ("eligible", True) and status["Sinta Maharani"] == ("eligible", True)
    assert {c.office for c in x.candidacies} == {"bupati", "wakil bupati"}


def test_office_from_the_regional_election_body() -> None:
    """No office word at all: the race of KPU Kabupaten X is the regent's."""
    x = run("KPU Kabupaten Bantul menyebut pasangan calon nomor urut 2, Hendra Wijaya dan Lusiana Dewi, "
            "unggul dalam rekapitulasi.")
    assert candidacies(x) == {("Hendra Wijaya", "bupati", "2", "Lusiana Dewi"),
                              ("Lusiana Dewi", "wakil bupati", "2", "Hendra Wijaya")}


def test_not_candidates() -> None:
    """Office holders, a married couple, places joined by a hyphen: no candidacy."""
    x = run("Gubernur Jawa Tengah Bambang Wirawan dan Wakil Gubernur Rina Kusuma membuka rapat. Budi Santoso "
            "dan Ani Rahayu menikah di Semarang. Jalur Jakarta-Bandung padat. Calon pemilih diminta datang pagi.")
    assert x.candidacies == []


def test_results_with_votes_shares_and_stage() -> None:
    x = run("Pasangan calon gubernur nomor urut 1, Bagus Santika-Nur Halimah, meraih 1.234.567 suara atau "
            "45,6 persen dari total 2.707.000 suara sah. Perolehan kedua diraih Darmawan Putra dan Siti Rohani "
            "dengan 980.120 suara atau 36,2 persen. Adapun kotak kosong mendapat 18,2 persen.",
            title="Rekapitulasi Pilgub Jateng")
    assert results(x) == {("Bagus Santika", "1.234.567", "45,6"), ("Darmawan Putra", "980.120", "36,2"),
                          ("kotak kosong", None, "18,2")}


def test_quick_count_by_institute_and_by_ballot_number() -> None:
    x = run("Pasangan calon bupati nomor urut 1, Hendra Wijaya-Lusiana Dewi, dan nomor urut 2, Teguh "
            "Santoso-Maya Sari, bersaing ketat. Menurut hitung cepat versi Lembaga Survei Nusantara, dengan "
            "suara masuk 98 persen, paslon nomor urut 2 memperoleh 52,3 persen. Sementara Hendra-Lusiana hanya "
            "meraih 47,7 persen.")
    assert results(x) == {("Teguh Santoso", None, "52,3"), ("Hendra Wijaya", None, "47,7")}
    assert {r.stage for r in x.results} == {"quick_count"}
    assert {r.source for r in x.results} == {"Lembaga Survei Nusantara"}


def test_party_results_and_seats() -> None:
    x = run("Dalam pemilu legislatif, Partai Golkar meraih 12 kursi dan PKS memperoleh 8 kursi.")
    assert {(name(x, r.candidate), r.seats) for r in x.results} == {("Partai Golongan Karya", "12"),
                                                                  ("Partai Keadilan Sejahtera", "8")}
    assert {r.contest.office for r in x.results} == {"dpr"}
    x = run("Pada Pemilu 2024 untuk DPRD Kota Semarang, PDIP meraih 14 kursi.")
    assert [(r.seats, r.contest.office, r.contest.region) for r in x.results] == [
        ("14", "dprd kabupaten/kota", "Semarang")]


def test_court_cases() -> None:
    text = ("Mahkamah Konstitusi (MK) mengabulkan sebagian permohonan perkara nomor 12/PHPU.BUP-XXIII/2025 "
            "dan memerintahkan pemungutan suara ulang di 20 TPS. Dalam perkara 31/PHPU.WAKO-XXIII/2025, MK "
            "menolak permohonan pemohon untuk seluruhnya.")
    x = run(text)
    cases = {c.number: (c.ruling, c.orders, name(x, c.court)) for c in x.cases}
    assert cases == {"12/PHPU.BUP-XXIII/2025": ("partly_granted", ("revote",), "Mahkamah Konstitusi"),
                     "31/PHPU.WAKO-XXIII/2025": ("rejected", (), "Mahkamah Konstitusi")}
    assert not [f for f in x.figures if f.value in ("12", "31")]  # case numbers are no figures


def test_partly_granted_and_not_admissible() -> None:
    text = ("MK mengabulkan permohonan perkara 5/PHPU.GUB-XXIII/2025 untuk sebagian. "
            "Sidang lain memutus perkara 7/PHPU.BUP-XXIII/2025: permohonan tidak dapat diterima.")
    spans = [(0, text.index("Sidang")), (text.index("Sidang"), len(text))]
    assert [(c.number, c.ruling) for c in find_cases(text, spans, follow=0)] == [
        ("5/PHPU.GUB-XXIII/2025", "partly_granted"), ("7/PHPU.BUP-XXIII/2025", "not_admissible")]


@pytest.mark.parametrize(("phrase", "office", "deputy"), [
    ("calon wakil bupati", "bupati", True), ("Pilwalkot", "wali kota", False), ("cawagub", "gubernur", True),
    ("capres", "presiden", False), ("pasangan calon Wali Kota", "wali kota", False),
])
def test_office_words(phrase: str, office: str, deputy: bool) -> None:
    found = office_in(phrase)
    assert found is not None and (found[0].name, found[1]) == (office, deputy)


def test_names_with_alias_and_nickname() -> None:
    text = "Pasangan Raden Mas Sutowo alias Didit dan Ayu Lestiani diusung PKB. Didit-Ayu meraih 51 persen."
    x = run(text, title="Pilbup Bantul")
    assert candidacies(x) == {("Raden Mas Sutowo", "bupati", None, "Ayu Lestiani"),
                              ("Ayu Lestiani", "wakil bupati", None, "Raden Mas Sutowo")}
    assert results(x) == {("Raden Mas Sutowo", None, "51")}
    tickets = find_tickets(text, [])
    assert [text[slice(*t.head)] for t in tickets] == ["Raden Mas Sutowo", "Didit"]


def test_pairs_listed_after_one_cue() -> None:
    x = run("KPU menetapkan tiga pasangan calon gubernur dan wakil gubernur Banten. Ketiga paslon tersebut adalah "
            "Rangga Wisesa-Dimas Prakoso, Laras Ayuningtyas-Ade Subekti dan Tirta Gumilang-Putri Anjani.")
    heads = {(name(x, c.person), name(x, c.running_mate)) for c in x.candidacies if c.office == "gubernur"}
    assert heads == {("Rangga Wisesa", "Dimas Prakoso"), ("Laras Ayuningtyas", "Ade Subekti"),
                     ("Tirta Gumilang", "Putri Anjani")}


def test_national_recapitulation_written_as_a_table() -> None:
    x = run("Pasangan nomor urut 1 Amir Baswara-Imran Syahputra memperoleh 40.971.906 suara (24,95 persen), "
            "pasangan nomor urut 2 Surya Dirgantara-Gilang Mahesa 96.214.691 suara (58,59 persen), dan pasangan "
            "nomor urut 3 Ganda Prawira-Mahmud Arifin 27.040.878 suara (16,47 persen).",
            title="KPU tetapkan hasil rekapitulasi nasional Pilpres 2024")
    assert results(x) == {("Amir Baswara", "40.971.906", "24,95"), ("Surya Dirgantara", "96.214.691", "58,59"),
                          ("Ganda Prawira", "27.040.878", "16,47")}
    assert {c.office for c in x.candidacies} == {"presiden", "wakil presiden"}


def test_results_listed_with_a_colon_and_the_loser_after_atas() -> None:
    x = run("Perolehan suara masing-masing paslon: Harun Basuki-Saiful Zuhdi 120.000 suara, Rosyid Wongso-Bagas "
            "Susetya 95.000 suara.", title="Rekapitulasi Pilwalkot Samarinda")
    assert results(x) == {("Harun Basuki", "120.000", None), ("Rosyid Wongso", "95.000", None)}
    x = run("Pasangan calon Bupati Ahmad Sobirin-Nurlaela Sari unggul atas pasangan Budiman Darma-Tono Sukirman "
            "dengan 55,2 persen suara.")
    assert results(x) == {("Ahmad Sobirin", None, "55,2")}


def test_survey_institute_real_count_and_margins() -> None:
    x = run("Dalam hitung cepat Lembaga Survei Cakrawala, pasangan Pramudita-Ranu meraih 50,1 persen, unggul "
            "10 persen dari pesaingnya.", title="Pilgub Jakarta")
    assert [(name(x, r.candidate), r.percent, r.stage, r.source) for r in x.results] == [
        ("Pramudita", "50,1", "quick_count", "Lembaga Survei Cakrawala")]
    x = run("Paslon 02 Ilham Saputro-Nanda Pratiwi mendapatkan 61,2 persen suara menurut real count KPU.",
            title="Pilbup Bogor")
    assert [(name(x, r.candidate), r.stage, r.source) for r in x.results] == [("Ilham Saputro", "real_count", "KPU")]
    assert candidacies(x) >= {("Ilham Saputro", "bupati", "2", "Nanda Pratiwi")}


@pytest.mark.parametrize("sentence", [
    "Cagub-cawagub nomor urut 2, Rudiyanto Masud-Seno Ajisaka, mengikuti debat kedua di Balikpapan.",
    "Pasangan Rudiyanto Masud-Seno Ajisaka (nomor urut 2) hadir dalam debat kedua Pilgub Kaltim.",
])
def test_ballot_numbers_around_the_names(sentence: str) -> None:
    x = run(sentence)
    assert candidacies(x) == {("Rudiyanto Masud", "gubernur", "2", "Seno Ajisaka"),
                              ("Seno Ajisaka", "wakil gubernur", "2", "Rudiyanto Masud")}


def test_a_candidate_called_by_a_shortened_name() -> None:
    x = run("Pasangan calon nomor urut 1, Valentina Sarumpaet dan Bayu Ajisaka, hadir. Valentin mengaku siap.",
            title="Pilbup Karo")
    assert {e.name for e in x.entities if e.kind == "person"} == {"Valentina Sarumpaet", "Bayu Ajisaka"}


@pytest.mark.parametrize(("sentence", "status"), [
    ("KPU Kabupaten Sleman menetapkan Budiono Santoso dan Anita Rahayu sebagai pasangan calon peserta Pilkada.",
     "eligible"),
    ("Bakal pasangan calon bupati Budiono Santoso-Anita Rahayu dinyatakan tidak memenuhi syarat oleh KPU.",
     "not_eligible"),
    ("Pasangan calon bupati Budiono Santoso-Anita Rahayu resmi mendaftar ke KPU Sleman.", "registered"),
])
def test_status_from_the_clause(sentence: str, status: str) -> None:
    x = run(sentence, title="Pilbup Sleman")
    assert {(name(x, c.person), c.status) for c in x.candidacies} == {("Budiono Santoso", status),
                                                                    ("Anita Rahayu", status)}


def test_a_coalition_backs_the_pair() -> None:
    x = run("Pasangan bakal calon gubernur Khairul Anwar dan Emilia Prasetya diusung Koalisi Nusantara Bersatu (KNB) "
            "dan PKB. Koalisi tersebut mendaftarkan mereka ke KPU Jawa Timur.")
    c = {name(x, c.person): c for c in x.candidacies}
    assert [name(x, p) for p in c["Khairul Anwar"].parties] == ["Koalisi Nusantara Bersatu",
                                                                "Partai Kebangkitan Bangsa"]
    coalition = next(e for e in x.entities if e.name == "Koalisi Nusantara Bersatu")
    assert coalition.code == "political_party" and "KNB" in coalition.aliases


def test_a_numbered_list_after_the_ballot_draw() -> None:
    x = run("Berikut hasil pengundian nomor urut pasangan calon Pilgub Jawa Barat:\n"
            "1. Asep Kurniadi-Gita Larasmi\n2. Jaja Sunarya-Roni Saputro\n")
    assert candidacies(x) >= {("Asep Kurniadi", "gubernur", "1", "Gita Larasmi"),
                              ("Jaja Sunarya", "gubernur", "2", "Roni Saputro")}


@pytest.mark.parametrize("sentence", [
    "Calon Kapolda Sumatera Utara Budi Santosa dilantik pekan depan.",
    "Calon Ketua Umum Partai Golkar Budiman Sujatmiko hadir di Jakarta.",
])
def test_candidates_for_other_posts_are_not_election_candidates(sentence: str) -> None:
    assert run(sentence, title="Pilbup Sleman").candidacies == []


def test_roles_from_the_cue_and_no_role_read_across_names() -> None:
    x = run("Debat diikuti dua pasangan calon, yakni nomor urut 1 Wardiman Tjilik-Yusuf Hamdan dan nomor urut 2 "
            "Nadirsyah Burhan-Sopian Salih. Pasangan Wardiman-Yusuf diusung Partai Golkar, sedangkan "
            "Nadirsyah-Sopian didukung PKB.", title="Debat Pilgub Kalteng")
    roles = {(name(x, h.person), h.label) for h in x.holdings}
    assert roles == {("Wardiman Tjilik", "pasangan calon nomor urut 1"),
                     ("Yusuf Hamdan", "pasangan calon nomor urut 1"),
                     ("Nadirsyah Burhan", "pasangan calon nomor urut 2"),
                     ("Sopian Salih", "pasangan calon nomor urut 2")}
    parties = {name(x, c.person): [name(x, p) for p in c.parties] for c in x.candidacies}
    assert parties["Wardiman Tjilik"] == ["Partai Golongan Karya"]
    assert parties["Nadirsyah Burhan"] == ["Partai Kebangkitan Bangsa"]


def test_a_court_case_names_its_petitioner_after_the_ruling() -> None:
    x = run("MK memerintahkan pemungutan suara ulang di Distrik Mulia. Putusan perkara nomor 254/PHPU.BUP-XXIII/2025 "
            "dibacakan Senin (24/2/2025). \"Mengabulkan permohonan Pemohon untuk sebagian,\" kata hakim. Permohonan "
            "diajukan pasangan calon bupati nomor urut 1, Yunus Wendaro dan Musa Kogoyani.", date=dt.date(2025, 2, 25))
    [case] = x.cases
    assert (case.ruling, case.orders, name(x, case.petitioner), case.date) == (
        "partly_granted", ("revote",), "Yunus Wendaro", "2025-02-24")


def test_several_races_in_one_article() -> None:
    x = run("Di Pilbup Sleman, pasangan nomor urut 1 Wirawan Sasmita-Dian Purnami unggul. Sementara di Pilwalkot "
            "Yogyakarta, pasangan nomor urut 2 Hasto Prawiro-Wawan Harsono menang. MK menolak permohonan perkara "
            "7/PHPU.GUB-XXIII/2025 yang diajukan pasangan Lukman Hakiki-Sari Dewanti.")
    offices = {(name(x, c.person), c.office, c.contest.region) for c in x.candidacies
               if not c.office.startswith("wakil ")}
    assert offices == {("Wirawan Sasmita", "bupati", "Sleman"), ("Hasto Prawiro", "wali kota", "Yogyakarta"),
                       ("Lukman Hakiki", "gubernur", None)}


def test_rivals_and_the_pairs_that_follow_the_winner() -> None:
    x = run("Calon Bupati Sleman nomor urut 1, Harjono Kiswadi, beradu gagasan dengan Kusnadi Purwanto.")
    assert candidacies(x) == {("Harjono Kiswadi", "bupati", "1", None), ("Kusnadi Purwanto", "bupati", None, None)}
    x = run("Pasangan Bagas Santika-Nurul Halimah unggul dengan 51,2 persen, disusul Dharma Putra-Sinta Rohani "
            "dengan 30 persen dan Wira Kusuma-Ratih Paramita 18,8 persen.", title="Quick count Pilgub Jateng")
    assert results(x) == {("Bagas Santika", None, "51,2"), ("Dharma Putra", None, "30"),
                          ("Wira Kusuma", None, "18,8")}


def test_names_in_capitals_in_a_kpu_list() -> None:
    x = run("Hasil pengundian nomor urut pasangan calon Bupati Bantul:\n1. HENDRA WIJAYA - LUSIANA DEWI\n"
            "2. TEGUH SANTOSO - MAYA SARI\n")
    assert candidacies(x) >= {("Hendra Wijaya", "bupati", "1", "Lusiana Dewi"),
                              ("Teguh Santoso", "bupati", "2", "Maya Sari")}
    assert run("Rapat KPU dan DPRD membahas anggaran pasangan calon. PDI PERJUANGAN hadir.").candidacies == []


@pytest.mark.parametrize("sentence", [
    "Hendaknya Peraturan Presiden Nomor 36 Tahun 2005 tentang pengadaan tanah ditinjau ulang.",
    "Medali emas diraih pasangan Mas Wiryo / Rilanto dalam nomor beregu putra.",
])
def test_no_candidacy_outside_elections(sentence: str) -> None:
    assert run(sentence).candidacies == []


@pytest.mark.parametrize(("text", "persons"), [
    ("Pasangan calon nomor urut 1, Bimasena Hartawan (Bimo) dan Rinawati Kusuma, mendaftar ke KPU. "
     "Bimo mengatakan siap.", {"Bimasena Hartawan": ["Bimo"], "Rinawati Kusuma": []}),
    ("Pasangan calon nomor urut 2, Hendra Saputra dan Rinawati Kusuma, mendaftar ke KPU. "
     "Pasangan Hendra-Rin meraih 45 persen.", {"Hendra Saputra": ["Hendra"], "Rinawati Kusuma": ["Rin"]}),
])
def test_a_candidate_named_by_a_bracketed_alias_or_a_short_mate_name(text: str, persons: dict) -> None:
    """Ticket-only joins (merge_candidate_names): "(Bimo)" after a candidate's name, and a running
    mate's name too short for the article-wide joining ("Rin" in "Hendra-Rin")."""
    x = run(text, title="Pilbup Karo")
    assert {e.name: e.aliases for e in x.entities if e.kind == "person"} == persons


def test_the_person_covering_most_of_a_span_and_the_first_listed_on_a_tie() -> None:
    """The lookup looks only at mentions near the span; it must pick as a scan of all of them would."""
    far, long_, late, tie = (Entity(n, "person", n, "person") for n in ("far", "long", "late", "tie"))
    people = [(200, 210, far), (40, 60, late), (0, 100, long_), (40, 60, tie), (150, 152, far)]
    at = person_finder(people)
    assert at((45, 55)) is late  # "long" and both 40-60 cover it all: the first listed
    assert at((95, 120)) is long_  # only the long mention that started far before reaches it
    assert at((100, 150)) is None and at((150, 150)) is None
    assert at((151, 205)) is far
