"""A log analysed end to end: imported (or read from its cache), replayed, measured.

The result is the ``analyze`` JSON of ``interfaces.md`` — the replay's output plus
``process`` and ``variants`` — with these additions:

- ``variant_count``: how many distinct variants the log has;
- ``process`` also carries ``start``/``end`` activities, ``cases``, ``events``, and per
  activity and edge the ``hurts`` (findings sitting there), per activity ``hurts_by_code``
  and ``position`` (its median step number in a case, from 0);
- ``hurts``: per activity and per transition, the findings whose evidence sits there, by code;
- ``throughput``, ``waiting_on_customer``, ``reopenings``: journey times;
- ``covers``: what the mapping says the log records; ``silent_guards``: the guards kept
  silent because the log does not record what they need;
- ``log``: the file, its format, and whether its events came from the cache.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from mittelpunkt.adapters.derived import derive
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.adapters.sources import log_format, read_events
from mittelpunkt.analytics.cache import LogCache
from mittelpunkt.analytics.covers import silence, silent_guards
from mittelpunkt.analytics.engine import connect
from mittelpunkt.analytics.hurts import hurts
from mittelpunkt.analytics.journeys import reopenings, throughput, waiting_on_customer
from mittelpunkt.analytics.process import process_map, variants
from mittelpunkt.analytics.table import SCHEMA, event_table, events_of
from mittelpunkt.core.config import Config
from mittelpunkt.core.events import DUE_FIELDS, Event
from mittelpunkt.core.intents import IntentClassifier, no_intent
from mittelpunkt.core.replay import collect, replay
from mittelpunkt.core.step import Rules
from mittelpunkt.core.times import BERLIN
from mittelpunkt.exceptions import BadConfig
from mittelpunkt.guards import all_guards

__all__ = ["Analysis", "Options", "analyze_log"]

Advance = Callable[[float], None]
#: The columns the analytics query (the cached ``event`` JSON is read only to replay again).
_QUERIED = [name for name in SCHEMA.names if name != "event"]
ProgressBar = Callable[[float | None, str], AbstractContextManager[Advance]]


@contextmanager
def _no_bar(_total: float | None, _description: str) -> Iterator[Advance]:
    yield lambda _n: None


@dataclass(frozen=True, slots=True)
class Options:
    """How to analyse: the guards' configuration, the moment of judgement, the cache."""

    config: Config = field(default_factory=Config)
    as_of: datetime | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    top_variants: int = 20
    classifier: IntentClassifier = no_intent


@dataclass(frozen=True, slots=True)
class Analysis:
    """The ``analyze`` JSON, and what a report needs to replay example journeys."""

    json: dict[str, Any]
    table: pa.Table
    rules: Rules
    cache: LogCache | None = None
    customer_tz: tzinfo = BERLIN

    def journey_events(self, journeys: Iterable[str]) -> list[Event]:
        """The events (recorded and derived) of some journeys, without parsing the log."""
        table = self.table
        if "event" not in table.column_names:
            cached = self.cache.events(["case", "event"]) if self.cache is not None else None
            if cached is None:
                return []
            table = cached
        wanted = pa.array(sorted(set(journeys)), type=pa.string())
        return events_of(table.filter(pc.is_in(table.column("case"), wanted)), self.customer_tz)


