"""Statements: who said what, with content, cue and speaker spans and a kind.

Four sources of evidence, combined:
- reporting verbs and "according to" in the dependency parse (indirect speech, and the
  attribution of quotes: "..., Rutte told lawmakers");
- quotation marks of every kind (`quotemarks.py`), which fix the exact span of direct
  quotes and turn reported speech holding a quoted fragment into a mixed statement;
- paragraphs in the first person with no marks, after "he noted:" or amid paragraphs
  about the same speaker: quotes whose marks were lost in scraping (unmarked);
- "This was stated by X" after the content, and "NAME: ..." transcript lines.
Speakers are resolved through the article's entities: names, roles ("the Secretary
General"), and pronouns (the most recent speaker or person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Statement
from .entities import ROLE_NOUNS, EntityIndex, is_role_phrase
from .quotemarks import Quoted, find_quoted

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
CONTENT_PREPS = frozenset({"against", "about", "on", "of", "over"})
# Verbs that only ever report speech: whoever is their subject is a speaker.
SPEECH_VERBS = frozenset("""
say tell write add ask note report announce claim state explain argue insist warn tweet reply
respond declare stress emphasize emphasise remark reiterate repeat assert contend
""".split())
CUE_LEMMAS = CUE_LEMMAS | SPEECH_VERBS
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it", "so"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
RELATIVE = frozenset({"who", "which", "that"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MAX_SPEAKER_TOKENS = 12
MIN_QUOTE_WORDS = 3  # shorter quoted strings are names, titles or scare quotes
MAX_SPLIT_GAP_WORDS = 20  # “A,” Graham, a former candidate, told CBS News, “B.”
WORD = re.compile(r"\w+")
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
activist activists protester protesters candidate candidates delegate delegates party
""".split())


@dataclass(slots=True)
class Candidate:
    """A statement being assembled: character spans plus the speaker's head token."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: object | None  # a spaCy Token (the speaker's head), or None
    kind: str = "indirect"
    follows_previous: bool = False  # no speaker of its own: the previous statement's goes on


def extract_statements(doc, entities: EntityIndex, article_id: str) -> list[Statement]:
    """Every statement in a parsed article, in text order, with resolved speakers."""
    quotes = find_quoted(doc.text)
    candidates = [c for c in (_from_cue(t, quotes) for t in doc) if c is not None]
    candidates = _drop_nested(_absorb_quotes(candidates, quotes, doc.text))
    candidates += _orphan_quotes(doc, quotes, candidates)
    candidates += _colon_lines(doc, candidates)
    candidates += _unmarked_paragraphs(doc, candidates, quotes)
    candidates.sort(key=lambda c: c.content)
    return _resolve(doc, _drop_nested(candidates), entities, article_id)


# --- reporting verbs in the parse ------------------------------------------------------


def _from_cue(token, quotes: list[Quoted]) -> Candidate | None:
    if _inside_quote(token.idx, quotes):
        return None  # a report inside someone's quote belongs to their statement
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according_to(token)
    if token.pos_ != "VERB" or token.lemma_.lower() not in CUE_LEMMAS:
        return None
    speaker = _subject(token)
    if speaker is None or not _plausible_speaker(speaker, token.lemma_.lower() in SPEECH_VERBS):
        return None
    content = _demonstrative_content(token) or _complement(token)
    if content is None:
        return None
    return Candidate(content, _char_span(token), speaker)


def _plausible_speaker(head, speech_verb: bool = False) -> bool:
    """Only people, organisations, roles, pronouns and sources like "a poll" make statements."""
    lowered = head.lower_
    if lowered in FIRST_PERSON:
        return False  # "I know...", "we want...": speech whose quotation marks were lost
    if speech_verb and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return True
    if lowered in THIRD_PERSON or lowered in RELATIVE or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if head.pos_ == "PROPN":
        return True
    return head.lemma_.lower() in ROLE_NOUNS or lowered in SOURCE_NOUNS or head.lemma_.lower() in SOURCE_NOUNS


def _according_to(token) -> Candidate | None:
    to = token.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = source.right_edge.i + 1
    sentence = token.sent
    if token.i == sentence.start:  # "According to X, CONTENT."
        content = _trim(token.doc, phrase_end, sentence.end)
    else:  # "CONTENT, according to X."
        content = _trim(token.doc, sentence.start, token.i)
    if content is None:
        return None
    return Candidate(content, (token.idx, to.idx + len(to)), source)


def _subject(verb):
    """The speaker of a reporting verb: its subject, a passive's agent, or an inherited one."""
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ in {"advcl", "xcomp", "conj", "pcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _complement(verb) -> tuple[int, int] | None:
    doc = verb.doc
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _trim(doc, child.left_edge.i, _clause_end(child))
    if verb.dep_ == "parataxis":
        head = verb.head
        after = verb.right_edge.i + 1
        if head.i < verb.i and (after >= verb.sent.end or not doc[after].is_punct or doc[after].text != ","
                                or after + 1 >= verb.sent.end - 1):
            return _trim(doc, head.left_edge.i, verb.left_edge.i)  # "The economy is weak, he said"
        if head.i < verb.i:  # "no different, he said, from Bush...": the sentence around the cue
            return _trim(doc, head.left_edge.i, verb.sent.end)
        # "This, he said, requires support": the whole clause around the cue
        return _trim(doc, head.left_edge.i, head.right_edge.i + 1)
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl"} and lemma in XCOMP_CUES and child.left_edge.lower_ == "to":
            addressee = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                              and c.i < child.i), None)
            start = addressee.i + 1 if addressee is not None else child.left_edge.i
            return _trim(doc, start, child.right_edge.i + 1)
    if lemma in OBJECT_CUES:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in DEMONSTRATIVES:
            end = max([obj.right_edge.i] + [c.right_edge.i for c in verb.rights
                                           if c.dep_ == "prep" and c.i > obj.i])
            return _trim(doc, obj.left_edge.i, end + 1)
    if lemma in PREP_CUES:
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS), None)
        if prep is not None and prep.n_rights:
            return _trim(doc, prep.i, prep.right_edge.i + 1)
    return None


