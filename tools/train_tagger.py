"""Train quoteidx's part-of-speech tagger (UPOS) on UD English EWT and write its weights.

A greedy averaged perceptron, the classic design (Collins 2002; Honnibal's "A good POS
tagger in about 200 lines of Python"): features from quoteidx.finding.tagger, a tag
dictionary for frequent unambiguous words, a few shuffled passes. The weights are
averaged, small ones pruned, the rest rounded to 16-bit integers.

    .venv/bin/python tools/train_tagger.py /work/shared/data/ud-english-ewt

Trains on en_ewt-ud-train.conllu as quoteidx's tokenizer cuts it (tools/ewt.py), with a
copy of every sentence that holds a quotation with the quotation masked, and prints the
accuracy of the written weights on dev and test. `--view words` trains on the treebank's
own words instead (to compare with published figures; not for shipping).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import struct
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from ewt import Sentence, read_conllu, tokens_view, words_view  # noqa: E402

from quoteidx.finding.tagger import (  # noqa: E402
    BEFORE,
    DATA,
    END,
    END2,
    MAGIC,
    QUOTE_TAG,
    QUOTE_WORD,
    START,
    START2,
    TAGS,
    Tagger,
    bigram_features,
    normalise,
    pair_feature,
    tag_features,
    word_features,
)

Example = tuple[list[str], list[str]]  # tokens, tags


def examples(sentences: list[Sentence], view: str, with_masked: bool) -> list[Example]:
    out = []
    for sentence in sentences:
        if view == "words":
            out.append(words_view(sentence))
            continue
        plain = tokens_view(sentence)
        out.append(plain)
        if with_masked:
            masked = tokens_view(sentence, masked=True)
            if masked[0] != plain[0]:
                out.append(masked)
    return out


def make_tagdict(data: list[Example], min_count: int, min_share: float) -> dict[str, str]:
    """Words seen often enough with nearly always the same tag."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for tokens, tags in data:
        for token, tag in zip(tokens, tags, strict=True):
            counts[normalise(token)][tag] += 1
    tagdict = {}
    for word, tag_counts in counts.items():
        tag, n = tag_counts.most_common(1)[0]
        total = sum(tag_counts.values())
        if total >= min_count and n / total >= min_share:
            tagdict[word] = tag
    tagdict[QUOTE_WORD] = QUOTE_TAG
    return tagdict


