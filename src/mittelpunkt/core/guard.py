"""What a guard is, and what it is told when it runs.

A guard is a pure function from a :class:`~mittelpunkt.core.journey.Journey` and its
:class:`Settings` to findings. Settings merge the guard's defaults with the configuration and
carry the language, so that a guard module holds nothing but its rule.

>>> from mittelpunkt.core.config import Config
>>> settings = Settings.of(Guard("no_news", lambda j, s: (), {"window": "7d"}), Config())
>>> settings.duration("window").days
7
>>> settings.say({"en": "No word for {days} days.", "de": "{days} Tage kein Wort."}, days=9)
'No word for 9 days.'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from mittelpunkt.core.config import Config
from mittelpunkt.core.findings import Action, Finding
from mittelpunkt.core.journey import Journey
from mittelpunkt.core.times import TimeFormatError, parse_duration
from mittelpunkt.exceptions import BadConfig

__all__ = ["Check", "Guard", "Settings", "run_guards"]

Check = Callable[[Journey, "Settings"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Guard:
    """One customer-centricity rule of ``guards.md``.

    Attributes:
        code: the stable code (``silent_delay``).
        check: the rule: findings for one journey, with time at most ``journey.as_of``.
        defaults: the thresholds and their default values (overridable in configuration).
        seeds: the seed stories the rule comes from.
        needs: event types of which a journey must hold at least one for the rule to have
            anything to say (empty: it always runs). Journeys without them are skipped, and
            a log that records none of them cannot feed the rule.
    """

    code: str
    check: Check
    defaults: Mapping[str, Any] = field(default_factory=dict)
    seeds: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Settings:
    """A guard's thresholds, language and time zone, as configured."""

    code: str
    values: Mapping[str, Any]
    config: Config
    durations: Mapping[str, timedelta] = field(default_factory=dict)

    @classmethod
    def of(cls, guard: Guard, config: Config) -> Settings:
        """Merge a guard's defaults with the configuration, refusing unknown settings.

        >>> Settings.of(Guard("x", lambda j, s: (), {"window": "1d"}),
        ...             Config(guards={"x": {"windw": "2d"}}))
        Traceback (most recent call last):
        ...
        mittelpunkt.exceptions.BadConfig: guards.x.windw: unknown setting (known: enabled, window)
        """
        given = dict(config.guard_settings(guard.code))
        known = {"enabled", *guard.defaults}
        for name in given:
            if name not in known:
                names = ", ".join(sorted(known))
                raise BadConfig(f"guards.{guard.code}.{name}: unknown setting (known: {names})")
        values = {**guard.defaults, **given}
        settings = cls(guard.code, values, config)
        settings.validate(guard.defaults)
        durations = {
            k: settings.duration(k) for k, v in guard.defaults.items() if isinstance(v, str)
        }
        return cls(guard.code, values, config, durations)

    @property
    def lang(self) -> str:
        """The language of summaries and actions."""
        return self.config.lang

    def validate(self, defaults: Mapping[str, Any]) -> None:
        """Check that every setting has the type of its default."""
        for name, default in defaults.items():
            if isinstance(default, str):
                self.duration(name)
            elif isinstance(default, int) and not isinstance(self.values[name], int):
                raise BadConfig(f"guards.{self.code}.{name}: must be a whole number")

    def duration(self, name: str) -> timedelta:
        """A duration setting (``"24h"``, ``"7d"``, or seconds)."""
        known = self.durations.get(name)
        if known is not None:
            return known
        try:
            return parse_duration(self.values[name])
        except TimeFormatError as error:
            raise BadConfig(f"guards.{self.code}.{name}: {error}") from None

    def number(self, name: str) -> int:
        """A whole-number setting (a count)."""
        return int(self.values[name])

    def say(self, texts: Mapping[str, str], **fields: object) -> str:
        """One of ``texts`` (by language), filled in."""
        return texts[self.lang].format(**fields)

    def date(self, moment: datetime) -> str:
        """A date as a person of the configured language reads it, in the customers' zone.

        >>> from datetime import UTC
        >>> Settings("x", {}, Config(lang="de")).date(datetime(2026, 9, 24, 8, tzinfo=UTC))
        '24.09.2026'
        """
        local = moment.astimezone(self.config.timezone)
        return local.strftime("%d.%m.%Y" if self.lang == "de" else "%Y-%m-%d")

    def action(
        self,
        kind: str,
        purpose: str | None = None,
        template: str | None = None,
        **details: Any,
    ) -> Action:
        """An action in the configured language."""
        return Action(kind, purpose, template, self.lang, details)

    def finding(
        self,
        journey: Journey,
        *,
        time: datetime,
        cause: str,
        severity: str,
        evidence: Iterable[str],
        summary: str,
        action: Action,
        **details: Any,
    ) -> Finding:
        """A finding of this guard on ``journey``."""
        return Finding(
            code=self.code,
            journey=journey.key,
            customer=journey.customer,
            time=time,
            severity=severity,
            evidence=tuple(dict.fromkeys(evidence)),
            summary=summary,
            action=action,
            cause=cause,
            details=details,
        )


def run_guards(journey: Journey, settings: Iterable[tuple[Guard, Settings]]) -> list[Finding]:
    """The guards' findings on one journey, up to its ``as_of``, once per cause.

    Findings a guard dates after ``as_of`` are dropped: nobody could have known them yet.
    """
    found: dict[str, Finding] = {}
    present = journey.by_type
    for guard, guard_settings in settings:
        if guard.needs and guard.needs.isdisjoint(present):
            continue
        for finding in guard.check(journey, guard_settings):
            if finding.time <= journey.as_of and finding.key not in found:
                found[finding.key] = finding
    return sorted(found.values(), key=lambda f: (f.time, f.code, f.cause))
