"""Cold-start timings: what a user waits for when running one `quoteidx search`.

Builds, in a temporary directory, an index of the bundled corpus and a synthetic index
of 10,000 quotes, then times fresh processes (median of several runs) of a bare
`python -c pass`, `quoteidx --help` and `quoteidx search` on both indexes.

    .venv/bin/python bench/cold_search.py [--runs 9] [--quotes 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTEIDX = str(Path(sys.executable).parent / "quoteidx")
WORDS = (
    "government forces militia commander city province fighting attack border talks "
    "minister security army police refugees weapons election war peace country people "
    "families checkpoint airport road village night offensive support pressure report "
    "Pakistan Pakistani Afghanistan Herat Kandahar Taliban Kabul India Iran America"
).split()
NAMES = ("Ismail Khan", "Shariyar Nezami", "Basir Ahmed", "Omid Sobhani", "Ann Lee",
         "Maria Lopez", "John Smith", "Harun Najafzada", "José Álvarez", "Kim Sengupta")


def build_synthetic(location: Path, count: int, per_document: int = 20) -> float:
    """An index of `count` made-up quotes, written through the store API."""
    from quoteidx.record import Quote, Source, quote_id
    from quoteidx.storing import DocumentInfo, open_store

    rng = random.Random(7)
    started = time.perf_counter()
    with open_store(location, create=True) as store, store.writer() as writer:
        for number in range(count // per_document):
            date = f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            source = Source(path=f"synthetic/{number:05}.txt", publication="The Synthetic",
                            date=date)
            digest = f"synthetic-{number}"
            quotes = []
            for at in range(per_document):
                text = " ".join(rng.choices(WORDS, k=rng.randint(8, 40)))
                start = at * 1000
                speaker = rng.choice(NAMES)
                quotes.append(Quote(
                    id=quote_id(digest, speaker, text, at), text=text,
                    kind=rng.choice(("direct", "indirect")), speaker=speaker,
                    speaker_mention=speaker, role="official", cue="said", source=source,
                    start=start, end=start + len(text), paragraph=f"{text}, {speaker} said.",
                ))
            writer.add_document(DocumentInfo(f"/{source.path}", digest, source, len(quotes)),
                                quotes)
    return time.perf_counter() - started


# Fresh processes with their bytecode cached, as on a user's machine (this workplace
# sets PYTHONDONTWRITEBYTECODE, which would make every start compile quoteidx again).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def cold(command: list[str], runs: int) -> float:
    """Median wall time of a fresh process, in milliseconds (one unmeasured warm-up run
    first, so the OS file cache is warm as it is for a user's second search)."""
    subprocess.run(command, capture_output=True, check=False, env=ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False, env=ENV)
        times.append((time.perf_counter() - started) * 1000)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--rounds", type=int, default=3,
                        help="passes over all the commands (runs are split among them)")
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args()

    from quoteidx.indexing import index_paths

    with tempfile.TemporaryDirectory(prefix="quoteidx-bench-") as tmp:
        corpus_ix, synth_ix = Path(tmp, "corpus"), Path(tmp, "synthetic")
        started = time.perf_counter()
        report = index_paths([ROOT / "corpus"], corpus_ix)
        corpus_build = time.perf_counter() - started
        synth_build = build_synthetic(synth_ix, args.quotes)

        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("quoteidx --help", [QUOTEIDX, "--help"]),
        ]
        for label, ix in ((f"corpus ({report.quotes} quotes)", corpus_ix),
                          (f"synthetic ({args.quotes} quotes)", synth_ix)):
            for query, extra in (("Pakistan", []), ("Pakistan", ["-f", "json", "-n", "20"]),
                                 ("Pakistn~", []), ('"pakistani army"', [])):
                rows.append((f"search {query} {' '.join(extra)}".rstrip() + f"  [{label}]",
                             [QUOTEIDX, "search", query, "--index", str(ix), *extra]))
        # Interleaved, so that the machine's load drifts over every command alike.
        timings: dict[str, list[float]] = {label: [] for label, _ in rows}
        for _ in range(args.rounds):
            for label, command in rows:
                timings[label].append(cold(command, max(1, args.runs // args.rounds)))
        results = [(label, statistics.median(timings[label])) for label, _ in rows]

    base = results[0][1]
    width = max(len(label) for label, _ in results)
    print(f"Cold start, median of {args.runs} fresh processes (Python {sys.version.split()[0]},"
          f" load {os.getloadavg()[0]:.1f}); targets: --help <= 4x, search <= 5x python")
    print(f"{'command':<{width}}  {'ms':>7}  {'- python':>8}  {'x python':>8}")
    for label, ms in results:
        print(f"{label:<{width}}  {ms:7.0f}  {ms - base:8.0f}  {ms / base:8.2f}")
    print(f"\nindex build: corpus {corpus_build:.2f} s ({report.quotes} quotes, with extraction),"
          f" synthetic {synth_build:.2f} s ({args.quotes} quotes, store only)")


if __name__ == "__main__":
    main()
