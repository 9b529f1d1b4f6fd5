"""Article ingestion: files (plain text, front matter, saved HTML, JSON Lines) -> `Article`s.

Everything a user can get wrong about an input file ends as a one-line `InputError` with its own
exit code, so the CLI can say which file is wrong and why instead of printing a traceback.

Formats, chosen by extension and content:

* plain text (`.txt`, `.md`, `.text`, or any other/no extension when named explicitly);
* text with YAML front matter between `---` lines (`title`, `source`/`url`, `date`,
  `publisher`/`site`);
* saved HTML (`.html`/`.htm`, or content starting with `<!doctype` / `<html`): trafilatura extracts
  the main text and the title, date and site name;
* JSON Lines (`.jsonl`): one article per line; `text` is required, `title`, `url`, `date` and
  `publisher` (or `site`) are optional.

`.json` is *not* collected from directories (too often configuration or metadata); a `.json` file
named explicitly is read as one record (an object), a list of records, or JSON Lines.

Directories are searched recursively for `ARTICLE_EXTENSIONS`, sorted by path, skipping hidden files
and directories. Files larger than `MAX_BYTES` (20 MiB) are refused after reading only their head.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ExitCode, InputError

MAX_BYTES = 20 * 1024 * 1024
"""Largest accepted file (20 MiB): far above any news article or a JSONL batch of a few thousand,
small enough to decode in memory. Bigger files are refused (TOO_LARGE), not truncated."""

HEAD_BYTES = 64 * 1024
"""How much of a file is read to sniff binary content before its size is even considered."""

ARTICLE_EXTENSIONS = (".htm", ".html", ".jsonl", ".md", ".text", ".txt")
"""Extensions collected from directories. Files named explicitly are read whatever their name."""

HTML_EXTENSIONS = frozenset({".htm", ".html", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
JSON_EXTENSIONS = frozenset({".json"})

MIN_LANGUAGE_WORDS = 20
"""Below this many words the function-word share is too noisy; short texts are then only refused
when they contain more foreign than Indonesian function words."""

MIN_INDONESIAN_SHARE = 0.06
"""Share of Indonesian function words among all words that a longer text needs. News prose
scores 0.2-0.35; English, German, Italian or Spanish prose 0-0.03."""

MIN_INDONESIAN_SHARE_UNCONTESTED = 0.02
"""The lower share accepted when a text has no foreign function words at all: tables of results
("Pramono-Rano 2.183.239 suara, ...") are mostly names and numbers."""


@dataclass(frozen=True)
class Article:
    """One news article, with its text cleaned and the metadata its file carried."""

    id: str
    """Stable slug ([a-z0-9-]): the file stem, or "<stem>-<line>" for JSON Lines records."""
    text: str
    """Body text: NFC, "\\n" newlines, no BOM, no front matter, no surrounding whitespace."""
    path: Path
    title: str | None = None
    source: str | None = None
    """URL the article was taken from."""
    date: datetime.date | None = None
    """Publication date (as written by the publisher, not converted to UTC)."""
    publisher: str | None = None
    line: int | None = None
    """1-based line of a JSON Lines record."""
    sha256: str = ""
    """Hash of text and metadata (not id or path), so moved or renamed files keep their cache."""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self))


def content_hash(article: Article) -> str:
    """Hash what determines the graph built from an article, for caching and incremental builds."""
    payload = {
        "text": article.text,
        "title": article.title,
        "source": article.source,
        "date": article.date.isoformat() if article.date else None,
        "publisher": article.publisher,
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
    return hashlib.sha256(blob).hexdigest()


# --------------------------------------------------------------------------- public entry points


def read_article(path: Path, *, force: bool = False, max_bytes: int = MAX_BYTES) -> list[Article]:
    """All articles of one file (several for JSON Lines); the first problem raises `InputError`.

    `force` skips the Indonesian-language check.
    """
    articles = []
    for item in _read_file(Path(path), force=force, max_bytes=max_bytes):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def iter_articles(
    paths: Iterable[Path],
    *,
    force: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article]:
    """Articles of files and directories, in a stable order, with ids unique within the run.

    With `on_error`, each bad file or JSON Lines record is reported to it and reading goes on with
    the rest (the caller decides the exit code at the end); without it the first problem raises.
    A file reached twice (named and inside a named directory) is read once.
    """
    seen_files: set[Path] = set()
    seen_ids: set[str] = set()
    for path in paths:
        try:
            files = _expand(Path(path))
        except InputError as err:
            _report(err, on_error)
            continue
        for file in files:
            key = file.resolve()
            if key in seen_files:
                continue
            seen_files.add(key)
            try:
                for item in _read_file(file, force=force, max_bytes=max_bytes):
                    if isinstance(item, InputError):
                        _report(item, on_error)
                    else:
                        yield _with_unique_id(item, seen_ids)
            except InputError as err:
                _report(err, on_error)


def _report(err: InputError, on_error: Callable[[InputError], None] | None) -> None:
    """Hand an error to the caller's callback, or raise it when there is none."""
    if on_error is None:
        raise err
    on_error(err)


