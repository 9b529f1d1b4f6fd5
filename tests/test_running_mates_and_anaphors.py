"""Running mates named apart from their heads, as news writes them when one half of a pair acts alone:
"calon wakil bupati nomor urut 1, A, yang mendampingi calon bupati B", "B yang berpasangan dengan calon
wakil bupati A", "Pasangannya, calon wakil gubernur A", "A sebagai calon wakil bupati pengganti"; a pair
named again ("pasangan nomor urut 1 itu", "pasangan yang diusung … tersebut"). Sentences written for
these tests (invented names) through the whole extraction on the model-free parse."""

from __future__ import annotations

import pytest
from test_election_rules import candidacies, results, run


def pair(head: str, mate: str, office: str, number: str | None) -> set[tuple]:
    """The two candidacies of a ticket, as `candidacies` lists them: the head's and the running mate's."""
    return {(head, office, number, mate), (mate, f"wakil {office}", number, head)}


@pytest.mark.parametrize("text", [
    "Calon wakil bupati nomor urut 1, Darsono Wiryawan, berkampanye di Pasar Kliwon, Sabtu (9/11/2024). Darsono "
    "yang mendampingi calon bupati Lukas Hendrawan itu menjanjikan revitalisasi pasar.",
    "Calon wakil bupati nomor urut 1, Darsono Wiryawan, yang mendampingi calon bupati Lukas Hendrawan, berkampanye "
    "di Pasar Kliwon.",
])
def test_a_running_mate_who_accompanies_the_head(text: str) -> None:
    assert candidacies(run(text)) == pair("Lukas Hendrawan", "Darsono Wiryawan", "bupati", "1")


def test_a_head_who_runs_with_a_running_mate_named_as_such() -> None:
    x = run("Calon bupati nomor urut 2, Benediktus Laoli, menemui nelayan di Pelabuhan Teluk Dalam. Benediktus yang "
            "berpasangan dengan calon wakil bupati Yosafat Harefa itu menjanjikan dermaga baru.")
    assert candidacies(x) == pair("Benediktus Laoli", "Yosafat Harefa", "bupati", "2")


def test_his_pair_is_the_running_mate_of_the_head_before() -> None:
    x = run("Calon gubernur nomor urut 2, Tarmizi Nasution, mencoblos di TPS 04 Kelurahan Sei Sikambing. "
            "Pasangannya, calon wakil gubernur Rosmawati Purba, memberikan suara di Kabupaten Simalungun.")
    assert candidacies(x) == pair("Tarmizi Nasution", "Rosmawati Purba", "gubernur", "2")


def test_a_replacement_running_mate_determined_for_a_numbered_head() -> None:
    x = run("KPU Kabupaten Lahat menetapkan Gunawan Sitorus sebagai calon wakil bupati pengganti mendampingi calon "
            "bupati nomor urut 3, Hj. Nurlela Kemas, dalam rapat pleno terbuka.")
    assert candidacies(x) == pair("Nurlela Kemas", "Gunawan Sitorus", "bupati", "3")


def test_a_deputy_named_before_the_office_is_a_deputy() -> None:
    x = run("Partai Hanura mengusulkan Ketut Suwarna sebagai calon wakil wali kota Denpasar.")
    assert {(c[0], c[1]) for c in candidacies(x)} == {("Ketut Suwarna", "wakil wali kota")}


def test_the_pair_named_again_with_its_number_farther_on() -> None:
    x = run("Gubernur melantik pasangan Bupati dan Wakil Bupati Kolaka terpilih, H. Ramli Baso dan Nurjannah Wello, "
            "di Kendari, Senin (14/4/2025). Pelantikan keduanya tertunda karena hasil Pilkada Kolaka digugat ke "
            "Mahkamah Konstitusi. MK menolak permohonan pasangan nomor urut 3 pada 24 Februari 2025, dan KPU Kolaka "
            "kemudian menetapkan pasangan nomor urut 1 itu sebagai pasangan calon terpilih.")
    assert candidacies(x) == pair("Ramli Baso", "Nurjannah Wello", "bupati", "1")