def _clause_end(root) -> int:
    """End of a reported clause, leaving out a trailing "... but did not say" that has no subject
    of its own: that conjunct continues the reporting sentence, not the report."""
    end = root.right_edge.i + 1
    has_subject = any(c.dep_ in SUBJECTS for c in root.children)
    for child in root.rights:
        own_report = child.lemma_.lower() in CUE_LEMMAS  # "..., yet he insists that ...", "indicating"
        if (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and (own_report or has_subject and not any(
                c.dep_ in SUBJECTS for c in child.children))) or (child.dep_ == "advcl" and own_report):
            cut = child.left_edge.i
            while cut > root.i and (root.doc[cut - 1].pos_ == "CCONJ" or root.doc[cut - 1].is_punct
                                    or root.doc[cut - 1].is_space):
                cut -= 1
            return min(end, cut)
    return end


def _demonstrative_content(verb) -> tuple[int, int] | None:
    """'This was stated by X' / 'X said this': the content is the sentence before."""
    pointer = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}
                    and c.lower_ in DEMONSTRATIVES and c.n_rights == 0), None)
    if pointer is None or pointer.dep_ == "dobj" and pointer.i < verb.i:
        return None
    sentence = verb.sent
    previous = [s for s in verb.doc.sents if s.end <= sentence.start]
    if not previous:
        return None
    before = previous[-1]
    if "\n" in verb.doc.text[before.end_char:sentence.start_char] and before.text.strip():
        para_start = _paragraph_start(verb.doc.text, before.start_char)
        return _strip_chars(verb.doc.text, para_start, before.end_char)
    return _strip_chars(verb.doc.text, before.start_char, before.end_char)


# --- quotation marks ----------------------------------------------------------------------


def _absorb_quotes(candidates: list[Candidate], quotes: list[Quoted], text: str) -> list[Candidate]:
    """Snap contents to the quotes they are made of (direct) or hold (mixed)."""
    result = []
    for cand in candidates:
        inside = [q for q in quotes if q.start < cand.content[1] and q.end > cand.content[0]]
        if not inside:
            result.append(cand)
            continue
        start, end = cand.content
        before = _word_count(text[start:max(start, inside[0].start)])
        after = _word_count(text[min(end, inside[-1].end):end])
        if before == 0 and after <= 1 and _words_outside(text, cand.content, inside) <= 2:
            span = _join_split_quote((inside[0].start, inside[-1].end), quotes, cand, text)
            result.append(replace(cand, content=span, kind="direct"))
        else:
            span = (min(start, inside[0].start), max(end, inside[-1].end))
            result.append(replace(cand, content=span, kind="mixed"))
    return result