def _with_unique_id(article: Article, seen: set[str]) -> Article:
    """Suffix "-2", "-3", ... when two files share a stem (a/x.txt, b/x.txt), so ids stay keys."""
    new_id, n = article.id, 1
    while new_id in seen:
        n += 1
        new_id = f"{article.id}-{n}"
    seen.add(new_id)
    return article if new_id == article.id else dataclasses.replace(article, id=new_id)


# --------------------------------------------------------------------------- finding files


def _expand(path: Path) -> list[Path]:
    """A named file as itself, a directory as its article files; missing or empty is an error."""
    if path.is_dir():
        files = _collect(path)
        if not files:
            looked_for = ", ".join(ARTICLE_EXTENSIONS)
            raise InputError(
                f"directory contains no article files (looked for {looked_for})",
                path,
                ExitCode.EMPTY_INPUT,
            )
        return files
    if not path.exists():
        raise InputError("no such file or directory", path, ExitCode.NOT_FOUND)
    return [path]


def _collect(root: Path) -> list[Path]:
    """Article files under `root`, recursively, sorted by path; hidden files and dirs skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [
            Path(dirpath, name)
            for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_EXTENSIONS
        ]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


# --------------------------------------------------------------------------- one file


def _read_file(path: Path, *, force: bool, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles of one file; file-level problems raise, per-record problems are yielded."""
    data = _read_bytes(path, max_bytes)
    text = normalise_text(_decode(data, path))
    if not text:
        raise InputError("file is empty or contains only whitespace", path, ExitCode.EMPTY_INPUT)
    suffix = path.suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        records: Iterator[Article | InputError] = _jsonl_articles(text, path)
    elif suffix in JSON_EXTENSIONS:
        records = _json_articles(text, path)
    elif suffix in HTML_EXTENSIONS or _looks_like_html(text):
        records = iter([_html_article(text, path)])
    else:
        records = iter([_text_article(text, path)])
    for item in records:
        if isinstance(item, Article) and not force:
            item = _check_indonesian(item)
        yield item


def _check_indonesian(article: Article) -> Article | InputError:
    """Raise for a whole file, or return the error for a JSONL record so the rest can go on."""
    problem = language_problem(article.text)
    if problem is None:
        return article
    err = InputError(
        f"{problem}; use --force to read it anyway",
        _where(article.path, article.line),
        ExitCode.NOT_INDONESIAN,
    )
    if article.line is None:
        raise err
    return err


def _where(path: Path, line: int | None) -> str | Path:
    """Records are named "file:line", so messages point at the exact line of a JSON Lines file."""
    return f"{path}:{line}" if line is not None else path


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing binary files from their head and big ones before reading them."""
    try:
        with path.open("rb") as f:
            head = f.read(min(HEAD_BYTES, max_bytes + 1))
            _reject_binary(head, path)
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise _too_large(path, size, max_bytes)
            data = head + f.read(max(0, max_bytes + 1 - len(head)))
    except FileNotFoundError:
        raise InputError("no such file or directory", path, ExitCode.NOT_FOUND) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article file", path, ExitCode.USAGE) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path, ExitCode.NOT_FOUND) from None
    if len(data) > max_bytes:  # a pipe or a file that grew: st_size was not the whole truth
        raise _too_large(path, len(data), max_bytes)
    if not data:
        raise InputError("file is empty", path, ExitCode.EMPTY_INPUT)
    return data


def _too_large(path: Path, size: int, max_bytes: int) -> InputError:
    mib = 1024 * 1024
    return InputError(
        f"file is too large ({size / mib:.1f} MiB; the limit is {max_bytes / mib:.1f} MiB)",
        path,
        ExitCode.TOO_LARGE,
    )


# --------------------------------------------------------------------------- binary sniffing

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt/.epub document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document (.doc/.xls)"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def _reject_binary(head: bytes, path: Path) -> None:
    """Refuse files whose first bytes say they are not text, naming what they look like."""
    kind = binary_kind(head)
    if kind is not None:
        raise InputError(f"looks like {kind}, not a text article", path, ExitCode.BINARY_INPUT)


def binary_kind(head: bytes) -> str | None:
    """What a file starting with `head` looks like if it is not text, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return "a bzip2-compressed file"
    if b"\x00" in head and _bom(head) is None:  # UTF-16/32 text has NULs, but also a BOM
        return "binary data (it contains NUL bytes)"
    return None


# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
"""Legacy encodings an Indonesian (Latin-script) text can plausibly be in. Detection is limited to
them because on short texts charset-normalizer happily picks cp1250 or mac_latin2 instead."""

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _bom(data: bytes) -> tuple[str, int] | None:
    """The codec and BOM length if `data` starts with a byte order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _decode(data: bytes, path: Path) -> str:
    """Decode: a BOM first, then strict UTF-8, then an HTML meta charset, then detection.

    UTF-16 without a BOM is not guessed: it cannot be told from UTF-8 text containing NULs, and
    editors that save UTF-16 write a BOM.
    """
    bom = _bom(data)
    if bom is not None:
        codec, skip = bom
        return _decode_strict(data[skip:], codec, path, skip)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err.start
    declared = _declared_charset(data[:HEAD_BYTES])
    if declared == "utf-8":
        raise InputError(
            f"declares UTF-8 but is not valid UTF-8: invalid byte {_byte_at(data, bad)}"
            f" at offset {bad}",
            path,
            ExitCode.BAD_ENCODING,
        )
    if declared is not None:
        return _decode_strict(data, declared, path, 0)
    return _decode_legacy(data, path, bad)


def _decode_strict(data: bytes, codec: str, path: Path, base: int) -> str:
    """Decode with a known codec; a bad byte is an error naming its offset in the file."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        offset = base + err.start
        raise InputError(
            f"is not valid {codec.upper()}: invalid byte {_byte_at(data, err.start)}"
            f" at offset {offset}",
            path,
            ExitCode.BAD_ENCODING,
        ) from None


def _byte_at(data: bytes, index: int) -> str:
    return f"0x{data[index]:02x}" if index < len(data) else "(truncated sequence)"


def _declared_charset(head: bytes) -> str | None:
    """The codec an HTML <meta charset> declares; latin-1/ascii mean cp1252, as browsers do."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("iso8859-1", "latin-1", "ascii"):
        return "cp1252"
    return name


def _decode_legacy(data: bytes, path: Path, bad: int) -> str:
    """Decode a non-UTF-8 file whose encoding charset-normalizer can name with confidence."""
    problem = f"is not valid UTF-8: invalid byte {_byte_at(data, bad)} at offset {bad}"
    if _looks_utf8(data):
        raise InputError(
            f"{problem} (the rest is UTF-8, so the file is damaged; re-save it as UTF-8)",
            path,
            ExitCode.BAD_ENCODING,
        )
    import charset_normalizer  # deferred: only legacy files pay for loading the detector

    match = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
    if match is None:
        guess = charset_normalizer.from_bytes(data).best()
        hint = f"; it may be {guess.encoding}" if guess is not None else ""
        raise InputError(
            f"{problem} and is not in a recognisable Western legacy encoding{hint};"
            " re-save it as UTF-8",
            path,
            ExitCode.BAD_ENCODING,
        )
    return _decode_strict(data, match.encoding, path, 0)


def _looks_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences are at least as common as invalid bytes."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    valid = len(re.findall("[^\x00-\x7f\ufffd]", decoded))
    return valid > 0 and valid >= invalid


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""JSON and YAML escapes like "\\ud800" decode to lone surrogates, which UTF-8 cannot encode."""


