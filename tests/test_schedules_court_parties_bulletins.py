"""Schedules, court parties and bulletins as regional news writes them: a schedule's days counted from the
voting day ("distribusi logistik dijadwalkan pada H-2", "rekapitulasi dimulai H+1"), never the voting day's own
date; a court party or "terpilih" written before a pair's descriptor ("Pemohon adalah pasangan calon … nomor urut
2, A-B") is both candidates' role; a pair named after its campaign team ("tim pemenangan pasangan calon nomor urut
1, A-B") is the pair, a single name there the team's; a speaker described in lower case after a quote ("kata
anggota Bawaslu X, A") is the one named next; a governor's and a regent's race named together are two elections
on one day, a bare "Pilkada" the race named later; a name after a title and its region ("Ketua Bawaslu X, A B")
is a person though the model called it a place; the race an act reports the results of ("… hasil Pilkada 2024,
Senin") is not dated by the act, and a dispute said not to exist ("tidak ada permohonan sengketa") is none; a
byline's last words ("dosen Universitas X") run into no name on the next line; a story's days counted from the
day named last ("Sehari sebelumnya", "dua hari kemudian", "keesokan harinya"; not a deadline "tiga hari
setelahnya"); destroying spoilt ballots ("memusnahkan surat suara") is an act, the minutes signed ("berita acara
… ditandatangani") no agreement; a statement told with "ujarnya, Selasa (…)" is the person named before; a
person's age in brackets ("Rusmini (48)") is no figure; a pair's whole descriptor is its role, not the title
at the descriptor's end ("wakil gubernur Maluku nomor urut 2"), and the pairs a counted lead announces ("Tiga
bakal pasangan calon Wali Kota dan Wakil Wali Kota X … . Pasangan pertama, A-B …") hold the lead's descriptor;
"A dipastikan kembali maju bersama B" and "Didampingi calon wakil gubernur B, A …" are pairs; "di kantor KPU X"
is a venue, the body inside it still named; a ship ("KM Sabuk Nusantara 48") is no place, its number no figure;
an opinion piece's footer ("Penulis adalah …") gives the byline's author a post; a period ("Masa kampanye …") is
not dated by its end; a bare "KPU" is the regional KPU named most.
Sentences written for these tests (invented places, names and figures) through the model-free extraction."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from test_election_rules import run
from test_events_other import unparsed

from kg.extract.activities import sentence_activity
from kg.extract.article import extract
from kg.extract.dates import find_dates
from kg.extract.numbers import find_numbers
from kg.nlp.parse import Parse, rough_parse

DATED = "Pemungutan suara Pilwalkot Batu digelar pada Rabu, 27 November 2024. "


def events(text: str, published: dt.date = dt.date(2024, 11, 8)) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in run(text, date=published).events}


def test_a_schedule_s_day_is_counted_from_the_voting_day() -> None:
    found = events(DATED + "Distribusi logistik ke kelurahan dijadwalkan pada H-2. Rekapitulasi di kecamatan "
                   "dimulai H+1.")
    assert {("other", "2024-11-25"), ("vote_count", "2024-11-28")} <= found


def test_a_count_from_the_voting_day_never_dates_the_election() -> None:
    found = events("Pemungutan suara Pilbup Ngawi digelar pada 27 November 2024. Sebelumnya, simulasi pemungutan "
                   "suara akan dilaksanakan pada H-7 di Lapangan Merdeka.")
    assert ("election", "2024-11-27") in found and ("other", "2024-11-20") in found


def test_a_count_from_an_undated_voting_day_dates_nothing() -> None:
    found = events("KPU Kota Batu menyatakan distribusi logistik ke kelurahan dijadwalkan pada H-2.")
    assert not any(code == "other" and date for code, date in found)


def test_a_count_from_the_voting_day_is_no_figure() -> None:
    x = run(DATED + "Distribusi logistik ke kelurahan dijadwalkan pada H-2.", date=dt.date(2024, 11, 8))
    assert "2" not in [f.value for f in x.figures]


def roles(x) -> set[tuple[str, str]]:
    return {(x.entity(h.person).name, h.label.lower()) for h in x.holdings}


def test_a_court_party_written_before_a_pair_s_descriptor_is_both_candidates_role() -> None:
    x = run("Pemohon adalah pasangan calon bupati dan wakil bupati Minahasa Tenggara nomor urut 2, Baharuddin Lamato-"
            "Sri Wulan Tangkudung. Pihak terkait dalam perkara ini adalah pasangan calon nomor urut 1, Markus Tande-"
            "Yuliana Sirait.")
    found = roles(x)
    assert {("Baharuddin Lamato", "pemohon"), ("Sri Wulan Tangkudung", "pemohon"), ("Markus Tande", "pihak terkait"),
            ("Yuliana Sirait", "pihak terkait")} <= found


def test_the_elected_pair_named_after_adalah_holds_the_title_before_it() -> None:
    x = run("Bupati dan wakil bupati terpilih adalah pasangan nomor urut 1, Baharuddin Lamato-Sri Wulan Tangkudung.")
    assert {("Baharuddin Lamato", "bupati dan wakil bupati terpilih"),
            ("Sri Wulan Tangkudung", "bupati dan wakil bupati terpilih")} <= roles(x)


def test_a_pair_named_after_its_campaign_team_is_the_pair() -> None:
    x = run("Rekapitulasi Pilbup Sigi dimulai. Tim pemenangan pasangan calon nomor urut 1, Baharuddin Lamato-"
            "Sri Wulan Tangkudung, mengklaim unggul. Ketua Tim Pemenangan pasangan nomor urut 2, Markus Tande, "
            "meminta pendukung menahan diri.")
    assert {(x.entity(c.person).name, c.ballot_number) for c in x.candidacies} == {
        ("Baharuddin Lamato", "1"), ("Sri Wulan Tangkudung", "1")}


def test_clearing_campaign_props_written_as_the_verb_is_an_act_dated_by_the_schedule() -> None:
    found = events(DATED + "Bawaslu akan menertibkan alat peraga kampanye sejak H-3 bersama Satpol PP.")
    assert ("other", "2024-11-24") in found


def speakers(text: str, people: tuple[str, ...]) -> dict[str, str | None]:
    x = extract(rough_parse(text, dict.fromkeys(people, "PERSON")), dt.date(2024, 11, 29))
    return {q.text.split()[0]: x.entity(q.speaker).name if q.speaker else None for q in x.quotes}


def test_a_speaker_described_in_lower_case_after_the_quote_is_the_one_named_next() -> None:
    found = speakers("Ketua KPU Kabupaten Sigi, Ramli Tanjung, meminta PPK bekerja cermat. \"Kami sudah siap sejak "
                     "pagi,\" kata seorang petugas. \"Rekomendasi itu wajib kami jalankan segera,\" kata anggota "
                     "Bawaslu Kabupaten Sigi, Yosef Manurung.", ("Ramli Tanjung", "Yosef Manurung"))
    assert found == {"Kami": "Ramli Tanjung", "Rekomendasi": "Yosef Manurung"}


def elections(text: str) -> list[tuple[str, str | None]]:
    return [(e.label, e.date) for e in run(text, date=dt.date(2024, 11, 21)).events if e.code == "election"]


def test_a_governor_s_race_and_a_regent_s_race_named_together_are_two_elections_on_one_day() -> None:
    found = elections("KPU mulai mengirim logistik Pilkada 2024 ke pulau terluar. Pemungutan suara Pilgub Maluku dan "
                      "Pilbup Buru Selatan digelar serentak pada Rabu, 27 November 2024.")
    assert sorted(found) == [("Pemungutan suara Pilgub Maluku", "2024-11-27"), ("Pilbup Buru Selatan", "2024-11-27")]


def test_a_bare_pilkada_is_the_race_named_later_and_an_unnamed_level_is_no_race() -> None:
    found = elections("Logistik Pilkada 2024 tiba di gudang. Pilbup Buru Selatan diikuti tiga pasangan calon, "
                      "sedangkan kabupaten lain juga menggelar pemilihan bupati dan wali kota.")
    assert found == [("Pilbup Buru Selatan", None)]


def test_a_name_after_a_title_and_its_region_is_a_person_though_the_model_called_it_a_place() -> None:
    text = ("\"Unsur pelanggaran terpenuhi,\" kata Ketua Bawaslu Maluku Tenggara, Hendrikus Rumfaan, Senin (28/10). "
            "Rapat digelar di kantor Camat Kei Besar, Kabupaten Maluku Tenggara.")
    x = extract(rough_parse(text, {"Hendrikus Rumfaan": "PLACE"}), dt.date(2024, 10, 30))
    people = {e.name for e in x.entities if e.kind == "person"}
    assert people == {"Hendrikus Rumfaan"}
    assert [x.entity(q.speaker).name for q in x.quotes] == ["Hendrikus Rumfaan"]


def test_the_race_whose_results_an_act_is_about_is_not_dated_by_the_act() -> None:
    found = events("DPRD Kabupaten Sigi menggelar rapat paripurna pengumuman usul pengesahan bupati terpilih hasil "
                   "Pilkada 2024, Senin (13/1/2025).", dt.date(2025, 1, 14))
    assert ("meeting", "2025-01-13") in found and ("election", "2025-01-13") not in found


def test_a_dispute_said_not_to_exist_is_no_event() -> None:
    found = events("Pasangan itu ditetapkan pada 9 Januari 2025 setelah tidak ada permohonan sengketa ke MK. "
                   "Seluruh tahapan berjalan tanpa gugatan.", dt.date(2025, 1, 14))
    assert not any(code == "dispute" for code, _ in found)


def test_a_byline_s_last_words_run_into_no_name_on_the_next_line() -> None:
    x = run("Oleh: Hendrik Sitanggang, dosen Ilmu Politik Universitas Sriwijaya\n\nLima hari lagi, pemilih akan "
            "datang ke TPS.")
    assert "Universitas Sriwijaya" in {e.name for e in x.entities if e.kind == "organization"}
    assert "lima" in [f.value.lower() for f in x.figures]


def test_a_story_s_days_are_counted_from_the_day_named_last() -> None:
    found = find_dates("Rekapitulasi dimulai Rabu (27/11/2024). Dua hari kemudian, saksi mengajukan keberatan. "
                       "Keesokan harinya PPK rampung. Sehari sebelumnya tidak ada hujan.", dt.date(2024, 12, 2))
    assert [(d.text, d.iso, d.counted) for d in found[1:]] == [
        ("Dua hari kemudian", "2024-11-29", True), ("Keesokan harinya", "2024-11-30", False),
        ("Sehari sebelumnya", "2024-11-29", False)]


def test_a_campaign_told_a_day_before_another_is_dated_so() -> None:
    found = events("Pasangan nomor urut 2 berkampanye di Pasar Inpres Kolaka, Senin (11/11/2024). Sehari "
                   "sebelumnya, pasangan nomor urut 1 berkampanye di Kabupaten Kolaka Utara.", dt.date(2024, 11, 12))
    assert {("campaign", "2024-11-11"), ("campaign", "2024-11-10")} <= found


def test_a_deadline_counted_after_a_day_dates_nothing() -> None:
    assert find_dates("Penetapan dilakukan tiga hari setelahnya.", dt.date(2024, 12, 2)) == []


def test_destroying_spoilt_ballots_is_an_act() -> None:
    activity = sentence_activity(unparsed("KPU Kabupaten Sigi memusnahkan 3.100 lembar surat suara rusak di halaman "
                                          "gudang logistik, Senin (25/11/2024).", {"memusnahkan"}))
    assert activity is not None and (activity.kind, activity.lemma) == ("activity", "musnah")


def test_minutes_signed_are_no_agreement() -> None:
    found = events("Berita acara pemusnahan ditandatangani KPU, Bawaslu, dan Kepala Bagian Operasi Polres Sigi, "
                   "Senin (25/11/2024).", dt.date(2024, 11, 25))
    assert not any(code == "agreement_signing" for code, _ in found)


def with_verbs(parse: Parse, verbs: dict[str, str]) -> Parse:
    """A model-free parse with these words (form: lemma) tagged VERB, as the parser tags them."""
    def tagged(tok):
        return replace(tok, words=tuple(replace(w, upos="VERB", lemma=verbs[w.text]) if w.text in verbs else w
                                        for w in tok.words))
    return replace(parse, sentences=tuple(replace(s, tokens=tuple(map(tagged, s.tokens))) for s in parse.sentences))


def test_a_statement_told_with_ujarnya_is_the_person_named_before() -> None:
    text = ("Ketua KPU Kabupaten Sigi, Ramli Tanjung, mengatakan pihaknya siap. \"Penghitungan ulang kami rencanakan "
            "pekan depan,\" ujarnya, Selasa (25/2/2025).")
    x = extract(with_verbs(rough_parse(text, {"Ramli Tanjung": "PERSON"}), {"mengatakan": "kata", "ujarnya": "ujar"}),
                dt.date(2025, 2, 25))
    assert ("other", "Keterangan Ramli Tanjung", "2025-02-25") in {(e.code, e.label, e.date) for e in x.events}


def test_a_person_s_age_in_brackets_is_no_figure() -> None:
    found = [n.value for n in find_numbers("Seorang pedagang, Rusmini (48), dan dua warga, AS (35) dan RT (41), "
                                           "membeli 12 karung beras.")]
    assert found == ["dua", "12"]


def test_a_pair_s_whole_descriptor_is_the_role_not_the_title_at_its_end() -> None:
    x = run("Pasangan calon gubernur dan wakil gubernur Maluku nomor urut 2, Baharuddin Lamato dan Sri Wulan "
            "Tangkudung, berkampanye di Pasar Mardika, Senin (11/11/2024). Calon wakil gubernur Sri Wulan Tangkudung "
            "berjanji memperbaiki pasar.")
    found = {label for name, label in roles(x) if name == "Sri Wulan Tangkudung"}
    assert found == {"pasangan calon gubernur dan wakil gubernur maluku nomor urut 2", "calon wakil gubernur"}


def test_the_pairs_a_counted_lead_announces_hold_its_descriptor() -> None:
    x = run("Dua bakal pasangan calon Wali Kota dan Wakil Wali Kota Ternate mendaftar ke KPU, Kamis (29/8/2024). "
            "Pasangan pertama, Arsad Tomagola-Nurjanah Fabanyo, tiba pukul 10.00 WIT. Pasangan kedua, Yusuf Baay-"
            "Hadija Sangadji, mendaftar sore hari. Pasangan nomor urut 2 Pilgub Maluku Utara, Rocky Dano-Meyti Runtu, "
            "tidak hadir.")
    found = roles(x)
    lead = "bakal pasangan calon wali kota dan wakil wali kota ternate"
    assert {(n, lead) for n in ("Arsad Tomagola", "Nurjanah Fabanyo", "Yusuf Baay", "Hadija Sangadji")} <= found
    assert ("Rocky Dano", lead) not in found


def pairs(text: str) -> set[tuple[str, str]]:
    x = run(text)
    return {(x.entity(c.person).name, x.entity(c.running_mate).name) for c in x.candidacies if c.running_mate}


def test_a_candidate_running_together_with_another_is_a_pair() -> None:
    assert pairs("Pilbup Boalemo 2024 diikuti tiga pasangan. Bupati Boalemo petahana, Darmin Lahati, dipastikan "
                 "kembali maju bersama Rosna Kadir.") == {("Darmin Lahati", "Rosna Kadir"),
                                                          ("Rosna Kadir", "Darmin Lahati")}


def test_a_candidate_named_after_the_running_mate_accompanying_him_is_a_pair() -> None:
    assert pairs("Calon gubernur nomor urut 1, Irwan Tangahu, berkampanye di Marisa. Didampingi calon wakil gubernur "
                 "Nining Abas, Irwan menjanjikan lapangan kerja.") == {("Irwan Tangahu", "Nining Abas"),
                                                                       ("Nining Abas", "Irwan Tangahu")}


def test_an_office_written_in_lower_case_after_di_is_a_venue_and_its_body_stays() -> None:
    x = run("KPU Kota Parepare menggelar konferensi pers di kantor KPU Parepare, Kamis (7/11/2024). Daftar pemilih "
            "diumumkan di kantor kelurahan.")
    assert {("Kantor KPU Parepare", "place")} <= {(e.name, e.kind) for e in x.entities}
    assert not any(e.name.lower() == "kantor kelurahan" for e in x.entities)
    [meeting] = [e for e in x.events if e.date == "2024-11-07"]
    assert {x.entity(i).name for i in meeting.participants} >= {"Komisi Pemilihan Umum Kota Parepare"}


def test_a_ship_is_no_place_and_its_number_no_figure() -> None:
    text = "Logistik untuk 12 TPS diangkut dengan kapal perintis KM Sabuk Nusantara 48 ke Pulau Miangas."
    x = extract(rough_parse(text, {"KM Sabuk Nusantara": "PLACE"}), dt.date(2024, 11, 20))
    assert "KM Sabuk Nusantara" not in {e.name for e in x.entities}
    assert [f.value for f in x.figures] == ["12"]


def test_an_opinion_piece_s_footer_gives_the_byline_s_author_a_post() -> None:
    text = ("Oleh: Hendrik Sitanggang, dosen Ilmu Politik Universitas Sriwijaya\n\nLima hari lagi, pemilih akan "
            "datang ke TPS.\n\nPenulis adalah peneliti senior di Pusat Kajian Pemilu Sumatera.")
    x = extract(rough_parse(text, {"Hendrik Sitanggang": "PERSON"}), dt.date(2024, 11, 22))
    assert ("Hendrik Sitanggang", "peneliti senior di pusat kajian pemilu sumatera") in roles(x)


def test_a_period_is_dated_by_its_start_not_its_end() -> None:
    assert ("campaign", "2024-11-23") not in events("Masa kampanye Pilbup Sigi berakhir pada 23 November 2024, "
                                                    "disusul masa tenang.", dt.date(2024, 11, 8))
    assert ("campaign", "2024-09-25") in events("Masa kampanye Pilgub Sulawesi Tengah berlangsung sejak 25 September "
                                                "hingga 23 November 2024.", dt.date(2024, 9, 26))


def test_a_bare_kpu_is_the_regional_kpu_named_most() -> None:
    x = run("KPU Kabupaten Sigi memusnahkan surat suara rusak di gudang logistik KPU. Surat suara pengganti diterima "
            "dari KPU Provinsi Sulawesi Tengah. Ketua KPU Kabupaten Sigi mengatakan distribusi dimulai besok.")
    bodies = {e.name: {m.name for m in e.mentions} for e in x.entities if e.kind == "organization"}
    assert len(bodies) == 2 and any("KPU" in names and "KPU Kabupaten Sigi" in names for names in bodies.values())
