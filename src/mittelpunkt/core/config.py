"""Configuration of the guards: thresholds, consent policy, language and time zone.

Configuration arrives as a mapping (the CLI reads it from TOML); every value is checked
here, and an error names the key.

>>> config = Config.from_mapping({"lang": "de", "guards": {"no_news": {"window": "3d"}}})
>>> config.lang, config.guard_settings("no_news")["window"]
('de', '3d')
>>> Config.from_mapping({"lang": "fr"})
Traceback (most recent call last):
...
mittelpunkt.exceptions.BadConfig: lang: must be 'de' or 'en', not 'fr'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta, tzinfo
from typing import Any

from mittelpunkt.core.times import BERLIN, TimeFormatError, parse_duration, zone
from mittelpunkt.exceptions import BadConfig

__all__ = ["CONSENT_PURPOSES", "LANGUAGES", "Config"]

LANGUAGES = frozenset({"de", "en"})
CONSENT_PURPOSES = frozenset({"newsletter", "catalog", "sms", "phone", "survey"})
_POLICIES = frozenset({"opt-in", "opt-out"})
_TOP_KEYS = frozenset(
    {"lang", "timezone", "default_timezone", "lateness", "guards", "consent", "templates"}
)


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the guards may be told.

    Attributes:
        lang: the language of summaries and actions (``de`` or ``en``).
        timezone: the customers' time zone (a due date alone ends in it).
        default_tz: the zone for event times without offset; None makes them an error.
        lateness: how late an event may arrive and still count, live.
        guards: per guard code, its settings (``window``, ``limit``...) and ``enabled``.
        consent: per purpose, ``opt-in`` (the default) or ``opt-out``.
        templates: message template names or texts, passed through to actions.
    """

    lang: str = "en"
    timezone: tzinfo = BERLIN
    default_tz: tzinfo | None = None
    lateness: timedelta = timedelta(0)
    guards: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    consent: Mapping[str, str] = field(default_factory=dict)
    templates: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Config:
        """Check a decoded configuration (a TOML document) and build the config.

        >>> Config.from_mapping({"consent": {"newsletter": "opt-out"}}).consent_policy("sms")
        'opt-in'
        """
        unknown = sorted(set(raw) - _TOP_KEYS)
        if unknown:
            raise BadConfig(
                f"{unknown[0]}: unknown setting (known: {', '.join(sorted(_TOP_KEYS))})"
            )
        return cls(
            lang=_lang(raw.get("lang", "en")),
            timezone=_zone(raw.get("timezone"), "timezone") or BERLIN,
            default_tz=_zone(raw.get("default_timezone"), "default_timezone"),
            lateness=_duration(raw.get("lateness", 0), "lateness"),
            guards=_table(raw.get("guards", {}), "guards"),
            consent=_consent(raw.get("consent", {})),
            templates=_table(raw.get("templates", {}), "templates"),
        )

    def guard_settings(self, code: str) -> Mapping[str, Any]:
        """The settings given for one guard (without its defaults)."""
        return self.guards.get(code, {})

    def enabled(self, code: str) -> bool:
        """Whether a guard runs (all do unless ``enabled = false``).

        >>> Config.from_mapping({"guards": {"bot_loop": {"enabled": False}}}).enabled("bot_loop")
        False
        """
        return bool(self.guard_settings(code).get("enabled", True))

    def consent_policy(self, purpose: str) -> str:
        """``opt-in`` (consent needed) or ``opt-out`` (allowed until revoked)."""
        return self.consent.get(purpose, "opt-in")


def _lang(value: object) -> str:
    if value not in LANGUAGES:
        raise BadConfig(f"lang: must be 'de' or 'en', not {value!r}")
    return str(value)


def _zone(value: object, key: str) -> tzinfo | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadConfig(f"{key}: must be a time zone name such as 'Europe/Berlin'")
    try:
        return zone(value)
    except TimeFormatError as error:
        raise BadConfig(f"{key}: {error}") from None


def _duration(value: object, key: str) -> timedelta:
    try:
        return parse_duration(value)
    except TimeFormatError as error:
        raise BadConfig(f"{key}: {error}") from None


def _table(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise BadConfig(f"{key}: must be a table")
    for name, inner in value.items():
        if key == "guards" and not isinstance(inner, Mapping):
            raise BadConfig(f"{key}.{name}: must be a table of settings")
    return dict(value)


def _consent(value: object) -> Mapping[str, str]:
    table = _table(value, "consent")
    for purpose, policy in table.items():
        if purpose not in CONSENT_PURPOSES:
            raise BadConfig(f"consent.{purpose}: unknown purpose")
        if policy not in _POLICIES:
            raise BadConfig(f"consent.{purpose}: must be 'opt-in' or 'opt-out'")
    return dict(table)
