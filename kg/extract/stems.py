"""Indonesian verb stems without a lemmatizer: the stems a verb form can have under its regular
affixes, to look the form up in a lexicon of stems.

A verb is a stem with di-, ter-, ber-, per- or meN- before it and -kan or -i after it. meN-
takes the nasal of the stem's first sound: mem- before b/p (the p drops: "memantau" = pantau),
men- before d/c/j/t (the t drops: "menerima" = terima), meng- before g/h/k and vowels (the k
drops: "mengabulkan" = kabul), meny- for a dropped s ("menyebut" = sebut), me- before l, m, n,
r, w, y ("melantik", "menyatakan" = nyata). A build's parse has no lemmas (`kg build --trees`
adds them), so the rules that read verb lemmas look these candidates up instead; a lexicon of
stems keeps a wrong candidate from mattering unless it is itself an entry.
"""

from __future__ import annotations

VOWELS = tuple("aeiou")
# prefix -> (first letters of the rest it goes before, letter the nasal replaced or "")
NASAL = {
    "meng": [(VOWELS, "k"), (VOWELS + tuple("ghk"), "")],
    "meny": [(VOWELS, "s")],
    "mem": [(VOWELS, "p"), (tuple("bpfv"), "")],
    "men": [(VOWELS, "t"), (tuple("dcjtz") + ("sy",), "")],
    "me": [(tuple("lmnrwy"), "")],
}
PLAIN = ("memper", "diper", "di", "ter", "ber", "be", "per")
SUFFIXES = ("kan", "i")
MIN_STEM = 3


def _unprefixed(form: str) -> list[str]:
    found = []
    for prefix, rules in NASAL.items():
        if form.startswith(prefix):
            rest = form[len(prefix):]
            found += [restored + rest for starts, restored in rules if rest.startswith(starts)]
    found += [form[len(p):] for p in PLAIN if form.startswith(p)]
    return found


def stem_candidates(form: str) -> list[str]:
    """``form`` (lower-cased) and the stems its affixes may leave, the form itself first."""
    form = form.lower()
    bases = [form] + [form[: -len(s)] for s in SUFFIXES if form.endswith(s)]
    found = bases + [stem for base in bases for stem in _unprefixed(base)]
    return list(dict.fromkeys(f for f in found if len(f) >= MIN_STEM))
