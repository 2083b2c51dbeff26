"""What the report calls event types and guard codes, in German and English.

>>> event_label("order.placed", "de")
'Bestellung aufgegeben'
>>> event_label("Accepted/Wait - User", "en")
'Accepted/Wait - User'
>>> code_title("silent_delay", "en")
'Silent delay'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["CODE_TEXTS", "EVENT_LABELS", "code_text", "code_title", "event_label"]

#: Each canonical event type: (English, German).
EVENT_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "order.placed": ("Order placed", "Bestellung aufgegeben"),
        "order.confirmed": ("Order confirmed", "Bestellung bestätigt"),
        "order.cancelled": ("Order cancelled", "Bestellung storniert"),
        "order.reactivation_offered": ("Reactivation offered", "Reaktivierung angeboten"),
        "order.reactivated": ("Order reactivated", "Bestellung reaktiviert"),
        "order.reactivation_refused": ("Reactivation refused", "Reaktivierung abgelehnt"),
        "shipment.created": ("Parcel packed", "Paket gepackt"),
        "shipment.dispatched": ("Parcel dispatched", "Paket versandt"),
        "shipment.delayed": ("Delay known", "Verzögerung bekannt"),
        "shipment.delivered": ("Parcel delivered", "Paket zugestellt"),
        "case.opened": ("Case opened", "Fall eröffnet"),
        "case.waiting": ("Case waiting", "Fall wartet"),
        "case.resumed": ("Case resumed", "Fall fortgesetzt"),
        "case.resolved": ("Case resolved", "Fall gelöst"),
        "case.reopened": ("Case reopened", "Fall wieder eröffnet"),
        "appointment.scheduled": ("Appointment set", "Termin vereinbart"),
        "appointment.done": ("Appointment done", "Termin erledigt"),
        "appointment.cancelled": ("Appointment cancelled", "Termin abgesagt"),
        "callback.promised": ("Callback promised", "Rückruf zugesagt"),
        "callback.done": ("Called back", "Zurückgerufen"),
        "promise.made": ("Promise made", "Zusage gemacht"),
        "promise.kept": ("Promise kept", "Zusage eingehalten"),
        "promise.withdrawn": ("Promise withdrawn", "Zusage zurückgezogen"),
        "contact.inbound": ("Customer got in touch", "Kunde meldet sich"),
        "bot.replied": ("Chatbot replied", "Chatbot antwortet"),
        "bot.handed_over": ("Chatbot handed over", "Chatbot übergibt"),
        "message.sent": ("Message to customer", "Nachricht an Kunden"),
        "feedback.received": ("Customer feedback", "Rückmeldung des Kunden"),
        "consent.granted": ("Consent given", "Einwilligung erteilt"),
        "consent.revoked": ("Consent revoked", "Einwilligung widerrufen"),
    }
)

#: Each guard code: (English title, English meaning, German title, German meaning).
CODE_TEXTS: Mapping[str, tuple[str, str, str, str]] = MappingProxyType(
    {
        "broken_promise": (
            "Broken promise",
            "A date the customer was given passed, neither kept nor honestly updated.",
            "Gebrochene Zusage",
            "Ein zugesagter Termin verstrich, weder gehalten noch ehrlich aktualisiert.",
        ),
        "silent_delay": (
            "Silent delay",
            "The company knew of a delay and did not tell the customer in time.",
            "Stille Verzögerung",
            "Das Unternehmen kannte die Verzögerung und sagte es dem Kunden nicht rechtzeitig.",
        ),
        "unrequested_info": (
            "Missing information never asked for",
            "The journey waited on the customer, and nobody asked them for what was missing.",
            "Fehlende Angabe nie erfragt",
            "Die Journey wartete auf den Kunden, doch niemand fragte nach dem Fehlenden.",
        ),
        "no_news": (
            "No news",
            "An open journey went for a week without a word to the customer.",
            "Funkstille",
            "Eine offene Journey blieb eine Woche ohne Nachricht an den Kunden.",
        ),
        "misleading_message": (
            "Misleading message",
            "'Your order is on its way' for a parcel that held none of the order.",
            "Irreführende Nachricht",
            "„Ihre Bestellung ist unterwegs“ für ein Paket ohne bestellte Ware.",
        ),
        "premature_survey": (
            "Premature survey",
            "A survey went out while the customer's problem was still unsolved.",
            "Verfrühte Umfrage",
            "Eine Umfrage ging raus, solange das Problem des Kunden ungelöst war.",
        ),
        "unconsented_marketing": (
            "Marketing without consent",
            "Newsletters or catalogs reached a customer who never agreed to them.",
            "Werbung ohne Einwilligung",
            "Newsletter oder Kataloge erreichten Kunden, die nie eingewilligt hatten.",
        ),
        "repeat_contact": (
            "Repeat contact",
            "The customer had to get in touch again and again on one open concern.",
            "Wiederholter Kontakt",
            "Der Kunde musste sich zu einem offenen Anliegen immer wieder melden.",
        ),
        "status_inquiry": (
            "Status inquiry",
            "The customer had to ask where things stand: failure demand.",
            "Statusanfrage",
            "Der Kunde musste nachfragen, wie es steht: vermeidbarer Kontakt.",
        ),
        "unsafe_cancellation": (
            "Unsafe cancellation",
            "The company cancelled on a question, not on an explicit instruction.",
            "Unsichere Stornierung",
            "Storniert auf eine Frage hin, nicht auf eine ausdrückliche Anweisung.",
        ),
        "unanswered_request": (
            "Unanswered request",
            "A customer's request got no answer within two days.",
            "Unbeantwortete Anfrage",
            "Eine Anfrage des Kunden blieb zwei Tage ohne Antwort.",
        ),
        "retracted_offer": (
            "Retracted offer",
            "The customer accepted an offer, and the company then refused it.",
            "Zurückgezogenes Angebot",
            "Der Kunde nahm ein Angebot an, und das Unternehmen lehnte es dann ab.",
        ),
        "repeated_identification": (
            "Repeated identification",
            "The customer had to identify again and again, or give data twice.",
            "Wiederholte Identifizierung",
            "Der Kunde musste sich immer wieder ausweisen oder Daten doppelt angeben.",
        ),
        "long_wait": (
            "Long wait",
            "A call or chat queued beyond the limit, with no callback offered.",
            "Lange Wartezeit",
            "Anruf oder Chat lange in der Warteschlange, ohne Rückrufangebot.",
        ),
        "bot_loop": (
            "Chatbot loop",
            "The chatbot gave the same answer twice without handing over.",
            "Chatbot-Schleife",
            "Der Chatbot gab zweimal dieselbe Antwort, ohne zu übergeben.",
        ),
        "conflicting_dates": (
            "Conflicting dates",
            "The customer held two different dates for the same thing.",
            "Widersprüchliche Termine",
            "Der Kunde hatte zwei verschiedene Termine für dieselbe Sache.",
        ),
    }
)


def event_label(event_type: str, lang: str) -> str:
    """The readable name of an event type (a source's own activity name stays as it is)."""
    labels = EVENT_LABELS.get(event_type)
    if labels is None:
        return event_type
    return labels[1] if lang == "de" else labels[0]


def code_title(code: str, lang: str) -> str:
    """The readable title of a guard code (an unknown code stays as it is)."""
    texts = CODE_TEXTS.get(code)
    if texts is None:
        return code
    return texts[2] if lang == "de" else texts[0]


def code_text(code: str, lang: str) -> str:
    """What a guard code means, in one sentence.

    >>> code_text("bot_loop", "de")
    'Der Chatbot gab zweimal dieselbe Antwort, ohne zu übergeben.'
    """
    texts = CODE_TEXTS.get(code)
    if texts is None:
        return ""
    return texts[3] if lang == "de" else texts[1]
