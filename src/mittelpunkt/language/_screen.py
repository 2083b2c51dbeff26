r"""Skipping the searches that cannot find anything.

A sentence is read with some thirty regular expressions, and most of them find nothing in
it: a sentence without "storn", "kuendig", "cancel", ... names no cancellation. How every
match of a pattern begins is read off the pattern itself (:mod:`._sieve`): at a word start
with one of a few short strings, often containing one of a few more further on ("bitte "
and, later, "ignorieren" or "vergessen"), or else containing one of a few strings anywhere
("n't"). A :class:`Screen` holds that for many patterns. One scan of a text
(:meth:`Screen.scan`: one regular expression finds the longest start at each word start)
tells which patterns can match in it at all, and :meth:`Scan.search` searches only those.
A skipped search is one that would have found nothing, so every reading stays the same; a
pattern whose beginnings cannot be told is always searched.

A scan holds for the text scanned and for every piece of it that is cut at non-word
characters (a clause cut at a comma): such a piece has no word start the text lacks. It does
not hold for a text changed otherwise.

A pattern that begins with a word start and a letter (``\b(?=[a-z])``, as the word lists of
:mod:`._regex` do) and has no strings inside (:attr:`._sieve.Sieve.inside`) matches only where
one of its starts begins. Such a pattern is searched from the first place a start of it
found by the scan occurs in the text, not from the text's beginning: a long message is not
read again from its greeting for every pattern.

>>> cancel = re.compile(r"\b(?:storn\w*|cancel\w*)\b", re.ASCII)
>>> screen = Screen([cancel])
>>> screen.scan("bitte stornieren, danke").search(cancel, "stornieren, danke").group()
'stornieren'
>>> screen.scan("wo bleibt mein paket").may_match(cancel, "wo bleibt mein paket")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from mittelpunkt.language._sieve import Strings, Way, read_sieve

__all__ = ["EVERYTHING", "JointScreen", "Scan", "Screen"]

_WORD_LED = r"\b(?=[a-z])"


class Scan:
    """What one scan of a text found, and so which searches in it can find something.

    Attributes:
        screen: the screen that scanned.
        sure: the patterns (one bit each, in the screen's order) with a start found that
            needs nothing more.
        maybe: the other patterns with a start found: they can match where the text also
            holds what one of the start's ways needs further on.
        found: the starts found, the longest at each word start.
    """

    __slots__ = ("found", "maybe", "screen", "sure")

    def __init__(self, screen: Screen, sure: int, maybe: int, found: list[str]) -> None:
        self.screen = screen
        self.sure = sure
        self.maybe = maybe
        self.found = found

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        """Whether ``pattern`` can match in ``text``, the text scanned or a piece of it."""
        return self.screen.may_match(pattern, text, self)

    def search(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, not run where the scan shows that it would find nothing.

        Where the scan shows where the first match can begin at the earliest, the search
        begins there (see the module's docstring).
        """
        return self.screen.search(pattern, text, self)


class Screen:
    """Many patterns, and one scan that tells which of them can match in a text."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        """Read every pattern's sieve, and build one scan for all their starts."""
        self.patterns = tuple(patterns)  # known by their ids below, so kept alive here
        self._sieves: dict[int, tuple[int, Strings]] = {}  # id -> bit, strings inside
        self._always = 0
        self._led = 0  # the patterns whose matches begin where one of their starts does
        told: dict[str, dict[int, tuple[Way, ...]]] = {}  # start -> pattern bit -> its ways
        for bit, pattern in enumerate(patterns):
            sieve = read_sieve(pattern)
            self._sieves[id(pattern)] = (1 << bit, sieve.inside)
            self._always |= sieve.always << bit
            self._led |= (_led_by_a_word(pattern) and not sieve.always and not sieve.inside) << bit
            for start, ways in sieve.starts.items():
                told.setdefault(start, {})[1 << bit] = ways
        self._sure: dict[str, int] = {}
        self._maybe: dict[str, int] = {}
        self._ways: dict[str, dict[int, tuple[Way, ...]]] = {}
        for start in told:
            self._learn(start, told)
        # At each word start, the longest start there (inside the look-ahead), then past the word.
        self._starts = re.compile(r"\b(?=(" + _trie(told) + r"))\w*", re.ASCII)

    def _learn(self, start: str, told: dict[str, dict[int, tuple[Way, ...]]]) -> None:
        """Note what finding ``start`` tells, with every shorter start it begins with.

        The scan finds the longest start at a word start; the shorter ones are there as well.
        """
        sure = maybe = 0
        ways: dict[int, list[Way]] = {}
        for end in range(1, len(start) + 1):
            for bit, more in told.get(start[:end], {}).items():
                ways.setdefault(bit, []).extend(more)
        for bit, either in ways.items():
            if () in either:
                sure |= bit
            else:
                maybe |= bit
        self._sure[start] = sure
        self._maybe[start] = maybe
        self._ways[start] = {bit: tuple(either) for bit, either in ways.items() if bit & maybe}

    def scan(self, text: str) -> Scan:
        """Find the starts in ``text``: which patterns can match in it."""
        return self.scan_of(self._starts.findall(text))

    def starts(self) -> frozenset[str]:
        """The strings a match of one of the patterns can begin with at a word start."""
        return frozenset(self._sure)

    def scan_of(self, found: list[str]) -> Scan:
        """The scan of a text in which ``found`` are the longest starts at its word starts."""
        sure = self._always
        maybe = 0
        for start in found:
            sure |= self._sure[start]
            maybe |= self._maybe[start]
        return Scan(self, sure, maybe, found)

    def may_match(self, pattern: re.Pattern[str], text: str, scan: Scan) -> bool:
        """Whether ``pattern`` can match in ``text``, the text scanned or a piece of it.

        A pattern the screen does not hold may match anywhere.
        """
        sieve = self._sieves.get(id(pattern))
        if sieve is None:
            return True
        bit, inside = sieve
        if scan.sure & bit:
            return True
        if scan.maybe & bit and self._then_found(bit, text, scan.found):
            return True
        return any(needed in text for needed in inside)

    def search(self, pattern: re.Pattern[str], text: str, scan: Scan) -> re.Match[str] | None:
        """``pattern.search(text)`` where ``scan`` shows it may match, from where it may."""
        if not self.may_match(pattern, text, scan):
            return None
        sieve = self._sieves.get(id(pattern))
        bit = sieve[0] if sieve is not None else 0
        if not bit & self._led:
            return pattern.search(text)
        earliest = len(text)
        for start in scan.found:
            if (self._sure[start] | self._maybe[start]) & bit:
                place = text.find(start, 0, earliest + len(start) - 1)
                if place >= 0:
                    earliest = place
        return pattern.search(text, earliest)

    def _then_found(self, bit: int, text: str, found: list[str]) -> bool:
        """Whether a start found for the pattern of ``bit`` may go on as ``text`` does."""
        for start in found:
            for way in self._ways[start].get(bit, ()):
                if all(any(needed in text for needed in part) for part in way):
                    return True
        return False


class JointScreen:
    """Two screens whose scans are made in one pass: the first for each line, the second for all.

    A message's sentences are scanned for the cues of each sentence and, together, for the
    word fields of the whole message; one regular expression over the sentences, joined by
    line breaks, does both. At each word start it finds the longest start of either screen;
    the longest start of each screen there is the longest of its starts that the one found
    begins with.
    """

    def __init__(self, first: Screen, second: Screen) -> None:
        """Learn both screens' starts, and how each start found splits between them."""
        self.first = first
        self.second = second
        mine, theirs = first.starts(), second.starts()
        starts = mine | theirs
        self._split = {start: (_longest(start, mine), _longest(start, theirs)) for start in starts}
        self._starts = re.compile(r"\n|\b(?=(" + _trie(starts) + r"))\w*", re.ASCII)

    def scan_lines(self, lines: list[str]) -> tuple[list[Scan], Scan]:
        r"""Scan lines (texts without line breaks): each with the first screen, all with the second.

        The second scan holds for the lines joined by line breaks.

        >>> cancel = re.compile(r"\b(?:storn\w*|cancel\w*)\b", re.ASCII)
        >>> parcel = re.compile(r"\b(?:paket\w*)\b", re.ASCII)
        >>> each, joined = JointScreen(Screen([cancel]), Screen([parcel])).scan_lines(
        ...     ["wo ist mein paket", "bitte stornieren"])
        >>> [scan.found for scan in each], joined.found
        ([[], ['storn']], ['paket'])
        """
        each: list[Scan] = []
        if not lines:
            return each, self.second.scan_of([])
        first, second = self.first, self.second
        found: list[str] = []
        every: list[str] = []
        for start in self._starts.findall("\n".join(lines)):
            if not start:
                each.append(first.scan_of(found))
                found = []
                continue
            mine, theirs = self._split[start]
            if mine:
                found.append(mine)
            if theirs:
                every.append(theirs)
        each.append(first.scan_of(found))
        return each, second.scan_of(every)


def _longest(start: str, known: frozenset[str]) -> str:
    """The longest of the ``known`` starts that ``start`` begins with ("" if none)."""
    for end in range(len(start), 0, -1):
        if start[:end] in known:
            return start[:end]
    return ""


def _led_by_a_word(pattern: re.Pattern[str]) -> bool:
    r"""Whether every match of ``pattern`` begins at a word start with a letter.

    That is, whether the pattern begins with ``\b(?=[a-z])`` and has no alternative outside.

    >>> _led_by_a_word(re.compile(r"\b(?=[a-z])(?:ob|falls)\b", re.ASCII))
    True
    >>> _led_by_a_word(re.compile(r"\b(?=[a-z])(?:ob|falls)\b|^\W*nein", re.ASCII))
    False
    """
    return pattern.pattern.startswith(_WORD_LED) and _alone(pattern.pattern)


def _alone(source: str) -> bool:
    """Whether a pattern's source has no ``|`` outside its parentheses."""
    depth = 0
    escaped = in_class = False
    for char in source:
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
            return False
    return True


def _trie(starts: Iterable[str]) -> str:
    r"""One pattern for many strings that matches the longest of them that is there.

    >>> _trie(["ab", "abc", "b"])
    '(?:ab(?:c)?|b)'
    """
    root: dict[str, Any] = {}
    for start in starts:
        node = root
        for char in start:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root) or "(?!)"


def _branches(node: dict[str, Any]) -> str:
    ways = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not ways:
        return ""
    either = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    return f"(?:{either})?" if "" in node else either


#: The scan under which every pattern is searched: for a text that was not scanned.
EVERYTHING = Scan(Screen([]), -1, 0, [])
