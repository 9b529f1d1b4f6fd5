"""`kg eval`: build articles, score their summaries against gold (FORMAT.md), show what to fix.

The matching rules are FORMAT.md's: names match after lower-casing and dropping
punctuation against name or aliases; roles by half their words; events by type plus
a similar label or the same date; quotes by speaker and first four words; numbers by
value in Indonesian notation. Matching is greedy and one-to-one, gold in file order,
so the figures equal those of the reference scorer.

Event participants, which the reference scorer does not score, are scored apart from the
overall figure: within each matched pair of events, a participant matches by name or any
alias its article gives that person or organization.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.numbers import WORD_NUMBERS

CATEGORIES = ("persons", "roles", "organizations", "places", "events", "event_dates", "quotes", "numbers",
              "candidacies", "results")
OPTIONAL = ("candidacies", "results")  # scored only for gold files that have the key
EXTRA = ("participants",)  # scored here only, not part of "overall"
SCORER_WORDS = {"satu": 1, "sebelas": 11, **{k: v for k, v in WORD_NUMBERS.items()
                                            if k not in ("puluhan", "ratusan", "ribuan", "jutaan")}}


def norm(text: object) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain.lower()).split())


def _words(text: object) -> set[str]:
    return set(norm(text).split())


def _names(item: dict) -> set[str]:
    names = {norm(item.get("name") or item.get("label"))} | {norm(a) for a in item.get("aliases") or []}
    return names - {""}


def same_entity(pred: dict, gold: dict) -> bool:
    return bool(_names(pred) & _names(gold))


def similar(a: object, b: object) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa or len(wa & wb) / len(wa | wb) >= 0.5


def number_key(value: object) -> str:
    """'1.205' -> '1205', '3,5' -> '3.5', 'tiga' -> '3', '50,07 persen' -> '50.07'."""
    raw = str(value)
    text = raw.strip() if re.search(r"\d", raw) else norm(raw)
    if text in SCORER_WORDS:
        return str(SCORER_WORDS[text])
    digits = re.search(r"\d[\d.,]*", text)
    if not digits:
        return text
    number = digits.group(0).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", number):
        number = number.replace(".", "")
    return number.replace(",", ".")


def ballot(value: object) -> str:
    """Ballot numbers: '01' = '1' = 'satu'."""
    v = number_key(value or "")
    return v.lstrip("0") or v


def _same_candidacy(p: dict, g: dict) -> bool:
    return (same_entity({"name": p.get("person")}, {"name": g.get("person")})
            and norm(p.get("office")) == norm(g.get("office"))
            and (not g.get("ballot_number") or ballot(p.get("ballot_number")) == ballot(g.get("ballot_number"))))


def _same_result(p: dict, g: dict) -> bool:
    if not (norm(p.get("candidate")) == norm(g.get("candidate")) or similar(p.get("candidate"), g.get("candidate"))):
        return False
    return any(g.get(k) and p.get(k) and number_key(p[k]) == number_key(g[k]) for k in ("votes", "percent", "seats"))


@dataclass
class Category:
    matched: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)  # gold items not found
    false_hits: list[str] = field(default_factory=list)  # predictions that match no gold
    pairs: list[tuple] = field(default_factory=list)  # (prediction, gold) matched

    def add(self, other: Category) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)
        r = self.matched / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(preds: list, golds: list, same: Callable, show: Callable[[object], str]) -> Category:
    used: set[int] = set()
    cat = Category(predicted=len(preds), gold=len(golds))
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and same(p, g)), None)
        if hit is None:
            cat.misses.append(show(g))
        else:
            used.add(hit)
            cat.matched += 1
            cat.pairs.append((preds[hit], g))
    cat.false_hits = [show(p) for i, p in enumerate(preds) if i not in used]
    return cat


def _same_event(p: dict, g: dict) -> bool:
    return p.get("type") == g.get("type") and (similar(p.get("label"), g.get("label"))
                                               or bool(g.get("date") and p.get("date") == g.get("date")))


def _quote_matcher(gold: dict) -> Callable[[dict, dict], bool]:
    """Quotes match on the first four words and the speaker in any form the gold gives that person."""
    forms: dict[str, set[str]] = {}
    for person in gold.get("persons") or []:
        for n in _names(person):
            forms.setdefault(n, set()).update(_names(person))

    def same(p: dict, g: dict) -> bool:
        head = norm(g.get("first_words")).split()[:4]
        text = norm(p.get("first_words") or p.get("text")).split()
        speakers = forms.get(norm(g.get("speaker")), set()) | _names({"name": g.get("speaker")})
        return bool(head) and text[:len(head)] == head and (
            norm(p.get("speaker")) in speakers or similar(p.get("speaker"), g.get("speaker")))
    return same


def score_article(gold: dict, pred: dict) -> dict[str, Category]:
    out = {}
    for cat in ("persons", "organizations", "places"):
        out[cat] = _match(pred.get(cat) or [], gold.get(cat) or [], same_entity, lambda x: x.get("name"))

    def roles(doc: dict) -> list[tuple[dict, str]]:
        return [(p, r) for p in doc.get("persons") or [] for r in p.get("roles") or []]
    out["roles"] = _match(roles(pred), roles(gold),
                          lambda p, g: same_entity(p[0], g[0]) and similar(p[1], g[1]),
                          lambda x: f"{x[0].get('name')}: {x[1]}")
    ge, pe = gold.get("events") or [], pred.get("events") or []

    def show_event(e: dict) -> str:
        return f"{e.get('type')} {e.get('label')!r} {e.get('date')}"
    out["events"] = _match(pe, ge, _same_event, show_event)
    out["event_dates"] = _match([e for e in pe if e.get("date")], [e for e in ge if e.get("date")],
                                lambda p, g: _same_event(p, g) and p.get("date") == g.get("date"), show_event)
    out["participants"] = _participants(pred, gold, out["events"].pairs)
    out["quotes"] = _match(pred.get("quotes") or [], gold.get("quotes") or [], _quote_matcher(gold),
                           lambda q: f"{q.get('speaker')}: {q.get('first_words')}")
    out["numbers"] = _match(pred.get("numbers") or [], gold.get("numbers") or [],
                            lambda p, g: number_key(p.get("value")) == number_key(g.get("value")),
                            lambda n: f"{n.get('value')} ({n.get('what')})")
    out["candidacies"] = _match(pred.get("candidacies") or [], gold.get("candidacies") or [], _same_candidacy,
                                lambda c: f"{c.get('person')}: {c.get('office')} no. {c.get('ballot_number')}")
    out["results"] = _match(pred.get("results") or [], gold.get("results") or [], _same_result,
                            lambda r: f"{r.get('candidate')}: {r.get('votes')} suara, {r.get('percent')} persen")
    for cat in OPTIONAL:
        if cat not in gold:
            out[cat] = Category()
    return out


def _participants(pred: dict, gold: dict, events: list[tuple[dict, dict]]) -> Category:
    """Participants of the matched events; a name stands for its article's entity (and aliases)."""
    def entity(doc: dict, name: str) -> dict:
        named = {"name": name}
        found = (e for cat in ("persons", "organizations") for e in doc.get(cat) or [] if same_entity(e, named))
        return next(found, named)

    total = Category()
    for p, g in events:
        label = g.get("label")
        cat = _match([entity(pred, n) for n in p.get("participants") or []],
                     [entity(gold, n) for n in g.get("participants") or []],
                     same_entity, lambda x, label=label: f"{label}: {x.get('name')}")
        total.add(cat)
        total.misses += cat.misses
        total.false_hits += cat.false_hits
    return total


