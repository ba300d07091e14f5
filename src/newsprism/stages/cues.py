"""Reporting verbs in the dependency parse: who reports what, and in which construction.

A verb becomes a cue when its lemma and the construction of its content (a clause, an
infinitive, an object, a preposition, "this" pointing back) are accepted by the cue table:
hand-written lexicons give the prior, and counts learned from the PolNeAR train split
(`newsprism train cues`) move it, so "support X" or "showed that" count where annotators
count them, and "gave X" does not. What the table and the speaker rules turn down gets a
second look from a small context model trained on the same split (stages/cuemodel.py); an
object or prepositional phrase the table accepts can still be turned down by a veto of the
same form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .cuemodel import CueModel, candidate_features
from .entities import ROLE_NOUNS
from .quotemarks import Quoted
from .textspans import char_span, doc_text, paragraph_start, strip_chars, token_span

CUE_LEMMAS = frozenset("""
say tell write add ask note report announce suggest argue describe tweet think want seem
continue refer acknowledge criticize criticise explain declare accuse believe endorse cite
urge defend recall propose agree respond conclude hope claim praise state know warn promise
insist reply reveal predict question fear pledge vow denounce dismiss stress emphasize
emphasise confirm deny admit complain demand estimate worry remark reiterate repeat indicate
maintain mention observe recommend caution assure contend concede testify proclaim allege
boast joke quip muse comment answer point call expect doubt speculate blame charge threaten
signal highlight underline express voice advise recount describe post announce lament
assert outline
""".split())
# Verbs whose content is an infinitive: "urged allies to spend", "promised to act".
XCOMP_CUES = frozenset("""
urge call ask want promise pledge vow plan decline refuse seek threaten hope agree expect
propose advise encourage demand tell warn
""".split())
# Verbs whose content is their object: "criticised the plan", "denied the report".
OBJECT_CUES = frozenset("""
criticize criticise praise endorse support defend oppose denounce dismiss describe cite
question accuse deny confirm announce reveal propose recall acknowledge blame reject
welcome condemn dispute say stress highlight emphasize emphasise reiterate note voice outline
repeat underline express
""".split())
# Verbs whose content can be a prepositional phrase: "warned against a deal".
PREP_CUES = frozenset("warn speak talk complain comment write testify caution".split())
CONTENT_PREPS = frozenset("against about on of over for to with at toward towards behind into".split())
# Verbs that only ever report speech: whoever is their subject is a speaker.
SPEECH_VERBS = frozenset("""
say tell write add ask note report announce claim state explain argue insist warn tweet reply
respond declare stress emphasize emphasise remark reiterate repeat assert contend indicate suggest
""".split())
CUE_LEMMAS = CUE_LEMMAS | SPEECH_VERBS | XCOMP_CUES | OBJECT_CUES | PREP_CUES
ANSWERS = frozenset({"so", "yes", "no"})
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire"})
QUANTIFIERS = frozenset({"many", "most", "some", "few", "several", "others", "both", "all"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it", "so"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
RELATIVE = frozenset({"who", "which", "that"})
DASHES = frozenset({"—", "–", "--", "-"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Nouns that can be the source of a statement without being a named entity.
SOURCE_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson source sources report reports poll polls
survey surveys study studies statement analysis critic critics expert experts analyst analysts
aide aides adviser advisers advisor advisors voter voters supporter supporters campaign
administration government committee ministry department agency police prosecutor prosecutors
lawyer lawyers attorney attorneys witness witnesses people resident residents observer observers
economist economists researcher researchers scientist scientists leader leaders lawmaker
lawmakers member members senator senators democrat democrats republican republicans
diplomat diplomats document documents data figures memo letter website article newspaper
paper magazine network group organization organisation union company firm office
spokespeople representative representatives manager managers worker workers employee employees
activist activists protester protesters candidate candidates delegate delegates party percent
majority majorities half third thirds quarter quarters plurality minority
""".split())
# What can carry a report in a participle: "911 calls saying ...", "an email telling ...".
MESSAGE_NOUNS = SOURCE_NOUNS | {"call", "message", "sign", "ad", "email", "tweet", "banner", "note"}
LEXICONS = {"speech": SPEECH_VERBS, "cue": CUE_LEMMAS, "xcomp": XCOMP_CUES, "object": OBJECT_CUES,
            "prep": PREP_CUES, "third_person": THIRD_PERSON, "relative": RELATIVE, "sources": SOURCE_NOUNS}




