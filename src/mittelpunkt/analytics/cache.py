r"""The columnar cache beside a log: its events as Parquet, and replays already done.

A re-analysis of a log must not parse it again. The cache holds the events table (see
:mod:`mittelpunkt.analytics.table`) under a key made of the log's size and modification
time, the mapping and the code that imported it; any change makes a new key, and the old
entries are dropped. Analyses (the replay's findings and measures, and the analytics) are
kept by a further key (configuration, ``as_of``, silenced guards), since judging hundreds of
thousands of journeys costs more than reading them; another configuration replays the
cached events without parsing the log.

The cache lives beside the log (``<log>.mpcache/``), or under ``--cache-dir``, or under
``~/.cache/mittelpunkt`` when the log's folder is read-only. Failing to write it is not an
error: the analysis goes on without it. Every file is written under a temporary name and
renamed, so a cache is never half-written.

>>> import tempfile, pyarrow as pa
>>> folder = Path(tempfile.mkdtemp())
>>> log = folder / "log.csv"
>>> _ = log.write_text("case,activity,time\n")
>>> cache = LogCache.beside(log, "mapping-digest")
>>> cache.directory.name, cache.events() is None
('log.csv.mpcache', True)
>>> cache.store_events(pa.table({"x": [1]}))
>>> LogCache.beside(log, "mapping-digest").events().num_rows
1
>>> LogCache.beside(log, "another-mapping").events() is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["LogCache", "code_fingerprint"]

_FORMAT = 1
_EVENTS = "events.parquet"
_META = "meta.json"


@dataclass(frozen=True, slots=True)
class LogCache:
    """The cache of one log under one mapping."""

    directory: Path
    key: str

    @classmethod
    def beside(cls, log: Path, mapping_digest: str, cache_dir: Path | None = None) -> LogCache:
        """The cache of ``log``: in ``cache_dir``, else beside it, else in the user's cache."""
        stat = log.stat()
        key = _digest(
            {
                "format": _FORMAT,
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
                "mapping": mapping_digest,
                "code": code_fingerprint(),
            }
        )
        return cls(_directory(log, cache_dir), key)

    def events(self, columns: Sequence[str] | None = None) -> pa.Table | None:
        """The cached events table (only ``columns``, when given), or None for another key."""
        try:
            if self.events_key_stored() != self.key:
                return None
            return pq.read_table(self.directory / _EVENTS, columns=columns)
        except (OSError, ValueError, pa.ArrowException):
            return None

    def store_events(self, table: pa.Table) -> None:
        """Keep the events table (dropping every older entry of this log)."""
        try:
            if self.directory.exists():
                shutil.rmtree(self.directory)
            self.directory.mkdir(parents=True)
            _atomic(self.directory / _EVENTS, lambda p: pq.write_table(table, p))
            meta = json.dumps({"key": self.key})
            _atomic(self.directory / _META, lambda p: p.write_text(meta, encoding="utf-8"))
        except OSError:
            return

    def result(self, result_key: str) -> dict[str, Any] | None:
        """An analysis kept under ``result_key`` (beside events of this key), or None."""
        if self.events_key_stored() != self.key:
            return None
        try:
            found = json.loads(self._result_path(result_key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) else None

    def store_result(self, result_key: str, result: dict[str, Any]) -> None:
        """Keep an analysis (only beside events of the same key)."""
        if self.events_key_stored() != self.key:
            return
        text = json.dumps(result, ensure_ascii=False)
        try:
            _atomic(self._result_path(result_key), lambda p: p.write_text(text, encoding="utf-8"))
        except OSError:
            return

    def events_key_stored(self) -> str | None:
        """The key of the events kept now, if any."""
        try:
            return str(json.loads((self.directory / _META).read_text(encoding="utf-8"))["key"])
        except (OSError, ValueError, KeyError):
            return None

    def _result_path(self, result_key: str) -> Path:
        return self.directory / f"result-{_digest([self.key, result_key])[:24]}.json"


def _directory(log: Path, cache_dir: Path | None) -> Path:
    """Beside the log when its folder is writable; otherwise in a cache folder, by path."""
    if cache_dir is None and os.access(log.parent, os.W_OK):
        return log.parent / f"{log.name}.mpcache"
    where = hashlib.sha256(str(log.resolve()).encode()).hexdigest()[:12]
    root = cache_dir if cache_dir is not None else Path.home() / ".cache" / "mittelpunkt"
    return root / f"{log.name}-{where}.mpcache"


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


@cache
def code_fingerprint() -> str:
    """A digest of mittelpunkt's own source files: a cache made by other code is not trusted.

    Names, sizes and modification times stand for the contents (reading every file would
    cost more than a warm analysis).

    >>> len(code_fingerprint())
    64
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(
            f"{path.relative_to(package).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
        )
    return digest.hexdigest()
