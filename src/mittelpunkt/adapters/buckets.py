r"""Replay of a history bigger than memory: its lines spread over buckets by customer.

The core's :func:`~mittelpunkt.core.replay.replay` holds every event until it judges. Here
history goes through two passes instead, so memory stays small however long the file, and the
second pass runs in worker processes side by side:

1. **Spill** (:func:`spill`, light; :func:`spill_file` splits a large file in byte ranges
   spilled by the workers side by side): each line is appended as it is to one of the bucket
   files, chosen by its customer. Only the ``id``, ``customer`` and ``time`` are picked out
   of it (by a pattern; by decoding when the line is unusual). Noted per line, in eight
   bytes: the id's hash with its bucket, so that an id met in two buckets is found.
2. **Judge** (:func:`judge`, in workers): each bucket's lines are decoded and validated as
   always (:func:`~mittelpunkt.core.events.parse_event`; duplicates as in
   :class:`~mittelpunkt.core.replay.Collection`, in line order), and go through the core's
   replay at the common ``as_of``. Findings, in report order and already written as JSON, go
   to a run file per bucket; the runs are merged when read.

A journey and its customer's consents always share a bucket, so the result is the core's
replay of the whole file, to the byte. The rare cases that one bucket cannot decide alone are
settled across buckets exactly as reading in line order would: an id met in several buckets
(the first valid one stands, a different one later is rejected), and an ``as_of`` taken from a
line that turned out invalid (the buckets are judged again at the right moment).

>>> import io
>>> from mittelpunkt.core.config import Config
>>> from mittelpunkt.cli.common import default_rules
>>> lines = io.StringIO(
...     '{"id": "e1", "time": "2026-03-02T09:00:00Z", "type": "order.confirmed",'
...     ' "customer": "C", "refs": {"order": "O"}, "data": {"promised_delivery": "2026-03-04"}}\n'
...     '{"id": "e2", "time": "2026-03-09T09:00:00Z", "type": "contact.inbound",'
...     ' "customer": "C", "refs": {"order": "O"}, "data": {"channel": "phone"}}\n')
>>> with spill(lines) as spilled:
...     history = judge(spilled, default_rules(Config()))
...     history.events, [f.code for f in history.findings]
(2, ['broken_promise', 'no_news'])
"""

from __future__ import annotations

import heapq
import itertools
import json
import marshal
import os
import struct
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta, tzinfo
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import IO, Any, NamedTuple

from mittelpunkt.adapters.jsonl import Rejected, decode_line, numbered_lines
from mittelpunkt.core.events import Event, parse_event
from mittelpunkt.core.findings import Finding, finding_from_record, finding_record
from mittelpunkt.core.measures import Tally, combine, measures
from mittelpunkt.core.replay import Collection, replay
from mittelpunkt.core.step import Rules
from mittelpunkt.core.times import BERLIN, TimeFormatError, parse_instant
from mittelpunkt.exceptions import BadEvent

__all__ = [
    "BUCKETS",
    "PARTS_PER_WORKER",
    "SPREAD_FROM",
    "Bucket",
    "JudgedHistory",
    "Reading",
    "Spilled",
    "buckets_for",
    "judge",
    "read_bucket",
    "read_records",
    "run_record",
    "shared_ids",
    "spill",
    "spill_file",
    "worker_pool",
    "workers_wanted",
]

#: How many buckets history is spread over when its size is unknown (see :func:`buckets_for`).
BUCKETS = 64
#: Below this many lines, judging in worker processes costs more than it saves.
SMALL = 20_000
#: From this many bytes, a file is spilled in byte ranges by the workers side by side.
SPREAD_FROM = 4 * 2**20
#: Byte ranges per worker: a few, so that the progress bar moves and the workers even out.
PARTS_PER_WORKER = 4
#: A line in a bucket's index: its number, the hash of its id, where it ends.
_INDEX_ENTRY = struct.Struct("=qqq")  # as array("q") reads it back
#: Groups the noted ids are checked in, each group alone (see :func:`shared_ids`).
_ID_GROUPS = 16
#: Bytes of the length before each record in a bucket or run file.
_FRAME = 4
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
#: The top-level fields spilling routes by, when they are plain strings without escapes.
_BUCKET_BITS = 9  # room for 256 buckets, plus one
_BUCKET_MASK = (1 << _BUCKET_BITS) - 1
_HASH_BITS = 0x7FFF_FFFF_FFFF_FFFF & ~_BUCKET_MASK


