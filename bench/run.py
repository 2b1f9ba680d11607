"""quoteidx benchmark: extraction, indexing, search and start-up on a synthetic corpus.

For each size N (articles of ~5 KB, made by bench/corpus.py, seeded) it measures, each in
a fresh process as a user runs it:

- extraction with `quoteidx extract` on one process and on all cores (documents/s, MB/s);
- `quoteidx index` into a new index: time, quotes/s, peak RSS, size on disk;
- the store alone (quoteidx's writer fed the extracted records) beside raw Whoosh
  insertion of the same records into the same schema with the fastest writer settings;
- re-indexing after 1% of the files changed;
- query latency, warm (library, index open) and cold (a fresh `quoteidx search`), median
  and p95, for a term, a phrase, a fuzzy term, a speaker and `by-speaker`;
- start-up: `quoteidx --help` against `python -c pass`.

It prints tables and writes JSON to bench/results/.

    python bench/run.py --quick                  # 1,000 articles: about a minute
    python bench/run.py                          # 1k, 10k and 100k articles (~1M quotes)
    python bench/run.py --sizes 1000,10000 --real ../shared/eval/dev.jsonl
    python bench/run.py --large                  # adds 1M articles (hours, ~5 GB)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # bench/corpus.py, also in helper processes

import corpus  # noqa: E402

# Children run as on a user's machine, where imported modules' bytecode is cached: this
# workplace sets PYTHONDONTWRITEBYTECODE, which makes every start compile quoteidx afresh.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BIN = Path(sys.executable).parent
QUOTEIDX = str(BIN / "quoteidx")
PYTHON = sys.executable
# Writer settings tried for raw Whoosh; the fastest one is the bar for the store.
# Loose segment files (compound=False) as the store writes them: assembling a compound
# file only adds work.
RAW_SETTINGS: list[dict[str, Any]] = [
    {"limitmb": 512, "compound": False},
    {"procs": 2, "limitmb": 256, "compound": False},
    {"procs": 2, "limitmb": 256, "multisegment": True, "compound": False},
]


@dataclass
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_mb: float  # largest resident set of the process (or of one of its children)
    code: int
    stderr: str


def measure(command: list[str], stdout: Any = subprocess.DEVNULL,
            ok: tuple[int, ...] = (0, 1)) -> Measured:
    """Run a fresh process; its wall time and, from wait4, its CPU time and peak RSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=errors, env=CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    if code not in ok:
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{text[-2000:]}")
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, text)


def percentiles(times: list[float]) -> dict[str, float]:
    """Median and 95th percentile, in milliseconds."""
    ms = sorted(t * 1000 for t in times)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return {"median": round(statistics.median(ms), 2), "p95": round(p95, 2), "runs": len(ms)}


def cold(command: list[str], runs: int) -> dict[str, float]:
    """Fresh-process latency; one unmeasured run first so the file and bytecode caches
    are warm, as they are for a user's second search. `cpu_median` (user + system time)
    is what a busy machine's wall time hides."""
    if measure(command).wall > 5:  # a slow command: fewer runs keep the benchmark short
        runs = min(runs, 3)
    done = [measure(command) for _ in range(runs)]
    cpu = statistics.median(d.cpu for d in done) * 1000
    return {**percentiles([d.wall for d in done]), "cpu_median": round(cpu, 1)}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# Helpers: run in their own process (python bench/run.py _helper NAME ...) so that their
# memory and imports are their own and nothing is warm that a user's run would not have.

def _load_documents(records_path: str) -> list[tuple[Any, list[Any]]]:
    """The extracted records, grouped back into (DocumentInfo, quotes) per document."""
    from quoteidx.record import Quote
    from quoteidx.storing import DocumentInfo

    grouped: dict[str, list[Quote]] = {}
    with open(records_path, encoding="utf-8") as handle:
        for line in handle:
            quote = Quote.from_dict(json.loads(line))
            grouped.setdefault(quote.source.path, []).append(quote)
    return [(DocumentInfo(os.path.abspath(path), f"hash-{number}", quotes[0].source,
                          len(quotes)), quotes)
            for number, (path, quotes) in enumerate(grouped.items())]


