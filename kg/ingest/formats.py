"""Article formats: plain text with optional YAML front matter, saved HTML, JSON Lines, JSON.

* plain text (`.txt`, `.md`, `.text`, or any other/no extension when named explicitly);
* text with YAML front matter between `---` lines (`title`, `source`/`url`, `date`,
  `publisher`/`site`);
* saved HTML (`.html`/`.htm`, or content starting with `<!doctype` / `<html`): trafilatura extracts
  the main text and the title, date and site name;
* JSON Lines (`.jsonl`): one article per line; `text` is required, `title`, `url`, `date` and
  `publisher` (or `site`) are optional.

A `.json` file named explicitly is read as one record (an object), a list of records, or JSON Lines.
Every article's text loses the lines of web-page furniture a copy brings along (`furniture`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ExitCode, InputError
from kg.extract.dates import PUBLICATION_MONTHS
from kg.ingest.article import Article
from kg.ingest.decode import normalise_text
from kg.ingest.furniture import drop_furniture
from kg.names import slug

HTML_EXTENSIONS = frozenset({".htm", ".html", ".xhtml"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
JSON_EXTENSIONS = frozenset({".json"})


def articles_in(text: str, path: Path) -> Iterator[Article | InputError]:
    """The articles of a decoded file, by its extension, else its content; bad records yielded."""
    suffix = path.suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        return _jsonl_articles(text, path)
    if suffix in JSON_EXTENSIONS:
        return _json_articles(text, path)
    if suffix in HTML_EXTENSIONS or _looks_like_html(text):
        return iter([_html_article(text, path)])
    return iter([_text_article(text, path)])


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _text_article(text: str, path: Path) -> Article:
    """A plain-text file, with its YAML front matter (if any) turned into metadata."""
    meta, body = _split_front_matter(text, path)
    body = drop_furniture(body.strip())
    if not body:
        what = "front matter" if meta else "web-page furniture (\"Baca juga: …\" lines)"
        raise InputError(f"has {what} but no article text", path, ExitCode.EMPTY_INPUT)
    fields = _metadata(meta, path, origin="front matter")
    if fields.get("title"):
        body = _drop_headline(body, fields["title"])
    else:
        fields["title"], body = _leading_headline(body)
    if not fields.get("date"):
        fields["date"], body = _leading_date_line(body)
    return Article(id=slug(path.stem), text=body, path=path, **fields)


_DATE_LINE = re.compile(r"[ \t]*((?:[A-Z][a-z']+,?\s+)?(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}))"
                        r"(?:[ \t,|–—-]+(?:Pukul\s+)?\d{1,2}[:.]\d{2}(?:[ \t]*(?:WIB|WITA|WIT))?)?[ \t]*\n\s*(?=\S)")


def _leading_date_line(body: str) -> tuple[datetime.date | None, str]:
    """(date, the rest) when the story opens with the page's date stamp on a line of its own ("Kamis, 28 November
    2024 | 14:30 WIB"): the publication date relative dates count from, not a sentence of the story."""
    m = _DATE_LINE.match(body)
    try:
        return (parse_date(m.group(1)), body[m.end():]) if m else (None, body)
    except ValueError:
        return None, body


_HEADLINE = re.compile(r"\A([^\n]{8,160}?)[ \t]*\n\s*(?=\S)")
_SENTENCE_END = tuple('.!?,;:…—–-"”’\'')


def _leading_headline(body: str) -> tuple[str | None, str]:
    """(headline, the rest) when the first line is a headline a copy kept above the story ("KPU Tetapkan
    1,6 Juta Pemilih di Pilkada Medan"): 2-20 words, mostly capitalised, no sentence end. It is the title, and
    left in the text it would run into the first sentence and hide its dateline."""
    m = _HEADLINE.match(body)
    if not m or m.group(1).rstrip().endswith(_SENTENCE_END) or m.group(1).startswith(('"', "“")):
        return None, body
    words = m.group(1).split()
    if (len(words) <= 4 and "," in m.group(1)) or words[0].lower().rstrip(":") in ("oleh", "penulis"):
        return None, body  # a dateline on its own line ("MEDAN, KOMPAS.com") or a byline ("Oleh: A")
    capitalised = sum(w[0].isupper() or w[0].isdigit() for w in words)
    lettered = sum(any(c.isalpha() for c in w) for w in words)
    page_goes_on = bool(_DATE_LINE.match(body, m.end()) or _DATELINE_START.match(body, m.end()))
    if not 2 <= len(words) <= 20 or lettered < 2 or (capitalised * 2 < len(words) * 1.2 and not page_goes_on):
        return None, body  # a headline in sentence case ("KPU NTT distribusikan logistik …") needs the page's
    return m.group(1).strip(), body[m.end():]  # date stamp or the story's dateline right under it


_DATELINE_START = re.compile(r"[A-Z][\w .'-]{1,40}?(?:,[ \t]*[\w.]+(?:[ \t]+[\w.]+){0,3}|[ \t]*\([A-Za-z.]+\))"
                             r"[ \t]+[-–—]+[ \t]")
"""A story's opening dateline: "Kupang (ANTARA) - ", "MEDAN, KOMPAS.com - ", "Jakarta, CNN Indonesia -- "."""


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
    return normalise_text(str(value)) or None


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
    if (m := _DAY_MONTH_YEAR.search(text)) and m[2].lower() in PUBLICATION_MONTHS:
        return datetime.date(int(m[3]), PUBLICATION_MONTHS[m[2].lower()], int(m[1]))
    if (m := _MONTH_DAY_YEAR.search(text)) and m[1].lower() in PUBLICATION_MONTHS:
        return datetime.date(int(m[3]), PUBLICATION_MONTHS[m[1].lower()], int(m[2]))
    raise ValueError(f"not a date: {value!r}")


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
    text = drop_furniture(_drop_headline(text, title))
    if not text:
        raise InputError("no article text found in the HTML page", path, ExitCode.EMPTY_INPUT)
    return Article(
        id=slug(path.stem),
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
    return normalise_text(value) or None if value else None


def _optional_date(value: str | None) -> datetime.date | None:
    """A date trafilatura found; one it got wrong is dropped rather than failing the page."""
    try:
        return parse_date(value) if value else None
    except ValueError:
        return None


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
    text = drop_furniture(normalise_text(raw)) if isinstance(raw, str) else ""
    if not text:
        problem = "missing" if raw is None else "empty" if isinstance(raw, str) else "not a string"
        raise InputError(f"required field 'text' is {problem}", where, ExitCode.BAD_RECORD)
    fields = _metadata(record, where, origin="record")
    return Article(
        id=f"{slug(path.stem)}-{number}",
        text=text,
        path=path,
        line=number,
        **fields,
    )


def _json_type(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
