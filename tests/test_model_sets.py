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
