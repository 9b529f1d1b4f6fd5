"""Tests for kg.ingest: formats, encodings, every bad-input case, ordering and determinism."""

from __future__ import annotations

import datetime
import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ExitCode, InputError
from kg.ingest import (
    ARTICLE_EXTENSIONS,
    MAX_BYTES,
    Article,
    iter_articles,
    language_problem,
    parse_date,
    read_article,
)
from kg.names import slug as slugify

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

BERITA = (
    "Jakarta - Komisi Pemilihan Umum (KPU) menetapkan jadwal debat publik untuk Pilkada 2024. "
    "Debat pertama akan digelar pada 23 Oktober 2024 di Jakarta. "
    '"Kami sudah menyiapkan lokasi dan moderator," kata Ketua KPU DKI.'
)
BERITA_2 = (
    "Bawaslu Jawa Barat menerima 120 laporan dugaan pelanggaran kampanye. "
    "Sebagian besar laporan berkaitan dengan alat peraga yang dipasang di tempat terlarang, "
    "ujar anggota Bawaslu."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def read_error(path: Path, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        read_article(path, **kwargs)
    return info.value


def assert_error(err: InputError, code: ExitCode, path: Path | str, *fragments: str) -> None:
    """Every error: the right code, one line, naming the file and the problem."""
    message = str(err)
    assert err.code == code, message
    assert str(path) in message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message


# --------------------------------------------------------------------------- formats


def test_plain_text_keeps_dateline_and_gets_slug_id(tmp_path):
    path = write(tmp_path, "Pilkada Jakarta_2024.txt", "Jakarta, Antara —\n" + BERITA + "\n")
    [article] = read_article(path)
    assert article.id == "pilkada-jakarta-2024"
    assert article.text == "Jakarta, Antara —\n" + BERITA
    assert article.path == path
    assert (article.title, article.source, article.date, article.publisher, article.line) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert re.fullmatch(r"[0-9a-f]{64}", article.sha256)


def test_front_matter_fixture():
    [article] = read_article(FIXTURES / "kpu-penetapan.md")
    assert article.id == "kpu-penetapan"
    assert article.title == "KPU Jateng Tetapkan Pasangan Calon Gubernur Terpilih"
    assert article.source == "https://contoh.example/kpu-jateng-penetapan"
    assert article.date == datetime.date(2024, 12, 12)
    assert article.publisher == "Suara Semarang"
    assert article.text.startswith("Semarang - Komisi Pemilihan Umum")
    assert "---" not in article.text and "title:" not in article.text


def test_front_matter_aliases_and_string_date(tmp_path):
    path = write(
        tmp_path,
        "a.txt",
        f"---\nurl: https://x.example/a\ndate: 'Sabtu, 13 Juli 2024'\nsite: Warta\n---\n{BERITA}",
    )
    [article] = read_article(path)
    assert article.source == "https://x.example/a"
    assert article.date == datetime.date(2024, 7, 13)
    assert article.publisher == "Warta"
    assert article.title is None


def test_html_fixture_extracts_body_and_metadata():
    [article] = read_article(FIXTURES / "berita-debat.html")
    assert article.id == "berita-debat"
    assert article.title == "KPU Sulteng Gelar Debat Kedua Calon Gubernur"
    assert article.publisher == "Kabar Palu"
    assert article.date == datetime.date(2024, 10, 30)
    assert article.source == "https://kabarpalu.example/politik/kpu-sulteng-gelar-debat-kedua"
    assert article.text.startswith("Palu - Komisi Pemilihan Umum (KPU) Provinsi Sulawesi Tengah")
    assert "ujar Risvirenol" in article.text
    assert "Bawaslu" in article.text
    for boilerplate in ("Beranda", "Olahraga", "Hak cipta", "Berita Terpopuler", "Kebijakan"):
        assert boilerplate not in article.text
    assert "<" not in article.text


def test_html_is_sniffed_from_content_whatever_the_extension(tmp_path):
    html = (FIXTURES / "berita-debat.html").read_text(encoding="utf-8")
    [article] = read_article(write(tmp_path, "halaman.txt", "\n  " + html))
    assert article.publisher == "Kabar Palu"
    assert "<html" not in article.text


def test_html_declared_legacy_charset(tmp_path):
    html = (FIXTURES / "berita-debat.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"')
    html = html.replace("Rabu malam.", "Rabu malam di Café Nusantara.")
    [article] = read_article(write(tmp_path, "lama.html", html.encode("cp1252")))
    assert "Café Nusantara" in article.text


def test_jsonl_fixture_reports_bad_line_and_continues():
    path = FIXTURES / "berita-batch.jsonl"
    errors: list[InputError] = []
    articles = list(iter_articles([path], on_error=errors.append))
    assert [a.id for a in articles] == ["berita-batch-1", "berita-batch-3"]
    assert [a.line for a in articles] == [1, 3]
    first, third = articles
    assert first.title == "Bawaslu Bogor Temukan Dugaan Politik Uang"
    assert first.source == "https://contoh.example/bawaslu-bogor"
    assert first.date == datetime.date(2024, 11, 25)
    assert first.publisher == "Warta Bogor"
    assert third.publisher == "Harian Makassar"
    assert third.date == datetime.date(2024, 11, 18)
    assert third.path == path
    [err] = errors
    assert_error(err, ExitCode.BAD_RECORD, f"{path}:2", "not valid JSON")


def test_read_article_raises_on_bad_jsonl_line():
    path = FIXTURES / "berita-batch.jsonl"
    assert_error(read_error(path), ExitCode.BAD_RECORD, f"{path}:2")


def test_iter_articles_without_on_error_raises_first_problem():
    with pytest.raises(InputError) as info:
        list(iter_articles([FIXTURES / "berita-batch.jsonl"]))
    assert info.value.code == ExitCode.BAD_RECORD


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('["bukan", "objek"]', "expected a JSON object, got a list"),
        ('"teks saja"', "got a string"),
        ('{"title": "Tanpa isi"}', "'text' is missing"),
        ('{"text": "   "}', "'text' is empty"),
        ('{"text": 42}', "'text' is not a string"),
        (json.dumps({"text": BERITA_2, "date": "kemarin sore"}), "not a recognisable date"),
        (json.dumps({"text": BERITA_2, "title": ["a"]}), "'title' must be text"),
    ],
)
def test_bad_jsonl_records(tmp_path, line, fragment):
    good = json.dumps({"text": BERITA})
    path = write(tmp_path, "batch.jsonl", f"{good}\n\n{line}\n{good}\n")
    errors: list[InputError] = []
    articles = list(iter_articles([path], on_error=errors.append))
    assert [a.line for a in articles] == [1, 4]  # blank line 2 is skipped, not an error
    [err] = errors
    assert_error(err, ExitCode.BAD_RECORD, f"{path}:3", fragment)


def test_jsonl_not_indonesian_record_is_reported_with_its_line(tmp_path):
    english = "The election commission said on Monday that the ballots were printed on time."
    lines = [json.dumps({"text": t}) for t in (BERITA, english, BERITA_2)]
    path = write(tmp_path, "campur.jsonl", "\n".join(lines))
    errors: list[InputError] = []
    assert [a.line for a in iter_articles([path], on_error=errors.append)] == [1, 3]
    assert_error(errors[0], ExitCode.NOT_INDONESIAN, f"{path}:2")
    assert len(read_article(path, force=True)) == 3


def test_explicit_json_file_object_or_list(tmp_path):
    one = write(tmp_path, "satu.json", json.dumps({"text": BERITA, "title": "Debat"}))
    many = write(tmp_path, "banyak.json", json.dumps([{"text": BERITA}, {"text": BERITA_2}]))
    [article] = read_article(one)
    assert (article.id, article.title) == ("satu-1", "Debat")
    assert [a.id for a in read_article(many)] == ["banyak-1", "banyak-2"]


# --------------------------------------------------------------------------- encodings


def test_utf8_bom_is_removed(tmp_path):
    [article] = read_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BERITA.encode()))
    assert article.text == BERITA


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    text = "Kata André: “" + BERITA + "”"
    data = text.encode(codec)
    if codec != "utf-16":  # the plain codec writes its own BOM; the others need one
        data = "\ufeff".encode(codec) + data
    [article] = read_article(write(tmp_path, "u16.txt", data))
    assert article.text == text


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_western_encodings(tmp_path, codec):
    quote = "’" if codec == "cp1252" else "'"
    text = f"Calon wali kota André{quote}s menghadiri debat di Café Merdeka. " + BERITA
    [article] = read_article(write(tmp_path, "lama.txt", text.encode(codec)))
    assert article.text == text


