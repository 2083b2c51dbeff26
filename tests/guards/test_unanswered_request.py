from __future__ import annotations

from typing import Any

from mittelpunkt.core.events import Event
from mittelpunkt.guards.unanswered_request import GUARD
from mittelpunkt.language import read_intent
from mittelpunkt.testing import at, event, findings_of

AS_OF = "2020-05-25T12:00"


def mail(event_id: str, time: str, text: str, **data: Any) -> Event:
    return event(event_id, time, "contact.inbound", order="O-4", channel="email", text=text, **data)


def reply(event_id: str, time: str, purpose: str = "answer", **data: Any) -> Event:
    return event(
        event_id, time, "message.sent", order="O-4", channel="email", purpose=purpose, **data
    )


def seed_004(*answers: Event) -> list[Event]:
    """Seed 004, after the cancellation: reactivation asked for, chased twice, then refused."""
    return [
        event(
            "o1",
            "2020-05-04T10:00",
            "order.placed",
            order="O-4",
            channel="web",
            items=[{"sku": "NB-1"}],
        ),
        event("x1", "2020-05-11T09:00", "order.cancelled", order="O-4", by="customer"),
        mail("c4", "2020-05-11T10:00", "Von wem?"),
        event("r1", "2020-05-11T14:00", "order.reactivation_offered", order="O-4"),
        reply(
            "m2",
            "2020-05-11T14:00",
            text="Der Betrag wird Ihnen rücküberwiesen. Sollten "
            "Sie das nicht wollen, können wir die Bestellung wieder reaktivieren.",
        ),
        mail(
            "c5",
            "2020-05-11T16:00",
            "Ja, ich bitte um Reaktivierung. Bitte senden Sie mir eine Bestätigung.",
            intent=["reactivation_request", "confirmation_request"],
        ),
        mail(
            "c6",
            "2020-05-14T09:00",
            "Ich warte noch auf die Bestätigung der Reaktivierung.",
            intent="confirmation_request",
        ),
        mail(
            "c7",
            "2020-05-18T09:00",
            "Nochmals: bitte bestätigen Sie die Reaktivierung.",
            intent="confirmation_request",
        ),
        event("r2", "2020-05-18T15:00", "order.reactivation_refused", order="O-4"),
        reply("m3", "2020-05-18T15:00", text="Ist nicht möglich."),
        *answers,
    ]


def test_fires_on_seed_004_for_the_request_and_the_first_chase() -> None:
    request, chase = findings_of(GUARD, seed_004(), as_of=AS_OF)
    assert (request.code, chase.code) == ("unanswered_request", "unanswered_request")
    assert (request.time, chase.time) == (at("2020-05-13T16:00"), at("2020-05-16T09:00"))
    assert (request.evidence, chase.evidence) == (("c5",), ("c6",))
    assert request.severity == "medium"
    assert request.action.kind == "notify"
    assert request.action.purpose == "answer"
    assert request.action.details["request"] == "c5"
    assert request.details["asks"] == ["reactivation_request", "confirmation_request"]
    assert request.summary == (
        "The customer's request of 2020-05-11 (request to reactivate, request for a "
        "confirmation) got no answer within 48 hours."
    )


def test_summary_in_german() -> None:
    findings = findings_of(GUARD, seed_004(), as_of=AS_OF, config={"lang": "de"})
    assert findings[1].summary == (
        "Die Anfrage des Kunden vom 14.05.2020 (Bitte um Bestätigung) blieb 48 Stunden "
        "ohne Antwort."
    )


def test_silent_on_the_good_twin() -> None:
    story = seed_004(reply("m9", "2020-05-11T17:00", "confirmation"))
    story = [e for e in story if e.id not in ("c6", "c7")]
    assert findings_of(GUARD, story, as_of=AS_OF) == []


def test_answer_just_inside_and_just_outside_the_window() -> None:
    inside = [e for e in seed_004(reply("m9", "2020-05-13T16:00")) if e.id != "c6"]
    outside = [e for e in seed_004(reply("m9", "2020-05-13T16:01")) if e.id != "c6"]
    assert findings_of(GUARD, inside, as_of=AS_OF) == []
    assert [f.evidence for f in findings_of(GUARD, outside, as_of=AS_OF)] == [("c5",)]


