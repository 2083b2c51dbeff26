from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from mittelpunkt.adapters.mapping import load_mapping, parse_mapping
from mittelpunkt.exceptions import BadConfig

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "mappings"


def test_a_full_mapping_is_read() -> None:
    mapping = parse_mapping(
        {
            "source": {
                "case": "ticket",
                "activity": ["status", "substatus"],
                "time": "at",
                "customer": "who",
                "timezone": "Europe/Amsterdam",
                "covers": ["cases", "messages"],
            },
            "activities": {"Open/New": {"type": "case.opened"}},
            "default": {"type": "x-step"},
            "promises": {
                "resolution": {"after": "case.opened", "within": "5d", "kept_by": "case.resolved"}
            },
            "reopen": {"after": ["Closed/Done"]},
        }
    )
    assert mapping.activity == ("status", "substatus")
    assert mapping.rule("Open/New").type == "case.opened"
    assert mapping.rule("anything else").type == "x-step"
    assert mapping.promises[0].within == timedelta(days=5)
    assert mapping.covers == {"cases", "messages"}
    assert mapping.reopen_after == {"Closed/Done"}
    assert mapping.named_columns == {"ticket", "status", "substatus", "at", "who"}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"sources": {}}, "sources: unknown key"),
        ({"source": {"cas": "x"}}, "source.cas: unknown key"),
        ({"source": {"case": 7}}, "source.case: must be a non-empty string"),
        ({"source": {"case_object": "ticket"}}, "source.case_object: must be 'case' or 'order'"),
        ({"source": {"activity": []}}, "source.activity: must be a name or a non-empty list"),
        ({"source": {"timezone": "Mars/Base"}}, "source.timezone: unknown time zone"),
        ({"activities": {"A": {"type": "case.opend"}}}, 'activities."A".type: unknown type'),
        ({"activities": {"A": {"type": "case.waiting"}}}, 'activities."A": case.waiting needs'),
        ({"activities": {"A": {"type": "x-a", "dat": {}}}}, 'activities."A".dat: unknown key'),
        ({"default": {"type": "message.sent", "data": {"channel": "email"}}}, "needs data.purpose"),
        ({"promises": {"r": {"after": "case.opened", "within": "5d"}}}, "promises.r.kept_by"),
        ({"promises": {"d": {"after": "order.confirmed", "within": "soon"}}}, "promises.d.within"),
        ({"reopen": {"after": "Closed", "when": 1}}, "reopen.when: unknown key"),
    ],
)
def test_errors_name_the_key(raw: dict[str, object], message: str) -> None:
    with pytest.raises(BadConfig, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_mapping(raw)


def test_a_policy_fills_the_due_field_a_type_needs() -> None:
    mapping = parse_mapping(
        {
            "activities": {"confirm": {"type": "order.confirmed"}},
            "promises": {"delivery": {"after": "order.confirmed", "within": "7d"}},
        }
    )
    assert mapping.rule("confirm").type == "order.confirmed"


def test_items_may_come_from_ocel_objects() -> None:
    with pytest.raises(BadConfig, match=r"order\.placed needs data\.items"):
        parse_mapping({"activities": {"p": {"type": "order.placed"}}})
    mapping = parse_mapping(
        {"source": {"items_object": "items"}, "activities": {"p": {"type": "order.placed"}}}
    )
    assert mapping.items_object == "items"


def test_a_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("[source\n")
    with pytest.raises(BadConfig, match=r"m\.toml: not valid TOML"):
        load_mapping(path)
    with pytest.raises(BadConfig, match="cannot read"):
        load_mapping(tmp_path / "missing.toml")


def test_the_digest_changes_with_the_mapping() -> None:
    assert parse_mapping({}).digest == parse_mapping({}).digest
    assert parse_mapping({}).digest != parse_mapping({"source": {"case": "x"}}).digest


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_the_example_mappings_are_valid(path: Path) -> None:
    mapping = load_mapping(path)
    assert mapping.covers, "an example says what its log records"
