"""verify: the four verdicts (confirmed, similar, misattributed, not found) on the seed
articles and on small texts of our own; the matching itself; exit codes and JSON."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.factcheck import compare, normalise
from quoteidx.indexing import index_paths

Cli = Callable[..., Any]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_CLAIM = "We are cursed with never getting peace in Afghanistan"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("seeds")
    shutil.copytree(CORPUS, where / "corpus")
    index_paths([where / "corpus"], where / "ix")
    return where / "ix"


def report(cli: Cli, ix: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = cli("verify", *args, "--index", ix, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


# The seeds


def test_seed_example_is_misattributed_to_khan(cli: Cli, seeds: Path) -> None:
    result = cli("verify", SEED_CLAIM, "--speaker", "Ismail Khan", "--index", seeds)
    assert result.exit_code == 4
    out = " ".join(re.sub("[\u2500-\u257f]", " ", result.stdout).split())  # any wrapping
    assert "MISATTRIBUTED: these words are Hidaytullah's, not Ismail Khan's" in out
    assert "exact words, said by Hidaytullah" in out
    assert "The Independent" in out and "000_8dcf562b40224565.txt" in out
    assert "We pray for peace, but I think we are cursed" in out  # the paragraph
    assert "cite: Hidaytullah (resident), in The Independent" in out

    code, data = report(cli, seeds, SEED_CLAIM, "--speaker", "Ismail Khan")
    assert code == 4 and data["verdict"] == "misattributed" and data["exit_code"] == 4
    assert data["speaker_is"] == ["Ismail Khan"]
    best = data["candidates"][0]
    assert (best["match"], best["score"], best["person"], best["by_speaker"]) == (
        "exact", 100.0, "Hidaytullah", False)
    assert best["matched_text"] == "we are cursed with never getting peace in Afghanistan"
    assert best["quote"]["source"]["path"].endswith("000_8dcf562b40224565.txt")
    assert SEED_CLAIM.lower() in best["quote"]["paragraph"].lower()


def test_seed_exact_words_by_the_right_speaker_are_confirmed(cli: Cli, seeds: Path) -> None:
    code, data = report(cli, seeds, f"“{SEED_CLAIM.upper()}!”", "--speaker", "hidaytullah")
    assert code == 0 and data["verdict"] == "confirmed"
    assert data["candidates"][0]["by_speaker"] is True
    code, data = report(cli, seeds, SEED_CLAIM)  # no speaker: who said it
    assert code == 0 and data["candidates"][0]["person"] == "Hidaytullah"
    assert data["candidates"][0]["by_speaker"] is None


def test_seed_paraphrase_is_similar_with_a_word_diff(cli: Cli, seeds: Path) -> None:
    code, data = report(cli, seeds, "The Taliban are the pawns of Pakistan", "-s", "Commander Khan")
    assert code == 3 and data["verdict"] == "similar"
    best = data["candidates"][0]
    assert best["match"] == "similar" and 80 <= best["score"] < 100
    assert best["person"] == "Ismail Khan" and best["by_speaker"] is True
    steps = [(d["op"], d["claim"], d["quote"]) for d in best["diff"]]
    assert ("insert", "", "just") in steps
    assert ("replace", "Pakistan", "the Pakistanis") in steps
    result = cli("verify", "The Taliban are the pawns of Pakistan", "-s", "Khan",
                 "--index", seeds)
    assert result.exit_code == 3
    assert "SIMILAR: Khan said something close" in result.stdout
    assert "[-Pakistan-]" in result.stdout and "{+just+}" in result.stdout


def test_seed_claim_nobody_made_is_not_found(cli: Cli, seeds: Path) -> None:
    code, data = report(cli, seeds, "The economy will grow by five percent next year",
                        "--speaker", "Ismail Khan")
    assert code == 1 and data["verdict"] == "not_found" and data["candidates"] == []
    result = cli("verify", "The economy will grow by five percent", "--index", seeds)
    assert result.exit_code == 1 and "NOT FOUND" in result.stdout


def test_seed_speaker_nobody_knows(cli: Cli, seeds: Path) -> None:
    # Not a misattribution: the index cannot say what someone it never quotes said.
    result = cli("verify", SEED_CLAIM, "--speaker", "Zbigniew Nobody", "--index", seeds)
    assert result.exit_code == 5
    assert ("UNKNOWN SPEAKER: nobody called Zbigniew Nobody is quoted; these words are "
            "Hidaytullah's") in result.stdout.replace("\n", " ")
    code, data = report(cli, seeds, SEED_CLAIM, "--speaker", "Zbigniew Nobody")
    assert code == 5 and data["verdict"] == "unknown_speaker" and data["speaker_is"] == []
    assert data["candidates"][0]["person"] == "Hidaytullah"
    code, data = report(cli, seeds, "The economy will grow by five percent next year",
                        "--speaker", "Zbigniew Nobody")
    assert code == 5 and data["candidates"] == []


# Small cases of our own

ARTICLE = """---
publication: The Gazette
date: 2021-08-10
---
Amina Yusuf: The bridge will reopen in March, after the repairs are finished
Paul Tran: Dog bites man
Paul Tran: We will never negotiate with them
Mallory: [bold]not bold[/bold] and \x1b[31mnot red at all\x1b[0m
"""


@pytest.fixture
def ix(tmp_path: Path, fake_extract: Any) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(ARTICLE)
    index_paths([docs], tmp_path / "ix", extract=fake_extract)
    return tmp_path / "ix"


@pytest.mark.parametrize(("claim", "speaker", "verdict"), [
    ('"The bridge will reopen in March"', "Amina Yusuf", "confirmed"),  # shortened
    ("the BRIDGE will re-open in March", "Yusuf", "similar"),  # a hyphen
    ("The bridge will reopen in April, after the repairs", "Yusuf", "similar"),
    ("The bridge will reopen in March", "Paul Tran", "misattributed"),
    ("We'll never negotiate with them", "Yusuf", "misattributed"),  # close, someone else's
    ("Man bites dog, says the paper", "Paul Tran", "not_found"),
    ("Interest rates will rise again soon", None, "not_found"),
])
def test_small_cases(cli: Cli, ix: Path, claim: str, speaker: str | None, verdict: str) -> None:
    args = [claim] + (["--speaker", speaker] if speaker else [])
    code, data = report(cli, ix, *args)
    assert data["verdict"] == verdict
    assert code == {"confirmed": 0, "not_found": 1, "similar": 3, "misattributed": 4}[verdict]


def test_reassigned_quote_changes_the_verdict(cli: Cli, ix: Path) -> None:
    claim = "We will never negotiate with them"
    assert report(cli, ix, claim, "-s", "Amina Yusuf")[1]["verdict"] == "misattributed"
    quote_id = report(cli, ix, claim)[1]["candidates"][0]["quote"]["id"]
    assert cli("reassign", quote_id, "Amina Yusuf", "--index", ix).exit_code == 0
    code, data = report(cli, ix, claim, "-s", "Amina Yusuf")
    assert code == 0 and data["verdict"] == "confirmed"
    assert data["candidates"][0]["quote"]["extra"] == {"reassigned_from": "Paul Tran"}
    assert report(cli, ix, claim)[1]["candidates"][0]["person"] == "Amina Yusuf"


def test_min_score_and_limit(cli: Cli, ix: Path) -> None:
    claim = "The bridge will reopen in April, after the repairs"
    assert report(cli, ix, claim, "--min-score", "99")[1]["verdict"] == "not_found"
    assert report(cli, ix, claim, "--limit", "1")[1]["candidates"][0]["match"] == "similar"


@pytest.mark.parametrize(("args", "message"), [
    (["two words"], "at least 3 words"),
    (["!!! ... ???"], "at least 3 words"),
    (["The bridge will reopen", "--speaker", " "], "--speaker is empty"),
    (["The bridge will reopen", "--min-score", "101"], "--min-score"),
])
def test_bad_usage_is_exit_2(cli: Cli, ix: Path, args: list[str], message: str) -> None:
    result = cli("verify", *args, "--index", ix)
    assert result.exit_code == 2 and message in result.output
    assert result.stdout == ""


def test_hostile_quotes_stay_text(cli: Cli, ix: Path) -> None:
    result = cli("verify", "not bold and not red at all", "--index", ix)
    assert result.exit_code == 3  # "[31mnot" is one word "31mnot" to the matcher
    assert "[bold]not bold[/bold]" in result.stdout and "\\x1b[31mnot red" in result.stdout
    assert "\x1b" not in result.stdout


def test_help_documents_exit_codes(cli: Cli) -> None:
    result = cli("verify", "--help")
    text = " ".join(result.stdout.split())
    assert result.exit_code == 0 and "Example:" in text
    for words in ("0 confirmed", "1 not found", "2 bad usage", "3 similar only",
                  "4 misattributed"):
        assert words in text


# The matching


@pytest.mark.parametrize(("claim", "quote", "exact"), [
    ("we are cursed", "“We pray for peace, but we are CURSED,” he said", True),
    ("don't go there", "Don’t go there!", True),  # curly and straight apostrophes
    ("Zürich is calm", "zurich is calm", True),  # accents
    ("dog bites man", "man bites dog", False),  # word order matters
])
def test_exact_means_the_same_words_in_the_same_order(claim: str, quote: str,
                                                      exact: bool) -> None:
    result = compare(normalise(claim), quote)
    assert result.exact is exact
    if exact:
        assert result.score == 100.0
        a, b = result.span
        assert normalise(quote[a:b]).text == normalise(claim).text


def test_a_shortened_quote_is_found_inside_a_long_one() -> None:
    quote = ("They say it's too dangerous to go to my house. We pray for peace, but I think "
             "we are cursed with never getting peace in Afghanistan.")
    result = compare(normalise("we're cursed with never getting peace in Afghanistan"), quote)
    assert not result.exact and result.score >= 90
    a, b = result.span
    assert quote[a:b] == "we are cursed with never getting peace in Afghanistan"
    assert [(d.op, d.claim, d.quote) for d in result.diff][0] == ("replace", "we're", "we are")


def test_reordered_words_are_similar_and_unrelated_words_are_not() -> None:
    quote = "We pray for peace, but I think we are cursed with never getting peace in Afghanistan"
    reordered = compare(normalise("In Afghanistan we are cursed with never getting peace"), quote)
    assert 80 <= reordered.score < 100
    unrelated = compare(normalise("The economy will grow by five percent next year"), quote)
    assert unrelated.score < 70


def test_verify_help_loads_neither_rapidfuzz_nor_whoosh() -> None:
    code = (
        "import sys\nsys.argv = ['quoteidx', 'verify', '--help']\n"
        "from quoteidx.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('whoosh', 'rapidfuzz') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip() == "[]"
