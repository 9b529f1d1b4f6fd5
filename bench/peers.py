"""kg's Stanza models beside a peer trained on the same data: UDPipe 1 (C++, ufal.udpipe).

UDPipe 1 is trained with its documented defaults on exactly kg's UD training split
(kg.nlp.training.split_ud; kg's dev split as its held-out data, as kg uses it), then both
systems parse the raw text of GSD test and CSUI test. Each system runs in a process of its
own, one thread, so its load time, speed and peak memory are its alone; the parses are scored
by the same CoNLL 2018 scorer (kg.nlp.evaluation). Needs `pip install '.[bench]'`.

    python bench/peers.py --data ../shared/data --work build/peers

Training UDPipe takes tens of minutes on an idle machine; the model is kept in --work and
reused (name another with --model when training with other --udpipe-* options).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UDPIPE_COMPONENTS = ("tokenizer", "tagger", "parser")
SYSTEMS = {  # name -> what the row shows
    "udpipe": "UDPipe 1.4 (ufal.udpipe), defaults, same training split",
    "kg": "kg, full pipeline (tokenize, mwt, pos, lemma, depparse, ner), int8",
    "kg-build": "kg, what `kg build` runs (tokenize, mwt, pos, ner), int8",
}


# ----------------------------------------------------------------------------- training


def udpipe_sentences(path: Path):
    from ufal.udpipe import InputFormat, ProcessingError, Sentence, Sentences

    reader = InputFormat.newConlluInputFormat()
    reader.setText(path.read_text(encoding="utf-8"))
    out, sentence, error = Sentences(), Sentence(), ProcessingError()
    while reader.nextSentence(sentence, error):
        out.push_back(sentence)
        sentence = Sentence()
    if error.occurred():
        raise SystemExit(f"peers: {path}: {error.message}")
    return out


def train_udpipe(train: Path, dev: Path, model: Path, options: dict[str, str]) -> float:
    """UDPipe's tokenizer, tagger and parser ("morphodita_parsito") with its defaults unless
    ``options`` (UDPipe option strings per component) say otherwise; returns seconds."""
    from ufal.udpipe import ProcessingError, Trainer

    start, error = time.monotonic(), ProcessingError()
    data = Trainer.train("morphodita_parsito", udpipe_sentences(train), udpipe_sentences(dev),
                         *(options[c] or Trainer.DEFAULT for c in UDPIPE_COMPONENTS), error)
    if error.occurred():
        raise SystemExit(f"peers: UDPipe training failed: {error.message}")
    model.write_bytes(data)
    return time.monotonic() - start


# ----------------------------------------------------------------------------- one system


def measure(system: str, model: Path, texts: list[Path], out_dir: Path) -> dict:
    """Run in a child process: import, load, parse each text; times, peak memory, CoNLL-U files."""
    start = time.monotonic()
    if system == "udpipe":
        from ufal.udpipe import Model, Pipeline, ProcessingError
    else:
        import torch

        from kg.nlp.pipeline import BUILD_PROCESSORS, PROCESSORS, load_pipeline

        torch.set_num_threads(1)
    imported = time.monotonic()
    if system == "udpipe":
        loaded_model = Model.load(str(model))
        nlp = Pipeline(loaded_model, "tokenize", Pipeline.DEFAULT, Pipeline.DEFAULT, "conllu")
    else:
        nlp = load_pipeline("bundled", ",".join(PROCESSORS if system == "kg" else BUILD_PROCESSORS))
    loaded = time.monotonic()
    runs = []
    for text_file in texts:
        text = text_file.read_text(encoding="utf-8")
        wall, cpu = time.monotonic(), time.process_time()
        if system == "udpipe":
            error = ProcessingError()
            conllu = nlp.process(text, error)
            if error.occurred():
                raise SystemExit(f"peers: UDPipe failed on {text_file}: {error.message}")
        else:
            conllu = f"{nlp(text):C}\n\n"
        runs.append({"text": text_file.stem, "seconds": time.monotonic() - wall,
                     "cpu_seconds": time.process_time() - cpu})
        (out_dir / f"{system}.{text_file.stem}.conllu").write_text(conllu, encoding="utf-8")
    return {"system": system, "import_seconds": imported - start, "load_seconds": loaded - imported,
            "runs": runs, "peak_mb": peak_mb()}


def peak_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux carries the parent's peak over
    fork and exec into it (a UDPipe child would report its Python parent's 500 MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------------------- report


def words_in(conllu: str) -> int:
    return sum(1 for line in conllu.splitlines() if line[:1].isdigit() and line.split("\t", 1)[0].isdigit())


def score(work: Path, result: dict, gold: dict[str, Path]) -> dict:
    from kg.nlp.evaluation import conll18_scores

    rows = {}
    for run in result["runs"]:
        name = run["text"]
        pred = (work / f"{result['system']}.{name}.conllu").read_text(encoding="utf-8")
        f1 = conll18_scores(gold[name].read_text(encoding="utf-8"), pred)
        rows[name] = {"UPOS": f1["UPOS"], "LAS": f1["LAS"], "words": words_in(pred), **run}
    return rows


def table(results: list[dict], scores: list[dict]) -> str:
    lines = ["| system | GSD UPOS | GSD LAS | CSUI UPOS | CSUI LAS | words/s | words per CPU s | "
             "imports s | load s | peak MB |", "|---|---|---|---|---|---|---|---|---|---|"]
    for result, rows in zip(results, scores, strict=True):
        words = sum(r["words"] for r in rows.values())
        wall = sum(r["seconds"] for r in rows.values())
        cpu = sum(r["cpu_seconds"] for r in rows.values())
        las = (lambda r: "-") if result["system"] == "kg-build" else (lambda r: f"{100 * r['LAS']:.2f}")
        lines.append(f"| {SYSTEMS[result['system']]} | {100 * rows['gsd']['UPOS']:.2f} | {las(rows['gsd'])} | "
                     f"{100 * rows['csui']['UPOS']:.2f} | {las(rows['csui'])} | {words / wall:,.0f} | "
                     f"{words / cpu:,.0f} | {result['import_seconds']:.1f} | {result['load_seconds']:.1f} | "
                     f"{result['peak_mb']:.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--work", default=str(ROOT / "build" / "peers"))
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    for component in UDPIPE_COMPONENTS:
        parser.add_argument(f"--udpipe-{component}", default="", metavar="OPTIONS",
                            help=f"UDPipe {component} training options, e.g. 'epochs=20' (default: UDPipe's)")
    parser.add_argument("--model", default="udpipe.model", help="UDPipe model file name in --work")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the child process
    args = parser.parse_args()
    work = Path(args.work)
    model = work / args.model
    texts = [work / "gsd.txt", work / "csui.txt"]
    if args.measure:
        print(json.dumps(measure(args.measure, model, texts, work)))
        return 0

    from stanza.utils.datasets.conllu_to_text import convert_text

    from kg.nlp.training import UD_TEST_SETS, TrainConfig, split_ud

    work.mkdir(parents=True, exist_ok=True)
    data = Path(args.data)
    train, dev = split_ud(TrainConfig(data_dir=data, out_dir=work, work_dir=work))
    gold = {name: data / rel for name, rel in UD_TEST_SETS.items()}
    for name, path in gold.items():
        convert_text(str(path), str(work / f"{name}.txt"))
    if "udpipe" in args.systems and not model.exists():
        print(f"training UDPipe on {train} ...", file=sys.stderr, flush=True)
        options = {c: getattr(args, f"udpipe_{c}") for c in UDPIPE_COMPONENTS}
        minutes = train_udpipe(train, dev, model, options) / 60
        print(f"UDPipe trained in {minutes:.1f} min, options {options} (empty: UDPipe's defaults)", flush=True)
    results = []
    for system in args.systems.split(","):
        child = subprocess.run([sys.executable, __file__, "--work", str(work), "--model", args.model,
                                "--measure", system],
                               capture_output=True, text=True, check=True)
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
    scores = [score(work, r, gold) for r in results]
    print(f"GSD test and CSUI test from raw text, CoNLL 2018 F1; one thread per system; "
          f"load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(table(results, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