def test_invalid_byte_in_utf8_file_names_offset(tmp_path):
    good = ("Ketua KPU berkata “pemilu damai” " + BERITA).encode()
    data = good[:40] + b"\xff" + good[40:]
    path = write(tmp_path, "rusak.txt", data)
    assert_error(read_error(path), ExitCode.BAD_ENCODING, path, "0xff", "offset 40")


def test_html_declaring_utf8_with_invalid_bytes(tmp_path):
    html = b'<!doctype html><html><head><meta charset="utf-8"></head><body><p>Caf\xe9</p>'
    path = write(tmp_path, "rusak.html", html)
    assert_error(read_error(path), ExitCode.BAD_ENCODING, path, "declares UTF-8", "offset")


def test_undetectable_legacy_encoding(tmp_path):
    data = "Выборы в Джакарте прошли спокойно, сообщила комиссия.".encode("cp1251")
    path = write(tmp_path, "kiril.txt", data)
    assert_error(read_error(path), ExitCode.BAD_ENCODING, path, "offset 0", "UTF-8")


def test_crlf_and_nfc_normalisation(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Café")
    path = write(tmp_path, "crlf.txt", f"{BERITA}\r\nKata pemilik {decomposed}.\rSelesai.\r\n")
    [article] = read_article(path)
    assert article.text == f"{BERITA}\nKata pemilik Café.\nSelesai."
    assert unicodedata.is_normalized("NFC", article.text)


# --------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path):
    path = tmp_path / "tidak-ada.txt"
    assert_error(read_error(path), ExitCode.NOT_FOUND, path, "no such file")


def test_missing_path_in_iter_articles_is_reported(tmp_path):
    good = write(tmp_path, "ada.txt", BERITA)
    missing = tmp_path / "hilang"
    errors: list[InputError] = []
    assert [a.id for a in iter_articles([missing, good], on_error=errors.append)] == ["ada"]
    assert_error(errors[0], ExitCode.NOT_FOUND, missing)


def test_directory_without_articles(tmp_path):
    folder = tmp_path / "kosong"
    write(folder, "catatan.pdf", b"%PDF-1.7")
    write(folder, ".tersembunyi.txt", BERITA)
    write(folder, "meta.json", '{"text": "x"}')
    with pytest.raises(InputError) as info:
        list(iter_articles([folder]))
    assert_error(info.value, ExitCode.EMPTY_INPUT, folder, *ARTICLE_EXTENSIONS)


def test_read_article_on_directory(tmp_path):
    assert_error(read_error(tmp_path), ExitCode.USAGE, tmp_path, "directory")


@pytest.mark.parametrize("content", ["", "   \n\t\r\n  ", "\ufeff  \n"])
def test_empty_or_whitespace_file(tmp_path, content):
    path = write(tmp_path, "kosong.txt", content)
    assert_error(read_error(path), ExitCode.EMPTY_INPUT, path, "empty")


def test_front_matter_without_body(tmp_path):
    path = write(tmp_path, "judul.md", "---\ntitle: Hanya judul\n---\n\n")
    assert_error(read_error(path), ExitCode.EMPTY_INPUT, path, "no article text")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("---\ntitle: Tanpa penutup\n\n" + BERITA, "never closed"),
        ("---\ntitle: [tidak ditutup\n---\n" + BERITA, "not valid YAML"),
        ("---\n- satu\n- dua\n---\n" + BERITA, "must be a YAML mapping"),
        ("---\ndate: tiga hari lalu\n---\n" + BERITA, "not a recognisable date"),
    ],
)
def test_bad_front_matter(tmp_path, content, fragment):
    path = write(tmp_path, "fm.txt", content)
    assert_error(read_error(path), ExitCode.BAD_RECORD, path, fragment)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (gzip.compress(BERITA.encode()), "a gzip-compressed file"),
        (b"Komisi Pemilihan\x00\x00\x00\x01Umum", "binary data (it contains NUL bytes)"),
    ],
)
def test_binary_input(tmp_path, data, kind):
    path = write(tmp_path, "berkas.txt", data)
    assert_error(read_error(path), ExitCode.BINARY_INPUT, path, f"looks like {kind}")


