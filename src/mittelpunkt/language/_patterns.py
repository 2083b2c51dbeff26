"""The linguistic cues, as regular expressions over folded text (see ``_normalize.fold``).

Folded text is lower-case ASCII: "Kündigung" reads ``kuendigung``, "erübrigt" ``eruebrigt``.
Each pattern names one thing a reader of German or English looks for. They are deliberately
broad where they *lower* certainty (questions, negations, conditions, withdrawals) and narrow
where they *raise* it (an unambiguous instruction).
"""

from __future__ import annotations

import re

__all__ = [
    "CANCEL",
    "CAUSAL",
    "CONDITIONAL",
    "CONFIRM_OBJECT",
    "DANGLING_CONDITION",
    "DOUBT",
    "HINT",
    "INDIRECT",
    "INSTRUCTION",
    "LATE_OPENER",
    "NEAR_NEGATION",
    "NEGATION",
    "OPENER",
    "POLITE",
    "POLITE_WISH",
    "REPORTED",
    "WITHDRAW",
]


def _ascii(pattern: str) -> re.Pattern[str]:
    """Compile for folded text, which is plain ASCII (and ASCII matching is faster)."""
    return re.compile(pattern, re.ASCII)


def _words(*alternatives: str) -> str:
    return r"\b(?=[a-z])(?:" + "|".join(alternatives) + r")\b"


CANCEL = _ascii(
    _words(
        r"storn\w*",
        r"stonier\w*",
        r"(?:ge)?k(?:ue|u)ndig\w*",
        r"k(?:ue|u)nd(?:e|en|et|ete)",
        r"gekuendet",
        r"widerr(?:u|ie)f\w*",
        r"ruecktritt\w*",
        r"zurueck ?zu ?treten",
        r"zuruecktret\w*",
        r"tret\w*(?: \w+){0,6} zurueck",
        r"annull\w*",
        r"abbestell\w*",
        r"aufloes\w*",
        r"beend\w*",
        r"cancel\w*",
        r"terminat\w*",
        r"rescind\w*",
        r"call(?:ed|ing)? (?:\w+ )?off",
        r"(?:close|end) (?:my|the|our|this) (?:\w+ )?"
        r"(?:account|subscription|contract|membership|plan)",
    )
)

_NEGATORS = (
    r"nicht",
    r"nich",
    r"net",
    r"ned",
    r"noed",
    r"nid",
    r"kein\w*",
    r"nie",
    r"niemals",
    r"nichts",
    r"keinesfalls",
    r"keineswegs",
    r"nein",
    r"not",
    r"no(?!\.? ?#?\d)",
    r"never",
    r"nothing",
    r"neither",
    r"nor",
    r"none",
    r"nobody",
    r"\w+n't",
    r"dont",
    r"doesnt",
    r"didnt",
    r"wont",
    r"cant",
    r"shouldnt",
)
NEGATION = _ascii(_words(*_NEGATORS, r"ohne", r"statt", r"anstatt", r"without", r"instead"))

_GAP = r"(?:[^\w,;:.!?]+[\w']+){0,3}[^\w,;:.!?]+"
NEAR_NEGATION = _ascii(
    _words(*_NEGATORS, r"ohne", r"statt", r"anstatt", r"without", r"instead of", r"rather than")
    + _GAP
    + CANCEL.pattern
    + "|"
    + CANCEL.pattern
    + _GAP
    + _words(r"nicht", r"nichts", r"net", r"ned", r"noed", r"nid", r"keinesfalls")
)

POLITE_WISH = _ascii(
    r"\b(?:wuerde|wuerden|haette|haetten)(?: (?:ich|wir))? (?:sehr )?gerne?\b"
    r"|\bwould (?:really )?(?:like|love)\b|\b(?:wuerden|koennten) sie\b|\bwould you\b"
)

