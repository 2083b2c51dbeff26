"""Learning the model's weights from the training corpus.

Needs scikit-learn (a development tool here, never needed to read a message). After changing
``corpus/train.jsonl``, run::

    .venv/bin/python -m mittelpunkt.language._train

It augments the hand-written messages (:mod:`._augment`), turns each into the same features
the reader uses (:func:`._classify.prepare`, each counted as the reader counts it), keeps
features that occur in at least two hand-written messages, and fits one L2-regularised
logistic regression per intent (lbfgs, balanced class weights: deterministic).

Before each regression, every feature is scaled by how strongly it tells the intent apart
from the rest, the way of Wang and Manning's NBSVM ("Baselines and Bigrams", 2012): the log
of the ratio between the share of the intent's messages and the share of the others that
hold it, as a magnitude, halfway between 1 and that magnitude (``_TELLING``). The
regularisation then costs less for a telling feature than for a common one. The shipped
weight is the learned weight times the scale, so reading a message costs the same.
The weights are written to ``weights.json`` with the digest of the corpus they came from; a
test fails when the two drift apart.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.language._augment import augment
from mittelpunkt.language._classify import prepare
from mittelpunkt.language._model import WEIGHTS_FILE, Model
from mittelpunkt.language.labelled import Labelled, training_corpus, training_corpus_sha256

__all__ = ["fit", "main"]

_STRENGTH = 8.0
_THRESHOLD = 0.7
_SMALLEST = 0.002
_SEEN = 2  # a feature must occur in two hand-written messages to be learned
_TELLING = 0.5  # how far the scale goes from 1 towards how telling a feature is


def fit(messages: list[Labelled], strength: float = _STRENGTH, corpus_sha256: str = "") -> Model:
    """Learn a model from labelled messages (augmented first).

    Args:
        messages: the hand-written training messages.
        strength: the inverse regularisation ``C`` of every regression.
        corpus_sha256: the digest to record with the weights.

    Returns:
        The learned model; weights below 0.002 in every intent are dropped.
    """
    examples = augment(messages)
    found = [prepare(message.text).features.counts() for message in examples]
    counts = Counter(feature for features in found[: len(messages)] for feature in features)
    vocabulary = sorted(feature for feature, count in counts.items() if count >= _SEEN)
    matrix = _matrix(found, vocabulary)
    labels = tuple(sorted(INTENTS))
    bias, columns = [], []
    for label in labels:
        targets = [label in m.intents for m in examples]
        scale = _telling_scale(matrix, targets)
        learned = _regression(matrix @ _diagonal(scale), targets, strength)
        bias.append(round(float(learned.intercept_[0]), 4))
        columns.append([round(float(w), 4) for w in learned.coef_[0] * scale])
    rows = zip(*columns, strict=True)
    weights = {
        feature: tuple(row)
        for feature, row in zip(vocabulary, rows, strict=True)
        if max(map(abs, row)) >= _SMALLEST
    }
    return Model(labels, tuple(bias), (_THRESHOLD,) * len(labels), weights, corpus_sha256)


def _matrix(found: list[Counter[str]], vocabulary: list[str]) -> Any:
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 - a training-only dependency

    index = {feature: column for column, feature in enumerate(vocabulary)}
    rows, columns, values = [], [], []
    for row, features in enumerate(found):
        scale = 1.0 / math.sqrt(features.total())
        for feature in features.keys() & index.keys():
            rows.append(row)
            columns.append(index[feature])
            values.append(features[feature] * scale)
    return csr_matrix((values, (rows, columns)), shape=(len(found), len(vocabulary)))


def _telling_scale(matrix: Any, targets: list[bool]) -> Any:
    """Per feature, how strongly it tells the intent apart, as a scale around 1.

    With ``p`` and ``q`` the (smoothed) counts of the intent's messages and of the others'
    that hold a feature, the ratio of their shares ``log((p / sum p) / (q / sum q))``;
    the scale goes ``_TELLING`` of the way from 1 to its magnitude.
    """
    import numpy as np  # noqa: PLC0415 - a training-only dependency

    holds = matrix > 0
    wanted = np.asarray(targets)
    inside = 1.0 + np.asarray(holds[wanted].sum(axis=0)).ravel()
    outside = 1.0 + np.asarray(holds[~wanted].sum(axis=0)).ravel()
    ratio = np.log((inside / inside.sum()) / (outside / outside.sum()))
    return 1.0 + _TELLING * (np.abs(ratio) - 1.0)


def _diagonal(scale: Any) -> Any:
    from scipy.sparse import diags  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 - a training-only dependency

    return diags(scale)


def _regression(matrix: Any, targets: list[bool], strength: float) -> Any:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 - a training-only dependency

    learner = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
    return learner.fit(matrix, targets)


def to_json(model: Model) -> str:
    """The JSON form of a model, as shipped."""
    data = {
        "labels": model.labels,
        "bias": model.bias,
        "thresholds": model.thresholds,
        "corpus_sha256": model.corpus_sha256,
        "weights": dict(sorted(model.weights.items())),
    }
    return json.dumps(data, separators=(",", ":"), ensure_ascii=True) + "\n"


def main() -> None:
    """Fit on the shipped training corpus and write ``weights.json`` next to this module."""
    model = fit(training_corpus(), corpus_sha256=training_corpus_sha256())
    (Path(__file__).parent / WEIGHTS_FILE).write_text(to_json(model), encoding="utf-8")


if __name__ == "__main__":
    main()
