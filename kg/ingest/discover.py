"""Finding and reading article files: paths and folders -> `Article`s, bad files reported.

Everything a user can get wrong about an input file ends as a one-line `InputError` with its own
exit code, so the CLI can say which file is wrong and why instead of printing a traceback.
Directories are searched recursively for `ARTICLE_EXTENSIONS`, sorted by path, skipping hidden
files and directories (`.json` is not collected: too often configuration or metadata). Files
larger than `MAX_BYTES` (20 MiB) are refused after reading only their head.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import ExitCode, InputError
from kg.ingest.article import Article
from kg.ingest.decode import MAX_BYTES, decode, normalise_text, read_bytes
from kg.ingest.formats import articles_in
from kg.ingest.language import language_problem
from kg.names import unique

ARTICLE_EXTENSIONS = (".htm", ".html", ".jsonl", ".md", ".text", ".txt")
"""Extensions collected from directories. Files named explicitly are read whatever their name."""

MAX_WORDS = 50_000
"""Most words one article may have (`--max-words`): ten times a long feature article. The parse
costs about 1 ms and several kB of memory a word, so a 19 MB "article" would take minutes and
gigabytes; longer texts are refused (TOO_LARGE), not truncated."""


def read_article(path: Path, *, force: bool = False, max_bytes: int = MAX_BYTES,
                 max_words: int = MAX_WORDS) -> list[Article]:
    """All articles of one file (several for JSON Lines); the first problem raises `InputError`.

    `force` skips the Indonesian-language check.
    """
    articles = []
    for item in _read_file(Path(path), force=force, max_bytes=max_bytes, max_words=max_words):
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
    skip: Iterable[Path] = (),
    max_words: int = MAX_WORDS,
) -> Iterator[Article]:
    """Articles of files and directories, in a stable order, with ids unique within the run.

    With `on_error`, each bad file or JSON Lines record is reported to it and reading goes on with
    the rest (the caller decides the exit code at the end); without it the first problem raises.
    A file reached twice (named and inside a named directory) is read once. Folders in `skip`
    (kg's own output folder) are not searched.
    """
    skipped = {os.path.realpath(p) for p in skip}
    seen_files: set[Path] = set()
    seen_ids: set[str] = set()
    for path in paths:
        unreadable: list[InputError] = []
        try:
            files = _expand(Path(path), unreadable, skipped)
        except InputError as err:
            _report(err, on_error)
            continue
        finally:
            for err in unreadable:
                _report(err, on_error)
        for file in files:
            key = Path(os.path.realpath(file))  # never raises, even in a symlink loop
            if key in seen_files:
                continue
            seen_files.add(key)
            try:
                for item in _read_file(file, force=force, max_bytes=max_bytes, max_words=max_words):
                    if isinstance(item, InputError):
                        item.file = file
                        _report(item, on_error)
                    else:
                        yield _with_unique_id(item, seen_ids)
            except InputError as err:
                err.file = file
                _report(err, on_error)


def _report(err: InputError, on_error: Callable[[InputError], None] | None) -> None:
    """Hand an error to the caller's callback, or raise it when there is none."""
    if on_error is None:
        raise err
    on_error(err)


def _with_unique_id(article: Article, seen: set[str]) -> Article:
    """Suffix "-2", "-3", ... when two files share a stem (a/x.txt, b/x.txt), so ids stay keys."""
    new_id = unique(article.id, seen)
    seen.add(new_id)
    return article if new_id == article.id else dataclasses.replace(article, id=new_id)


def _expand(path: Path, unreadable: list[InputError], skipped: set[str]) -> list[Path]:
    """A named file as itself, a directory as its article files; missing or empty is an error.

    Folders that cannot be listed go to ``unreadable``, so the rest still builds.
    """
    if path.is_dir():
        files = _collect(path, unreadable, skipped)
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


def _collect(root: Path, unreadable: list[InputError], skipped: set[str]) -> list[Path]:
    """Article files under `root`, recursively, sorted by path; hidden files and dirs skipped.

    Links to folders are not followed (no loops); a linked file is read, and a loop of linked
    files fails to read like any unreadable file.
    """
    def problem(err: OSError) -> None:
        reason = err.strerror or type(err).__name__
        unreadable.append(InputError(f"cannot read the folder: {reason}", Path(err.filename or root),
                                     ExitCode.NOT_FOUND))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=problem):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and os.path.realpath(os.path.join(dirpath, d)) not in skipped]
        found += [
            Path(dirpath, name)
            for name in filenames
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_EXTENSIONS
        ]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_file(path: Path, *, force: bool, max_bytes: int,
               max_words: int = MAX_WORDS) -> Iterator[Article | InputError]:
    """Articles of one file; file-level problems raise, per-record problems are yielded."""
    text = normalise_text(decode(read_bytes(path, max_bytes), path))
    if not text:
        raise InputError("file is empty or contains only whitespace", path, ExitCode.EMPTY_INPUT)
    records = articles_in(text, path)
    for item in records:
        if isinstance(item, Article):
            item = _check_length(item, max_words)
        if isinstance(item, Article) and not force:
            item = _check_indonesian(item)
        yield item


def _check_length(article: Article, max_words: int) -> Article | InputError:
    """Raise for a whole file, or return the error for a JSONL record, past ``max_words``."""
    words = len(article.text.split())
    if words <= max_words:
        return article
    err = InputError(f"article has {words:,} words; the limit is {max_words:,} (--max-words)",
                     _where(article.path, article.line), ExitCode.TOO_LARGE)
    if article.line is None:
        raise err
    return err


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
