"""The linguistic cues, as regular expressions over folded text (see ``_normalize.fold``).

Folded text is lower-case ASCII: "Kündigung" reads ``kuendigung``, "erübrigt" ``eruebrigt``.
Each pattern names one thing a reader of German or English looks for. They are deliberately
broad where they *lower* certainty (questions, negations, conditions, withdrawals) and narrow
where they *raise* it (an unambiguous instruction, in :mod:`._instructions`).
"""

from __future__ import annotations

from mittelpunkt.language._regex import any_word as _words
from mittelpunkt.language._regex import ascii_pattern as _ascii

__all__ = [
    "CANCEL",
    "CANCELLED",
    "CANCELLED_NEEDS",
    "CAUSAL",
    "CONDITIONAL",
    "CONDITION_OPENS",
    "CONFIRM_OBJECT",
    "DANGLING_CONDITION",
    "DOUBT",
    "DOUBT_ALONE",
    "INDIRECT",
    "LATE_OPENER",
    "LATE_OPENER_JOINED",
    "LEAVING",
    "MARKETING",
    "NEAR_NEGATION",
    "NEGATION",
    "OPENER",
    "POLITE",
    "POLITE_WISH",
    "REMINDER_CANCELLED",
    "REMINDER_WORDS",
    "REPORTED",
    "SIGN_OFF_A_COURSE",
    "TIGHT_NEGATION",
    "WITHDRAW",
]


# What a customer leaves when they sign off a course, a class, a club or a university.
_COURSE = (
    r"kurs|sprachkurs|seminar|workshop|lehrgang|unterricht|training|verein|club|klub|studium"
    r"|semester|kita|hort|ferienlager|camp|course|class|module|programme|program|lesson"
)
LEAVING = _ascii(_COURSE)
MARKETING = _ascii(
    r"newsletter|werb|mail|verteiler|liste|\blist\b|sms|\btext|anruf|\bcall|katalog|catalog"
    r"|prospekt|marketing|spam|angebot|offer|promo|push|benachrichtig|notification|einwillig"
    r"|consent|daten|data"
)

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
        # calling off an appointment or a booking: "den Termin absagen", "sage ... ab"
        r"absag\w*",
        r"abgesagt",
        r"(?:sage|sagen|sag|sagt)(?: \w+){1,6} ab(?= und| oder|\W*$|[.,!?;:])",
        r"(?:anmeldung|buchung|reservierung|termin)\w*(?: [\w.]+){0,6} streich\w*",
        r"(?:close|end) (?:my|the|our|this) (?:\w+ )?"
        r"(?:account|subscription|contract|membership|plan)",
        # Leaving a course, a club or a university ends a booking or a membership too.
        r"exmatrikul\w*",
        r"unenrol\w*",
        r"drop(?:ped|ping)? out",
        r"austritt\w*",
        r"austreten",
        rf"(?:trete|treten|tritt)(?: \w+){{0,3}} (?:{_COURSE})\w*",
    )
)

# Signing off a course is a cancellation too, but "abmelden" alone is mostly a newsletter's:
# searched apart from CANCEL, and only in a sentence that holds "abmeld".
SIGN_OFF_A_COURSE = _ascii(
    rf"\b(?:vom|von dem|von der|aus dem|aus der)(?: \w+){{0,3}}? \w*(?:{_COURSE})\w*"
    r"(?: \w+){0,4} (?:abmelden|abmelde|abzumelden)\b"
    rf"|\babmeldung (?:vom|von|aus|fuer)(?: \w+){{0,3}}? \w*(?:{_COURSE})"
)

# A reminder or a late fee cancelled is a charge taken back, not an order or a contract ended:
# "Bitte die Mahnung stornieren", "please cancel the late fee".
_REMINDERS = (
    r"(?:mahnung|mahngebuehr|mahnkosten|zahlungserinnerung|payment reminder|reminder|late fee"
    r"|late payment fee|late charge)s?"
)
REMINDER_CANCELLED = _ascii(
    rf"\b{_REMINDERS}(?: \w+){{0,2}} (?:storn|cancel|annull)\w*"
    rf"|\b(?:storn|cancel|annull)\w*(?: \w+){{0,2}} (?:die |den |the |this |that |my |meine )?"
    rf"{_REMINDERS}\b"
)
REMINDER_WORDS = ("mahn", "erinnerung", "reminder", "late")

