"""The learned part: one logistic regression per intent, scored in plain Python.

The weights were learned by scikit-learn from the training corpus (see :mod:`._train`) and
ship as JSON next to this module, so reading a message needs no third-party library, no
download and no pickle. A message's score for an intent is the intent's bias plus the sum of
its features' weights, scaled by one over the square root of the number of features (the
same length normalisation the training used), through the logistic function.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["Model", "load_model", "model_from_json"]

WEIGHTS_FILE = "weights.json"
_SHORTEST = 4  # "w:" and two letters


@dataclass(frozen=True, slots=True)
class Model:
    """Per-intent logistic regressions over binary features.

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

    def __post_init__(self) -> None:
        """Index the features that have weights, and those that can explain a reading.

        A reading is explained to a person by words of three letters or more and word pairs,
        without numbers. The weights are also kept as a plain dict: the fastest lookup.
        """
        object.__setattr__(self, "vocabulary", frozenset(self.weights))
        object.__setattr__(self, "telling", frozenset(filter(_telling, self.weights)))
        object.__setattr__(self, "_rows", dict(self.weights))

    def known(self, features: frozenset[str]) -> dict[str, tuple[float, ...]]:
        """The features the model has weights for, with their weights.

        >>> Model(("a",), (0.0,), (0.5,), {"x": (1.0,)}, "").known(frozenset({"x", "y"}))
        {'x': (1.0,)}
        """
        common = features & self.vocabulary
        return dict(zip(common, map(self.weights.__getitem__, common), strict=True))

    def weigh(self, features: Iterable[str]) -> tuple[list[str], list[tuple[float, ...]]]:
        """The features the model has weights for, and their weights, in the order given.

        One lookup per feature, and nothing built but the two lists.

        >>> Model(("a",), (0.0,), (0.5,), {"x": (1.0,)}, "").weigh(["x", "y"])
        (['x'], [(1.0,)])
        """
        rows = self._rows
        known: list[str] = []
        weights: list[tuple[float, ...]] = []
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                known.append(feature)
                weights.append(row)
        return known, weights

    def probabilities(
        self, features: frozenset[str], known: Mapping[str, tuple[float, ...]] | None = None
    ) -> dict[str, float]:
        """The probability of each intent, given a message's features.

        Args:
            features: all features of the message (their number normalises the score).
            known: ``self.known(features)``, when the caller has it already.

        >>> model = Model(("a", "b"), (0.0, 0.0), (0.5, 0.5), {"x": (2.0, -2.0)}, "")
        >>> {k: round(v, 2) for k, v in model.probabilities(frozenset({"x"})).items()}
        {'a': 0.88, 'b': 0.12}
        """
        rows = (self.known(features) if known is None else known).values()
        return self.probabilities_of(list(rows), len(features))

    def probabilities_of(self, rows: list[tuple[float, ...]], count: int) -> dict[str, float]:
        """The probability of each intent, from the weights of a message's known features.

        Args:
            rows: the weights of the features the model knows (see :meth:`weigh`).
            count: the number of all the message's features (it normalises the score).

        The weights are summed in the order the rows come in, which follows string hashing:
        the last bit may differ between processes; exact sums cost a sixth of the whole
        reading, and no reading has been seen to change (tests/language, "in every process").

        >>> model = Model(("a", "b"), (0.0, 0.0), (0.5, 0.5), {"x": (2.0, -2.0)}, "")
        >>> {k: round(v, 2) for k, v in model.probabilities_of([(2.0, -2.0)], 1).items()}
        {'a': 0.88, 'b': 0.12}
        """
        scale = 1.0 / math.sqrt(count) if count else 0.0
        sums = _column_sums(rows, len(self.labels))
        probabilities: dict[str, float] = {}
        for column, label in enumerate(self.labels):
            probabilities[label] = _logistic(self.bias[column] + scale * sums[column])
        return probabilities

    def evidence(
        self, known: Mapping[str, tuple[float, ...]], label: str, count: int = 2
    ) -> list[str]:
        """The features that speak most for ``label``, strongest first.

        >>> model = Model(("a",), (0.0,), (0.5,), {"w:x": (2.0,), "w:y": (0.5,)}, "")
        >>> model.evidence(model.known(frozenset({"w:x", "w:y", "w:z"})), "a", count=1)
        ['w:x']
        """
        column = self.labels.index(label)
        scored = sorted(((row[column], feature) for feature, row in known.items()), reverse=True)
        return [feature for weight, feature in scored[:count] if weight > 0]


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