CONDITIONAL = _ascii(
    _words(
        r"falls",
        r"wenn",
        r"sofern",
        r"soweit",
        r"sollte\w*",
        r"wuerde\w*",
        r"waere\w*",
        r"haette\w*",
        r"sonst",
        r"ansonsten",
        r"andernfalls",
        r"notfalls",
        r"gegebenenfalls",
        r"ggf",
        r"eventuell",
        r"evtl",
        r"vielleicht",
        r"moeglicherweise",
        r"unter umstaenden",
        r"bevor",
        r"ueberleg\w*",
        r"erwaeg\w*",
        r"mit dem gedanken",
        r"if",
        r"unless",
        r"otherwise",
        r"or else",
        r"would",
        r"might",
        r"maybe",
        r"perhaps",
        r"possibly",
        r"in case",
        r"provided",
        r"as long as",
        r"solange",
        r"ausser",
        r"considering",
        r"thinking (?:about|of)",
        r"before",
        r"should",
    )
)

_OPENERS = (
    r"(?:kann|koennte\w*) (?:man|ich|wir|das|die|der|es|mein\w*)|darf ich|muss ich|muessen wir"
    r"|ist (?:es|das|eine?)|waere (?:es|das)|geht (?:das|es)|gibt es|bin ich|habe? ich|besteht"
    r"|laesst sich|stimmt es|wie|was|wann|warum|wieso|weshalb|wo|welche\w*"
    r"|can (?:i|we|it|this|the|my)|could (?:i|we|it)|may i|is (?:it|there|that|this)"
    r"|are there|would it|will (?:i|it|there)|do (?:i|you|we)|does|did|am i|should i"
    r"|how|what|when|where|why|which"
)
OPENER = _ascii(
    r"^(?:\W|\b(?:und|also|aber|and|but|so|ok|okay|hallo|hi|hello|hey)\b)*"
    rf"(?:{_OPENERS})\b"
)
LATE_OPENER = _ascii(
    r"(?:[,;:(]\s*|\b(?:und|also|aber|and|but|so)\s+)"
    rf"(?:{_OPENERS})\b"
)

INDIRECT = _ascii(
    _words(
        r"ob",
        r"whether",
        r"frage mich",
        r"wissen(?:,)? (?:ob|wie|was|wann)",
        r"wonder\w*",
        r"(?:like|want) to know",
        r"erkundig\w*",
        r"interessiert mich",
        r"mich interessiert",
        r"(?:let me know|tell me|advise)(?: \w+){0,3} (?:if|whether|how)",
    )
)

POLITE = _ascii(
    r"\b(?:koennen|koennten|wuerden|koenntet|koennt|wuerdet) (?:sie|ihr)\b"
    r"|\b(?:kannst|koenntest|wuerdest) du\b|\b(?:could|can|would|will) you\b"
)

CAUSAL = _ascii(_words(r"da", r"weil", r"nachdem", r"zumal", r"seit\w*", r"because", r"since"))

CONFIRM_OBJECT = _ascii(r"\b(?:bestaetig\w*|confirm\w*)\b(?: [\w']+){0,5} " + CANCEL.pattern)

