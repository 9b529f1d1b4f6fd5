"""kg's training code turns CoNLL-U into Stanza models that load and run, without ../shared.

A 38-sentence hand-written treebank (tests/fixtures/train) and a few steps per processor
are enough to exercise the whole path: data preparation, Stanza's trainers with kg's
arguments, float16 compaction and loading the results as a pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.nlp.training import (
    TrainConfig,
    compact,
    nerp_as_nergrit,
    normalise_ud_block,
    train_depparse,
    train_lemma,
    train_mwt,
    train_pos,
    train_tokenizer,
)

FIXTURE = Path(__file__).parent / "fixtures" / "train"
UD_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
STEPS = {"tokenize": 10, "mwt": 2, "pos": 10, "lemma": 2, "depparse": 10, "ner": 10}
TRAINERS = (train_tokenizer, train_mwt, train_pos, train_lemma, train_depparse)


def _gold_upos() -> set[str]:
    lines = (FIXTURE / "train.conllu").read_text(encoding="utf-8").splitlines()
    return {ln.split("\t")[3] for ln in lines if ln[:1].isdigit() and "-" not in ln.split("\t")[0]}


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every UD processor trained for a few steps on the fixture and compacted, as train() does.

    One torch thread: the models are tiny, and the machine's cores may be busy training.
    """
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    root = tmp_path_factory.mktemp("training")
    cfg = TrainConfig(data_dir=FIXTURE, out_dir=root / "models", work_dir=root / "work",
                      steps=dict(STEPS))
    cfg.out_dir.mkdir()
    cfg.work_dir.mkdir()
    (cfg.out_dir / "resources.json").write_text("{}\n")
    try:
        for trainer in TRAINERS:
            trainer(cfg, FIXTURE / "train.conllu", FIXTURE / "dev.conllu")
        for name in UD_PROCESSORS:
            compact(cfg.out_dir / f"{name}.pt")
        yield cfg.out_dir
    finally:
        torch.set_num_threads(threads)


def test_every_processor_saves_a_float16_model(models: Path) -> None:
    import torch

    for name in UD_PROCESSORS:
        data = torch.load(models / f"{name}.pt", map_location="cpu", weights_only=False)
        state = data["model"] if "model" in data else data
        dtypes = {v.dtype for v in state.values() if isinstance(v, torch.Tensor)}
        assert torch.float16 in dtypes and torch.float32 not in dtypes, name


def test_trained_models_run_as_a_pipeline(models: Path) -> None:
    import stanza

    nlp = stanza.Pipeline(
        lang="id", dir=str(models), processors=",".join(UD_PROCESSORS), download_method=None,
        allow_unknown_language=True, use_gpu=False, logging_level="ERROR",
        **{f"{name}_model_path": str(models / f"{name}.pt") for name in UD_PROCESSORS})
    doc = nlp("Rumahnya berada di Bandung. Presiden bertemu dengan gubernur di Jakarta.")
    words = [w for s in doc.sentences for w in s.words]
    assert words and "".join(t.text for s in doc.sentences for t in s.tokens).startswith("Rumah")
    upos = _gold_upos()
    for sentence in doc.sentences:
        for word in sentence.words:
            assert word.upos in upos
            assert word.lemma
            assert 0 <= word.head <= len(sentence.words)
            assert word.deprel


def test_parser_learns_from_predicted_tags(models: Path) -> None:
    """The parser's training file is the treebank with our tagger's tags, heads untouched."""
    tagged = models.parent / "work" / "depparse" / "train.tagged.conllu"
    gold_rows = [ln.split("\t") for ln in (FIXTURE / "train.conllu").read_text(encoding="utf-8").splitlines()
                 if ln[:1].isdigit() and "-" not in ln.split("\t")[0]]
    pred_rows = [ln.split("\t") for ln in tagged.read_text(encoding="utf-8").splitlines()
                 if ln[:1].isdigit() and "-" not in ln.split("\t")[0]]
    assert [(g[1], g[6], g[7]) for g in gold_rows] == [(p[1], p[6], p[7]) for p in pred_rows]


def test_normalise_follows_csui_lemma_conventions() -> None:
    gsd = ["# sent_id = 1", "1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_",
           "1\tRumah\trumah\tNOUN\tNSD\t_\t0\troot\t_\t_",
           "2\tnya\tdia\tPRON\tPS3\t_\t1\tnmod:poss\t_\t_",
           "3\tdifoto\tfoto\tVERB\tVSP\t_\t1\tacl\t_\t_"]
    out = [ln.split("\t") for ln in normalise_ud_block(gsd)[2:]]
    assert [cols[2] for cols in out] == ["Rumah", "nya", "foto"]
    assert {cols[4] for cols in out} == {"_"}


def test_ner_prosa_gets_nergrit_labels_and_news_casing() -> None:
    sents = [(["kepala", "dinas", "kota", "manado", "amos", "kenda", ".", "pilkada", "digelar", "kpu"],
              ["O", "O", "O", "B-PLC", "B-PPL", "I-PPL", "O", "B-EVT", "O", "B-IND"])]
    [(tokens, tags)] = nerp_as_nergrit(sents)
    assert tokens == ["Kepala", "dinas", "kota", "Manado", "Amos", "Kenda", ".", "Pilkada", "digelar", "Kpu"]
    assert tags == ["O", "O", "O", "B-PLACE", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORGANISATION"]
