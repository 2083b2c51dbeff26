from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mittelpunkt.core.intents import INTENTS, IntentClassifier
from mittelpunkt.language import classify, read_intent
from mittelpunkt.language._cues import read_cues
from mittelpunkt.language._lexicon import word_fields
from mittelpunkt.language._normalize import fold

CLEAR = [
    ("Wo bleibt meine Bestellung? Sie sollte gestern kommen.", "de", "status_inquiry"),
    ("Where is my parcel? It was due on Monday.", "en", "status_inquiry"),
    ("Hiermit kündige ich meinen Vertrag zum nächstmöglichen Termin.", "de", "cancel_request"),
    ("Please cancel my order 4711.", "en", "cancel_request"),
    ("Kann ich die Bestellung noch stornieren?", "de", "cancel_question"),
    ("How do I cancel my subscription?", "en", "cancel_question"),
    ("Hat sich erübrigt, danke.", "de", "withdraw"),
    ("Please ignore my last email.", "en", "withdraw"),
    ("Bitte reaktivieren Sie meine Bestellung.", "de", "reactivation_request"),
    ("Please reactivate my account.", "en", "reactivation_request"),
    ("Bitte bestätigen Sie mir den Termin schriftlich.", "de", "confirmation_request"),
    ("Please confirm the new delivery date in writing.", "en", "confirmation_request"),
    ("Das ist eine Unverschämtheit, niemand ruft zurück!", "de", "complaint"),
    ("Absolutely appalling service, nobody ever calls back.", "en", "complaint"),
    ("Meine neue Adresse lautet Gartenweg 3, 12345 Berlin.", "de", "info_provided"),
    ("Attached are the photos of the damaged box.", "en", "info_provided"),
    ("Bitte melden Sie mich vom Newsletter ab.", "de", "unsubscribe"),
    ("Please unsubscribe me from your newsletter.", "en", "unsubscribe"),
    ("Haben Sie den Tisch auch in Eiche?", "de", "other"),
    ("Do you sell gift cards?", "en", "other"),
]


@pytest.mark.parametrize(("text", "lang", "intent"), CLEAR)
def test_clear_messages_read_as_their_intent(text: str, lang: str, intent: str) -> None:
    reading = classify(text)
    assert intent in reading.intents
    assert reading.lang == lang


def test_a_message_may_carry_several_intents() -> None:
    reading = classify("Wo bleibt meine Bestellung? Langsam reicht es mir wirklich, unverschämt!")
    assert {"status_inquiry", "complaint"} <= reading.intents


def test_praise_is_not_a_sarcastic_complaint() -> None:
    """Only "ja toll gemacht" is sarcasm; "wirklich toll gemacht" is praise."""
    praise = "Die Schreinerei hat die Treppe wirklich toll gemacht, wir sind begeistert."
    sarcasm = "Das habt ihr ja toll gemacht, Paket beim Nachbarn im Urlaub abgegeben."
    assert "lex:complaint" not in word_fields(fold(praise))
    assert "lex:complaint" in word_fields(fold(sarcasm))
    assert classify(praise).intents == {"other"}


def test_umlauts_and_their_ascii_spelling_read_alike() -> None:
    assert classify("Können Sie mir die Kündigung bestätigen?") == classify(
        "Koennen Sie mir die Kuendigung bestaetigen?"
    )


def test_a_quoted_earlier_mail_is_not_the_customers_words() -> None:
    text = (
        "Danke, alles angekommen.\n\n"
        "On Tue, 4 Jun 2024 at 14:02, Shop <s@shop.example> wrote:\n"
        "> Your order has been cancelled. Please reactivate it in your account."
    )
    assert "reactivation_request" not in classify(text).intents


def test_the_cues_say_why_a_message_counts_as_a_question() -> None:
    reading = classify("Kann man das stornieren?")
    assert "question:?" in reading.cues
    assert any(cue.startswith("cancel:") for cue in reading.cues)


def test_a_conditional_cancellation_names_its_condition() -> None:
    reading = classify("Falls es noch länger dauert, würde ich stornieren.")
    assert "conditional:falls" in reading.cues
    assert not reading.explicit


def test_read_intent_is_the_cores_classifier_port() -> None:
    port: IntentClassifier = read_intent
    assert port("") is None
    assert port("  \n ") is None
    reading = port("Where is my order?")
    assert reading is not None
    assert reading.intents <= INTENTS


