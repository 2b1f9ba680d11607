"""Part-of-speech tagger figures: accuracy, speed, load time, size of the weights.

    .venv/bin/python bench/tagger.py --ewt ../shared/data/ud-english-ewt \\
        --text ../shared/eval/dev.jsonl

--ewt: accuracy on EWT dev and test, on the treebank's words and as quoteidx's tokenizer
cuts the same text (clitics joined: "don't", "Ruiz's"), on those joined tokens alone,
and with quotations masked as the extractor does. --text (JSON lines with a "text"
field, or plain text): tokens per second in this one process, over sentences cut the
way the extractor cuts them (paragraphs, quotes masked, sentences, tokens); the first
pass starts with an empty per-word cache, the second reuses it. Load time is measured
in fresh processes (median of --runs). Wall and CPU time both: on a shared machine the
CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from quoteidx.finding.tagger import (  # noqa: E402
    DATA,
    QUOTE_TAG,
    QUOTE_WORD,
    Tagger,
    normalise,
)

_LOAD = """
import sys, time
clocks = (time.perf_counter, time.process_time)
started = [c() for c in clocks]
from quoteidx.finding.tagger import Tagger
imported = [c() for c in clocks]
Tagger(__import__('pathlib').Path(sys.argv[1])).tag(["Ruiz", "said", "."])
loaded = [c() for c in clocks]
print(*(b - a for a, b in zip(started, imported)), *(b - a for a, b in zip(imported, loaded)))
"""


def load_times(weights: Path, runs: int) -> list[float]:
    """Median seconds (wall, CPU) to import the module, then (wall, CPU) to load the
    weights and tag one sentence, each in a fresh process."""
    runs_out = [[float(x) for x in subprocess.run(
        [sys.executable, "-c", _LOAD, str(weights)], check=True, capture_output=True,
        text=True).stdout.split()] for _ in range(runs)]
    return [statistics.median(column) for column in zip(*runs_out, strict=True)]


def news_sentences(path: Path, limit: int) -> list[list[str]]:
    """Token texts of each sentence, cut as the extractor cuts a document."""
    from quoteidx.finding.marks import quote_spans
    from quoteidx.finding.paragraph import Paragraph
    from quoteidx.finding.text import paragraphs

    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"] if path.suffix == ".jsonl" else line)
    out, total = [], 0
    for text in texts:
        for start, end in paragraphs(text):
            spans, dangling = quote_spans(text, start, end)
            if dangling is not None and dangling.end > dangling.start:
                spans = [*spans, dangling]
            paragraph = Paragraph(text, start, end, spans)
            tokens = paragraph.tokens
            for a, b in paragraph.sentences:
                words = [t.text for t in tokens if a <= t.start and t.end <= b]
                if words:
                    out.append(words)
                    total += len(words)
        if total >= limit:
            break
    return out


def speed(weights: Path, sentences: list[list[str]]) -> list[tuple[float, float]]:
    """Tokens per second (wall, CPU): first pass from an empty cache, then warm."""
    tagger = Tagger(weights)
    total = sum(len(s) for s in sentences)
    rates = []
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        for words in sentences:
            tagger.tag(words)
        rates.append((total / (time.perf_counter() - wall), total / (time.process_time() - cpu)))
    return rates


def accuracy_table(weights: Path, ewt: Path) -> None:
    from ewt import read_conllu, tokens_view, words_view

    tagger = Tagger(weights)
    print(f"{'accuracy':<44}{'dev':>8}{'test':>8}")
    rows: dict[str, list[str]] = {}
    seen = {normalise(t).lower() for sentence in read_conllu(ewt / "en_ewt-ud-train.conllu")
            for t in tokens_view(sentence)[0]}
    for split in ("dev", "test"):
        sentences = list(read_conllu(ewt / f"en_ewt-ud-{split}.conllu"))
        counts: dict[str, list[int]] = {}

        def count(name: str, right: bool, counts: dict[str, list[int]] = counts) -> None:
            cell = counts.setdefault(name, [0, 0])
            cell[0] += right
            cell[1] += 1

        for sentence in sentences:
            words, gold = words_view(sentence)
            for guess, truth in zip(tagger.tag(words), gold, strict=True):
                count("treebank words", guess == truth)
            tokens, gold = tokens_view(sentence)
            forms = {u.form for u in sentence.units if len(u.words) == 1}
            for token, guess, truth in zip(tokens, tagger.tag(tokens), gold, strict=True):
                count("our tokens", guess == truth)
                if normalise(token).lower() not in seen:
                    count("  words not in the training data", guess == truth)
                if token not in forms and any(ch.isalpha() for ch in token):
                    if "'" in normalise(token):
                        count("  joined at an apostrophe (don't, Ruiz's)", guess == truth)
                    elif "-" in token:
                        count("  joined at a hyphen (well-known)", guess == truth)
            masked, gold = tokens_view(sentence, masked=True)
            if masked != tokens:
                for token, guess, truth in zip(masked, tagger.tag(masked), gold, strict=True):
                    if token[0] != "\ue000":
                        count("  words beside a masked quote", guess == truth)
                    else:
                        count("  masked quote tokens (-> NOUN)", guess == truth)
        for name, (right, total) in counts.items():
            rows.setdefault(name, []).append(f"{right / total:.4f}")
            rows.setdefault(name + " (n)", []).append(str(total))
    for name, cells in rows.items():
        if not name.endswith("(n)"):
            n = "/".join(rows[name + " (n)"])
            print(f"{name:<44}{cells[0]:>8}{cells[1]:>8}   n={n}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ewt", type=Path, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--text", type=Path, help="news text: .jsonl with 'text', or plain")
    parser.add_argument("--tokens", type=int, default=400_000, help="tokens to tag for speed")
    parser.add_argument("--weights", type=Path, default=DATA)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    tagger = Tagger(args.weights)
    info = tagger.info
    print(f"weights: {args.weights} ({args.weights.stat().st_size / 1e6:.2f} MB, "
          f"{info.get('features')} features, {len(tagger.tagdict)} words in the tag "
          f"dictionary, view {info.get('view')}); {QUOTE_WORD} -> {QUOTE_TAG}")
    import_wall, import_cpu, load_wall, load_cpu = load_times(args.weights, args.runs)
    print(f"import quoteidx.finding.tagger: {import_wall * 1e3:.0f} ms wall, "
          f"{import_cpu * 1e3:.0f} ms CPU; load weights and tag one sentence: "
          f"{load_wall * 1e3:.0f} ms wall, {load_cpu * 1e3:.0f} ms CPU "
          f"(median of {args.runs} processes)")
    if args.ewt:
        accuracy_table(args.weights, args.ewt)
    if args.text:
        sentences = news_sentences(args.text, args.tokens)
        total = sum(len(s) for s in sentences)
        (cold, cold_cpu), (warm, warm_cpu) = speed(args.weights, sentences)
        print(f"speed: {total} tokens in {len(sentences)} sentences of {args.text.name}, "
              f"one process: empty cache {cold:,.0f} tokens/s wall ({cold_cpu:,.0f} per "
              f"CPU-second), warm {warm:,.0f} tokens/s wall ({warm_cpu:,.0f} per CPU-second)")


if __name__ == "__main__":
    main()