def test_not_before_the_deadline() -> None:
    assert [f.evidence for f in findings_of(GUARD, seed_004(), as_of="2020-05-13T15:59")] == []
    assert [f.evidence for f in findings_of(GUARD, seed_004(), as_of="2020-05-13T16:00")] == [
        ("c5",)
    ]


def test_configured_window() -> None:
    config = {"guards": {"unanswered_request": {"window": "3h"}}}
    findings = findings_of(GUARD, seed_004(), as_of=AS_OF, config=config)
    assert (findings[0].evidence, findings[0].time) == (("c4",), at("2020-05-11T13:00"))
    assert "3 hours" in findings[0].summary
    assert len(findings) == 4


def test_surveys_and_marketing_are_no_answer() -> None:
    story = [
        e
        for e in seed_004(
            reply("m8", "2020-05-12T09:00", "survey"), reply("m9", "2020-05-12T10:00", "marketing")
        )
        if e.id != "c6"
    ]
    assert [f.evidence for f in findings_of(GUARD, story, as_of=AS_OF)] == [("c5",)]


def test_a_call_taken_by_a_person_is_its_own_answer() -> None:
    call = event(
        "c9",
        "2020-05-20T10:00",
        "contact.inbound",
        order="O-4",
        channel="phone",
        text="Wo ist meine Bestätigung?",
        handled_by="human",
    )
    assert findings_of(GUARD, [*seed_004(), call], as_of=AS_OF) == findings_of(
        GUARD, seed_004(), as_of=AS_OF
    )


def test_an_unanswered_call_or_a_bot_is_not() -> None:
    missed = event(
        "c9",
        "2020-05-20T10:00",
        "contact.inbound",
        order="O-4",
        channel="phone",
        intent="complaint",
        reached=False,
    )
    bot = event(
        "c9",
        "2020-05-20T10:00",
        "contact.inbound",
        order="O-4",
        channel="chat",
        intent="complaint",
        handled_by="bot",
    )
    for contact in (missed, bot):
        findings = findings_of(GUARD, [*seed_004(), contact], as_of=AS_OF)
        assert findings[-1].evidence == ("c9",)


def test_a_later_call_or_callback_answers_an_earlier_request() -> None:
    call = event("c9", "2020-05-12T10:00", "contact.inbound", order="O-4", channel="phone")
    callback = event("b9", "2020-05-12T10:00", "callback.done", order="O-4")
    for answer in (call, callback):
        findings = findings_of(GUARD, seed_004(answer), as_of=AS_OF)
        assert [f.evidence for f in findings] == [("c6",)]


def test_silent_when_the_meaning_is_unknown() -> None:
    statement = mail("c9", "2020-05-19T10:00", "Ich habe Ihnen geschrieben.")
    no_text = event("c10", "2020-05-19T11:00", "contact.inbound", order="O-4", channel="email")
    findings = findings_of(GUARD, seed_004(statement, no_text), as_of=AS_OF)
    assert [f.evidence for f in findings] == [("c5",), ("c6",)]


def test_a_question_counts_only_in_the_customers_own_words() -> None:
    quoted = mail(
        "c9",
        "2020-05-19T10:00",
        "Vielen Dank, die Lieferadresse ist jetzt richtig.\n\n"
        "> Am 18.05. schrieb Kundenservice:\n> Ist die Adresse so korrekt?",
    )
    asking = mail("c9", "2020-05-19T10:00", "Danke. Ob die Adresse jetzt stimmt, weiß ich nicht")
    later = "2020-06-01T00:00"
    assert not findings_of(GUARD, [quoted], as_of=later, classifier=read_intent)
    assert findings_of(GUARD, [quoted], as_of=later), "without a reader, '?' counts"
    found = findings_of(GUARD, [asking], as_of=later, classifier=read_intent)
    assert [f.evidence for f in found] == [("c9",)]