WITHDRAW = _ascii(
    _words(
        r"eru?e?brig\w*",
        r"hat sich (?:\w+ ){0,3}(?:erledigt|geklaert)",
        r"haben sich (?:\w+ ){0,3}erledigt",
        r"(?:ist|sind) (?:\w+ ){0,2}(?:gegenstandslos|hinfaellig|obsolet|vom tisch)",
        r"gegenstandslos",
        r"hinfaellig",
        r"(?:vergessen|ignorieren|streichen) sie",
        r"bitte (?:\w+ ){0,4}(?:ignorieren|vergessen|nicht beachten|streichen)",
        r"vergiss",
        r"vergesst",
        r"ignorier\w*",
        r"(?:ziehe|ziehen|zieht|nehme|nehmen)(?: \w+){0,6} zurueck",
        r"zurueck ?(?:zu)?(?:ziehen|gezogen|ziehe|nehmen|genommen|nehme)",
        r"doch nicht",
        r"kommando zurueck",
        r"nicht mehr (?:noetig|notwendig|erforderlich|aktuell|relevant)",
        r"belassen",
        r"es bleibt (?:alles )?(?:bei|so|wie)",
        r"(?:storn|cancel|kuendig|widerr)\w*(?: \w+){0,4}"
        r" (?:stornierung|kuendigung|cancellation|storno)",
        r"(?:meine|my) (?:stornierung|kuendigung|storno|cancellation)\w*(?: \w+){0,3}"
        r" (?:rueckgaengig|aufheben|annullieren|undo|reverse|void)",
        r"als (?:erledigt|gegenstandslos|hinfaellig|nichtig)",
        r"ignore(?: [\w']+){0,4} (?:mail|email|e-mail|message|request|question|note|previous"
        r"|last|earlier|that|this)",
        r"disregard\w*",
        r"never ?mind",
        r"nvm",
        r"scratch that",
        r"forget (?:my|about|what|that|it|the)",
        r"(?:withdraw|retract|take back|undo|revoke|rescind|cancel)(?: (?:my|our|the|this|that))?"
        r" (?:previous |last |earlier |recent )?(?:request|complaint|question|cancellation"
        r"|termination|notice|claim|inquiry|enquiry|message|email|mail|objection)",
        r"(?:undo|reverse|revoke|withdraw|retract|rescind|cancel|take back) (?:[\w']+ ){0,2}"
        r"(?:cancellation|termination|notice|cancel request)",
        r"(?:stornierung|kuendigung|storno|widerruf)\w* (?:\w+ ){0,4}(?:zurueck\w*|rueckgaengig"
        r"|aufheben|aufgehoben|annullieren|annulliert|widerrufen|stornieren|storniert|nichtig)",
        r"(?:kuendigung|stornierung|storno|cancellation|termination) (?:war|was) (?:ein |a |an )?"
        r"(?:versehen|fehler|irrtum|mistake|error)",
        r"(?:cancellation|termination|notice)\w* (?:[\w']+ ){0,4}(?:withdrawn|void|null|revoked"
        r"|retracted|cancelled|canceled)",
        r"retract\w*",
        r"no longer (?:necessary|needed|relevant|required|an issue)",
        r"not (?:necessary|needed) (?:any ?more|after all)",
        r"changed (?:my|our) minds?",
        r"(?:resolved|sorted|solved|fixed) itself",
        r"(?:i'll|i will|we'll|we will|i'd rather) keep",
        r"leave (?:it|everything|the order|things) as (?:it is|is)",
        r"on second thoughts?",
        r"actually,? (?:no|don't|do not|never mind|not)",
        r"(?:lieber|besser|doch|eher) nicht",
        r"or not",
        r"oder (?:auch |doch )?nicht",
        r"no,? wait",
        r"nein,? warte",
        r"wait,? (?:no|don't|do not)",
        r"just kidding",
        r"war (?:nur )?ein (?:spass|scherz)",
    )
)

REPORTED = _ascii(
    r"\b(?:ich|wir) (?:hatte|hatten|habe|haben|hab) (?:[\w-]+ ){0,6}(?:geschrieben|gefragt"
    r"|gebeten|angefragt|mitgeteilt|geschickt|gesagt|erwaehnt|beantragt|gemailt)\b"
    r"|\b(?:meine|meiner|die|der) (?:letzte|letzten|vorige|vorigen|vorherige|vorherigen|gestrige"
    r"|gestrigen|erste|ersten) (?:mail|nachricht|anfrage|e-mail)"
    r"|\bwie (?:bereits |schon )?(?:geschrieben|erwaehnt|mitgeteilt)"
    r"|\b(?:i|we)(?: had| have|'ve|'d)? (?:[\w']+ ){0,3}(?:asked|wrote|written|sent|emailed"
    r"|e-mailed|requested|mentioned|said|told you|enquired|inquired)\b"
    r"|\b(?:my|the) (?:last|previous|earlier|first|original) (?:mail|email|e-mail|message"
    r"|request)\b"
)

DOUBT = _ascii(
    _words(
        r"(?:or|oder) (?:\w+ ){0,2}(?:not|nicht)",
        r"(?:maybe|perhaps|vielleicht|eventuell) (?:\w+ )?(?:not|nicht)",
        r"not sure",
        r"unsure",
        r"(?:nicht|noch nicht) (?:so )?sicher",
        r"unsicher",
        r"unschluessig",
        r"weiss (?:noch )?nicht",
        r"(?:just|only) (?:asking|a question|wondering)",
        r"nur (?:eine )?frage",
        r"frage (?:ja )?nur",
        r"nur gefragt",
        r"(?:rein )?hypothetisch",
        r"hypothetical\w*",
        r"theoreti\w*",
        r"kidding",
        r"jk",
        r"spass",
        r"scherz",
    )
    + r"|^\W*(?:(?:bitte|please|lieber|doch|besser|actually|no|nein|hmm+|oh)[ ,]+)*"
    r"(?:don't|do not|dont|nicht|not|no|nein|lieber nicht|besser nicht)\W*$"
)