def test_too_large_with_small_limit(tmp_path):
    path = write(tmp_path, "besar.txt", BERITA * 10)
    assert_error(read_error(path, max_bytes=100), ExitCode.TOO_LARGE, path, "too large")
    assert read_article(path, max_bytes=len(BERITA) * 10)


def test_too_large_default_limit_is_decided_from_the_head(tmp_path, monkeypatch):
    path = tmp_path / "raksasa.txt"
    with path.open("wb") as f:  # sparse 50 MB: cheap to create, text in the head
        f.write((BERITA * 400).encode())  # more than the 64 KiB head
        f.seek(50 * 1024 * 1024)
        f.write(b".")
    reads: list[int] = []
    original_open = Path.open

    def spying_open(self, *args, **kwargs):
        handle = original_open(self, *args, **kwargs)
        original_read = handle.read

        def read(size=-1):
            reads.append(size)
            return original_read(size)

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", spying_open)
    assert_error(read_error(path), ExitCode.TOO_LARGE, path, "50.0 MiB", "20.0 MiB")
    assert reads and all(0 < size <= 64 * 1024 for size in reads)
    assert MAX_BYTES == 20 * 1024 * 1024


# --------------------------------------------------------------------------- language

ENGLISH = (
    "Indonesia's General Elections Commission said on Monday that the distribution of ballot "
    "boxes to almost 800,000 polling stations was the main challenge of the regional elections. "
    "The commission has asked local officials to make sure that logistics arrive on time."
)
GERMAN = (
    "Die indonesische Wahlkommission hat am Montag mitgeteilt, dass die Verteilung der Wahlurnen "
    "an fast 800.000 Wahllokale die größte Herausforderung der Regionalwahlen sei. Die Kommission "
    "forderte die Behörden auf, für eine pünktliche Lieferung in abgelegene Gebiete zu sorgen."
)


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, "The results were announced on Monday."])
def test_foreign_text_is_rejected_unless_forced(tmp_path, text):
    path = write(tmp_path, "asing.txt", text)
    assert_error(read_error(path), ExitCode.NOT_INDONESIAN, path, "Indonesian", "--force")
    [article] = read_article(path, force=True)
    assert article.text == text


