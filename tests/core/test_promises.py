from __future__ import annotations

from mittelpunkt.core.promises import Promise, ledger
from mittelpunkt.testing import at, event


def states(events: list, as_of: str) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.kind, p.state) for p in ledger(sorted(events, key=lambda e: e.order_key), at(as_of))]


def only(events: list, as_of: str) -> Promise:  # type: ignore[type-arg]
    (promise,) = ledger(sorted(events, key=lambda e: e.order_key), at(as_of))
    return promise


CONFIRMED = event(
    "c", "2026-03-02T09:00", "order.confirmed", order="O-1", promised_delivery="2026-03-06"
)
PLACED = event("p", "2026-03-02T08:59", "order.placed", order="O-1", items=[{"sku": "MAT"}])


def shipped(sku: str, name: str, day: str, *, kind: str | None = None) -> list:  # type: ignore[type-arg]
    item = {"sku": sku, **({"kind": kind} if kind else {})}
    return [
        event(
            f"{name}-c",
            f"{day}T08:00",
            "shipment.created",
            order="O-1",
            shipment=name,
            items=[item],
        ),
        event(f"{name}-d", f"{day}T15:00", "shipment.delivered", order="O-1", shipment=name),
    ]


def test_a_delivery_of_everything_ordered_in_time_keeps_the_promise() -> None:
    assert states([PLACED, CONFIRMED, *shipped("MAT", "S1", "2026-03-05")], "2026-03-09T00:00") == [
        ("delivery", "kept")
    ]


def test_a_catalog_alone_does_not_keep_a_delivery_promise() -> None:
    story = [PLACED, CONFIRMED, *shipped("CAT", "S1", "2026-03-03", kind="marketing")]
    assert states(story, "2026-03-09T00:00") == [("delivery", "broken")]


def test_a_promise_is_open_until_its_due_time_passes() -> None:
    assert states([PLACED, CONFIRMED], "2026-03-06T23:59") == [("delivery", "open")]
    broken = only([PLACED, CONFIRMED], "2026-03-07T00:01")
    assert broken.state == "broken"
    assert broken.closed_at == broken.due


def test_a_delay_told_before_the_due_time_is_an_honest_update() -> None:
    told = event(
        "m",
        "2026-03-05T10:00",
        "message.sent",
        order="O-1",
        channel="email",
        purpose="delay",
        new_due="2026-03-10",
    )
    promise = only([PLACED, CONFIRMED, told], "2026-03-08T00:00")
    assert promise.state == "updated"
    assert promise.due is not None
    assert promise.due.day == 10
    assert promise.original_due is not None
    assert promise.original_due.day == 6
    assert promise.evidence == ("c", "m")


def test_a_delay_told_after_the_due_time_does_not_mend_the_promise() -> None:
    late = event(
        "m",
        "2026-03-08T10:00",
        "message.sent",
        order="O-1",
        channel="email",
        purpose="delay",
        new_due="2026-03-10",
    )
    assert only([PLACED, CONFIRMED, late], "2026-03-09T00:00").state == "broken"


def test_a_late_delivery_is_remembered_on_the_broken_promise() -> None:
    promise = only([PLACED, CONFIRMED, *shipped("MAT", "S1", "2026-03-08")], "2026-03-09T00:00")
    assert promise.state == "broken"
    assert promise.kept_late_at == at("2026-03-08T15:00")


def test_a_cancellation_withdraws_open_promises() -> None:
    cancelled = event("x", "2026-03-03T10:00", "order.cancelled", order="O-1", by="customer")
    assert states([PLACED, CONFIRMED, cancelled], "2026-03-09T00:00") == [("delivery", "withdrawn")]


def test_an_offer_is_kept_by_reactivation_and_broken_by_refusal() -> None:
    offered = event(
        "o", "2026-03-03T10:00", "order.reactivation_offered", order="O-1", promise="R-1"
    )
    kept = event("k", "2026-03-04T10:00", "order.reactivated", order="O-1", promise="R-1")
    refused = event(
        "r", "2026-03-04T10:00", "order.reactivation_refused", order="O-1", promise="R-1"
    )
    assert states([offered, kept], "2026-03-05T00:00") == [("offer", "kept")]
    assert only([offered, refused], "2026-03-05T00:00").closed_by == "r"


def test_appointments_are_promises_of_their_own() -> None:
    first = event(
        "a1",
        "2026-03-02T10:00",
        "appointment.scheduled",
        case="K-1",
        appointment="A-1",
        at="2026-03-10T08:00",
    )
    second = event(
        "a2",
        "2026-03-02T10:01",
        "appointment.scheduled",
        case="K-1",
        appointment="A-2",
        at="2026-03-12T08:00",
    )
    done = event("d", "2026-03-10T09:00", "appointment.done", case="K-1", appointment="A-1")
    assert states([first, second, done], "2026-03-11T00:00") == [
        ("appointment", "kept"),
        ("appointment", "open"),
    ]


def test_a_promise_remade_after_it_broke_keeps_the_broken_one_in_the_ledger() -> None:
    again = event(
        "c2", "2026-03-08T09:00", "order.confirmed", order="O-1", promised_delivery="2026-03-12"
    )
    assert states([PLACED, CONFIRMED, again], "2026-03-09T00:00") == [
        ("delivery", "broken"),
        ("delivery", "open"),
    ]


def test_a_promise_made_with_a_past_due_breaks_when_it_is_made() -> None:
    past = event(
        "g",
        "2026-03-09T09:00",
        "promise.made",
        case="K-1",
        promise="P-1",
        kind="contact",
        due="2026-03-06",
    )
    assert only([past], "2026-03-10T00:00").closed_at == at("2026-03-09T09:00")


def test_callbacks_and_generic_promises() -> None:
    callback = event(
        "cb", "2026-03-02T10:00", "callback.promised", case="K-1", by="2026-03-02T12:00"
    )
    called = event("cd", "2026-03-02T11:00", "callback.done", case="K-1")
    made = event(
        "pm",
        "2026-03-02T10:00",
        "promise.made",
        case="K-1",
        promise="P-1",
        kind="contact",
        due="2026-03-04",
    )
    withdrawn = event("pw", "2026-03-03T10:00", "promise.withdrawn", case="K-1", promise="P-1")
    assert states([callback, called, made, withdrawn], "2026-03-05T00:00") == [
        ("callback", "kept"),
        ("contact", "withdrawn"),
    ]


def test_an_offer_the_customer_did_not_take_lapses_rather_than_breaks() -> None:
    offered = event(
        "o",
        "2026-03-03T10:00",
        "order.reactivation_offered",
        order="O-1",
        promise="R-1",
        until="2026-03-05",
    )
    lapsed = only([offered], "2026-03-09T00:00")
    assert lapsed.state == "withdrawn"
    assert lapsed.closed_by is None


def test_a_promise_made_again_without_a_date_withdraws_the_one_standing() -> None:
    first = event(
        "o1",
        "2026-03-02T10:00",
        "order.reactivation_offered",
        order="O-1",
        promise="R-1",
        until="2026-03-09",
    )
    again = event(
        "o2", "2026-03-03T10:00", "order.reactivation_offered", order="O-1", promise="R-1"
    )
    assert states([first, again], "2026-03-04T00:00") == [("offer", "withdrawn"), ("offer", "open")]