def helper_store(records_path: str, location: str) -> dict[str, Any]:
    """quoteidx's store fed already extracted records, as `quoteidx index` feeds it."""
    from quoteidx.storing import open_store

    documents = _load_documents(records_path)
    started = time.perf_counter()
    with open_store(location, create=True) as store, store.writer() as writer:
        for info, quotes in documents:
            writer.add_document(info, quotes)
    return {"seconds": time.perf_counter() - started}


def helper_raw(records_path: str, location: str, settings: str) -> dict[str, Any]:
    """The same records, as the same Whoosh fields, straight into a Whoosh writer."""

    from whoosh import index

    from quoteidx.storing.whoosh import schema as ws  # the store's own schema and fields

    rows = []
    for info, quotes in _load_documents(records_path):
        rows.extend(ws.quote_fields(quote, info) for quote in quotes)
        rows.append(ws.record_fields(info, len(quotes)))
    started = time.perf_counter()
    os.makedirs(location)
    ix = index.create_in(location, ws.build_schema())
    writer = ix.writer(**json.loads(settings))
    for row in rows:
        writer.add_document(**row)
    writer.commit()
    seconds = time.perf_counter() - started
    with ix.reader() as reader:
        return {"seconds": seconds, "segments": len(list(reader.leaf_readers()))}


def helper_warm(location: str, queries: str, runs: str) -> dict[str, Any]:
    """In-process latency with the index already open, as a script or server sees it."""
    from quoteidx.querying import SearchRequest
    from quoteidx.storing import open_store

    started = time.perf_counter()
    store = open_store(location)
    opened = time.perf_counter() - started
    out: dict[str, Any] = {"open_ms": round(opened * 1000, 1), "queries": {}}
    for label, kind, text in json.loads(queries):
        request = (SearchRequest(speaker=text, sort="document", limit=None)
                   if kind == "by-speaker" else SearchRequest(text))
        first = time.perf_counter()
        result = store.search(request)
        first = time.perf_counter() - first
        times = []
        for _ in range(int(runs) if first < 1 else 5):
            tick = time.perf_counter()
            store.search(request)
            times.append(time.perf_counter() - tick)
        out["queries"][label] = {**percentiles(times), "first": round(first * 1000, 2),
                                 "hits": result.total}
    store.close()
    return out


HELPERS = {"store": helper_store, "raw": helper_raw, "warm": helper_warm}


def run_helper(name: str, *args: str) -> tuple[dict[str, Any], Measured]:
    with tempfile.NamedTemporaryFile("w+", suffix=".json") as out:
        done = measure([PYTHON, __file__, "_helper", name, out.name, *args], ok=(0,))
        return json.loads(Path(out.name).read_text()), done


# The benchmark proper

def queries_for(seed: int) -> list[tuple[str, str, str]]:
    """(label, kind, text): words and people that the corpus of this seed has."""
    people = corpus._world(seed)[2]
    return [
        ("term", "search", "ceasefire"),
        ("phrase", "search", '"the security situation"'),
        ("fuzzy", "search", "pakistn~"),  # "pakistan" is its own stem
        ("speaker", "search", f'speaker:"{people[2].name}"'),
        ("by-speaker", "by-speaker", people[20].name),
    ]


def has_option(command: str, option: str) -> bool:
    done = subprocess.run([QUOTEIDX, command, "--help"], capture_output=True, text=True,
                          env=CHILD_ENV)
    return option in done.stdout