# A cancellation already done, named as a state: "the cancelled concert", "die stornierte
# Buchung", "my contract was cancelled", "Sie haben ... gekündigt". Its sentence is about what
# follows from it (a refund, a voucher, getting it back), not about cancelling.
CANCELLED = _ascii(
    r"\b(?:the|my|your|our|this|that|a|an|die|der|das|den|dem|des|eine?[mnrs]?|meine?[mnrs]?"
    r"|ihre?[mnrs]?|eure?[mnrs]?|unsere?[mnrs]?|deine?[mnrs]?) (?:\w+ )?(?:cancell?ed|terminated"
    r"|stornierte?[mnrs]?|gekuendigte?[mnrs]?|abgesagte?[mnrs]?|annullierte?[mnrs]?"
    r"|beendete?[mnrs]?)\b"
    r"|\b(?:was|were|been|got|wurde|wurden|worden|ist|sind) (?:\w+ ){0,3}(?:cancell?ed|terminated"
    r"|storniert|gekuendigt|abgesagt|annulliert|beendet)\b"
    r"|\b(?:you|they|sie|ihr) (?:\w+ ){0,2}(?:cancell?ed|terminated)\b"
    r"|\b(?:haben|habt|hat) (?:\w+ ){0,5}(?:storniert|gekuendigt|abgesagt|beendet)\b"
)
# Every match of CANCELLED holds one of these: where none is in a text, it need not be searched.
CANCELLED_NEEDS = (
    "cancelled",
    "canceled",
    "terminated",
    "storniert",
    "gekuendigt",
    "abgesagt",
    "annulliert",
    "beendet",
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
_NEAR_NEGATORS = _words(
    *_NEGATORS, r"ohne", r"statt", r"anstatt", r"without", r"instead of", r"rather than"
)
_NEGATED_AFTER = _words(r"nicht", r"nichts", r"net", r"ned", r"noed", r"nid", r"keinesfalls")
NEAR_NEGATION = _ascii(
    _NEAR_NEGATORS + _GAP + CANCEL.pattern + "|" + CANCEL.pattern + _GAP + _NEGATED_AFTER
)
# A negation right before signing off ("bitte nicht abmelden", "don't unsubscribe me"): the
# customer keeps what an instruction to unsubscribe would end.
NEGATED_UNSUBSCRIBE = _ascii(
    _NEAR_NEGATORS
    + _GAP
    + _words(r"ab(?:zu)?meld\w*", r"abbestell\w*", r"aus(?:zu)?trag\w*", r"unsubscrib\w*",
             r"opt(?:ing)? (?:me |us )?out")
)  # fmt: skip
# The same with nothing but spaces between a negation before the cancellation and it: within
# a condition ("wenn ihr bis Montag nicht liefert, storniere ich"), a negation a few words
# before the cancellation negates the condition's verb, not the cancellation.
TIGHT_NEGATION = _ascii(
    _NEAR_NEGATORS + r"[^\w,;:.!?]+" + CANCEL.pattern + "|" + CANCEL.pattern + _GAP + _NEGATED_AFTER
)
CONDITION_OPENS = _ascii(_words(r"wenn", r"falls", r"sofern", r"if", r"unless"))

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
        r"in the event",
        r"im falle?",
        # a condition put as a circumstance: "Bei mehr als 5 Tagen Lieferzeit bitte stornieren"
        r"bei (?:mehr|weniger|ueber|unter|laenger|spaeter|nicht\w*|ausbleib\w*|verzoeger\w*"
        r"|verspaet\w*|weiter\w*|erneut\w*)",
        r"provided",
        r"assuming",
        r"vorausgesetzt",
        r"angenommen",
        r"gesetzt den fall",
        r"unter der voraussetzung",
        r"as long as",
        r"solange",
        r"ausser",
        r"considering",
        r"thinking (?:about|of)",
        # "before I decide", "before cancelling"; not "same plan as before"
        r"before (?:i|we|you|they|it|that|this|anything|any|\w+ing)",
        r"should",
        # A threat is a condition: "One more price hike and I'm cancelling."
        r"one more\b[^.!?;]*\band",
        r"another\b[^.!?;]*\band (?:i|we)\b",
        r"noch (?:ein|eine|einmal|so ein\w*)\b[^.!?;]*\bund (?:ich|wir)\b",
    )
)

