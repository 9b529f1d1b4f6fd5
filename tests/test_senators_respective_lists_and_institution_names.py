"""Kinds of election news the earlier tests did not cover: a senator's (DPD) campaign, where the candidate runs
alone with a ballot number ("Calon DPD daerah pemilihan X nomor urut 12, A"); pairs each followed by its number
with a linking word ("A-B dengan nomor urut 1 dan C-D dengan nomor urut 2").
Sentences written for these tests (invented names) through the model-free extraction."""

from __future__ import annotations

import pytest
from test_election_rules import candidacies, run


@pytest.mark.parametrize("cue", ["Calon anggota DPD nomor urut 12", "Calon DPD nomor urut 12",
                                 "Calon DPD daerah pemilihan Sumatera Utara nomor urut 12"])
def test_a_numbered_senate_candidate_runs_for_the_dpd(cue: str) -> None:
    x = run(f"{cue}, Rosmawati Br Sinaga, berkampanye di Pasar Horas, Senin (22/1/2024).")
    assert candidacies(x) == {("Rosmawati Br Sinaga", "dpd", "12", None)}


def test_a_numbered_regional_candidate_still_runs_for_the_regional_office() -> None:
    assert candidacies(run("Calon bupati nomor urut 2, Rosmawati Br Sinaga, berkampanye di Pasar Horas.")) == {
        ("Rosmawati Br Sinaga", "bupati", "2", None)}


def test_each_pair_s_number_after_a_linking_word() -> None:
    x = run("Pilgub Jambi 2024 diikuti dua pasangan calon, yakni Rudi Hartono-Sinta Marlina dengan nomor urut 1 "
            "dan Bambang Sujatmiko-Ani Lestari dengan nomor urut 2.")
    assert candidacies(x) == {
        ("Rudi Hartono", "gubernur", "1", "Sinta Marlina"), ("Sinta Marlina", "wakil gubernur", "1", "Rudi Hartono"),
        ("Bambang Sujatmiko", "gubernur", "2", "Ani Lestari"),
        ("Ani Lestari", "wakil gubernur", "2", "Bambang Sujatmiko")}