def bench_size(count: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"articles": count}

    loads = out["load"] = {}  # other work on the machine skews wall times: keep a record

    def say(text: str) -> None:
        loads[text] = round(os.getloadavg()[0], 2)
        print(f"[{count:,}] {text} (load {loads[text]})", file=sys.stderr, flush=True)

    root = work / f"corpus-{count}-seed{args.seed}"
    marker = root / ".complete"
    if not marker.exists():  # corpora are kept in --workdir for the next run
        say("writing corpus")
        shutil.rmtree(root, ignore_errors=True)
        started = time.perf_counter()
        corpus.write_corpus(str(root), range(count), seed=args.seed)
        out["generate_s"] = round(time.perf_counter() - started, 1)
        marker.write_text("done")
    size = folder_bytes(root) - marker.stat().st_size
    out["megabytes"] = round(size / 1e6, 1)

    records = work / f"records-{count}.jsonl"
    for jobs in (1, 0):
        say(f"extract --jobs {jobs}")
        with open(records if jobs == 1 else os.devnull, "wb") as sink:
            done = measure([QUOTEIDX, "extract", str(root), "-f", "jsonl", "--jobs", str(jobs)],
                           stdout=sink, ok=(0,))
        out[f"extract_jobs{jobs}"] = {
            "seconds": round(done.wall, 2), "cpu_s": round(done.cpu, 2),
            "docs_per_s": round(count / done.wall, 1), "mb_per_s": round(size / 1e6 / done.wall, 2),
            "docs_per_cpu_s": round(count / done.cpu, 1),
        }
    with open(records, "rb") as handle:
        out["quotes"] = sum(1 for _ in handle)
    if count > args.raw_max:
        records.unlink()

    location = work / f"index-{count}"
    shutil.rmtree(location, ignore_errors=True)
    index_jobs = ["--jobs", "0"] if has_option("index", "--jobs") else []
    say(f"quoteidx index {' '.join(index_jobs)}".rstrip())
    done = measure([QUOTEIDX, "index", str(root), "--index", str(location), *index_jobs], ok=(0,))
    out["index"] = {"seconds": round(done.wall, 1), "cpu_s": round(done.cpu, 1),
                    "quotes_per_s": round(out["quotes"] / done.wall),
                    "peak_rss_mb": round(done.peak_mb), "jobs": "all" if index_jobs else 1,
                    "size_mb": round(folder_bytes(location) / 1e6, 1)}

    if count > args.raw_max:  # each takes as long as the build itself
        return _queries_and_reindex(count, args, out, root, marker, location, index_jobs, say)
    say("store alone")
    scratch = work / "scratch-index"
    shutil.rmtree(scratch, ignore_errors=True)
    result, done = run_helper("store", str(records), str(scratch))
    out["store_only_s"] = round(result["seconds"], 1)
    raw = []
    for settings in RAW_SETTINGS if not args.quick else RAW_SETTINGS[2:]:  # --quick: fastest
        say(f"raw Whoosh {settings}")
        shutil.rmtree(scratch, ignore_errors=True)
        result, done = run_helper("raw", str(records), str(scratch), json.dumps(settings))
        raw.append({"settings": settings, "seconds": round(result["seconds"], 1),
                    "segments": result["segments"],
                    "size_mb": round(folder_bytes(scratch) / 1e6, 1)})
    shutil.rmtree(scratch, ignore_errors=True)
    best = min(raw, key=lambda r: r["seconds"])
    out["raw_whoosh"] = raw
    out["store_vs_raw"] = round(out["store_only_s"] / best["seconds"], 2)
    records.unlink()
    return _queries_and_reindex(count, args, out, root, marker, location, index_jobs, say)


def _queries_and_reindex(count: int, args: argparse.Namespace, out: dict[str, Any], root: Path,
                         marker: Path, location: Path, index_jobs: list[str],
                         say: Any) -> dict[str, Any]:
    say("warm queries")
    queries = queries_for(args.seed)
    result, _ = run_helper("warm", str(location), json.dumps(queries), str(args.warm_runs))
    out["open_ms"] = result["open_ms"]
    out["warm"] = result["queries"]
    say("cold queries")
    out["cold"] = {}
    for label, kind, text in queries:
        command = [QUOTEIDX, kind, text, "--index", str(location)]
        out["cold"][label] = cold(command, args.cold_runs)

    say("re-index after 1% of the files changed")
    changed = range(0, count, 100)
    corpus.write_corpus(str(root), changed, seed=args.seed, version=1)
    marker.unlink()  # the corpus on disk is no longer the seeded one
    done = measure([QUOTEIDX, "index", str(root), "--index", str(location), *index_jobs],
                   ok=(0,))
    out["reindex_1pct"] = {"files": len(changed), "seconds": round(done.wall, 1),
                           "peak_rss_mb": round(done.peak_mb)}
    if not args.keep:
        shutil.rmtree(location, ignore_errors=True)
    return out


