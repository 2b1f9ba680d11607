"""The PostgreSQL part of bench/run.py (`--backend postgres` or `both`), beside Whoosh on
the same corpus and the same quotes, in the same run:

- `quoteidx index --jobs 0` into a new database: time, quotes/s, size;
- the store alone (the extracted quotes fed to the writer, as `quoteidx index` feeds
  it) into PostgreSQL and into a Whoosh folder; then 4 writer processes at once, each
  with a quarter of the documents, into one database;
- warm (library, index open) and cold (fresh `quoteidx` process) latency of a term, a
  phrase, a fuzzy term, a speaker, a term within a date range, by-speaker, a count and
  a term in quotes of a title (a source field), on PostgreSQL and on the Whoosh folder
  built from the same quotes;
- the same with the quotes on 2 shards (tools/pg_shards.py: three local servers), the
  shards analysed after the load (as their autovacuum does within a minute).

The servers are local (quoteidx.storing.postgres.local) with PostgreSQL's durable
defaults and shared_buffers as below, started and stopped here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))

WRITERS = 4
SERVER_SETTINGS = "-c shared_buffers=2GB -c maintenance_work_mem=512MB -c work_mem=64MB"


def queries(seed: int) -> list[tuple[str, str, str]]:
    """(label, kind, text): kind "search", "by-speaker" or "count" (limit 0)."""
    import corpus

    people = corpus._world(seed)[2]
    return [
        ("term", "search", "ceasefire"),
        ("phrase", "search", '"the security situation"'),
        ("fuzzy", "search", "pakistn~"),
        ("speaker", "search", f'speaker:"{people[2].name}"'),
        ("term + date", "search", "ceasefire date:[2020-01 TO 2020-06]"),
        ("by-speaker", "by-speaker", people[20].name),
        ("count", "count", "ceasefire"),
        # A source field: the document's vectors (table `sources`) joined to the quotes.
        ("term + title", "search", "ceasefire title:talks"),
    ]


# Helpers, each in a fresh process: python bench/postgres.py _helper NAME OUT ARGS...


def helper_dump(location: str, records: str) -> dict[str, Any]:
    """Every quote of an index as JSON Lines (the extracted records, once)."""
    from quoteidx.querying import SearchRequest
    from quoteidx.storing import open_store

    with open_store(location) as store, open(records, "w", encoding="utf-8") as out:
        hits = store.search(SearchRequest(sort="document", limit=None)).hits
        for hit in hits:
            out.write(json.dumps(hit.quote.to_dict()) + "\n")
    return {"quotes": len(hits)}


def _documents(records: str, share: int = 0, of: int = 1) -> list[tuple[Any, list[Any]]]:
    from quoteidx.record import Quote
    from quoteidx.storing import DocumentInfo

    grouped: dict[str, list[Any]] = {}
    with open(records, encoding="utf-8") as handle:
        for line in handle:
            quote = Quote.from_dict(json.loads(line))
            grouped.setdefault(quote.source.path, []).append(quote)
    return [(DocumentInfo(os.path.abspath(path), f"hash-{n}", quotes[0].source, len(quotes)),
             quotes) for n, (path, quotes) in enumerate(grouped.items()) if n % of == share]


def helper_store(records: str, location: str, share: str = "0", of: str = "1",
                 start_at: str = "0") -> dict[str, Any]:
    """The store alone: quoteidx's writer fed already extracted quotes."""
    from quoteidx.storing import open_store

    documents = _documents(records, int(share), int(of))
    while time.time() < float(start_at):  # writers at once start together
        time.sleep(0.01)
    started = time.perf_counter()
    with open_store(location, create=True) as store, store.writer(timeout=600) as writer:
        for info, quotes in documents:
            writer.add_document(info, quotes)
    return {"seconds": time.perf_counter() - started,
            "quotes": sum(len(quotes) for _, quotes in documents)}


def helper_warm(location: str, texts: str, runs: str) -> dict[str, Any]:
    from run import percentiles

    from quoteidx.querying import SearchRequest
    from quoteidx.storing import open_store

    out: dict[str, Any] = {}
    with open_store(location) as store:
        for label, kind, text in json.loads(texts):
            request = (SearchRequest(speaker=text, sort="document", limit=None)
                       if kind == "by-speaker" else
                       SearchRequest(text, limit=0 if kind == "count" else 20))
            first = time.perf_counter()
            result = store.search(request)
            first = time.perf_counter() - first
            times = []
            for _ in range(int(runs) if first < 1 else 5):
                tick = time.perf_counter()
                store.search(request)
                times.append(time.perf_counter() - tick)
            out[label] = {**percentiles(times), "first": round(first * 1000, 2),
                          "hits": result.total}
    return out


HELPERS = {"dump": helper_dump, "store": helper_store, "warm": helper_warm}


def _helper(name: str, *args: str) -> tuple[dict[str, Any], Any]:
    from run import PYTHON, measure

    with tempfile.NamedTemporaryFile("w+", suffix=".json") as out:
        done = measure([PYTHON, __file__, "_helper", name, out.name, *args], ok=(0,))
        return json.loads(Path(out.name).read_text()), done


