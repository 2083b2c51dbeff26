"""Measure the reader of customers' messages on the held-out corpus.

Prints, per language: precision, recall and F1 per intent, the macro-F1, a confusion table,
how well ``explicit`` is read, exact-match rates by how messages are written (tags); then the
safety count (cancellation questions, withdrawals, negated or conditional cancellations read
as an explicit ``cancel_request``: must be zero, on the held-out and the training part), and
the speed in messages per second on one core (single process, one message at a time), on the
held-out part and on the training part: messages per second fall with their length, and the
parts differ in length. The reader remembers the words it has weighed, so the speed is given
twice: read again and again (the fastest pass; every word known), and read once, each message
for the first time, by a reader that has read only the training part before (its new words
weighed on the way, as in a stream of new messages).

Run: ``.venv/bin/python bench/intent_eval.py`` (``--corpus PATH`` to measure another file,
``--speed`` for the speed alone).
``--cv`` instead cross-validates on the training part only (needs scikit-learn): five folds,
each fitted on the other four (augmented as in training; a message's fold follows from
a digest of its text) and read on its own hand-written
messages; the held-out part is not touched. This is the figure to steer by.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from mittelpunkt.core.intents import INTENTS, IntentReading
from mittelpunkt.language import classify
from mittelpunkt.language._classify import read_with
from mittelpunkt.language._model import load_model
from mittelpunkt.language.labelled import Labelled, in_safety_set, read_labelled, training_corpus

HELDOUT = Path(__file__).resolve().parent.parent / "corpus" / "heldout.jsonl"
LABELS = sorted(INTENTS)
SHORT = {
    "status_inquiry": "stat",
    "cancel_request": "c_req",
    "cancel_question": "c_q",
    "withdraw": "wdr",
    "reactivation_request": "react",
    "confirmation_request": "conf",
    "complaint": "compl",
    "info_provided": "info",
    "unsubscribe": "unsub",
    "other": "other",
}
Pair = tuple[Labelled, IntentReading]


def scores(pairs: Sequence[Pair], label: str) -> tuple[float, float, float, int]:
    hits = sum(label in m.intents and label in r.intents for m, r in pairs)
    said = sum(label in r.intents for _, r in pairs)
    true = sum(label in m.intents for m, _ in pairs)
    precision = hits / said if said else 0.0
    recall = hits / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1, true


def print_table(pairs: Sequence[Pair]) -> float:
    print(f"  {'intent':22} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>4}")
    f1s = []
    for label in LABELS:
        precision, recall, f1, true = scores(pairs, label)
        f1s.append(f1)
        print(f"  {label:22} {precision:6.2f} {recall:6.2f} {f1:6.2f} {true:4d}")
    macro = sum(f1s) / len(f1s)
    print(f"  {'macro-F1':22} {'':6} {'':6} {macro:6.3f}")
    return macro


def confusion(pairs: Sequence[Pair]) -> Counter[tuple[str, str]]:
    cells: Counter[tuple[str, str]] = Counter()
    for message, reading in pairs:
        for gold in message.intents:
            wrong = reading.intents - message.intents
            if gold in reading.intents:
                cells[gold, gold] += 1
            elif not wrong:
                cells[gold, "-"] += 1
            cells.update((gold, said) for said in wrong)
    return cells


def print_confusion(pairs: Sequence[Pair]) -> None:
    cells = confusion(pairs)
    columns = [*LABELS, "-"]
    print("  gold \\ read " + "".join(f"{SHORT.get(c, c):>6}" for c in columns))
    for gold in LABELS:
        row = "".join(f"{cells[gold, said] or '.':>6}" for said in columns)
        print(f"  {SHORT[gold]:12} {row}")
    print("  (a row counts, for messages with that intent, each intent read; '-' = none)")


def print_explicit(pairs: Sequence[Pair]) -> None:
    both = sum(m.explicit and r.explicit for m, r in pairs)
    said = sum(r.explicit for _, r in pairs)
    true = sum(m.explicit for m, _ in pairs)
    precision = both / said if said else 0.0
    recall = both / true if true else 0.0
    print(f"  explicit: precision {precision:.2f}, recall {recall:.2f} ({true} explicit)")


def print_explicit_counts(pairs: Sequence[Pair]) -> None:
    """How many explicit instructions are read as such, and how many explicit readings are wrong."""
    right = sum(m.explicit and r.explicit for m, r in pairs)
    wrong = sum(r.explicit and not m.explicit for m, r in pairs)
    true = sum(m.explicit for m, _ in pairs)
    print(f"  explicit readings (training part): {right:,} of {true:,} right, {wrong} wrong")


def print_tags(pairs: Sequence[Pair]) -> None:
    tags = sorted({tag for m, _ in pairs for tag in m.tags})
    rates = []
    for tag in tags:
        tagged = [(m, r) for m, r in pairs if tag in m.tags]
        exact = sum(m.intents == r.intents for m, r in tagged)
        rates.append(f"{tag} {exact}/{len(tagged)}")
    print("  exact intents by tag: " + ", ".join(rates))


def violations(pairs: Sequence[Pair]) -> list[Labelled]:
    return [
        m for m, r in pairs if in_safety_set(m) and "cancel_request" in r.intents and r.explicit
    ]


def speed(texts: Sequence[str], passes: int = 10) -> float:
    """Messages per second on one core: the fastest of several passes over the corpus.

    The fastest pass is the one least disturbed by whatever else the machine is doing.
    """
    for text in texts:
        classify(text)
    fastest = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for text in texts:
            classify(text)
        fastest = min(fastest, time.perf_counter() - start)
    return len(texts) / fastest


def report_language(pairs: Sequence[Pair], lang: str) -> float:
    mine = [(m, r) for m, r in pairs if m.lang == lang]
    print(f"\n=== {lang}: {len(mine)} held-out messages ===")
    macro = print_table(mine)
    print()
    print_confusion(mine)
    print()
    print_explicit(mine)
    print_tags(mine)
    return macro


def fold_of_text(text: str, folds: int) -> int:
    """The fold of a message, from a digest of its text: adding messages moves no other.

    >>> fold_of_text("Kann man das stornieren?", 5) == fold_of_text("Kann man das stornieren?", 5)
    True
    """
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") % folds


def cross_validate(messages: Sequence[Labelled], folds: int = 5) -> list[Pair]:
    """Each training message read by a model fitted without it (nor its augmented variants).

    A message's fold follows from its text, so two versions of the corpus are compared on
    the same folds for the messages they share.
    """
    from mittelpunkt.language._train import fit  # noqa: PLC0415 - needs scikit-learn

    fold_of = {index: fold_of_text(m.text, folds) for index, m in enumerate(messages)}
    pairs: list[Pair] = []
    for fold in range(folds):
        model = fit([m for i, m in enumerate(messages) if fold_of[i] != fold])
        tested = [m for i, m in enumerate(messages) if fold_of[i] == fold]
        pairs += [(m, read_with(model, m.text)) for m in tested]
    return pairs


def main_cv() -> None:
    pairs = cross_validate(training_corpus())
    macros = {}
    for lang in ("de", "en"):
        mine = [(m, r) for m, r in pairs if m.lang == lang]
        print(f"\n=== {lang}: {len(mine)} training messages, 5-fold cross-validation ===")
        macros[lang] = print_table(mine)
        print()
        print_confusion(mine)
    print("\n=== summary (cross-validation on the training part) ===")
    print("  macro-F1: " + ", ".join(f"{lang} {f1:.3f}" for lang, f1 in macros.items()))
    bad = violations(pairs)
    print(f"  safety violations: {len(bad)}")
    for message in bad:
        print(f"    ! {message.text[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HELDOUT)
    parser.add_argument("--cv", action="store_true", help="cross-validate on the training part")
    parser.add_argument("--speed", action="store_true", help="only the speed")
    arguments = parser.parse_args()
    if arguments.cv:
        main_cv()
        return
    corpus = read_labelled(arguments.corpus)
    if arguments.speed:
        print_first_reading([m.text for m in corpus], [m.text for m in training_corpus()])
        print_speed("held-out", [m.text for m in corpus], passes=10)
        print_speed("training", [m.text for m in training_corpus()], passes=3)
        return
    pairs = [(m, classify(m.text)) for m in corpus]
    macros = {lang: report_language(pairs, lang) for lang in ("de", "en")}
    print("\n=== summary ===")
    print("  macro-F1: " + ", ".join(f"{lang} {f1:.3f}" for lang, f1 in macros.items()))
    train = [(m, classify(m.text)) for m in training_corpus()]
    bad = violations(pairs)
    safety = sum(in_safety_set(m) for m, _ in pairs)
    print(f"  safety violations (held-out, {safety} in the safety set): {len(bad)}")
    print(f"  safety violations (training part): {len(violations(train))}")
    print_explicit_counts(train)
    for message in bad:
        print(f"    ! {message.text[:100]!r}")
    print_speed("held-out", [m.text for m in corpus], passes=10)
    print_speed("training", [m.text for m, _ in train], passes=3)


TARGET = 5000  # messages a second on one core, as the reader is asked to manage


def print_speed(name: str, texts: Sequence[str], passes: int) -> None:
    """The speed on one part, with its messages' mean length (speed falls with length)."""
    rate = speed(texts, passes)
    mean = sum(map(len, texts)) / len(texts)
    print(
        f"  speed on the {name} part: {rate:,.0f} messages/second on one core (fastest of"
        f" {passes} passes; {mean:.0f} characters a message on average,"
        f" {rate * mean / 1000:,.0f}k characters/second; {rate / TARGET:.2f}x the target"
        f" of {TARGET:,})"
    )


def first_reading(texts: Sequence[str], before: Sequence[str]) -> float:
    """Messages a second on ``texts`` read once, by a fresh reader that has read ``before``."""
    load_model.cache_clear()  # a reader that remembers no word yet
    for text in before:
        classify(text)
    start = time.perf_counter()
    for text in texts:
        classify(text)
    return len(texts) / (time.perf_counter() - start)


def print_first_reading(texts: Sequence[str], before: Sequence[str], runs: int = 5) -> None:
    """The median speed of ``runs`` first readings (one is too short to measure alone)."""
    rates = sorted(first_reading(texts, before) for _ in range(runs))
    rate = statistics.median(rates)
    mean = sum(map(len, texts)) / len(texts)
    print(
        f"  speed on the held-out part, each message read for the first time (after the"
        f" training part): {rate:,.0f} messages/second on one core (median of {runs} fresh"
        f" readers, {rates[0]:,.0f} to {rates[-1]:,.0f}; {mean:.0f} characters a message on"
        f" average; {rate / TARGET:.2f}x the target of {TARGET:,})"
    )


if __name__ == "__main__":
    main()