def _word_count(text: str) -> int:
    return len(WORD.findall(text))


def _words_outside(text: str, span, quotes: list[Quoted]) -> int:
    """How many words of a span lie outside the given quotes."""
    pieces, cursor = [], span[0]
    for quote in quotes:
        pieces.append(text[cursor:max(cursor, quote.start)])
        cursor = max(cursor, quote.end)
    pieces.append(text[cursor:max(cursor, span[1])])
    return sum(_word_count(piece) for piece in pieces)


def _join_split_quote(span, quotes: list[Quoted], cand: Candidate, text: str):
    """“A,” she said, “B.” is one statement: join a quote that resumes right after the cue."""
    if cand.cue is None or cand.cue[0] < span[1]:
        return span
    for quote in quotes:
        if quote.start >= cand.cue[1]:
            gap = text[span[1]:quote.start]
            words = _word_count(text[quote.inner_start:quote.inner_end])
            if ("\n" not in gap and _word_count(gap) <= MAX_SPLIT_GAP_WORDS and words >= MIN_QUOTE_WORDS
                    and gap.rstrip()[-1:] in {",", ".", ":"} and not _second_cue(gap)):
                return span[0], quote.end
            break
    return span



def _second_cue(gap: str) -> bool:
    """A gap like ', urging those calling for change to ' holds a report of its own."""
    return any(word.endswith("ing") and word[:-3] in CUE_LEMMAS | {"urg", "insist", "warn"}
               for word in WORD.findall(gap.lower()))


def _orphan_quotes(doc, quotes: list[Quoted], taken: list[Candidate]) -> list[Candidate]:
    """Quotes that no reporting verb claimed: find their cue nearby, or their speaker before."""
    found = []
    for quote in quotes:
        if any(c.content[0] <= quote.start and quote.end <= c.content[1] for c in taken + found):
            continue
        words = _word_count(doc.text[quote.inner_start:quote.inner_end])
        cand = (_nearby_cue(doc, quote, quotes) if words >= MIN_QUOTE_WORDS else None) or _continuation(
            doc, quote, taken + found)
        if cand is not None:
            found.append(cand)
    return found


def _nearby_cue(doc, quote: Quoted, quotes: list[Quoted]) -> Candidate | None:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    sentences = {t.sent.start: t.sent for t in (span[0], span[-1])}
    after = doc[span.end].sent if span.end < len(doc) else None
    if after is not None and _tokens_between(doc.text, quote.end, after.start_char) == 0:
        sentences.setdefault(after.start, after)
    for sentence in sentences.values():
        for token in sentence:
            outside = not (quote.start <= token.idx < quote.end) and not _inside_quote(token.idx, quotes)
            if outside and token.pos_ == "VERB" and token.lemma_.lower() in CUE_LEMMAS:
                speaker = _subject(token)
                if speaker is not None and not (quote.start <= speaker.idx < quote.end):
                    return Candidate(quote.span, _char_span(token), speaker, "direct")
    return None


def _sentence_at(doc, at: int):
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def _tokens_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split()) if end > start else 0


def _continuation(doc, quote: Quoted, taken: list[Candidate]) -> Candidate | None:
    """A quote right after someone's statement, with no cue of its own, is theirs too."""
    words = _word_count(doc.text[quote.inner_start:quote.inner_end])
    earlier = [c for c in taken if c.content[1] <= quote.start]
    if earlier and words >= MIN_QUOTE_WORDS:
        previous = max(earlier, key=lambda c: c.content[1])
        gap = doc.text[previous.content[1]:quote.start]
        if previous.kind == "direct" and "\n" not in gap and len(gap.split()) <= 6:
            previous.content = (previous.content[0], quote.end)  # “A,” she said. “B.”: one statement
            return None
        if gap.count("\n") <= 1 and len(gap.split()) <= 12:
            return Candidate(quote.span, None, None, "direct", follows_previous=True)
        sentence = _sentence_at(doc, quote.start)
        if sentence is not None and "\n" not in doc.text[previous.content[1]:sentence.start_char]:
            # "The target is “not nearly enough” to face the threat." after the speaker's report
            content = _strip_chars(doc.text, sentence.start_char, sentence.end_char)
            if content and content[0] >= previous.content[1]:
                return Candidate(content, None, None, "mixed", follows_previous=True)
    if words >= 6:
        return Candidate(quote.span, None, None, "direct")
    return None


