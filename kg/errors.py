"""kg's user-facing errors: one line naming the file and the problem, one exit code each."""

from __future__ import annotations

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
    INTERRUPTED = 130


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


class ModelError(KgError):
    code = ExitCode.MODEL_MISSING


class QueryError(KgError):
    code = ExitCode.BAD_QUERY


class GraphError(KgError):
    code = ExitCode.BAD_GRAPH


class RemoteError(KgError):
    """A SPARQL server refused a request, or could not be reached after retries."""

    code = ExitCode.REMOTE
