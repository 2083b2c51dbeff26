"""Telling German from English by their most frequent little words.

Customers' messages are short and full of names and numbers, so a letter-statistics detector
would guess. Function words ("und", "ich", "nicht" against "and", "I", "not") decide instead;
umlauts and ß count for German before folding has removed them.
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

# fmt: off
_GERMAN = frozenset(
    {
        "der", "die", "das", "und", "ich", "nicht", "ist", "sie", "bitte", "mit", "fuer", "auf",
        "mein", "meine", "meinen", "ein", "eine", "einen", "wurde", "habe", "hab", "haben",
        "wir", "ihr", "ihnen", "sind", "war", "noch", "schon", "auch", "aber", "oder", "wenn",
        "falls", "ob", "dass", "kann", "koennen", "moechte", "wie", "wann", "wo", "warum", "zu",
        "zum", "zur", "den", "dem", "des", "von", "vom", "bei", "nach", "ueber", "uns", "euch",
        "du", "dir", "dich", "mir", "mich", "hallo", "gruesse", "gruss", "danke", "sehr",
        "geehrte", "bestellung", "lieferung", "kein", "keine", "nur", "jetzt", "heute", "seit",
        "bis", "hier", "hiermit", "doch", "mal", "es", "im", "sich", "gerne", "freundlichen",
        "vielen", "liebe", "lg", "mfg", "gruezi", "servus", "isch", "nid", "nie", "niemand",
        "immer", "wird", "werden", "mehr", "ganz", "wieder", "alle", "nichts", "warte",
    }
)
_ENGLISH = frozenset(
    {
        "the", "and", "i", "not", "is", "you", "please", "with", "for", "on", "my", "a", "an",
        "have", "has", "had", "we", "your", "are", "be", "been", "still", "already", "but",
        "or", "if", "whether", "can", "could", "would", "like", "how", "what", "when", "where",
        "why", "to", "of", "from", "at", "by", "about", "us", "me", "hi", "hello", "regards",
        "thanks", "thank", "dear", "order", "delivery", "no", "only", "now", "today", "since",
        "until", "here", "hereby", "it", "this", "that", "there", "just", "do", "does", "did",
        "don't", "can't", "won't", "i'm", "i've", "it's", "kind", "best", "cheers", "sincerely",
        "ever", "never", "nobody", "all", "any", "will", "was", "were", "very", "really", "they",
        "them", "their", "our", "i'll", "you're", "get", "got", "back",
    }
)
# fmt: on
_UMLAUT = re.compile("[äöüßÄÖÜ]")
# When the little words tie, letter groups typical of one language decide.
_GERMAN_LETTERS = re.compile(r"sch|ung\b|cht|ich\b|ein|eit|ue|oe|ae|tz|\bz", re.ASCII)
_ENGLISH_LETTERS = re.compile(r"th|ing\b|\bwh|ly\b|ou|ea|w|y\b", re.ASCII)


def detect_language(text: str, folded_words: list[str]) -> str | None:
    """Say whether a message is German (``"de"``) or English (``"en"``).

    Args:
        text: the original text (its umlauts count for German).
        folded_words: its words after folding.

    Returns:
        ``"de"``, ``"en"``, or None when nothing tells them apart.

    >>> detect_language("Wo bleibt meine Bestellung?", ["wo", "bleibt", "meine", "bestellung"])
    'de'
    >>> detect_language("Where is my order?", ["where", "is", "my", "order"])
    'en'
    >>> detect_language("Appalling service!", ["appalling", "service"])
    'en'
    >>> detect_language("4711", ["4711"]) is None
    True
    """
    german = sum(map(_GERMAN.__contains__, folded_words))
    german += 2 * bool(_UMLAUT.search(text))
    english = sum(map(_ENGLISH.__contains__, folded_words))
    if german == english:
        letters = " ".join(folded_words)
        german = len(_GERMAN_LETTERS.findall(letters))
        english = len(_ENGLISH_LETTERS.findall(letters))
    if german == english:
        return None
    return "de" if german > english else "en"
