"""A seeded, reproducible world of shop orders and telco cases, right and wrong.

Every customer lives through one to three journeys. Most go right; the rest fail the way the
seed stories did, at rates configured in :class:`World`: delays nobody mentions, catalogs
announced as orders, surveys before the problem is solved, questions taken for
cancellations, offers taken back, queues, looping chatbots, double appointments. The world
is a stream of canonical event dicts, customer by customer, so a million events need no
more memory than one customer's.

>>> events = list(generate_world(World(customers=20, seed=7)))
>>> len(events) > 100, events == list(generate_world(World(customers=20, seed=7)))
(True, True)
>>> {"order.placed", "case.opened", "contact.inbound"} <= {e["type"] for e in events}
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from mittelpunkt.demo.texts import CUSTOMER_TEXTS

__all__ = ["World", "generate_world"]

Raw = dict[str, Any]
LONG_WAIT_SECONDS = 900  # the default queue limit of ``long_wait``


@dataclass(frozen=True, slots=True)
class World:
    """The size, seed and failure rates of a demo world."""

    customers: int = 3000
    seed: int = 2026
    start: datetime = datetime(2026, 9, 1, 7, tzinfo=UTC)
    span_days: int = 60
    shop_share: float = 0.65
    rates: dict[str, float] = field(
        default_factory=lambda: {
            "delay": 0.18,
            "delay_told": 0.55,
            "late": 0.08,
            "catalog_first": 0.06,
            "premature_survey": 0.08,
            "newsletter": 0.35,
            "consent": 0.7,
            "cancel_question": 0.03,
            "offer_refused": 0.5,
            "waiting_on_customer": 0.25,
            "asked_for_info": 0.6,
            "double_appointment": 0.15,
            "bot": 0.3,
            "bot_loop": 0.35,
            "long_wait": 0.2,
            "callback_offered": 0.5,
            "labelled": 0.5,
            "survey": 0.5,
            "appointment": 0.3,
            "late_resolution": 0.3,
            "status_updates": 0.6,
            "unresolved": 0.1,
            "english": 0.3,
        }
    )


@dataclass
class _Journal:
    """The events of one customer, as they are written."""

    customer: str
    lang: str
    rnd: random.Random
    labelled: float = 0.5
    events: list[Raw] = field(default_factory=list)

    def add(
        self, when: datetime, event_type: str, refs: dict[str, str] | None = None, /, **data: Any
    ) -> datetime:
        number = len(self.events) + 1
        event: Raw = {
            "id": f"{self.customer}-{number}",
            "time": when.isoformat(),
            "type": event_type,
            "customer": self.customer,
        }
        if refs:
            event["refs"] = refs
        if data:
            event["data"] = data
        self.events.append(event)
        return when

    def say(
        self, when: datetime, refs: dict[str, str], intent: str, channel: str, /, **extra: Any
    ) -> datetime:
        text = self.rnd.choice(CUSTOMER_TEXTS[self.lang][intent])
        labelled = {"intent": intent} if self.rnd.random() < self.labelled else {}
        return self.add(
            when, "contact.inbound", refs, channel=channel, text=text, **labelled, **extra
        )

    def hours(self, low: float, high: float) -> timedelta:
        return timedelta(hours=self.rnd.uniform(low, high))


def generate_world(world: World) -> Iterator[Raw]:
    """The world's events, customer by customer (each customer's in time order)."""
    rnd = random.Random(world.seed)  # noqa: S311 - reproducible demo data, not security
    for number in range(1, world.customers + 1):
        lang = "en" if rnd.random() < world.rates["english"] else "de"
        journal = _Journal(f"C-{number:06d}", lang, rnd, world.rates["labelled"])
        _customer(journal, world)
        yield from sorted(journal.events, key=lambda e: e["time"])


def _customer(journal: _Journal, world: World) -> None:
    rnd, rates = journal.rnd, world.rates
    first = world.start + timedelta(hours=rnd.uniform(0, 24 * world.span_days))
    if rnd.random() < rates["newsletter"]:
        _newsletter(journal, first, rates)
    for index in range(rnd.choice((1, 1, 1, 2, 2, 3))):
        begin = first + timedelta(days=12 * index)
        if rnd.random() < world.shop_share:
            _order(journal, begin, f"{journal.customer}-O{index}", rates, first=index == 0)
        else:
            _case(journal, begin, f"{journal.customer}-K{index}", rates)


def _newsletter(journal: _Journal, when: datetime, rates: dict[str, float]) -> None:
    if journal.rnd.random() < rates["consent"]:
        journal.add(
            when - timedelta(days=30), "consent.granted", purpose="newsletter", channel="email"
        )
    journal.add(
        when + timedelta(days=3),
        "message.sent",
        channel="email",
        purpose="marketing",
        text="Newsletter",
    )


def _order(
    journal: _Journal, start: datetime, order: str, rates: dict[str, float], *, first: bool
) -> None:
    rnd, refs = journal.rnd, {"order": order}
    items = [{"sku": f"SKU-{rnd.randint(1, 400)}"} for _ in range(rnd.choice((1, 1, 2, 3)))]
    journal.add(
        start,
        "order.placed",
        refs,
        items=items,
        channel=rnd.choice(("web", "app")),
        first_order=first,
    )
    due = start + timedelta(days=rnd.choice((3, 4, 5)))
    journal.add(
        start + timedelta(minutes=2),
        "order.confirmed",
        refs,
        promised_delivery=due.date().isoformat(),
    )
    if first and rnd.random() < rates["catalog_first"]:
        _catalog_first(journal, start, refs)
    arrival = _delivery_time(journal, start, due, refs, rates)
    if rnd.random() < rates["cancel_question"]:
        _cancel_question(journal, start + timedelta(days=2), refs, rates)
        return
    _ship(journal, arrival, refs, items, f"{order}-S1")
    _survey(journal, arrival, refs, rates, resolved=True)


def _delivery_time(
    journal: _Journal, start: datetime, due: datetime, refs: dict[str, str], rates: dict[str, float]
) -> datetime:
    rnd = journal.rnd
    arrival = due - journal.hours(6, 40)
    if rnd.random() < rates["delay"]:
        learned = start + journal.hours(20, 60)
        new_eta = due + timedelta(days=rnd.randint(2, 9))
        journal.add(
            learned, "shipment.delayed", refs, new_eta=new_eta.date().isoformat(), reason="supplier"
        )
        if rnd.random() < rates["delay_told"]:
            journal.add(
                learned + journal.hours(1, 20),
                "message.sent",
                refs,
                channel="email",
                purpose="delay",
                new_due=new_eta.date().isoformat(),
            )
        else:
            journal.say(due + journal.hours(10, 40), refs, "status_inquiry", "email")
        arrival = new_eta - journal.hours(6, 30)
    elif rnd.random() < rates["late"]:
        arrival = due + journal.hours(20, 80)
    return arrival


def _ship(
    journal: _Journal,
    arrival: datetime,
    refs: dict[str, str],
    items: list[dict[str, str]],
    shipment: str,
) -> None:
    parcel = {**refs, "shipment": shipment}
    sent = arrival - journal.hours(20, 30)
    journal.add(sent, "shipment.created", parcel, items=items)
    journal.add(sent + timedelta(hours=1), "shipment.dispatched", parcel)
    journal.add(
        sent + timedelta(hours=1, minutes=5),
        "message.sent",
        parcel,
        channel="email",
        purpose="status",
        claims={"order_on_the_way": True},
    )
    journal.add(arrival, "shipment.delivered", parcel)


def _catalog_first(journal: _Journal, start: datetime, refs: dict[str, str]) -> None:
    parcel = {**refs, "shipment": f"{refs['order']}-CAT"}
    journal.add(
        start + timedelta(hours=5),
        "shipment.created",
        parcel,
        items=[{"sku": "CATALOG", "kind": "marketing"}],
    )
    journal.add(
        start + timedelta(hours=6),
        "message.sent",
        parcel,
        channel="email",
        purpose="status",
        claims={"order_on_the_way": True},
    )
    journal.add(start + timedelta(hours=30), "shipment.delivered", parcel)
    journal.say(start + timedelta(hours=32), refs, "complaint", "phone", handled_by="human")


def _cancel_question(
    journal: _Journal, when: datetime, refs: dict[str, str], rates: dict[str, float]
) -> None:
    question = journal.say(when, refs, "cancel_question", "email")
    basis = journal.events[-1]["id"]
    journal.add(
        question + journal.hours(10, 30), "order.cancelled", refs, by="customer", basis=basis
    )
    offer = {**refs, "promise": f"{refs['order']}-R"}
    offered = journal.add(question + journal.hours(31, 40), "order.reactivation_offered", offer)
    accepted = journal.say(offered + journal.hours(2, 20), refs, "reactivation_request", "email")
    if journal.rnd.random() < rates["offer_refused"]:
        journal.add(accepted + journal.hours(60, 120), "order.reactivation_refused", offer)
    else:
        journal.add(accepted + journal.hours(2, 20), "order.reactivated", offer)


def _survey(
    journal: _Journal,
    resolved_at: datetime,
    refs: dict[str, str],
    rates: dict[str, float],
    *,
    resolved: bool,
) -> None:
    rnd = journal.rnd
    if rnd.random() < rates["premature_survey"]:
        journal.add(
            resolved_at - journal.hours(30, 60),
            "message.sent",
            refs,
            channel=rnd.choice(("sms", "app")),
            purpose="survey",
        )
    elif resolved and rnd.random() < rates["survey"]:
        journal.add(
            resolved_at + journal.hours(24, 72),
            "message.sent",
            refs,
            channel="email",
            purpose="survey",
        )


def _case(journal: _Journal, start: datetime, case: str, rates: dict[str, float]) -> None:
    rnd, refs = journal.rnd, {"case": case}
    journal.say(
        start,
        refs,
        "complaint",
        "phone",
        handled_by="human",
        identified_with=["customer_number", "birthdate"],
    )
    journal.add(start + timedelta(minutes=5), "case.opened", refs, topic="line fault")
    due = start + timedelta(days=rnd.randint(5, 21))
    journal.add(
        start + timedelta(minutes=6),
        "promise.made",
        {**refs, "promise": f"{case}-P"},
        kind="repair",
        due=due.date().isoformat(),
    )
    if rnd.random() < rates["waiting_on_customer"]:
        _waiting(journal, start, refs, rates)
    if rnd.random() < rates["appointment"]:
        _appointments(journal, start, refs, due, double=rnd.random() < rates["double_appointment"])
    late = rnd.random() < rates["late_resolution"]
    end = due + journal.hours(10, 200) if late else due - journal.hours(0, 48)
    _case_contacts(journal, start, end, refs, rates)
    if rnd.random() >= rates["unresolved"]:
        journal.add(end, "case.resolved", refs)
        journal.add(end + timedelta(minutes=1), "promise.kept", {**refs, "promise": f"{case}-P"})
    _survey(journal, end, refs, rates, resolved=True)


def _waiting(
    journal: _Journal, start: datetime, refs: dict[str, str], rates: dict[str, float]
) -> None:
    began = start + journal.hours(2, 30)
    need = journal.rnd.choice(("birthdate", "meter_reading"))
    journal.add(began, "case.waiting", refs, on="customer", need=need)
    if journal.rnd.random() < rates["asked_for_info"]:
        journal.add(
            began + journal.hours(1, 20),
            "message.sent",
            refs,
            channel="email",
            purpose="request_info",
            need=need,
        )
    answered = journal.say(began + journal.hours(30, 200), refs, "info_provided", "email")
    journal.add(answered + timedelta(hours=2), "case.resumed", refs)


def _appointments(
    journal: _Journal, start: datetime, refs: dict[str, str], due: datetime, *, double: bool
) -> None:
    at = due - timedelta(days=2)
    for number in range(2 if double else 1):
        journal.add(
            start + timedelta(hours=3, seconds=number),
            "appointment.scheduled",
            {**refs, "appointment": f"{refs['case']}-A{number}"},
            at=(at + timedelta(days=2 * number)).isoformat(),
            kind="installation",
        )
    journal.add(at, "appointment.done", {**refs, "appointment": f"{refs['case']}-A0"})


def _case_contacts(
    journal: _Journal, start: datetime, end: datetime, refs: dict[str, str], rates: dict[str, float]
) -> None:
    rnd = journal.rnd
    moment = start
    while True:
        moment += timedelta(days=rnd.uniform(2, 9))
        if moment >= end:
            return
        if rnd.random() < rates["status_updates"]:
            journal.add(moment, "message.sent", refs, channel="email", purpose="status")
        elif rnd.random() < rates["bot"]:
            _chat(journal, moment, refs, rates)
        else:
            _call(journal, moment, refs, rates)


def _call(journal: _Journal, when: datetime, refs: dict[str, str], rates: dict[str, float]) -> None:
    rnd = journal.rnd
    wait = rnd.choice((120, 300, 600)) if rnd.random() > rates["long_wait"] else 2400
    if wait > LONG_WAIT_SECONDS and rnd.random() < rates["callback_offered"]:
        promise = {**refs, "promise": f"{refs['case']}-CB{len(journal.events)}"}
        journal.add(when, "callback.promised", promise, by=(when + timedelta(hours=2)).isoformat())
        journal.add(when + journal.hours(0.5, 3), "callback.done", promise)
        return
    journal.say(
        when,
        refs,
        "status_inquiry",
        "phone",
        handled_by="human",
        wait_seconds=wait,
        identified_with=["customer_number", "birthdate"],
    )


def _chat(journal: _Journal, when: datetime, refs: dict[str, str], rates: dict[str, float]) -> None:
    chat = {**refs, "conversation": f"{refs['case']}-CH{len(journal.events)}"}
    journal.say(when, chat, "complaint", "chat", handled_by="bot")
    answer = "Please restart your router." if journal.lang == "en" else "Bitte Router neu starten."
    journal.add(when + timedelta(seconds=10), "bot.replied", chat, text=answer)
    if journal.rnd.random() < rates["bot_loop"]:
        journal.say(when + timedelta(seconds=60), chat, "complaint", "chat", handled_by="bot")
        journal.add(when + timedelta(seconds=70), "bot.replied", chat, text=answer)
    else:
        journal.add(when + timedelta(seconds=70), "bot.handed_over", chat)
