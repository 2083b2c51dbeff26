"""Reading customers' messages: what they ask for, and whether they really instructed it.

:func:`classify` returns the intents of ``event-model.md`` (a message may carry several),
whether the message is an unambiguous instruction (``explicit``), its language, a confidence
and the cues that decided it. :func:`read_intent` is the same reader behind the core's
classifier port (``mittelpunkt.core.intents.IntentClassifier``).

How it reads, in four steps, all pure and deterministic, offline:

1. **Own words.** Quoted earlier mails are cut (a company's "Ihr Auftrag wurde storniert"
   quoted under a reply is not the customer speaking); the text is folded so that "ü" and
   "ue", "Grüße" and "Gruesse" are the same; it is split into sentences.
2. **Cues.** Each sentence is read for its mood with hand-written patterns over German and
   English: a question (a question mark, "kann man", "ist es möglich", "ob", "whether", "how
   do I"), a negation ("nicht", "kein", "don't"), a condition or hesitation ("falls", "wenn",
   "würde", "sollte", "if", "unless", "maybe"), a withdrawal ("hat sich erübrigt", "please
   ignore my last mail", "ich ziehe ... zurück", "it was a mistake to cancel"), what someone
   else said ("mir wurde gesagt, dass ich kündigen muss") and an unambiguous instruction
   ("hiermit", "bitte stornieren Sie", "I want to cancel", "unsubscribe me"; not "bitte nicht
   abmelden").
3. **Model.** One logistic regression per intent, learned with scikit-learn from the training
   corpus shipped in ``corpus/train.jsonl`` (hand-written, augmented with greetings,
   signatures, quoted mails, typos and pairs), over words, word pairs, four-letter pieces of
   longer words, the cues, and word fields of each intent ("enttäuscht", "fed up" for a
   complaint). Each feature is scaled, before learning, by how well it tells the intent
   apart (as in NBSVM), which the shipped weights already hold. The weights ship as JSON
   and are scored in compiled Python (about a million characters a second on one core:
   some 7,000 messages of 150 characters, ``bench/intent_eval.py --speed``); an intent
   counts from probability 0.7 (the
   likeliest one when none does), ``other`` never stands beside an intent and wins over the
   intents less likely than itself, and a reading that is not sure (confidence under 0.1)
   is ``other``: no guard acts on a guess.
4. **Safety rule.** The model proposes, the rule disposes, and it can only take away: a
   ``cancel_request`` whose every cancellation sentence asks, negates or withdraws is removed
   (a question becomes ``cancel_question``), and ``explicit`` is true only when every
   instruction has a clean instruction sentence and no sentence anywhere asks about,
   negates, conditions, doubts or withdraws a cancellation. So "Kann man das stornieren?" is
   never an explicit cancellation, whatever the model thought.

Modules: ``_normalize`` (own words, folding, sentences), ``_patterns`` and ``_instructions``
(the cues as regular expressions), ``_sieve`` and ``_screen`` (searching a text only for the
patterns that can match in it), ``_cues`` (reading each sentence), ``_lexicon`` (word
fields), ``_lang``, ``_features``, ``_model`` (the scorer), ``_safety`` (the rule),
``_classify`` (the pipeline), ``labelled`` (the corpus format), and ``_train`` with
``_augment`` (learning the weights, development only). The held-out part of the corpus lives
outside the package, in ``corpus/heldout.jsonl``.

>>> reading = classify("Kann man das stornieren? Und wie sieht es dann aus mit dem bereits "
...                    "überwiesenen Geld?")
>>> sorted(reading.intents), reading.explicit
(['cancel_question'], False)
>>> reading = classify("Ja, ich bitte um Reaktivierung. Bitte senden Sie mir eine Bestätigung.")
>>> sorted(reading.intents), reading.explicit
(['confirmation_request', 'reactivation_request'], True)
"""

from __future__ import annotations

from mittelpunkt.language._classify import classify, read_intent
from mittelpunkt.language.labelled import INSTRUCTION_INTENTS

__all__ = ["INSTRUCTION_INTENTS", "classify", "read_intent"]
