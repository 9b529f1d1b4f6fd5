"""kg's user-facing errors: one line naming the file and the problem, one exit code each."""

from __future__ import annotations

import re
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Distinct exit codes so scripts can tell failures apart (documented in the README)."""

    OK = 0
    USAGE = 2
    NOT_FOUND = 3
    EMPTY_INPUT = 4
    BINARY_INPUT = 5
    BAD_ENCODING = 6
    NOT_INDONESIAN = 7
    TOO_LARGE = 8
    BAD_RECORD = 9
    BAD_QUERY = 10
    BAD_GRAPH = 11
    SHACL_VIOLATION = 12
    MODEL_MISSING = 13
    REMOTE = 14
    QUERY_STOPPED = 15
    STORE_BUSY = 20
    """Another kg build is writing the store."""
    IO_ERROR = 21
    """An output, cache or store path that cannot be written or read (not a folder, read-only,
    disk full)."""
    INTERRUPTED = 130


MEANINGS = {  # for `kg --help`; the README's table says more
    ExitCode.OK: "ok", ExitCode.USAGE: "usage", ExitCode.NOT_FOUND: "not found",
    ExitCode.EMPTY_INPUT: "empty input", ExitCode.BINARY_INPUT: "binary input",
    ExitCode.BAD_ENCODING: "bad encoding", ExitCode.NOT_INDONESIAN: "not Indonesian",
    ExitCode.TOO_LARGE: "too large", ExitCode.BAD_RECORD: "bad record", ExitCode.BAD_QUERY: "bad query",
    ExitCode.BAD_GRAPH: "bad graph", ExitCode.SHACL_VIOLATION: "SHACL violations (--strict)",
    ExitCode.MODEL_MISSING: "model missing", ExitCode.REMOTE: "SPARQL server refused or unreachable",
    ExitCode.QUERY_STOPPED: "query stopped (time or memory limit)",
    ExitCode.STORE_BUSY: "store written by another build", ExitCode.IO_ERROR: "cannot write or read a path",
    ExitCode.INTERRUPTED: "interrupted",
}


class KgError(Exception):
    """An error the user can act on; the CLI prints it as one line, without a traceback."""

    code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, path: Path | str | None = None, code: ExitCode | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        if code is not None:
            self.code = code

    def __reduce__(self) -> tuple:  # crosses process boundaries (query workers) intact
        return type(self), (self.message, self.path, self.code)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message


class InputError(KgError):
    """An article file (or one record in it) that kg cannot read."""

    file: Path | None = None
    """The existing file it came from (set while reading folders), so a store keeps its articles."""


class ModelError(KgError):
    code = ExitCode.MODEL_MISSING


class QueryError(KgError):
    code = ExitCode.BAD_QUERY


class GraphError(KgError):
    code = ExitCode.BAD_GRAPH


class RemoteError(KgError):
    """A SPARQL server refused a request, or could not be reached after retries."""

    code = ExitCode.REMOTE


class OutputError(KgError):
    """A file kg writes (exports, cache, store) that cannot be written."""

    code = ExitCode.IO_ERROR


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, BEL, C1 ...) shown as escapes,
    so a title or file name from the news can never retitle, recolour or clear the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
