"""Bytes to text: refuse binary and oversized files, decode any common encoding, normalise.

A BOM first, then strict UTF-8, then an HTML meta charset, then (for Western legacy files only)
charset-normalizer's guess; every failure is an `InputError` naming the file and the byte.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

from kg.errors import ExitCode, InputError

MAX_BYTES = 20 * 1024 * 1024
"""Largest accepted file (20 MiB): far above any news article or a JSONL batch of a few thousand,
small enough to decode in memory. Bigger files are refused (TOO_LARGE), not truncated."""

HEAD_BYTES = 64 * 1024
"""How much of a file is read to sniff binary content before its size is even considered."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
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


def decode(data: bytes, path: Path) -> str:
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


