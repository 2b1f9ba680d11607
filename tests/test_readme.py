"""The README's fact-check script runs as printed, on the bundled corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_script(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text[text.index(heading):]
    return re.search(r"```python\n(.*?)```", after, re.DOTALL)[1]  # type: ignore[index]


def test_the_fact_check_script_runs(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "check.py").write_text(readme_script("### A fact-check script"), "utf-8")
    for run in range(2):  # the second run finds the index made by the first
        done = subprocess.run([sys.executable, "check.py"], cwd=tmp_path, text=True,
                              capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert lines[0] == "misattributed", run
        assert lines[1] == "said by Hidaytullah (resident), score 100"
        assert lines[2].startswith("  cite: Hidaytullah (resident), in The Independent")
        assert "We always suffer" in lines[3]  # the paragraph before, from the article
        assert lines[4].startswith("Ismail Khan: ") and "Pakistan" in done.stdout
    assert (tmp_path / ".quoteidx").is_dir()