def normalise_text(text: str) -> str:
    """Canonical text: no BOM, "\\n" newlines, NFC (so equal words hash and match equally), no
    lone surrogates (each becomes U+FFFD), and no surrounding whitespace."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


# --------------------------------------------------------------------------- plain text


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _text_article(text: str, path: Path) -> Article:
    """A plain-text file, with its YAML front matter (if any) turned into metadata."""
    meta, body = _split_front_matter(text, path)
    body = body.strip()
    if not body:
        raise InputError("has front matter but no article text", path, ExitCode.EMPTY_INPUT)
    fields = _metadata(meta, path, origin="front matter")
    return Article(id=slugify(path.stem), text=body, path=path, **fields)


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Split "---\\n<yaml>\\n---\\n<body>" into the parsed YAML mapping and the body."""
    first, _, rest = text.partition("\n")
    if first.rstrip() != "---":
        return {}, text
    end = _FRONT_MATTER_END.search(rest)
    if end is None:
        raise InputError(
            "front matter opened by '---' on line 1 is never closed by a '---' line",
            path,
            ExitCode.BAD_RECORD,
        )
    try:
        meta = yaml.safe_load(rest[: end.start()])
    except Exception as err:  # noqa: BLE001 - PyYAML raises several types, all mean "bad YAML"
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(
            f"front matter is not valid YAML ({reason})", path, ExitCode.BAD_RECORD
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(
            "front matter must be a YAML mapping like 'title: ...'", path, ExitCode.BAD_RECORD
        )
    return meta, rest[end.end() :]


_FIELD_ALIASES = {
    "title": ("title",),
    "source": ("source", "url"),
    "date": ("date",),
    "publisher": ("publisher", "site"),
}


def _metadata(record: dict[Any, Any], where: str | Path, origin: str) -> dict[str, Any]:
    """The Article metadata fields of a front matter or JSON record; bad values raise."""
    fields: dict[str, Any] = {}
    for field, keys in _FIELD_ALIASES.items():
        value = next((record[k] for k in keys if record.get(k) is not None), None)
        if value is None:
            continue
        if field == "date":
            fields["date"] = _date_field(value, where, origin)
        else:
            fields[field] = _text_field(value, field, where, origin)
    return fields


def _text_field(value: Any, field: str, where: str | Path, origin: str) -> str | None:
    """A string metadata value (numbers are accepted as text); empty means absent."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(
            f"{origin} field '{field}' must be text, not {type(value).__name__}",
            where,
            ExitCode.BAD_RECORD,
        )
    text = unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", str(value))).strip()
    return text or None


def _date_field(value: Any, where: str | Path, origin: str) -> datetime.date:
    try:
        return parse_date(value)
    except ValueError:
        raise InputError(
            f"{origin} field 'date' is not a recognisable date: {str(value)[:60]!r}",
            where,
            ExitCode.BAD_RECORD,
        ) from None


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "aug", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov"),
            ("desember", "december", "des", "dec"),
        ],
        start=1,
    )
    for name in names
}

_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])")
_DMY_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def parse_date(value: Any) -> datetime.date:
    """A publication date from ISO ("2024-07-13", "2024-07-13T10:00+07:00"), day-first numeric
    ("13/07/2024", as Indonesian sites write it) or named-month forms ("Sabtu, 13 Juli 2024",
    "July 13, 2024"). Raises ValueError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if m := _ISO_DATE.match(text + " "):
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_DATE.match(text):
        return datetime.date(int(m[3]), int(m[2]), int(m[1]))
    if (m := _DAY_MONTH_YEAR.search(text)) and m[2].lower() in _MONTHS:
        return datetime.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    if (m := _MONTH_DAY_YEAR.search(text)) and m[1].lower() in _MONTHS:
        return datetime.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    raise ValueError(f"not a date: {value!r}")


# --------------------------------------------------------------------------- HTML

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype|html)\b", re.IGNORECASE | re.DOTALL)

_HTML_DATE_PARAMS = {
    "original_date": True,
    "extensive_search": False,  # metadata only: guessing from body text finds event dates
    "max_date": "2100-12-31",  # fixed, not "today", so the same page always gives the same date
}


def _looks_like_html(text: str) -> bool:
    """Saved web pages often keep a .txt name or none; their first tag gives them away."""
    return _HTML_START.match(text[:4096]) is not None


def _html_article(html: str, path: Path) -> Article:
    """Main text and metadata of a saved web page, extracted by trafilatura (not by regexes)."""
    import trafilatura  # deferred: a heavy import that plain-text runs never need

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_HTML_DATE_PARAMS,
        )
    except Exception as err:  # noqa: BLE001 - lxml/trafilatura failures on odd markup vary
        raise InputError(
            f"could not parse the HTML ({type(err).__name__})", path, ExitCode.BAD_RECORD
        ) from None
    title = _clean(doc.title) if doc is not None else None
    text = normalise_text(doc.text or "") if doc is not None else ""
    text = _drop_headline(text, title)
    if not text:
        raise InputError("no article text found in the HTML page", path, ExitCode.EMPTY_INPUT)
    return Article(
        id=slugify(path.stem),
        text=text,
        path=path,
        title=title,
        source=_clean(doc.url),
        date=_optional_date(doc.date),
        publisher=_clean(doc.sitename),
    )


