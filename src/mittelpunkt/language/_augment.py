"""More training messages from the hand-written ones, the way customers vary them.

Used only by the trainer, never at reading time. Each variant is derived deterministically
(a random generator seeded by the message's position) and keeps the labels of its source:

* **dressed**: a greeting, a closing and a signature around it, and sometimes the company's
  earlier mail quoted below it (which the reader must ignore);
* **typed fast**: a typo or two, everything lower case;
* **paired**: two messages of one language written as one, carrying both messages' intents.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from mittelpunkt.language.labelled import Labelled

__all__ = ["augment"]

_GREETINGS = {
    "de": ("Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hi,", "Grüezi,",
           "Servus,", "Liebes Team,", "Moin,", "Hallo zusammen,", ""),
    "en": ("Hi,", "Hello,", "Dear Sir or Madam,", "Hi there,", "Good morning,",
           "Dear customer service,", "Hey,", "To whom it may concern,", ""),
}  # fmt: skip
_CLOSINGS = {
    "de": ("Viele Grüße\nAnna Berger", "Mit freundlichen Grüßen\nThomas Keller\nTel. 0171 2345678",
           "LG Sabine", "Freundliche Grüsse\nR. Meier", "MfG", "Danke und Gruß\nJörg", "Ciao"),
    "en": ("Best regards,\nJohn Miller", "Thanks,\nPriya", "Cheers, Dan", "Regards",
           "Kind regards\nEmma Clarke\nMobile: +44 7700 900123", "Sent from my iPhone"),
}  # fmt: skip
_QUOTES = {
    "de": "\n\nAm 12.03.2024 um 09:41 schrieb Kundenservice <service@example.de>:\n"
    "> Vielen Dank für Ihre Bestellung. Ihr Auftrag wurde storniert.\n> Ihr Service-Team",
    "en": "\n\nOn Tue, 12 Mar 2024 at 09:41, Customer Care <care@example.com> wrote:\n"
    "> Thank you for your order. Your order has been cancelled.\n> Your service team",
}
_LONG_WORD = re.compile(r"\b[^\W\d_]{6,}\b")
_HALF = 0.5
_QUOTED_SHARE = 0.3


def augment(messages: list[Labelled], seed: int = 0) -> list[Labelled]:
    """The messages followed by their variants (three per message).

    >>> base = [Labelled("Wo bleibt meine Bestellung?", "de", frozenset({"status_inquiry"}),
    ...                  explicit=False)]
    >>> len(augment(base)), augment(base)[0] == base[0]
    (4, True)
    """
    variants = []
    for index, message in enumerate(messages):
        rng = random.Random(f"{seed}:{index}")  # noqa: S311 - varies wording, guards nothing
        partner = _partner(messages, message, rng)
        variants += [_dressed(message, rng), _typed_fast(message, rng), _paired(message, partner)]
    return messages + variants


def _dressed(message: Labelled, rng: random.Random) -> Labelled:
    greeting = rng.choice(_GREETINGS[message.lang])
    closing = rng.choice(_CLOSINGS[message.lang])
    quote = _QUOTES[message.lang] if rng.random() < _QUOTED_SHARE else ""
    text = f"{greeting}\n\n{message.text}\n\n{closing}{quote}".strip()
    return replace(message, text=text)


def _typed_fast(message: Labelled, rng: random.Random) -> Labelled:
    text = message.text.lower()
    found = list(_LONG_WORD.finditer(text))
    for match in rng.sample(found, k=min(2, len(found))):
        text = text.replace(match.group(), _typo(match.group(), rng), 1)
    return replace(message, text=text, tags=message.tags | {"typo"})


def _typo(word: str, rng: random.Random) -> str:
    cut = rng.randrange(1, len(word) - 1)
    if rng.random() < _HALF:
        return word[:cut] + word[cut + 1 :]
    return word[:cut] + word[cut] + word[cut:]


def _partner(messages: list[Labelled], message: Labelled, rng: random.Random) -> Labelled:
    same = [m for m in messages if m.lang == message.lang and not m.intents & message.intents]
    return rng.choice(same) if same else message


def _paired(message: Labelled, partner: Labelled) -> Labelled:
    intents = (message.intents | partner.intents) - {"other"} or frozenset({"other"})
    return Labelled(
        text=f"{message.text}\n\n{partner.text}",
        lang=message.lang,
        intents=intents,
        explicit=False,
        tags=message.tags | partner.tags | {"multi"},
    )