_OPENERS = (
    r"(?:kann|koennte\w*) (?:man|ich|wir|das|die|der|es|mein\w*)|darf ich|muss ich|muessen wir"
    r"|ist (?:es|das|eine?)|waere (?:es|das)|geht (?:das|es)|gibt es|bin ich|habe? ich|besteht"
    r"|laesst sich|stimmt es|wie|was(?! (?:about|going|gonna|planning|thinking|hoping|told|meant"
    r"|supposed|charged|sent) )|wann|warum|wieso|weshalb|wo|welche\w*"
    r"|can (?:i|we|it|this|the|my)|could (?:i|we|it)|may i|is (?:it|there|that|this)"
    r"|are there|would it|will (?:i|it|there)|do (?:i|you|we)|does|did|am i|should i"
    r"|how|what|when|where|why|which"
)
OPENER = _ascii(
    r"^(?:\W|\b(?:und|also|aber|and|but|so|ok|okay|hallo|hi|hello|hey)\b)*"
    rf"(?:{_OPENERS})\b"
)
# A question opened late, after a mark or a joining word: two patterns, so that the first
# begins with a mark (the matcher skips straight to one) and the second with a word (the
# screen knows where it can begin). Where both match, the earlier match is the opener.
LATE_OPENER = _ascii(rf"[,;:(]\s*(?:{_OPENERS})\b")
LATE_OPENER_JOINED = _ascii(rf"\b(?=[a-z])(?:und|also|aber|and|but|so)\s+(?:{_OPENERS})\b")

# Asking to be told what a cancellation involves is a question, not an instruction: "Kindly
# inform me of the cancellation procedure", "Nennen Sie mir die Schritte, um ... zu beenden",
# "Would you kindly explain how the cancellation works".
_TELL = (
    r"\b(?:inform\w*|explain\w*|tell (?:me|us)|advise|let (?:me|us) know|walk (?:me|us) through"
    r"|outline|clarify|describe|(?:send|give|provide) (?:me|us)|nenn\w*|mitteil(?:en|e|t|st)"
    r"|teil(?:en|t|e)? (?:sie|du|ihr|mir|uns)|erklaer\w*|erlaeuter\w*|auskunft|informier\w*"
    r"|beschreib\w*|sag(?:en sie|e|t)? (?:mir|uns)|verrat\w*|show (?:me|us)|zeig\w*)\b"
)
_INVOLVES = (
    r"\b(?:procedures?|process|terms|conditions|steps?|notice period|fees?|charges?|costs?"
    r"|deadlines?|options|polic(?:y|ies)|rules|requirements|details|how to|frist\w*|bedingung\w*"
    r"|ablauf\w*|schritte?|vorgehen\w*|vorgehensweise|modalitaet\w*|gebuehr\w*|kosten"
    r"|prozedere|prozedur|regel\w*|optionen|formalitaet\w*|how|what|wie|was)\b"
)
_INVOLVED_IN_CANCELLING = (
    r"\b(?:storn|kuendig|cancel|widerruf|ruecktritt)\w*(?:frist|bedingung|gebuehr|kosten|ablauf"
    r"|modalitaet|prozess|verfahren|regel)\w*"
)
ASK_TO_BE_TOLD = (
    _TELL
    + r"[^.!?]{0,60}?(?:"
    + _INVOLVES
    + r"[^.!?]{0,50}?"
    + CANCEL.pattern
    + "|(?:"
    + CANCEL.pattern
    + r")(?:\W+\w+){0,2}?\W+"
    + _INVOLVES
    + "|"
    + _INVOLVED_IN_CANCELLING
    + ")"
)