def test_reading_is_deterministic() -> None:
    text = "Bitte stornieren Sie die Bestellung, falls sie nicht bis Freitag kommt."
    assert classify(text) == classify(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_well_formed_reading(text: str) -> None:
    reading = classify(text)
    assert reading.intents
    assert reading.intents <= INTENTS
    assert 0.0 <= reading.confidence <= 1.0
    assert reading.lang in {"de", "en", None}
    assert not ("other" in reading.intents and len(reading.intents) > 1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_explicit_always_names_an_instruction(text: str) -> None:
    reading = classify(text)
    if reading.explicit:
        assert reading.intents & {"cancel_request", "reactivation_request", "unsubscribe"}
        assert any(cue.startswith("instruction:") for cue in reading.cues)


@pytest.mark.parametrize("text", ["Von wem?", "By whom?", "?", "When?"])
def test_a_reading_without_confidence_names_no_intent(text: str) -> None:
    reading = classify(text)
    assert reading.intents == {"other"}
    assert not reading.explicit


def test_an_unsure_other_does_not_hide_a_sure_question() -> None:
    assert classify("Kann man das stornieren? Danke!").intents == {"cancel_question"}
    assert classify("Can I cancel it? Thanks!").intents == {"cancel_question"}


def test_readings_are_the_same_in_every_process() -> None:
    """String hashing differs from process to process; no reading may follow it."""
    script = (
        "import json, sys\n"
        "from mittelpunkt.language import classify\n"
        "from mittelpunkt.language.labelled import training_corpus\n"
        "for message in training_corpus():\n"
        "    r = classify(message.text)\n"
        "    print(json.dumps([sorted(r.intents), r.explicit, r.cues, r.confidence]))\n"
    )
    outputs = {
        subprocess.run(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert len(next(iter(outputs)).splitlines()) > 3000


@pytest.mark.parametrize(
    "text",
    [
        "Hallo, ich habe die Rechnung am 12.09. überwiesen. Bitte die Mahnung stornieren.",
        "Bitte stornieren Sie die Mahngebühr, die Zahlung war pünktlich.",
        "I paid on time, so please cancel the late fee.",
        "Please cancel that payment reminder, the invoice was settled last week.",
    ],
)
def test_cancelling_a_reminder_or_a_late_fee_is_no_explicit_cancellation(text: str) -> None:
    reading = classify(text)
    assert not ("cancel_request" in reading.intents and reading.explicit)
    assert not any(cue.startswith("cancel:") for cue in reading.cues)


def test_a_cancellation_beside_a_reminder_stays_a_cancellation() -> None:
    reading = classify("Bitte stornieren Sie die Bestellung 4711. Eine Mahnung kam trotzdem.")
    assert "cancel_request" in reading.intents
    assert reading.explicit


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte mich vom Intensivkurs B2 im Herbst abmelden.",
        "Hiermit beantrage ich meine Exmatrikulation zum 30.09.",
        "Hiermit trete ich aus dem Verein aus.",
        "Please unenrol me from the Spanish module.",
        "I'd like to drop out of the evening class.",
    ],
)
def test_leaving_a_course_or_a_club_names_a_cancellation(text: str) -> None:
    assert any(cue.startswith("cancel:") for cue in classify(text).cues)


def test_signing_off_a_course_is_no_instruction_to_unsubscribe() -> None:
    course = read_cues([fold("Ich möchte mich vom Sprachkurs im Mai abmelden.")])
    newsletter = read_cues([fold("Ich möchte mich vom Newsletter abmelden.")])
    assert course.instructions == frozenset({"cancel_request"})
    assert newsletter.instructions == frozenset({"unsubscribe"})


def test_an_english_was_without_a_subject_is_no_question() -> None:
    """English "was about to cancel" drops its "I"; the German "was" (what) still asks."""
    told = classify("was about to cancel this but it shipped, so all good")
    asked = classify("Was kostet die Stornierung")
    assert not any(cue.startswith("question:") for cue in told.cues)
    assert "question:was" in asked.cues


def test_same_as_before_sets_no_condition() -> None:
    told = classify("I'd like to restart my membership, same plan as before.")
    hesitating = classify("Before I cancel, can you tell me the fee?")
    assert not any(cue.startswith("conditional:") for cue in told.cues)
    assert "conditional:before i" in hesitating.cues


def test_not_wanting_a_parcel_is_no_unsubscribing() -> None:
    reading = classify("I don't want to receive a replacement, just refund me.")
    assert "unsubscribe" not in reading.intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Please close my account and end the subscription.", "cancel_request"),
        ("pls cancell my order 20331 i orderd the wrong size", "cancel_request"),
        ("This is my formal notice to terminate the tenancy agreement.", "cancel_request"),
        ("vertrag zum 30.9. kuendigen bitte, kd nr 55019", "cancel_request"),
        (
            "Seit der Übernahme ist alles schlechter, deshalb kündige ich zum Monatsende.",
            "cancel_request",
        ),
        ("Re-activate account 22019 pls", "reactivation_request"),
        ("Please reopen my closed savings account.", "reactivation_request"),
        ("Bitte heben Sie die Sperre meiner SIM-Karte auf.", "reactivation_request"),
        ("Please stop the weekly deals emails.", "unsubscribe"),
        ("UNSUBSCRIBE pls", "unsubscribe"),
        ("Ich widerspreche der Nutzung meiner Daten zu Werbezwecken.", "unsubscribe"),
        ("No more catalogues please, we recycle them straight away.", "unsubscribe"),
        ("I don't wish to receive promotional texts any more.", "unsubscribe"),
        ("Please turn my subscription back on.", "reactivation_request"),
        ("I'd like to restart my membership, same plan as before.", "reactivation_request"),
    ],
)
def test_plain_instructions_are_read(text: str, intent: str) -> None:
    assert intent in read_cues([fold(text)]).instructions


def test_putting_a_price_back_is_no_reactivation() -> None:
    cues = read_cues([fold("Please review this and put it back to £120 or I'll be switching.")])
    assert "reactivation_request" not in cues.instructions
