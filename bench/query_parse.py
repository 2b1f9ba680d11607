"""Times parsing the hostile queries of issue 13 (item 17), which took up to 6 s of CPU
(or crashed with RecursionError) before the parser bounded them:

    python bench/query_parse.py

Prints, per query, the best CPU time of 5 runs and what the parser said."""

from __future__ import annotations

import time

from quoteidx.querying import QueryError, parse

QUERIES = {
    "'a ' * 50000 (100k characters)": "a " * 50000,
    "'a ' * 4999 (10k characters)": "a " * 4999,
    "'a' * 10000 (one long word)": "a" * 10000,
    "'[' * 10000": "[" * 10000,
    "'[ to ' * 2000": "[ to " * 2000,
    "\"'.\" * 5000": "'." * 5000,
    "'x~' * 5000": "x~" * 5000,
    "'(' * 5000": "(" * 5000,
    "'NOT ' * 2500": "NOT " * 2500,
    "1024 words": " ".join(f"w{n}" for n in range(1024)),
}


def best_of(query: str, runs: int = 5) -> tuple[float, str]:
    times, said = [], "parsed"
    for _ in range(runs):
        started = time.process_time()
        try:
            parse(query)
        except QueryError as err:
            said = str(err)
        times.append(time.process_time() - started)
    return min(times), said


def main() -> None:
    for name, query in QUERIES.items():
        seconds, said = best_of(query)
        print(f"{name:32} {seconds * 1000:8.1f} ms  {said[:70]}")


if __name__ == "__main__":
    main()
