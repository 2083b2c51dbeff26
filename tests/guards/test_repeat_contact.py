from __future__ import annotations

from mittelpunkt.core.events import Event
from mittelpunkt.guards.repeat_contact import GUARD
from mittelpunkt.testing import at, event, findings_of

# Seed 002: a dishwasher that does not work; eight contacts in a week, still no appointment.
CONTACTS_002 = [
    ("c1", "2021-03-01T10:00", "phone", "Die neue Spülmaschine funktioniert nicht."),
    ("c2", "2021-03-02T09:30", "email", "Wann kommt ein Techniker?"),
    ("c3", "2021-03-03T11:00", "phone", "Ich warte immer noch auf einen Termin."),
    ("c4", "2021-03-04T08:15", "phone", "Der Hersteller sagt, der Händler ist zuständig."),
    ("c5", "2021-03-04T15:00", "email", "Bitte nennen Sie mir einen Termin."),
    ("c6", "2021-03-05T10:00", "phone", "Der Installateur verweist auf den Hersteller."),
    ("c7", "2021-03-06T12:00", "social", "Acht Tage ohne Spülmaschine."),
    ("c8", "2021-03-08T09:00", "phone", "Gibt es jetzt einen Termin?"),
]


def seed_002(contacts: int = 8, *extra: Event) -> list[Event]:
    return [
        event("k1", "2021-03-01T10:00", "case.opened", case="K-2", topic="defect"),
        *(
            event(i, t, "contact.inbound", case="K-2", channel=ch, text=text)
            for i, t, ch, text in CONTACTS_002[:contacts]
        ),
        *extra,
    ]


def seed_004() -> list[Event]:
    """Seed 004: "when?", "can I cancel?", "never mind" about one late order."""
    return [
        event(
            "o1",
            "2020-05-04T10:00",
            "order.placed",
            order="O-4",
            channel="web",
            items=[{"sku": "NB-1"}],
        ),
        event(
            "o2", "2020-05-04T10:05", "order.confirmed", order="O-4", promised_delivery="2020-05-08"
        ),
        event(
            "c1",
            "2020-05-09T09:00",
            "contact.inbound",
            order="O-4",
            channel="email",
            text="Wann?",
            intent="status_inquiry",
        ),
        event(
            "m1",
            "2020-05-09T15:00",
            "message.sent",
            order="O-4",
            channel="email",
            purpose="answer",
            text="Verzögert sich um ca. zwei Wochen.",
        ),
        event(
            "c2",
            "2020-05-10T09:00",
            "contact.inbound",
            order="O-4",
            channel="email",
            text="Kann man das stornieren?",
            intent="cancel_question",
        ),
        event(
            "c3",
            "2020-05-10T12:00",
            "contact.inbound",
            order="O-4",
            channel="email",
            text="Hat sich erübrigt.",
            intent="withdraw",
        ),
        event("x1", "2020-05-11T09:00", "order.cancelled", order="O-4", by="customer"),
        event(
            "c4",
            "2020-05-11T10:00",
            "contact.inbound",
            order="O-4",
            channel="email",
            text="Von wem?",
        ),
    ]


def test_fires_once_on_seed_002() -> None:
    [finding] = findings_of(GUARD, seed_002())
    assert finding.code == "repeat_contact"
    assert finding.time == at("2021-03-03T11:00")
    assert finding.evidence == ("c3", "c1", "c2")
    assert finding.severity == "medium"
    assert finding.action.kind == "handover"
    assert finding.action.details["callback"] is True
    assert finding.action.details["contacts"] == ["c1", "c2", "c3"]


def test_fires_on_seed_004_before_the_cancellation() -> None:
    [finding] = findings_of(GUARD, seed_004())
    assert finding.time == at("2020-05-10T12:00")
    assert finding.evidence == ("c3", "c1", "c2")


def test_summary_in_german() -> None:
    [finding] = findings_of(GUARD, seed_002(), config={"lang": "de"})
    assert finding.summary == (
        "Der Kunde musste sich seit 01.03.2021 schon 3-mal melden, und der Vorgang ist "
        "immer noch offen."
    )


def test_silent_on_the_good_twin() -> None:
    # The first contact is taken over: one owner schedules the technician and solves it.
    story = seed_002(
        2,
        event(
            "a1",
            "2021-03-02T12:00",
            "appointment.scheduled",
            case="K-2",
            appointment="A-1",
            at="2021-03-03T10:00",
        ),
        event("a2", "2021-03-03T11:00", "appointment.done", case="K-2", appointment="A-1"),
        event("k2", "2021-03-03T11:30", "case.resolved", case="K-2"),
    )
    assert findings_of(GUARD, story) == []


def test_just_below_and_at_the_default() -> None:
    assert findings_of(GUARD, seed_002(2)) == []
    assert len(findings_of(GUARD, seed_002(3))) == 1


def test_configured_nth() -> None:
    config = {"guards": {"repeat_contact": {"nth": 5}}}
    assert findings_of(GUARD, seed_002(4), config=config) == []
    [finding] = findings_of(GUARD, seed_002(8), config=config)
    assert finding.time == at("2021-03-04T15:00")


def test_counting_restarts_when_the_journey_reopens() -> None:
    story = seed_002(
        3,
        event("k2", "2021-03-03T12:00", "case.resolved", case="K-2"),
        event("c9", "2021-03-10T10:00", "contact.inbound", case="K-2", channel="phone"),
        event("k3", "2021-03-10T10:00", "case.reopened", case="K-2"),
        event("c10", "2021-03-11T10:00", "contact.inbound", case="K-2", channel="phone"),
        event("c11", "2021-03-12T10:00", "contact.inbound", case="K-2", channel="phone"),
    )
    findings = findings_of(GUARD, story)
    assert [f.evidence[0] for f in findings] == ["c3", "c11"]
    assert len({f.cause for f in findings}) == 2


def test_contacts_while_closed_do_not_count() -> None:
    story = seed_002(
        1,
        event("k2", "2021-03-01T12:00", "case.resolved", case="K-2"),
        event("c2", "2021-03-02T10:00", "contact.inbound", case="K-2", channel="phone"),
        event("c3", "2021-03-03T10:00", "contact.inbound", case="K-2", channel="email"),
    )
    assert findings_of(GUARD, story) == []


def test_one_conversation_is_one_contact() -> None:
    chat = [
        event(
            f"h{n}",
            f"2021-03-02T10:0{n}",
            "contact.inbound",
            case="K-2",
            channel="chat",
            conversation="CH-1",
        )
        for n in range(5)
    ]
    assert findings_of(GUARD, seed_002(1, *chat)) == []
    assert len(findings_of(GUARD, seed_002(2, *chat))) == 1


def test_silent_on_a_journey_that_is_never_open() -> None:
    story = [
        event(f"c{n}", f"2021-03-0{n}T10:00", "contact.inbound", channel="phone")
        for n in range(1, 6)
    ]
    assert story[0].journey == "customer:C-1"
    assert findings_of(GUARD, story) == []


def test_same_finding_whatever_the_arrival_order() -> None:
    story = seed_002()
    assert findings_of(GUARD, story[::-1]) == findings_of(GUARD, story)
