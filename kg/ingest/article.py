"""The article model: one news article, its cleaned text and the metadata its file carried."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path


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
    key: str = ""
    """Identity, independent of the file name: from the canonical URL when the article has one,
    else from its content (`article_key`). Names the article's IRI; `id` is only its label."""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self))
        if not self.key:
            object.__setattr__(self, "key", article_key(self))


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




KEY_CHARS = 16
"""Hex digits of an article key: 64 bits, no collision among any plausible corpus."""


def article_key(article: Article) -> str:
    """The same web page is one article wherever its file is; without a URL, the same content is.

    So renaming or moving a file keeps its article, and two files that happen to share a name
    (``a/berita.txt``, ``b/berita.txt``) stay two articles.
    """
    if article.source:
        blob = "url\0" + canonical_url(article.source)
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:KEY_CHARS]
    return article.sha256[:KEY_CHARS]


def canonical_url(url: str) -> str:
    """Spellings of one URL that name the same page: scheme and host in lower case, no fragment."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an unbalanced "[" in the host: not a URL, but still an identity
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))
