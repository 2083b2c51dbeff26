"""The three OCEL 2.0 file formats: JSON, XML and SQLite, read into an :class:`OcelLog`.

JSON is read whole (the standard library has no streaming JSON parser); XML is read with
expat-backed ``iterparse``, element by element; SQLite is queried table by table. A gzipped
JSON or XML file is recognised by its content.

>>> import json, tempfile
>>> path = Path(tempfile.mkdtemp()) / "log.json"
>>> _ = path.write_text(json.dumps({"events": [{"id": "e1", "type": "place order",
...     "time": "2023-04-03T10:08:18Z", "relationships": [{"objectId": "o-1",
...     "qualifier": "order"}]}], "objects": [{"id": "o-1", "type": "orders"}]}))
>>> log = load_ocel(path)
>>> log.events[0].objects, dict(log.types)
((('o-1', 'order'),), {'o-1': 'orders'})
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing
from pathlib import Path
from typing import IO, Any, cast
from xml.etree.ElementTree import Element, ParseError, iterparse

from mittelpunkt.adapters.ocel import OcelEvent, OcelLog
from mittelpunkt.exceptions import BadEvent

__all__ = ["load_ocel"]

_SQLITE = (".sqlite", ".sqlite3", ".db")
_XML = (".xml", ".xmlocel")


def load_ocel(path: Path) -> OcelLog:
    """The OCEL 2.0 log in ``path``, by its extension (``.gz`` aside).

    Raises:
        BadEvent: the file is not the OCEL 2.0 it claims to be, naming what is wrong.
    """
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(_SQLITE):
        return _from_sqlite(path)
    with _open(path) as stream:
        if name.endswith(_XML):
            return _from_xml(stream)
        return _from_json(stream)


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return path.open("rb")


def _from_json(stream: IO[bytes]) -> OcelLog:
    try:
        raw = json.load(stream)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadEvent(f"not OCEL 2.0 JSON ({error})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise BadEvent("not OCEL 2.0 JSON: no 'events' list", field="events")
    events = [_json_event(e, n) for n, e in enumerate(raw["events"], start=1)]
    types: dict[str, str] = {}
    links: list[tuple[str, str, str]] = []
    for number, obj in enumerate(raw.get("objects") or [], start=1):
        if not isinstance(obj, dict) or "id" not in obj or "type" not in obj:
            raise BadEvent("an object needs an id and a type", line=number, field="objects")
        types[str(obj["id"])] = str(obj["type"])
        links.extend(
            (str(obj["id"]), str(r["objectId"]), str(r.get("qualifier", "")))
            for r in obj.get("relationships") or []
        )
    return OcelLog(events, types, links)


def _json_event(raw: object, number: int) -> OcelEvent:
    if not isinstance(raw, dict):
        raise BadEvent("an event must be a JSON object", line=number, field="events")
    for name in ("id", "type", "time"):
        if not raw.get(name):
            raise BadEvent(f"{name} is missing", line=number, field=name)
    relations = raw.get("relationships") or []
    return OcelEvent(
        id=str(raw["id"]),
        type=str(raw["type"]),
        time=str(raw["time"]),
        attributes={str(a["name"]): a.get("value") for a in raw.get("attributes") or []},
        objects=tuple((str(r["objectId"]), str(r.get("qualifier", ""))) for r in relations),
    )


def _from_xml(stream: IO[bytes]) -> OcelLog:
    events: list[OcelEvent] = []
    types: dict[str, str] = {}
    links: list[tuple[str, str, str]] = []
    try:
        for element in _ended(stream, ("event", "object")):
            if element.tag == "event":
                events.append(_xml_event(element, len(events) + 1))
            else:
                obj = element.get("id", "")
                types[obj] = element.get("type", "")
                links.extend((obj, target, qualifier) for target, qualifier in _related(element))
            element.clear()
    except ParseError as error:
        raise BadEvent(f"not OCEL 2.0 XML ({error})", line=error.position[0]) from None
    return OcelLog(events, types, links)


def _ended(stream: IO[bytes], tags: tuple[str, ...]) -> Iterator[Element]:
    """Each element of one of ``tags`` that is a log's object or event (not a type)."""
    depth = 0
    # expat (>= 2.4.1, as Python ships it) bounds entity expansion and resolves no external
    # entities, which is what defusedxml guards against.
    for kind, element in iterparse(stream, events=("start", "end")):  # noqa: S314 - see above
        depth += 1 if kind == "start" else -1
        if kind == "end" and depth == 2 and element.tag in tags:  # noqa: PLR2004 - log/objects/object
            yield element


def _xml_event(element: Element, number: int) -> OcelEvent:
    for name in ("id", "type", "time"):
        if not element.get(name):
            raise BadEvent(f"{name} is missing", line=number, field=name)
    attributes = {a.get("name", ""): a.text for a in element.iterfind("attributes/attribute")}
    return OcelEvent(
        id=element.get("id", ""),
        type=element.get("type", ""),
        time=element.get("time", ""),
        attributes=attributes,
        objects=tuple(_related(element)),
    )


def _related(element: Element) -> Iterator[tuple[str, str]]:
    for relation in element.iterfind("objects/relationship"):
        yield relation.get("object-id", ""), relation.get("qualifier", "")


def _from_sqlite(path: Path) -> OcelLog:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return _sqlite_log(db)
    except sqlite3.DatabaseError as error:
        raise BadEvent(f"not an OCEL 2.0 SQLite file ({error})") from None


def _sqlite_log(db: sqlite3.Connection) -> OcelLog:
    relations: dict[str, list[tuple[str, str]]] = {}
    for event, obj, qualifier in db.execute(
        "SELECT ocel_event_id, ocel_object_id, ocel_qualifier FROM event_object"
    ):
        relations.setdefault(event, []).append((obj, qualifier or ""))
    details = _sqlite_details(db)
    events = []
    for number, (event_id, event_type) in enumerate(
        db.execute("SELECT ocel_id, ocel_type FROM event ORDER BY rowid"), start=1
    ):
        time, attributes = details.get(event_id, (None, {}))
        if not time:
            raise BadEvent("time is missing", line=number, field="ocel_time", event_id=event_id)
        events.append(
            OcelEvent(event_id, event_type, time, attributes, tuple(relations.get(event_id, ())))
        )
    types = dict(db.execute("SELECT ocel_id, ocel_type FROM object"))
    links = list(
        db.execute("SELECT ocel_source_id, ocel_target_id, ocel_qualifier FROM object_object")
    )
    return OcelLog(events, types, [(s, t, q or "") for s, t, q in links])


def _sqlite_details(db: sqlite3.Connection) -> dict[str, tuple[str, Mapping[str, Any]]]:
    """Each event's time and attributes, from the table of its type."""
    found: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for (table,) in db.execute("SELECT ocel_type_map FROM event_map_type"):
        cursor = db.execute(f'SELECT * FROM "event_{table}"')  # noqa: S608 - names come from the file's own map
        names = [d[0] for d in cursor.description]
        for row in cursor:
            values = dict(zip(names, row, strict=True))
            attributes = {
                k: v for k, v in values.items() if not k.startswith("ocel") and v is not None
            }
            found[str(values["ocel_id"])] = (str(values["ocel_time"]), attributes)
    return found
