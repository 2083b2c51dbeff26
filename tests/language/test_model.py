from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.language._augment import augment
from mittelpunkt.language._classify import prepare
from mittelpunkt.language._features import Features
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


@pytest.mark.parametrize(
    "text",
    [
        "Wo bleibt meine Bestellung 4711? Ich warte seit zwei Wochen.",
        "Stornierung der Bestellung, Stornogebühr? Bitte nicht stornieren!",
        "please cancel my subscription, cancelling cancellation cancelled",
    ],
)
def test_weighing_counts_each_feature_as_the_trainer_does(text: str) -> None:
    model = load_model()
    found = prepare(text).features
    counts = found.counts()
    zero = (0.0,) * len(model.labels)
    expected = [
        sum(n * model.weights.get(feature, zero)[column] for feature, n in counts.items())
        for column in range(len(model.labels))
    ]
    cold = Model(model.labels, model.bias, model.thresholds, model.weights, "").weigh(found)
    warm = model.weigh(found)  # the words remembered from the first reading of the model
    for weighed in (cold, warm):
        assert weighed.count == counts.total()
        assert weighed.sums == pytest.approx(expected, abs=1e-9)
    assert any(f.startswith("c:") for f in counts)
    assert not any(f.startswith("c:") for f in warm.known)  # pieces never explain


def test_a_piece_counts_once_for_every_word_it_is_in() -> None:
    counts = prepare("stornieren stornierung stornieren").features.counts()
    assert counts["c:<sto"] == 2  # two distinct words, the repeated one counted once
    assert counts["w:stornieren"] == 1


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


@given(st.lists(st.sampled_from(["ja", "nein", "bitte", "0", "don't"]), max_size=14))
def test_distinct_pairs_count_each_pair_of_neighbours_once(sequence: list[str]) -> None:
    pairs = set(zip(sequence, [*sequence[1:], ""][: len(sequence)], strict=True))
    assert Features.of(sequence, frozenset()).pairs == len(pairs)
