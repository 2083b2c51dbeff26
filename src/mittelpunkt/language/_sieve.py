r"""How every match of a pattern begins, read off the pattern's syntax.

The pattern is parsed by Python's own parser (``re._parser``, whose result ``re.compile``
compiles), and every way through it is followed for a few characters (:class:`_Reader`). A
way that begins at a word start with "storn" gives the start ``storn``. Where a way cannot
be followed character by character (``\w+``, ``.{0,80}?``), what is left of it still names
strings that every match along it contains (:class:`_Contained`): a match of
``bitte (?:\w+ ){0,4}(?:ignorieren|vergessen)`` begins with "bitte " at a word start and
contains "ignorieren" or "vergessen".

Reading only ever adds ways (a look-around, a word boundary or an anchor inside a pattern is
passed over as if it always held), so what it says holds for every match: a text in which no
start is found at a word start (with one of its strings, where it has some), and which
contains none of the strings inside, has no match.

>>> sieve = read_sieve(re.compile(r"\b(?:storn\w*|bitte (?:\w+ ){0,4}vergessen)", re.ASCII))
>>> sieve.starts
{'storn': ((),), 'bitte ': ((('vergessen',),),)}
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Sieve", "read_sieve"]

_SPANS = (6, 4, 3, 2)  # starts this long, the longest first; shorter ones when too many
_MANY = 400  # ways through one pattern beyond which shorter starts are read
_STEPS = 20_000  # repetitions followed in one pattern beyond which shorter starts are read
_FEW = 8  # strings inside, for the matches not at a word start: more cost more than a search
_SOME = 16  # strings to look for in one part of a match: more cost more than they save
_PARTS = 3  # parts of a match looked for, the most telling ones
_SPELLED = 64  # strings an element may spell out
_SMALL_CLASS = 6  # a character class of up to this many characters is spelled out
_UNBOUNDED = 1_000  # a repetition allowed this often is as good as unbounded
_WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_")
_ZERO_WIDTH = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
_WORD_START = frozenset({_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING})
_NON_WORD_CATEGORIES = frozenset({_sre.CATEGORY_NOT_WORD, _sre.CATEGORY_SPACE})
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT})

Item = tuple[Any, Any]  # an element of a parsed pattern: its operation and its arguments
Strings = tuple[str, ...]  # strings of which a match contains one
Way = tuple[Strings, ...]  # strings a match contains one of each of (none: nothing is known)


@dataclass(frozen=True, slots=True)
class Sieve:
    """How every match of one pattern begins.

    Attributes:
        starts: the strings a match begins with at a word start; for each, the ways such a
            match may go on, and for each way, the parts it contains: one string of each
            part (a way without parts may go on in any way).
        inside: the strings of which every other match contains one.
        always: nothing can be told: the pattern is always searched.
    """

    starts: dict[str, tuple[Way, ...]]
    inside: Strings
    always: bool = False


_UNTOLD = Sieve({}, (), always=True)


class _Then:
    """A pattern's elements from one on: that element, and what follows it (None: the end).

    Known by identity (the reader notes where it has been).
    """

    __slots__ = ("item", "rest")

    def __init__(self, item: Item, rest: _Then | None) -> None:
        self.item = item
        self.rest = rest


def _chain(items: Sequence[Item], rest: _Then | None) -> _Then | None:
    for item in reversed(items):
        rest = _Then(item, rest)
    return rest


def _items(chain: _Then | None) -> list[Item]:
    items = []
    while chain is not None:
        items.append(chain.item)
        chain = chain.rest
    return items


class _TooMany(Exception):
    """A pattern has too many ways through it for starts of the length being read."""


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
    """The sieve from where the ways stopped: what was read, where, and what was left."""
    contained = _Contained()
    starts: dict[str, set[Way]] = {}
    inside: set[str] = set()
    for begun, at_word_start, rest in ends:
        if begun and at_word_start:
            starts.setdefault(begun, set()).add(contained.way(_items(rest)))
        elif begun:
            inside.add(begun)
        elif needed := contained.required(_items(rest)):
            inside |= needed
        else:
            return _UNTOLD
    fewest = _fewest(inside)
    if len(fewest) > _FEW:
        return _UNTOLD
    return Sieve({begun: _either(ways) for begun, ways in starts.items()}, fewest)


def _either(ways: set[Way]) -> tuple[Way, ...]:
    """The ways from one start, or only the way that needs nothing when there is one."""
    return ((),) if () in ways else tuple(sorted(ways))


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
        """Follow an element that matches one character (or stop reading at another).

        A non-word character before anything is read is not a beginning: a word character
        after it starts a word. So every start begins with a word character.
        """
        op, av = chain.item
        if not begun and _never_word(op, av):
            self.read(chain.rest, "", at_word_start=True)
        elif chars := _chars(op, av):
            for char in chars:
                if begun or char in _WORD_CHARS:
                    self.read(chain.rest, begun + char, at_word_start=at_word_start)
                else:
                    self.read(chain.rest, "", at_word_start=True)
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


class _Contained:
    """What the elements of one pattern spell out, and what every match of them contains.

    The same groups and branches come up again and again, once for every way that stops
    before them: each one is worked out once (known by its id, while the parsed pattern that
    holds it is being read).
    """

    def __init__(self) -> None:
        self._required: dict[int, set[str]] = {}
        self._spelled: dict[int, set[str] | None] = {}
        self._fewest: dict[frozenset[str], Strings] = {}

    def way(self, items: list[Item]) -> Way:
        """What every match of ``items`` contains: its most telling parts, few strings each."""
        parts = [self.fewest(frozenset(part)) for part in self.parts(items) if "" not in part]
        few = sorted({part for part in parts if len(part) <= _SOME}, key=_telling)
        return tuple(few[:_PARTS])

    def fewest(self, part: frozenset[str]) -> Strings:
        """:func:`_fewest` of a part, worked out once."""
        if part not in self._fewest:
            self._fewest[part] = _fewest(part)
        return self._fewest[part]

    def required(self, items: list[Item]) -> set[str]:
        r"""Strings of which every match of ``items`` contains one (none if nothing is known).

        Of the stretches of elements that every match goes through and that spell out a few
        strings, the one whose shortest string is longest.

        >>> items = list(_parser.parse(r"\w+(?:don't|not) ?\.", re.ASCII).data)
        >>> sorted(_Contained().required(items))
        ["don't", 'not']
        """
        best: set[str] = set()
        for part in self.parts(items):
            if "" not in part and min(map(len, part)) > min(map(len, best), default=0):
                best = part
        return best

    def parts(self, items: list[Item]) -> list[set[str]]:
        """For each stretch of ``items`` that spells out a few strings, those strings."""
        parts: list[set[str]] = []
        spelled = {""}
        for op, av in [*items, (None, None)]:
            spells = self.spells(op, av)
            if spells is not None and len(spelled) * len(spells) <= _SOME:
                spelled = {before + after for before in spelled for after in spells}
                continue
            if spelled != {""}:
                parts.append(spelled)
            spelled = {""}
            parts += self.inner_parts(op, av)
        return parts

    def inner_parts(self, op: Any, av: Any) -> list[set[str]]:
        """The parts every match of one element contains (a group, a repetition, a branch)."""
        if op is _sre.SUBPATTERN and not (av[1] or av[2]):
            return self.parts(list(av[3].data))
        if op in _REPEATS and av[0] > 0:  # repeated at least once
            return self.parts(list(av[2].data))
        if op is _sre.BRANCH:
            each = [self.required_of(alternative) for alternative in av[1]]
            return [set().union(*each)] if all(each) else []
        return []

    def required_of(self, pattern: Any) -> set[str]:
        """:meth:`required` of a part of the parsed pattern, worked out once."""
        if id(pattern) not in self._required:
            self._required[id(pattern)] = self.required(list(pattern.data))
        return self._required[id(pattern)]

    def spells(self, op: Any, av: Any) -> set[str] | None:
        """The strings one element matches, if they are few (None otherwise)."""
        if op in _ZERO_WIDTH:
            return {""}
        if op is _sre.SUBPATTERN and not (av[1] or av[2]):
            return self.spelled_of(av[3])
        if op is _sre.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                spelled = self.spelled_of(alternative)
                if spelled is None:
                    return None
                union |= spelled
            return union
        chars = _chars(op, av) if op is not None else ""
        return set(chars) if chars else None

    def spelled_of(self, pattern: Any) -> set[str] | None:
        """The strings a part of the parsed pattern matches, if they are few, worked out once."""
        if id(pattern) not in self._spelled:
            self._spelled[id(pattern)] = self.spelled(list(pattern.data))
        return self._spelled[id(pattern)]

    def spelled(self, items: list[Item]) -> set[str] | None:
        """The strings a sequence of elements matches, if they are few (None otherwise)."""
        spelled = {""}
        for op, av in items:
            spells = self.spells(op, av)
            if spells is None or len(spelled) * len(spells) > _SPELLED:
                return None
            spelled = {before + after for before in spelled for after in spells}
        return spelled


def _telling(part: Strings) -> tuple[int, Strings]:
    """The longer a part's shortest string, the more it tells (first, for sorting)."""
    return -min(map(len, part)), part


def _fewest(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings without those that contain another (found whenever that one is).

    >>> _fewest(["not", "no", "nicht"])
    ('nicht', 'no')
    """
    unique = set(strings)
    return tuple(sorted(s for s in unique if not any(o != s and o in s for o in unique)))