@dataclass(frozen=True, slots=True)
class Reading:
    """How events are read: the zones of ``read_jsonl``, and the file's name for errors."""

    customer_tz: tzinfo = BERLIN
    default_tz: tzinfo | None = None
    source: str = "-"

    def event(self, line: str) -> Event:
        """The event of a line (:class:`BadEvent` if it is not one)."""
        return parse_event(
            decode_line(line), customer_tz=self.customer_tz, default_tz=self.default_tz
        )


def buckets_for(size: int | None) -> int:
    """Buckets for ``size`` bytes of JSON lines: about 2 MiB each, 16 to 256 of them.

    Few enough that opening their files costs little, many enough that one bucket is a small
    share of history and the workers' shares even out.

    >>> buckets_for(None), buckets_for(21 * 2**20), buckets_for(215 * 2**20), buckets_for(2**40)
    (64, 16, 107, 256)
    """
    if size is None:
        return BUCKETS
    return max(16, min(256, size // (2 * 2**20)))


#: A bucket as it lies on disk: its pieces, each a file and the number of the line before its
#: first (the pieces of one bucket, read in turn, hold its lines in line order).
Bucket = tuple[tuple[Path, int], ...]


@dataclass(slots=True)
class Spilled:
    """Pass 1 done: the lines of history, spread over bucket files by customer."""

    reading: Reading
    #: Every bucket, as its pieces.
    buckets: list[Bucket]
    #: How many lines were read (blank ones included).
    lines: int = 0
    #: The latest time among the lines: the default ``as_of``, unless that line is invalid.
    latest: datetime | None = None
    #: What stopped the reading (a file that is not UTF-8), if anything did.
    stopped: BadEvent | None = None
    #: Ids met in more than one bucket (their hashes without the lowest bits): settled across
    #: buckets by :func:`judge`.
    shared_ids: set[int] = field(default_factory=set)

    @property
    def paths(self) -> list[Path]:
        """Each bucket's first piece (named after the bucket)."""
        return [pieces[0][0] for pieces in self.buckets]


class _Writer:
    """Spills lines to ``buckets`` new bucket files in ``folder``, noting ids and times.

    Lines are numbered from one within what this writer takes; the bucket pieces it leaves
    are named with ``part`` (``bucket-007-p01.lines``). A piece holds its lines as they were
    read, one after the other; beside it, its index (``.index``) holds three numbers per
    line: the line's number, the hash of its id (0 for none) and where the line ends.
    """

    def __init__(self, folder: Path, reading: Reading, buckets: int, part: int = 0) -> None:
        """Open ``buckets`` empty bucket files in ``folder``."""
        self.reading = reading
        self.paths = [
            folder / f"bucket-{number:03d}-p{part:02d}.lines" for number in range(buckets)
        ]
        self.files: list[IO[bytes]] = [path.open("wb") for path in self.paths]
        self.indexes: list[IO[bytes]] = [
            path.with_suffix(".index").open("wb") for path in self.paths
        ]
        self.ends = [0] * buckets
        self.lines = 0
        self.latest: datetime | None = None
        #: Every line's id noted with its bucket, in groups (see :func:`shared_ids`).
        self.ids = [array("q") for _ in range(_ID_GROUPS)]

    def take(self, number: int, line: str, raw: bytes | None = None) -> None:
        """Spill line ``number`` (``raw``: the line as UTF-8, when it was read as such)."""
        event_id, customer, time = _routing(line)
        bucket = hash(customer) % len(self.files) if customer is not None else 0
        key = hash(event_id) if event_id is not None else 0
        if raw is None:
            raw = line.encode("utf-8")
        self.files[bucket].write(raw)
        self.ends[bucket] += len(raw)
        self.indexes[bucket].write(_INDEX_ENTRY.pack(number, key, self.ends[bucket]))
        self.lines += 1
        if event_id is not None:
            noted = (key & _HASH_BITS) | (bucket + 1)
            self.ids[(noted >> _BUCKET_BITS) % _ID_GROUPS].append(noted)
        if time is not None:
            self._note(time)

    def close(self) -> None:
        """Finish writing."""
        for file in (*self.files, *self.indexes):
            file.close()

    def _note(self, time: str) -> None:
        try:
            moment = parse_instant(time, self.reading.default_tz)
        except TimeFormatError:
            return  # the line is invalid; judging will say so
        if self.latest is None or moment > self.latest:
            self.latest = moment


def shared_ids(noted: Iterable[array[int]]) -> set[int]:
    """The ids noted with more than one bucket, from one group's notes.

    A note is an id's hash without its lowest nine bits, with its bucket plus one in them.
    Two ids that share the rest of their hash are taken for one: harmless, since the lines of
    ids met in two buckets are compared in full later.

    Returns:
        The hashes (lowest bits cleared) of the ids noted with two buckets or more.

    >>> e1 = hash("e-1") & _HASH_BITS
    >>> in_3, in_7 = e1 | 4, e1 | 8
    >>> shared_ids([array("q", [in_3, in_3])])
    set()
    >>> shared_ids([array("q", [in_3]), array("q", [in_7])]) == {e1}
    True
    """
    distinct: set[int] = set()
    for notes in noted:
        distinct.update(notes)
    seen: set[int] = set()
    shared: set[int] = set()
    for note in distinct:
        hashed = note & _HASH_BITS
        if hashed in seen:
            shared.add(hashed)
        seen.add(hashed)
    return shared


def _routing(line: str) -> tuple[str | None, str | None, str | None]:
    r"""A line's ``id``, ``customer`` and ``time``, each None when it is not a plain string.

    Each field is looked up by its quoted name; a line that names one twice (once nested), or
    whose ``id`` or ``customer`` is not a plain string, is decoded instead.

    >>> _routing('{"id": "e1", "customer": "C-1", "time": "2026-03-02T09:00:00Z"}')
    ('e1', 'C-1', '2026-03-02T09:00:00Z')
    >>> _routing('{"id": "e1", "customer": "C-\\u00e4", "data": {"items": [{"id": "x"}]}}')
    ('e1', 'C-ä', None)
    >>> _routing('{"id":"e2","customer" :"C-2","time":12}')
    ('e2', 'C-2', None)
    """
    try:
        event_id = _plain_value(line, '"id"')
        customer = _plain_value(line, '"customer"')
        if event_id and customer:
            return event_id, customer, _plain_value(line, '"time"') or None
    except _Unusual:
        pass
    return _decoded_routing(line)


class _Unusual(Exception):
    """A line whose routing fields only decoding can tell."""


_JSON_SPACE = " \t\r\n"


def _plain_value(line: str, key: str) -> str | None:
    """The plain string after ``key`` (quoted) and a colon; "" for another value, None if absent.

    Raises:
        _Unusual: ``key`` is there twice, or not followed by a colon.

    >>> _plain_value('{"id": "e1"}', '"id"'), _plain_value('{"id": 7}', '"id"')
    ('e1', '')
    """
    at = line.find(key)
    if at < 0:
        return None
    end = at + len(key)
    if line.find(key, end) >= 0:
        raise _Unusual
    size = len(line)
    while end < size and line[end] in _JSON_SPACE:
        end += 1
    if end >= size or line[end] != ":":
        raise _Unusual
    end += 1
    while end < size and line[end] in _JSON_SPACE:
        end += 1
    if end >= size or line[end] != '"':
        return ""
    close = line.find('"', end + 1)
    value = line[end + 1 : close]
    return "" if close < 0 or "\\" in value else value


def _decoded_routing(line: str) -> tuple[str | None, str | None, str | None]:
    try:
        raw = json.loads(line)
    except ValueError:
        return None, None, None
    if not isinstance(raw, dict):
        return None, None, None
    plain = [raw.get(name) for name in ("id", "customer", "time")]
    event_id, customer, time = (value if isinstance(value, str) else None for value in plain)
    return event_id, customer, time


@contextmanager
def spill(
    lines: Iterable[str],
    *,
    reading: Reading = Reading(),
    on_line: Callable[[str], None] | None = None,
    buckets: int = BUCKETS,
) -> Iterator[Spilled]:
    """Pass 1 into a temporary folder, removed on leaving. Nothing is validated yet."""
    with tempfile.TemporaryDirectory(prefix="mittelpunkt-") as folder:
        yield _spilled_serially(lines, Path(folder), reading, on_line, buckets)


@contextmanager
def spill_file(
    path: Path,
    *,
    reading: Reading = Reading(),
    pool: Executor | None = None,
    parts: int = 1,
    on_bytes: Callable[[int], None] | None = None,
    buckets: int = BUCKETS,
) -> Iterator[Spilled]:
    """Pass 1 of a file, in ``parts`` byte ranges spilled side by side by ``pool``'s workers.

    Each part spills the lines that start in its range to bucket pieces of its own; the
    pieces of a bucket, read in turn, hold its lines in line order, numbered as reading the
    whole file would number them. Ids that two parts put in different buckets are found by
    merging the parts' tables. A file whose lines a byte range cannot number as text
    reading does (a carriage return, which also ends a line there; bytes that are not
    UTF-8) is read in one piece instead, as :func:`spill` reads it.

    Raises:
        OSError: the file cannot be read.
    """
    size = path.stat().st_size
    with tempfile.TemporaryDirectory(prefix="mittelpunkt-") as folder:
        spilled = None
        if pool is not None and parts > 1 and size > 0:
            spilled = _spilled_in_parts(path, Path(folder), reading, pool, parts, on_bytes, buckets)
        if spilled is None:
            with path.open(encoding="utf-8", errors="strict") as lines:
                on_line = None if on_bytes is None else (lambda line: on_bytes(len(line)))
                spilled = _spilled_serially(lines, Path(folder), reading, on_line, buckets)
        yield spilled


def _spilled_serially(
    lines: Iterable[str],
    folder: Path,
    reading: Reading,
    on_line: Callable[[str], None] | None,
    buckets: int,
) -> Spilled:
    writer = _Writer(folder, reading, buckets)
    stopped = None
    try:
        for number, line in numbered_lines(lines, reading.source):
            if on_line is not None:
                on_line(line)
            if line.strip():
                writer.take(number, line)
    except BadEvent as error:
        stopped = error
    finally:
        writer.close()
    pieces: list[Bucket] = [((path, 0),) for path in writer.paths]
    shared = set().union(*(shared_ids([group]) for group in writer.ids))
    return Spilled(reading, pieces, writer.lines, writer.latest, stopped, shared)


class _Part(NamedTuple):
    """A byte range of a file to spill: the lines that start in ``[start, end)``.

    Named tuples, because they cross to worker processes (pickled).
    """

    path: Path
    folder: Path
    number: int
    start: int
    end: int
    buckets: int


class _PartSpilled(NamedTuple):
    """What spilling one part gave (``textual`` False: only text reading numbers it right)."""

    textual: bool
    lines: int = 0
    latest: datetime | None = None
    paths: tuple[Path, ...] = ()
    ids: tuple[Path, ...] = ()
    size: int = 0


def _spilled_in_parts(  # noqa: PLR0917 - the private half of spill_file, its arguments
    path: Path,
    folder: Path,
    reading: Reading,
    pool: Executor,
    parts: int,
    on_bytes: Callable[[int], None] | None,
    buckets: int,
) -> Spilled | None:
    size = path.stat().st_size
    bounds = [size * number // parts for number in range(parts + 1)]
    ranges = [
        _Part(path, folder, number, start, end, buckets)
        for number, (start, end) in enumerate(itertools.pairwise(bounds))
    ]
    done: list[_PartSpilled] = []
    for part in pool.map(_spill_part_in_worker, ranges):
        done.append(part)
        if on_bytes is not None:
            on_bytes(part.size)
    if not all(part.textual for part in done):
        for part in done:
            for piece in part.paths:
                piece.unlink()
                piece.with_suffix(".index").unlink()
        return None
    groups = [[part.ids[group] for part in done] for group in range(_ID_GROUPS)]
    shared = set().union(*pool.map(_shared_ids_in_files, groups))
    return _joined(reading, done, buckets, shared)


def _joined(reading: Reading, parts: list[_PartSpilled], buckets: int, shared: set[int]) -> Spilled:
    """One spill of the parts: pieces in line order, counts, the latest time."""
    before = list(itertools.accumulate((part.lines for part in parts), initial=0))
    pieces = [
        tuple((part.paths[bucket], offset) for part, offset in zip(parts, before, strict=False))
        for bucket in range(buckets)
    ]
    times = [part.latest for part in parts if part.latest is not None]
    return Spilled(reading, pieces, before[-1], max(times, default=None), None, shared)


def _spill_part(part: _Part, reading: Reading) -> _PartSpilled:
    """Spill the lines that start in one byte range of a file (in a worker)."""
    writer = _Writer(part.folder, reading, part.buckets, part.number + 1)
    number = 0
    try:
        with part.path.open("rb") as file:
            position = _line_start(file, part.start)
            while position < part.end:
                raw = file.readline()
                if not raw:
                    break
                position += len(raw)
                number += 1
                if b"\r" in raw:
                    return _PartSpilled(textual=False, paths=tuple(writer.paths))
                line = raw.decode("utf-8")
                if line.strip():
                    writer.take(number, line, raw)
    except UnicodeDecodeError:
        return _PartSpilled(textual=False, paths=tuple(writer.paths))
    finally:
        writer.close()
    return _PartSpilled(
        textual=True,
        lines=number,
        latest=writer.latest,
        paths=tuple(writer.paths),
        ids=_written_ids(writer, part),
        size=part.end - part.start,
    )


def _written_ids(writer: _Writer, part: _Part) -> tuple[Path, ...]:
    """The part's notes of ids, a file per group, for :func:`_shared_ids_in_files`."""
    paths = []
    for group, notes in enumerate(writer.ids):
        path = part.folder / f"ids-{group:02d}-p{part.number:02d}.bin"
        path.write_bytes(notes.tobytes())
        paths.append(path)
    return tuple(paths)


def _shared_ids_in_files(paths: list[Path]) -> set[int]:
    """:func:`shared_ids` of one group, from the files of every part (in a worker)."""
    noted = []
    for path in paths:
        notes = array("q")
        notes.frombytes(path.read_bytes())
        noted.append(notes)
    return shared_ids(noted)


def _line_start(file: IO[bytes], offset: int) -> int:
    """Move ``file`` to the first line that starts at ``offset`` or after; where that is."""
    if offset == 0:
        return 0
    file.seek(offset - 1)
    if file.read(1) == b"\n":
        return offset
    return offset + len(file.readline())


@dataclass(frozen=True, slots=True)
class JudgedHistory:
    """What the judged buckets found: counts and tally summed, findings kept in run files."""

    as_of: datetime | None
    events: int
    journeys: int
    customers: int
    tally: Tally
    runs: tuple[Path, ...]
    rejected: tuple[Rejected, ...] = ()
    #: Whether the runs keep each finding's values, not only its JSON (``judge(values=...)``).
    values: bool = True

    @property
    def findings(self) -> Iterator[Finding]:
        """Every finding in report order, streamed from the runs (a fresh pass each time).

        Raises:
            ValueError: the history was judged for its JSON only (``judge(values=False)``).
        """
        if not self.values:
            raise ValueError("the findings were kept as JSON only: judge with values=True")
        records = (marshal.loads(values) for *_, values in self._merged())  # noqa: S302 - ours
        return (finding_from_record(record) for record in records)

    def findings_as_json(self) -> Iterator[str]:
        """Every finding's JSON text, in report order (written while judging)."""
        return (text for *_, text, _ in self._merged())

    @property
    def measures(self) -> dict[str, Any]:
        """The journey measures of ``guards.md``."""
        return measures(self.tally)

    def _merged(self) -> Iterator[_RunRecord]:
        return heapq.merge(*map(read_records, self.runs))


def workers_wanted() -> int:
    """Worker processes for judging: ``MITTELPUNKT_WORKERS``, else one per available core."""
    wanted = os.environ.get("MITTELPUNKT_WORKERS")
    if wanted and wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0))


@contextmanager
def worker_pool(rules: Rules, reading: Reading, count: int) -> Iterator[Executor | None]:
    """``count`` worker processes for :func:`judge`, started now (None for one: judge here).

    Started before anything is read, the workers share nothing of the reading's memory, and
    the rules reach them as they are (forked, not pickled).
    """
    if count <= 1 or "fork" not in get_all_start_methods():
        yield None  # one worker, or a platform that cannot fork: judge in this process
        return
    context = get_context("fork")
    setup = (rules, reading)
    with ProcessPoolExecutor(count, context, initializer=_set_up, initargs=setup) as pool:
        for started in [pool.submit(os.getpid) for _ in range(count)]:
            started.result()
        yield pool


def judge(
    spilled: Spilled,
    rules: Rules,
    *,
    as_of: datetime | None = None,
    skip_invalid: bool = False,
    pool: Executor | None = None,
    on_bucket: Callable[[], None] | None = None,
    small: int = SMALL,
    values: bool = True,
) -> JudgedHistory:
    """Pass 2: validate and judge every bucket at ``as_of`` (default: the last event's time).

    Buckets are judged by the workers of ``pool`` (see :func:`worker_pool`), or here when
    there is none or fewer than ``small`` lines. Without ``values``, the runs keep only each
    finding's JSON (all the JSON output needs). The runs live in the spill folder: read the
    findings before leaving :func:`spill`.

    Raises:
        BadEvent: the first bad line, unless ``skip_invalid`` (then in ``rejected``); a file
            that is not UTF-8 stops the replay either way, as when reading in memory.
    """
    if spilled.stopped is not None and skip_invalid:
        raise spilled.stopped
    settled = _settle_shared_ids(spilled) if spilled.shared_ids else _Settled()
    job = _Job(rules, spilled.reading)

    def run(tasks: list[_Task]) -> Iterable[_Judged]:
        if pool is not None and spilled.lines >= small:
            return pool.map(_judge_in_worker, tasks)
        return map(job.judge, tasks)

    moment = as_of or spilled.latest
    results = _judge_all(spilled, run, (moment, settled, values), on_bucket)
    true_latest = max((r.latest for r in results if r.latest is not None), default=None)
    if as_of is None and true_latest != moment:  # the latest line was invalid after all
        moment = true_latest
        results = _judge_all(spilled, run, (moment, settled, values), on_bucket)
    rejected = sorted(
        [*settled.rejected, *(r for result in results for r in result.rejected)],
        key=lambda r: r.line,
    )
    if spilled.stopped is not None:
        rejected.append(Rejected.of(spilled.stopped.line or 0, spilled.stopped))
    if rejected and not skip_invalid:
        raise rejected[0].as_error(spilled.reading.source)
    return replace(_summed(moment, results, tuple(rejected)), values=values)


@dataclass(frozen=True, slots=True)
class _Settled:
    """Ids met in several buckets, settled in line order: which lines stand aside."""

    set_aside: frozenset[int] = frozenset()
    rejected: tuple[Rejected, ...] = ()


def _settle_shared_ids(spilled: Spilled) -> _Settled:
    """Decide every line of an id met in several buckets, as reading in line order would.

    The first valid line of an id stands; a later one alike is a duplicate, a different one is
    rejected. Both stand aside when their bucket is judged; invalid lines are left to it.
    """
    lines: dict[str, list[tuple[int, Event]]] = defaultdict(list)
    for bucket in spilled.buckets:
        for number, key, line in read_bucket(bucket):
            if key & _HASH_BITS in spilled.shared_ids:
                try:
                    event = spilled.reading.event(line)
                except BadEvent:
                    continue
                lines[event.id].append((number, event))
    set_aside: set[int] = set()
    rejected: list[Rejected] = []
    conflict = "the same id arrived before with different content"
    for event_id, occurrences in lines.items():
        occurrences.sort(key=lambda occurrence: occurrence[0])
        first = occurrences[0][1]
        for number, event in occurrences[1:]:
            set_aside.add(number)
            if event != first:
                rejected.append(Rejected(number, event_id, None, conflict))
    return _Settled(frozenset(set_aside), tuple(rejected))


@dataclass(slots=True)
class _Judged:
    """What one bucket gave."""

    events: int = 0
    journeys: int = 0
    customers: int = 0
    tally: dict[str, Any] = field(default_factory=dict)
    run: Path | None = None
    latest: datetime | None = None
    rejected: list[Rejected] = field(default_factory=list)


#: A finding in a run file: its place in report order (time in microseconds since 1970,
#: journey, code, cause), its JSON text, and the finding itself as plain values, marshalled
#: apart: merging for the JSON output reads them as bytes, without building them.
_RunRecord = tuple[int, str, str, str, str, bytes]
#: What a worker judges: a bucket, at a moment, without some lines, keeping values or not.
_Task = tuple[Bucket, datetime | None, frozenset[int], bool]


def _judge_all(
    spilled: Spilled,
    run: Callable[[list[_Task]], Iterable[_Judged]],
    how: tuple[datetime | None, _Settled, bool],
    on_bucket: Callable[[], None] | None,
) -> list[_Judged]:
    moment, settled, values = how
    tasks = [(bucket, moment, settled.set_aside, values) for bucket in spilled.buckets]
    results = []
    for result in run(tasks):
        results.append(result)
        if on_bucket is not None:
            on_bucket()
    return results


@dataclass(frozen=True, slots=True)
class _Job:
    rules: Rules
    reading: Reading

    def judge(self, task: _Task) -> _Judged:
        """Validate one bucket's lines in order and judge its journeys at the moment."""
        bucket, moment, set_aside, values = task
        judged = _Judged()
        collection = Collection()
        for number, _key, line in read_bucket(bucket):
            if number in set_aside:
                continue
            try:
                collection.add(self.reading.event(line))
            except BadEvent as error:
                judged.rejected.append(Rejected.of(number, error))
        judged.latest = collection.latest
        if moment is None:
            return judged
        result = replay(collection, rules=self.rules, as_of=moment)
        run = bucket[0][0].with_suffix(".findings")
        with run.open("wb") as out:
            for finding in result.findings:
                out.write(_framed(marshal.dumps(run_record(finding, values=values))))
        judged.events, judged.journeys, judged.customers = (
            result.events,
            result.journeys,
            result.customers,
        )
        judged.tally = {name.name: getattr(result.tally, name.name) for name in fields(Tally)}
        judged.run = run
        return judged


def run_record(finding: Finding, *, values: bool = True) -> _RunRecord:
    """A finding as it is kept in a run file: its place in report order, JSON and values.

    Without ``values`` (when only the JSON output is wanted), the values are left empty.
    """
    return (
        (finding.time - _EPOCH) // _MICROSECOND,
        finding.journey,
        finding.code,
        finding.cause,
        json.dumps(finding.to_json(), ensure_ascii=False),
        marshal.dumps(finding_record(finding)) if values else b"",
    )


_JOB: list[_Job] = []  # a worker's job, set when it starts


def _set_up(rules: Rules, reading: Reading) -> None:
    _JOB.append(_Job(rules, reading))


def _judge_in_worker(task: _Task) -> _Judged:
    return _JOB[0].judge(task)


def _spill_part_in_worker(part: _Part) -> _PartSpilled:
    return _spill_part(part, _JOB[0].reading)


def _summed(
    moment: datetime | None, results: list[_Judged], rejected: tuple[Rejected, ...]
) -> JudgedHistory:
    runs = tuple(r.run for r in results if r.run is not None)
    return JudgedHistory(
        moment,
        sum(r.events for r in results),
        sum(r.journeys for r in results),
        sum(r.customers for r in results),
        combine(Tally(**r.tally) for r in results if r.tally),
        runs,
        rejected,
    )


def _framed(record: bytes) -> bytes:
    """A marshalled record behind its length, so that a file of them reads back fast."""
    return len(record).to_bytes(_FRAME, "little") + record


def read_records(path: Path) -> Iterator[Any]:
    """The framed, marshalled records of a file, in order, read as they are needed."""
    with path.open("rb") as file:
        while header := file.read(_FRAME):
            yield marshal.loads(file.read(int.from_bytes(header, "little")))  # noqa: S302 - ours


def read_bucket(bucket: Bucket) -> Iterator[tuple[int, int, str]]:
    """A bucket's lines with their numbers and the hashes of their ids (0 for none).

    Its pieces are read in turn, each whole (a bucket is a small share of history).
    """
    for path, before in bucket:
        text = path.read_bytes()
        index = array("q")
        index.frombytes(path.with_suffix(".index").read_bytes())
        start = 0
        for at in range(0, len(index), 3):
            end = index[at + 2]
            yield before + index[at], index[at + 1], text[start:end].decode("utf-8")
            start = end
