"""Kinds of regional election news the earlier tests did not cover: the ballot numbers drawn, each written
after its pair ("A-B mendapat nomor urut 1, C-D nomor urut 2, dan E-F nomor urut 3"); a sentence that opens
on someone else ("Tak hanya A, Wakil Bupati X, B, juga … maju sebagai calon bupati"); an acting regent
appointed while the incumbent takes campaign leave ("menunjuk Kepala Dinas X, A, sebagai Penjabat Sementara
(Pjs) Bupati Y"); the running mate of a candidate a pronoun stands for ("Almarhum berpasangan dengan B"), and who
takes the place of one who died ("… sebagai calon bupati pengganti") takes the ticket's number.
Sentences written for these tests (invented names) through the model-free extraction."""

from __future__ import annotations

from test_election_rules import candidacies, run


def roles(text: str) -> set[tuple[str, str]]:
    x = run(text)
    return {(x.entity(h.person).name, h.label) for h in x.holdings}


def test_a_ballot_number_written_after_each_pair_is_that_pair_s() -> None:
    x = run("Pilbup Muara Enim 2024 diikuti tiga pasangan calon. Darsono Wiratama-Lilis Karmila mendapat nomor "
            "urut 1, Supardi Halim-Rini Oktaviani nomor urut 2, dan Joko Susanto-Mira Handayani nomor urut 3.")
    assert candidacies(x) == {
        ("Darsono Wiratama", "bupati", "1", "Lilis Karmila"),
        ("Lilis Karmila", "wakil bupati", "1", "Darsono Wiratama"),
        ("Supardi Halim", "bupati", "2", "Rini Oktaviani"), ("Rini Oktaviani", "wakil bupati", "2", "Supardi Halim"),
        ("Joko Susanto", "bupati", "3", "Mira Handayani"), ("Mira Handayani", "wakil bupati", "3", "Joko Susanto")}


def test_a_ballot_number_before_each_pair_still_leads_it() -> None:
    x = run("Pengundian nomor urut Pilbup Muara Enim menetapkan nomor urut 1 Darsono Wiratama-Lilis Karmila, "
            "nomor urut 2 Supardi Halim-Rini Oktaviani.")
    assert {("Darsono Wiratama", "bupati", "1", "Lilis Karmila"),
            ("Supardi Halim", "bupati", "2", "Rini Oktaviani")} <= candidacies(x)


def test_who_runs_is_the_subject_after_a_fronted_not_only_phrase() -> None:
    x = run("Bupati Muara Enim mengambil cuti. Tak hanya Darsono, Wakil Bupati Muara Enim, Supardi Halim, juga "
            "cuti karena maju sebagai calon bupati dari pasangan berbeda.")
    assert candidacies(x) == {("Supardi Halim", "bupati", None, None)}


def test_the_opening_sentence_s_subject_runs_from_its_first_letter() -> None:
    x = run("Selain Darsono, Sekda Muara Enim, Supardi Halim, juga maju sebagai calon bupati.")
    assert candidacies(x) == {("Supardi Halim", "bupati", None, None)}


def test_an_acting_regent_during_campaign_leave_is_a_post() -> None:
    text = ("Menteri Dalam Negeri menunjuk Kepala Dinas Perhubungan Provinsi Jambi, Rusdi Kurniawan, sebagai "
            "Penjabat Sementara (Pjs) Bupati Muaro Jambi. Ia dilantik di Jambi.")
    assert ("Rusdi Kurniawan", "Penjabat Sementara (Pjs) Bupati Muaro Jambi") in roles(text)
    assert ("Rusdi Kurniawan", "Pjs Wali Kota Jambi") in roles("Pjs Wali Kota Jambi, Rusdi Kurniawan, membuka rapat.")


def test_the_running_mate_of_a_candidate_referred_to_by_a_pronoun() -> None:
    x = run("Calon Bupati Muara Enim nomor urut 2, Darsono Wiratama, meninggal dunia, Sabtu (5/10/2024). Almarhum "
            "berpasangan dengan Lilis Karmila dan diusung Partai Golkar.")
    assert ("Lilis Karmila", "wakil bupati", "2", "Darsono Wiratama") in candidacies(x)
    x = run("Calon Bupati Muara Enim, Darsono Wiratama, berkampanye di pasar. Ia menggandeng Lilis Karmila.")
    assert ("Lilis Karmila", "wakil bupati", None, "Darsono Wiratama") in candidacies(x)


def test_a_pronoun_with_no_candidate_before_it_pairs_no_one() -> None:
    assert not candidacies(run("Ketua panitia lomba, Darsono Wiratama, hadir. Ia berpasangan dengan Lilis Karmila."))


def test_a_replacement_candidate_takes_the_number_of_the_candidate_replaced() -> None:
    x = run("Calon Bupati Muara Enim nomor urut 2, Darsono Wiratama, meninggal dunia, Sabtu (5/10/2024). Partai "
            "pengusung mengajukan adiknya, Bambang Wiratama, sebagai calon bupati pengganti.")
    assert ("Bambang Wiratama", "bupati", "2", None) in candidacies(x)
    x = run("Calon Wakil Bupati Muara Enim nomor urut 2, Lilis Karmila, mundur. Partai pengusung mengajukan Bambang "
            "Wiratama sebagai calon bupati pengganti.")  # another office: not her number
    assert ("Bambang Wiratama", "bupati", None, None) in candidacies(x)
