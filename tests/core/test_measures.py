from __future__ import annotations

from mittelpunkt.core.measures import Tally, combine, measures, tally
from mittelpunkt.testing import event, journey_of

PLACED = event("p", "2026-03-02T09:00", "order.placed", order="O-1", items=[{"sku": "MAT"}])
CONFIRMED = event(
    "c", "2026-03-02T09:01", "order.confirmed", order="O-1", promised_delivery="2026-03-06"
)


def delivered(day: str) -> list:  # type: ignore[type-arg]
    return [
        event(
            "s",
            f"{day}T08:00",
            "shipment.created",
            order="O-1",
            shipment="S",
            items=[{"sku": "MAT"}],
        ),
        event("d", f"{day}T12:00", "shipment.delivered", order="O-1", shipment="S"),
    ]


def test_kept_and_broken_promises_make_the_promise_kept_rate() -> None:
    on_time = tally(journey_of([PLACED, CONFIRMED, *delivered("2026-03-05")]))
    late = tally(journey_of([PLACED, CONFIRMED, *delivered("2026-03-09")]))
    result = measures(combine([on_time, late]))
    assert result["promise_kept_rate"] == 0.5
    assert result["promise_kept_rate_by_kind"] == {"delivery": 0.5}
    # opened 03-02 09:00; delivered 03-05 12:00 (75 h) and 03-09 12:00 (171 h)
    assert result["time_to_resolution_median_hours"] == 123.0


def test_a_delay_told_before_the_old_date_and_before_asking_is_proactive() -> None:
    learned = event("l", "2026-03-03T09:00", "shipment.delayed", order="O-1", new_eta="2026-03-10")
    told = event(
        "t",
        "2026-03-03T12:00",
        "message.sent",
        order="O-1",
        channel="email",
        purpose="delay",
        new_due="2026-03-10",
    )
    asked = event(
        "a",
        "2026-03-07T09:00",
        "contact.inbound",
        order="O-1",
        channel="phone",
        intent="status_inquiry",
    )
    proactive = tally(journey_of([PLACED, CONFIRMED, learned, told]))
    silent = tally(journey_of([PLACED, CONFIRMED, learned, asked]))
    result = measures(combine([proactive, silent]))
    assert result["proactive_rate"] == 0.5
    assert result["honest_update_rate"] == 0.5
    assert result["failure_demand_rate"] == 1.0


def test_a_contact_chasing_an_unanswered_request_is_failure_demand() -> None:
    asks = event(
        "q",
        "2026-03-03T09:00",
        "contact.inbound",
        order="O-1",
        channel="email",
        intent="confirmation_request",
    )
    chases = event(
        "r", "2026-03-05T09:00", "contact.inbound", order="O-1", channel="email", intent="other"
    )
    result = measures(tally(journey_of([PLACED, CONFIRMED, asks, chases])))
    assert result["failure_demand_rate"] == 0.5
    assert result["contacts_per_journey"] == 2.0


def test_surveys_before_resolution_count_against_hygiene() -> None:
    early = event(
        "v", "2026-03-03T09:00", "message.sent", order="O-1", channel="sms", purpose="survey"
    )
    later = event(
        "w", "2026-03-07T09:00", "message.sent", order="O-1", channel="sms", purpose="survey"
    )
    result = measures(
        tally(journey_of([PLACED, CONFIRMED, early, *delivered("2026-03-05"), later]))
    )
    assert result["survey_hygiene"] == 0.5


def test_customer_effort_adds_contacts_identifications_and_waiting_minutes() -> None:
    call = event(
        "k",
        "2026-03-03T09:00",
        "contact.inbound",
        order="O-1",
        channel="phone",
        wait_seconds=600,
        identified_with=["birthdate"],
    )
    assert measures(tally(journey_of([PLACED, call])))["customer_effort"] == 12.0


def test_nothing_counted_gives_no_rate_rather_than_a_made_up_one() -> None:
    result = measures(Tally())
    assert result["promise_kept_rate"] is None
    assert result["failure_demand_rate"] is None
    assert (Tally(journeys=1) + Tally(journeys=2)).journeys == 3


def test_a_promise_moved_honestly_and_then_kept_counts_as_an_honest_update() -> None:
    told = event(
        "t",
        "2026-03-05T12:00",
        "message.sent",
        order="O-1",
        channel="email",
        purpose="delay",
        new_due="2026-03-10",
    )
    result = measures(tally(journey_of([PLACED, CONFIRMED, told, *delivered("2026-03-09")])))
    assert result["honest_update_rate"] == 1.0
    assert result["promise_kept_rate"] == 1.0
