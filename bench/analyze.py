"""``analyze`` end to end on the real logs, cold and warm, next to PM4Py doing less.

    .venv/bin/python bench/analyze.py [--data ../shared/data] [--only helpdesk ...] [--repeat N]

For each log in ``../shared/data`` (with its mapping from ``examples/mappings``), in one
run and one process: mittelpunkt's ``analyze`` cold (import, replay through every guard,
analytics, HTML report and JSON written; the cache emptied first), PM4Py's import +
directly-follows graph + variants alone on the same file, then ``analyze`` warm (the cache
kept). PM4Py reads the OCEL log from a decompressed copy (its reader takes no ``.gz``; the
copy is made before timing) and the CSV through pandas and ``format_dataframe``. Prints the
times, the ratios against the targets (cold no slower than PM4Py, warm at least 10x
faster), and whether the directly-follows counts and the number of variants agree.

With ``--repeat N`` each log is measured N times (each cold run with its cache emptied, each
PM4Py run reading the file again) and the medians are printed: single runs on a shared
machine are noise, and the small logs take tens of milliseconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mittelpunkt.adapters.mapping import LogMapping, load_mapping
from mittelpunkt.analytics.analysis import Analysis, Options, analyze_log
from mittelpunkt.cli.analyze import report_html

ROOT = Path(__file__).resolve().parents[1]
LOGS = {
    "helpdesk": "helpdesk.xes.gz",
    "bpic2013_incidents": "bpic2013_incidents.xes.gz",
    "bpic2012": "bpic2012.xes.gz",
    "road_traffic_fines": "road_traffic_fines.xes.gz",
    "order-management": "order-management.ocel2.json.gz",
    "bpic2016_complaints": "bpic2016_complaints.csv",
}


@dataclass(frozen=True)
class Row:
    name: str
    events: int
    cold: float
    warm: float
    pm4py: float
    agrees: bool


def analyze_once(path: Path, mapping: LogMapping, cache: Path, out: Path) -> Analysis:
    """What ``mittelpunkt analyze LOG --report R --json J`` does, in this process."""
    analysis = analyze_log(path, mapping, Options(cache_dir=cache))
    (out / "report.html").write_text(report_html(analysis, "en", title=path.name))
    (out / "analysis.json").write_text(json.dumps(analysis.json, ensure_ascii=False))
    return analysis


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def pm4py_frame(pm4py: Any, path: Path, mapping: LogMapping, work: Path) -> Callable[[], Any]:
    """PM4Py's import of ``path`` as a data frame, with an ``@@activity`` column."""
    if path.name.endswith(".xes.gz"):
        return lambda: _activity(pm4py.read_xes(str(path), show_progress_bar=False), mapping)
    if "ocel" in path.name:
        copy = work / "log.json"
        copy.write_bytes(gzip.decompress(path.read_bytes()))
        return lambda: _ocel(pm4py, copy)
    return lambda: _csv(pm4py, path, mapping)


def _activity(frame: Any, mapping: LogMapping) -> Any:
    columns = list(mapping.activity)
    frame["@@activity"] = frame[columns].astype(str).agg("/".join, axis=1)
    return frame


def _ocel(pm4py: Any, copy: Path) -> Any:
    frame = pm4py.ocel_flattening(pm4py.read_ocel2_json(str(copy)), "orders")
    frame = frame.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    frame["@@activity"] = frame["concept:name"]
    return frame.reset_index(drop=True)


def _csv(pm4py: Any, path: Path, mapping: LogMapping) -> Any:
    import pandas as pd  # noqa: PLC0415 - PM4Py's own dependency

    frame = pd.read_csv(path, sep=mapping.delimiter or ",", encoding=mapping.encoding, dtype=str)
    frame = pm4py.format_dataframe(
        frame,
        case_id=mapping.case,
        activity_key=mapping.activity[0],
        timestamp_key=mapping.time,
    )
    frame["@@activity"] = frame["concept:name"]
    return frame


