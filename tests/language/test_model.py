from __future__ import annotations

import json

import pytest

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.language._augment import augment
from mittelpunkt.language._model import Model, load_model, model_from_json
from mittelpunkt.language._train import fit, to_json
from mittelpunkt.language.labelled import training_corpus, training_corpus_sha256


def test_the_shipped_model_covers_every_intent() -> None:
    model = load_model()
    assert set(model.labels) == INTENTS
    assert len(model.bias) == len(model.thresholds) == len(model.labels)
    assert all(len(row) == len(model.labels) for row in model.weights.values())
    assert all(0.0 < t < 1.0 for t in model.thresholds)


def test_a_model_survives_its_json_form() -> None:
    model = Model(("a", "b"), (0.1, -0.2), (0.7, 0.7), {"w:x": (1.5, -0.5)}, "abc")
    again = model_from_json(to_json(model))
    assert again == model
    assert json.loads(to_json(model))["corpus_sha256"] == "abc"


def test_probabilities_only_depend_on_known_features() -> None:
    model = load_model()
    features = frozenset({"w:wo", "w:bleibt", "cue:question"})
    assert model.probabilities(features) == model.probabilities(features, model.known(features))


def test_augmentation_is_deterministic_and_keeps_the_originals() -> None:
    messages = training_corpus()[:40]
    once, twice = augment(messages), augment(messages)
    assert once == twice
    assert once[: len(messages)] == messages
    assert len(once) == 4 * len(messages)


@pytest.mark.slow
def test_training_again_gives_the_shipped_weights() -> None:
    pytest.importorskip("sklearn")
    shipped = load_model()
    again = fit(training_corpus(), corpus_sha256=training_corpus_sha256())
    assert again.labels == shipped.labels
    assert again.thresholds == shipped.thresholds
    zero = (0.0,) * len(shipped.labels)
    features = again.weights.keys() | shipped.weights.keys()
    drift = max(
        abs(a - b)
        for feature in features
        for a, b in zip(
            again.weights.get(feature, zero), shipped.weights.get(feature, zero), strict=True
        )
    )
    assert drift < 5e-3  # rounding and the pruning of tiny weights, nothing more