def make_lexicon(data: list[Example], min_count: int, min_share: float) -> dict[str, str]:
    """Lower-case words seen at least min_count times -> the tags they had (each at least
    min_share of the time), as "DET|PRON|SCONJ"."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for tokens, tags in data:
        for token, tag in zip(tokens, tags, strict=True):
            counts[normalise(token).lower()][tag] += 1
    lexicon = {}
    for word, tag_counts in counts.items():
        total = sum(tag_counts.values())
        if total >= min_count:
            lexicon[word] = "|".join(sorted(t for t, n in tag_counts.items()
                                            if n / total >= min_share))
    return lexicon


def static_features(tokens: list[str], lexicon: dict[str, str]) -> list[list[str]]:
    """Per token, every feature that does not depend on the tags before it."""
    norms = [START2, START, *(normalise(t) for t in tokens), END, END2]
    feats = [word_features(norm, lexicon) for norm in norms]
    lowers = [norm.lower() for norm in norms]
    out = []
    for j in range(2, len(norms) - 2):
        own = list(feats[j][0])
        for role, k in enumerate((j - 2, j - 1, j + 1, j + 2)):
            own += feats[k][1][role]
        own += bigram_features(lowers[j - 1], lowers[j], lowers[j + 1])
        out.append(own)
    return out


class AveragedPerceptron:
    def __init__(self, n_classes: int) -> None:
        self.n = n_classes
        self.weights: dict[str, dict[int, float]] = {}
        self._totals: dict[tuple[str, int], float] = defaultdict(float)
        self._stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.instances = 0

    def predict(self, features: list[str]) -> int:
        scores = [0.0] * self.n
        weights = self.weights
        for f in features:
            w = weights.get(f)
            if w:
                for c, v in w.items():
                    scores[c] += v
        best = max(scores)
        return max(c for c in range(self.n) if scores[c] == best)  # ties: the higher index

    def update(self, truth: int, guess: int, features: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for f in features:
            w = self.weights.setdefault(f, {})
            for c, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, c)
                v = w.get(c, 0.0)
                self._totals[key] += (self.instances - self._stamps[key]) * v
                self._stamps[key] = self.instances
                w[c] = v + delta

    def average(self) -> None:
        for f, w in self.weights.items():
            for c, v in w.items():
                key = (f, c)
                total = self._totals[key] + (self.instances - self._stamps[key]) * v
                w[c] = total / self.instances


def train(data: list[Example], tagdict: dict[str, str], lexicon: dict[str, str],
          iterations: int, seed: int) -> AveragedPerceptron:
    index = {t: i for i, t in enumerate(TAGS)}
    model = AveragedPerceptron(len(TAGS))
    prepared = [(tokens, [index[t] for t in tags], static_features(tokens, lexicon),
                 [normalise(t) for t in tokens]) for tokens, tags in data]
    fixed = {w: index[t] for w, t in tagdict.items()}
    rng = random.Random(seed)
    for it in range(iterations):
        started, right, seen = time.perf_counter(), 0, 0
        for _tokens, gold, statics, norms in prepared:
            before2, before = START2, START
            for j, norm in enumerate(norms):
                guess = fixed.get(norm)
                if guess is None:
                    feats = statics[j] + tag_features(before2, before)
                    feats.append(pair_feature(before, norm))
                    guess = model.predict(feats)
                    model.update(gold[j], guess, feats)
                right += guess == gold[j]
                seen += 1
                before2, before = before, TAGS[guess]
        rng.shuffle(prepared)
        print(f"  pass {it + 1}: {right / seen:.4f} on train, "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    model.average()
    return model


# Features naming a word beside this one: many, each rarely seen; kept only when strong.
CONTEXT_WORD = ("-2l ", "-1l ", "+1l ", "+2l ", "bp ", "bn ", "t1l ")


def write(model: AveragedPerceptron, tagdict: dict[str, str], lexicon: dict[str, str],
          path: Path, prune: tuple[float, float], info: dict) -> None:
    """Weights below prune[0] (prune[1] for CONTEXT_WORD features) dropped, the rest
    rounded to int16, in the format that quoteidx.finding.tagger.Tagger reads."""
    kept: dict[str, list[tuple[int, float]]] = defaultdict(list)
    before_index = {t: i for i, t in enumerate(BEFORE)}
    for f, w in model.weights.items():
        least = prune[1] if f.startswith(CONTEXT_WORD) else prune[0]
        pairs = [(c, v) for c, v in w.items() if abs(v) >= least]
        if f.startswith("t1l "):  # grouped by word: t1l <before> <word> -> t1l <word>
            _, before, word = f.split(" ", 2)
            f = "t1l " + word
            pairs = [(before_index[before] * len(TAGS) + c, v) for c, v in pairs]
        kept[f].extend(pairs)
    kept = {f: sorted(pairs) for f, pairs in kept.items() if pairs}
    top = max(abs(v) for pairs in kept.values() for _c, v in pairs)
    scale = 32767 / top
    names = sorted(kept)
    ends: list[int] = []
    classes: list[int] = []
    weights: list[int] = []
    for f in names:
        for c, v in kept[f]:
            q = round(v * scale)
            if q:
                classes.append(c)
                weights.append(q)
        ends.append(len(classes))
    kinds = sorted(set(lexicon.values()))
    kind_index = {k: i for i, k in enumerate(kinds)}
    header = json.dumps({"tags": list(TAGS), "tagdict": tagdict, "kinds": kinds,
                         "lexicon": {w: kind_index[k] for w, k in lexicon.items()},
                         "info": {**info, "scale": scale, "features": len(names)}},
                        ensure_ascii=False, separators=(",", ":")).encode()
    blob = "\n".join(names).encode()
    raw = b"".join([MAGIC, struct.pack("<III", len(header), len(blob), len(classes)), header,
                    blob, struct.pack(f"<{len(ends)}I", *ends),
                    struct.pack(f"<{len(classes)}H", *classes),
                    struct.pack(f"<{len(weights)}h", *weights)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def accuracy(tagger: Tagger, data: list[Example]) -> float:
    right = total = 0
    for tokens, gold in data:
        for guess, truth in zip(tagger.tag(tokens), gold, strict=True):
            right += guess == truth
            total += 1
    return right / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ewt", type=Path, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--out", type=Path, help=f"default: {DATA.relative_to(ROOT)}")
    parser.add_argument("--view", choices=("tokens", "words"), default="tokens")
    parser.add_argument("--no-masked", action="store_true",
                        help="no masked-quotation copies of sentences")
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--prune", type=float, default=0.5,
                        help="drop averaged weights smaller than this")
    parser.add_argument("--prune-context", type=float, default=1.5,
                        help="the same for features that name a neighbouring word")
    parser.add_argument("--tagdict-count", type=int, default=20)
    parser.add_argument("--tagdict-share", type=float, default=0.97)
    parser.add_argument("--lexicon-count", type=int, default=5,
                        help="words seen this often have their tags as a feature")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out is None:
        if args.view == "words":
            parser.error("--view words is not for shipping: give --out")
        args.out = DATA

    def load(split: str) -> list[Sentence]:
        return list(read_conllu(args.ewt / f"en_ewt-ud-{split}.conllu"))

    train_data = examples(load("train"), args.view, not args.no_masked)
    tagdict = make_tagdict(train_data, args.tagdict_count, args.tagdict_share)
    print(f"{len(train_data)} sentences, {sum(len(t) for t, _ in train_data)} tokens, "
          f"{len(tagdict)} words in the tag dictionary", file=sys.stderr)
    lexicon = make_lexicon(train_data, args.lexicon_count, 0.1)
    model = train(train_data, tagdict, lexicon, args.iterations, args.seed)
    info = {"trained_on": "UD English EWT train (r2.16 line)", "view": args.view,
            "masked_copies": not args.no_masked, "iterations": args.iterations,
            "prune": [args.prune, args.prune_context], "lexicon_count": args.lexicon_count}
    write(model, tagdict, lexicon, args.out, (args.prune, args.prune_context), info)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    tagger = Tagger(args.out)
    for split in ("dev", "test"):
        sentences = load(split)
        print(f"{split}: {accuracy(tagger, examples(sentences, args.view, False)):.4f}")


if __name__ == "__main__":
    main()
