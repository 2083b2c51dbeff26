"""Parity with PM4Py on the real logs: directly-follows counts, variant count, top variants.

PM4Py (AGPL) is a test peer only. Activities are named as the shipped example mappings name
them (``concept:name``, joined with ``lifecycle:transition`` where the mapping says so).
helpdesk, bpic2013 and the OCEL log are compared whole; bpic2012 and road-traffic fines on
their first traces (PM4Py needs 20-90 s to read each of them whole, more than this suite may
take; ``bench/analyze.py`` compares them whole).
"""

from __future__ import annotations

import gzip
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mittelpunkt.adapters.mapping import LogMapping, load_mapping
from mittelpunkt.adapters.sources import read_events
from mittelpunkt.analytics.engine import connect
from mittelpunkt.analytics.process import process_map, variants
from mittelpunkt.analytics.table import event_table

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
MAPPINGS = ROOT / "examples" / "mappings"
TOP = 25

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"the real logs are not at {DATA}"),
]


@pytest.fixture(scope="module")
def pm4py() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip("pm4py", reason="PM4Py (the dev extra) is not installed")


def _sample_xes(source: Path, target: Path, traces: int) -> Path:
    """The first ``traces`` traces of an XES log, as a log of its own."""
    with gzip.open(source, "rt", encoding="utf-8") as lines, target.open("w") as out:
        seen = 0
        for line in lines:
            out.write(line)
            seen += "</trace>" in line
            if seen == traces:
                break
        out.write("</log>\n")
    return target


def _ours(path: Path, mapping: LogMapping) -> tuple[dict[tuple[str, str], int], list[int], int]:
    con = connect(event_table(list(read_events(path, mapping))))
    edges = {(e["from"], e["to"]): e["count"] for e in process_map(con)["edges"]}
    top, count = variants(con, TOP)
    return edges, [v["count"] for v in top], count


def _theirs(pm4py: Any, frame: Any, mapping: LogMapping) -> tuple[dict[Any, int], list[int], int]:
    key = "concept:name"
    if len(mapping.activity) > 1:
        key = "@@activity"
        frame[key] = frame[list(mapping.activity)].astype(str).agg("/".join, axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dfg, _start, _end = pm4py.discover_dfg(frame, activity_key=key)
        found = pm4py.get_variants(frame, activity_key=key)
    return dict(dfg), sorted(found.values(), reverse=True)[:TOP], len(found)


def _read_xes(pm4py: Any, path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pm4py.read_xes(str(path), show_progress_bar=False)


def _xes_cases(tmp: Path) -> Iterator[tuple[str, Path]]:
    yield "helpdesk", DATA / "helpdesk.xes.gz"
    yield "bpic2013_incidents", DATA / "bpic2013_incidents.xes.gz"
    yield "bpic2012", _sample_xes(DATA / "bpic2012.xes.gz", tmp / "bpic2012.xes", 2000)
    yield (
        "road_traffic_fines",
        _sample_xes(DATA / "road_traffic_fines.xes.gz", tmp / "fines.xes", 10000),
    )


@pytest.mark.parametrize(
    "name", ["helpdesk", "bpic2013_incidents", "bpic2012", "road_traffic_fines"]
)
def test_xes_logs_agree_with_pm4py(pm4py: Any, tmp_path: Path, name: str) -> None:
    path = dict(_xes_cases(tmp_path))[name]
    mapping = load_mapping(MAPPINGS / f"{name}.toml")
    ours = _ours(path, mapping)
    theirs = _theirs(pm4py, _read_xes(pm4py, path), mapping)
    assert ours[0] == theirs[0], "directly-follows counts"
    assert ours[2] == theirs[2], "number of variants"
    assert ours[1] == theirs[1], "top variant counts"


def test_ocel_flattened_on_orders_agrees_with_pm4py(pm4py: Any, tmp_path: Path) -> None:
    json_log = tmp_path / "order-management.json"
    json_log.write_bytes(gzip.decompress((DATA / "order-management.ocel2.json.gz").read_bytes()))
    # PM4Py flattens on the events related to an order directly: no reach through items.
    mapping = replace(load_mapping(MAPPINGS / "order-management.toml"), journey_via=())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pm4py.ocel_flattening(pm4py.read_ocel2_json(str(json_log)), "orders")
    # PM4Py's variants expect a frame grouped by case (as format_dataframe leaves it); the
    # flattening orders it by time only.
    frame = frame.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    ours = _ours(json_log, mapping)
    theirs = _theirs(pm4py, frame.reset_index(drop=True), mapping)
    assert ours == theirs
