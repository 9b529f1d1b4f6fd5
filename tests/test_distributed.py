"""Parsing on a Dask cluster (kg.distributed): real LocalClusters of worker processes on 127.0.0.1.

One test runs the real Stanza pipeline on the workers and compares the TriG bytes with a local
build; the worker-kill test uses a slow stand-in parse so that the kill lands mid-batch.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import threading
import time
from functools import partial
from pathlib import Path

import cloudpickle
import dask
import pytest
from conftest import needs_models, write_articles

from kg import cli, distributed
from kg.ingest import iter_articles
from kg.nlp.parse import rough_parse, to_conllu

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests/

TEXTS = {
    "rapat": "Ketua KPU Kota Medan mengatakan rapat pleno rekapitulasi digelar di Medan pada "
             "3 Desember 2024. Bawaslu juga hadir dan mengawasi jalannya rapat.",
    "debat": "Debat publik kedua pasangan calon Bupati Kabupaten Sleman berlangsung di Yogyakarta "
             "pada Senin malam. Kapolres memastikan pengamanan berjalan lancar.",
    "logistik": "Komisi Pemilihan Umum Provinsi Jawa Tengah mendistribusikan logistik pemilihan "
                "ke seluruh kecamatan. \"Semua kotak suara tiba tepat waktu,\" kata ketua KPU.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "corpus", TEXTS)


@pytest.mark.slow
@needs_models
def test_a_cluster_build_writes_the_same_trig_as_a_local_build(corpus: Path, tmp_path: Path) -> None:
    common = ["build", str(corpus), "--no-cache", "--no-images"]
    assert cli.main([*common, "--out", str(tmp_path / "local")]) == 0
    assert cli.main([*common, "--out", str(tmp_path / "cluster"), "--cluster", "local:2"]) == 0
    local = (tmp_path / "local" / "graph.trig").read_bytes()
    assert local.count(b"schema:NewsArticle") >= len(TEXTS)
    assert (tmp_path / "cluster" / "graph.trig").read_bytes() == local


class NoModels(distributed.WorkerPlugin):
    """The stand-in parse needs no models."""

    def setup(self, worker: object = None) -> None:
        pass


def slow_parse(log: Path, models: str, processors: str, texts: list[str]) -> list[str]:
    """A parse that takes two seconds, leaving its pid in log/running while it works."""
    with open(log / "attempts", "a", encoding="utf-8") as f:
        f.write(texts[0][:12] + "\n")
    running = log / "running" / str(os.getpid())
    running.touch()
    time.sleep(2)
    running.unlink()
    return [to_conllu(rough_parse(t, {})) for t in texts]


def test_a_worker_killed_mid_build_costs_a_retry_not_an_article(tmp_path: Path) -> None:
    log = tmp_path / "log"
    (log / "running").mkdir(parents=True)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(10):
        (folder / f"berita-{i:02d}.txt").write_text(
            f"Berita nomor {i}: KPU Kabupaten Bantul menggelar rapat koordinasi pilkada.",
            encoding="utf-8")
    articles = list(iter_articles([folder]))
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        for _ in range(600):
            busy = list((log / "running").iterdir())
            if busy:
                pid = int(busy[0].name)
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    batches = distributed.parse_on_cluster(articles, "bundled", "local:2", parse=partial(slow_parse, log),
                                           plugin=NoModels())
    done = [(a.id, to_conllu(p)) for batch, parses in batches for a, p in zip(batch, parses, strict=True)]
    killer.join()
    assert killed
    assert done == [(a.id, to_conllu(rough_parse(a.text, {}))) for a in articles]
    assert len((log / "attempts").read_text().splitlines()) > 2  # 2 batches of 5, the killed one twice


def page_faults_of_a_reused_block(times: int = 50) -> int:
    """Minor page faults while a 1 MiB block is filled and dropped ``times`` over."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        block = b"x" * (1 << 20)
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_workers_reuse_freed_memory_and_leave_this_process_environment_alone() -> None:
    environment = dict(os.environ)
    trimming = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 65536}  # Dask's default
    with dask.config.set(trimming), distributed.connect("local:1") as client:
        [trimmed] = client.run(page_faults_of_a_reused_block).values()
        assert all(client.run(distributed.reuse_freed_memory).values())
        [reused] = client.run(page_faults_of_a_reused_block).values()
    assert trimmed > 50 * 200  # every block mapped afresh: 256 pages faulted in each time
    assert reused < trimmed / 10
    assert dict(os.environ) == environment


def tick_milliseconds(dask_worker: object = None, dask_scheduler: object = None) -> float:
    return (dask_worker or dask_scheduler).periodic_callbacks["tick"].callback_time


def test_a_local_cluster_s_event_loops_wake_rarely() -> None:
    """LOCAL_CONFIG reaches the scheduler and the worker processes (the nanny passes it on)."""
    with distributed.connect("local:1") as client:
        assert list(client.run(tick_milliseconds).values()) == [1000]
        assert client.run_on_scheduler(tick_milliseconds) == 1000
        assert client.run(dask.config.get, "distributed.worker.profile.enabled") == {
            address: False for address in client.nthreads()}


def test_cluster_addresses_are_checked(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["build", str(corpus), "--cluster", "localhost:8786"])
    assert exit_.value.code == 2
    assert "not a Dask scheduler address" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distributed, "CONNECT_SECONDS", 2)
    code = cli.main(["build", str(corpus), "--no-cache", "--out", str(tmp_path / "out"),
                     "--cluster", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err[-1].startswith("kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert not (tmp_path / "out").exists()
