r"""Skipping the searches that cannot find anything, by how every match of a pattern begins.

A sentence is read with some thirty regular expressions, and most of them find nothing in
it: a sentence without "storn", "kuendig", "cancel", ... names no cancellation. How every
match of a pattern begins can be read off the pattern itself (:func:`read_sieve`): at the
start of a word, with one of a few short strings ("storn", "kuendi", "cancel"), or else
containing one of a few strings ("n't"). A :class:`Screen` knows that for many patterns. One
scan of a text's word starts (:meth:`Screen.scan`: one regular expression over all those
beginnings) tells which patterns can match in it at all, and :meth:`Screen.search` searches
only those. A skipped search is one that would have found nothing, so every reading stays
the same; a pattern whose beginnings cannot be told is always searched.

A scan holds for the text scanned and for every piece of it that is cut at non-word
characters (a clause cut at a comma): such a piece has no word start the text lacks. It does
not hold for a text changed otherwise.

>>> import re
>>> cancel = re.compile(r"\b(?:storn\w*|cancel\w*)\b", re.ASCII)
>>> screen = Screen([cancel])
>>> text = "bitte stornieren, danke"
>>> screen.search(cancel, text, screen.scan(text)).group()
'stornieren'
>>> screen.scan("wo bleibt mein paket")
0
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Screen", "Sieve", "read_sieve"]

_SPANS = (6, 4, 3, 2)  # beginnings this long, the longest first; shorter ones when too many
_MANY = 400  # beginnings of one pattern beyond which shorter ones are read
_STEPS = 20_000  # repetitions followed in one pattern beyond which shorter ones are read
_FEW = 8  # strings to look for inside a text beyond which searching is cheaper
_SMALL_CLASS = 6  # a character class of up to this many characters is spelled out
_UNBOUNDED = 1_000  # a repetition allowed this often is as good as unbounded
_WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_")
_ZERO_WIDTH = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
_WORD_START = frozenset({_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING})
_NON_WORD_CATEGORIES = frozenset({_sre.CATEGORY_NOT_WORD, _sre.CATEGORY_SPACE})
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})


@dataclass(frozen=True, slots=True)
class Sieve:
    """How every match of one pattern begins.

    Attributes:
        starts: at a word start, with one of these strings;
        inside: or else the match contains one of these.
        always: nothing can be told: the pattern is always searched.
    """

    starts: frozenset[str]
    inside: tuple[str, ...]
    always: bool = False


_UNTOLD = Sieve(frozenset(), (), always=True)


@dataclass(frozen=True, slots=True, eq=False)
class _Then:
    """A pattern's elements from one on: that element, and what follows it (None: the end)."""

    item: tuple[Any, Any]
    rest: _Then | None


def _chain(items: Sequence[tuple[Any, Any]], rest: _Then | None) -> _Then | None:
    for item in reversed(items):
        rest = _Then(item, rest)
    return rest


class _TooMany(Exception):
    """A pattern has too many beginnings of the length being read."""


def read_sieve(pattern: re.Pattern[str]) -> Sieve:
    r"""Read off a pattern how every match of it begins.

    >>> sieve = read_sieve(re.compile(r"\b(?:(?:ge)?kuendig\w*|\w+n't|ob)\b", re.ASCII))
    >>> sorted(sieve.starts), sieve.inside
    (['gekuen', 'kuendi', 'ob'], ("n't",))
    >>> read_sieve(re.compile(r"\w+", re.ASCII)).always
    True
    """
    if pattern.flags & re.IGNORECASE or not pattern.flags & re.ASCII:
        return _UNTOLD
    chain = _chain(_parser.parse(pattern.pattern, pattern.flags).data, None)
    for span in _SPANS:
        reader = _Reader(span)
        try:
            reader.read(chain, "", at_word_start=False)
        except _TooMany:
            continue
        return _sieve(reader.ends)
    return _UNTOLD


def _sieve(ends: Iterable[tuple[str, bool, _Then | None]]) -> Sieve:
    """The sieve from where reading stopped: what was read, where, and what was left."""
    starts: set[str] = set()
    inside: set[str] = set()
    for begun, at_word_start, rest in ends:
        if begun and at_word_start:
            starts.add(begun)
        elif begun:
            inside.add(begun)
        else:
            needed = _needed(rest)
            if not needed:
                return _UNTOLD
            inside.add(needed)
    fewest = _fewest(inside)
    return _UNTOLD if len(fewest) > _FEW else Sieve(frozenset(starts), fewest)