@dataclass(slots=True)
class Candidate:
    """A statement being assembled: character spans plus the speaker's head token."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: object | None  # a spaCy Token (the speaker's head), or None
    kind: str = "indirect"
    follows_previous: bool = False  # no speaker of its own: the previous statement's goes on
    speaker_phrase: object | None = None  # the speaker's whole span, where the parse cannot give it
    judged: bool = False  # accepted by the context model, not the rules: a weaker claim
    provenance: str | None = None  # the outlet credited with passing the report on ("Suspilne reports")


# The constructions a content can take, in the order they are tried.
CONSTRUCTIONS = ("demonstrative", "ccomp", "parataxis", "xcomp", "dobj", "prep", "particle")
# Hand-written priors: which lemmas take which construction (learned counts refine them).
HAND_LEXICON = {
    "demonstrative": SPEECH_VERBS | {"say", "tell", "state", "confirm", "write", "announce"},
    "ccomp": CUE_LEMMAS,
    "parataxis": CUE_LEMMAS,
    "xcomp": XCOMP_CUES,
    "dobj": OBJECT_CUES,
    "prep": PREP_CUES,
    "particle": SPEECH_VERBS,
}
PRIOR_IN, PRIOR_OUT, PRIOR_WEIGHT = 0.7, 0.02, 3.0
# PolNeAR marks the pronoun of "X said this" as the content; we point to the sentence it
# stands for, which is what a reader needs, so this construction is not learned from there.
HAND_ONLY = frozenset({"demonstrative"})
ACCEPT = 0.35  # tuned on the PolNeAR train split (`newsprism train cues` reports the sweep)
# The constructions the veto judges: a noun phrase content is where the table's accepting a
# weak cue costs most (clauses and infinitives judged too lost the seeds' "called on X to").
VETOED = frozenset({"dobj", "prep"})
TABLE_FILE = "cues.json"
MODEL_FILE = "cue_model.json"


@dataclass(frozen=True, slots=True)
class CueTable:
    """How often each (lemma, construction) was an attribution in training, with priors."""

    counts: dict  # lemma -> construction -> [attributions, occurrences]
    threshold: float = ACCEPT
    model: CueModel | None = None  # judges candidates in context, when one has been trained
    veto: CueModel | None = None  # judges in context what the rules accept ("promoted the plan")

    def probability(self, lemma: str, construction: str) -> float:
        """Smoothed chance that this lemma in this construction reports a statement. A
        preposition's construction ("prep:for") is smoothed toward the lemma's rate over all its
        prepositions, so "vote for" and "vote in" are told apart where counts allow."""
        base, _, word = construction.partition(":")
        prior = PRIOR_IN if lemma in HAND_LEXICON[base] else PRIOR_OUT
        if base in HAND_ONLY:
            return prior
        by = self.counts.get(lemma, {})
        if word:
            pooled = [n for key, n in by.items() if key.startswith(base + ":")]
            positive, seen = sum(p for p, _ in pooled), sum(n for _, n in pooled)
            prior = (positive + prior * PRIOR_WEIGHT) / (seen + PRIOR_WEIGHT)
        positive, seen = by.get(construction, (0, 0))
        return (positive + prior * PRIOR_WEIGHT) / (seen + PRIOR_WEIGHT)

    def accepts(self, lemma: str, construction: str) -> bool:
        """True when the lemma in this construction counts as a cue."""
        return self.probability(lemma, construction) >= self.threshold

    def rules_accept(self, lemma: str, construction: str, plausible: bool) -> bool:
        """True when the rules alone take the candidate: a speaker they accept, a cue the table does."""
        return plausible and self.accepts(lemma, construction)

    def features(self, verb, construction: str, content, speaker, plausible: bool = True) -> dict[str, float]:
        """What the context model sees of one candidate."""
        lemma = verb.lemma_.lower()
        seen = self.counts.get(lemma, {}).get(construction, (0, 0))[1]
        features = candidate_features(verb, construction, content, speaker,
                                      self.probability(lemma, construction), seen, LEXICONS)
        if plausible:
            features["plausible"] = 1.0
        return features

    def accepts_candidate(self, verb, construction: str, content, speaker, plausible: bool = True) -> bool:
        """True when this verb, with this content and subject, reports a statement. The table
        accepts what it has seen as cues with a speaker the rules accept; the context model, where
        one is shipped, takes a second look at the rest ("the poll shows", "the ad accuses"), and
        the veto at the objects and prepositional phrases the table accepts ("welcomed the
        delegation", "spoke about the plan": often a weak cue inside a bigger content)."""
        base = construction.partition(":")[0]
        hand_only = base in HAND_ONLY
        if self.rules_accept(verb.lemma_.lower(), construction, plausible):
            if self.veto is None or base not in VETOED:
                return True
            features = self.features(verb, construction, content, speaker, plausible)
            return self.veto.probability(features) >= self.veto.threshold
        if self.model is None or hand_only:
            return False
        features = self.features(verb, construction, content, speaker, plausible)
        return self.model.probability(features) >= self.model.threshold


@lru_cache(maxsize=1)
def default_table() -> CueTable:
    """The table shipped with newsprism (priors only, if the learned file is missing)."""
    try:
        data = json.loads(resources.files("newsprism.stages").joinpath("data", TABLE_FILE).read_text())
    except (FileNotFoundError, OSError):
        return CueTable({})
    return CueTable(data["counts"], data.get("threshold", ACCEPT), *_shipped_models())


def _shipped_models() -> tuple[CueModel | None, CueModel | None]:
    """The context model and the veto (kept under "accepted" in the same file), where shipped."""
    try:
        data = json.loads(resources.files("newsprism.stages").joinpath("data", MODEL_FILE).read_text())
    except (FileNotFoundError, OSError):
        return None, None
    veto = data.get("accepted")
    return CueModel.from_dict(data), None if veto is None else CueModel.from_dict(veto)


def find_report(token, quotes: list[Quoted], table: CueTable | None = None) -> Candidate | None:
    """The statement a token reports as a cue ("said", "according to"), if it is one."""
    if token.pos_ != "VERB" and token.lower_ not in ("according", "in"):
        return None  # only verbs, "according to" and a sentence's first "in" report (cheap test first)
    if inside_quote(token.idx, quotes):
        return None  # a report inside someone's quote belongs to their statement
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according_to(token)
    if token.lower_ == "in" and token.i == token.sent.start:
        return _in_a_source(token)
    if token.lemma_.lower() == "make" and token.pos_ == "VERB":
        return _made_clear(token)
    if token.pos_ != "VERB":
        return None
    aside = _as_put_it(token) if token.lemma_.lower() == "put" else None
    if aside is not None:
        return aside
    table = table or default_table()
    lemma = token.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if lemma in RAISING or lemma in PASSIVE_IMPRESSIONS and passive:
        impression = _impression(token)
        if impression is not None:
            return impression
    reported = _reported_subject(token) if passive and lemma in PASSIVE_REPORTS else None
    if reported is not None:
        return reported
    return subject_report(token, table)


def subject_report(verb, table: CueTable, first_person: bool = False) -> Candidate | None:
    """The statement a verb reports with its subject as the speaker, if the table (or the context
    model) takes it; with `first_person`, only one whose speaker is "I" or "we" (the writer's own
    reports), a speaker the rules then take as they would any person."""
    speaker = reporting_subject(verb, first_person)
    if speaker is None:
        return None
    lemma = verb.lemma_.lower()
    plausible = first_person or plausible_speaker(speaker, lemma in SPEECH_VERBS)
    if not plausible and table.model is None:
        return None
    for construction, content in complements(verb):
        if table.accepts_candidate(verb, construction, content, speaker, plausible):
            judged = not table.rules_accept(lemma, construction, plausible)
            return Candidate(content, char_span(verb), speaker, judged=judged)
    return None


# Verbs of impression: "the team seemed paralyzed", "it appears that ...". PolNeAR takes the
# impression (the clause, its subject included) as an attribution with no one named as source.
RAISING = frozenset({"seem", "appear"})
# The same in the passive: "the sale is expected to close", "the board is seen as divided".
PASSIVE_IMPRESSIONS = frozenset(
    "expect see consider view know believe think say regard perceive rumor rumour project".split())
LIKE = frozenset({"like", "as", "if"})


def _impression(verb) -> Candidate | None:
    """The clause a verb of impression presents: "[the mayor seemed to be losing support]",
    "it appeared [that the council had changed its mind]", "[the sale is expected to close in
    May]"; None when it holds a report of its own ("seemed to blame the network") or when the
    verb has no complement ("appeared on TV"). A passive's agent is its source."""
    complement = next((c for c in verb.rights if c.dep_ in {"xcomp", "acomp", "ccomp", "oprd", "attr"}
                       or c.dep_ == "prep" and c.lower_ in {"as", "for"} or c.dep_ == "advcl" and _as(c)),
                      None)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if complement is None or subj is None or complement.lemma_.lower() in CUE_LEMMAS:
        return None
    doc = verb.doc
    if subj.lower_ == "it":  # "it seems (like) ...": the clause after the verb
        start = complement.left_edge.i
        while start < complement.i and doc[start].lower_ in LIKE:
            start += 1
    elif complement.dep_ == "ccomp":
        return None
    else:
        start = subj.left_edge.i
    source = passive_agent(verb)
    content = token_span(doc, start, complement.right_edge.i + 1)
    return None if content is None else Candidate(content, char_span(verb), source)


# Verbs whose passive subject is what was made public: "the report was released on Monday",
# "both attacks were claimed by the group".
PASSIVE_REPORTS = frozenset("report announce release disclose claim reveal publish unveil".split())


def _reported_subject(verb) -> Candidate | None:
    """ "[The deal] was announced on Monday", "[the meeting] was first reported by Politico": the
    passive's subject is the content and its agent, if any, the source."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or any(c.dep_ in {"xcomp", "ccomp", "oprd", "dobj", "attr"} for c in verb.children):
        return None
    source = passive_agent(verb)
    content = token_span(verb.doc, subj.left_edge.i, subj.right_edge.i + 1)
    return None if content is None else Candidate(content, char_span(verb), source)


def _as(clause) -> bool:
    """ "seen as divided": a clause the parser opened with "as"."""
    return any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children)


def reporting_subject(verb, first_person: bool = False):
    """The verb's subject, if it may be a speaker at all: not "I" or "we", whose report ("I know
    ...", "we want ...") is mostly part of a speech whose quotation marks were lost; with
    `first_person`, only "I" or "we" (the writer's own reports, asked for separately)."""
    speaker = subject(verb)
    if speaker is None or (speaker.lower_ in FIRST_PERSON) != first_person:
        return None
    return speaker


def plausible_speaker(head, speech_verb: bool = False) -> bool:
    """Only people, organisations, roles, pronouns and sources like "a poll" make statements."""
    lowered = head.lower_
    if lowered in FIRST_PERSON:
        return False  # "I know...", "we want...": speech whose quotation marks were lost
    if speech_verb and (head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} or lowered in QUANTIFIERS):
        # "six in 10 say", "many say"
        return True
    if lowered == "it" and head.dep_ == "nsubj" and head.head.lemma_.lower() in CUE_LEMMAS - RAISING:
        return True  # a company, a report, a party: "it accused the regulator of ..."
    if lowered in THIRD_PERSON or lowered in RELATIVE or lowered in QUANTIFIERS \
            or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    return lemma in ROLE_NOUNS or lowered in SOURCE_NOUNS or lemma in SOURCE_NOUNS


# Words that make a noun phrase a news outlet: "the news agency", "Suspilne TV", "the newspaper"
# ("agency" alone is as often a government's: "the International Atomic Energy Agency").
OUTLET_WORDS = frozenset("""
newspaper paper daily weekly tabloid magazine outlet broadcaster channel tv radio television
website portal wire news press
""".split())
# Verbs by which an outlet passes a report on: "Suspilne reports", "TASR writes", "the site informs".
PUBLISHING = frozenset("report write inform cite publish".split())


def outlet_name(head, relays: bool = False) -> str | None:
    """The name, as written, of the news outlet a speaker's head stands for, or None where nothing
    says it is one. The evidence: a news word in the name ("the news agency RBC-Ukraine"); a name,
    not a person's, as the subject of a publishing verb ("Bild reports"); or any organisation
    passing on what someone else said (`relays`: "..., Reuters reports", "According to Reuters")."""
    if head is None or head.pos_ == "PRON" or head.ent_type_ == "PERSON" or head.lemma_.lower() in ROLE_NOUNS:
        return None  # "the head of the agency" is a person
    if head.lemma_.lower() in SOURCE_DOCUMENTS:
        return None  # "a CBS News poll" is the poll's, whoever published it
    if any(t.lemma_.lower() in OUTLET_WORDS for t in _name_words(head)):
        return _outlet_text(head)  # "the news agency RBC-Ukraine", even where NER took it for a place
    named = head.pos_ == "PROPN" and head.ent_type_ not in {"GPE", "LOC"} or head.ent_type_ == "ORG"
    publishing = head.dep_ in SUBJECTS and head.head.lemma_.lower() in PUBLISHING
    return _outlet_text(head) if named and (publishing or relays) else None


def _name_words(head) -> list:
    """The head with the words that make up its name, however nested: "Fox News", "Suspilne TV",
    "[news [agency]] RBC-Ukraine"."""
    words = [head]
    for child in head.children:
        if child.dep_ in {"compound", "flat"}:
            words += _name_words(child)
    return words


def _outlet_text(head) -> str:
    """An outlet's name as written: its proper name ("RBC-Ukraine" of "the news agency
    RBC-Ukraine"), else the noun phrase without its article ("Ukrainian newspaper")."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    after = head.doc[head.i + 1] if head.i + 1 < head.sent.end else None
    if named is None and after is not None and after.pos_ == "PROPN" and after.ent_type_:
        named = after  # "the news agency Nordpress", where the parser did not join the name
    root = named or head
    words = [t for t in root.doc[root.left_edge.i:root.i + 1] if not t.is_punct or t.text == "-"]
    if root.pos_ == "PROPN":
        while words[0].pos_ != "PROPN":
            words = words[1:]  # "the German tabloid Bild": the name
    while words[0].pos_ == "DET" and len(words) > 1:
        words = words[1:]
    return doc_text(root.doc)[words[0].idx:words[-1].idx + len(words[-1])]


def inside_quote(at: int, quotes: list[Quoted]) -> bool:
    """True when an offset lies between a quote's marks."""
    return any(q.inner_start <= at < q.inner_end for q in quotes)


def _as_put_it(verb) -> Candidate | None:
    """ "As Dana Milbank puts it, “...”": the clause the aside hangs on is what its subject said."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or not any(
            c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) or verb.dep_ != "advcl":
        return None
    speaker = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    clause, doc = verb.head, verb.doc
    if speaker is None:
        return None
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if verb.i < clause.i:  # the aside before the clause's verb: what follows it
        start = verb.right_edge.i + 1
    elif verb.right_edge.i + 1 >= end - 1:  # the aside last: what comes before it
        end = verb.left_edge.i
    while start < end and (doc[start].is_space
                           or doc[start].is_punct and doc[start].text not in QUOTE_OPENERS):
        start += 1
    content = token_span(doc, start, end)
    return None if content is None else Candidate(content, char_span(verb), speaker)


QUOTE_OPENERS = frozenset({'"', "“", "‘", "'", "''", "``", "«", "„"})


def _according_to(token) -> Candidate | None:
    to = token.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sentence = token.sent
    if token.i == sentence.start:  # "According to X, CONTENT."
        content = token_span(token.doc, source.right_edge.i + 1, sentence.end)
    else:  # "CONTENT, according to X."
        content = token_span(token.doc, sentence.start, token.i)
    if content is None:
        return None
    return Candidate(content, (token.idx, to.idx + len(to)), source)


# What "In a ... , CONTENT" names as the source of its sentence.
SOURCE_DOCUMENTS = frozenset("""
poll survey study report interview statement letter memo op-ed column editorial speech
analysis filing complaint lawsuit tweet post essay book
""".split())


def _made_clear(verb) -> Candidate | None:
    """ "She made it clear to the committee that ...", "Officials made clear Monday they ...":
    the clause after "clear", however the parser hung it."""
    doc, sentence = verb.doc, verb.sent
    clear = next((t for t in doc[verb.i + 1:min(verb.i + 3, sentence.end)] if t.lower_ == "clear"), None)
    speaker = subject(verb)
    if clear is None or speaker is None or not plausible_speaker(speaker):
        return None
    clause = next((t for t in doc[clear.i + 1:sentence.end]
                   if t.dep_ in {"ccomp", "advcl"} and t.head.i in {verb.i, clear.i}), None)
    if clause is None:
        return None
    content = token_span(doc, clause.left_edge.i, clause_end(clause))
    return None if content is None else Candidate(content, (verb.idx, clear.idx + len(clear)), speaker)


def _in_a_source(token) -> Candidate | None:
    """ "In an NBC News poll released Monday, 50 percent chose Clinton": the poll says so."""
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in SOURCE_DOCUMENTS:
        return None
    after = source.right_edge.i + 1
    doc, sentence = token.doc, token.sent
    if after >= sentence.end or doc[after].text != ",":
        return None
    content = token_span(doc, after + 1, sentence.end)
    return None if content is None else Candidate(content, (token.idx, token.idx + len(token)), source)


def passive_agent(verb):
    """Who does a passive verb: the object of its "by" ("was reported by [Politico]"), if any."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)


def subject(verb):
    """The speaker of a reporting verb: its subject, a passive's agent, or an inherited one."""
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1:  # "LEEDS — The columnist said": the dateline is no subject
        subjects = [c for c in subjects if not _dateline(c)] or subjects
    for child in subjects:
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return child
    if verb.dep_ == "relcl":
        return verb.head
    clause = verb.head.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and clause.pos_ in {"VERB", "AUX"}:
        # "thanked the volunteers before insisting that ...": whoever does the clause's verb
        own = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return own if own is not None else subject(clause)
    if verb.dep_ in {"advcl", "xcomp", "conj", "pcomp"} and verb.head is not verb:
        return subject(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in SPEECH_VERBS:
        # "911 calls saying shots were fired": the calls; "a pitch to voters saying ...": the pitcher
        noun = verb.head
        if plausible_speaker(noun, True) and noun.pos_ != "PRON" and noun.lemma_.lower() in MESSAGE_NOUNS:
            return noun
        if noun.head is not noun and noun.head.pos_ in {"VERB", "AUX"}:
            return subject(noun.head)
    return None


def _dateline(token) -> bool:
    """A place at the start of an article or paragraph, set off by a dash: "LEEDS —"."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and after.text in DASHES and (
        token.left_edge.i == 0 or "\n" in doc[token.left_edge.i - 1].text_with_ws)


def complements(verb):
    """Every (construction, content span) the verb could report, in the order tried; each
    preposition is a construction of its own ("prep:about")."""
    for construction, find in _FINDERS:
        if find is None:
            for prep, content in _prepositions(verb):
                yield f"{construction}:{prep}", content
            continue
        content = find(verb)
        if content is not None:
            yield construction, content


def _clausal(verb):
    # "Many say A; 26 percent say B" hangs the first report on the second as its clause: the
    # second's own clause is the one after it ("“A,” she said, “and B”" keeps its first).
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.i > verb.i for c in clauses):
        clauses = [c for c in clauses if not _adverbial_before(verb, c)]
    child = clauses[0] if clauses else None
    if child is not None and child.i < verb.i and child.lemma_.lower() in SPEECH_VERBS:
        child = next((c for c in clauses if c.i > verb.i), child)
    if child is None and verb.lemma_.lower() in QUESTION_VERBS:
        # "asked the senator if he was ready": the question, parsed as an adverbial clause
        child = next((c for c in verb.rights if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children)), None)
    if child is None and verb.lemma_.lower() in SPEECH_VERBS:
        # "said legalizing it could create jobs": a clause the parser took for a bare xcomp
        child = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ in {"VBG", "VB"}
                      and c.left_edge.lower_ != "to"), None) or _detached_that_clause(verb)
    if child is None:
        return None
    end = _contrast_end(verb, child, clause_end(child))
    return token_span(verb.doc, _fronted_start(verb, child), end)


def _adverbial_before(verb, clause) -> bool:
    """ "While not every figure is right, Lopez said the mayor is ...": a fronted clause the parser
    took for a second thing said, though its "while", "if" or "because" makes it a circumstance."""
    first = clause.left_edge
    return clause.i < verb.i and first.dep_ == "mark" and first.lower_ in SUBORDINATORS


SUBORDINATORS = frozenset({"while", "although", "though", "because", "if", "unless", "since", "when",
                           "as", "after", "before", "once", "whereas"})


def _contrast_end(verb, clause, end: int) -> int:
    """ "says the budget is balanced, but the council has doubts": a contrast the parser
    joined to the reporting verb goes on with what was reported, unless it reports itself."""
    if clause.i < verb.i or end < clause.right_edge.i + 1:
        return end
    for child in verb.rights:
        if child.i <= clause.i or child.dep_ != "conj" or child.pos_ not in {"VERB", "AUX"}:
            continue
        but = any(c.dep_ == "cc" and c.lower_ in {"but", "yet"}
                  for c in verb.children if clause.i < c.i < child.i)
        own = any(c.dep_ in SUBJECTS for c in child.children)
        if but and own and child.lemma_.lower() not in CUE_LEMMAS:
            return clause_end(child)
        break
    return end


def _fronted_start(verb, clause) -> int:
    """Where a reported clause starts, taking in what the parser hung on the reporting verb
    between the two ("says, win or lose in Florida, he's staying"; "no matter what X does, ...")."""
    doc, start = verb.doc, clause.left_edge.i
    first = start
    while first < clause.i and doc[first].is_punct:
        first += 1
    if start <= verb.i + 1 or doc[first - 1].text != ",":
        return start
    between = [c for c in verb.rights if verb.i < c.i < start and not c.is_punct]
    covered = sum(c.right_edge.i - c.left_edge.i + 1 for c in between)
    gap = sum(not t.is_punct for t in doc[verb.i + 1:start])
    if between and covered >= gap and all(c.dep_ in {"advcl", "advmod", "dobj"} for c in between):
        return verb.i + 1
    return start


def _parenthetical(verb):
    doc, head = verb.doc, verb.head
    if verb.dep_ == "conj" and _reported_before(verb):
        # "Sanders remains committed, his top aide, Tad Devine, told HuffPost": parsed as a conjunct
        return token_span(doc, head.left_edge.i, verb.left_edge.i)
    if verb.dep_ != "parataxis":
        return None
    after = verb.right_edge.i + 1
    if head.i > verb.i:  # "This, he said, requires support": the whole clause around the cue
        return token_span(doc, head.left_edge.i, head.right_edge.i + 1)
    more = next((c for c in verb.rights if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                 and not any(x.dep_ in SUBJECTS for x in c.children)), None)
    if more is not None:  # "He had no ties, the airline added, and had passed all checks"
        return token_span(doc, head.left_edge.i, more.right_edge.i + 1)
    continues = after < verb.sent.end - 1 and doc[after].text == ","
    if continues:  # "no different, he said, from Bush...": the sentence around the cue
        return token_span(doc, head.left_edge.i, verb.sent.end)
    return token_span(doc, head.left_edge.i, verb.left_edge.i)  # "The economy is weak, he said"


def _detached_that_clause(verb):
    """ "said on Friday during a news conference that he may wait": a "that" clause the parser
    hung on the last noun of the adjuncts between the verb and it."""
    doc = verb.doc
    for token in doc[verb.i + 1:verb.sent.end]:
        if token.dep_ == "mark" and token.lower_ == "that" and token.head.i > token.i:
            clause = token.head
            between = doc[verb.i + 1:token.i]
            adjuncts = all(t.dep_ in {"prep", "pobj", "det", "amod", "compound", "advmod", "npadvmod", "poss",
                                      "nummod", "case", "punct"} for t in between)
            inside = verb.left_edge.i <= clause.i <= verb.right_edge.i
            return clause if adjuncts and inside else None
        if token.dep_ in {"nsubj", "ccomp", "dobj", "conj", "cc"} or token.pos_ == "VERB":
            return None
    return None


def _reported_before(verb) -> bool:
    """A speech verb after a comma, with its own subject and nothing reported after it."""
    left = verb.left_edge.i
    return (verb.lemma_.lower() in SPEECH_VERBS and verb.head.i < verb.i and left > 0
            and verb.doc[left - 1].text == ","
            and verb.doc[left].dep_ in SUBJECTS + ("det", "poss", "compound", "amod")
            and any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children)
            and not any(c.dep_ in {"ccomp", "xcomp", "parataxis"} for c in verb.children))


def _infinitive(verb):
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl"} and child.left_edge.lower_ == "to":
            addressee = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                              and verb.i < c.i < child.i), None)
            start = addressee.i + 1 if addressee is not None else child.left_edge.i
            return token_span(verb.doc, start, _infinitive_end(verb, child))
        infinitive = any(t.lower_ == "to" and t.dep_ == "aux" for t in child.children)
        if (child.dep_ in {"xcomp", "advcl"} and child.left_edge.lower_ == "for"
                and child.left_edge.i > verb.i and infinitive):
            # "is calling for the United States to step up": the clause after "for"
            return token_span(verb.doc, child.left_edge.i + 1, child.right_edge.i + 1)
    return None


def _infinitive_end(verb, clause) -> int:
    """Where an infinitive clause ends. The parser may hang a second infinitive on the cue
    ("declined to threaten Moscow or even directly declare it responsible": "declare" made a
    conjunct of "declined"), leaving the clause to end on its "or": the bare verb without a
    subject that follows the "or" belongs to the clause. Any other dangling "or" is left out."""
    end = clause.right_edge
    if end.dep_ != "cc" or end.head.i != clause.i:
        return end.i + 1
    second = next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == end.i + 1), None)
    if second is not None and second.tag_ in {"VB", "VBP"} and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in second.children):
        last = second.right_edge
        while last.i > second.i and (last.is_punct or last.is_space):
            last = last.nbor(-1)
        return last.i + 1
    return end.i


# Verbs that name or judge their object: "called Trump a fascist", "calls him competent".
NAMING = frozenset({"call", "label", "brand", "dub", "deem", "term"})


def _object(verb):
    """The object with the phrases after it (the parser often hangs "in support of X" on the verb
    rather than on the object), up to the first that only says when ("on Friday", "during")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and verb.lemma_.lower() in NAMING:
        # the parser made the object and its predicate one small clause: "calling [Trump a fascist]"
        clause = next((c for c in verb.rights
                       if c.dep_ in {"xcomp", "oprd"} and c.left_edge.lower_ != "to"), None)
        return None if clause is None else token_span(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if obj is None or obj.lower_ in DEMONSTRATIVES:
        return None
    end = obj.right_edge.i
    for child in verb.rights:
        if child.i > obj.i and child.dep_ in {"prep", "oprd"}:
            if _circumstance(child):
                break
            end = child.right_edge.i
    return token_span(verb.doc, obj.left_edge.i, end + 1)


WHEN_PREPS = frozenset({"during", "throughout", "after", "before", "since", "until"})
WHERE_PREPS = frozenset({"at"})  # "praised the volunteers at a rally"; "from" and "in" often say what


def _circumstance(prep) -> bool:
    """ "on Friday", "throughout the campaign", "after the debate", "at a rally": when or where, not what."""
    if prep.dep_ != "prep":
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ in WHEN_PREPS or prep.lower_ in WHERE_PREPS or (
        pobj is not None and pobj.ent_type_ in {"DATE", "TIME"})


def _prepositions(verb):
    """ "voted for Clinton", "spoke about the economy": (preposition, what follows it) for each
    preposition after the verb that can introduce a content."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ in CONTENT_PREPS and prep.n_rights:
            content = token_span(verb.doc, prep.i + 1, prep.right_edge.i + 1)
            if content is not None:
                yield prep.lower_, content


def clause_end(root) -> int:
    """End of a reported clause, leaving out a trailing report of its own ("... but did not say",
    "..., yet he insists"). What else follows stays, as PolNeAR's annotators keep it: a conjunct
    without a subject ("would assess its options and look into a recount"), a participle
    (", pushing her to victory"), a "while"/"although" clause."""
    end = root.right_edge.i + 1
    doc = root.doc
    for child in root.rights:
        own_report = child.lemma_.lower() in SPEECH_VERBS and _reports_on_its_own(child)
        if (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and own_report) or (
                child.dep_ == "advcl" and own_report and child.tag_ == "VBG"):
            cut = child.left_edge.i
            while cut > root.i and (doc[cut - 1].pos_ == "CCONJ" or doc[cut - 1].is_punct
                                    or doc[cut - 1].is_space):
                cut -= 1
            return min(end, cut)
    return end


def _reports_on_its_own(verb) -> bool:
    """ "... but did not say", ", yet he insists", "and said that ...": a report with its own subject,
    its own reported clause or nothing reported, not a second thing done ("she met the mayor and
    asked him to resign")."""
    deps = {c.dep_ for c in verb.children}
    return (verb.dep_ != "conj" or bool(deps & set(SUBJECTS)) or "ccomp" in deps
            or verb.lemma_.lower() == "say" or not deps & {"dobj", "xcomp", "dative"})


def _demonstrative(verb):
    """'This was stated by X' / 'X said this': the content is the sentence before."""
    pointer = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}
                    and c.lower_ in DEMONSTRATIVES and c.n_rights == 0), None)
    if pointer is None or pointer.dep_ == "dobj" and pointer.i < verb.i:
        return None
    sentence = verb.sent
    if sentence.start == 0:
        return None
    doc = verb.doc
    before = doc[sentence.start - 1].sent
    if "\n" in doc_text(doc)[before.end_char:sentence.start_char] and before.text.strip():
        return strip_chars(doc_text(doc), paragraph_start(doc_text(doc), before.start_char), before.end_char)
    return strip_chars(doc_text(doc), before.start_char, before.end_char)


def _particle(verb):
    """ "said so", "said yes": the answer itself is what was said."""
    answer = next((c for c in verb.rights if c.lower_ in ANSWERS and c.i == verb.i + 1), None)
    return None if answer is None else char_span(answer)


_FINDERS = (("demonstrative", _demonstrative), ("ccomp", _clausal), ("parataxis", _parenthetical),
            ("xcomp", _infinitive), ("dobj", _object), ("prep", None), ("particle", _particle))
