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
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mittelpunkt.adapters.derived import derive
from mittelpunkt.adapters.mapping import LogMapping
from mittelpunkt.adapters.sources import log_format, read_events
from mittelpunkt.analytics.cache import LogCache
from mittelpunkt.analytics.covers import silence, silent_guards
from mittelpunkt.analytics.examples import example_journeys
from mittelpunkt.analytics.summary import summarise
from mittelpunkt.analytics.table import event_table, events_of, raw_of
from mittelpunkt.core.config import Config
from mittelpunkt.core.events import DUE_FIELDS, Event, parse_event
from mittelpunkt.core.intents import IntentClassifier, no_intent
from mittelpunkt.core.replay import collect, replay
from mittelpunkt.core.step import Rules
from mittelpunkt.core.times import BERLIN
from mittelpunkt.exceptions import BadConfig
from mittelpunkt.guards import all_guards

__all__ = ["Analysis", "Options", "analyze_log"]

Advance = Callable[[float], None]
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
    """The ``analyze`` JSON, and the example journeys a report replays for their lanes."""

    json: dict[str, Any]
    examples: list[Event]
    rules: Rules


def analyze_log(
    path: Path, mapping: LogMapping, options: Options, *, progress: ProgressBar = _no_bar
) -> Analysis:
    """Import ``path`` through ``mapping`` (or read its cache), replay it, and measure it.

    Raises:
        BadEvent: a malformed event, naming the file, row and column (nothing is cached).
        BadConfig: the mapping or configuration does not fit.
    """
    cache = LogCache.beside(path, mapping.digest, options.cache_dir) if options.use_cache else None
    covers = sorted(mapping.covers)
    silent = silent_guards(mapping.covers, policy_promises=_policy_promises(mapping))
    rules = _rules(silence(options.config, [g["code"] for g in silent]), options.classifier)
    reader = f"{options.classifier.__module__}.{getattr(options.classifier, '__qualname__', '')}"
    key = repr((options.config, options.as_of, options.top_variants, covers, silent, reader))
    stored = cache.result(key) if cache is not None else None
    if stored is not None:
        stored["cached"] = True
    else:
        stored = _analyse(
            path, mapping, options=options, rules=rules, cache=cache, progress=progress
        )
        if cache is not None:
            cache.store_result(key, stored)
    tz = mapping.timezone or BERLIN
    examples = [parse_event(raw, customer_tz=tz) for raw in stored["examples"]]
    result = {**stored["analysis"], "covers": covers, "silent_guards": silent}
    result["log"] = {"file": str(path), "format": log_format(path), "cached": stored["cached"]}
    return Analysis(result, examples, rules)


def _analyse(
    path: Path,
    mapping: LogMapping,
    *,
    options: Options,
    rules: Rules,
    cache: LogCache | None,
    progress: ProgressBar,
) -> dict[str, Any]:
    """Replay and measure the log's events, read from the cache or imported afresh."""
    table = cache.events() if cache is not None else None
    cached = table is not None
    if table is None:
        recorded = _import(path, mapping, progress)
        derived = derive(recorded, mapping)
        table = event_table(recorded, derived)
        if cache is not None:
            cache.store_events(table)
        events = [*recorded, *derived]
    else:
        with _bulk():
            events = events_of(table, mapping.timezone or BERLIN)
    replayed = _replay(events, rules, options.as_of, progress)
    analysis = {**replayed, **summarise(table, replayed["findings"], options.top_variants)}
    keys = set(example_journeys(replayed["findings"], table.column("case").to_pylist()))
    examples = [raw_of(e) for e in events if e.journey in keys]
    return {"analysis": analysis, "examples": examples, "cached": cached}


def _import(path: Path, mapping: LogMapping, progress: ProgressBar) -> list[Event]:
    size = path.stat().st_size if log_format(path) != "parquet" else None
    with progress(size, f"importing {path.name}") as advance, _bulk():
        return list(read_events(path, mapping, progress=advance))


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
