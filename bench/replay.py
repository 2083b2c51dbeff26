"""Replay throughput and memory, side by side with merely parsing the same JSON lines.

    .venv/bin/python bench/replay.py [--events 1000000] [--repeat 3] [--stages]

Generates a demo world of about N canonical events (shop orders and telco cases of many
customers, with contacts and messages), writes it as JSON lines, then in one run times
``json.loads`` over every line (the baseline; ``orjson.loads``, which replay decodes with, is
shown beside it) and what ``mittelpunkt replay`` does — read,
validate, spill to buckets, all sixteen guards, measures, the JSON written (to /dev/null) —
medians of ``--repeat`` runs, with one worker process per core and with one process; and
measures the replay's peak memory in a fresh process: the growth of the proportional set size
(PSS) of that process and its workers together, sampled every 20 ms. Prints the figures and
the ratios against the targets: replay within 5x of the parse time, under 2 KB per journey.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from mittelpunkt.adapters.buckets import read_bucket, run_record, spill, workers_wanted
from mittelpunkt.adapters.jsonl import decode_line
from mittelpunkt.cli.common import default_rules, gc_paused
from mittelpunkt.cli.replay import replayed, write_json
from mittelpunkt.core.config import Config
from mittelpunkt.core.events import parse_event
from mittelpunkt.core.intents import no_intent
from mittelpunkt.core.replay import collect, replay
from mittelpunkt.core.step import Rules
from mittelpunkt.demo.world import World, generate_world
from mittelpunkt.guards import all_guards

EVENTS_PER_CUSTOMER = 14  # measured on the default world; only sizes the generation


def write_world(path: Path, events: int) -> int:
    """Write about ``events`` canonical events; return how many were written."""
    written = 0
    world = World(customers=max(1, events // EVENTS_PER_CUSTOMER), seed=1)
    with path.open("w", encoding="utf-8") as out:
        for raw in generate_world(world):
            out.write(json.dumps(raw, ensure_ascii=False))
            out.write("\n")
            written += 1
    return written


def time_parse(path: Path, loads: Callable[[str], object] = json.loads) -> float:
    """Seconds to read the file's lines and decode each (the standard library, the baseline)."""
    started = time.perf_counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            loads(line)
    return time.perf_counter() - started


def time_replay(path: Path, *, read_text: bool = True, workers: int) -> tuple[float, int]:
    """The whole replay; ``read_text=False`` leaves free text unread (no classifier)."""
    rules = None if read_text else Rules.of(all_guards(), Config(), no_intent)
    started = time.perf_counter()
    with (
        Path(os.devnull).open("w", encoding="utf-8") as nowhere,
        replayed(str(path), Config(), rules=rules, workers=workers, values=False) as history,
    ):
        write_json(history, nowhere)
    return time.perf_counter() - started, history.journeys


def peak_memory_kib(path: Path, workers: int) -> tuple[int, int]:
    """The replay's memory growth (KiB) and journey count, in a fresh process."""
    output = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--memory-child", str(path), "--workers", str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    grown, journeys = output.split()
    return int(grown), int(journeys)


def process_tree_pss_kib(root: int) -> int:
    """The proportional memory (PSS) of a process and all its descendants, in KiB.

    PSS shares each page among the processes that map it, so forked workers are not
    charged again for what they share with their parent.
    """
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total


def memory_child(path: Path, workers: int) -> None:
    """Run one replay while sampling the memory of this process and its workers."""
    me = os.getpid()
    before = process_tree_pss_kib(me)
    peak = before
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, process_tree_pss_kib(me))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, journeys = time_replay(path, workers=workers)
    done.set()
    sampler.join()
    print(max(peak, process_tree_pss_kib(me)) - before, journeys)


