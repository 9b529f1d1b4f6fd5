"""Web-page furniture that comes along when news is copied from a browser: dropped before parsing.

Indonesian news sites put lines between an article's paragraphs that are not the article: links to
other stories ("Baca juga: …", CNN Indonesia's "Lihat Juga :", "Berita terkait"), embed and
advertisement markers ("[Gambas:Video CNN]", "ADVERTISEMENT", detik's "SCROLL TO CONTINUE WITH
CONTENT", "Simak Video …"), the page's credits ("Pewarta: A", "Editor: B", "COPYRIGHT © ANTARA 2024")
and the outlet's promotions ("Dapatkan update berita pilihan … Telegram", "Ikuti berita … di Google
News"). A linked headline parses as a sentence of this article: its candidates, dates and verbs would
become facts the article never stated; a credit line runs into the next ("Budi Santoso Editor").
Only whole lines are dropped, so a sentence that happens to contain "baca juga" stays; and a photo's
credit in brackets ("(ANTARA FOTO/Budi Santoso)"), whose photographer is no one the story names.
"""

from __future__ import annotations

import re

_LEAD = r"^[ \t]*[-–—*•>\[(]*[ \t]*"
"""Bullets, dashes, quote marks and brackets a site or a copy may put before the marker."""

_FURNITURE = re.compile(
    _LEAD
    + r"(?:"
    r"(?:baca|lihat|simak|cek)\s+(?:juga|pula)\s*(?::[^\n]*)?"  # links to other stories: "Baca juga: …"
    r"|(?:berita|artikel|video)\s+terkait\s*:[^\n]*"
    r"|gambas\s*:[^\n]*"  # CNN Indonesia's embed marker
    r"|advertisement|scroll\s+to\s+continue\s+with\s+content|iklan"  # ad slots
    r"|simak\s+(?:video|selengkapnya|berita)\b[^\n]*"  # detik's video teaser
    r"|(?:pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|kontributor)\s*:\s*[^\n:]{0,60}"  # credits
    r"|copyright\b[^\n]{0,80}|(?:hak\s+cipta\s*)?©[^\n]{0,80}"
    r"|(?:dapatkan|ikuti|gabung|bergabung)\b[^\n]*"
    r"\b(?:google\s+news|telegram|(?:whatsapp|wa)\s+channel|channel\s+(?:whatsapp|wa))\b[^\n]*"
    r")[ \t\])]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A photo's credit in brackets, inside a caption or a paragraph: "(ANTARA FOTO/Budi Santoso)", "(Foto: Dok. KPU)";
# not the agency of a dateline, "Kupang (ANTARA) -"
_PHOTO_CREDIT = re.compile(r"[ \t]*\((?:ANTARA[ \t]+FOTO|ANTARA|Antara|Foto|FOTO|Dok\.?|Dokumentasi)[ \t]*[/:]"
                           r"[^()\n]{1,60}\)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def drop_furniture(text: str) -> str:
    """The text without lines of web-page furniture and photo credits; paragraphs stay apart, at most one blank
    line."""
    kept = _PHOTO_CREDIT.sub("", _FURNITURE.sub("", text))
    return _BLANK_RUNS.sub("\n\n", kept).strip() if kept != text else text
