"""The example journeys a report shows: a few per finding code, and some without findings.

>>> example_journeys([{"code": "no_news", "journey": "case:1"}], ["case:1", "case:2"])
['case:1', 'case:2']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["example_journeys"]

PER_CODE = 5
WITHOUT_FINDINGS = 20


def example_journeys(
    findings: Iterable[Mapping[str, Any]],
    journeys: Iterable[str],
    *,
    per_code: int = PER_CODE,
    without_findings: int = WITHOUT_FINDINGS,
) -> list[str]:
    """The first ``per_code`` journeys of each code, then the first journeys with none.

    Args:
        findings: the replay's findings (JSON), in their order.
        journeys: every journey, in the order to take those without findings from.
        per_code: how many journeys to take per finding code.
        without_findings: how many journeys without findings to take (candidates: the
            report keeps those that went right).
    """
    chosen: dict[str, list[str]] = {}
    for finding in findings:
        kept = chosen.setdefault(str(finding["code"]), [])
        if len(kept) < per_code and finding["journey"] not in kept:
            kept.append(str(finding["journey"]))
    hurt = list(dict.fromkeys(j for kept in chosen.values() for j in kept))
    known = set(hurt)
    quiet: list[str] = []
    for journey in dict.fromkeys(journeys):
        if len(quiet) >= without_findings:
            break
        if journey not in known:
            quiet.append(journey)
    return hurt + quiet