def test_the_pair_named_again_with_a_relative_clause() -> None:
    x = run("KPU menetapkan pasangan calon nomor urut 2, Rusli Paturusi dan Hasma Daeng, sebagai Bupati dan Wakil "
            "Bupati Pinrang terpilih. Pasangan yang diusung Partai Golkar dan PKB tersebut meraih 88.412 suara "
            "atau 51,3 persen.")
    assert ("Rusli Paturusi", "88.412", "51,3") in results(x)


def test_running_mates_who_accompany_their_heads_respectively() -> None:
    x = run("Debat diikuti calon wakil gubernur nomor urut 1, Murniati Saleh, dan calon wakil gubernur nomor urut 2, "
            "Yohanes Balla. Keduanya masing-masing mendampingi calon gubernur Basri Pakaya dan calon gubernur "
            "Ferdinand Lamba.")
    assert candidacies(x) == {("Basri Pakaya", "gubernur", "1", "Murniati Saleh"),
                              ("Murniati Saleh", "wakil gubernur", "1", "Basri Pakaya"),
                              ("Ferdinand Lamba", "gubernur", "2", "Yohanes Balla"),
                              ("Yohanes Balla", "wakil gubernur", "2", "Ferdinand Lamba")}


def test_a_religious_title_before_a_pair_is_no_name() -> None:
    x = run("Pasangan calon bupati Pidie nomor urut 2, Tgk. H. Rusydi Mahmud-Nurhayati Ilyas, berada di posisi kedua.")
    assert candidacies(x) == pair("Rusydi Mahmud", "Nurhayati Ilyas", "bupati", "2")


def test_a_pair_listed_before_known_pairs_runs_with_them() -> None:
    x = run("Tiga bakal pasangan calon wali kota menjalani tes kesehatan. Ketiganya adalah Dominikus Ratu-Sarah "
            "Pelupessy, Markus Talahatu-Nurul Fitri, serta Agustinus Leiwakabessy-Hana Rehatta. Bakal calon wali "
            "kota Markus Talahatu mengaku siap. Pasangan Agustinus Leiwakabessy-Hana Rehatta maju dari jalur "
            "perseorangan.")
    assert {(c[0], c[1]) for c in candidacies(x)} >= {("Dominikus Ratu", "wali kota"),
                                                      ("Sarah Pelupessy", "wakil wali kota")}


def test_an_independent_pair_holds_its_cue_as_a_title() -> None:
    x = run("Bawaslu mengabulkan permohonan bakal pasangan calon bupati perseorangan Rustam Effendi-Yulinar Sari.")
    assert candidacies(x) == pair("Rustam Effendi", "Yulinar Sari", "bupati", None)
    titles = {h.label for h in x.holdings}
    assert "bakal pasangan calon bupati perseorangan" in titles


def test_the_subject_who_runs_as_a_candidate_is_one() -> None:
    x = run("Wakil Bupati Tojo Una-Una, Ramli Lasimpo, resmi mengundurkan diri untuk maju sebagai bakal calon bupati "
            "pada Pilkada 2024.")
    assert candidacies(x) == {("Ramli Lasimpo", "bupati", None, None)}


def test_a_running_mate_after_his_former_post() -> None:
    x = run("Wakil Bupati Tojo Una-Una, Ramli Lasimpo, resmi mengundurkan diri untuk maju sebagai bakal calon bupati. "
            "Ramli akan berpasangan dengan mantan Sekretaris Daerah Tojo Una-Una, Haris Labolo, sebagai bakal calon "
            "wakil bupati.")
    assert candidacies(x) == {("Ramli Lasimpo", "bupati", None, "Haris Labolo"),
                              ("Haris Labolo", "wakil bupati", None, "Ramli Lasimpo")}
