"""The HTML report a CX lead reads in five minutes.

Headline measures; the process map with where customers get hurt drawn on it; findings by
code, each with example journeys; and for each example journey two lanes on one time axis:
what the company knew, and what the customer was told. One self-contained file, German or
English.
"""

from __future__ import annotations

from mittelpunkt.report.collect import ReportCollector
from mittelpunkt.report.model import ReportModel, build_model
from mittelpunkt.report.render import render_report

__all__ = ["ReportCollector", "ReportModel", "build_model", "render_report"]