# A sentence that only sets a condition ("Falls möglich." / "If that works.") conditions its
# neighbour; the usual sign-off ("Falls Sie Fragen haben, ...") does not.
DANGLING_CONDITION = _ascii(
    r"^\W*(?:falls|wenn|sofern|solange|ausser|if|unless|provided|as long as|in case)\b"
    r"(?!.*\b(?:fragen|rueckfragen|questions?|queries|need anything|need more|need further)\b)"
)

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
    r"zuruecktreten",
    r"cancel",
    r"terminate",
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
        r"|zurueck|back|reviv|reconnect|unlock|\bja\b|\byes\b"
    ),
    "unsubscribe": _ascii(
        r"newsletter|werb|mail|verteiler|liste|list\b|sms|text|anruf|call|katalog|catalog"
        r"|prospekt|leaflet|einwillig|zustimmung|einverst|consent|permission|marketing|spam"
        r"|abmeld|austrag|unsubscr|opt|contact|kontakt|daten|data|push|benachrichtig"
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
        r"|\b(?:storniere|storniert|stornier|kuendige|kuendigt|annulliere|cancel)\b(?: [\w']+){0,2}"
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
        r"|\bnotice of (?:cancellation|termination)\b"
        r"|^\W*(?:please |kindly |pls )?(?:cancel|terminate) (?!fee|polic|button|option|request)\w"
        r"|\b(?:i|we)(?: hereby)? (?:cancel|terminate|rescind|withdraw from)\b"
        r"|\bi(?:'m| am) (?:hereby )?(?:cancell?ing|terminating|withdrawing from)\b"
        rf"|{_WANT_EN} (?:cancel|terminate|end|close|rescind|withdraw from|annul)\b"
    ),
    "reactivation_request": _ascii(
        rf"(?:{_REQUEST}|\bersuche\b|{_WANT_DE}).{{0,80}}?\b(?:reaktivier\w*|wieder ?aktivier\w*"
        r"|wieder ?her ?(?:ge)?stell\w*|reactivat\w*|reinstat\w*|restore|restart|resume"
        r"|rueckgaengig|undo|wieder ?aufnehm\w*|wieder ?freischalt\w*|wieder frei|zurueck haben"
        r"|wieder haben)"
        rf"|{_WANT_EN} (?:\w+ ){{0,3}}(?:reactivat|reinstat|restor|resum|have it back|get it back)"
        r"|\bja\b.{0,30}\b(?:reaktivier\w*|wieder|gerne|bitte)\b"
        r"|\byes\b.{0,30}\b(?:reactivat\w*|reinstat\w*|restor\w*|please|go ahead)\b"
        r"|\b(?:nehme|nehmen|accept)\b.{0,40}\b(?:angebot|offer)\b"
        r"|\bnehme (?:das|es|dies|ihr angebot)\b.{0,20}\ban\b"
        r"|\b(?:haette|haetten) (?:\w+ )?gerne? .{0,60}\b(?:wieder|zurueck)\b"
        r"|\bwieder (?:auf|starten|in kraft|aufleben|an|ein)\b"
        r"|\b(?:i|we)(?:'d| would) like (?:[\w']+ ){1,4}back\b"
        r"|\b(?:revive|reconnect|unlock|switch \w+ back on|back in place)\b"
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
        r"|\bunsubscribe me\b|\b(?:stop|quit) (?:sending|emailing|e-mailing|mailing|calling"
        r"|texting|spamming|contacting)\b|\bopt(?:ing)? (?:me )?out\b"
        r"|\bremove (?:me|my (?:e-?mail|address|data|details))\b"
        r"|\bdo not (?:contact|email|e-mail|call|text|mail) me\b"
        r"|\bno more (?:e-?mails|newsletters|marketing|calls|texts|spam)\b"
        rf"|{_WANT_EN} (?:unsubscribe|opt out)\b"
        r"|^\W*(?:abmelden|unsubscribe|stop)\W*$"
    ),
}
