"""Unambiguous instructions: to cancel, to reactivate, to unsubscribe.

Narrow on purpose: an instruction pattern only counts in a sentence that is not a question,
not conditional and not a report of an earlier mail (see :mod:`._cues`), and ``explicit``
needs it. Each intent has a cheap first look (``HINT``): the full pattern only runs in a
sentence that contains one of its words.

>>> bool(INSTRUCTION["cancel_request"].search("hiermit kuendige ich meinen vertrag"))
True
>>> bool(INSTRUCTION["unsubscribe"].search("bitte melden sie mich vom newsletter ab"))
True
"""

from __future__ import annotations

from mittelpunkt.language._patterns import CANCEL
from mittelpunkt.language._regex import any_word as _words
from mittelpunkt.language._regex import ascii_pattern as _ascii

__all__ = ["HINT", "INSTRUCTION"]

_CANCEL_VERB = _words(
    r"storniere",
    r"stornieren",
    r"kuendige",
    r"kuendigen",
    r"kuende",
    r"kuenden",
    r"annulliere",
    r"annullieren",
    r"widerrufe",
    r"widerrufen",
    r"canceln",
    r"beende",
    r"beenden",
    r"aufloesen",
    r"abbestellen",
    # only where the sentence names a cancellation: leaving a course, not a newsletter
    r"abmelden",
    r"abzumelden",
    r"zuruecktreten",
    r"cancell?",
    r"terminate",
    r"close (?:my|the|our|this)",
    r"end (?:my|the|our|this)",
    r"rescind",
    r"annul",
)
_CANCEL_NOUN = _words(
    r"stornierung",
    r"storno",
    r"kuendigung",
    r"annullierung",
    r"cancellation",
    r"cancelation",
    r"termination",
)
_REQUEST = r"\b(?:bitte|please|pls|plz|kindly)\b"
_WANT_DE = (
    r"\b(?:ich|wir) (?:moechte|moechten|will|wollen|wuerde gerne?|wuerden gerne?|haette gerne?)\b"
)
_WANT_EN = (
    r"\b(?:(?:i|we)(?:'d| would)? (?:want|wish|like|need)|(?:i|we)(?:'ve| have)? decided"
    r"|(?:i|we)(?:'m| am|'re| are) writing) to\b"
)

# Cheap first looks: an instruction pattern only runs where one of its words occurs.
HINT = {
    "cancel_request": CANCEL,
    "reactivation_request": _ascii(
        r"reaktiv|wieder|reactiv|reinstat|restor|restart|resum|rueckgaengig|undo|angebot|offer"
        r"|zurueck|back|reviv|reconnect|unlock|\bja\b|\byes\b|re-activ|open|enrol|rejoin|resubscri"
        r"|heben|activated"
    ),
    "unsubscribe": _ascii(
        r"newsletter|werb|mail|verteiler|liste|list\b|sms|text|anruf|call|katalog|catalog"
        r"|prospekt|leaflet|einwillig|zustimmung|einverst|consent|permission|marketing|spam"
        r"|abmeld|austrag|unsubscr|opt|contact|kontakt|daten|data|push|benachrichtig|offer|promo"
        r"|brochur|advert"
        r"|notification|post\b|letter|remove me|take me off|stop|abbestell"
    ),
}

