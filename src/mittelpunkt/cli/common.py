"""What the commands share: output format, error handling and progress.

>>> choose_format(None, is_terminal=False)
'json'
>>> choose_format("table", is_terminal=False)
'table'
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from mittelpunkt.core.config import Config
from mittelpunkt.core.intents import IntentClassifier
from mittelpunkt.core.step import Rules
from mittelpunkt.core.times import TimeFormatError, parse_instant
from mittelpunkt.exceptions import BadConfig, BadEvent, MittelpunktError
from mittelpunkt.guards import all_guards
from mittelpunkt.language import read_intent

__all__ = [
    "CLASSIFIER",
    "AsOfOption",
    "ConfigOption",
    "OutputFormat",
    "choose_format",
    "default_rules",
    "exits_cleanly",
    "gc_paused",
    "parse_as_of",
    "progress_bar",
]

#: How the commands read customers' free text when an event gives no intent.
CLASSIFIER: IntentClassifier = read_intent

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Thresholds, consent, language (TOML).")
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Judge up to this time (ISO 8601).")
]

P = ParamSpec("P")
R = TypeVar("R")

BAD_INPUT = 2
INTERNAL = 1


class OutputFormat(StrEnum):
    """How results are printed."""

    json = "json"
    table = "table"


def default_rules(config: Config) -> Rules:
    """All sixteen guards, configured, reading free text with :data:`CLASSIFIER`.

    >>> len(default_rules(Config()).settings)
    16
    """
    try:
        return Rules.of(all_guards(), config, CLASSIFIER)
    except BadConfig as error:
        raise BadConfig(f"configuration: {error}") from None


def parse_as_of(value: str | None, config: Config) -> datetime | None:
    """The ``--as-of`` time (None: the last event's), read in the configured default zone.

    >>> parse_as_of("2026-03-02T09:00:00+01:00", Config()).hour
    9
    """
    if value is None:
        return None
    try:
        return parse_instant(value, config.default_tz)
    except TimeFormatError as error:
        raise BadEvent(str(error), field="--as-of") from None


def choose_format(given: str | None, *, is_terminal: bool) -> str:
    """The output format: the given one, else a table on a terminal and JSON otherwise."""
    if given is not None:
        return given
    return "table" if is_terminal else "json"


def exits_cleanly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn our errors into a one-line message and exit 2; anything else into exit 1."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        err = Console(stderr=True, soft_wrap=True)
        try:
            return command(*args, **kwargs)
        except MittelpunktError as error:
            err.print(f"[bold red]error:[/] {error}", highlight=False, markup=True)
            raise typer.Exit(BAD_INPUT) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001 - the last line of defence for users
            err.print(f"internal error: {type(error).__name__}: {error}", markup=False)
            raise typer.Exit(INTERNAL) from None

    return run


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk loading.

    Events and journeys hold no reference cycles; collecting while hundreds of thousands of
    them pile up only rescans the heap again and again.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def progress_bar(total: float | None, description: str) -> Iterator[Callable[[float], None]]:
    """A progress bar on a terminal (stderr), silent when piped; yields an ``advance(n)``."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)