def pm4py_run(pm4py: Any, read: Callable[[], Any]) -> tuple[dict[Any, int], int]:
    frame = read()
    dfg, _start, _end = pm4py.discover_dfg(frame, activity_key="@@activity")
    found = pm4py.get_variants(frame, activity_key="@@activity")
    return dict(dfg), len(found)


def bench(name: str, data: Path, pm4py: Any, repeat: int = 1) -> Row:
    """The medians of ``repeat`` cold runs, PM4Py runs and warm runs on one log."""
    path = data / LOGS[name]
    mapping = load_mapping(ROOT / "examples" / "mappings" / f"{name}.toml")
    runs = [run_once(path, mapping, pm4py) for _ in range(repeat)]
    analysis, dfg, variants = runs[0].analysis, runs[0].dfg, runs[0].variants
    agrees = _agrees(
        name, result=analysis.json, path=path, mapping=mapping, dfg=dfg, count=variants
    )
    median = statistics.median
    return Row(
        name,
        analysis.json["process"]["events"],
        cold=median(r.cold for r in runs),
        warm=median(r.warm for r in runs),
        pm4py=median(r.pm4py for r in runs),
        agrees=agrees,
    )


@dataclass(frozen=True)
class Run:
    cold: float
    pm4py: float
    warm: float
    analysis: Analysis
    dfg: dict[Any, int]
    variants: int


def run_once(path: Path, mapping: LogMapping, pm4py: Any) -> Run:
    """One cold run (its cache emptied), one PM4Py run, one warm run."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cache = work / "cache"
        cold, analysis = timed(lambda: analyze_once(path, mapping, cache, work))
        read = pm4py_frame(pm4py, path, replace(mapping, journey_via=()), work)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs, (dfg, variants) = timed(lambda: pm4py_run(pm4py, read))
        warm, warm_analysis = timed(lambda: analyze_once(path, mapping, cache, work))
        assert warm_analysis.json["log"]["cached"], "the warm run must read the cache"
    return Run(cold, theirs, warm, analysis, dfg, variants)


def _agrees(
    name: str, *, result: dict[str, Any], path: Path, mapping: LogMapping, dfg: Any, count: int
) -> bool:
    if name == "order-management":
        # analyze also reaches orders through their items; PM4Py flattens on direct relations.
        result = analyze_log(path, replace(mapping, journey_via=()), Options(use_cache=False)).json
    ours = {(e["from"], e["to"]): e["count"] for e in result["process"]["edges"]}
    return bool(ours == dfg and result["variant_count"] == count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", nargs="*", choices=sorted(LOGS), default=list(LOGS))
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per log; the medians are printed"
    )
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pm4py  # noqa: PLC0415 - a benchmark peer, imported only here
    rows = []
    for name in args.only:
        rows.append(bench(name, args.data, pm4py, max(1, args.repeat)))
        print_row(rows[-1])
    print_summary(rows)


HEADER = (
    f"{'log':<22}{'events':>9}{'cold s':>9}{'warm s':>9}{'PM4Py s':>9}"
    f"{'cold/PM4Py':>12}{'PM4Py/warm':>12}  parity"
)


def print_row(row: Row) -> None:
    if not getattr(print_row, "headed", False):
        print(HEADER)
        print_row.headed = True  # type: ignore[attr-defined]
    print(
        f"{row.name:<22}{row.events:>9,}{row.cold:>9.3f}{row.warm:>9.3f}{row.pm4py:>9.3f}"
        f"{row.cold / row.pm4py:>12.2f}{row.pm4py / row.warm:>12.1f}  "
        f"{'yes' if row.agrees else 'NO'}",
        flush=True,
    )


def print_summary(rows: list[Row]) -> None:
    cold_ok = all(r.cold <= r.pm4py for r in rows)
    warm_ok = all(r.pm4py >= 10 * r.warm for r in rows)
    print(
        f"targets: cold <= PM4Py {'met' if cold_ok else 'MISSED'}; "
        f"warm >= 10x faster {'met' if warm_ok else 'MISSED'}; "
        f"parity {'on every log' if all(r.agrees for r in rows) else 'BROKEN'}"
    )


if __name__ == "__main__":
    shutil.disk_usage(ROOT)  # fail early on a missing work tree
    main()
