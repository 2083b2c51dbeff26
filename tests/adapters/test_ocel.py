from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mittelpunkt.adapters.mapping import LogMapping, parse_mapping
from mittelpunkt.adapters.ocel_formats import load_ocel
from mittelpunkt.adapters.sources import read_events
from mittelpunkt.exceptions import BadConfig, BadEvent

EVENTS = [
    (
        "place_1",
        "place order",
        "2023-04-03T10:00:00+00:00",
        [("o-1", "order"), ("C", "customer"), ("i-1", "item"), ("i-2", "item")],
    ),
    ("confirm_1", "confirm order", "2023-04-03T11:00:00+00:00", [("o-1", "order")]),
    ("place_2", "place order", "2023-04-03T12:00:00+00:00", [("o-2", "order"), ("i-3", "item")]),
    (
        "pack_1",
        "create package",
        "2023-04-04T09:00:00+00:00",
        [("p-1", "package"), ("i-1", "item"), ("i-3", "item")],
    ),
    ("deliver_1", "package delivered", "2023-04-05T09:00:00+00:00", [("p-1", "package")]),
]
OBJECTS = {
    "o-1": "orders",
    "o-2": "orders",
    "C": "customers",
    "D": "customers",
    "i-1": "items",
    "i-2": "items",
    "i-3": "items",
    "p-1": "packages",
}
LINKS = [
    ("o-1", "i-1", "comprises"),
    ("o-1", "i-2", "comprises"),
    ("o-2", "i-3", "comprises"),
    ("C", "o-1", "places"),
    ("D", "o-2", "places"),
    ("p-1", "i-1", "contains"),
]
MAPPING: dict[str, dict[str, Any]] = {
    "source": {
        "case_object": "order",
        "journey_object": "orders",
        "customer_object": "customers",
        "items_object": "items",
        "refs": {"shipment": "packages"},
        "covers": ["orders", "shipments"],
    },
    "activities": {
        "place order": {"type": "order.placed"},
        "create package": {"type": "shipment.created"},
        "package delivered": {"type": "shipment.delivered"},
    },
}


def _json(tmp_path: Path) -> Path:
    raw = {
        "events": [
            {
                "id": i,
                "type": t,
                "time": at,
                "attributes": [{"name": "by", "value": "web"}],
                "relationships": [{"objectId": o, "qualifier": q} for o, q in rel],
            }
            for i, t, at, rel in EVENTS
        ],
        "objects": [
            {
                "id": o,
                "type": t,
                "relationships": [{"objectId": b, "qualifier": q} for a, b, q in LINKS if a == o],
            }
            for o, t in OBJECTS.items()
        ],
    }
    path = tmp_path / "log.ocel2.json.gz"
    path.write_bytes(gzip.compress(json.dumps(raw).encode()))
    return path


def _xml(tmp_path: Path) -> Path:
    def rel(pairs: list[tuple[str, str]]) -> str:
        inner = "".join(f'<relationship object-id="{o}" qualifier="{q}"/>' for o, q in pairs)
        return f"<objects>{inner}</objects>"

    objects = "".join(
        f'<object id="{o}" type="{t}"><attributes/>'
        f"{rel([(b, q) for a, b, q in LINKS if a == o])}</object>"
        for o, t in OBJECTS.items()
    )
    events = "".join(
        f'<event id="{i}" type="{t}" time="{at}"><attributes>'
        f'<attribute name="by">web</attribute></attributes>{rel(r)}</event>'
        for i, t, at, r in EVENTS
    )
    path = tmp_path / "log.xmlocel"
    path.write_text(
        '<?xml version="1.0"?><log><object-types><object-type name="orders"><attributes/>'
        f"</object-type></object-types><objects>{objects}</objects><events>{events}</events></log>"
    )
    return path


def _sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "log.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE event (ocel_id TEXT, ocel_type TEXT);"
            "CREATE TABLE event_map_type (ocel_type TEXT, ocel_type_map TEXT);"
            "CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT,"
            " ocel_qualifier TEXT);"
            "CREATE TABLE object (ocel_id TEXT, ocel_type TEXT);"
            "CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT,"
            " ocel_qualifier TEXT);"
        )
        for kind in {t for _i, t, _at, _r in EVENTS}:
            table = kind.title().replace(" ", "")
            db.execute("INSERT INTO event_map_type VALUES (?, ?)", (kind, table))
            db.execute(f'CREATE TABLE "event_{table}" (ocel_id TEXT, ocel_time TEXT, by TEXT)')
        for event_id, kind, at, relations in EVENTS:
            table = kind.title().replace(" ", "")
            db.execute("INSERT INTO event VALUES (?, ?)", (event_id, kind))
            insert = f'INSERT INTO "event_{table}" VALUES (?, ?, ?)'  # noqa: S608 - test's own names
            db.execute(insert, (event_id, at, "web"))
            db.executemany(
                "INSERT INTO event_object VALUES (?, ?, ?)",
                [(event_id, o, q) for o, q in relations],
            )
        db.executemany("INSERT INTO object VALUES (?, ?)", list(OBJECTS.items()))
        db.executemany("INSERT INTO object_object VALUES (?, ?, ?)", LINKS)
    return path


def _mapping(**source: object) -> LogMapping:
    return parse_mapping({**MAPPING, "source": {**MAPPING["source"], **source}})


@pytest.mark.parametrize("write", [_json, _xml, _sqlite])
def test_the_three_formats_agree(tmp_path: Path, write: object) -> None:
    path = write(tmp_path)  # type: ignore[operator]
    events = list(read_events(path, _mapping(journey_via=["items"])))
    assert [(e.id, e.journey, e.customer) for e in events] == [
        ("place_1", "order:o-1", "C"),
        ("confirm_1", "order:o-1", "C"),
        ("place_2", "order:o-2", "D"),
        ("pack_1@o-1", "order:o-1", "C"),
        ("pack_1@o-2", "order:o-2", "D"),
    ]
    assert events[0].data["items"] == [{"sku": "i-1"}, {"sku": "i-2"}]
    assert events[0].data["by"] == "web"
    assert events[3].refs["shipment"] == "p-1"


def test_without_a_way_through_items_only_direct_relations_count(tmp_path: Path) -> None:
    events = list(read_events(_json(tmp_path), _mapping()))
    assert [e.id for e in events] == ["place_1", "confirm_1", "place_2"]


def test_ocel_needs_the_journey_object(tmp_path: Path) -> None:
    mapping = parse_mapping({"source": {"covers": ["orders"]}})
    with pytest.raises(BadConfig, match=r"source\.journey_object: needed for OCEL"):
        list(read_events(_json(tmp_path), mapping))


def test_an_event_without_a_time_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"events": [{"id": "e1", "type": "place order"}]}))
    with pytest.raises(BadEvent, match=r"log\.json, line 1, field time: time is missing"):
        list(read_events(path, _mapping()))


def test_a_file_that_is_not_ocel_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text("[1, 2]")
    with pytest.raises(BadEvent, match="no 'events' list"):
        load_ocel(path)
    broken = tmp_path / "log.sqlite"
    broken.write_text("not a database")
    with pytest.raises(BadEvent, match=r"not an OCEL 2\.0 SQLite file"):
        load_ocel(broken)
