"""What customers of the demo world write and say, in German and English, by intent.

>>> sorted(CUSTOMER_TEXTS["de"])[:2]
['cancel_question', 'cancel_request']
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["CUSTOMER_TEXTS"]

CUSTOMER_TEXTS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "de": {
        "status_inquiry": (
            "Hallo, wo bleibt meine Bestellung? Der Liefertermin ist doch schon vorbei.",
            "Ich wollte nachfragen, wie der Stand meines Auftrags ist.",
            "Wann wird mein Anschluss endlich geschaltet? Ich habe nichts mehr gehört.",
        ),
        "complaint": (
            "Das ist jetzt schon das dritte Mal, dass ich anrufen muss. Unmöglich!",
            "Statt meiner Bestellung kam ein Katalog. Den habe ich nicht bestellt.",
            "Die Leitung funktioniert immer noch nicht, das ist eine Zumutung.",
        ),
        "cancel_question": (
            "Kann man das stornieren? Und wie sieht es dann mit dem Geld aus?",
            "Was würde es kosten, wenn ich den Vertrag kündige?",
        ),
        "cancel_request": ("Hiermit storniere ich meine Bestellung.",),
        "withdraw": ("Hat sich erübrigt, bitte ignorieren Sie meine letzte Mail.",),
        "reactivation_request": (
            "Ja, bitte reaktivieren Sie die Bestellung und senden Sie mir eine Bestätigung.",
        ),
        "confirmation_request": ("Können Sie mir das bitte schriftlich bestätigen?",),
        "info_provided": ("Mein Geburtsdatum ist der 12.04.1979.",),
    },
    "en": {
        "status_inquiry": (
            "Hi, where is my order? It was due two days ago.",
            "Could you tell me what is happening with my request?",
        ),
        "complaint": (
            "This is the third time I have had to call. Not acceptable.",
            "My internet still drops every few minutes. Great service, really.",
        ),
        "cancel_question": ("Is it possible to cancel this, and what happens to my payment?",),
        "cancel_request": ("Please cancel my order.",),
        "withdraw": ("Please ignore my last email, it is no longer needed.",),
        "reactivation_request": ("Yes, please reactivate my order and confirm it in writing.",),
        "confirmation_request": ("Can you confirm that by email, please?",),
        "info_provided": ("Here is my meter reading: 48211.",),
    },
}
