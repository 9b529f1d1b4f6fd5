"""A military commander's contracted title names his unit, as a police chief's names his force: "Dandim
0905/Balikpapan" is the head of the Kodim 0905/Balikpapan, "Danrem 101/Antasari" of the Korem, often the only way
a peace declaration or a security briefing names them; a district named like its regency ("Kecamatan Kampar Kiri
Hilir", "Kec. Bantul") is not the regency; a venue named again without its city ("Lapangan Merdeka" after
"Lapangan Merdeka Balikpapan") is the same venue. Sentences written for this test (invented names)."""

from __future__ import annotations

from test_election_rules import run


def bodies(text: str) -> set[str]:
    return {e.name for e in run(text).entities if e.kind == "organization"}


def test_a_commander_s_title_names_his_unit() -> None:
    found = bodies("Naskah deklarasi ditandatangani Dandim 0905/Balikpapan Kolonel Inf. Rudi Hartanto dan Danrem "
                   "101/Antasari Brigjen TNI Made Sujana.")
    assert {"Kodim 0905/Balikpapan", "Korem 101/Antasari"} <= found


def test_a_bare_commander_names_no_unit_and_a_police_chief_still_his_force() -> None:
    assert not bodies("Dandim meminta prajurit menjaga netralitas.")
    assert "Polres Lombok Barat" in bodies("Kapolres Lombok Barat, AKBP Gede Wiranata, hadir.") | {
        a for e in run("Kapolres Lombok Barat, AKBP Gede Wiranata, hadir.").entities for a in e.aliases}


def test_a_district_named_like_its_regency_is_not_the_regency() -> None:
    places = {e.name: e.code for e in run("TPS itu tersebar di Kecamatan Kampar Kiri Hilir dan Kec. Bantul.").entities
              if e.kind == "place"}
    assert "Kampar" not in places and "Bantul" not in places
    assert run("KPU Kabupaten Kampar menggelar rapat.").entities  # the regency itself still is one


def test_a_venue_named_again_without_its_city_is_the_same_venue() -> None:
    x = run("Deklarasi digelar di Lapangan Merdeka Balikpapan, Senin (23/9/2024). Para paslon lalu berjalan dari "
            "Lapangan Merdeka menuju Gedung Kesenian Balikpapan.")
    venues = {e.name: e.aliases for e in x.entities if e.code == "venue"}
    assert venues["Lapangan Merdeka Balikpapan"] == ["Lapangan Merdeka"]
    assert "Lapangan Merdeka" not in venues and "Gedung Kesenian Balikpapan" in venues
