"""The mapping file (TOML): how a log's columns and activity names become canonical events.

``interfaces.md`` specifies the file; every value is checked here and an error names the
file and the key at fault.

>>> mapping = parse_mapping({
...     "source": {"activity": ["concept:name", "lifecycle:transition"], "covers": ["cases"]},
...     "activities": {"Accepted/Wait - User": {"type": "case.waiting",
...                                             "data": {"on": "customer"}}},
... })
>>> mapping.rule("Accepted/Wait - User").type, mapping.rule("Queued/Awaiting").type
('case.waiting', 'x-activity')
>>> parse_mapping({"source": {"covers": ["letters"]}})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mittelpunkt.exceptions.BadConfig: source.covers: unknown 'letters' (known: cases, ...)
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta, tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mittelpunkt.core.events import CANONICAL_TYPES, DUE_FIELDS, REQUIRED_DATA
from mittelpunkt.core.times import TimeFormatError, parse_duration, zone
from mittelpunkt.exceptions import BadConfig

__all__ = ["COVERS", "ActivityRule", "LogMapping", "PromisePolicy", "load_mapping", "parse_mapping"]

#: What a log may record (``covers``).
COVERS = frozenset({"orders", "shipments", "cases", "contacts", "messages", "surveys", "consents"})
_SECTIONS = frozenset({"source", "activities", "default", "promises", "reopen"})
_SOURCE_KEYS = frozenset(
    {
        "case", "case_object", "activity", "time", "time_format", "customer", "timezone",
        "covers", "id", "delimiter", "encoding", "refs", "journey_object", "customer_object",
        "journey_via", "items_object",
    }
)  # fmt: skip
# Fields an importer or a policy fills in, so that a mapping need not give them.
_FILLED = frozenset({"items", *DUE_FIELDS.values()})


@dataclass(frozen=True, slots=True)
class ActivityRule:
    """What one source activity becomes: a canonical type and fixed ``data`` fields."""

    type: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PromisePolicy:
    """A promise the source does not record as such: made by ``after``, due ``within`` later.

    When ``after`` names a type with a due field (``order.confirmed``), that field is filled;
    otherwise a ``promise.made`` of ``kind`` follows ``after``, kept by ``kept_by``.
    """

    kind: str
    after: str
    within: timedelta
    kept_by: str | None = None


@dataclass(frozen=True, slots=True)
class LogMapping:
    """A checked mapping file. Column names default to the XES names PM4Py uses."""

    case: str = "case:concept:name"
    case_object: str = "case"
    activity: tuple[str, ...] = ("concept:name",)
    time: str = "time:timestamp"
    time_format: str | None = None
    customer: str | None = None
    timezone: tzinfo | None = None
    covers: frozenset[str] = frozenset()
    id: str | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"
    refs: Mapping[str, str] = field(default_factory=dict)
    journey_object: str | None = None
    customer_object: str | None = None
    journey_via: tuple[str, ...] = ()
    items_object: str | None = None
    activities: Mapping[str, ActivityRule] = field(default_factory=dict)
    default: ActivityRule = field(default_factory=lambda: ActivityRule("x-activity"))
    promises: tuple[PromisePolicy, ...] = ()
    reopen_after: frozenset[str] = frozenset()
    digest: str = ""

    def rule(self, activity: str) -> ActivityRule:
        """The rule for one source activity (the ``[default]`` one when it is not listed)."""
        return self.activities.get(activity, self.default)

    @property
    def named_columns(self) -> frozenset[str]:
        """The columns ``[source]`` names (the rest go into ``data``)."""
        named = {self.case, self.time, *self.activity, *self.refs.values()}
        return frozenset(n for n in (*named, self.customer, self.id) if n is not None)


def load_mapping(path: Path) -> LogMapping:
    r"""The mapping in ``path``; errors name the file and the key.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "m.toml"
    >>> _ = p.write_text('[source]\ncase = "ticket"\n[default]\ntype = "order.placed"\n')
    >>> load_mapping(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mittelpunkt.exceptions.BadConfig: ...m.toml: default: order.placed needs data.items
    """
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BadConfig(f"{path}: cannot read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BadConfig(f"{path}: not valid TOML ({error})") from None
    try:
        return parse_mapping(raw)
    except BadConfig as error:
        raise BadConfig(f"{path}: {error}") from None


def parse_mapping(raw: Mapping[str, Any]) -> LogMapping:
    """Check a decoded mapping file and build the :class:`LogMapping`."""
    _known(raw, _SECTIONS, "")
    source = _table(raw.get("source", {}), "source")
    _known(source, _SOURCE_KEYS, "source.")
    promises = _promises(_table(raw.get("promises", {}), "promises"))
    filled = {_due_field(p.after) for p in promises}
    if "items_object" in source:
        filled.add("items")
    activities = {
        str(name): _rule(value, f"activities.{json.dumps(name)}", filled)
        for name, value in _table(raw.get("activities", {}), "activities").items()
    }
    return LogMapping(
        **_source_fields(source),
        activities=MappingProxyType(activities),
        default=_rule(raw.get("default", {"type": "x-activity"}), "default", filled),
        promises=promises,
        reopen_after=_reopen(_table(raw.get("reopen", {}), "reopen")),
        digest=hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest(),
    )


def _source_fields(source: Mapping[str, Any]) -> dict[str, Any]:
    defaults = LogMapping()
    fields: dict[str, Any] = {}
    for key in ("case", "time", "time_format", "customer", "id", "delimiter", "encoding"):
        if key in source:
            fields[key] = _text(source[key], f"source.{key}")
    fields["case_object"] = _choice(source.get("case_object", "case"), "source.case_object")
    fields["activity"] = _names(source.get("activity", list(defaults.activity)), "source.activity")
    fields["covers"] = _covers(source.get("covers", []))
    fields["refs"] = MappingProxyType(
        {
            str(k): _text(v, f"source.refs.{k}")
            for k, v in _table(source.get("refs", {}), "source.refs").items()
        }
    )
    if "timezone" in source:
        fields["timezone"] = _zone(source["timezone"])
    for key in ("journey_object", "customer_object", "items_object"):
        if key in source:
            fields[key] = _text(source[key], f"source.{key}")
    if "journey_via" in source:
        fields["journey_via"] = _names(source["journey_via"], "source.journey_via")
    return fields


def _rule(value: object, key: str, filled: set[str]) -> ActivityRule:
    table = _table(value, key)
    _known(table, frozenset({"type", "data"}), f"{key}.")
    event_type = _text(table.get("type"), f"{key}.type")
    if event_type not in CANONICAL_TYPES and not event_type.startswith("x-"):
        raise BadConfig(f"{key}.type: unknown type {event_type!r} (custom types start with 'x-')")
    data = dict(_table(table.get("data", {}), f"{key}.data"))
    for name in REQUIRED_DATA.get(event_type, ()):
        if name not in data and name not in (filled & _FILLED):
            raise BadConfig(f"{key}: {event_type} needs data.{name}")
    return ActivityRule(event_type, MappingProxyType(data))


def _promises(table: Mapping[str, Any]) -> tuple[PromisePolicy, ...]:
    policies = []
    for kind, value in table.items():
        key = f"promises.{kind}"
        spec = _table(value, key)
        _known(spec, frozenset({"after", "within", "kept_by"}), f"{key}.")
        after = _text(spec.get("after"), f"{key}.after")
        if after not in CANONICAL_TYPES:
            raise BadConfig(f"{key}.after: unknown type {after!r}")
        kept_by = spec.get("kept_by")
        if after not in DUE_FIELDS and kept_by is None:
            raise BadConfig(f"{key}.kept_by: needed, {after} carries no due time")
        try:
            within = parse_duration(spec.get("within"))
        except TimeFormatError as error:
            raise BadConfig(f"{key}.within: {error}") from None
        kept = None if kept_by is None else _text(kept_by, f"{key}.kept_by")
        policies.append(PromisePolicy(str(kind), after, within, kept))
    return tuple(policies)


def _due_field(event_type: str) -> str:
    return DUE_FIELDS.get(event_type, "")


def _reopen(table: Mapping[str, Any]) -> frozenset[str]:
    _known(table, frozenset({"after"}), "reopen.")
    if "after" not in table:
        return frozenset()
    return frozenset(_names(table["after"], "reopen.after"))


def _covers(value: object) -> frozenset[str]:
    names = _names(value, "source.covers") if value else ()
    for name in names:
        if name not in COVERS:
            known = ", ".join(sorted(COVERS))
            raise BadConfig(f"source.covers: unknown {name!r} (known: {known})")
    return frozenset(names)


def _zone(value: object) -> tzinfo:
    try:
        return zone(_text(value, "source.timezone"))
    except TimeFormatError as error:
        raise BadConfig(f"source.timezone: {error}") from None


def _choice(value: object, key: str) -> str:
    if value not in ("case", "order"):
        raise BadConfig(f"{key}: must be 'case' or 'order', not {value!r}")
    return str(value)


def _known(table: Mapping[str, Any], known: frozenset[str], prefix: str) -> None:
    for name in table:
        if name not in known:
            raise BadConfig(f"{prefix}{name}: unknown key (known: {', '.join(sorted(known))})")


def _table(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise BadConfig(f"{key}: must be a table")
    return value


def _text(value: object, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise BadConfig(f"{key}: must be a non-empty string")
    return value


def _names(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_text(value, key),)
    if not isinstance(value, list) or not value:
        raise BadConfig(f"{key}: must be a name or a non-empty list of names")
    return tuple(_text(v, f"{key}[{i}]") for i, v in enumerate(value))
