"""The labelled corpus: big enough, balanced, every label, consistent, and the shipped weights
learned from exactly the training part that ships."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.exceptions import MittelpunktError
from mittelpunkt.language._model import load_model
from mittelpunkt.language._normalize import fold
from mittelpunkt.language.labelled import (
    INSTRUCTION_INTENTS,
    Labelled,
    in_safety_set,
    parse_labelled,
    read_labelled,
    training_corpus,
    training_corpus_sha256,
)

HELDOUT = Path(__file__).resolve().parents[2] / "corpus" / "heldout.jsonl"
TAGS = {
    "negation",
    "conditional",
    "quoted",
    "typo",
    "umlaut_ascii",
    "swiss",
    "austrian",
    "du",
    "informal",
    "sarcasm",
    "multi",
    "long",
}


@pytest.fixture(scope="module")
def train() -> list[Labelled]:
    return training_corpus()


@pytest.fixture(scope="module")
def heldout() -> list[Labelled]:
    return read_labelled(HELDOUT)


def test_the_corpus_holds_at_least_800_messages(
    train: list[Labelled], heldout: list[Labelled]
) -> None:
    assert len(train) + len(heldout) >= 800
    assert len(heldout) >= 300


@pytest.mark.parametrize("part", ["train", "heldout"])
def test_german_and_english_in_about_equal_parts(part: str, request: pytest.FixtureRequest) -> None:
    messages: list[Labelled] = request.getfixturevalue(part)
    counts = Counter(m.lang for m in messages)
    assert set(counts) == {"de", "en"}
    assert abs(counts["de"] - counts["en"]) <= 0.1 * len(messages)


@pytest.mark.parametrize("part", ["train", "heldout"])
def test_every_label_in_each_language(part: str, request: pytest.FixtureRequest) -> None:
    messages: list[Labelled] = request.getfixturevalue(part)
    for lang in ("de", "en"):
        counts = Counter(i for m in messages if m.lang == lang for i in m.intents)
        assert set(counts) == INTENTS
        assert min(counts.values()) >= 10


def test_the_held_out_part_shares_no_message_with_the_training_part(
    train: list[Labelled], heldout: list[Labelled]
) -> None:
    seen = {" ".join(fold(m.text).split()) for m in train}
    assert not [m.text for m in heldout if " ".join(fold(m.text).split()) in seen]


def test_every_way_of_writing_is_represented(
    train: list[Labelled], heldout: list[Labelled]
) -> None:
    for messages in (train, heldout):
        tags = {tag for m in messages for tag in m.tags}
        assert tags <= TAGS
        assert {"negation", "conditional", "quoted", "typo", "sarcasm", "multi", "long"} <= tags
    assert {"swiss", "austrian", "du", "umlaut_ascii"} <= {t for m in train for t in m.tags}


def test_labels_follow_the_conventions(train: list[Labelled], heldout: list[Labelled]) -> None:
    for message in train + heldout:
        assert not ("other" in message.intents and len(message.intents) > 1), message.text
        if message.explicit:
            assert message.intents & INSTRUCTION_INTENTS, message.text
        if in_safety_set(message):
            assert not message.explicit, message.text
        assert ("multi" in message.tags) == (len(message.intents) > 1), message.text


def test_the_safety_set_is_well_stocked(heldout: list[Labelled]) -> None:
    for lang in ("de", "en"):
        mine = [m for m in heldout if m.lang == lang]
        assert sum(in_safety_set(m) for m in mine) >= 40
        assert sum("negation" in m.tags for m in mine) >= 8
        assert sum("conditional" in m.tags for m in mine) >= 8


def test_the_shipped_weights_were_learned_from_the_shipped_training_part() -> None:
    assert load_model().corpus_sha256 == training_corpus_sha256()


def test_a_bad_line_is_reported_with_its_place() -> None:
    with pytest.raises(MittelpunktError, match=r"x\.jsonl:2"):
        parse_labelled(
            [
                '{"text": "ok", "lang": "de", "intents": ["other"]}',
                '{"text": "bad", "lang": "de", "intents": ["refund"]}',
            ],
            "x.jsonl",
        )


def test_every_further_labelling_labels_messages_of_the_corpus(
    train: list[Labelled], heldout: list[Labelled]
) -> None:
    """The labellings of ``corpus/agreement`` are matched by text: each must still find its
    messages, in the held-out part or, once it has joined, in the training part."""
    texts = {m.text for m in train + heldout}
    labellings = sorted(HELDOUT.parent.glob("agreement/*.jsonl"))
    assert labellings
    for path in labellings:
        labelled = read_labelled(path)
        assert labelled
        assert [m.text for m in labelled if m.text not in texts] == []


def test_every_relabelled_message_is_in_the_training_part(train: list[Labelled]) -> None:
    """The relabelling rounds of ``corpus/relabelling`` name training messages by the digest of
    their text (the first 16 hex digits of its SHA-256); each must still find its message."""
    digests = {hashlib.sha256(m.text.encode()).hexdigest()[:16] for m in train}
    rounds = sorted(HELDOUT.parent.glob("relabelling/*.jsonl"))
    assert rounds
    for path in rounds:
        named = [json.loads(line)["sha256"] for line in path.read_text("utf-8").splitlines()]
        assert named
        assert [d for d in named if d not in digests] == []