def analyze_log(
    path: Path, mapping: LogMapping, options: Options, *, progress: ProgressBar = _no_bar
) -> Analysis:
    """Import ``path`` through ``mapping`` (or read its cache), replay it, and measure it.

    Raises:
        BadEvent: a malformed event, naming the file, row and column (nothing is cached).
        BadConfig: the mapping or configuration does not fit.
    """
    cache = LogCache.beside(path, mapping.digest, options.cache_dir) if options.use_cache else None
    table = cache.events(_QUERIED) if cache is not None else None
    events: list[Event] | None = None
    if table is None:
        recorded = _import(path, mapping, progress)
        derived = derive(recorded, mapping)
        table = event_table(recorded, derived)
        if cache is not None:
            cache.store_events(table)
        events = [*recorded, *derived]
    covers = sorted(mapping.covers)
    silent = silent_guards(mapping.covers, policy_promises=_policy_promises(mapping))
    rules = _rules(silence(options.config, [g["code"] for g in silent]), options.classifier)
    replay_key = repr((options.config, options.as_of, covers, silent))
    replayed = cache.replay(replay_key) if cache is not None else None
    if replayed is None:
        if events is None and cache is not None:
            events = _cached_events(cache, mapping)
        replayed = _replay(events or [], rules, options.as_of, progress)
        if cache is not None:
            cache.store_replay(replay_key, replayed)
    result = {**replayed, **_measure(table, replayed["findings"], options.top_variants)}
    result |= {
        "covers": covers,
        "silent_guards": silent,
        "log": {"file": str(path), "format": log_format(path), "cached": events is None},
    }
    return Analysis(result, table, rules, cache, mapping.timezone or BERLIN)


def _import(path: Path, mapping: LogMapping, progress: ProgressBar) -> list[Event]:
    size = path.stat().st_size if log_format(path) != "parquet" else None
    with progress(size, f"importing {path.name}") as advance, _bulk():
        return list(read_events(path, mapping, progress=advance))


def _cached_events(cache: LogCache, mapping: LogMapping) -> list[Event]:
    with _bulk():
        table = cache.events(["event"])
        return [] if table is None else events_of(table, mapping.timezone or BERLIN)


def _replay(
    events: Sequence[Event], rules: Rules, as_of: datetime | None, progress: ProgressBar
) -> dict[str, Any]:
    with _bulk():
        collection = collect(events)
        with progress(len(collection.journeys), "replaying journeys") as advance:
            result = replay(
                collection, rules=rules, as_of=as_of, on_journey=lambda _j, _f: advance(1)
            )
    return result.to_json()


def _measure(table: pa.Table, findings: list[dict[str, Any]], top: int) -> dict[str, Any]:
    con = connect(table)
    try:
        process = process_map(con)
        found, count = variants(con, top)
        hurt = hurts(con, findings)
        _annotate(con, process, hurt)
        return {
            "process": process,
            "variants": found,
            "variant_count": count,
            "hurts": hurt,
            "throughput": throughput(con),
            "waiting_on_customer": waiting_on_customer(con),
            "reopenings": reopenings(con),
        }
    finally:
        con.close()


def _annotate(con: Any, process: dict[str, Any], hurt: dict[str, Any]) -> None:
    """Put the hurts and each activity's median position on the process map itself."""
    by_name = {a["name"]: a for a in hurt["activities"]}
    by_edge = {(t["from"], t["to"]): t["findings"] for t in hurt["transitions"]}
    positions = dict(
        con.execute("SELECT activity, median(step - 1) FROM steps GROUP BY activity").fetchall()
    )
    for activity in process["activities"]:
        found = by_name.get(activity["name"], {})
        activity["hurts"] = found.get("findings", 0)
        activity["hurts_by_code"] = found.get("by_code", {})
        activity["position"] = float(positions.get(activity["name"], 0.0))
    for edge in process["edges"]:
        edge["hurts"] = by_edge.get((edge["from"], edge["to"]), 0)


def _rules(config: Config, classifier: IntentClassifier) -> Rules:
    try:
        return Rules.of(all_guards(), config, classifier)
    except BadConfig as error:
        raise BadConfig(f"configuration: {error}") from None


def _policy_promises(mapping: LogMapping) -> bool:
    return any(p.kept_by is not None and p.after not in DUE_FIELDS for p in mapping.promises)


@contextmanager
def _bulk() -> Iterator[None]:
    """Millions of small objects, none cyclic: the cyclic collector only slows their making."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
