"""``mittelpunkt replay FILE``: canonical events through the guards, up to ``--as-of``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, TextIO

import typer

from mittelpunkt.adapters.config_file import load_config
from mittelpunkt.adapters.jsonl import Rejected, read_jsonl
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
from mittelpunkt.core.replay import Collection, ReplayResult
from mittelpunkt.core.replay import replay as run_replay
from mittelpunkt.core.step import Rules
from mittelpunkt.exceptions import MittelpunktError

__all__ = ["replay", "replay_file"]


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
    result, rejected = replay_file(file, settings, as_of=moment, skip_invalid=skip_invalid)
    chosen = choose_format(output.value if output else None, is_terminal=sys.stdout.isatty())
    if chosen == "json":
        json.dump(result.to_json(r.to_json() for r in rejected), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_report(result, rejected, lang=settings.lang)


def replay_file(
    file: str,
    config: Config,
    *,
    as_of: datetime | None = None,
    skip_invalid: bool = False,
    rules: Rules | None = None,
) -> tuple[ReplayResult, list[Rejected]]:
    """Read a JSON-lines file (or ``-``) and replay it; nothing is printed.

    ``rules`` defaults to every guard with the built-in classifier (:func:`default_rules`).
    """
    rules = rules or default_rules(config)
    collection = Collection()
    with gc_paused():
        with _open(file) as (stream, size), progress_bar(size, "reading events") as advance:
            rejected = read_jsonl(
                stream,
                collection,
                source=file,
                skip_invalid=skip_invalid,
                customer_tz=config.timezone,
                default_tz=config.default_tz,
                on_line=lambda line: advance(len(line)),
            )
        return run_replay(collection, rules=rules, as_of=as_of), rejected


@contextmanager
def _open(file: str) -> Iterator[tuple[TextIO, int | None]]:
    """A file (or stdin for ``-``) and its size, for the progress bar."""
    if file == "-":
        yield sys.stdin, None
        return
    path = Path(file)
    try:
        stream = path.open(encoding="utf-8", errors="strict")
    except OSError as error:
        raise MittelpunktError(f"{file}: cannot read ({error.strerror})") from None
    with stream:
        yield stream, path.stat().st_size
