"""The sixteen guards of ``guards.md``, one module each, named after its code.

>>> len(CODES)
16
>>> [g.code for g in all_guards()] == list(CODES)
True
"""

from __future__ import annotations

from importlib import import_module

from mittelpunkt.core.guard import Guard

__all__ = ["CODES", "all_guards"]

CODES = (
    "broken_promise",
    "silent_delay",
    "unrequested_info",
    "no_news",
    "misleading_message",
    "premature_survey",
    "unconsented_marketing",
    "repeat_contact",
    "status_inquiry",
    "unsafe_cancellation",
    "unanswered_request",
    "retracted_offer",
    "repeated_identification",
    "long_wait",
    "bot_loop",
    "conflicting_dates",
)


def all_guards() -> tuple[Guard, ...]:
    """Every guard, in the order of ``guards.md``."""
    guards = []
    for code in CODES:
        guard = import_module(f"mittelpunkt.guards.{code}").GUARD
        if not isinstance(guard, Guard):
            raise TypeError(f"mittelpunkt.guards.{code}.GUARD is not a Guard")
        guards.append(guard)
    return tuple(guards)
