"""The README's fact-check script runs as printed, on the bundled corpus."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def user_guide() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## User guide"):text.index("The rest of this page is reference")]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus indexed as the guide says: `quoteidx index corpus` beside it."""
    where = tmp_path_factory.mktemp("guide")
    shutil.copytree(ROOT / "corpus", where / "corpus")
    done = subprocess.run([sys.executable, "-m", "quoteidx", "index", "corpus"], cwd=where,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return where


def quoteidx_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUOTEIDX_INDEX", "PAGER")}
    return subprocess.run([sys.executable, "-m", "quoteidx", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)


def guide_queries() -> list[list[str]]:
    """The first column of the guide's query table: each example, as a search's args."""
    section = user_guide()
    table = section[section.index("| Query | Finds |"):].split("\n\n")[0]
    found = []
    for row in table.splitlines()[2:]:
        for example in re.findall(r"`([^`]+)`", row.split(" | ")[0]):
            example = example.strip("'")
            found.append(["-F", example[3:]] if example.startswith("-F ") else [example])
    return found


@pytest.mark.parametrize("args", guide_queries(), ids=lambda args: " ".join(args))
def test_every_query_in_the_guide_finds_something_in_the_bundled_corpus(
    bundled: Path, args: list[str]
) -> None:
    done = quoteidx_in(bundled, "search", *args, "--count")
    assert done.returncode == 0 and int(done.stdout) > 0, (args, done.stderr)


SKIPPED = ("index", "merge-speakers", "split-speaker", "reassign", "corrections")


def guide_commands() -> list[list[str]]:
    """The guide's example commands that read the index, up to any pipe or redirection."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", user_guide(), re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if not words or words[0] != "quoteidx" or len(words) < 2 or words[1] in SKIPPED:
                continue
            cut = next((n for n, word in enumerate(words) if word in ("|", ">")), len(words))
            if "--file" not in words and "--install-completion" not in words:
                commands.append(words[1:cut])
    return commands


@pytest.mark.parametrize("args", guide_commands(), ids=lambda args: " ".join(args))
def test_every_command_in_the_guide_works_on_the_bundled_corpus(
    bundled: Path, args: list[str]
) -> None:
    done = quoteidx_in(bundled, *args)
    expected = 4 if args[0] == "verify" else 0  # the guide's claim is misattributed
    assert done.returncode == expected, (args, done.stderr)
    assert done.stdout.strip(), args
