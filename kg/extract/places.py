"""Places lexicon: Indonesia, its provinces, regencies and cities, as news writes them.

The data is kg/data/places.tsv (made by scripts/make_places.py; PLACES-SOURCE.md says from what),
so recognising a place and linking it to its province needs no network and no extra package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import ExitCode, KgError

DEFAULT_PATH = Path(__file__).parent / "data" / "places.tsv"
HEADER = ("name", "type", "province", "aliases")
PLACE_TYPES = frozenset({"country", "province", "regency", "city"})

# Administrative levels as news writes them before a place name ("Kabupaten Bandung", "Kab. OKU").
LEVELS = {"provinsi": "province", "prov.": "province", "kabupaten": "regency", "kab.": "regency",
          "kab": "regency", "kota": "city", "kabupaten/kota": "", "kab/kota": "", "kecamatan": "district",
          "kec.": "district", "distrik": "district"}
LEVEL_WORD = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
LEVEL_RE = r"(?:Provinsi|Prov\.|Kabupaten/Kota|Kab/Kota|Kabupaten|Kab\.?|Kota)"
LEVEL_WORDS = {"provinsi", "kabupaten", "kota", "kabupaten/kota", "kecamatan", "desa", "kelurahan"}


@dataclass(frozen=True)
class Place:
    """One administrative area, named without its "Kabupaten"/"Kota"/"Provinsi" prefix.

    A regency and a city may share a name (Kabupaten Bandung, Kota Bandung): `type` tells them
    apart, so both are kept.
    """

    name: str
    type: str  # province | regency | city | country
    province: str | None  # the name of the province row it lies in; None for provinces, countries
    aliases: tuple[str, ...]  # other written forms: abbreviations (Sumsel, OKU), variant spellings


@cache
def load_places(path: Path | None = None) -> tuple[Place, ...]:
    """Every place in the lexicon, in file order; read once per path, as the file never changes."""
    path = path or DEFAULT_PATH
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise KgError(
            f"places lexicon must start with the header {'<TAB>'.join(HEADER)}",
            path=path,
            code=ExitCode.BAD_RECORD,
        )
    places = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(HEADER) or not fields[0] or fields[1] not in PLACE_TYPES:
            raise KgError(
                f"line {number}: expected name, a type of {sorted(PLACE_TYPES)}, "
                "province and aliases, tab-separated",
                path=path,
                code=ExitCode.BAD_RECORD,
            )
        name, place_type, province, aliases = fields
        places.append(
            Place(
                name,
                place_type,
                province or None,
                tuple(alias for alias in aliases.split("|") if alias),
            )
        )
    return tuple(places)


@cache
def place_index() -> dict[str, tuple[Place, ...]]:
    """Lower-cased name or alias -> the places written that way, to look up a mention in O(1).

    A form can name several places (Bandung the regency and the city; Yogyakarta the city and an
    alias of the province), so each maps to a tuple and the caller chooses. Shared: do not mutate.
    """
    index: dict[str, list[Place]] = {}
    for place in load_places():
        for form in dict.fromkeys(form.lower() for form in (place.name, *place.aliases)):
            index.setdefault(form, []).append(place)
    return {form: tuple(places) for form, places in index.items()}


def choose_place(places: tuple[Place, ...], level: str = "") -> Place:
    """The place a form names: the one of the stated level, else province, city, regency."""
    order = {"province": 0, "city": 1, "regency": 2, "country": 3}
    matching = [p for p in places if not level or p.type == level] or list(places)
    return min(matching, key=lambda p: order.get(p.type, 9))
