"""What each guard needs a log to record, and which guards a log leaves silent.

A guard that fires on the *absence* of something (no message, no delivery, no consent)
would raise false alarms on a log that never records it. Such a guard stays silent unless
the mapping's ``covers`` says the log records everything it needs, and the analysis lists
it under ``silent_guards`` with what was missing.

>>> silent_guards(frozenset({"cases"}))[0]
{'code': 'broken_promise', 'needs': ['orders', 'shipments'], 'missing': ['orders', 'shipments']}
>>> [g["code"] for g in silent_guards(frozenset({"cases", "contacts", "messages"}))][:3]
['broken_promise', 'silent_delay', 'misleading_message']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from mittelpunkt.adapters.mapping import COVERS
from mittelpunkt.core.config import Config
from mittelpunkt.guards import CODES

__all__ = ["EVERYTHING", "NEEDS", "silence", "silent_guards"]

#: Everything a log can record: canonical JSON lines cover it all.
EVERYTHING = COVERS

#: What each guard needs recorded to judge fairly (``guards.md``).
NEEDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # Promises here are delivery dates: judged against deliveries.
        "broken_promise": frozenset({"orders", "shipments"}),
        "silent_delay": frozenset({"shipments", "messages"}),
        "unrequested_info": frozenset({"cases", "messages"}),
        "no_news": frozenset({"messages"}),
        "misleading_message": frozenset({"messages", "shipments"}),
        "premature_survey": frozenset({"surveys"}),
        "unconsented_marketing": frozenset({"messages", "consents"}),
        "repeat_contact": frozenset({"contacts"}),
        "status_inquiry": frozenset({"contacts"}),
        "unsafe_cancellation": frozenset({"contacts", "orders"}),
        "unanswered_request": frozenset({"contacts", "messages"}),
        "retracted_offer": frozenset({"orders"}),
        "repeated_identification": frozenset({"contacts"}),
        "long_wait": frozenset({"contacts"}),
        "bot_loop": frozenset({"contacts"}),
        "conflicting_dates": frozenset({"orders"}),
    }
)


def silent_guards(covers: frozenset[str], *, policy_promises: bool = False) -> list[dict[str, Any]]:
    """The guards a log covering ``covers`` cannot feed, in catalog order, with what is missing.

    Args:
        covers: what the log records.
        policy_promises: the mapping makes promises whose keeping the log records
            (``[promises]`` with ``kept_by``), so ``broken_promise`` can judge them.
    """
    silent = []
    for code in CODES:
        needs = NEEDS.get(code, frozenset())
        if code == "broken_promise" and policy_promises:
            continue
        missing = sorted(needs - covers)
        if missing:
            silent.append({"code": code, "needs": sorted(needs), "missing": missing})
    return silent


def silence(config: Config, codes: Iterable[str]) -> Config:
    """The configuration with the given guards disabled (their other settings kept).

    >>> silence(Config(), ["no_news"]).enabled("no_news")
    False
    """
    guards = {name: dict(values) for name, values in config.guards.items()}
    for code in codes:
        guards[code] = {**guards.get(code, {}), "enabled": False}
    return replace(config, guards=guards)
