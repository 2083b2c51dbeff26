r"""Building the patterns: compiled for folded (ASCII) text, word alternatives anchored at words.

Python's matcher tries a pattern's alternatives one after the other at every word it meets.
Grouped by the letter they start with (:func:`by_first_letter`), the same alternatives cost
one try for each letter and then only those of the word's letter: the same matches, less
work.

>>> any_word("storn", "cancel")
'\\b(?=[a-z])(?:s(?:torn)|c(?:ancel))\\b'
>>> bool(ascii_pattern(any_word(r"storn\w*")).search("bitte stornieren"))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["any_word", "ascii_pattern", "by_first_letter", "spelled_out"]

_QUANTIFIERS = frozenset("?*+{")


def ascii_pattern(pattern: str) -> re.Pattern[str]:
    """Compile for folded text, which is plain ASCII (and ASCII matching is faster)."""
    return re.compile(pattern, re.ASCII)


def any_word(*alternatives: str) -> str:
    """A pattern for any of the alternatives, starting at a word start and ending at a word end.

    The look-ahead lets the matcher skip positions inside words quickly.
    """
    return r"\b(?=[a-z])(?:" + by_first_letter(alternatives) + r")\b"


def by_first_letter(alternatives: Sequence[str]) -> str:
    r"""The alternatives as one alternation, grouped by the letter each starts with.

    At any one place, only alternatives of one first letter can match there, so grouping
    them keeps the order in which the matcher tries those that can: the grouped alternation
    matches exactly what the plain one matches, the same text at the same place. An
    alternative that does not start with a plain letter (a group, an escape, a letter with a
    quantifier) could match anywhere; it stays where it is, and only the runs of plain
    alternatives between such ones are grouped.

    An alternative that opens with a group of plain choices is spelled out first
    (:func:`spelled_out`).

    >>> by_first_letter(["wo bleibt", "wann", "where", r"(?:was )?neues", "wie", "x?y"])
    'w(?:o bleibt|ann|here|as neues|ie)|n(?:eues)|x?y'
    """
    parts: list[str] = []
    run: dict[str, list[str]] = {}
    for alternative in (way for given in alternatives for way in spelled_out(given)):
        if _starts_plainly(alternative):
            run.setdefault(alternative[0], []).append(alternative[1:])
            continue
        parts.extend(_grouped(run))
        run = {}
        parts.append(alternative)
    parts.extend(_grouped(run))
    return "|".join(parts)


def spelled_out(alternative: str) -> list[str]:
    r"""An alternative that opens with a group of plain choices, as one alternative per choice.

    ``(?:a|b)R`` tries ``aR`` and then ``bR``, and ``(?:x )?R`` tries ``x R`` and then ``R``:
    spelled out in that order, they match the same text at the same place, and each begins
    with a letter, so :func:`by_first_letter` can group it. A group with a group inside, or
    followed by another quantifier, stays as it is.

    >>> spelled_out("(?:sick|tired) of"), spelled_out("(?:much )?appreciated")
    (['sick of', 'tired of'], ['much appreciated', 'appreciated'])
    >>> spelled_out("(?:new )?(?:stand|status)")
    ['new (?:stand|status)', 'stand', 'status']
    >>> spelled_out("(?:a(?:b|c)|d)e"), spelled_out("(?:ab)+c"), spelled_out("plain")
    (['(?:a(?:b|c)|d)e'], ['(?:ab)+c'], ['plain'])
    """
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative)
    if end < 0:
        return [alternative]
    choices = _split_choices(alternative[3:end])
    rest = alternative[end + 1 :]
    if rest[:1] == "?" and rest[1:2] not in _QUANTIFIERS:
        ways = [*(choice + rest[1:] for choice in choices), rest[1:]]
    elif rest[:1] in _QUANTIFIERS:
        return [alternative]
    else:
        ways = [choice + rest for choice in choices]
    return [further for way in ways for further in spelled_out(way)]


def _group_end(pattern: str) -> int:
    """Where the group that opens ``pattern`` closes; -1 if a group is nested in it."""
    escaped = in_class = False
    for index in range(3, len(pattern)):
        char = pattern[index]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            return -1
        elif char == ")":
            return index
    return -1


def _split_choices(inside: str) -> list[str]:
    """A group's content (no group in it) split at its ``|``."""
    choices: list[str] = []
    start = 0
    escaped = in_class = False
    for index, char in enumerate(inside):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "|":
            choices.append(inside[start:index])
            start = index + 1
    choices.append(inside[start:])
    return choices


def _grouped(run: dict[str, list[str]]) -> list[str]:
    return [f"{letter}(?:{'|'.join(tails)})" for letter, tails in run.items()]


def _starts_plainly(alternative: str) -> bool:
    """Whether an alternative starts with a letter or digit that stands alone.

    >>> _starts_plainly("storn"), _starts_plainly("s?torn"), _starts_plainly("a|b")
    (True, False, False)
    """
    first = alternative[:1]
    if not (first.isascii() and first.isalnum()):
        return False
    return alternative[1:2] not in _QUANTIFIERS and not _branches(alternative)


def _branches(pattern: str) -> bool:
    r"""Whether a pattern has a ``|`` outside any group or character class.

    >>> _branches("a|b"), _branches("(?:a|b)c"), _branches(r"a[|]\|b")
    (True, False, False)
    """
    depth = 0
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False