INSTRUCTION = {
    "cancel_request": _ascii(
        r"\b(?:hiermit|hereby|herewith)\b"
        rf"|{_REQUEST}.{{0,80}}?{_CANCEL_VERB}"
        rf"|{_REQUEST}(?: \w+){{0,4}} (?:um )?(?:die |eine |the )?{_CANCEL_NOUN}"
        r"|\b(?:ersuche|ersuchen|beantrage|beantragen|request|requesting)\b(?: \w+){0,4} "
        rf"(?:um )?(?:die |eine |the |a )?{_CANCEL_NOUN}"
        r"|\b(?:ich|wir) (?:\w+ )?(?:storniere|stornieren|kuendige|kuendigen|kuende|kuenden"
        r"|widerrufe|widerrufen|trete|treten|annulliere|annullieren|beende|beenden)\b"
        rf"|{_WANT_DE}.{{0,80}}?{_CANCEL_VERB}"
        r"|\b(?:stornieren|kuendigen|annullieren|beenden|canceln) sie\b"
        r"|\b(?:storniere|stornieren|storniert|stornier|kuendige|kuendigen|kuendigt|annulliere"
        r"|cancel)\b(?: [\w']+){0,2}"
        r" (?:bitte|pls|please)\b"
        r"|\bbitte storniert\b|\bstorniert (?:mir |uns )?(?:bitte|meine|mein|die|den|das)\b"
        r"|^\W*(?:stornierung|kuendigung|storno|cancellation|termination)\b(?: bitte| please)?"
        r" (?:der|des|meiner|meines|meinen|von|fuer|of|my|the|for)\b"
        r"|\b(?:storno|stornierung|kuendigung) bitte\b"
        rf"|{_CANCEL_NOUN}(?: \w+){{0,3}} (?:zum|per|fristgerecht|fristlos|ordentlich"
        r"|ausserordentlich|naechstmoeglich\w*|effective|immediately)\b"
        r"|\b(?:fristgerecht|fristlos|ordentlich|ausserordentlich)\w* (?:\w+ ){0,2}"
        r"(?:kuendig|storn)"
        r"|\b(?:betrachten|werten|sehen) sie\b.{0,40}\bals\b"
        r"|\b(?:consider this|this (?:e-?mail|letter|message) (?:is|serves as|constitutes))\b"
        r"|\bnotice (?:of (?:cancellation|termination)|to (?:terminate|cancel|end|quit))\b"
        r"|\b(?:deshalb|daher|darum|somit|folglich) (?:kuendige|storniere|widerrufe|beende)"
        r" (?:ich|wir)\b"
        r"|^\W*(?:please |kindly |pls )?(?:cancel|terminate) (?!fee|polic|button|option|request)\w"
        r"|\b(?:i|we)(?: hereby)? (?:cancel|terminate|rescind|withdraw from)\b"
        r"|\bi(?:'m| am) (?:hereby )?(?:cancell?ing|terminating|withdrawing from|ending|closing"
        r"|quitting)\b"
        rf"|{_WANT_EN} (?:cancel|terminate|end|close|rescind|withdraw from|annul)\b"
    ),
    "reactivation_request": _ascii(
        rf"(?:{_REQUEST}|\bersuche\b|{_WANT_DE}).{{0,80}}?\b(?:reaktivier\w*|wieder ?aktivier\w*"
        r"|wieder ?her ?(?:ge)?stell\w*|reactivat\w*|reinstat\w*|restore|restart|resume"
        r"|rueckgaengig|undo|wieder ?aufnehm\w*|wieder ?freischalt\w*|wieder frei|zurueck haben"
        r"|wieder haben)"
        rf"|{_WANT_EN} (?:\w+ ){{0,3}}(?:reactivat|reinstat|restor|restart|resum|have it back"
        r"|get it back)"
        r"|\bja\b.{0,30}\b(?:reaktivier\w*|wieder|gerne|bitte)\b"
        r"|\byes\b.{0,30}\b(?:reactivat\w*|reinstat\w*|restor\w*|please|go ahead)\b"
        r"|\b(?:nehme|nehmen|accept)\b.{0,40}\b(?:angebot|offer)\b"
        r"|\bnehme (?:das|es|dies|ihr angebot)\b.{0,20}\ban\b"
        r"|\b(?:haette|haetten) (?:\w+ )?gerne? .{0,60}\b(?:wieder|zurueck)\b"
        r"|\bwieder (?:auf|starten|in kraft|aufleben|an|ein)\b"
        r"|\b(?:i|we)(?:'d| would) like (?:[\w']+ ){1,4}back\b"
        r"|\b(?:re-?activate|reopen|re-open|re-?enrol\w*|rejoin|resubscribe|put (?:me|us|him|her"
        r"|them) back|(?:sperre|stopp|lieferstopp|pause) (?:\w+ )?aufheben"
        r"|heben sie (?:[\w-]+ ){0,4}auf"
        r"|wieder (?:zustellen|einschalten|liefern|kommen|verlaengern)|activated again)\b"
        r"|\b(?:revive|reconnect|unlock|(?:switch|turn) (?:\w+ ){1,3}back on|back in place)\b"
        r"|\b(?:reaktivieren|aktivieren|reactivate|reinstate|restore) (?:sie|bitte|please|it|my"
        r"|the)\b"
    ),
    "unsubscribe": _ascii(
        rf"{_REQUEST}.{{0,80}}?\b(?:abmelden|abmeldung|austragen|entfernen|loeschen|unsubscribe"
        r"|remove|take me off|opt me out|delete)\b"
        r"|\bmelden sie mich\b.{0,40}\bab\b|\btragen sie mich\b.{0,40}\baus\b"
        r"|\b(?:hoeren sie|hoert|hoer)\b.{0,40}\bauf\b"
        r"|\bnehmen sie mich\b.{0,40}\b(?:raus|heraus|aus)\b"
        rf"|{_WANT_DE}.{{0,60}}?(?:\babmelden|\baustragen|\babbestellen|\bkeine \w+ mehr)"
        r"|\b(?:ich )?widerrufe\b.{0,60}\b(?:einwilligung|zustimmung|einverstaendnis|werbe\w*"
        r"|newsletter)"
        r"|\b(?:withdraw|revoke) (?:my |all )?(?:consent|permission|agreement)"
        r"|\bkeine (?:\w+ )?(?:werbung|newsletter|werbemails|mails|e-mails|emails|anrufe|sms"
        r"|post|prospekte|kataloge)\b.{0,40}\bmehr\b"
        r"|\bstop (?:the |your |all |these )?(?:\w+ ){0,2}(?:e-?mails|newsletters|texts|calls"
        r"|messages|sms|offers|marketing|mailings)\b"
        r"|\btake (?:me|us) off\b|\b(?:sperrliste|robinsonliste)\b"
        r"|\bwidersprech\w* .{0,60}\bwerb|\bstreich\w* .{0,40}(?:newsletter|verteiler|liste|werb)"
        r"|^\W*(?:austragen|unsubscribe|abmelden)\b"
        r"|\bunsubscribe me\b|\b(?:stop|quit) (?:sending|emailing|e-mailing|mailing|calling"
        r"|texting|spamming|contacting)\b|\bopt(?:ing)? (?:me )?out\b"
        r"|\bremove (?:me|my (?:e-?mail|address|data|details))\b"
        r"|\bdo not (?:contact|email|e-mail|call|text|mail) me\b"
        r"|\bno more (?:\w+ )?(?:e-?mails|newsletters|marketing|calls|texts|spam|catalogues"
        r"|catalogs|brochures|leaflets|offers|promotions|messages|sms)\b"
        r"|\b(?:do not|don't|dont) (?:wish|want) to (?:receive|get) (?:any )?(?:more |further )?"
        r"(?:\w+ )?(?:e-?mails|newsletters|marketing|calls|texts|messages|offers|promotions"
        r"|catalogues|catalogs|adverts|advertising|sms|spam)\b"
        rf"|{_WANT_EN} (?:unsubscribe|opt out)\b"
        r"|^\W*(?:abmelden|unsubscribe|stop)(?: (?:pls|please|bitte|plz))?\W*$"
    ),
}
