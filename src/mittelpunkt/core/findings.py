"""Findings and actions: what went wrong for a customer, and what would have spared them.

>>> from datetime import datetime, UTC
>>> f = Finding(code="no_news", journey="case:K-1", customer="C-1",
...             time=datetime(2026, 9, 9, tzinfo=UTC), severity="medium",
...             evidence=("e-1",), summary="No word for 9 days.",
...             action=Action(kind="notify", purpose="status", template="status_update"),
...             cause="e-1")
>>> f.key
'no_news|case:K-1|e-1'
>>> f.to_json()["action"]["kind"]
'notify'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mittelpunkt.core.events import plain

__all__ = [
    "ACTION_KINDS",
    "SEVERITIES",
    "Action",
    "Finding",
    "FindingRecord",
    "finding_from_record",
    "finding_order",
    "finding_record",
]

SEVERITIES = ("info", "low", "medium", "high")
#: ``prefill``: fill in what the customer already said instead of asking again.
ACTION_KINDS = frozenset(
    {
        "notify",
        "ask",
        "suppress",
        "escalate",
        "require_confirmation",
        "handover",
        "callback",
        "prefill",
    }
)


@dataclass(frozen=True, slots=True)
class Action:
    """The action that would have spared the customer (or, live, that is carried out).

    Attributes:
        kind: one of :data:`ACTION_KINDS`.
        purpose: the message purpose of a notification (``delay``, ``status``...).
        template: the name of the message template to use.
        lang: the language to write in.
        details: anything the action needs (the new date, what is missing...).
    """

    kind: str
    purpose: str | None = None
    template: str | None = None
    lang: str = "en"
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The action as the JSON object of ``guards.md``.

        >>> Action("suppress", details={"event": "e-9"}).to_json()
        {'kind': 'suppress', 'lang': 'en', 'event': 'e-9'}
        """
        out: dict[str, Any] = {"kind": self.kind}
        if self.purpose is not None:
            out["purpose"] = self.purpose
        if self.template is not None:
            out["template"] = self.template
        out["lang"] = self.lang
        out.update(self.details)
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that went wrong for a customer, with the events that prove it.

    Attributes:
        code: the guard's code (a stable contract).
        journey: the journey key.
        customer: the customer's key.
        time: when the guard could first have known (for a deadline: the deadline).
        severity: one of :data:`SEVERITIES`.
        evidence: ids of the events that prove it.
        summary: one sentence a CX lead understands.
        action: what would have spared the customer.
        cause: what makes this finding one: the same cause is never raised twice.
        details: extra facts (the intent cues a finding rests on, the due date...).
    """

    code: str
    journey: str
    customer: str
    time: datetime
    severity: str
    evidence: tuple[str, ...]
    summary: str
    action: Action
    cause: str
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The identity of the finding: code, journey and cause."""
        return f"{self.code}|{self.journey}|{self.cause}"

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON object of ``guards.md``."""
        out: dict[str, Any] = {
            "code": self.code,
            "journey": self.journey,
            "customer": self.customer,
            "time": self.time.isoformat(),
            "severity": self.severity,
            "evidence": list(self.evidence),
            "summary": self.summary,
            "action": self.action.to_json(),
        }
        if self.details:
            out["details"] = dict(self.details)
        return out


#: A finding as plain values (time as ISO text), for ``marshal`` and files of our own.
FindingRecord = tuple[
    str,
    str,
    str,
    str,
    str,
    tuple[str, ...],
    str,
    tuple[str, str | None, str | None, str, dict[str, Any]],
    str,
    dict[str, Any],
]


def finding_order(finding: Finding) -> tuple[datetime, str, str, str]:
    """The order findings are reported in: time, journey, code, cause."""
    return (finding.time, finding.journey, finding.code, finding.cause)


def finding_record(finding: Finding) -> FindingRecord:
    """The finding as plain values, for :mod:`marshal` (see :func:`finding_from_record`).

    >>> from datetime import UTC
    >>> f = Finding("no_news", "case:K", "C", datetime(2026, 9, 9, tzinfo=UTC), "low", ("e",),
    ...             "No word.", Action("notify", details={"due": "soon"}), "e")
    >>> finding_from_record(finding_record(f)) == f
    True
    """
    action = finding.action
    return (
        finding.code,
        finding.journey,
        finding.customer,
        finding.time.isoformat(),
        finding.severity,
        finding.evidence,
        finding.summary,
        (action.kind, action.purpose, action.template, action.lang, plain(action.details)),
        finding.cause,
        plain(finding.details),
    )


def finding_from_record(record: FindingRecord) -> Finding:
    """The finding again, from :func:`finding_record`'s values."""
    code, journey, customer, time, severity, evidence, summary, action, cause, details = record
    kind, purpose, template, lang, action_details = action
    return Finding(
        code,
        journey,
        customer,
        datetime.fromisoformat(time),
        severity,
        tuple(evidence),
        summary,
        Action(kind, purpose, template, lang, action_details),
        cause,
        details,
    )
