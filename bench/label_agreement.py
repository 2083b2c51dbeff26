"""How far people agree on the held-out labels, and where the reader stands among them.

Each file in ``corpus/agreement/`` (``<part>_<lang>_<labeller>.jsonl``) holds one more
person's labels for one held-out part's messages, given from the labelling guide alone,
without the writer's labels (matched by text to the held-out part or, once that part has
joined the training part, to the training part). Prints, per part and language, the macro-F1
of every source against every other (the writer, each labeller, and the reader while the
messages are not in its training part), and of each source against the majority of the
people (an intent counts when at least two of the three gave it).

Then, for each round of the relabelling in ``corpus/relabelling/`` (training messages that
cross-validation read differently from their writer, labelled again by two people, A and B;
matched to the training part by the digest of their text): how often A and B, and each of
them and the writer, gave the identical set, how many labels the majority changed, and how
many training messages carry the majority now.

Run: ``.venv/bin/python bench/label_agreement.py``
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.language import classify
from mittelpunkt.language.labelled import read_labelled, training_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LABELS = sorted(INTENTS)
Sets = Mapping[str, frozenset[str]]


def macro_f1(gold: Sequence[frozenset[str]], said: Sequence[frozenset[str]]) -> float:
    """The mean over the intents of the F1 of ``said`` against ``gold``.

    >>> macro_f1([frozenset({"other"})], [frozenset({"other"})]) * len(LABELS)
    1.0
    """
    total = 0.0
    for label in LABELS:
        hits = sum(label in g and label in s for g, s in zip(gold, said, strict=True))
        if hits:
            precision = hits / sum(label in s for s in said)
            recall = hits / sum(label in g for g in gold)
            total += 2 * precision * recall / (precision + recall)
    return total / len(LABELS)


def majority(given: Sequence[frozenset[str]]) -> frozenset[str]:
    """The intents at least two of the people gave (``other`` when none is left).

    >>> sorted(majority([frozenset({"complaint"}), frozenset({"other"}), frozenset({"other"})]))
    ['other']
    """
    kept = frozenset(label for label in LABELS if sum(label in g for g in given) >= 2)
    return kept or frozenset({"other"})


def report(part: str, lang: str, writer: Sets, learned: frozenset[str]) -> None:
    """Print how far the people agree on one part's messages in one language.

    ``part`` names the labellings (``agreement/<part>_<lang>_<labeller>.jsonl``); ``learned``
    holds the texts the reader was trained on.
    """
    people = {"writer": writer}
    for path in sorted(CORPUS.glob(f"agreement/{part}_{lang}_*.jsonl")):
        people[f"labeller {path.stem.rsplit('_', 1)[1]}"] = {
            m.text: m.intents for m in read_labelled(path)
        }
    texts = [t for t in writer if all(t in p for p in people.values())]
    if len(people) < 3 or not texts:
        print(f"=== {part}, {lang}: no second and third labelling")
        return
    print(f"=== {part}, {lang}: {len(texts)} messages labelled by {len(people)} people ===")
    sources = dict(people)
    if learned.isdisjoint(texts):
        sources["reader"] = {t: classify(t).intents for t in texts}
    else:
        print("  (the reader is left out: it has learned from these messages)")
    for gold_name, gold in sources.items():
        cells = [
            f"{name} {macro_f1([gold[t] for t in texts], [said[t] for t in texts]):.3f}"
            for name, said in sources.items()
            if name != gold_name
        ]
        print(f"  against {gold_name:10}: " + ", ".join(cells))
    agreed = [majority([p[t] for p in people.values()]) for t in texts]
    for name, said in sources.items():
        f1 = macro_f1(agreed, [said[t] for t in texts])
        print(f"  {name:10} against the majority of the people: {f1:.3f}")


def parts() -> list[str]:
    """The parts that have labellings in ``agreement/``, by name ("eighth_part", ...)."""
    return sorted({path.stem.rsplit("_", 2)[0] for path in CORPUS.glob("agreement/*.jsonl")})


def text_digest(text: str) -> str:
    """The key of a training message in ``corpus/relabelling/``.

    >>> text_digest("Kann man das stornieren?")
    'b7cc6ee256206bdd'
    """
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def report_relabelling(path: Path, now: Sets) -> None:
    """Print one relabelling round: agreement on the disputed messages and what changed.

    ``now`` holds the training part's present intents, by :func:`text_digest`.
    """
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    for lang in ("de", "en"):
        mine = [r for r in rows if r["lang"] == lang]
        said = [{who: frozenset(r[who]["intents"]) for who in ("writer", "a", "b")} for r in mine]
        agreed = [majority(list(s.values())) for s in said]
        share = {
            pair: sum(s[pair[0]] == s[pair[1]] for s in said) / len(said)
            for pair in (("a", "b"), ("writer", "a"), ("writer", "b"))
        }
        changed = sum(m != s["writer"] for m, s in zip(agreed, said, strict=True))
        kept = sum(now.get(r["sha256"]) == m for r, m in zip(mine, agreed, strict=True))
        print(
            f"=== {path.stem}, {lang}: {len(mine)} disputed messages; identical sets: A and B "
            f"{share['a', 'b']:.0%}, writer and A {share['writer', 'a']:.0%}, writer and B "
            f"{share['writer', 'b']:.0%}; the majority changed {changed}; "
            f"{kept} carry the majority now"
        )


def main() -> None:
    heldout = read_labelled(CORPUS / "heldout.jsonl")
    training = training_corpus()
    learned = frozenset(m.text for m in training)
    for lang in ("de", "en"):
        writer = {m.text: m.intents for m in [*training, *heldout] if m.lang == lang}
        for part in parts():
            report(part, lang, writer, learned)
    now = {text_digest(m.text): m.intents for m in training}
    for path in sorted(CORPUS.glob("relabelling/*.jsonl")):
        report_relabelling(path, now)


if __name__ == "__main__":
    main()