def stage_costs(path: Path, repeat: int) -> None:
    """Where one process spends its time judging the buckets, against the parse time.

    The stages of a worker, bucket by bucket: reading the records back, decoding the JSON (as
    the product does, :func:`~mittelpunkt.adapters.jsonl.decode_line`), validating
    (``parse_event``), collecting by journey, the core's replay (guards and classifier), and
    writing the findings' run. CPU time, the best of ``repeat`` passes.
    """
    rules = default_rules(Config())
    names = ("records", "decode_line", "parse_event", "collect", "replay", "runs")
    best = [float("inf")] * len(names)
    with gc_paused(), path.open(encoding="utf-8") as lines, spill(lines, buckets=16) as spilled:
        for _ in range(repeat):
            spent = [0.0] * len(names)
            for bucket in spilled.buckets:
                marks = [time.process_time()]
                records = list(read_bucket(bucket))
                marks.append(time.process_time())
                decoded = [decode_line(line) for _, _, line in records]
                marks.append(time.process_time())
                events = [parse_event(raw) for raw in decoded]
                marks.append(time.process_time())
                collection = collect(events)
                marks.append(time.process_time())
                result = replay(collection, rules=rules, as_of=spilled.latest)
                marks.append(time.process_time())
                for finding in result.findings:
                    marshal.dumps(run_record(finding))
                marks.append(time.process_time())
                for stage in range(len(names)):
                    spent[stage] += marks[stage + 1] - marks[stage]
            best = [min(a, b) for a, b in zip(best, spent, strict=True)]
    parse = min(time_parse(path) for _ in range(repeat))
    print(f"json.loads only        {parse:>11.2f}s  (the unit below)")
    for name, seconds in zip(names, best, strict=True):
        print(f"  {name:<20} {seconds:>8.2f}s  {seconds / parse:>6.2f}x of parse")


def ratio_line(label: str, seconds: float, parse: float, count: int) -> str:
    return (
        f"{label:<28} {seconds:>8.2f}s  {count / seconds:>10,.0f} events/s  "
        f"{seconds / parse:>6.2f}x of parse"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=workers_wanted())
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--stages", action="store_true", help="only show where judging a bucket spends time"
    )
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.workers)
        return
    if args.stages:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "world.jsonl"
            write_world(path, args.events)
            stage_costs(path, args.repeat)
        return
    workers = args.workers
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "world.jsonl"
        count = write_world(path, args.events)
        size_mib = path.stat().st_size / 2**20
        timings: dict[str, list[float]] = {
            "parse": [],
            "orjson": [],
            "all": [],
            "unread": [],
            "one": [],
        }
        journeys = 0
        for _ in range(args.repeat):  # interleaved, so that a busy moment hits all alike
            timings["parse"].append(time_parse(path))
            timings["orjson"].append(time_parse(path, orjson.loads))
            seconds, journeys = time_replay(path, workers=workers)
            timings["all"].append(seconds)
            timings["unread"].append(time_replay(path, read_text=False, workers=workers)[0])
            timings["one"].append(time_replay(path, workers=1)[0])
        median = {name: statistics.median(values) for name, values in timings.items()}
        memory = {n: peak_memory_kib(path, n)[0] for n in sorted({1, workers})}
    parse = median["parse"]
    print(f"events                 {count:>12,}  ({size_mib:.0f} MiB of JSON lines)")
    print(f"journeys               {journeys:>12,}")
    print(f"json.loads only        {parse:>11.2f}s  {count / parse:>10,.0f} events/s")
    orjson_only = median["orjson"]  # what replay decodes with; the target is against json.loads
    print(f"  (orjson.loads only   {orjson_only:>11.2f}s  {count / orjson_only:>10,.0f} events/s)")
    print(ratio_line(f"replay, {workers} worker(s)", median["all"], parse, count), "(target <= 5x)")
    print(ratio_line("  without classifier", median["unread"], parse, count))
    print(ratio_line("replay, one process", median["one"], parse, count))
    for n, grown_kib in memory.items():
        per_journey = grown_kib * 1024 / journeys
        print(
            f"memory, {n} process(es)   {grown_kib / 1024:>7.0f} MiB  {per_journey:>8.0f} B per "
            f"journey  (target < 2048 B: {per_journey / 2048:.2f}x of target)"
        )


if __name__ == "__main__":
    main()
