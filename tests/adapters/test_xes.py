from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mittelpunkt.adapters.mapping import parse_mapping
from mittelpunkt.adapters.sources import read_events
from mittelpunkt.exceptions import BadEvent

LOG = """<?xml version="1.0" encoding="utf-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <trace>
    <string key="concept:name" value="K-1"/>
    <string key="customer" value="C-9"/>
    <string key="region" value="north"/>
    <event>
      <string key="concept:name" value="Accepted"/>
      <string key="lifecycle:transition" value="Wait - User"/>
      <date key="time:timestamp" value="2010-03-31T16:59:42+02:00"/>
      <int key="priority" value="3"/>
      <boolean key="urgent" value="true"/>
      <list key="tags"><string key="tag" value="x"/></list>
    </event>
    <event>
      <string key="concept:name" value="Completed"/>
      <string key="lifecycle:transition" value="Resolved"/>
      <date key="time:timestamp" value="2010-04-01T09:00:00+02:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="K-2"/>
    <event>
      <string key="concept:name" value="Completed"/>
      <string key="lifecycle:transition" value="Resolved"/>
      <date key="time:timestamp" value="2010-04-02T09:00:00.250+02:00"/>
    </event>
  </trace>
</log>
"""
MAPPING = parse_mapping(
    {
        "source": {
            "activity": ["concept:name", "lifecycle:transition"],
            "customer": "case:customer",
        },
        "activities": {
            "Accepted/Wait - User": {"type": "case.waiting", "data": {"on": "customer"}},
            "Completed/Resolved": {"type": "case.resolved"},
        },
    }
)


@pytest.mark.parametrize("compressed", [False, True])
def test_traces_become_journeys(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("log.xes.gz" if compressed else "log.xes")
    path.write_bytes(gzip.compress(LOG.encode()) if compressed else LOG.encode())
    events = list(read_events(path, MAPPING))
    assert [(e.id, e.type, e.journey, e.customer) for e in events] == [
        ("K-1#1", "case.waiting", "case:K-1", "C-9"),
        ("K-1#2", "case.resolved", "case:K-1", "C-9"),
        ("K-2#1", "case.resolved", "case:K-2", "K-2"),
    ]
    first = events[0].data
    assert first["priority"] == 3
    assert first["urgent"] is True
    assert first["activity"] == "Accepted/Wait - User"
    assert first["case:region"] == "north"
    assert "case:customer" not in first, "named columns are not repeated in data"
    assert "tags" not in first
    assert events[2].time.microsecond == 250000


def test_an_event_without_its_time_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    path.write_text(
        LOG.replace('<date key="time:timestamp" value="2010-04-01T09:00:00+02:00"/>', "")
    )
    with pytest.raises(BadEvent, match=r"log\.xes, line 2, field time:timestamp: .* is empty"):
        list(read_events(path, MAPPING))


def test_broken_xml_is_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    path.write_text(LOG.replace("</trace>\n  <trace>", "</trace>\n  <trace", 1))
    with pytest.raises(BadEvent, match=r"log\.xes, line 2\d, field column \d+: not valid XML"):
        list(read_events(path, MAPPING))


def test_a_time_in_an_unknown_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    path.write_text(LOG.replace("2010-04-02T09:00:00.250+02:00", "yesterday"))
    with pytest.raises(BadEvent, match=r"line 3, event K-2#1, field time:timestamp"):
        list(read_events(path, MAPPING))
