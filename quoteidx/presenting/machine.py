"""Machine formats (JSON, JSONL, CSV): plain stdout, never touched by Rich."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


def write_json(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    items = list(records)
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, fields: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: "" if row.get(key) is None else row[key] for key in fields})
        count += 1
    return count


def write_records(
    records: Iterable[Mapping[str, Any]], fmt: str, out: TextIO, csv_fields: list[str]
) -> int:
    """Write nested records (json, jsonl) or flat rows (csv); returns how many."""
    if fmt == "json":
        return write_json(records, out)
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv(records, out, csv_fields)
    raise ValueError(f"not a machine format: {fmt}")
