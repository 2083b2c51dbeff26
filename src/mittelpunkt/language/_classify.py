"""Putting the pieces together: prepare, score, settle, explain."""

from __future__ import annotations

from functools import cache
from typing import Final

from mittelpunkt.core.intents import IntentReading
from mittelpunkt.language import _cues, _lexicon
from mittelpunkt.language._cues import Cues, read_cues
from mittelpunkt.language._features import Features, features
from mittelpunkt.language._lang import detect_language
from mittelpunkt.language._model import Model, load_model
from mittelpunkt.language._normalize import fold, own_words, sentences, words
from mittelpunkt.language._safety import explicit, settle_cancellation
from mittelpunkt.language._screen import JointScreen

__all__ = ["Prepared", "classify", "prepare", "read_intent", "read_with"]

_MAX_CUES = 12
_FLOOR = 0.1  # a reading less sure than this is a guess
_OTHER = frozenset({"other"})


class Prepared:
    """A message made ready for the model: folded own words, cues, language, features."""

    def __init__(self, folded: str, cues: Cues, lang: str | None, found: Features) -> None:
        self.folded: Final = folded
        self.cues: Final = cues
        self.lang: Final = lang
        self.features: Final = found


def prepare(text: str) -> Prepared:
    """Cut quotes, fold, split, scan, read cues and collect features (shared with the trainer).

    >>> prepare("Kann man das stornieren?").cues.cancel_hazard
    True
    """
    own = own_words(text)
    folded_sentences = [fold(sentence) for sentence in sentences(own)]
    folded = " ".join(folded_sentences)
    found_words = words(folded)
    lang = detect_language(own, found_words)
    each, joined = _screens().scan_lines(folded_sentences)
    cues = read_cues(folded_sentences, each)
    fields = _lexicon.word_fields("\n".join(folded_sentences), joined)
    return Prepared(folded, cues, lang, features(folded, found_words, cues, fields, lang))


@cache
def _screens() -> JointScreen:
    """The screens of the cues (each sentence) and of the word fields (all), scanned at once."""
    return JointScreen(_cues.screen(), _lexicon.screen())


def classify(text: str) -> IntentReading:
    """Read what a customer's message means.

    Args:
        text: the message as received (greetings, signature and quoted mails included).

    Returns:
        The intents, whether the message is an unambiguous instruction, the cues that
        decided it, a confidence between 0 and 1, and the language.

    >>> reading = classify("Kann man das stornieren? Und wie sieht es dann aus mit dem "
    ...                    "bereits überwiesenen Geld?")
    >>> sorted(reading.intents), reading.explicit, reading.lang
    (['cancel_question'], False, 'de')
    >>> reading = classify("Hiermit storniere ich meine Bestellung 4711.")
    >>> sorted(reading.intents), reading.explicit
    (['cancel_request'], True)
    """
    return read_with(load_model(), text)


def read_with(model: Model, text: str) -> IntentReading:
    """Read a message with a given model (the trainer's cross-validation uses this)."""
    prepared = prepare(text)
    weighed = model.weigh(prepared.features)
    probabilities = model.probabilities_of(weighed.sums, weighed.count)
    proposed = _decide(probabilities, model)
    intents, note = settle_cancellation(proposed, prepared.cues)
    cues = [*prepared.cues.names[:_MAX_CUES], *([note] if note else [])]
    cues += _evidence(model, weighed.known, weighed.rows, intents)
    return IntentReading(
        intents=intents,
        explicit=explicit(intents, prepared.cues),
        cues=tuple(cues),
        confidence=_confidence(probabilities, proposed),
        lang=prepared.lang,
        asks=any(sentence.question for sentence in prepared.cues.sentences),
    )


def read_intent(text: str) -> IntentReading | None:
    """The classifier port of the core: :func:`classify`, or None for an empty message.

    >>> read_intent("   ") is None
    True
    >>> sorted(read_intent("hat sich erübrigt, danke").intents)
    ['withdraw']
    """
    return classify(text) if text.strip() else None


def _decide(probabilities: dict[str, float], model: Model) -> frozenset[str]:
    """The intents from their probabilities; ``other`` whenever the reading is not sure.

    An intent counts from its threshold; when none does, the likeliest stands. ``other`` is
    learned as "none of the intents", so when it counts as well, the model contradicts
    itself, typically on a short message of generic words ("Von wem?", whose few features
    all weigh heavily): only the intents more likely than ``other`` stand. And a reading
    with (next to) no confidence (:func:`_confidence` under ``_FLOOR``) names no intent but
    ``other``, so that no guard acts on a guess.

    >>> model = Model(("a", "b", "other"), (0.0,) * 3, (0.7,) * 3, {}, "")
    >>> sorted(_decide({"a": 0.9, "b": 0.1, "other": 0.95}, model))
    ['other']
    >>> sorted(_decide({"a": 0.99, "b": 0.3, "other": 0.8}, model))
    ['a']
    >>> sorted(_decide({"a": 0.5, "b": 0.1, "other": 0.2}, model))
    ['a']
    >>> sorted(_decide({"a": 0.05, "b": 0.01, "other": 0.02}, model))
    ['other']
    """
    chosen = {
        label
        for label, threshold in zip(model.labels, model.thresholds, strict=True)
        if probabilities[label] >= threshold
    }
    if "other" in chosen:
        none = probabilities["other"]
        chosen = {label for label in chosen if probabilities[label] > none} or set(_OTHER)
    decided = frozenset(chosen or {max(probabilities, key=probabilities.__getitem__)})
    if decided != _OTHER and _confidence(probabilities, decided) < _FLOOR:
        return _OTHER
    return decided


def _confidence(probabilities: dict[str, float], chosen: frozenset[str]) -> float:
    """How sure the reading is of its least sure decision, to two decimals.

    >>> _confidence({"a": 0.9, "b": 0.2}, frozenset({"a"}))
    0.8
    """
    least = 1.0
    for label, probability in probabilities.items():
        certainty = probability if label in chosen else 1.0 - probability
        least = min(least, certainty)
    return round(least, 2)


def _evidence(
    model: Model, known: list[str], rows: list[tuple[float, ...]], intents: frozenset[str]
) -> list[str]:
    """For each intent read, the telling feature that speaks most for it.

    Of equally strong features, the first by name: the order the features come in follows
    string hashing, which differs from process to process.

    >>> model = Model(("a", "b"), (0.0,) * 2, (0.7,) * 2, {"w:wann": (1.0, -1.0)}, "")
    >>> _evidence(model, ["w:wann"], [(1.0, -1.0)], frozenset({"a", "b"}))
    ['a:wann']
    """
    shown = []
    for label in sorted(intents & set(model.labels)):
        best = _strongest(model.telling, known, rows, model.labels.index(label))
        if best:
            shown.append(f"{label}:{_readable(best)}")
    return shown


def _strongest(
    telling: frozenset[str], known: list[str], rows: list[tuple[float, ...]], column: int
) -> str:
    """The telling feature with the greatest positive weight in ``column``, or "" if none.

    Of equals, the first by name. Only a feature that would win is looked up in ``telling``.
    """
    best = ""
    strongest = 0.0
    for index, feature in enumerate(known):
        weight = rows[index][column]
        wins = weight > strongest or (weight == strongest and best != "" and feature < best)
        if wins and feature in telling:
            best, strongest = feature, weight
    return best


def _readable(feature: str) -> str:
    kind, _, value = feature.partition(":")
    return {"b": value.replace("_", " ").strip(), "c": f"~{value.strip('<>')}"}.get(kind, value)
