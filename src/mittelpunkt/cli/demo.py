"""``mittelpunkt demo``: a generated shop and telco, the seed stories among them, as a report.

The demo world (:mod:`mittelpunkt.demo.world`) is seeded and reproducible; the five seed
stories of our users' customers are added to it, the whole is replayed through every guard,
and the HTML report is written. Serving the dashboard comes with the web service.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from mittelpunkt.adapters.jsonl import read_jsonl
from mittelpunkt.cli.common import default_rules, exits_cleanly, gc_paused, progress_bar
from mittelpunkt.core.config import Config
from mittelpunkt.core.events import parse_event
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.replay import Collection, ReplayResult, replay
from mittelpunkt.demo.world import World, generate_world
from mittelpunkt.exceptions import MittelpunktError
from mittelpunkt.report import ReportCollector, build_model, render_report
from mittelpunkt.report.model import JourneyLanes
from mittelpunkt.report.texts import MEASURES, format_count, format_measure

__all__ = ["DEFAULT_OUT", "SEED_STORIES", "DemoRun", "demo", "run_demo"]

SEED_STORIES = "seed_stories.jsonl"
DEFAULT_OUT = Path("out/mittelpunkt-demo.html")

WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Demo world: a shop and a telco, {customers} customers (seed {seed}), "
        "with the five seed stories",
        "summary": "{events} events, {journeys} journeys, {customers} customers; "
        "{hurt} journeys with findings",
        "code": "guard",
        "findings": "findings",
        "measure": "measure",
        "value": "value",
        "report": "Report: {path}",
        "no_serve": "Serving the dashboard arrives with the web service; "
        "open the report in a browser meanwhile.",
    },
    "de": {
        "title": "Demo-Welt: ein Shop und ein Telko, {customers} Kunden (Seed {seed}), "
        "mit den fünf Kundengeschichten",
        "summary": "{events} Ereignisse, {journeys} Journeys, {customers} Kunden; "
        "{hurt} Journeys mit Befunden",
        "code": "Regel",
        "findings": "Befunde",
        "measure": "Kennzahl",
        "value": "Wert",
        "report": "Bericht: {path}",
        "no_serve": "Das Dashboard wird mit dem Webdienst ausgeliefert; "
        "öffnen Sie den Bericht bis dahin im Browser.",
    },
}


@dataclass(frozen=True, slots=True)
class DemoRun:
    """What a demo run produced: the replay, its ``analyze`` JSON, example lanes, the file."""

    result: ReplayResult
    analysis: Mapping[str, Any]
    lanes: tuple[JourneyLanes, ...]
    report: Path


@exits_cleanly
def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only write the report; do not serve.")
    ] = False,
    customers: Annotated[
        int, typer.Option("--customers", min=1, help="How many customers the world has.")
    ] = 3000,
    seed: Annotated[int, typer.Option("--seed", help="The world's random seed.")] = 2026,
    lang: Annotated[str, typer.Option("--lang", help="de or en.")] = "en",
    out: Annotated[Path, typer.Option("--out", help="Where to write the report.")] = DEFAULT_OUT,
) -> None:
    """Build the demo world, replay it through every guard and write the HTML report."""
    config = Config.from_mapping({"lang": lang})
    run = run_demo(World(customers=customers, seed=seed), config, out)
    print_summary(run, lang, Console(soft_wrap=True))
    if not no_serve:
        Console(soft_wrap=True).print(WORDS[lang]["no_serve"])


def run_demo(world: World, config: Config, out: Path) -> DemoRun:
    """Build the world with the seed stories, replay it and write the report to ``out``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     run = run_demo(World(customers=30, seed=1), Config(), Path(folder) / "r.html")
    ...     run.report.read_text(encoding="utf-8").startswith("<!doctype html>")
    True
    >>> {"misleading_message", "bot_loop"} <= {f.code for f in run.result.findings}
    True
    """
    with gc_paused():
        collection, seed_customers = _collection(world)
        collector = ReportCollector(keep_customers=seed_customers)
        rules = default_rules(config)
        with progress_bar(len(collection.journeys), "replaying journeys") as advance:
            result = replay(collection, rules=rules, on_journey=_advancing(collector, advance))
    analysis = collector.analysis(result)
    title = WORDS[config.lang]["title"].format(
        customers=format_count(world.customers, config.lang), seed=world.seed
    )
    lanes = collector.lanes()
    html = render_report(build_model(analysis, lanes, title=title), config.lang)
    _write(out, html)
    return DemoRun(result, analysis, lanes, out)


def _collection(world: World) -> tuple[Collection, frozenset[str]]:
    """The seed stories first (so they lead the examples), then the generated world."""
    collection = Collection()
    stories = resources.files("mittelpunkt.stories").joinpath(SEED_STORIES)
    with stories.open(encoding="utf-8") as lines:
        read_jsonl(lines, collection, source=SEED_STORIES)
    seed_customers = frozenset(e.customer for e in collection.seen.values())
    for raw in generate_world(world):
        collection.add(parse_event(raw))
    return collection, seed_customers


def _advancing(
    collector: ReportCollector, advance: Callable[[float], None]
) -> Callable[[Journey, list[Finding]], None]:
    def hook(journey: Journey, findings: list[Finding]) -> None:
        collector(journey, findings)
        advance(1)

    return hook


def _write(out: Path, html: str) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        partial.write_text(html, encoding="utf-8")
        partial.replace(out)
    except OSError as error:
        raise MittelpunktError(f"{out}: cannot write the report ({error.strerror})") from None


def print_summary(run: DemoRun, lang: str, console: Console) -> None:
    """The headline measures and the findings by code, then where the report is."""
    words = WORDS[lang]
    result = run.result
    hurt = len({f.journey for f in result.findings})
    console.print(
        words["summary"].format(
            events=format_count(result.events, lang),
            journeys=format_count(result.journeys, lang),
            customers=format_count(result.customers, lang),
            hurt=format_count(hurt, lang),
        ),
        style="bold",
    )
    measures = Table(show_edge=False, pad_edge=False)
    measures.add_column(words["measure"])
    measures.add_column(words["value"], justify="right")
    for key, kind, _higher, english, german in MEASURES:
        name = german if lang == "de" else english
        measures.add_row(name, format_measure(result.measures.get(key), kind, lang))
    console.print(measures)
    codes = Table(show_edge=False, pad_edge=False)
    codes.add_column(words["code"])
    codes.add_column(words["findings"], justify="right")
    for code, count in sorted(result.tally.findings.items(), key=lambda kv: -kv[1]):
        codes.add_row(code, format_count(count, lang))
    console.print(codes)
    console.print(words["report"].format(path=run.report.resolve()), highlight=False)
