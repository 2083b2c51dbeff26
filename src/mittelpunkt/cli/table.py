"""A replay, printed for a person at a terminal: one block per journey, then the measures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rich.console import Console
from rich.table import Table

from mittelpunkt.adapters.jsonl import Rejected
from mittelpunkt.core.findings import Finding
from mittelpunkt.core.replay import History

__all__ = ["print_report"]

WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Replay up to {as_of}: {events} events, {journeys} journeys, "
        "{customers} customers",
        "journey": "Journey {journey} (customer {customer})",
        "time": "when",
        "code": "guard",
        "severity": "severity",
        "summary": "what happened",
        "action": "what would have spared the customer",
        "quiet": "{n} journeys without findings.",
        "measures": "Measures",
        "rejected": "Rejected lines",
        "none": "No events.",
    },
    "de": {
        "title": "Auswertung bis {as_of}: {events} Ereignisse, {journeys} Journeys, "
        "{customers} Kunden",
        "journey": "Journey {journey} (Kunde {customer})",
        "time": "wann",
        "code": "Regel",
        "severity": "Schwere",
        "summary": "was geschah",
        "action": "was dem Kunden geholfen hätte",
        "quiet": "{n} Journeys ohne Befund.",
        "measures": "Kennzahlen",
        "rejected": "Abgelehnte Zeilen",
        "none": "Keine Ereignisse.",
    },
}
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def print_report(
    result: History,
    rejected: Sequence[Rejected],
    *,
    lang: str = "en",
    console: Console | None = None,
) -> None:
    """Print findings grouped by journey, the measures and any rejected lines."""
    out = console or Console()
    words = WORDS[lang]
    if result.as_of is None:
        out.print(words["none"])
    else:
        out.print(
            words["title"].format(
                as_of=result.as_of.isoformat(),
                events=result.events,
                journeys=result.journeys,
                customers=result.customers,
            ),
            style="bold",
        )
    by_journey = _by_journey(result.findings)
    for (journey, customer), findings in by_journey.items():
        out.print()
        out.print(words["journey"].format(journey=journey, customer=customer), style="bold")
        out.print(_findings_table(findings, words))
    out.print()
    out.print(words["quiet"].format(n=result.journeys - len(by_journey)))
    out.print(_measures_table(result.measures, words))
    if rejected:
        out.print(_rejected_table(rejected, words))


def _by_journey(findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in sorted(findings, key=lambda f: (f.journey, f.time)):
        grouped[(finding.journey, finding.customer)].append(finding)
    return grouped


def _findings_table(findings: Sequence[Finding], words: Mapping[str, str]) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=True)
    for column in ("time", "code", "severity"):
        table.add_column(words[column], no_wrap=True)
    table.add_column(words["summary"], ratio=3)
    table.add_column(words["action"], ratio=1)
    for f in findings:
        action = f.action.kind + (f" ({f.action.purpose})" if f.action.purpose else "")
        table.add_row(
            f.time.strftime("%m-%d %H:%M"),
            f.code,
            f"[{_SEVERITY_STYLE.get(f.severity, '')}]{f.severity}[/]",
            f.summary,
            action,
        )
    return table


def _measures_table(measures: Mapping[str, object], words: Mapping[str, str]) -> Table:
    table = Table(title=words["measures"], show_header=False, show_edge=False)
    table.add_column()
    table.add_column(justify="right")
    for name, value in measures.items():
        if isinstance(value, Mapping):
            shown = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        else:
            shown = "-" if value is None else str(value)
        table.add_row(name.replace("_", " "), shown)
    return table


def _rejected_table(rejected: Sequence[Rejected], words: Mapping[str, str]) -> Table:
    table = Table(title=words["rejected"], show_edge=False)
    for column in ("line", "id", "field", "error"):
        table.add_column(column)
    for r in rejected:
        table.add_row(str(r.line), r.event_id or "-", r.field or "-", r.error)
    return table
