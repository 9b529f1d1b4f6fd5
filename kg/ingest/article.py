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


