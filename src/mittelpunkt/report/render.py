"""The report as one self-contained HTML file: inline CSS, inline SVG, inline script.

>>> from mittelpunkt.report.model import build_model
>>> html = render_report(build_model({"events": 0, "journeys": 0, "customers": 0}), "de")
>>> '<html lang="de">' in html, "Wo der Prozess Kunden weh tut" in html
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from mittelpunkt.report.layout import NODE_H, NODE_W, MapEdge, MapNode, draw_map
from mittelpunkt.report.model import CodeGroup, ReportModel
from mittelpunkt.report.names import EVENT_LABELS, code_text, code_title, event_label
from mittelpunkt.report.texts import MEASURES, UNKNOWN, format_count, format_measure, words

__all__ = ["edge_stroke", "node_fill", "render_report"]

HOTSPOTS = 6


def render_report(model: ReportModel, lang: str) -> str:
    """The report in ``de`` or ``en``, as a complete HTML document.

    Raises:
        BadConfig: the language is neither ``de`` nor ``en``.
    """
    labels = words(lang)
    drawing = draw_map(model.process) if model.process.activities else None
    context = {
        "lang": lang,
        "w": labels,
        "model": model,
        "headline": _headline(model, lang),
        "hurt_share": format_measure(
            model.journeys_hurt / model.journeys if model.journeys else None, "percent", lang
        ),
        "node_w": NODE_W,
        "node_h": NODE_H,
        "map": drawing,
        "hotspots": sorted(
            (a for a in model.process.activities if a.hurts), key=lambda a: -a.hurts
        )[:HOTSPOTS],
        "codes": [_code(group, model, lang) for group in model.codes],
        "script_data": _script_data(model, lang),
    }
    return _environment(lang).get_template("report.html.j2").render(context)


@cache
def _environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("mittelpunkt.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["label"] = lambda name: event_label(str(name), lang)
    env.filters["code_title"] = lambda code: code_title(str(code), lang)
    env.filters["code_text"] = lambda code: code_text(str(code), lang)
    env.filters["count"] = lambda n: format_count(int(n), lang)
    env.filters["duration"] = lambda s: _duration(s, lang)
    env.filters["short"] = _short
    env.filters["node_fill"] = node_fill
    env.filters["edge_stroke"] = edge_stroke
    return env


def _headline(model: ReportModel, lang: str) -> list[dict[str, str]]:
    shown = []
    for key, kind, higher, english, german in MEASURES:
        shown.append(
            {
                "key": key,
                "name": german if lang == "de" else english,
                "value": format_measure(model.measures.get(key), kind, lang),
                "better": words(lang)["better_up" if higher else "better_down"],
            }
        )
    return shown


def _code(group: CodeGroup, model: ReportModel, lang: str) -> dict[str, Any]:
    examples = []
    for key in group.examples:
        lanes = next(j for j in model.lanes if j.key == key)
        first = next(f for f in lanes.findings if f.code == group.code)
        examples.append({"key": key, "customer": lanes.customer, "summary": first.summary})
    most = max((g.count for g in model.codes), default=1)
    per_1000 = f"{1000 * group.count / model.journeys:.1f}" if model.journeys else UNKNOWN
    return {
        "group": group,
        "share": group.count / most,
        "per_1000": per_1000.replace(".", ",") if lang == "de" else per_1000,
        "severities": _severities(group.severities),
        "examples": examples,
    }


def _script_data(model: ReportModel, lang: str) -> dict[str, Any]:
    """What the lanes script needs: the journeys, and the words to draw them with."""
    labels = words(lang)
    codes = {f.code for j in model.lanes for f in j.findings}
    return {
        "lang": lang,
        "journeys": [j.to_json() for j in model.lanes],
        "types": {t: event_label(t, lang) for t in EVENT_LABELS},
        "codes": {code: code_title(code, lang) for code in sorted(codes)},
        "words": {k: labels[k] for k in ("lane_company", "lane_customer", "told", "said")},
    }


def node_fill(node: MapNode) -> str:
    """A step's colour: white where nobody got hurt, deeper red the more findings sit there.

    >>> calm, sore = MapNode("a", 1, 0, (), 0, 0, 0, 0.0), MapNode("b", 1, 5, (), 0, 0, 0, 1.0)
    >>> node_fill(calm), node_fill(sore)
    ('#ffffff', 'hsl(354, 70%, 44%)')
    """
    if not node.hurts:
        return "#ffffff"
    return f"hsl(354, 70%, {96 - 52 * node.heat:.0f}%)"


def edge_stroke(edge: MapEdge) -> str:
    """A transition's colour: grey, or red as strong as the findings at it."""
    if not edge.hurts:
        return "#b3bcc6"
    return f"rgba(198, 40, 57, {0.3 + 0.7 * edge.heat:.2f})"


def _duration(seconds: object, lang: str) -> str:
    """A typical time between two steps, to a person's precision.

    >>> _duration(90, "en"), _duration(7200, "de"), _duration(3 * 86400, "en")
    ('2 min', '2,0 h', '3.0 d')
    """
    if not isinstance(seconds, int | float):
        return UNKNOWN
    if seconds < 3600:  # noqa: PLR2004 - an hour
        return f"{round(seconds / 60)} min"
    value, unit = (seconds / 3600, "h") if seconds < 86400 else (seconds / 86400, "d")  # noqa: PLR2004 - a day
    shown = f"{value:.1f}"
    return f"{shown.replace('.', ',') if lang == 'de' else shown} {unit}"


def _short(text: object, length: int = 24) -> str:
    """Text cut to fit a box.

    >>> _short("Reactivation refused by the company", 12)
    'Reactivatio…'
    """
    shown = str(text)
    return shown if len(shown) <= length else shown[: length - 1] + "…"


def _severities(severities: Mapping[str, int]) -> list[tuple[str, int]]:
    order = ("high", "medium", "low", "info")
    return [(s, severities[s]) for s in order if severities.get(s)]
