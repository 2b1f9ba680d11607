"""One coordinator and two shard servers on loopback, holding one sharded quoteidx index
(see quoteidx/storing/postgres/shards.py): to try sharding, and for the benchmark.

    python tools/pg_shards.py start /tmp/qx-shards     # prints the coordinator's URL
    quoteidx index corpus --index "$(cat /tmp/qx-shards/coordinator/url)"
    python tools/pg_shards.py stop /tmp/qx-shards

Each server is a quoteidx.storing.postgres.local server in its own folder and port.
"""

from __future__ import annotations

import sys
from pathlib import Path

from quoteidx.storing.postgres import local
from quoteidx.storing.postgres.shards import create_sharded

NAMES = ("coordinator", "shard0", "shard1")


def start(folder: Path, *, durable: bool = False) -> str:
    """Start the three servers (made if new) and make the sharded index if it is not
    there yet; the coordinator's URL."""
    new = not (folder / "coordinator").exists()
    urls = [local.start(folder / name, durable=durable) for name in NAMES]
    if new:
        create_sharded(urls[0], urls[1:])
    return urls[0]


def stop(folder: Path) -> None:
    for name in NAMES:
        local.stop(folder / name)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python tools/pg_shards.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1]).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if argv[0] == "start":
            print(start(folder))
        else:
            stop(folder)
    except (local.ServerError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