@pytest.mark.parametrize(
    "text",
    [
        BERITA,
        BERITA_2,
        "KPU menetapkan pasangan calon nomor urut 2 sebagai pemenang Pilkada Jakarta.",
        "Bawaslu menemukan dugaan politik uang menjelang pencoblosan di Kabupaten Bogor.",
        "Gilang-Harun Resmi Ditetapkan Sebagai Pemenang Pilkada Jakarta",
        "Hasil rekapitulasi suara Pilkada Jakarta 2024: Gilang Permadi-Harun Wirawan 2.183.239 suara, "
        "Benny Lumowa-Sutarjo 1.718.160 suara, Yosef Tandiari-Imam Saputra 459.230 suara. "
        "Total suara sah 4.360.629 suara, suara tidak sah 192.243.",
    ],
)
def test_indonesian_news_passes(text):
    assert language_problem(text) is None


def test_fixtures_and_seed_article_pass_language_check():
    paths = [FIXTURES / "kpu-penetapan.md", FIXTURES / "berita-debat.html"]
    paths += [SEED] if SEED.exists() else []
    for path in paths:
        assert read_article(path)


# --------------------------------------------------------------------------- directories, ids


def test_directory_recursion_order_and_filters(tmp_path):
    root = tmp_path / "korpus"
    write(root, "b.txt", BERITA)
    write(root, "a/z.md", BERITA_2)
    write(root, "a/b/c.text", BERITA)
    write(root, "Z.HTML", (FIXTURES / "berita-debat.html").read_bytes())
    write(root, ".git/x.txt", BERITA)
    write(root, "a/.draft.txt", BERITA)
    write(root, "foto.png", b"\x89PNG\r\n\x1a\n")
    write(root, "meta.json", '{"text": "bukan artikel"}')
    write(root, "tanpa-ekstensi", BERITA)
    articles = list(iter_articles([root]))
    assert [a.path.relative_to(root).as_posix() for a in articles] == [
        "Z.HTML",
        "a/b/c.text",
        "a/z.md",
        "b.txt",
    ]


