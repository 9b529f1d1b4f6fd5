"""How the Indonesian treebanks label one construction, and what the parser does with it.

A noun right after the noun it modifies, with no preposition ("kantor pos", "komisi
pemilihan") is `compound` in GSD and `nmod` in CSUI and PUD. kg's parser learns from CSUI
train + GSD dev + PUD, so it must pick one label for one construction that its two test
sets label differently: every such word is an error on one test set or on the other. This
script prints the gold labels per treebank, the share of each test set's words at stake,
and (with --models) what the parser predicts there on gold tokens.

    python bench/ud_conventions.py --data ../shared/data --models bundled
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nlp.conllu import read_conllu_blocks, word_rows  # noqa: E402

TREEBANKS = {
    "GSD test": "ud/id_gsd-ud-test.conllu",
    "GSD dev (trained on)": "ud/id_gsd-ud-dev.conllu",
    "CSUI train (trained on)": "ud/id_csui-ud-train.conllu",
    "CSUI test": "ud/id_csui-ud-test.conllu",
    "PUD (trained on)": "ud/id_pud-ud-test.conllu",
}
TEST_SETS = ("GSD test", "CSUI test")


def noun_noun(rows: list[list[str]], heads: list[str]) -> list[int]:
    """Indexes of nouns attached to the noun just before them, with no `case` child."""
    with_case = {r[6] for r in rows if r[7] == "case"}
    out = []
    for i, row in enumerate(rows):
        head = int(heads[i])
        if (head and int(row[0]) == head + 1 and row[3] == "NOUN" and rows[head - 1][3] == "NOUN"
                and row[0] not in with_case):
            out.append(i)
    return out


def gold_labels(path: Path) -> tuple[Counter, int]:
    """Gold labels of the construction, and the number of words in the treebank."""
    labels, total = Counter(), 0
    for block in read_conllu_blocks(path):
        rows = word_rows(block)
        total += len(rows)
        labels.update(rows[i][7] for i in noun_noun(rows, [r[6] for r in rows]))
    return labels, total


def predicted_labels(models: str, path: Path) -> Counter:
    """(gold, predicted) labels of the construction, parsed from gold tokens."""
    from kg.nlp.pipeline import load_pipeline

    sentences = [word_rows(b) for b in read_conllu_blocks(path)]
    nlp = load_pipeline(models, processors="tokenize,pos,lemma,depparse", tokenize_pretokenized=True)
    doc = nlp([[r[1] for r in rows] for rows in sentences])
    pairs = Counter()
    for rows, sent in zip(sentences, doc.sentences, strict=True):
        for i in noun_noun(rows, [r[6] for r in rows]):
            word = sent.words[i]
            pairs[(rows[i][7], word.deprel if str(word.head) == rows[i][6] else "(other head)")] += 1
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--models", help="also parse the test sets with this model set ('bundled' or a folder)")
    args = ap.parse_args()

    print("Noun after the noun it modifies, no preposition: gold labels")
    print(f"{'treebank':<26}{'words':>7}{'cases':>7}  labels")
    for name, rel in TREEBANKS.items():
        labels, total = gold_labels(args.data / rel)
        cases = sum(labels.values())
        top = ", ".join(f"{k} {v}" for k, v in labels.most_common(3))
        stake = f"  ({100 * cases / total:.1f} % of its words)" if name in TEST_SETS else ""
        print(f"{name:<26}{total:>7}{cases:>7}  {top}{stake}")
    if args.models:
        import torch

        torch.set_num_threads(1)
        for name in TEST_SETS:
            pairs = predicted_labels(args.models, args.data / TREEBANKS[name])
            top = ", ".join(f"{g} -> {p} {n}" for (g, p), n in pairs.most_common(4))
            print(f"parsed {name:<19} {top}")


if __name__ == "__main__":
    main()
