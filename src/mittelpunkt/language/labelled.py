"""Labelled customer messages: the corpus the model learns from and is measured on.

One JSON object per line: ``{"text", "lang", "intents", "explicit", "tags"}``. The training
part ships inside the package (``corpus/train.jsonl``); the held-out part lives outside it
(``corpus/heldout.jsonl`` at the repository root) so that nothing shipped was fitted to it.

Tags describe how a message is written (``typo``, ``umlaut_ascii``, ``swiss``, ``austrian``,
``du``, ``sarcasm``, ``quoted``, ``long``, ``multi``) and two mark the safety set:
``negation`` (the cancellation itself is negated: "bitte *nicht* stornieren") and
``conditional`` (it depends on something: "falls es länger dauert, würde ich stornieren").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mittelpunkt.core.intents import INTENTS
from mittelpunkt.exceptions import MittelpunktError

__all__ = [
    "INSTRUCTION_INTENTS",
    "Labelled",
    "in_safety_set",
    "parse_labelled",
    "read_labelled",
    "training_corpus",
    "training_corpus_sha256",
]

INSTRUCTION_INTENTS = frozenset({"cancel_request", "reactivation_request", "unsubscribe"})
_LANGS = frozenset({"de", "en"})
_TRAIN = "corpus/train.jsonl"


@dataclass(frozen=True, slots=True)
class Labelled:
    """One customer message with what it means.

    Attributes:
        text: the message as the customer wrote it.
        lang: ``"de"`` or ``"en"``.
        intents: its intents (at least one).
        explicit: whether it is an unambiguous instruction.
        tags: how it is written, and whether it is in the safety set.
    """

    text: str
    lang: str
    intents: frozenset[str]
    explicit: bool
    tags: frozenset[str] = frozenset()


def in_safety_set(message: Labelled) -> bool:
    """Whether a message must never read as an explicit cancellation.

    A cancellation question, a withdrawal, and a negated or conditional cancellation.

    >>> in_safety_set(Labelled("Kann man das stornieren?", "de",
    ...                        frozenset({"cancel_question"}), explicit=False))
    True
    """
    risky = {"cancel_question", "withdraw"} & message.intents
    return bool(risky or {"negation", "conditional"} & message.tags)


def parse_labelled(lines: Iterable[str], source: str = "<corpus>") -> list[Labelled]:
    """Parse JSONL lines into labelled messages, checking every field.

    Raises:
        MittelpunktError: naming the line and field that is wrong.

    >>> parse_labelled(['{"text": "Wo bleibt mein Paket?", "lang": "de",'
    ...                 ' "intents": ["status_inquiry"], "explicit": false, "tags": []}'])[0].lang
    'de'
    """
    found = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            found.append(_parse_line(line, f"{source}:{number}"))
    return found


def _parse_line(line: str, where: str) -> Labelled:
    data = json.loads(line)
    intents = frozenset(data.get("intents", ()))
    if not intents or not intents <= INTENTS:
        raise MittelpunktError(f"{where}: intents must be some of {sorted(INTENTS)}")
    if data.get("lang") not in _LANGS or not str(data.get("text", "")).strip():
        raise MittelpunktError(f"{where}: needs a text and a lang of 'de' or 'en'")
    return Labelled(
        text=data["text"],
        lang=data["lang"],
        intents=intents,
        explicit=bool(data.get("explicit", False)),
        tags=frozenset(data.get("tags", ())),
    )


def read_labelled(path: Path) -> list[Labelled]:
    """Read a JSONL corpus file."""
    with path.open(encoding="utf-8") as lines:
        return parse_labelled(lines, str(path))


def training_corpus() -> list[Labelled]:
    """The training part shipped with the package.

    >>> len(training_corpus()) > 400
    True
    """
    text = resources.files("mittelpunkt.language").joinpath(_TRAIN).read_text("utf-8")
    return parse_labelled(text.splitlines(), _TRAIN)


def training_corpus_sha256() -> str:
    """The SHA-256 of the training corpus file, to tell whether the weights are current."""
    data = resources.files("mittelpunkt.language").joinpath(_TRAIN).read_bytes()
    return hashlib.sha256(data).hexdigest()
