"""Candidacies and results written as Indonesian election news writes them, on sentences written for
these tests (invented names), through the whole extraction on the model-free parse: titles and
degrees around a pair's hyphen, a cue with a relative clause, list items with their backers, a
campaign team's chief who is no candidate, numbered result lists, party results and their names,
the empty box, a race named once for all its pairs, "pasangan nomor urut 3 tersebut", running
mates written "dan wakilnya" or "dan cawagub", legislative candidates, losers and rivals with
their own figures, figures as written ("61,2 juta"), the respondent of a court case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article_graph, fake_parse
from test_election_rules import candidacies, results, run

from kg.extract.facts import Extraction
from kg.graph.summary import summarize
from kg.graph.vocab import ELEC
from kg.ingest import Article


def parties(x: Extraction) -> dict[str, set[str]]:
    return {x.entity(c.person).name: {x.entity(p).name for p in c.parties} for c in x.candidacies
            if not c.office.startswith("wakil ")}


@pytest.mark.parametrize("text, expected", [
    ("Debat diikuti dua pasangan calon bupati, yakni nomor urut 1 Dr. Ir. Komang Arya, M.Si.-Rudi Hartanto "
     "dan nomor urut 2 Dr. dr. Yohana Wenda, Sp.A.-Markus Ruma.",
     {("Komang Arya", "bupati", "1", "Rudi Hartanto"), ("Rudi Hartanto", "wakil bupati", "1", "Komang Arya"),
      ("Yohana Wenda", "bupati", "2", "Markus Ruma"), ("Markus Ruma", "wakil bupati", "2", "Yohana Wenda")}),
    ("Pasangan kedua, Dr. Fajrin Ramadan, M.Pd. dan Yulianus Sembiring, mendaftar ke KPU sebagai bakal "
     "pasangan calon wali kota.",
     {("Fajrin Ramadan", "wali kota", None, "Yulianus Sembiring"),
      ("Yulianus Sembiring", "wakil wali kota", None, "Fajrin Ramadan")}),
])
def test_titles_and_degrees_around_the_pair(text: str, expected: set) -> None:
    assert candidacies(run(text)) == expected


def test_a_cue_with_a_relative_clause_and_backers_between_the_pairs() -> None:
    x = run("KPU Kabupaten Sukamara menetapkan pasangan calon bupati. Dua pasangan yang ditetapkan sebagai calon "
            "adalah Hadi Sulistyo-Rina Marlina, yang diusung Koalisi Sukamara Maju, serta Sugeng Mahmud dan "
            "Lestiani Anggra yang diusung oleh PDI-P dan Partai Gerindra.")
    assert {(c[0], c[1]) for c in candidacies(x)} == {
        ("Hadi Sulistyo", "bupati"), ("Rina Marlina", "wakil bupati"),
        ("Sugeng Mahmud", "bupati"), ("Lestiani Anggra", "wakil bupati")}
    backers = parties(x)
    assert backers["Hadi Sulistyo"] == {"Koalisi Sukamara Maju"}  # the next pair's parties do not bleed back
    assert len(backers["Sugeng Mahmud"]) == 2 and "Koalisi Sukamara Maju" not in backers["Sugeng Mahmud"]
    assert {c.status for c in x.candidacies} == {"eligible"}


@pytest.mark.parametrize("team", ["Ketua Tim Pemenangan pasangan", "Saksi paslon", "Kuasa hukum pasangan calon",
                                  "Juru bicara pasangan"])
def test_who_speaks_for_a_pair_is_no_candidate(team: str) -> None:
    x = run(f"Pilbup Majene 2024 diikuti dua pasangan calon bupati. {team} nomor urut 2, Haryo Munandir, "
            "membantah tudingan itu. Calon bupati nomor urut 1, Akbar Sulaeman, hadir dalam debat.")
    assert candidacies(x) == {("Akbar Sulaeman", "bupati", "1", None)}


LISTED = ("KPU Kota Binjai merampungkan rekapitulasi Pemilihan Wali Kota Binjai. Berikut perolehan suara "
          "masing-masing pasangan calon:\n1. Robertus Tamba-Sri Wulan: {0} suara\n"
          "2. Danil Situmeang-Lilis Pardede: {1} suara\n3. Hotma Sirait-Erni Damanik: {2} suara")


def test_a_numbered_result_list_not_in_falling_order_is_by_ballot_number() -> None:
    x = run(LISTED.format("31.402", "36.118", "46.370"))
    assert {(c[0], c[2]) for c in candidacies(x) if c[1] == "wali kota"} == {
        ("Robertus Tamba", "1"), ("Danil Situmeang", "2"), ("Hotma Sirait", "3")}
    assert results(x) == {("Robertus Tamba", "31.402", None), ("Danil Situmeang", "36.118", None),
                          ("Hotma Sirait", "46.370", None)}
    assert not {f.value for f in x.figures} & {"1", "2", "3"}  # the ballot numbers are no figures


def test_a_ranking_of_a_count_gives_no_ballot_numbers() -> None:
    x = run(LISTED.format("46.370", "36.118", "31.402"))
    assert {c[2] for c in candidacies(x)} == {None}


def test_results_when_the_sentence_splitter_cuts_a_pair_at_a_title() -> None:
    x = run("Pasangan calon bupati nomor urut 2, Agus Lagowan-Hj. Sitti Rahma, meraih 1.312 suara.")
    assert results(x) == {("Agus Lagowan", "1.312", None)}


@pytest.mark.parametrize("text, expected", [
    ("Partai Gerindra meraih suara terbanyak dengan 27.310.455 suara atau 18,04 persen, disusul PDI Perjuangan "
     "dengan 25.102.870 suara, dan Partai Golkar dengan 22.640.118 suara.", 3),
    ("KPU Kabupaten Dairi menetapkan pasangan calon bupati nomor urut 1, Dr. Hendrik Tambun, S.E., M.M.-Ir. Rosa "
     "Pane, sebagai peraih suara terbanyak dengan 98.450 suara.", 1),
])
def test_a_vote_verb_written_once_for_a_list_and_the_top_scorer(text: str, expected: int) -> None:
    assert len(results(run(text))) == expected


def test_party_results_are_named_as_the_article_writes_the_party() -> None:
    summary = summary_of("KPU Kabupaten Banyumas menetapkan perolehan kursi DPRD Kabupaten Banyumas. PDI-P meraih "
                         "12 kursi dari total 50 kursi. Partai Gerindra memperoleh 6 kursi.")
    assert {(r["candidate"], r["seats"]) for r in summary["results"]} == {("PDI-P", "12"), ("Partai Gerindra", "6")}


def summary_of(text: str) -> dict:
    article = Article(id="berita", text=text, path=Path("berita.txt"))
    return summarize(article_graph(article, fake_parse(text)))


def test_the_empty_box_gets_its_votes_and_the_sole_ticket_its_own() -> None:
    summary = summary_of(
        "KPU Kabupaten Tapin menetapkan pasangan calon tunggal bupati, Rizal Hamdani-Fitria Rahmah. "
        "Berdasarkan real count Sirekap, paslon Rizal Hamdani-Fitria Rahmah unggul atas kotak kosong dengan "
        "58.612 suara atau 67,8 persen. Adapun kotak kosong meraih 27.836 suara atau 32,2 persen. Relawan "
        "menilai perolehan kotak kosong di atas 30 persen menjadi catatan.")
    assert {(r["candidate"], r["votes"], r["percent"]) for r in summary["results"]} == {
        ("Rizal Hamdani", "58.612", "67,8"), ("Kotak Kosong", "27.836", "32,2")}


def test_the_race_named_once_holds_for_the_other_pairs() -> None:
    x = run("Hasil real count KPU menunjukkan pasangan calon presiden dan wakil presiden nomor urut 2, Ardi Wiguna-"
            "Laras Candra, meraih 61,2 juta suara atau 55,8 persen. Pasangan nomor urut 1, Bonifas Lamuri-Hasna Umari, "
            "mengantongi 31,5 juta suara atau 28,7 persen.")
    assert {c for c in candidacies(x) if c[1] == "presiden"} == {
        ("Ardi Wiguna", "presiden", "2", "Laras Candra"), ("Bonifas Lamuri", "presiden", "1", "Hasna Umari")}
    assert results(x) == {("Ardi Wiguna", "61,2 juta", "55,8"), ("Bonifas Lamuri", "31,5 juta", "28,7")}


def test_the_pair_just_named_takes_the_ballot_number_of_this_pair() -> None:
    x = run("KPU Kabupaten Sikka menetapkan pasangan Yosef Wolo-Maria Lering sebagai Bupati dan Wakil Bupati Sikka "
            "terpilih. Berdasarkan hasil rekapitulasi, pasangan nomor urut 3 tersebut meraih 58.204 suara.")
    assert ("Yosef Wolo", "bupati", "3", "Maria Lering") in candidacies(x)
    assert results(x) == {("Yosef Wolo", "58.204", None)}


@pytest.mark.parametrize("text, expected", [
    ("Bakal calon gubernur Gorontalo Ruslan Tulio dan bakal calon wakil gubernur Nuraini Paputu mendaftar ke KPU.",
     {("Ruslan Tulio", "gubernur", None, "Nuraini Paputu"),
      ("Nuraini Paputu", "wakil gubernur", None, "Ruslan Tulio")}),
    ("Sore harinya, cagub petahana Suryo Hamidi dan cawagub Petrus Lawen mendaftar ke KPU Kalbar.",
     {("Suryo Hamidi", "gubernur", None, "Petrus Lawen"), ("Petrus Lawen", "wakil gubernur", None, "Suryo Hamidi")}),
    ("KPU Kabupaten Pati menetapkan calon bupati nomor urut 2, Sudarso Wibisana, dan wakilnya, Risma Handari, "
     "sebagai Bupati dan Wakil Bupati Pati terpilih.",
     {("Sudarso Wibisana", "bupati", "2", "Risma Handari"),
      ("Risma Handari", "wakil bupati", "2", "Sudarso Wibisana")}),
    ("Sebelumnya, bakal calon gubernur Gorontalo dari jalur perseorangan, Abidin Lamatu, menyatakan mundur.",
     {("Abidin Lamatu", "gubernur", None, None)}),
    ("KPU Kabupaten Badung menetapkan dua pasangan calon bupati, masing-masing Yusran Hadi-Wulan Sari dan Made "
     "Arsana-Ketut Rai.",
     {("Yusran Hadi", "bupati", None, "Wulan Sari"), ("Wulan Sari", "wakil bupati", None, "Yusran Hadi"),
      ("Made Arsana", "bupati", None, "Ketut Rai"), ("Ketut Rai", "wakil bupati", None, "Made Arsana")}),
    ("Dalam Pilbup Banggai, pemohon hanya terpaut 2.104 suara dari pasangan pemenang, Arif Tamalak-Syamsu Masil.",
     {("Arif Tamalak", "bupati", None, "Syamsu Masil"), ("Syamsu Masil", "wakil bupati", None, "Arif Tamalak")}),
])
def test_running_mates_and_paths_as_news_writes_them(text: str, expected: set) -> None:
    assert candidacies(run(text)) == expected


def test_a_two_digit_ballot_number_after_paslon() -> None:
    x = run("Hitung cepat Pilwalkot Binjai: paslon 02, Rahmat Sinuraya-Fitri Handini, meraih 64,35%, sedangkan paslon "
            "01, Amran Hamdan-Tono Sembiran, memperoleh 35,65%.")
    assert {(c[0], c[2]) for c in candidacies(x) if c[1] == "wali kota"} == {("Rahmat Sinuraya", "2"),
                                                                           ("Amran Hamdan", "1")}


@pytest.mark.parametrize("text, expected", [
    ("Pilbup Grobogan diikuti pasangan nomor urut 1, Sutris Wibowo-Eni Susila, dan pasangan nomor urut 2, Bagyo "
     "Pujono-Lilik Muryanti. Di Kecamatan Purwodadi, paslon nomor urut 2 menang dengan 41.202 suara berbanding "
     "35.870 suara.", {("Bagyo Pujono", "41.202", None), ("Sutris Wibowo", "35.870", None)}),
    ("Pilbup Buru diikuti dua pasangan calon bupati. Di TPS 07, Ikbal Masbai-Sudar Latucon mengumpulkan total 388 "
     "suara, unggul atas Hasbi Fatse-Zulkar Tuasik yang mendapat 301 suara.",
     {("Ikbal Masbai", "388", None), ("Hasbi Fatse", "301", None)}),
    ("Pasangan calon bupati Ikbal Masbai-Sudar Latucon unggul atas pasangan Hasbi Fatse-Zulkar Tuasik dengan 52 "
     "persen.", {("Ikbal Masbai", None, "52")}),
])
def test_the_loser_and_the_rival_get_their_own_figures(text: str, expected: set) -> None:
    assert results(run(text)) == expected


def test_legislative_candidates_and_their_votes() -> None:
    x = run("KPU Sumatera Barat menuntaskan rekapitulasi. Calon anggota DPR RI dari Partai Gerindra, Hendra Chaniago, "
            "meraih suara terbanyak dengan 186.455 suara. Di posisi kedua, caleg PDI Perjuangan Yulia Tanjuang "
            "memperoleh 142.030 suara. Calon anggota DPD RI Syafri Datuk Basa mengumpulkan 512.300 suara. Calon "
            "anggota KPPS Budiarto hadir.")
    assert candidacies(x) == {("Hendra Chaniago", "dpr", None, None), ("Yulia Tanjuang", "dpr", None, None),
                              ("Syafri Datuk Basa", "dpd", None, None)}
    assert results(x) == {("Hendra Chaniago", "186.455", None), ("Yulia Tanjuang", "142.030", None),
                          ("Syafri Datuk Basa", "512.300", None)}
    assert {x.entity(c.person).name: [x.entity(p).name for p in c.parties] for c in x.candidacies}[
        "Hendra Chaniago"] == ["Partai Gerakan Indonesia Raya"]


def test_a_figure_is_given_as_written() -> None:
    summary = summary_of("KPU Kabupaten Banyumas menetapkan perolehan kursi DPRD Kabupaten Banyumas. PDI-P "
                         "mengumpulkan 312 ribu suara atau 26,4 persen.")
    assert [(r["candidate"], r["votes"], r["percent"]) for r in summary["results"]] == [("PDI-P", "312 ribu", "26,4")]


@pytest.mark.parametrize("sentence", [
    "Dalam perkara tersebut, KPU Kota Palopo menjadi termohon.",
    "Termohon, yakni KPU Kota Palopo, hadir. Kuasa hukum termohon, Irfan Jaelan, hadir."])
def test_the_respondent_of_a_court_case(sentence: str) -> None:
    text = ("Mahkamah Konstitusi menolak permohonan pasangan calon nomor urut 2, Farhan Kasimo-Nurhaya Latif. Putusan "
            f"perkara nomor 168/PHPU.WAKO-XXIII/2025 dibacakan di Gedung MK. {sentence}")
    x = run(text)
    assert [(c.ruling, x.entity(c.respondent).name) for c in x.cases] == [
        ("rejected", "Komisi Pemilihan Umum Kota Palopo")]
    graph = article_graph(Article(id="mk", text=text, path=Path("mk.txt")), fake_parse(text))
    respondents = {str(o) for o in graph.objects(None, ELEC.respondent)}
    assert len(respondents) == 1 and respondents.pop().endswith("komisi-pemilihan-umum-kota-palopo")


def test_the_count_written_after_the_word_suara() -> None:
    x = run("Pilbup Karo diikuti paslon nomor urut 1, Zulham Purba-Rina Ginting, dan paslon nomor urut 2, Budiman "
            "Tarigan-Sisca Sembiring. Paslon nomor urut 2 unggul dengan perolehan suara 179.655 atau 59,9 persen. "
            "Adapun paslon nomor urut 1 memperoleh suara sebanyak 120.345. Jumlah suara sah 300.000 suara.")
    assert results(x) == {("Budiman Tarigan", "179.655", "59,9"), ("Zulham Purba", "120.345", None)}


@pytest.mark.parametrize("text, expected", [
    ("KPU Kota Kupang menggelar debat pasangan calon wali kota. Ketiga paslon yang hadir adalah Yosi Lengu-Arnol "
     "Manubul (nomor urut 1), Jeft Radja-Lusi Dethan (nomor urut 2), dan dr. Kris Wadu-Selvi Fangi (nomor urut 3).",
     {("Yosi Lengu", "1"), ("Jeft Radja", "2"), ("Kris Wadu", "3")}),
    ("Dalam Pilbup Sleman, pasangan Rudi Hartono-Sinta Dewi (nomor urut 2) meraih 45 persen suara.",
     {("Rudi Hartono", "2")}),
])
def test_a_relative_clause_before_the_pairs_and_a_ballot_number_in_brackets(text: str, expected: set) -> None:
    assert {(c[0], c[2]) for c in candidacies(run(text)) if not c[1].startswith("wakil ")} == expected


def test_shares_in_brackets_after_each_pair() -> None:
    x = run("Hasil hitung cepat Pilwalkot Bogor 2024: pasangan Dadang Rusman-Wina Karlin (51,2%) versus Haris Gunadi-"
            "Yusuf Maulan (48,8%).")
    assert results(x) == {("Dadang Rusman", None, "51,2"), ("Haris Gunadi", None, "48,8")}


def test_a_known_candidate_pairs_with_a_running_mate() -> None:
    x = run("PKS dan PKB resmi mengusung Sugiyanto Hadi sebagai calon gubernur Jawa Tengah. Sugiyanto akan "
            "berpasangan dengan Nur Azizah Wulan, kader PKB. Bayu Pratama berpasangan dengan Rina Ayu dalam lomba "
            "dansa.")
    assert candidacies(x) == {("Sugiyanto Hadi", "gubernur", None, "Nur Azizah Wulan"),
                              ("Nur Azizah Wulan", "wakil gubernur", None, "Sugiyanto Hadi")}


def test_a_head_and_a_running_mate_named_apart_with_one_number() -> None:
    x = run("Bawaslu menegur calon bupati petahana nomor urut 1, Sahrul Dangka, karena memakai mobil dinas. "
            "Cawabup nomor urut 1, Rasman Sare, berjanji mematuhi teguran itu.")
    assert candidacies(x) == {("Sahrul Dangka", "bupati", "1", "Rasman Sare"),
                              ("Rasman Sare", "wakil bupati", "1", "Sahrul Dangka")}


def test_a_place_in_the_ranking_with_its_votes() -> None:
    x = run("KPU Kalteng menetapkan pasangan calon gubernur nomor urut 2, Rudi Tingang-Yulia Bahen, sebagai "
            "pemenang dengan 412 ribu suara. Pasangan nomor urut 4, Yusran Pahan-Siska Rahma, berada di posisi "
            "kedua dengan 351 ribu suara.")
    assert results(x) == {("Rudi Tingang", "412 ribu", None), ("Yusran Pahan", "351 ribu", None)}


def test_a_leading_pair_and_one_written_without_a_verb() -> None:
    x = run("Hitung cepat Pilgub Jakarta 2029: pasangan nomor urut 3, Rangga Wira-Meutia Sar, memimpin dengan 45,8 "
            "persen, sedangkan pasangan nomor urut 2, Fikri Alata-Dewi Puspita, 16,1 persen.")
    assert results(x) == {("Rangga Wira", None, "45,8"), ("Fikri Alata", None, "16,1")}


def test_the_legislative_candidate_with_most_votes_and_the_party_after_dari() -> None:
    x = run("KPU Kota Malang menetapkan calon anggota DPRD Kota Malang terpilih. Caleg dengan suara terbanyak adalah "
            "Heri Kusnan dari Partai Gerindra di dapil Kota Malang 3 dengan 14.205 suara.")
    assert candidacies(x) == {("Heri Kusnan", "dprd kabupaten/kota", None, None)}
    assert [x.entity(p).name for c in x.candidacies for p in c.parties] == ["Partai Gerakan Indonesia Raya"]
    assert results(x) == {("Heri Kusnan", "14.205", None)}


def test_one_figure_for_each_of_several_parties() -> None:
    summary = summary_of("KPU Kota Malang menetapkan perolehan kursi DPRD Kota Malang. PDI Perjuangan meraih 10 kursi, "
                         "sedangkan PKB dan Partai Gerindra masing-masing mendapat 7 kursi.")
    assert {(r["candidate"], r["seats"]) for r in summary["results"]} == {
        ("PDI Perjuangan", "10"), ("PKB", "7"), ("Partai Gerindra", "7")}