def _drop_headline(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title: it is metadata, and without a full stop it would
    run into the first sentence."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def _clean(value: str | None) -> str | None:
    text = unicodedata.normalize("NFC", value).strip() if value else ""
    return text or None


def _optional_date(value: str | None) -> datetime.date | None:
    """A date trafilatura found; one it got wrong is dropped rather than failing the page."""
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- JSON Lines / JSON


def _jsonl_articles(text: str, path: Path) -> Iterator[Article | InputError]:
    """One article per non-blank line; a bad line is yielded as an error and the rest go on."""
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        yield _record_or_error(_parse_json_line(line, path, number), path, number)
    if not found:
        raise InputError("contains no JSON Lines records", path, ExitCode.EMPTY_INPUT)


def _parse_json_line(line: str, path: Path, number: int) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        reason = f"{err.msg} at column {err.colno}" if isinstance(err, ValueError) else "too deep"
        return InputError(f"not valid JSON ({reason})", f"{path}:{number}", ExitCode.BAD_RECORD)


def _json_articles(text: str, path: Path) -> Iterator[Article | InputError]:
    """An explicitly named .json: one object, a list of objects, or (misnamed) JSON Lines."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield from _jsonl_articles(text, path)
        return
    records = value if isinstance(value, list) else [value]
    if not records:
        raise InputError("contains an empty JSON list", path, ExitCode.EMPTY_INPUT)
    for number, record in enumerate(records, start=1):
        yield _record_or_error(record, path, number)


def _record_or_error(record: Any, path: Path, number: int) -> Article | InputError:
    """Turn a parsed record into an Article, or into the error that names its line."""
    if isinstance(record, InputError):
        return record
    try:
        return _record_article(record, path, number)
    except InputError as err:
        return err


def _record_article(record: Any, path: Path, number: int) -> Article:
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got {_json_type(record)}", where, ExitCode.BAD_RECORD
        )
    raw = record.get("text")
    if not isinstance(raw, str) or not normalise_text(raw):
        problem = "missing" if raw is None else "empty" if isinstance(raw, str) else "not a string"
        raise InputError(f"required field 'text' is {problem}", where, ExitCode.BAD_RECORD)
    fields = _metadata(record, where, origin="record")
    return Article(
        id=f"{slugify(path.stem)}-{number}",
        text=normalise_text(raw),
        path=path,
        line=number,
        **fields,
    )


def _json_type(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


# --------------------------------------------------------------------------- ids


def slugify(name: str) -> str:
    """A stable id part: ASCII letters and digits, lower-case, runs of anything else as "-"."""
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(c for c in decomposed if not unicodedata.combining(c))  # É -> E
    slug = re.sub(r"[^a-z0-9]+", "-", unaccented.lower()).strip("-")
    return slug or "article"


# --------------------------------------------------------------------------- language

INDONESIAN_WORDS = frozenset(
    """
    yang dan di ke dari untuk dengan pada ini itu akan tidak dalam oleh para juga sebagai adalah
    kata ujar karena atau bahwa telah sudah bisa dapat ada kami kita mereka ia dia saat seperti
    hingga namun tersebut lebih menjadi serta belum masih bagi agar jika sehingga antara setelah
    sejak terhadap tetapi yakni yaitu pun lalu kepada tentang menurut secara harus sangat saja
    hanya baru lagi sebelum melalui bersama nya tak kembali selain bahkan mengatakan menjelaskan
    """.split()
)
"""Very common Indonesian (and Malay) function words: a light, offline language signal."""

FOREIGN_WORDS = frozenset(
    """
    the of and to is in that for was with on as by are be it this from at which have has were
    will not an or their been der die das und ist nicht mit von zu den ein eine auf sich dem des
    im auch wird het een niet van voor zijn le la les et des du une est pas que qui dans pour el
    los las del por con una es che il non ang ng mga sa ay
    """.split()
)
"""Very common English, German, Dutch, French, Spanish, Italian and Tagalog words, none of them
Indonesian: evidence *against* a text being Indonesian."""

_WORD = re.compile(r"[^\W\d_]+")


def language_problem(text: str) -> str | None:
    """Why `text` does not look Indonesian, or None if it does (or is too short to tell)."""
    words = _WORD.findall(text.lower())
    indonesian = sum(w in INDONESIAN_WORDS for w in words)
    foreign = sum(w in FOREIGN_WORDS for w in words)
    if len(words) < MIN_LANGUAGE_WORDS:
        if foreign > indonesian:
            return "does not look like Indonesian (more foreign than Indonesian function words)"
        return None
    share = indonesian / len(words)
    if share >= MIN_INDONESIAN_SHARE and indonesian > foreign:
        return None
    if share >= MIN_INDONESIAN_SHARE_UNCONTESTED and foreign == 0:
        return None
    return (
        f"does not look like Indonesian ({share:.0%} of {len(words)} words are common Indonesian"
        f" words, {MIN_INDONESIAN_SHARE:.0%} needed)"
    )
