"""Odd names, hostile files, kills and crashes, each with a real `python -m quoteidx`
process and a timeout on every wait (the helpers of test_reliability_processes.py):
a file name that is not UTF-8, a killed `index -j 2` and its workers, a FIFO or a
device where a file should be, an index deleted under a run, and what a crash prints
and exits with."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_reliability_processes import no_traceback, quoteidx, summary

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX names, signals, FIFOs")

BRIDGE = '"We will rebuild the bridge," said Ann Lee, the mayor.\n\nThe town waited.\n'
TAXES = '"Taxes will fall next year," said John Smith, the minister.\n'


# Item 9: a file name that is not valid UTF-8


def test_a_file_name_that_is_not_utf8_is_indexed_and_named_exactly(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    latin1 = os.fsencode(docs) + b"/caf\xe9.txt"  # "café" saved by a Latin-1 system
    with open(latin1, "wb") as handle:
        handle.write(BRIDGE.encode())
    (docs / "plain.txt").write_text(TAXES)
    ix = tmp_path / "ix"

    code, out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0 and summary(err) == (2, 0, 0), err
    no_traceback(err)
    code, _out, err = quoteidx("index", docs, "--prune", "--index", ix)
    assert code == 0 and summary(err) == (0, 0, 2) and "0 pruned" in err, err

    code, out, err = quoteidx("search", "bridge", "--format", "jsonl", "--index", ix)
    assert code == 0, err
    record = json.loads(out)
    assert os.fsencode(record["source"]["path"]) == latin1  # stored losslessly

    code, out, err = quoteidx("show", record["id"], "--context", "1", "--index", ix)
    assert code == 0 and err == "", err  # read again from the same file
    assert "The town waited." in out
    assert "caf\\" in out and "\udce9" not in out  # the name, escaped
