"""The learned part: one logistic regression per intent, scored in plain Python.

The weights were learned by scikit-learn from the training corpus (see :mod:`._train`) and
ship as JSON next to this module, so reading a message needs no third-party library, no
download and no pickle. A message's score for an intent is the intent's bias plus the sum of
its features' weights, each as often as it counts, scaled by one over the square root of the
number of features counted (the same length normalisation the training used), through the
logistic function.

A word brings itself and its pieces (:func:`._features.word_features`), so the model weighs a
word once, sums its features' weights into one row, and keeps that row for the next time
the word comes: most of a message's features are looked up once per word, not once each.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Final

from mittelpunkt.language._features import Features, word_features

__all__ = ["Model", "Weighed", "load_model", "model_from_json"]

WEIGHTS_FILE = "weights.json"
_SHORTEST = 4  # "w:" and two letters
_KEPT = 1 << 18  # words remembered; beyond this the memory starts afresh


class _Known:
    """A feature, its weights (None: the model does not know it), and if it can explain."""

    __slots__ = ("feature", "row", "telling")

    def __init__(self, feature: str, row: tuple[float, ...] | None, *, telling: bool) -> None:
        self.feature = feature
        self.row = row
        self.telling = telling


_NO_PAIRS: dict[str, _Known] = {}  # a word the model knows no pair of (never changed)


class _Word:
    """A word weighed: the summed weights of its features, their number, its own, its pairs.

    Attributes:
        summed: the sum of the weights of the word's known features (None: none known).
        size: how many features the word stands for, known or not.
        own: the word's own feature (``w:...``) and its weights.
        pairs: the pair features the model knows of the word and a word after it, by that
            word (shared with the model: never changed).
    """

    __slots__ = ("own", "pairs", "size", "summed")

    def __init__(
        self, summed: tuple[float, ...] | None, size: int, own: _Known, pairs: dict[str, _Known]
    ) -> None:
        self.summed = summed
        self.size = size
        self.own = own
        self.pairs = pairs


class Weighed:
    """A message weighed by a model.

    Attributes:
        known: the features the model knows that can explain a reading (words and pairs,
            :attr:`Model.telling`).
        rows: their weights, in the same order.
        sums: per intent, the sum of the weights of every feature counted.
        count: the number of features counted, known or not (it normalises the score).
    """

    def __init__(
        self, known: list[str], rows: list[tuple[float, ...]], sums: list[float], count: int
    ) -> None:
        self.known: Final = known
        self.rows: Final = rows
        self.sums: Final = sums
        self.count: Final = count


@dataclass(frozen=True, slots=True)
class Model:
    """Per-intent logistic regressions over counted features.

    Attributes:
        labels: the intents, in the order of every weight vector.
        bias: one intercept per intent.
        thresholds: the probability from which an intent counts as present.
        weights: feature -> one weight per intent.
        corpus_sha256: the digest of the training corpus the weights were learned from.
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    corpus_sha256: str
    vocabulary: frozenset[str] = field(init=False, repr=False, compare=False)
    telling: frozenset[str] = field(init=False, repr=False, compare=False)
    _rows: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)
    _words: dict[str, _Word] = field(init=False, repr=False, compare=False)
    _followers: dict[str, dict[str, _Known]] = field(init=False, repr=False, compare=False)
    _remembered: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the features that have weights, and those that can explain a reading.

        A reading is explained to a person by words of three letters or more and word pairs,
        without numbers. The weights are also kept as a plain dict: the fastest lookup.
        """
        object.__setattr__(self, "vocabulary", frozenset(self.weights))
        object.__setattr__(self, "telling", frozenset(filter(_telling, self.weights)))
        object.__setattr__(self, "_rows", dict(self.weights))
        object.__setattr__(self, "_words", {})
        object.__setattr__(self, "_remembered", [0])
        object.__setattr__(self, "_followers", self._known_pairs())

    def _known_pairs(self) -> dict[str, dict[str, _Known]]:
        """The pair features with weights (``b:<word>_<next>``), by their first word and the next.

        A word has no ``_`` in it, so the first one after ``b:`` ends it.
        """
        followers: dict[str, dict[str, _Known]] = {}
        for feature in self.weights:
            if feature.startswith("b:"):
                word, _, following = feature[2:].partition("_")
                followers.setdefault(word, {})[following] = self._known(feature)
        return followers

    def weigh(self, found: Features) -> Weighed:
        """Sum the weights of a message's features, and keep the known ones for explaining.

        A word is weighed once with its pieces and remembered (:meth:`_word`), with the pairs
        the model knows of it and a word after it; every other feature is looked up. Each
        distinct pair counts (:attr:`Features.pairs`), known or not.

        >>> model = Model(("a",), (0.0,), (0.5,), {"w:wann": (1.0,), "b:wann_": (0.5,)}, "")
        >>> weighed = model.weigh(Features.of(["wann"], frozenset({"lang:de"})))
        >>> weighed.known, weighed.sums, weighed.count
        (['w:wann', 'b:wann_'], [1.5], 3)
        """
        rows = self._rows
        known: list[str] = []
        known_rows: list[tuple[float, ...]] = []
        summed: list[tuple[float, ...]] = []
        count = len(found.others)
        for token in found.words:
            word = self._words.get(token) or self._word(token)
            count += word.size
            if word.summed is not None:
                summed.append(word.summed)
            own = word.own
            if own.telling and own.row is not None:
                known.append(own.feature)
                known_rows.append(own.row)
        count += found.pairs
        repeats = found.pairs < len(found.sequence)
        for pair in self._known_pairs_of(found.sequence, repeats=repeats):
            row = pair.row
            if row is not None:
                summed.append(row)
                if pair.telling:
                    known.append(pair.feature)
                    known_rows.append(row)
        for feature in found.others:  # cues, word fields, language: they never explain
            row = rows.get(feature)
            if row is not None:
                summed.append(row)
        return Weighed(known, known_rows, _column_sums(summed, len(self.labels)), count)

    def _known_pairs_of(self, sequence: list[str], *, repeats: bool) -> list[_Known]:
        """The distinct pairs of a word and the next one that the model knows, in order.

        Only where some pair ``repeats`` are the pairs found checked for one seen before.
        """
        found: list[_Known] = []
        seen: set[_Known] = set()
        last = len(sequence) - 1
        for index, token in enumerate(sequence):
            word = self._words.get(token) or self._word(token)
            if not word.pairs:
                continue
            pair = word.pairs.get(sequence[index + 1] if index < last else "")
            if pair is None:
                continue
            if repeats:
                if pair in seen:
                    continue
                seen.add(pair)
            found.append(pair)
        return found

    def _word(self, token: str) -> _Word:
        """Weigh a word with its pieces, and remember it."""
        stands_for = word_features(token)
        rows = [row for row in map(self._rows.get, stands_for) if row is not None]
        summed = tuple(_column_sums(rows, len(self.labels))) if rows else None
        own = self._known(stands_for[0])
        word = _Word(summed, len(stands_for), own, self._followers.get(token) or _NO_PAIRS)
        self._remember()
        self._words[token] = word
        return word

    def _known(self, feature: str) -> _Known:
        row = self._rows.get(feature)
        return _Known(feature, row, telling=row is not None and feature in self.telling)

    def _remember(self) -> None:
        """Count one more word remembered; forget them all past ``_KEPT``."""
        remembered = self._remembered[0] + 1
        if remembered > _KEPT:
            self._words.clear()
            remembered = 1
        self._remembered[0] = remembered

    def probabilities(self, found: Features) -> dict[str, float]:
        """The probability of each intent, given a message's features.

        >>> model = Model(("a", "b"), (0.0, 0.0), (0.5, 0.5), {"b:x_": (2.0, -2.0)}, "")
        >>> found = Features.of(["x"], frozenset())  # w:x and b:x_, two features
        >>> {k: round(v, 2) for k, v in model.probabilities(found).items()}
        {'a': 0.8, 'b': 0.2}
        """
        weighed = self.weigh(found)
        return self.probabilities_of(weighed.sums, weighed.count)

    def probabilities_of(self, sums: list[float], count: int) -> dict[str, float]:
        """The probability of each intent, from a message's summed weights.

        Args:
            sums: per intent, the sum of the weights of the features counted (see
                :meth:`weigh`).
            count: the number of features counted (it normalises the score).

        The weights of the features other than words are summed in the order they come in,
        which follows string hashing: the last bit may differ between processes; no reading
        has been seen to change (tests/language, "in every process").

        >>> model = Model(("a", "b"), (0.0, 0.0), (0.5, 0.5), {"x": (2.0, -2.0)}, "")
        >>> {k: round(v, 2) for k, v in model.probabilities_of([2.0, -2.0], 1).items()}
        {'a': 0.88, 'b': 0.12}
        """
        scale = 1.0 / math.sqrt(count) if count else 0.0
        probabilities: dict[str, float] = {}
        for column, label in enumerate(self.labels):
            probabilities[label] = _logistic(self.bias[column] + scale * sums[column])
        return probabilities


def _column_sums(rows: list[tuple[float, ...]], width: int) -> list[float]:
    """The sum of each column of ``rows``, added up from the first row to the last.

    A column at a time, its total a plain float: much faster, compiled, than one row at a
    time into a list of totals, and the same sums as ``sum(column, 0.0)``.

    >>> _column_sums([(1.0, 2.0), (0.5, -1.0)], 2)
    [1.5, 1.0]
    """
    sums: list[float] = []
    for column in range(width):
        total = 0.0
        for row in rows:
            total += row[column]
        sums.append(total)
    return sums


def _telling(feature: str) -> bool:
    return feature[:2] in {"w:", "b:"} and len(feature) > _SHORTEST and "0" not in feature


def _logistic(score: float) -> float:
    if score < -40.0:  # noqa: PLR2004 - exp overflows beyond this, and the answer is 0 anyway
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def model_from_json(text: str) -> Model:
    """Build a model from its JSON form (as written by the trainer).

    >>> model = model_from_json('{"labels": ["a"], "bias": [0.5], "thresholds": [0.5],'
    ...                         ' "weights": {"w:x": [1.0]}, "corpus_sha256": "00"}')
    >>> model.weights["w:x"]
    (1.0,)
    """
    data = json.loads(text)
    return Model(
        labels=tuple(data["labels"]),
        bias=tuple(data["bias"]),
        thresholds=tuple(data["thresholds"]),
        weights={feature: tuple(row) for feature, row in data["weights"].items()},
        corpus_sha256=data["corpus_sha256"],
    )


@cache
def load_model() -> Model:
    """The model shipped with the package, read once.

    >>> "cancel_request" in load_model().labels
    True
    """
    text = resources.files("mittelpunkt.language").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return model_from_json(text)
