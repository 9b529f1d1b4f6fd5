"""Which language an article is in: a light, offline check on common function words."""

from __future__ import annotations

import re

MIN_LANGUAGE_WORDS = 20
"""Below this many words the function-word share is too noisy; short texts are then only refused
when they contain more foreign than Indonesian function words."""

MIN_INDONESIAN_SHARE = 0.06
"""Share of Indonesian function words among all words that a longer text needs. News prose
scores 0.2-0.35; English, German, Italian or Spanish prose 0-0.03."""

MIN_INDONESIAN_SHARE_UNCONTESTED = 0.02
"""The lower share accepted when a text has no foreign function words at all: tables of results
("Hartono-Rizal 2.183.239 suara, ...") are mostly names and numbers."""

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