@dataclass
class Report:
    articles: dict[str, dict[str, Category]]
    missing: list[str]

    def totals(self) -> dict[str, Category]:
        total = {c: Category() for c in CATEGORIES + EXTRA}
        for cats in self.articles.values():
            for c in CATEGORIES + EXTRA:
                total[c].add(cats[c])
        overall = Category()
        for c in CATEGORIES:
            overall.add(total[c])
        return {c: total[c] for c in CATEGORIES} | {"overall": overall} | {c: total[c] for c in EXTRA}


def score_dirs(gold_dir: Path, pred_dir: Path) -> Report:
    articles, missing = {}, []
    for gold_file in sorted(gold_dir.glob("*.json")):
        pred_file = pred_dir / gold_file.name
        if not pred_file.exists():
            missing.append(gold_file.name)
        pred = json.loads(pred_file.read_text(encoding="utf-8")) if pred_file.exists() else {}
        articles[gold_file.stem] = score_article(json.loads(gold_file.read_text(encoding="utf-8")), pred)
    return Report(articles, missing)


def evaluate_dir(gold_dir: Path, articles_dir: Path, models: str = "bundled",
                 pred_dir: Path | None = None) -> Report:
    """Build every article that has a gold file, write predictions, and score them."""
    import tempfile

    from kg.builder import DEFAULT_CACHE, build_articles
    from kg.graph.export import write_json
    from kg.graph.summary import summarize
    from kg.ingest import iter_articles

    wanted = {p.stem for p in gold_dir.glob("*.json")}
    paths = sorted(p for p in articles_dir.iterdir() if p.stem in wanted)
    dataset, result = build_articles(list(iter_articles(paths)), models=models, cache_dir=DEFAULT_CACHE)
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as scratch:  # predictions not asked for are not kept
        out = pred_dir or Path(scratch)
        for built in result.built:
            write_json(out / f"{built.article.path.stem}.json", summarize(dataset.graph(built.graph)))
        return score_dirs(gold_dir, out)


def format_report(report: Report, details: bool = True) -> str:
    lines = [f"missing prediction: {name}" for name in report.missing]
    if details:
        for name, cats in report.articles.items():
            lines.append(f"== {name}")
            for c in CATEGORIES + EXTRA:
                for miss in cats[c].misses:
                    lines.append(f"  miss  {c:<12} {miss}")
                for extra in cats[c].false_hits:
                    lines.append(f"  extra {c:<12} {extra}")
    lines.append(f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'pred':>7}{'gold':>7}")
    for name, cat in report.totals().items():
        p, r, f = cat.prf()
        lines.append(f"{name:<14}{p:7.3f}{r:7.3f}{f:7.3f}{cat.matched:7d}{cat.predicted:7d}{cat.gold:7d}")
    return "\n".join(lines) + "\n"
