"""``mittelpunkt intent [TEXT...]``: what customers' messages mean, one JSON object each.

Each line of output is ``{"text", "lang", "intents", "explicit", "confidence", "cues"}``
(``interfaces.md``). Without TEXT, one message is read per line of stdin; blank lines are
skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from mittelpunkt.cli.common import exits_cleanly
from mittelpunkt.core.intents import IntentReading
from mittelpunkt.language import classify

__all__ = ["intent", "intent_command", "reading_json"]


def reading_json(text: str, reading: IntentReading) -> dict[str, object]:
    """The JSON object printed for one message.

    >>> reading = IntentReading(frozenset({"cancel_question"}), explicit=False,
    ...                         cues=("question:?",), confidence=0.87, lang="de")
    >>> reading_json("Kann man das stornieren?", reading)["intents"]
    ['cancel_question']
    """
    return {
        "text": text,
        "lang": reading.lang,
        "intents": sorted(reading.intents),
        "explicit": reading.explicit,
        "confidence": reading.confidence,
        "cues": list(reading.cues),
    }


def intent_command(texts: list[str] | None) -> None:
    """Print one JSON line per message: the given texts, else each line of stdin."""
    messages: Iterable[str] = texts or (line.rstrip("\r\n") for line in sys.stdin)
    for text in messages:
        if text.strip():
            line = json.dumps(reading_json(text, classify(text)), ensure_ascii=False)
            sys.stdout.write(line + "\n")


@exits_cleanly
def intent(
    texts: Annotated[
        list[str] | None,
        typer.Argument(help="Messages to read; without any, one message per line of stdin."),
    ] = None,
) -> None:
    """Read what customers' messages mean: intents, explicit or not, confidence, cues."""
    intent_command(texts)
