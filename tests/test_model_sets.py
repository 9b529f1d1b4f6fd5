"""Choosing a model set: clear errors that say what is missing and how to get it."""

from __future__ import annotations

import pytest

from kg.errors import ExitCode, ModelError
from kg.nlp import pipeline


def test_official_models_missing_say_how_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelError, match="stanza.download") as err:
        pipeline.model_paths("official")
    assert err.value.code == ExitCode.MODEL_MISSING


def test_a_folder_with_some_models_names_the_missing_files(tmp_path) -> None:
    for name in ("tokenize", "mwt", "pos"):
        (tmp_path / f"{name}.pt").write_bytes(b"")
    with pytest.raises(ModelError) as err:
        pipeline.model_paths(tmp_path)
    message = str(err.value)
    assert "lemma.pt" in message and "ner.pt" in message and "pretrain.pt" in message
    assert "tokenize.pt" not in message


def test_the_parse_cache_key_changes_with_what_is_parsed(tmp_path) -> None:
    from kg.builder import model_fingerprint

    for name in (*pipeline.PROCESSORS, "pretrain"):
        (tmp_path / f"{name}.pt").write_bytes(b"x")
    keys = {model_fingerprint(tmp_path, pipeline.processors_for(trees), quantized)
            for trees in (False, True) for quantized in (False, True)}
    assert len(keys) == 4
    before = model_fingerprint(tmp_path)
    for direction in ("forward", "backward"):
        (tmp_path / f"charlm_{direction}.pt").write_bytes(b"xy")
    assert model_fingerprint(tmp_path) != before  # the NER's character LMs are part of the model set
    with_charlm = model_fingerprint(tmp_path)
    (tmp_path / "ner.pt").write_bytes(b"y")  # retrained: same size, other weights
    assert model_fingerprint(tmp_path) != with_charlm