def _popen_helper(name: str, out: str, *args: str) -> subprocess.Popen[bytes]:
    from run import CHILD_ENV, PYTHON

    return subprocess.Popen([PYTHON, __file__, "_helper", name, out, *args], env=CHILD_ENV)


# The benchmark


def _database(server: str, name: str) -> str:
    """A new database on the server (dropped first if there), its URL."""
    import psycopg

    base, _, _ = server.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"


def _size_mb(url: str) -> float:
    import psycopg

    with psycopg.connect(url) as conn:
        return round(conn.execute("SELECT pg_database_size(current_database())")
                     .fetchone()[0] / 1e6, 1)


def _analyze(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE quotes, sources")


def server_cpu(folder: Path) -> float:
    """User + system seconds of a local server's processes so far (the postmaster and
    its children: backends, WAL writer, checkpointer, autovacuum): what storing costs
    the server, which its wall time on a shared machine hides. A backend that ended
    is counted in the postmaster's children's time, which it waited for."""
    master = (folder / "data" / "postmaster.pid").read_text().split()[0]
    children = subprocess.run(["pgrep", "-P", master], capture_output=True,
                              text=True).stdout.split()
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in (master, *children):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        # utime, stime, and those of its children it waited for (an ended backend)
        total += sum(int(value) for value in fields[11:15]) / tick
    return total


def _start(folder: Path) -> str:
    from quoteidx.storing.postgres import local

    return local.start(folder, durable=True, settings=SERVER_SETTINGS)


def bench_postgres(count: int, args: Any, work: Path) -> dict[str, Any]:
    """The PostgreSQL figures for the corpus of `count` articles (written as bench/run.py
    writes it, kept in `work` for the Whoosh part of the run)."""
    from run import QUOTEIDX, cold, folder_bytes, measure

    import corpus
    from quoteidx.storing.postgres import local

    def say(text: str) -> None:
        print(f"[{count:,}] {text} (load {os.getloadavg()[0]:.2f})", file=sys.stderr,
              flush=True)

    root = work / f"corpus-{count}-seed{args.seed}"
    marker = root / ".complete"
    if not marker.exists():
        say("writing corpus")
        shutil.rmtree(root, ignore_errors=True)
        corpus.write_corpus(str(root), range(count), seed=args.seed)
        marker.write_text("done")
    out: dict[str, Any] = {"articles": count, "load_at_start": round(os.getloadavg()[0], 2)}
    folder = work / "postgres"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    server = _start(folder / "single")
    try:
        index = _database(server, f"ix{count}")
        say("postgres: quoteidx index --jobs 0")
        done = measure([QUOTEIDX, "index", str(root), "--index", index, "--jobs", "0"], ok=(0,))
        records = str(work / f"pg-records-{count}.jsonl")
        dumped, _ = _helper("dump", index, records)
        quotes = out["quotes"] = dumped["quotes"]
        out["index"] = {"seconds": round(done.wall, 1), "cpu_s": round(done.cpu, 1),
                        "quotes_per_s": round(quotes / done.wall),
                        "peak_rss_mb": round(done.peak_mb), "size_mb": _size_mb(index)}

        say("postgres: store alone")
        alone = _database(server, f"alone{count}")
        before = server_cpu(folder / "single")
        result, done = _helper("store", records, alone)
        out["store_alone"] = {"seconds": round(result["seconds"], 1),
                              "quotes_per_s": round(quotes / result["seconds"]),
                              "client_cpu_s": round(done.cpu, 1),  # with reading records
                              "server_cpu_s": round(server_cpu(folder / "single") - before, 1)}
        say(f"postgres: {WRITERS} writers at once")
        shared = _database(server, f"writers{count}")
        start_at = str(time.time() + 5)  # each loads its share first, then all write at once
        outs = [folder / f"writer{n}.json" for n in range(WRITERS)]
        writers = [_popen_helper("store", str(path), records, shared, str(n), str(WRITERS),
                                 start_at) for n, path in enumerate(outs)]
        codes = [writer.wait() for writer in writers]
        each = [json.loads(path.read_text()) for path in outs if path.exists()]
        slowest = max(item["seconds"] for item in each) if len(each) == WRITERS else None
        out["writers"] = {"processes": WRITERS, "exit_codes": codes,
                          "seconds": round(slowest, 1) if slowest else None,
                          "quotes_per_s": round(quotes / slowest) if slowest else None}

        say("whoosh: store alone, same quotes")
        whoosh = work / f"whoosh-store-{count}"
        shutil.rmtree(whoosh, ignore_errors=True)
        result, _ = _helper("store", records, str(whoosh))
        out["whoosh_store_alone"] = {"seconds": round(result["seconds"], 1),
                                     "quotes_per_s": round(quotes / result["seconds"]),
                                     "size_mb": round(folder_bytes(whoosh) / 1e6, 1)}

        texts = queries(args.seed)
        for label, location in (("postgres", index), ("whoosh", str(whoosh))):
            say(f"{label}: warm and cold queries")
            result, _ = _helper("warm", location, json.dumps(texts), str(args.warm_runs))
            out[f"{label}_warm"] = result
            out[f"{label}_cold"] = {}
            for name, kind, text in texts:
                if kind != "count":  # the CLI has no count-only search
                    command = [QUOTEIDX, kind, text, "--index", location]
                    out[f"{label}_cold"][name] = cold(command, args.cold_runs)
        shutil.rmtree(whoosh, ignore_errors=True)
    finally:
        local.stop(folder / "single")

    say("postgres: 2 shards")
    out["shards"] = _bench_shards(folder / "shards", records, quotes, texts, args, say)
    os.unlink(records)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def _bench_shards(folder: Path, records: str, quotes: int, texts: list[Any], args: Any,
                  say: Any) -> dict[str, Any]:
    import pg_shards

    from quoteidx.storing.postgres import local

    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    urls = [local.start(folder / name, durable=True, settings=SERVER_SETTINGS)
            for name in pg_shards.NAMES]
    try:
        from quoteidx.storing.postgres.shards import create_sharded

        create_sharded(urls[0], urls[1:])
        result, _ = _helper("store", records, urls[0])
        out: dict[str, Any] = {"store_alone": {
            "seconds": round(result["seconds"], 1),
            "quotes_per_s": round(quotes / result["seconds"])}}
        # What each shard's autovacuum does within a minute of a load: without their
        # statistics, use_remote_estimate gets a few rows for any query, and postgres_fdw
        # keeps each shard's ORDER BY ... LIMIT on the coordinator (measured at 94k
        # quotes: speaker 137 ms right after the load, 30 ms once analysed).
        started = time.perf_counter()
        for url in urls[1:]:
            _analyze(url)
        out["analyze_shards_s"] = round(time.perf_counter() - started, 1)
        say("shards: warm queries")
        out["warm"], _ = _helper("warm", urls[0], json.dumps(texts), str(args.warm_runs))
        return out
    finally:
        pg_shards.stop(folder)


def print_tables(results: dict[str, Any]) -> None:
    """PostgreSQL beside Whoosh, one column per size."""
    from rich.console import Console
    from rich.table import Table

    sizes = results.get("postgres") or []
    if not sizes:
        return
    table = Table(title="PostgreSQL beside Whoosh (same quotes)")
    table.add_column("")
    for size in sizes:
        table.add_column(f"{size['articles']:,} articles", justify="right")

    def row(label: str, value: Any) -> None:
        table.add_row(label, *[value(size) for size in sizes])

    def get(size: dict[str, Any], *path: str) -> Any:
        for key in path:
            size = size.get(key, {}) if isinstance(size, dict) else {}
        return size if size != {} else "-"

    row("quotes", lambda s: f"{s['quotes']:,}")
    row("quoteidx index --jobs 0: s (quotes/s)",
        lambda s: f"{s['index']['seconds']} ({s['index']['quotes_per_s']:,})")
    row("size on disk MB: postgres / whoosh",
        lambda s: f"{s['index']['size_mb']} / {get(s, 'whoosh_store_alone', 'size_mb')}")
    for label, key in (("store alone, postgres", "store_alone"),
                       ("store alone, whoosh", "whoosh_store_alone")):
        row(f"{label}: s (quotes/s)",
            lambda s, key=key: f"{s[key]['seconds']} ({s[key]['quotes_per_s']:,})")
    row("store alone, postgres: CPU s, client / server", lambda s: (
        f"{get(s, 'store_alone', 'client_cpu_s')} / {get(s, 'store_alone', 'server_cpu_s')}"))
    row(f"{WRITERS} postgres writers at once: s (quotes/s)",
        lambda s: f"{s['writers']['seconds']} ({s['writers']['quotes_per_s']:,})")
    row("2 shards, store alone: s (quotes/s)",
        lambda s: f"{s['shards']['store_alone']['seconds']} "
                  f"({s['shards']['store_alone']['quotes_per_s']:,})")
    labels = list((sizes[0].get("postgres_warm") or {}).keys())
    for label in labels:
        row(f"{label}: warm ms, postgres / whoosh / 2 shards", lambda s, label=label: (
            f"{get(s, 'postgres_warm', label, 'median')} / "
            f"{get(s, 'whoosh_warm', label, 'median')} / "
            f"{get(s, 'shards', 'warm', label, 'median')}"))
    for label in labels:
        row(f"{label}: cold ms, postgres / whoosh", lambda s, label=label: (
            f"{get(s, 'postgres_cold', label, 'median')} / "
            f"{get(s, 'whoosh_cold', label, 'median')}"))
    row("hits (term / by-speaker)", lambda s: (
        f"{get(s, 'postgres_warm', 'term', 'hits')} / "
        f"{get(s, 'postgres_warm', 'by-speaker', 'hits')}"))
    Console().print(table)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "_helper":
        name, target, *rest = sys.argv[2:]
        Path(target).write_text(json.dumps(HELPERS[name](*rest)))
