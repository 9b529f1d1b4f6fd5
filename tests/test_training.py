"""kg's training code turns CoNLL-U into Stanza models that load and run, without ../shared.

A 38-sentence hand-written treebank (tests/fixtures/train) and a few steps per processor
are enough to exercise the whole path: data preparation, Stanza's trainers with kg's
arguments, float16 compaction and loading the results as a pipeline.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.nlp import pipeline
from kg.nlp.evaluation import evaluate_ner
from kg.nlp.pipeline import CHARLM_FILES
from kg.nlp.training import (
    TrainConfig,
    _text_field,
    compact,
    nerp_as_nergrit,
    normalise_ud_block,
    raw_text_lines,
    read_ner,
    train_charlm,
    train_depparse,
    train_lemma,
    train_mwt,
    train_ner,
    train_pos,
    train_tokenizer,
)

FIXTURE = Path(__file__).parent / "fixtures" / "train"
UD_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
STEPS = {"charlm": 1, "tokenize": 10, "mwt": 2, "pos": 10, "lemma": 2, "depparse": 10, "ner": 10}
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


def test_idner_gets_kg_labels_and_its_own_dev_split() -> None:
    [first, *_] = read_ner(FIXTURE, "idner2k", "train")
    assert first == (["Gubernur", "Budi", "Santoso", "mengunjungi", "Surabaya", "."],
                     ["O", "B-PERSON", "I-PERSON", "O", "B-PLACE", "O"])
    dev_tags = {t for _, tags in read_ner(FIXTURE, "idner2k", "dev") for t in tags}
    assert dev_tags == {"O", "B-ORGANISATION", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON"}
    with pytest.raises(ValueError, match="unknown NER corpus"):
        read_ner(FIXTURE, "conll03", "train")


def test_character_lm_text_is_running_text_without_labels(tmp_path: Path) -> None:
    text = tmp_path / "text"
    text.mkdir()
    (text / "qa.csv").write_text(
        'question,passage,seq_label\n"[\'Siapa\', \'yang\', \'menang\', \'?\']",'
        '"[\'Calon\', \'nomor\', \'dua\', \'menang\', \'.\']","[\'O\', \'B\', \'I\', \'O\', \'O\']"\n',
        encoding="utf-8")
    (text / "reviews.tsv").write_text("tempat nya nyaman sekali\tpositive\n", encoding="utf-8")
    cfg = TrainConfig(data_dir=tmp_path, out_dir=tmp_path / "m", work_dir=tmp_path / "w")
    lines = list(raw_text_lines(cfg, FIXTURE / "train.conllu"))
    assert "Siapa yang menang ?" in lines and "Calon nomor dua menang ." in lines
    assert "tempat nya nyaman sekali" in lines
    assert not any(ln in ("positive", "O B I O O", "question") for ln in lines)
    first_text = next(ln for ln in (FIXTURE / "train.conllu").read_text(encoding="utf-8").splitlines()
                      if ln.startswith("# text"))
    assert first_text.split("=", 1)[1].strip() in lines
    assert _text_field("neut") == "" and _text_field("['O', 'B']") == ""


@pytest.fixture(scope="module")
def ner_models(models: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Character LMs (one epoch) and an NER tagger using them and vectors, trained on the fixtures
    (NERGrit and IDNer layouts), in a folder kg can load (the fixture tokenizer beside them)."""
    import torch
    from stanza.models.common.pretrain import Pretrain

    torch.set_num_threads(1)
    root = tmp_path_factory.mktemp("ner")
    cfg = TrainConfig(data_dir=FIXTURE, out_dir=root / "models", work_dir=root / "work",
                      steps=dict(STEPS), ner_corpora=("nergrit", "idner2k"), ner_batch_size=4)
    cfg.out_dir.mkdir()
    (cfg.out_dir / "resources.json").write_text("{}\n")
    shutil.copy(models / "tokenize.pt", cfg.out_dir)
    words = sorted({w.lower() for c in cfg.ner_corpora for s, _ in read_ner(FIXTURE, c, "train") for w in s})
    vec = root / "vectors.txt"
    vec.write_text(f"{len(words)} 4\n" + "".join(f"{w} {i % 3} 0.5 -0.5 {i / 10}\n"
                                                  for i, w in enumerate(words)), encoding="utf-8")
    Pretrain(str(cfg.out_dir / "pretrain.pt"), str(vec)).load()
    train_charlm(cfg, FIXTURE / "train.conllu")
    train_ner(cfg)
    compact(cfg.out_dir / "ner.pt")
    return cfg.out_dir


def test_ner_trains_on_both_corpora_with_the_character_lm(ner_models: Path) -> None:
    import torch

    args = torch.load(ner_models / "ner.pt", map_location="cpu", weights_only=False)["config"]
    assert args["charlm"] and args["charlm_forward_file"].endswith("charlm_forward.pt")
    assert args["batch_size"] == 4
    dev = (ner_models.parent / "work" / "ner" / "dev.json").read_text(encoding="utf-8")
    assert "Bawaslu" in dev and "Komisi" in dev  # IDNer dev and NERGrit valid choose the step


def test_kg_loads_the_character_lm_with_its_ner(ner_models: Path) -> None:
    paths = pipeline.model_paths(ner_models, ("tokenize", "ner"))
    assert paths["ner_forward_charlm_path"].endswith("charlm_forward.pt")
    assert "pos_model_path" not in paths
    nlp = pipeline.load_pipeline(ner_models, processors="tokenize,ner", tokenize_pretokenized=True)
    result = evaluate_ner(nlp, read_ner(FIXTURE, "idner2k", "test"))
    assert result.sentences == 2 and sum(result.gold.values()) == 5


def test_ner_fine_tunes_from_a_trained_model(ner_models: Path, tmp_path: Path) -> None:
    """--ner-init: training continues from the given model's weights (and its vocabularies)."""
    import torch

    cfg = TrainConfig(data_dir=FIXTURE, out_dir=tmp_path / "models", work_dir=tmp_path / "work",
                      steps={**STEPS, "ner": 2}, ner_corpora=("idner2k",), ner_init=ner_models / "ner.pt")
    cfg.out_dir.mkdir()
    shutil.copy(ner_models / "pretrain.pt", cfg.out_dir)
    for name in CHARLM_FILES.values():
        shutil.copy(ner_models / name, cfg.out_dir)
    train_ner(cfg)
    before = torch.load(ner_models / "ner.pt", map_location="cpu", weights_only=False)
    after = torch.load(cfg.out_dir / "ner.pt", map_location="cpu", weights_only=False)
    assert after["vocab"] == before["vocab"]
    assert (cfg.work_dir / "ner" / "init.pt").exists()
