"""The one mistake the reader must never make: a question, a withdrawal, a negated or a
conditional cancellation read as an explicit ``cancel_request``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mittelpunkt.core.intents import IntentReading
from mittelpunkt.language import classify
from mittelpunkt.language._classify import prepare
from mittelpunkt.language.labelled import in_safety_set, read_labelled, training_corpus

HELDOUT = Path(__file__).resolve().parents[2] / "corpus" / "heldout.jsonl"

# Seed 004, the customer's own sentences.
SEED_QUESTION = (
    "Kann man das stornieren? Und wie sieht es dann aus mit dem bereits überwiesenen Geld?"
)
SEED_WITHDRAWAL = (
    "Die Mail zuvor hat sich erübrigt. Ich akzeptiere die normative Kraft des Faktischen."
)
SEED_REACTIVATION = "Ja, ich bitte um Reaktivierung. Bitte senden Sie mir eine Bestätigung."
SEED_NOT_CANCELLED = (
    "Ich habe erstens nicht gekündigt, Sie haben interpretiert. Ich habe Ihnen auch "
    "geschrieben, dass ich es dabei belassen will."
)

HAZARDS_DE = [
    SEED_QUESTION,
    SEED_WITHDRAWAL,
    SEED_NOT_CANCELLED,
    "Bitte NICHT stornieren.",
    "Bitte stornieren Sie die Bestellung nicht.",
    "Hiermit storniere ich nicht.",
    "Falls es noch länger dauert, würde ich stornieren.",
    "Wenn die Lieferung nicht bis Freitag kommt, stornieren Sie bitte.",
    "Stornieren Sie die Bestellung, falls sie noch nicht verschickt wurde.",
    "Ich möchte wissen, ob ich stornieren kann.",
    "Hiermit kündige ich \u2013 nein, doch nicht.",
    "Bitte ignorieren Sie meine Mail, in der ich um Stornierung gebeten habe.",
    "Ich ziehe meine Kündigung hiermit zurück.",
    "Die Kündigung, die ich gestern geschickt habe, ziehe ich hiermit zurück.",
    "Hiermit widerrufe ich meine Kündigung.",
    "Stornieren Sie bitte meine Stornierung.",
    "Kann ich hiermit stornieren?",
    "Hiermit storniere ich die Bestellung?",
    "Ich überlege, hiermit zu kündigen.",
    "Sollte die Ware beschädigt sein, storniere ich hiermit.",
    "Vielleicht storniere ich.",
    "Ich will auf keinen Fall kündigen.",
    "Eine Stornierung kommt nicht in Frage.",
    "Ich storniere erst, wenn Sie nicht liefern.",
    "Hat sich erübrigt \u2013 bitte stornieren Sie nichts.",
    "Ich möchte nicht stornieren, nur fragen, wann die Ware kommt.",
    "Kuendigen Sie bitte NICHT meinen Vertrag.",
    "bitte net stornieren, i wart eh",
    "Bitte storniere die Bestellung doch nicht.",
    "Wäre es möglich, die Bestellung zu stornieren?",
    "Ich wollte fragen, ob eine Kündigung zum Monatsende geht.",
    "Grüezi, chönd Sie mir säge, ob ich das annulliere cha?",
    "Meine Stornierung war ein Versehen, bitte ignorieren.",
    "Bitte stornieren Sie meine Bestellung. Oder vielleicht doch nicht.",
    "Bitte stornieren. Falls möglich.",
    "Hiermit kündige ich. Außer Sie machen mir ein besseres Angebot.",
    "Bitte kündigen Sie den Vertrag. Bin mir aber noch unsicher.",
    "Hiermit storniere ich die Bestellung. War nur ein Scherz.",
    "Stornieren Sie bitte alles. Nein. Lieber nicht.",
    "Bitte stornieren Sie die Bestellung. Nur eine Frage: ginge das überhaupt?",
    "In Ihrem Brief kündigen Sie an, den Vertrag zu beenden. Ich will nicht, dass gekündigt wird.",
    "Sie kündigen an, mein Konto zu schließen. Dass es gekündigt wird, möchte ich keinesfalls.",
    "Noch eine Preiserhöhung und ich kündige, nur damit Sie Bescheid wissen.",
    "Noch so ein Ausfall und wir stornieren den ganzen Auftrag.",
    "Nennen Sie mir bitte die Schritte, um den Mietvertrag zu beenden.",
    "Teilen Sie mir bitte die Kündigungsfrist mit.",
    "Bitte erklären Sie mir den Ablauf einer Kündigung.",
    "Ich bitte um Auskunft über die Kündigungsbedingungen.",
    "Informieren Sie mich bitte über die Stornobedingungen.",
    "Sag mir bitte, welche Gebühren bei einer Stornierung anfallen.",
    "Bitte erklären Sie mir, wie die Kündigung bei Ihnen abläuft.",
    "Zeigen Sie mir bitte, wie die Stornierung funktioniert.",
    "Kann ich mich noch vom Kurs abmelden?",
    "Ich würde mich vom Yogakurs abmelden, falls er wirklich erst um 20 Uhr anfängt.",
    "Bei mehr als 5 Tagen Lieferzeit bitte gleich stornieren.",
    "Im Falle einer weiteren Verzögerung stornieren Sie bitte.",
    "Eigentlich wollte ich kündigen, aber ich behalte den Vertrag doch.",
    "wenn ihr bis montag nicht liefert storniere ich",
    "Falls ich nicht storniere, was kostet mich das?",
    "Abo bitte wieder starten, war ein Fehler zu kündigen.",
    "Kann ich den Termin am Dienstag noch kostenlos absagen?",
    "Bitte sagen Sie den Termin NICHT ab, ich komme doch.",
    "Ich habe aus Versehen gekündigt, bitte wieder aktivieren.",
    "Es war ein großer Fehler, den Vertrag zu kündigen. Bitte machen Sie das rückgängig.",
]
HAZARDS_EN = [
    "Please do not cancel.",
    "Don't cancel my order!",
    "I hereby do not cancel.",
    "If it takes longer, I would cancel.",
    "Please cancel if it isn't here by Friday.",
    "I'd like to know whether I can cancel.",
    "I hereby cancel - no wait, don't.",
    "Please ignore my email asking you to cancel.",
    "I withdraw my cancellation.",
    "I hereby withdraw the notice of termination I sent last week.",
    "Please cancel my cancellation.",
    "Can I cancel hereby?",
    "Could you maybe cancel?",
    "I'm thinking about cancelling.",
    "Should the goods be damaged, I hereby cancel.",
    "Maybe I'll cancel.",
    "I definitely don't want to cancel.",
    "Under no circumstances cancel the order!",
    "Cancellation is not an option for me.",
    "I won't cancel unless you fail to deliver.",
    "Never mind, please don't cancel anything.",
    "cancel? no way",
    "Please cancel the order unless it has already shipped.",
    "I would like to cancel if possible.",
    "Please cancel the order. Actually, don't.",
    "On second thought, please do not cancel.",
    "Is it possible to cancel my subscription?",
    "How do I cancel my contract?",
    "What would it cost to cancel?",
    "Please cancel my order. Or maybe not.",
    "Please cancel my order. If that is possible.",
    "I hereby cancel. Unless you can deliver by Friday.",
    "Please cancel my order. Don't.",
    "Please cancel my order. Just asking.",
    "Please terminate the contract. Not sure though.",
    "I hereby cancel my subscription. Just kidding.",
    "Cancel my order. As long as it hasn't shipped.",
    "Your letter says you are cancelling my policy. I never asked for it to be cancelled.",
    "One more late delivery and I'm cancelling my subscription, fair warning.",
    "Another surprise fee and I am terminating the contract.",
    "Kindly inform me of the cancellation procedure.",
    "Please explain the cancellation terms.",
    "Please tell me the steps to cancel my subscription.",
    "Please advise on the cancellation fee.",
    "Let me know the notice period for terminating the contract.",
    "Please send me the details on how to cancel.",
    "Would you kindly explain how the cancellation works for my membership.",
    "Kindly explain how the termination of the lease works.",
    "Please show me how the cancellation is done.",
    "Is it too late to drop out of the course and get my money back?",
    "In the event of another delay, please cancel the order.",
    "I was going to cancel, but I'll give you one more month.",
    "if it's not here by friday cancel it",
    "If I don't cancel, will I be charged again?",
    "Please restart my plan, it was a mistake to cancel.",
    "Cancelling was a mistake, please turn it back on.",
    "I accidentally cancelled my membership, please reinstate it.",
]
HAZARDS = HAZARDS_DE + HAZARDS_EN

INSTRUCTIONS = [
    "Hiermit storniere ich meine Bestellung 4711.",
    "Bitte kündigen Sie meinen Vertrag zum nächstmöglichen Termin.",
    "I hereby cancel my order 4711.",
    "Please cancel my subscription.",
]
NEUTRAL = [
    "Wo bleibt meine Bestellung?",
    "Die Ware ist kaputt angekommen.",
    "Bitte melden Sie mich vom Newsletter ab.",
    "Where is my parcel?",
    "My new address is 12 Garden Street.",
    "Thanks for your help!",
    "Viele Grüße\nAnna",
    "Kind regards,\nJohn",
]


def cancels_explicitly(reading: IntentReading) -> bool:
    return "cancel_request" in reading.intents and reading.explicit


@pytest.mark.parametrize("text", HAZARDS)
def test_no_hazard_is_an_explicit_cancellation(text: str) -> None:
    assert not cancels_explicitly(classify(text))


@pytest.mark.parametrize("text", HAZARDS)
def test_no_hazard_is_explicit_next_to_an_instruction(text: str) -> None:
    for instruction in INSTRUCTIONS:
        assert not cancels_explicitly(classify(f"{instruction} {text}"))
        assert not cancels_explicitly(classify(f"{text}\n\n{instruction}"))


@pytest.mark.parametrize("text", INSTRUCTIONS)
def test_plain_instructions_are_explicit(text: str) -> None:
    reading = classify(text)
    assert "cancel_request" in reading.intents
    assert reading.explicit


def test_asking_for_the_notice_period_after_cancelling_keeps_the_instruction() -> None:
    """A request for the notice period ("bitte um Mitteilung der Kündigungsfrist") after a
    plain cancellation is not a question form: the sentence still instructs."""
    reading = classify(
        "Hiermit kündige ich meinen Vertrag und bitte um Mitteilung der Kündigungsfrist."
    )
    assert "instruction:hiermit" in reading.cues
    assert not [cue for cue in reading.cues if cue.startswith(("indirect:", "question:"))]


@pytest.mark.parametrize(
    "text",
    [
        "wenn ihr bis montag nicht liefert storniere ich",
        "if it's not here by friday cancel it",
        "Falls die Ware bis Freitag nicht da ist storniere ich die Bestellung.",
    ],
)
def test_a_negated_condition_leaves_the_cancellation_standing(text: str) -> None:
    reading = classify(text)
    assert "cancel_request" in reading.intents
    assert not reading.explicit  # conditional: it asks back


@pytest.mark.parametrize(
    "text",
    ["Falls ich nicht storniere, was kostet mich das?", "wenn möglich bitte nicht stornieren"],
)
def test_a_cancellation_negated_inside_a_condition_is_still_negated(text: str) -> None:
    cues = prepare(text).cues
    assert cues.sentences[0].near_negation


def test_the_seed_question_is_a_question() -> None:
    reading = classify(SEED_QUESTION)
    assert reading.intents == {"cancel_question"}
    assert not reading.explicit
    assert "question:?" in reading.cues


def test_the_seed_withdrawal_is_a_withdrawal() -> None:
    reading = classify(SEED_WITHDRAWAL)
    assert "withdraw" in reading.intents
    assert not reading.explicit


def test_the_seed_reactivation_is_an_explicit_request_with_a_confirmation() -> None:
    reading = classify(SEED_REACTIVATION)
    assert reading.intents == {"reactivation_request", "confirmation_request"}
    assert reading.explicit


def test_a_question_the_model_took_for_a_request_becomes_a_question() -> None:
    reading = classify("Hiermit möchte ich fragen: Kann ich meine Bestellung stornieren?")
    assert "cancel_request" not in reading.intents
    assert "cancel_question" in reading.intents


def test_a_quoted_instruction_below_a_withdrawal_does_not_count() -> None:
    text = (
        "Bitte vergessen Sie meine letzte Mail, ich warte die Lieferung ab.\n\n"
        "Am 14.06.2024 um 21:13 schrieb Anna <anna@example.de>:\n"
        "> Hiermit storniere ich die Bestellung."
    )
    assert not cancels_explicitly(classify(text))


def _corpus_violations(path: Path | None) -> list[str]:
    messages = training_corpus() if path is None else read_labelled(path)
    return [m.text for m in messages if in_safety_set(m) and cancels_explicitly(classify(m.text))]


def test_no_violation_in_the_training_part() -> None:
    assert _corpus_violations(None) == []


def test_no_violation_in_the_held_out_part() -> None:
    assert _corpus_violations(HELDOUT) == []


def _ascii(text: str) -> str:
    for umlaut, pair in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, pair)
    return text


@st.composite
def messages_with_a_hazard(draw: st.DrawFn) -> str:
    hazard = draw(st.sampled_from(HAZARDS))
    others = draw(st.lists(st.sampled_from(INSTRUCTIONS + NEUTRAL), max_size=3))
    sentences = draw(st.permutations([hazard, *others]))
    joiner = draw(st.sampled_from([" ", "\n", "\n\n"]))
    text = joiner.join(sentences)
    shapes: list[Callable[[str], str]] = [str, str.lower, str.upper, _ascii]
    shape = draw(st.sampled_from(shapes))
    return shape(text)


@settings(max_examples=300, deadline=None)
@given(messages_with_a_hazard())
def test_a_hazard_anywhere_keeps_a_message_from_being_an_explicit_cancellation(
    text: str,
) -> None:
    assert not cancels_explicitly(classify(text))


@pytest.mark.parametrize(
    ("text", "withdraws"),
    [
        ("Please restart my plan, it was a mistake to cancel.", True),
        ("Es war ein Irrtum, das Abo zu kündigen.", True),
        ("The delivery was a mistake, please cancel the order.", False),
        ("Es ist ein Fehler in der Rechnung, bitte stornieren Sie die Bestellung.", False),
    ],
)
def test_calling_the_cancellation_a_mistake_takes_it_back(text: str, *, withdraws: bool) -> None:
    """Saying that cancelling was a mistake takes the cancellation back; a mistake elsewhere
    next to a cancellation does not."""
    assert prepare(text).cues.withdraws is withdraws


@pytest.mark.parametrize(
    "text",
    [
        "Am Telefon hieß es, dass ich schriftlich kündigen muss. Reicht dafür eine E-Mail?",
        "I was told on the phone that I have to cancel in writing. Is an email enough?",
    ],
)
def test_a_cancellation_someone_said_is_needed_is_no_instruction(text: str) -> None:
    """What someone else said the customer must do is reported, not instructed: it asks, by
    anaphora ("dafür"), about the cancellation."""
    assert prepare(text).cues.instructions == frozenset()
    assert not cancels_explicitly(classify(text))


@pytest.mark.parametrize(
    ("text", "cancels"),
    [
        ("Ich muss leider die Reitstunde morgen absagen, Lena hat Fieber.", True),
        ("Den Folgetermin am 28. sage ich unter diesen Umständen ab.", True),
        ("Bitte die Anmeldung für Charly vom 23. bis 30.12. streichen.", True),
        ("Sag Bescheid, ob ihr morgen rausfahrt.", False),
        ("Ich sage ab sofort nichts mehr dazu.", False),
    ],
)
def test_calling_off_an_appointment_names_a_cancellation(text: str, *, cancels: bool) -> None:
    """Calling off ("absagen", also split: "sage ... ab") or striking out a booking cancels it."""
    assert prepare(text).cues.mentions_cancel is cancels


@pytest.mark.parametrize(
    "text",
    [
        "Die Biotonne war pausiert. Bitte nicht ganz abmelden, sondern ab November wieder leeren.",
        "Don't unsubscribe me, I still want the recipes.",
    ],
)
def test_a_negated_sign_off_is_no_instruction_to_unsubscribe(text: str) -> None:
    reading = classify(text)
    assert not ("unsubscribe" in reading.intents and reading.explicit)
    assert "unsubscribe" not in prepare(text).cues.instructions
