"""The clitic lexicon learned from a treebank, and the tokenizer postprocessor it drives."""

from __future__ import annotations

from kg.nlp.clitics import CliticLexicon, learn_clitics
from kg.nlp.conllu import split_conllu_blocks

TREEBANK = """\
# text = Rumahnya besar, lainnya kecil.
1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_
1\tRumah\trumah\tNOUN\t_\t_\t3\tnsubj\t_\t_
2\tnya\tnya\tPRON\t_\t_\t1\tnmod\t_\t_
3\tbesar\tbesar\tADJ\t_\t_\t0\troot\t_\t_
4\t,\t,\tPUNCT\t_\t_\t6\tpunct\t_\t_
5\tlainnya\tlainnya\tPRON\t_\t_\t6\tnsubj\t_\t_
6\tkecil\tkecil\tADJ\t_\t_\t3\tconj\t_\t_
7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# text = Polisi menangkap dia dan adalah menangkap.
1\tPolisi\tpolisi\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmenangkap\tmenangkap\tVERB\t_\t_\t0\troot\t_\t_
3\tdia\tdia\tPRON\t_\t_\t2\tobj\t_\t_
4\tdan\tdan\tCCONJ\t_\t_\t6\tcc\t_\t_
5\tadalah\tadalah\tAUX\t_\t_\t6\tcop\t_\t_
6\tmenangkap\tmenangkap\tVERB\t_\t_\t2\tconj\t_\t_
7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


def lexicon() -> CliticLexicon:
    return learn_clitics(split_conllu_blocks(TREEBANK))


def test_learns_split_and_whole_forms() -> None:
    lex = lexicon()
    assert "rumahnya" in lex.split
    assert {"lainnya", "adalah"} <= lex.whole
    assert "menangkap" in lex.words  # seen twice on its own


def test_expands_seen_and_unseen_forms_by_the_treebank() -> None:
    lex = lexicon()
    assert lex.expand("RUMAHNYA") == ["RUMAH", "NYA"]  # case kept, the lexicon is lower-cased
    assert lex.expand("menangkapnya") == ["menangkap", "nya"]  # unseen, but its stem is a word
    assert lex.expand("lainnya") is None  # the treebank keeps it whole
    assert lex.expand("kebunnya") is None  # unseen and "kebun" unknown: no evidence
    assert lex.expand("kebunnya", flagged=True) == ["kebun", "nya"]  # the tokenizer flagged it
    assert lex.expand("nya") is None and lex.expand("anya") is None  # no stem left


def test_postprocessor_gives_every_token_an_expansion_or_none() -> None:
    lex = lexicon()
    sentences = [["Polisi", "menangkapnya", ("lainnya", True), ("naskhah-naskhah", True), "."]]
    assert lex(sentences) == [["Polisi", ("menangkapnya", ["menangkap", "nya"]), "lainnya",
                               "naskhah-naskhah", "."]]


def test_json_round_trip() -> None:
    lex = lexicon()
    assert CliticLexicon.from_json(lex.to_json()) == lex
