"""``mittelpunkt replay FILE``: canonical events through the guards, up to ``--as-of``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, TextIO

import typer

from mittelpunkt.adapters.buckets import (
    PARTS_PER_WORKER,
    SPREAD_FROM,
    JudgedHistory,
    Reading,
    Spilled,
    buckets_for,
    judge,
    spill,
    spill_file,
    worker_pool,
    workers_wanted,
)
from mittelpunkt.adapters.config_file import load_config
from mittelpunkt.cli.common import (
    AsOfOption,
    ConfigOption,
    OutputFormat,
    choose_format,
    default_rules,
    exits_cleanly,
    gc_paused,
    parse_as_of,
    progress_bar,
)
from mittelpunkt.cli.table import print_report
from mittelpunkt.core.config import Config
from mittelpunkt.core.step import Rules
from mittelpunkt.exceptions import MittelpunktError

__all__ = ["replay", "replayed", "write_json"]


@exits_cleanly
def replay(
    file: Annotated[str, typer.Argument(help="Canonical events (.jsonl), or - for stdin.")],
    as_of: AsOfOption = None,
    config: ConfigOption = None,
    output: Annotated[
        OutputFormat | None,
        typer.Option("--format", help="json (default when piped) or table."),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Replay the rest; list bad lines.")
    ] = False,
) -> None:
    """Replay canonical events through the guards and print the findings."""
    settings = load_config(config)
    moment = parse_as_of(as_of, settings)
    chosen = choose_format(output.value if output else None, is_terminal=sys.stdout.isatty())
    table = chosen == "table"  # the table shows findings; the JSON only needs their text
    with replayed(file, settings, as_of=moment, skip_invalid=skip_invalid, values=table) as history:
        if table:
            print_report(history, history.rejected, lang=settings.lang)
        else:
            write_json(history, sys.stdout)


@contextmanager
def replayed(
    file: str,
    config: Config,
    *,
    as_of: datetime | None = None,
    skip_invalid: bool = False,
    rules: Rules | None = None,
    workers: int | None = None,
    values: bool = True,
) -> Iterator[JudgedHistory]:
    """Read a JSON-lines file (or ``-``) and replay it; nothing is printed.

    History is spilled to temporary buckets and judged bucket by bucket
    (:mod:`mittelpunkt.adapters.buckets`), so memory stays small; the findings stream from
    disk until the ``with`` block ends. ``rules`` defaults to every guard with the built-in
    classifier (:func:`default_rules`); ``workers`` to one per core. Without ``values``, the
    history gives its findings only as JSON (:meth:`JudgedHistory.findings_as_json`).
    """
    rules = rules or default_rules(config)
    reading = Reading(config.timezone, config.default_tz, file)
    count = workers or workers_wanted()
    with ExitStack() as stack:
        stack.enter_context(gc_paused())
        size = _size(file)
        pool = stack.enter_context(worker_pool(rules, reading, count))
        with progress_bar(size, "reading events") as advance:
            spilled = stack.enter_context(_spilled(file, size, reading, pool, count, advance))
        with progress_bar(len(spilled.buckets), "judging journeys") as advance:
            history = judge(
                spilled,
                rules,
                as_of=as_of,
                skip_invalid=skip_invalid,
                pool=pool,
                on_bucket=lambda: advance(1),
                values=values,
            )
        yield history


def write_json(history: JudgedHistory, out: TextIO) -> None:
    """The JSON of ``interfaces.md``, written as the findings stream in (one line)."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    as_of = history.as_of.isoformat() if history.as_of else None
    out.write(f'{{"as_of": {dump(as_of)}, "events": {history.events}, ')
    out.write(f'"journeys": {history.journeys}, "customers": {history.customers}, "findings": [')
    for number, finding in enumerate(history.findings_as_json()):
        out.write(", " if number else "")
        out.write(finding)
    out.write(f'], "measures": {dump(history.measures)}, ')
    out.write(f'"rejected": {dump([r.to_json() for r in history.rejected])}}}\n')


def _size(file: str) -> int | None:
    """The size of a readable file (None for stdin, ``-``), for the progress bar.

    Raises:
        MittelpunktError: the file cannot be read.
    """
    if file == "-":
        return None
    path = Path(file)
    try:
        with path.open("rb"):
            return path.stat().st_size
    except OSError as error:
        raise MittelpunktError(f"{file}: cannot read ({error.strerror})") from None


@contextmanager
def _spilled(  # noqa: PLR0917 - the steps of replayed, named
    file: str,
    size: int | None,
    reading: Reading,
    pool: Executor | None,
    workers: int,
    advance: Callable[[int], None],
) -> Iterator[Spilled]:
    """Pass 1: stdin line by line; a large file in byte ranges, one per worker at a time."""
    if size is None:
        with spill(sys.stdin, reading=reading, on_line=lambda line: advance(len(line))) as spilled:
            yield spilled
        return
    parts = PARTS_PER_WORKER * workers if size >= SPREAD_FROM else 1
    buckets = buckets_for(size)
    with spill_file(
        Path(file), reading=reading, pool=pool, parts=parts, on_bytes=advance, buckets=buckets
    ) as spilled:
        yield spilled