# --- lines and paragraphs -----------------------------------------------------------------


def _colon_lines(doc, taken: list[Candidate]) -> list[Candidate]:
    """Transcript and headline lines: "PENCE: Well, look..." / "Rutte: we must do more"."""
    found = []
    for start, end in _paragraph_spans(doc.text):
        line = doc.text[start:end]
        lead = len(line) - len(line.lstrip(" \"“'‘"))
        colon = line.find(":", lead)
        if colon <= lead or colon - lead > 40 or any(_overlaps(c.content, (start, end)) for c in taken):
            continue
        label = doc.char_span(start + lead, start + colon, alignment_mode="contract")
        if label is None or not _looks_like_speaker(label, headline=start == _first_line_start(doc.text)):
            continue
        content = _strip_chars(doc.text, start + colon + 1, end)
        if content is not None:
            kind = "direct" if lead else "unmarked"
            found.append(Candidate(content, (start + colon, start + colon + 1), label.root, kind))
    return found


def _looks_like_speaker(label, headline: bool) -> bool:
    words = [t for t in label if not t.is_punct]
    if not 1 <= len(words) <= 4:
        return False
    if all(t.is_upper and t.is_alpha for t in words):
        return True  # "WALLACE"
    named = headline or any(t.ent_type_ in {"PERSON", "ORG"} for t in words)
    return named and all(t.is_title or not t.is_alpha for t in words)


def _first_line_start(text: str) -> int:
    return len(text) - len(text.lstrip())


def _unmarked_paragraphs(doc, taken: list[Candidate], quotes: list[Quoted]) -> list[Candidate]:
    """First-person paragraphs without marks: the quote of whoever was just speaking."""
    found: list[Candidate] = []
    paragraphs = list(_paragraph_spans(doc.text))
    for number, (start, end) in enumerate(paragraphs):
        if any(_overlaps(c.content, (start, end)) for c in taken + found):
            continue
        if any(_overlaps(q.span, (start, end)) for q in quotes):
            continue
        previous = paragraphs[number - 1] if number else None
        cand = _introduced_by_colon(doc, previous, (start, end))
        if cand is None and _first_person(doc, start, end):
            cand = _amid_speaker(previous, (start, end), taken + found)
        if cand is not None:
            found.append(cand)
    return found