def test_explicit_file_without_extension_is_read(tmp_path):
    [article] = read_article(write(tmp_path, "BERITA", BERITA))
    assert article.id == "berita"


def test_ids_are_unique_within_a_run(tmp_path):
    one = write(tmp_path, "x/berita.txt", BERITA)
    two = write(tmp_path, "y/berita.txt", BERITA_2)
    three = write(tmp_path, "berita-2.txt", BERITA)
    articles = list(iter_articles([one, two, three, one, tmp_path / "x"]))
    assert [a.id for a in articles] == ["berita", "berita-2", "berita-2-2"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("01_KPU Logistik (Pilkada) 2024", "01-kpu-logistik-pilkada-2024"),
        ("Pemilu—Édisi Khusus", "pemilu-edisi-khusus"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_a_stem_without_letters_gets_a_hashed_id(tmp_path):
    one, two = write(tmp_path, "___.txt", BERITA), write(tmp_path, "日本.txt", BERITA_2)
    ids = [a.id for a in iter_articles([one, two])]
    assert all(i.startswith("x-") for i in ids) and ids[0] != ids[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-13", (2024, 7, 13)),
        ("2024-07-13T23:30:00+07:00", (2024, 7, 13)),
        ("2024/07/13", (2024, 7, 13)),
        ("13/07/2024", (2024, 7, 13)),
        ("13-7-2024 10:00 WIB", (2024, 7, 13)),
        ("Sabtu, 13 Juli 2024 | 10:00 WIB", (2024, 7, 13)),
        ("13 Agt 2024", (2024, 8, 13)),
        ("July 13, 2024", (2024, 7, 13)),
        (datetime.date(2024, 7, 13), (2024, 7, 13)),
        (datetime.datetime(2024, 7, 13, 9, 0), (2024, 7, 13)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == datetime.date(*expected)


@pytest.mark.parametrize("value", ["kemarin", "2024-13-40", "31/02/2024", 20240713, None])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError):
        parse_date(value)


# --------------------------------------------------------------------------- determinism, hash


def test_same_input_same_articles(tmp_path):
    paths = [FIXTURES, write(tmp_path, "c.txt", BERITA)]
    first = list(iter_articles(paths, on_error=lambda e: None))
    second = list(iter_articles(paths, on_error=lambda e: None))
    assert first == second
    assert len({a.sha256 for a in first}) == len(first)


def test_hash_covers_text_and_metadata_not_location(tmp_path):
    a = Article(id="a", text=BERITA, path=tmp_path / "a.txt", title="Judul")
    moved = Article(id="b", text=BERITA, path=tmp_path / "lain" / "b.txt", title="Judul")
    retitled = Article(id="a", text=BERITA, path=tmp_path / "a.txt", title="Judul lain")
    dated = Article(id="a", text=BERITA, path=tmp_path / "a.txt", date=datetime.date(2024, 1, 1))
    assert a.sha256 == moved.sha256
    assert len({a.sha256, retitled.sha256, dated.sha256}) == 3


# --------------------------------------------------------------------------- property

_unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_unicode_text)
def test_any_utf8_text_round_trips_or_raises_input_error(tmp_path, text):
    path = tmp_path / "acak.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        articles = read_article(path, force=True)
    except InputError as err:
        assert err.code != ExitCode.OK and str(path) in str(err)
        return
    expected = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    expected = unicodedata.normalize("NFC", expected).strip()
    [article] = articles
    if article.title is not None and not expected.startswith(("---", "<")):  # a headline on the first line
        assert expected.startswith(article.title) and expected.endswith(article.text)
    elif not expected.startswith(("---", "<")):  # front matter and HTML are not verbatim
        assert article.text == expected
    assert unicodedata.is_normalized("NFC", article.text) and "\r" not in article.text


# Web-page furniture copied with the article (kg/ingest/furniture.py). Written for these tests.
FURNITURE = [
    "Baca juga: KPU Tetapkan Tiga Pasangan Calon Bupati Sleman",
    "BACA JUGA : Bawaslu Temukan 12 Pelanggaran Kampanye",
    "Lihat Juga :",
    "- Baca Juga: Debat Kedua Pilgub Digelar Sabtu",
    "[Gambas:Video CNN]",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    'Simak Video "Momen Paslon Nomor Urut 2 Mencoblos di TPS 05"',
    "Berita Terkait: Quick Count Pilwalkot Makassar",
    "Dapatkan update berita pilihan dan breaking news setiap hari. Mari bergabung di Grup Telegram kami.",
    "Ikuti berita terkini dari kami di Google News.",
    "Pewarta: Budi Santosa",
    "Editor : Dewi Larasati",
    "COPYRIGHT © ANTARA 2024",
    "Hak Cipta © 2024 Harian Contoh",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_web_page_furniture_lines_are_dropped(tmp_path, line):
    path = write(tmp_path, "berita.txt", f"{BERITA}\n\n{line}\n\n{BERITA_2}\n")
    assert read_article(path)[0].text == f"{BERITA}\n\n{BERITA_2}"


@pytest.mark.parametrize("sentence", [
    "Baca juga pengumuman KPU di papan desa, kata Ketua PPS Wonosari, Rahmat Hidayat, kepada warga.",
    "Warga diminta membaca juga daftar pemilih sementara yang ditempel di balai desa.",
    "Ikuti tahapan pilkada dengan tertib, pesan Kapolres kepada warga pada Senin (4/11/2024).",
    "Iklan kampanye di televisi dibatasi selama 14 hari sebelum masa tenang.",
    "Penulis buku sejarah pemilu itu, Darmaji Sutrisno, hadir sebagai panelis debat.",
    "Hak cipta lagu kampanye itu dipersoalkan oleh penciptanya.",
])
def test_sentences_that_only_resemble_furniture_stay(tmp_path, sentence):
    """Markers count only on a line of their own, followed by a link's text, not by a sentence's verb."""
    path = write(tmp_path, "berita.txt", f"{BERITA}\n\n{sentence}\n")
    assert sentence in read_article(path)[0].text


def test_furniture_is_dropped_from_json_lines_and_html(tmp_path):
    record = {"text": f"{BERITA}\nBaca juga: Rekapitulasi Suara Pilgub Selesai\n{BERITA_2}"}
    jsonl = write(tmp_path, "batch.jsonl", json.dumps(record) + "\n")
    assert "Rekapitulasi" not in read_article(jsonl)[0].text
    html = write(tmp_path, "halaman.html", (
        "<!doctype html><html><head><title>Debat Pilkada</title></head><body><article>"
        f"<p>{BERITA}</p><p>ADVERTISEMENT</p><p><strong>Baca juga:</strong> "
        f"<a href='/x'>Rekapitulasi Suara Pilgub Selesai</a></p><p>{BERITA_2}</p></article></body></html>"))
    text = read_article(html)[0].text
    assert "Rekapitulasi" not in text and "ADVERTISEMENT" not in text and "Bawaslu Jawa Barat" in text


def test_a_file_of_furniture_only_is_an_error(tmp_path):
    path = write(tmp_path, "tautan.txt", "Baca juga: KPU Tetapkan DPT\nADVERTISEMENT\n")
    assert_error(read_error(path), ExitCode.EMPTY_INPUT, path, "no article text")


def test_a_headline_line_above_the_story_is_its_title(tmp_path):
    """Copied from a page, the headline sits on the first line: the title, not part of the first sentence."""
    path = write(tmp_path, "berita.txt", "KPU Tetapkan 1,6 Juta Pemilih di Pilkada Kota Contoh\n"
                 "MEDAN, KOMPAS.com - " + BERITA + "\n")
    article = read_article(path)[0]
    assert article.title == "KPU Tetapkan 1,6 Juta Pemilih di Pilkada Kota Contoh"
    assert article.text.startswith("MEDAN, KOMPAS.com - Jakarta")
    repeated = write(tmp_path, "ulang.md", "---\ntitle: Debat Publik Pilkada Digelar\n---\n\n"
                     "Debat Publik Pilkada Digelar\n\n" + BERITA)
    assert read_article(repeated)[0].text == BERITA


def test_a_headline_with_a_comma_or_a_colon_is_still_a_headline(tmp_path):
    for headline in ("Cawabup Mundur, KPU Musi Rawas Tetapkan Calon Pengganti",
                     "Pengamat: Tingkat Partisipasi Jadi Kunci Pilgub Sulawesi Tengah"):
        article = read_article(write(tmp_path, "berita.txt", f"{headline}\nMEDAN, KOMPAS.com - {BERITA}\n"))[0]
        assert article.title == headline and article.text.startswith("MEDAN")


@pytest.mark.parametrize("stamp", ["Kamis, 28 November 2024 | 14:30 WIB", "28/11/2024 14:30 WIB", "28 Nov 2024"])
def test_a_date_stamp_line_under_the_headline_is_the_publication_date(tmp_path, stamp):
    path = write(tmp_path, "berita.txt", f"KPU Tetapkan DPT Pilkada Kota Contoh\n{stamp}\n{BERITA}\n")
    article = read_article(path)[0]
    assert (article.date, article.text) == (datetime.date(2024, 11, 28), BERITA)


@pytest.mark.parametrize("under", ["11/11/2024 | 14:30 WIB\nKupang (ANTARA) - ", "Kupang (ANTARA) - ",
                                   "Jakarta, CNN Indonesia -- "])
def test_a_headline_in_sentence_case_is_known_by_the_page_under_it(tmp_path, under):
    headline = "KPU NTT distribusikan logistik Pilkada ke 22 kabupaten/kota"
    article = read_article(write(tmp_path, "berita.txt", f"{headline}\n{under}{BERITA}\n"))[0]
    assert article.title == headline and article.text == under.split("\n")[-1] + BERITA


def test_a_sentence_opening_with_a_date_is_no_date_stamp(tmp_path):
    text = "Rabu (27/11/2024) menjadi hari pencoblosan serentak.\n" + BERITA
    article = read_article(write(tmp_path, "berita.txt", text + "\n"))[0]
    assert article.date is None and article.text == text


def test_a_first_line_repeating_the_front_matter_title_is_dropped_whatever_its_shape(tmp_path):
    title = "Opini: serangan fajar dan murahnya harga suara kita"
    path = write(tmp_path, "opini.md", f"---\ntitle: \"{title}\"\n---\n\n{title}\n{BERITA}\n")
    assert read_article(path)[0].text == BERITA


@pytest.mark.parametrize("first", [
    "MEDAN, KOMPAS.com",  # a dateline on its own line
    "Oleh: Darmaji Sutrisno",  # an opinion piece's byline
    "Warga antusias datang ke TPS sejak pagi",  # a paragraph missing its full stop
    "Jakarta, CNN Indonesia —",
])
def test_first_lines_that_are_no_headline_stay(tmp_path, first):
    article = read_article(write(tmp_path, "berita.txt", f"{first}\n{BERITA}\n"))[0]
    assert article.title is None and article.text.startswith(first)


def test_a_photo_credit_in_brackets_is_dropped_but_a_dateline_agency_stays(tmp_path):
    caption = "Ketua KPU Kota Contoh memimpin rapat pleno rekapitulasi. (ANTARA FOTO/Budi Santosa)"
    path = write(tmp_path, "berita.txt", f"Kupang (ANTARA) - {BERITA}\n{caption}\nFoto: rapat pleno (Foto: Dok. KPU)\n")
    text = read_article(path)[0].text
    assert text.startswith("Kupang (ANTARA) - ") and "Budi Santosa" not in text and "Dok. KPU" not in text
    assert "memimpin rapat pleno rekapitulasi." in text