class _Reader:
    """Follows every way through a pattern's elements, noting how its matches begin.

    Attributes:
        span: how many characters of a beginning to read.
        ends: for every way, the characters read (``begun``), whether they begin at a word
            start, and the elements left where reading stopped.
        repeats: the repetitions followed, each with what was read before it.
    """

    def __init__(self, span: int) -> None:
        self.span = span
        self.ends: list[tuple[str, bool, _Then | None]] = []
        self.repeats: set[tuple[object, ...]] = set()

    def read(self, chain: _Then | None, begun: str, *, at_word_start: bool) -> None:
        """Follow ``chain``, its matches having begun with ``begun`` (at a word start?)."""
        if len(self.ends) > _MANY or len(self.repeats) > _STEPS:
            raise _TooMany
        if chain is None or len(begun) >= self.span:
            self.ends.append((begun, at_word_start, chain))
            return
        op, av = chain.item
        if op in _ZERO_WIDTH:  # looks around, or asserts: passed over, which only adds ways
            starts_word = op is _sre.AT and av in _WORD_START and not begun
            self.read(chain.rest, begun, at_word_start=at_word_start or starts_word)
        elif op is _sre.BRANCH:
            for alternative in av[1]:
                self.read(_chain(alternative.data, chain.rest), begun, at_word_start=at_word_start)
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):  # a group without its own flags
            self.read(_chain(av[3].data, chain.rest), begun, at_word_start=at_word_start)
        elif op is _sre.ATOMIC_GROUP:
            self.read(_chain(av.data, chain.rest), begun, at_word_start=at_word_start)
        elif op in _REPEATS:
            self.repeat(chain, begun, at_word_start=at_word_start)
        else:
            self.character(chain, begun, at_word_start=at_word_start)

    def character(self, chain: _Then, begun: str, *, at_word_start: bool) -> None:
        """Follow an element that matches one character (or stop reading at another)."""
        op, av = chain.item
        if not begun and _never_word(op, av):
            # Not a beginning yet: a word character after a non-word one starts a word.
            self.read(chain.rest, "", at_word_start=True)
        elif chars := _chars(op, av):
            for char in chars:
                self.read(chain.rest, begun + char, at_word_start=at_word_start)
        else:
            self.ends.append((begun, at_word_start, chain))

    def repeat(self, chain: _Then, begun: str, *, at_word_start: bool) -> None:
        """Follow a repetition: past it (when it may be absent), and through it once more."""
        op, (low, high, body) = chain.item
        seen = (begun, at_word_start, low, min(high, _UNBOUNDED), body, chain.rest)
        if seen in self.repeats:  # back where it was, having read nothing since
            return
        self.repeats.add(seen)
        if low == 0:
            self.read(chain.rest, begun, at_word_start=at_word_start)
        if high > 0:
            again = _Then((op, (max(low - 1, 0), high - 1, body)), chain.rest)
            self.read(_chain(body.data, again), begun, at_word_start=at_word_start)


def _never_word(op: Any, av: Any) -> bool:
    """Whether an element matches one character, and never a word character."""
    if op is _sre.LITERAL:
        return chr(av) not in _WORD_CHARS
    if op is not _sre.IN:
        return False
    return all(
        (kind is _sre.LITERAL and chr(value) not in _WORD_CHARS)
        or (kind is _sre.CATEGORY and value in _NON_WORD_CATEGORIES)
        for kind, value in av
    )


def _chars(op: Any, av: Any) -> str:
    """The characters an element matches, when it matches one of a few ("" otherwise)."""
    if op is _sre.LITERAL:
        return chr(av)
    if op is not _sre.IN:
        return ""
    chars = ""
    for kind, value in av:
        if kind is _sre.LITERAL:
            chars += chr(value)
        elif kind is _sre.RANGE and value[1] - value[0] < _SMALL_CLASS:
            chars += "".join(map(chr, range(value[0], value[1] + 1)))
        else:
            return ""
    return chars if len(chars) <= _SMALL_CLASS else ""


def _needed(chain: _Then | None) -> str:
    r"""A string that every match of ``chain`` contains: its longest run of plain characters.

    >>> _needed(_chain(_parser.parse(r"\w+n't\b", re.ASCII).data, None))
    "n't"
    """
    longest = run = ""
    while chain is not None:
        op, av = chain.item
        run = run + chr(av) if op is _sre.LITERAL else ""
        longest = max(longest, run, key=len)
        chain = chain.rest
    return longest


def _fewest(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings without those that contain another (found whenever that one is).

    >>> _fewest(["not", "no", "nicht"])
    ('nicht', 'no')
    """
    unique = set(strings)
    return tuple(sorted(s for s in unique if not any(o != s and o in s for o in unique)))


class Screen:
    """Many patterns, and one scan that tells which of them can match in a text."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        """Read every pattern's sieve, and build one scan for all their starts."""
        self.patterns = tuple(patterns)  # known by their ids below, so kept alive here
        self.always = 0
        self._sieves: dict[int, tuple[int, tuple[str, ...]]] = {}
        flags_by_start: dict[str, int] = {}
        for bit, pattern in enumerate(patterns):
            sieve = read_sieve(pattern)
            self._sieves[id(pattern)] = (1 << bit, sieve.inside)
            self.always |= sieve.always << bit
            for start in sieve.starts:
                flags_by_start[start] = flags_by_start.get(start, 0) | 1 << bit
        self._flags = {start: _with_shorter(start, flags_by_start) for start in flags_by_start}
        # At each word start, the longest start there (inside the look-ahead), then past the word.
        self._starts = re.compile(r"\b(?=(" + _trie(flags_by_start) + r"))\w*", re.ASCII)

    def scan(self, text: str) -> int:
        """The patterns that can match in ``text`` by a start, one bit each (in their order)."""
        seen = self.always
        for start in self._starts.findall(text):
            seen |= self._flags[start]
        return seen

    def may_match(self, pattern: re.Pattern[str], text: str, seen: int) -> bool:
        """Whether ``pattern`` can match in ``text``, the text scanned (``seen``) or a piece."""
        flag, inside = self._sieves[id(pattern)]
        return bool(seen & flag) or any(needed in text for needed in inside)

    def search(self, pattern: re.Pattern[str], text: str, seen: int) -> re.Match[str] | None:
        """``pattern.search(text)``, not run where the scan shows it would find nothing."""
        return pattern.search(text) if self.may_match(pattern, text, seen) else None


def _with_shorter(start: str, flags_by_start: dict[str, int]) -> int:
    """The patterns of a start and of every shorter start it begins with.

    The scan finds the longest start at a word start; the shorter ones are there as well.
    """
    flags = 0
    for end in range(1, len(start) + 1):
        flags |= flags_by_start.get(start[:end], 0)
    return flags


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