def _first_person(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _introduced_by_colon(doc, previous, paragraph) -> Candidate | None:
    """ "Speaking about industry, he noted:" followed by the paragraph he said."""
    if previous is None or not doc.text[previous[0]:previous[1]].rstrip().endswith(":"):
        return None
    colon = doc.char_span(previous[0], previous[1], alignment_mode="contract")
    if colon is None:
        return None
    last = list(colon.sents)[-1]
    speaker = _subject(last.root)
    if speaker is None or not _plausible_speaker(speaker):
        return None
    content = _strip_chars(doc.text, *paragraph)
    return Candidate(content, _char_span(last.root), speaker, "unmarked") if content else None


def _amid_speaker(previous, paragraph, taken: list[Candidate]) -> Candidate | None:
    if previous is None:
        return None
    before = [c for c in taken if previous[0] <= c.content[0] < paragraph[0]]
    if not before:
        return None
    return Candidate(paragraph, None, None, "unmarked", follows_previous=True)


# --- speakers -----------------------------------------------------------------------------


@dataclass(slots=True)
class _LastSpeaker:
    entity_id: str | None = None
    name: str | None = None
    end: int = -1  # character offset where their last statement ended


def _resolve(doc, candidates: list[Candidate], entities: EntityIndex, article_id: str) -> list[Statement]:
    statements: list[Statement] = []
    last = _LastSpeaker()
    for number, cand in enumerate(candidates, start=1):
        if cand.speaker is None:
            span = None
            entity_id, name = (last.entity_id, last.name) if cand.follows_previous else (None, None)
        else:
            span, (entity_id, name) = _speaker(cand.speaker, entities, last)
        if name is not None:
            last = _LastSpeaker(entity_id, name, cand.content[1])
        content = _strip_chars(doc.text, *cand.content) or cand.content
        statements.append(Statement(
            id=f"{article_id}:s{number}", article_id=article_id, kind=cand.kind, content=content,
            cue=cand.cue, speaker=span, speaker_entity_id=entity_id, speaker_name=name,
        ))
    return statements


def _speaker(head, entities: EntityIndex, last: _LastSpeaker):
    """The speaker's surface span and (entity id, canonical name)."""
    phrase = _noun_phrase(head)
    span = _strip_chars(head.doc.text, phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
    span = span or (head.idx, head.idx + len(head))
    lowered = head.lower_
    if lowered in THIRD_PERSON or lowered in RELATIVE:
        return span, _antecedent(head, entities, last)
    named = entities.entity_of(phrase)
    if named is None or named.type != "PERSON":
        named = entities.person_named(head.text) or named
    if named is not None and named.type == "PERSON":
        return span, (named.id, named.name)
    if is_role_phrase(phrase):
        holder = entities.role_holder(phrase, head.idx)
        if holder is not None:
            return span, (holder.id, holder.name)
    if named is not None:
        return span, (named.id, named.name)
    if lowered in FIRST_PERSON:
        return span, (None, None)
    return span, (None, phrase.text)


def _antecedent(pronoun, entities: EntityIndex, last: _LastSpeaker):
    """Who "he" or "she" is: the last speaker when they spoke in this sentence or the one
    before, else the person named most recently."""
    person = entities.last_person_before(pronoun.i)
    sentence = pronoun.sent
    previous_start = sentence.start_char
    if sentence.start > 0:
        previous_start = pronoun.doc[sentence.start - 1].sent.start_char
    if last.name is not None and (person is None or last.end >= previous_start):
        return last.entity_id, last.name
    if person is not None:
        return person.id, person.name
    return last.entity_id, last.name


def _noun_phrase(head):
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    end = head.i + 1
    for child in head.rights:  # keep "of the Alliance", drop relative clauses and appositions
        if child.dep_ in {"prep", "compound", "flat"} and child.right_edge.i - start < MAX_SPEAKER_TOKENS:
            end = child.right_edge.i + 1
        else:
            break
    if end - start > MAX_SPEAKER_TOKENS:
        start = max(start, end - MAX_SPEAKER_TOKENS)
    return doc[start:end]


# --- spans --------------------------------------------------------------------------------


def _char_span(token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range to a character span without outer punctuation (quote marks are kept)."""
    if end <= start:
        return None
    return _strip_chars(doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


_STRIP = " \t\r\n,.;:—–-"


def _strip_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return (start, end) if end > start else None


def _paragraph_spans(text: str):
    start = 0
    for index, char in enumerate(text):
        if char == "\n":
            if text[start:index].strip():
                yield start, index
            start = index + 1
    if text[start:].strip():
        yield start, len(text)


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _inside_quote(at: int, quotes: list[Quoted]) -> bool:
    return any(q.inner_start <= at < q.inner_end for q in quotes)


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one of two statements when one lies inside the other (a token has one role): the
    outer one, except that "According to an agency, Rutte believes that..." is Rutte's."""
    ordered = sorted(candidates, key=lambda c: (c.content[0], -c.content[1]))
    kept: list[Candidate] = []
    for cand in ordered:
        outer = next((k for k in kept if k.content[0] <= cand.content[0] and cand.content[1] <= k.content[1]),
                     None)
        if outer is None:
            kept.append(cand)
        elif _reports_a_report(outer) and cand.cue is not None and _overlaps(cand.cue, outer.content):
            kept[kept.index(outer)] = cand
    return kept


def _reports_a_report(cand: Candidate) -> bool:
    """ "According to X, ..." and "..., X writes": a source passing on someone's statement."""
    if cand.speaker is None or cand.cue is None:
        return False
    text = cand.speaker.doc.text
    if text[cand.cue[0]:cand.cue[1]].lower().startswith("according"):
        return True
    between = text[cand.content[1]:cand.cue[0]]
    return cand.cue[0] >= cand.content[1] and not any(mark in between for mark in ".!?\n")