INDIRECT = _ascii(
    ASK_TO_BE_TOLD
    + "|"
    + _words(
        r"ob",
        r"whether",
        r"frage mich",
        r"wissen(?:,)? (?:ob|wie|was|wann)",
        r"wonder\w*",
        r"(?:like|want) to know",
        r"erkundig\w*",
        r"interessiert mich",
        r"mich interessiert",
        r"(?:let me know|tell me|advise|(?:sag|saeg|nenn)\w* (?:sie |du )?(?:mir|uns)"
        r"|teil\w* (?:sie |du )?(?:mir|uns) (?:\w+ )?mit)(?:[ ,]+\w+){0,3}?[ ,]+(?:if|whether|how"
        r"|when|what|which|where|ob|wie|wann|waenn|was|welche\w*|wo|bis (?:wann|waenn))",
        # "how does that work", asked in passing, without a question mark
        r"wie (?:geht|funktioniert|klappt|mache ich|macht man) (?:das|dies|es)\b",
        r"how (?:does|do) (?:that|this|it|i) (?:work|do that|go about)",
        r"how to",
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
        r"ignore (?:my|our|the|this|that) (?:[\w']+ )?(?:cancel\w*|termination|notice)",
        r"disregard\w*",
        r"never ?mind",
        r"nvm",
        r"scratch (?:that|my (?:last|previous|earlier)|what i (?:said|wrote))",
        r"false alarm",
        r"(?:you can|please|feel free to) close (?:the|my|this) (?:case|ticket|request|query"
        r"|enquiry|inquiry|complaint)",
        r"(?:consider|treat|regard) (?:my|the|this|that) (?:[\w']+ )?(?:request|e-?mail|message"
        r"|complaint|question|enquiry|inquiry|case|ticket)(?: [\w']+){0,3}? (?:as )?(?:closed|void"
        r"|withdrawn|resolved)",
        r"forget (?:my|about|what|that|it|the)",
        r"(?:withdraw(?:ing)?|retract(?:ing)?|tak(?:e|es|ing) back|took back|undo(?:ing)?"
        r"|revok(?:e|ing)|rescind(?:ing)?|cancel)(?: (?:my|our|the|this|that))?"
        r" (?:previous |last |earlier |recent )?(?:request|complaint|question|cancellation"
        r"|termination|notice|claim|inquiry|enquiry|message|email|mail|objection"
        # a return, refund or exchange the customer asked for is their own request
        r"|return|refund|exchange|replacement)",
        r"(?:storn|widerr|zurueckzieh)\w* (?:\w+ ){0,3}(?:ruecksendung|retoure|rueckgabe|umtausch"
        r"|reklamation|beschwerde|erstattungsantrag)",
        r"(?:ruecksendung|retoure|rueckgabe|umtausch|reklamation|beschwerde)\w* (?:\w+ ){0,4}"
        r"(?:stornieren|storniert|zurueckziehen|zurueckgezogen|abbrechen)",
        r"(?:undo(?:ing)?|revers(?:e|ing)|revok(?:e|ing)|withdraw(?:ing)?|retract(?:ing)?"
        r"|rescind(?:ing)?|cancel|tak(?:e|es|ing) back|took back) (?:[\w']+ ){0,2}"
        r"(?:cancellation|termination|notice|cancel request)",
        r"(?:stornierung|kuendigung|storno|widerruf)\w* (?:\w+ ){0,4}(?:zurueck\w*|rueckgaengig"
        r"|aufheben|aufgehoben|annullieren|annulliert|widerrufen|stornieren|storniert|nichtig)",
        r"(?:kuendigung|stornierung|storno|cancellation|termination) (?:war|was) (?:ein |a |an )?"
        r"(?:versehen|fehler|irrtum|mistake|error)",
        # cancelling was a mistake: "war ein Fehler zu kündigen", "it was a mistake to cancel"
        r"(?:war|ist) (?:\w+ )?(?:ein )?(?:\w+ )?(?:versehen|fehler|irrtum),?(?: \w+){0,3} zu"
        r" (?:kuendigen|stornieren|widerrufen|beenden)",
        r"(?:was|is) (?:\w+ )?(?:a |an )?(?:\w+ )?(?:mistake|error) (?:to (?:cancel|terminate|end)"
        r"|cancell?ing|terminating)",
        r"(?:kuendigen|stornieren|cancell?ing|terminating)(?: \w+){0,3} (?:war|ist|was|is)"
        r" (?:\w+ )?(?:ein |a |an )?(?:\w+ )?(?:versehen|fehler|irrtum|mistake|error)",
        r"(?:versehentlich|aus versehen|irrtuemlich|accidentally|mistakenly"
        r"|by (?:mistake|accident))(?: \w+){0,3} (?:gekuendigt|storniert|widerrufen|cancell?ed"
        r"|terminated)",
        r"(?:gekuendigt|storniert|cancell?ed|terminated)(?: \w+){0,3} (?:aus versehen|versehentlich"
        r"|by (?:mistake|accident))",
        r"(?:cancellation|termination|notice)\w* (?:[\w']+ ){0,4}(?:withdrawn|void|null|revoked"
        r"|retracted|cancelled|canceled)",
        r"retract\w*",
        r"tak(?:e|es|ing)(?: (?:my|our|the|this|that))? (?:[\w']+ ){0,2}(?:cancellation|termination"
        r"|notice|complaint|request)s? back",
        r"no longer (?:necessary|needed|relevant|required|an issue)",
        r"not (?:necessary|needed) (?:any ?more|after all)",
        r"changed (?:my|our) minds?",
        r"(?:resolved|sorted|solved|fixed) itself",
        r"(?:i'll|i will|we'll|we will|i'd rather|(?:decided|want|prefer) to) keep",
        r"(?:behalte|behalten) (?:ich|wir)",
        r"(?:ich|wir) (?:\w+ ){0,3}(?:behalten|behalte)",
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
    # what someone else said the customer must do: "mir wurde gesagt, dass ich kündigen muss"
    r"|\b(?:gesagt|mitgeteilt|geschrieben|erklaert|gemeint|behauptet|informiert)\w*,?"
    r" (?:\w+ ){0,3}dass\b"
    r"|\b(?:hiess|heisst) es,? (?:\w+ ){0,3}dass\b"
    r"|\b(?:told|said|informed|explained|advised)(?: (?:me|us))?,? (?:\w+ ){0,3}that\b"
)

# Doubt in words, each alternative led by a plain word so that they group by letter.
DOUBT = _ascii(
    _words(
        r"or (?:\w+ ){0,2}(?:not|nicht)",
        r"oder (?:\w+ ){0,2}(?:not|nicht)",
        r"maybe (?:\w+ )?(?:not|nicht)",
        r"perhaps (?:\w+ )?(?:not|nicht)",
        r"vielleicht (?:\w+ )?(?:not|nicht)",
        r"eventuell (?:\w+ )?(?:not|nicht)",
        r"not sure",
        r"unsure",
        r"nicht (?:so )?sicher",
        r"noch nicht (?:so )?sicher",
        r"unsicher",
        r"unschluessig",
        r"weiss (?:noch )?nicht",
        r"just (?:asking|a question|wondering)",
        r"only (?:asking|a question|wondering)",
        r"nur (?:eine )?frage",
        r"frage (?:ja )?nur",
        r"nur gefragt",
        r"rein hypothetisch",
        r"hypothetisch",
        # a cancellation meant once, then not: "Eigentlich wollte ich kündigen, aber ..."
        r"eigentlich (?:\w+ )?wollten? (?:ich|wir)",
        r"urspruenglich (?:\w+ )?wollten? (?:ich|wir)",
        r"zuerst (?:\w+ )?wollten? (?:ich|wir)",
        r"wollten? (?:ich|wir) (?:\w+ ){0,6}(?:kuendigen|stornieren|beenden)\w*,? (?:aber|doch)",
        r"was (?:going|about|planning) to (?:cancel|terminate|end)",
        r"were (?:going|about|planning) to (?:cancel|terminate|end)",
        r"wanted to (?:cancel|terminate)(?: [\w']+){0,6},? but",
        r"meant to (?:cancel|terminate)(?: [\w']+){0,6},? but",
        r"intended to (?:cancel|terminate)(?: [\w']+){0,6},? but",
        r"hypothetical\w*",
        r"theoreti\w*",
        r"kidding",
        r"jk",
        r"spass",
        r"scherz",
    )
)
# A sentence that is nothing but a "no": "Bitte nicht.", "Please don't!" (tried at its start
# only; no sentence it matches holds a word of DOUBT).
DOUBT_ALONE = _ascii(
    r"^\W*(?:(?:bitte|please|lieber|doch|besser|actually|no|nein|hmm+|oh)[ ,]+)*"
    r"(?:don't|do not|dont|nicht|not|no|nein|lieber nicht|besser nicht)\W*$"
)

# A sentence that only sets a condition ("Falls möglich." / "If that works.") conditions its
# neighbour; the usual sign-off ("Falls Sie Fragen haben, ...") does not.
DANGLING_CONDITION = _ascii(
    r"^\W*(?:falls|wenn|sofern|solange|ausser|if|unless|provided|as long as|in case)\b"
    r"(?!.*\b(?:fragen|rueckfragen|questions?|queries|need anything|need more|need further)\b)"
)