def bench_real(path: Path, work: Path) -> dict[str, Any]:
    """documents/s of `quoteidx extract` on the texts of a JSON Lines file."""
    texts = work / "real.jsonl"
    count = size = 0
    with open(path, encoding="utf-8") as source, open(texts, "w", encoding="utf-8") as sink:
        for number, line in enumerate(source):
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str) and text.strip():
                sink.write(json.dumps({"text": text, "id": str(number)}) + "\n")
                count, size = count + 1, size + len(text.encode("utf-8"))
    out: dict[str, Any] = {"file": str(path), "documents": count, "megabytes": round(size / 1e6, 2)}
    for jobs in (1, 0):
        measure([QUOTEIDX, "extract", str(texts), "-f", "jsonl", "--jobs", str(jobs)])  # warm
        done = measure([QUOTEIDX, "extract", str(texts), "-f", "jsonl", "--jobs", str(jobs)])
        out[f"extract_jobs{jobs}"] = {"seconds": round(done.wall, 2),
                                      "docs_per_s": round(count / done.wall, 1),
                                      "mb_per_s": round(size / 1e6 / done.wall, 2)}
    texts.unlink()
    return out


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from importlib.metadata import version

    return {"cpu": model or platform.processor(), "cores": os.cpu_count(),
            "memory_gib": round(memory, 1), "python": platform.python_version(),
            "system": platform.platform(), "whoosh": version("whoosh-reloaded"),
            "typer": version("typer"), "load_at_start": os.getloadavg()[0]}


