"""CoNLL-U as plain blocks of lines: the format of treebanks, fixtures and the parse cache."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def split_conllu_blocks(text: str) -> list[list[str]]:
    """Sentences of a CoNLL-U text, each a list of its (comment and token) lines."""
    blocks, block = [], []
    for line in text.splitlines():
        if line.strip():
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    return blocks


def read_conllu_blocks(path: Path) -> list[list[str]]:
    return split_conllu_blocks(Path(path).read_text(encoding="utf-8"))


def write_conllu_blocks(path: Path, blocks: Iterable[list[str]]) -> None:
    Path(path).write_text("".join("\n".join(b) + "\n\n" for b in blocks), encoding="utf-8")


def word_rows(block: list[str]) -> list[list[str]]:
    """The columns of a block's syntactic words: no comments, multiword ranges ("3-4") or empty nodes ("5.1")."""
    rows = [ln.split("\t") for ln in block if ln[:1].isdigit() and "\t" in ln]
    return [r for r in rows if "-" not in r[0] and "." not in r[0]]
