"""The bundled places lexicon is complete, consistent, and resolves the forms news uses."""

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.places import Place, load_places, place_index


def _of_type(place_type: str) -> list[Place]:
    return [p for p in load_places() if p.type == place_type]


def test_all_38_provinces():
    provinces = _of_type("province")
    assert len(provinces) == 38
    assert all(p.province is None for p in provinces)


def test_at_least_500_regencies_and_cities():
    assert len(_of_type("regency")) + len(_of_type("city")) >= 500


def test_every_regency_and_city_lies_in_a_listed_province():
    provinces = {p.name for p in _of_type("province")}
    for place in _of_type("regency") + _of_type("city"):
        assert place.province in provinces, place


def test_rows_are_unique_and_sorted_by_type_then_name():
    places = load_places()
    keys = [(p.type, p.name, p.province or "") for p in places]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_province_abbreviation_resolves():
    assert [(p.name, p.type) for p in place_index()["sumsel"]] == [("Sumatera Selatan", "province")]


@pytest.mark.parametrize(
    ("form", "province"),
    [("Palembang", "Sumatera Selatan"), ("Pontianak", "Kalimantan Barat")],
)
def test_city_lies_in_its_province(form: str, province: str):
    [place] = [p for p in place_index()[form.lower()] if p.type == "city"]
    assert place.province == province


def test_regency_and_city_of_one_name_are_both_kept():
    assert {p.type for p in place_index()["bandung"]} == {"regency", "city"}


def test_regency_abbreviation_resolves():
    [place] = place_index()["oku"]
    assert (place.name, place.type, place.province) == (
        "Ogan Komering Ulu",
        "regency",
        "Sumatera Selatan",
    )


def test_malformed_lexicon_is_reported_with_its_line(tmp_path: Path):
    bad = tmp_path / "places.tsv"
    bad.write_text("name\ttype\tprovince\taliases\nAtlantis\tcontinent\t\t\n", encoding="utf-8")
    with pytest.raises(KgError, match="line 2"):
        load_places(bad)