def print_tables(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    sizes = results["sizes"]
    table = Table(title="quoteidx benchmark", title_justify="left")
    table.add_column("")
    for size in sizes:
        table.add_column(f"{size['articles']:,} articles", justify="right")

    def row(label: str, get: Any) -> None:
        cells = []
        for size in sizes:
            try:
                cells.append(get(size))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("-")
        table.add_row(label, *cells)

    row("corpus MB / quotes", lambda s: f"{s['megabytes']:,} / {s['quotes']:,}")
    row("machine load (1 min) when indexing", lambda s: max(
        f"{v:.1f}" for k, v in s["load"].items() if k.startswith("quoteidx index")))
    row("extract, 1 process: docs/s (MB/s)",
        lambda s: f"{s['extract_jobs1']['docs_per_s']:,.0f} ({s['extract_jobs1']['mb_per_s']})")
    row(f"extract, {os.cpu_count()} processes: docs/s (MB/s)",
        lambda s: f"{s['extract_jobs0']['docs_per_s']:,.0f} ({s['extract_jobs0']['mb_per_s']})")
    row("extract: docs per CPU-second",
        lambda s: f"{s['extract_jobs1']['docs_per_cpu_s']:,.0f}")
    row("index: s (quotes/s)",
        lambda s: f"{s['index']['seconds']:,} ({s['index']['quotes_per_s']:,})")
    row("index: peak RSS MB", lambda s: f"{s['index']['peak_rss_mb']:,}")
    row("index: size on disk MB", lambda s: f"{s['index']['size_mb']:,}")
    row("store alone s", lambda s: f"{s['store_only_s']:,}")
    row("raw Whoosh, fastest s", lambda s: f"{min(r['seconds'] for r in s['raw_whoosh']):,}")
    row("store / raw Whoosh", lambda s: f"{s['store_vs_raw']:.2f}x")
    fastest = lambda s: min(r["seconds"] for r in s["raw_whoosh"])  # noqa: E731
    row("quoteidx index / raw Whoosh", lambda s: f"{s['index']['seconds'] / fastest(s):.2f}x")
    row("re-index 1% changed: s (peak MB)",
        lambda s: f"{s['reindex_1pct']['seconds']:,} ({s['reindex_1pct']['peak_rss_mb']:,})")
    row("open index, warm ms", lambda s: f"{s['open_ms']}")
    for label in ("term", "phrase", "fuzzy", "speaker", "by-speaker"):
        row(f"{label}: warm ms median / p95",
            lambda s, k=label: f"{s['warm'][k]['median']} / {s['warm'][k]['p95']}")
    for label in ("term", "phrase", "fuzzy", "speaker", "by-speaker"):
        row(f"{label}: cold ms median / p95",
            lambda s, k=label: f"{s['cold'][k]['median']:.0f} / {s['cold'][k]['p95']:.0f}")
    console = Console()
    if not console.is_terminal:  # a file or a pipe: wide enough for every column
        console = Console(width=120)
    console.print(table)

    start = results["startup"]
    small = Table(title="start-up, fresh processes", title_justify="left")
    for column in ("", "median ms", "p95 ms", "x python", "CPU ms", "CPU x python"):
        small.add_column(column, justify="right" if column else "left")
    base, base_cpu = start["python -c pass"]["median"], start["python -c pass"]["cpu_median"]
    cold_rows = dict(start)
    for size in sizes:  # the 2.5x target is for a cold search on ~10,000 quotes
        if 5_000 <= size.get("quotes", 0) <= 20_000:
            cold_rows[f"search term, {size['quotes']:,} quotes"] = size["cold"]["term"]
    for label, figures in cold_rows.items():
        small.add_row(label, f"{figures['median']:.0f}", f"{figures['p95']:.0f}",
                      f"{figures['median'] / base:.1f}", f"{figures['cpu_median']:.0f}",
                      f"{figures['cpu_median'] / base_cpu:.1f}")
    console.print(small)
    real = results.get("real")
    if real:
        console.print(
            f"real corpus {real['file']}: {real['documents']} documents, {real['megabytes']} MB;"
            f" extract {real['extract_jobs1']['docs_per_s']} docs/s on 1 process, "
            f"{real['extract_jobs0']['docs_per_s']} docs/s on {os.cpu_count()}")
    console.print(f"machine: {results['machine']}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_helper":
        name, out, *rest = sys.argv[2:]
        Path(out).write_text(json.dumps(HELPERS[name](*rest)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated numbers of articles "
                        "(default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true",
                        help="1,000 articles, fewer runs: about a minute")
    parser.add_argument("--large", action="store_true", help="add 1,000,000 articles")
    parser.add_argument("--real", type=Path, help="a JSON Lines file of real articles "
                        '({"text": ...} per line) to time extraction on')
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cold-runs", type=int, default=15)
    parser.add_argument("--warm-runs", type=int, default=50)
    parser.add_argument("--workdir", type=Path,
                        help="where corpora and indexes go (kept for the next run); "
                        "default a temporary folder")
    parser.add_argument("--keep", action="store_true", help="keep the indexes in --workdir")
    parser.add_argument("--raw-max", type=int, default=10_000,
                        help="largest size at which the store alone and raw Whoosh are timed "
                        "(each takes about as long as the index build)")
    parser.add_argument("--out", type=Path, help="JSON file (default bench/results/<time>.json)")
    parser.add_argument("--table", type=Path, help="only print the tables of an earlier run's JSON")
    parser.add_argument("--backend", choices=("whoosh", "postgres", "both"), default="whoosh",
                        help="postgres: the PostgreSQL figures beside Whoosh on the same quotes "
                        "(bench/postgres.py); both: those and the Whoosh ones above")
    args = parser.parse_args()
    if args.table:
        print_all_tables(json.loads(args.table.read_text()))
        return
    if args.quick:
        sizes = [1000]
        args.cold_runs, args.warm_runs = min(args.cold_runs, 5), min(args.warm_runs, 20)
    else:
        sizes = [int(s) for s in (args.sizes or "1000,10000,100000").split(",")]
    if args.large:
        sizes.append(1_000_000)

    results: dict[str, Any] = {"started": datetime.now(UTC).isoformat(timespec="seconds"),
                               "machine": machine(), "args": sys.argv[1:], "sizes": []}
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.out or HERE / "results" / f"run-{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="quoteidx-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")  # leaves the tree clean
        print("start-up", file=sys.stderr, flush=True)
        results["startup"] = {
            "python -c pass": cold([PYTHON, "-c", "pass"], args.cold_runs),
            "quoteidx --help": cold([QUOTEIDX, "--help"], args.cold_runs),
        }
        if args.real:
            print(f"real corpus {args.real}", file=sys.stderr, flush=True)
            results["real"] = bench_real(args.real, work)
        for count in sizes:
            if args.backend != "whoosh":  # first: the Whoosh part then changes the corpus
                import postgres

                results.setdefault("postgres", []).append(
                    postgres.bench_postgres(count, args, work))
                out.write_text(json.dumps(results, indent=1))
            if args.backend == "postgres":
                continue
            results["sizes"].append(bench_size(count, args, work))
            out.write_text(json.dumps(results, indent=1))  # a long run keeps what it has
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    out.write_text(json.dumps(results, indent=1))
    print_all_tables(results)
    print(f"JSON: {out}", file=sys.stderr)


def print_all_tables(results: dict[str, Any]) -> None:
    if results.get("sizes"):
        print_tables(results)
    if results.get("postgres"):
        import postgres

        postgres.print_tables(results)


if __name__ == "__main__":
    main()
