"""Replay throughput and memory, side by side with merely parsing the same JSON lines.

    .venv/bin/python bench/replay.py [--events 1000000] [--repeat 3] [--memory-split]

Generates a demo world of about N canonical events (shop orders and telco cases of many
customers, with contacts and messages), writes it as JSON lines, then in one run times
``json.loads`` over every line (the baseline) and the full replay (read, validate, group,
all sixteen guards, measures) — medians of ``--repeat`` runs — and measures the replay's
peak memory in a fresh process. Prints the figures and the ratios against the targets:
replay within 5x of the parse time, under 2 KB per journey.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from mittelpunkt.adapters.jsonl import read_jsonl
from mittelpunkt.cli.common import default_rules
from mittelpunkt.cli.replay import replay_file
from mittelpunkt.core.config import Config
from mittelpunkt.core.intents import no_intent
from mittelpunkt.core.replay import Collection, replay
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


def time_parse(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            json.loads(line)
    return time.perf_counter() - started


def time_replay(path: Path, *, read_text: bool = True) -> tuple[float, int]:
    """The whole replay; ``read_text=False`` leaves free text unread (no classifier)."""
    rules = None if read_text else Rules.of(all_guards(), Config(), no_intent)
    started = time.perf_counter()
    result, _ = replay_file(str(path), Config(), rules=rules)
    return time.perf_counter() - started, result.journeys


def peak_memory_kib(path: Path) -> tuple[int, int]:
    """The replay's resident-memory growth (KiB) and journey count, in a fresh process."""
    output = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--memory-child", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    grown, journeys = output.split()
    return int(grown), int(journeys)


def high_water_kib() -> int:
    """Peak resident memory of this process (VmHWM; unlike ru_maxrss, reset by exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(path: Path) -> None:
    before = high_water_kib()
    _, journeys = time_replay(path)
    print(high_water_kib() - before, journeys)


def memory_split(path: Path) -> None:
    """Where replay memory goes, per journey: events held until judgement, then findings."""
    collection = Collection()
    tracemalloc.start()
    with path.open(encoding="utf-8") as lines:
        read_jsonl(lines, collection)
    held = tracemalloc.get_traced_memory()[0]
    result = replay(collection, rules=default_rules(Config()))
    journeys = len(collection.journeys)
    del collection
    kept = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"events held until judgement   {held / journeys:>8.0f} B per journey")
    print(
        f"findings and result kept      {kept / journeys:>8.0f} B per journey "
        f"({len(result.findings):,} findings)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--memory-split", action="store_true", help="only show where replay memory goes"
    )
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.memory_split:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "world.jsonl"
            write_world(path, args.events)
            memory_split(path)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "world.jsonl"
        count = write_world(path, args.events)
        size_mib = path.stat().st_size / 2**20
        parse = statistics.median(time_parse(path) for _ in range(args.repeat))
        runs = [time_replay(path) for _ in range(args.repeat)]
        replay_s = statistics.median(r[0] for r in runs)
        unread_s = statistics.median(
            time_replay(path, read_text=False)[0] for _ in range(args.repeat)
        )
        journeys = runs[0][1]
        grown_kib, _ = peak_memory_kib(path)
    per_journey = grown_kib * 1024 / journeys
    print(f"events                 {count:>12,}  ({size_mib:.0f} MiB of JSON lines)")
    print(f"journeys               {journeys:>12,}")
    print(f"json.loads only        {parse:>11.2f}s  {count / parse:>10,.0f} events/s")
    print(f"replay (all guards)    {replay_s:>11.2f}s  {count / replay_s:>10,.0f} events/s")
    print(f"replay / parse         {replay_s / parse:>11.2f}x  (target <= 5x)")
    print(f"  without classifier   {unread_s:>11.2f}s  {unread_s / parse:>10.2f}x of parse")
    print(f"peak memory growth     {grown_kib / 1024:>10.0f}MiB")
    print(
        f"memory per journey     {per_journey:>11.0f}B  (target < 2048 B: "
        f"{per_journey / 2048:.2f}x of target)"
    )


if __name__ == "__main__":
    main()
