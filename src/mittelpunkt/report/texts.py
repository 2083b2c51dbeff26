"""The report's words and numbers, in German and English.

>>> words("de")["lane_company"]
'Was das Unternehmen wusste'
>>> format_measure(0.4262, "percent", "de"), format_measure(0.4262, "percent", "en")
('42,6 %', '42.6%')
>>> format_count(40883, "de"), format_count(40883, "en")
('40.883', '40,883')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mittelpunkt.exceptions import BadConfig

__all__ = [
    "LANGUAGES",
    "MEASURES",
    "UNKNOWN",
    "Measure",
    "format_count",
    "format_measure",
    "words",
]

LANGUAGES = ("de", "en")
UNKNOWN = "\N{EN DASH}"  # what a measure shows when nothing was counted

_EN: Mapping[str, str] = MappingProxyType(
    {
        "title": "Where the process hurts customers",
        "subtitle": "{events} events, {journeys} journeys, {customers} customers, up to {as_of}",
        "nav_headline": "Headline",
        "nav_map": "Process map",
        "nav_findings": "Findings",
        "nav_journeys": "Journeys",
        "headline": "The headline",
        "journeys_hurt": "journeys where a customer got hurt",
        "journeys_right": "journeys that went right",
        "findings_total": "findings",
        "better_up": "higher is better",
        "better_down": "lower is better",
        "map": "The process as it really runs",
        "map_legend": "Boxes are steps, arrows the step that followed, as wide as it is "
        "frequent. Red marks where the events proving a finding sit: the darker, the more "
        "customers got hurt there.",
        "map_bounded": "Showing the {activities} most frequent steps and {edges} most "
        "frequent transitions.",
        "no_map": "This log has no process map.",
        "hotspots": "Where customers get hurt most",
        "step": "step",
        "hurts": "findings here",
        "passes": "passes",
        "variants": "Most frequent paths",
        "journeys_n": "journeys",
        "findings": "What went wrong for customers, by guard",
        "no_findings": "No findings: every journey went right.",
        "covers": "This log records: {covers}.",
        "silent": "Kept silent, because the log does not record what they need:",
        "examples": "Example journeys",
        "severity": "severity",
        "journeys": "Each journey in two lanes",
        "journeys_intro": "Pick a journey: on top what the company knew and did, below what "
        "the customer was told and said, on one time axis. Red rings mark the events that "
        "prove a finding; red lines when it could first have been known.",
        "journey": "Journey",
        "went_right": "went right",
        "lane_company": "What the company knew",
        "lane_customer": "What the customer was told (and said)",
        "told": "told",
        "said": "said",
        "time": "when",
        "what": "what",
        "lane": "lane",
        "open": "open",
        "closed": "closed",
        "footer": "Written by mittelpunkt. This file works offline.",
        "info": "info",
        "low": "low",
        "medium": "medium",
        "high": "high",
    }
)

_DE: Mapping[str, str] = MappingProxyType(
    {
        "title": "Wo der Prozess Kunden weh tut",
        "subtitle": "{events} Ereignisse, {journeys} Journeys, {customers} Kunden, bis {as_of}",
        "nav_headline": "Überblick",
        "nav_map": "Prozesslandkarte",
        "nav_findings": "Befunde",
        "nav_journeys": "Journeys",
        "headline": "Auf einen Blick",
        "journeys_hurt": "Journeys, in denen ein Kunde zu Schaden kam",
        "journeys_right": "Journeys, die gut liefen",
        "findings_total": "Befunde",
        "better_up": "höher ist besser",
        "better_down": "niedriger ist besser",
        "map": "Der Prozess, wie er wirklich läuft",
        "map_legend": "Kästen sind Schritte, Pfeile der Schritt danach, so breit wie häufig. "
        "Rot markiert, wo die Ereignisse liegen, die einen Befund belegen: je dunkler, desto "
        "mehr Kunden kamen dort zu Schaden.",
        "map_bounded": "Gezeigt: die {activities} häufigsten Schritte und {edges} häufigsten "
        "Übergänge.",
        "no_map": "Dieses Log hat keine Prozesslandkarte.",
        "hotspots": "Wo Kunden am häufigsten zu Schaden kommen",
        "step": "Schritt",
        "hurts": "Befunde hier",
        "passes": "Durchläufe",
        "variants": "Häufigste Pfade",
        "journeys_n": "Journeys",
        "findings": "Was für Kunden schiefging, nach Regel",
        "no_findings": "Keine Befunde: jede Journey lief gut.",
        "covers": "Dieses Log enthält: {covers}.",
        "silent": "Stumm geblieben, weil das Log nicht enthält, was sie brauchen:",
        "examples": "Beispiel-Journeys",
        "severity": "Schwere",
        "journeys": "Jede Journey in zwei Bahnen",
        "journeys_intro": "Wählen Sie eine Journey: oben, was das Unternehmen wusste und tat, "
        "unten, was der Kunde erfuhr und sagte, auf einer Zeitachse. Rote Ringe markieren die "
        "Ereignisse, die einen Befund belegen; rote Linien, wann er erkennbar war.",
        "journey": "Journey",
        "went_right": "lief gut",
        "lane_company": "Was das Unternehmen wusste",
        "lane_customer": "Was der Kunde erfuhr (und sagte)",
        "told": "erfuhr",
        "said": "sagte",
        "time": "wann",
        "what": "was",
        "lane": "Bahn",
        "open": "offen",
        "closed": "abgeschlossen",
        "footer": "Erstellt von mittelpunkt. Diese Datei funktioniert offline.",
        "info": "Hinweis",
        "low": "gering",
        "medium": "mittel",
        "high": "hoch",
    }
)


def words(lang: str) -> Mapping[str, str]:
    """The report's labels in one language.

    Raises:
        BadConfig: the language is neither ``de`` nor ``en``.

    >>> words("en")["lane_customer"]
    'What the customer was told (and said)'
    """
    if lang not in LANGUAGES:
        raise BadConfig(f"lang: must be 'de' or 'en', not {lang!r}")
    return _DE if lang == "de" else _EN


#: A headline measure: its key in ``measures``, kind, whether higher is better, names.
Measure = tuple[str, str, bool, str, str]

MEASURES: tuple[Measure, ...] = (
    ("promise_kept_rate", "percent", True, "Promises kept", "Zusagen eingehalten"),
    ("failure_demand_rate", "percent", False, "Failure demand", "Vermeidbare Kontakte"),
    ("proactive_rate", "percent", True, "Delays told proactively", "Verzögerungen proaktiv"),
    ("honest_update_rate", "percent", True, "Honest updates", "Ehrliche Aktualisierungen"),
    ("survey_hygiene", "percent", False, "Surveys before resolution", "Umfragen vor Lösung"),
    ("contacts_per_journey", "number", False, "Contacts per journey", "Kontakte je Journey"),
    ("customer_effort", "number", False, "Customer effort", "Kundenaufwand"),
    (
        "time_to_resolution_median_hours",
        "hours",
        False,
        "Time to resolution (median)",
        "Zeit bis zur Lösung (Median)",
    ),
)


def format_measure(value: object, kind: str, lang: str) -> str:
    """A measure as a person reads it: a percentage, a number or hours; a dash when unknown.

    >>> format_measure(109.56, "hours", "en"), format_measure(None, "number", "de") == UNKNOWN
    ('109.6 h', True)
    """
    if not isinstance(value, int | float):
        return UNKNOWN
    if kind == "percent":
        shown = f"{100 * value:.1f}"
        return f"{shown.replace('.', ',')} %" if lang == "de" else f"{shown}%"
    shown = f"{value:.1f}" if kind == "hours" else f"{value:.2f}"
    if lang == "de":
        shown = shown.replace(".", ",")
    return f"{shown} h" if kind == "hours" else shown


def format_count(value: int, lang: str) -> str:
    """A whole number with the thousands separator of the language."""
    shown = f"{value:,}"
    return shown.replace(",", ".") if lang == "de" else shown
