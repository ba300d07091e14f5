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
from .cues import (
    CUE_LEMMAS,
    DASHES,
    FIRST_PERSON,
    PUBLISHING,
    RELATIVE,
    SPEECH_VERBS,
    THIRD_PERSON,
    Candidate,
    CueTable,
    char_span,
    complements,
    default_table,
    find_report,
    inside_quote,
    outlet_name,
    plausible_speaker,
    subject,
    subject_report,
)
from .entities import EntityIndex, is_role_phrase
from .quotemarks import Quoted, find_quoted
from .textspans import doc_text, overlaps, paragraph_spans, strip_chars

MAX_SPEAKER_TOKENS = 12
PLURAL = frozenset({"they", "them"})
MIN_QUOTE_WORDS = 3  # shorter quoted strings are names, titles or scare quotes
MAX_SPLIT_GAP_WORDS = 40  # “A,” Graham, a former candidate, told CBS News, “B.”
WORD = re.compile(r"\w+")
PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _report_cue_positions(doc, verbs_only: bool = False) -> list[int]:
    """The tokens `find_report` can take for a cue (verbs, "according", "in"; only the verbs
    with `verbs_only`), found from the parse's arrays: a Token object for every word of the
    article costs more than the test."""
    from spacy.attrs import LOWER, POS
    from spacy.parts_of_speech import VERB

    if not len(doc):
        return []
    strings = doc.vocab.strings
    cues = set() if verbs_only else {strings.add("according"), strings.add("in")}
    return [i for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist())
            if pos == VERB or lower in cues]


def extract_statements(doc, entities: EntityIndex, article_id: str,
                       table: CueTable | None = None) -> list[Statement]:
    """Every statement in a parsed article, in text order, with resolved speakers."""
    quotes = find_quoted(doc_text(doc))
    candidates = [c for c in (find_report(doc[i], quotes, table) for i in _report_cue_positions(doc))
                  if c is not None and not _document_itself(c.speaker)]
    candidates = [_speaker_outside(c) for c in _absorb_quotes(candidates, quotes, doc_text(doc))]
    candidates = _drop_nested(_credit_outlets(candidates, entities))
    candidates += _orphan_quotes(doc, quotes, candidates)
    candidates += _colon_lines(doc, candidates)
    candidates += _headline_reports(doc, candidates)
    candidates += _unmarked_paragraphs(doc, candidates, quotes)
    candidates += _writers_reports(doc, candidates, quotes, table)
    candidates = [_widen_fragment(doc, _coordinate(doc, c)) for c in candidates]
    candidates.sort(key=lambda c: c.content)
    return _resolve(doc, _drop_nested(_credit_outlets(candidates, entities)), entities, article_id)


# --- outlets and the text itself ----------------------------------------------------------


# Nouns by which a text names itself: "The article discusses ...", "This report examines ...".
SELF_NOUNS = frozenset("article report story piece text post publication".split())


def _document_itself(head) -> bool:
    """ "The article discusses ...": the text speaking of itself, which is no one's statement. Any
    word naming an owner or telling it apart ("the Pentagon's report", "the report by the GAO",
    "the report released Monday", "the new report") makes it someone else's, and so does an
    earlier mention "the" points back to ("a Times article hailed Trump ... the article read")."""
    lemma = head.lemma_.lower() if head is not None else ""
    if lemma not in SELF_NOUNS or head.pos_ != "NOUN":
        return False
    determiners = [c.lower_ for c in head.children if c.dep_ == "det"]
    if not determiners or any(c.dep_ not in {"det", "punct"} for c in head.children):
        return False
    earlier = any(t.lemma_.lower() == lemma for t in head.doc[:head.i])
    return determiners[0] == "this" or determiners[0] == "the" and not earlier


def _credit_outlets(candidates: list[Candidate], entities: EntityIndex) -> list[Candidate]:
    """An outlet is where a report came from, not who spoke. One that passes on someone's words
    ("He said this ..., Suspilne reports"; "According to the agency RBC-Ukraine, Rutte believes")
    gives the statements inside its name as provenance, and its own goes; one that is the only
    source ("Bild reports that the talks failed") keeps its statement, with its own name as
    provenance and no speaker (see `_speaker_of`)."""
    relayed = [c for c in candidates if _relays(c, candidates, entities)]
    kept = []
    for cand in candidates:
        if any(cand is r for r in relayed) or _cites(cand, relayed):
            continue
        outlet = _outlet(cand, entities, relays=False)
        trailing = cand.provenance or _trailing_outlet(cand, entities)
        kept.append(replace(cand, provenance=outlet or trailing))
    return kept


def _trailing_outlet(cand: Candidate, entities: EntityIndex) -> str | None:
    """ "She said this after the meeting, Baltic Radio reports.": where the parser hung the
    outlet's verb on the report before it, as its clause, the outlet still only passes it on."""
    cue = _cue_root(cand)
    for verb in cue.rights if cue is not None else ():
        if verb.dep_ not in {"ccomp", "parataxis"} or verb.lemma_.lower() not in PUBLISHING:
            continue
        source = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        last = all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1:verb.sent.end])
        if source is not None and last and verb.doc[source.left_edge.i - 1].text == ",":
            return _outlet_of(source, entities, relays=True)
    return None


def _relays(cand: Candidate, candidates: list[Candidate], entities: EntityIndex) -> bool:
    """Whether a candidate is an outlet passing on statements found inside it, which then
    carry its name as their provenance."""
    inner = [c for c in candidates if c is not cand and c.speaker is not None and _takes_over(cand, c)]
    outlet = _outlet(cand, entities, relays=True) if inner and _reports_a_report(cand) else None
    for statement in inner if outlet is not None else ():
        statement.provenance = statement.provenance or outlet
    return outlet is not None


def _cites(cand: Candidate, relayed: list[Candidate]) -> bool:
    """ "TASR writes according to an AFP report", "..., TASR writes, citing AFP": the outlet's own
    source, hung on its reporting verb, goes with the outlet's statement."""
    cue = _cue_root(cand)
    verbs = {root.i for root in map(_cue_root, relayed) if root is not None}
    return cue is not None and cue.head.i in verbs and cue.i > cue.head.i


def _outlet(cand: Candidate, entities: EntityIndex, relays: bool) -> str | None:
    """The outlet a candidate's speaker is, unless the article shows it to be a person."""
    if cand.speaker is None or cand.speaker_phrase is not None:
        return None
    return _outlet_of(cand.speaker, entities, relays)


def _outlet_of(head, entities: EntityIndex, relays: bool) -> str | None:
    # The name itself first: in "Trump, a Republican" the phrase's last entity is the party.
    for named in (entities.entity_of([head]), entities.entity_of(_noun_phrase(head))):
        if named is not None and named.type == "PERSON":
            return None
    if entities.person_named(head.text):
        return None
    return outlet_name(head, relays)


# --- quotation marks ----------------------------------------------------------------------


def _absorb_quotes(candidates: list[Candidate], quotes: list[Quoted], text: str) -> list[Candidate]:
    """Snap contents to the quotes they are made of (direct) or hold (mixed)."""
    result = []
    for cand in candidates:
        inside = [q for q in quotes if q.start < cand.content[1] and q.end > cand.content[0]]
        if not inside:
            result.append(cand)
            continue
        if cand.judged and _after_colon(text, inside[0].start):
            continue  # "X surprised the pollster: “...”": the colon gives the quote its speaker
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


def _after_colon(text: str, at: int) -> bool:
    return text[max(0, at - 10):at].rstrip().endswith(":")


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
        words = _word_count(text[quote.inner_start:quote.inner_end])
        if quote.start >= cand.cue[1] and words >= MIN_QUOTE_WORDS:  # a short quoted title is skipped
            gap = text[span[1]:quote.start]
            if ("\n" not in gap and _word_count(gap) <= MAX_SPLIT_GAP_WORDS
                    and gap.rstrip()[-1:] in {",", ".", ":"} and not _second_cue(gap)
                    and not _own_attribution(text, quote)):
                return span[0], quote.end
            break
    return span


_ATTRIBUTION_AFTER = re.compile(r"\s*(?:[\w.'’-]+\s+){1,4}?(?:" + "|".join(
    sorted({"said", "says", "added", "adds", "told", "tells", "continued", "wrote", "writes", "asked",
            "explained", "noted", "argued", "insisted", "warned", "stressed", "replied", "recalled"}))
    + r")\b")


def _own_attribution(text: str, quote: Quoted) -> bool:
    """ “A,” she said. “B,” she added: the second quote has its own report, so it stands alone."""
    after = text[quote.end:quote.end + 60]
    return text[quote.inner_end - 1:quote.inner_end] == "," and bool(_ATTRIBUTION_AFTER.match(after))


_COORDINATE_THAT = re.compile(r",?\s+(?:but|and)\s+(?:also\s+)?that\s", re.IGNORECASE)


def _coordinate(doc, cand: Candidate) -> Candidate:
    """ "said X, but that Y": the second "that" clause is content of the same report."""
    text = doc_text(doc)
    if cand.cue is None or cand.cue[0] > cand.content[0] or not _COORDINATE_THAT.match(text, cand.content[1]):
        return cand
    sentence = _sentence_at(doc, cand.content[1])
    if sentence is None or sentence.end_char <= cand.content[1]:
        return cand
    widened = strip_chars(text, cand.content[0], sentence.end_char)
    return replace(cand, content=widened) if widened else cand


def _widen_fragment(doc, cand: Candidate) -> Candidate:
    """A quoted fragment inside a clause is mixed speech: 'that Cruz will “blow away...”' takes
    the clause (from its "that") around the quote, as long as the cue stays outside it."""
    text = doc_text(doc)
    if cand.kind != "direct" or cand.cue is None:
        return cand
    start, end = cand.content
    before = text[max(0, start - 6):start]
    inner = text[start + 1:end].lstrip()
    if re.search(r"\bthat\s*$", before, re.IGNORECASE):
        return replace(cand, content=(start - len(before) + before.lower().rfind("that"), end), kind="mixed")
    if not inner[:1].islower():
        return cand
    clause = _clause_around(doc, start, end)
    if clause is None or overlaps(clause, cand.cue) or clause[0] > start:
        return cand
    return replace(cand, content=(clause[0], max(clause[1], end)), kind="mixed")


def _clause_around(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"} or head.dep_ in {"ROOT"}:
        return None
    return head.left_edge.idx, head.right_edge.idx + len(head.right_edge)



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
        inner = doc_text(doc)[quote.inner_start:quote.inner_end]
        if _is_title(inner):
            continue  # “Fox News Sunday”, “America with Jorge Ramos”: a name, not speech
        words = _word_count(inner)
        cand = (_nearby_cue(doc, quote, quotes) or _colon_intro(doc, quote, quotes)
                if words >= MIN_QUOTE_WORDS else None) or _continuation(doc, quote, taken + found)
        if cand is not None:
            found.append(cand)
    return found


MAX_TITLE_WORDS = 6


def _is_title(inner: str) -> bool:
    """A quoted name or title: no letters at all, or every longer word capitalised and no
    sentence end, except the full stop or comma that American style puts inside the marks
    after a short title ("on “Meet the Press.”")."""
    words = re.findall(r"[^\W\d_]+", inner)
    if not words or re.match(r"\s*(?:https?://|www\.|pic\.twitter)", inner):
        return True  # no words, or an address
    long_words = [w for w in words if len(w) > 3]
    if not long_words or not all(w[0].isupper() for w in long_words):
        return False
    if len(words) <= MAX_TITLE_WORDS:
        inner = inner.rstrip().rstrip(".,")
    return not re.search(r"[.!?]\W*$", inner)


def _nearby_cue(doc, quote: Quoted, quotes: list[Quoted]) -> Candidate | None:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    sentences = {t.sent.start: t.sent for t in (span[0], span[-1])}
    after = doc[span.end].sent if span.end < len(doc) else None
    if after is not None and _tokens_between(doc_text(doc), quote.end, after.start_char) == 0:
        sentences.setdefault(after.start, after)
    found = []  # the cue nearest the quote wins ("When the mayor accused X, Ortiz shot back: “...”")
    for sentence in sentences.values():
        for token in sentence:
            outside = not (quote.start <= token.idx < quote.end) and not inside_quote(token.idx, quotes)
            cue = token.pos_ == "VERB" and (token.lemma_.lower() in CUE_LEMMAS or _phrasal_cue(token))
            if outside and cue:
                speaker = (subject(token) or _inverted_speaker(doc, token, quote)
                           or _named_before(token, quote.end))
                if speaker is not None and not (quote.start <= speaker.idx < quote.end):
                    distance = quote.start - token.idx if token.idx < quote.start else token.idx - quote.end
                    found.append((distance, token.i, token, speaker))
    if not found:
        return None
    _, _, token, speaker = min(found, key=lambda f: f[:2])
    return _around_quote(token, quote, speaker, quotes)


# Phrasal verbs that say someone spoke, beside a quote: “...,” Trump went on; Sanders shot back, “...”
PHRASAL_CUES = frozenset({
    ("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"), ("push", "back"), ("chime", "in"),
    ("cut", "in"), ("break", "in"), ("weigh", "in"), ("pipe", "up"), ("speak", "up"), ("speak", "out"),
    ("lash", "out"),
})


def _phrasal_cue(verb) -> bool:
    """ "went on", "shot back": the verb with the particle right after it."""
    return any(c.dep_ in {"prt", "advmod"} and c.i == verb.i + 1
               and (verb.lemma_.lower(), c.lower_) in PHRASAL_CUES for c in verb.children)


def _inverted_speaker(doc, verb, quote: Quoted):
    """ “...,” recalled Mr. Rhodes: right after a quote, a name after the verb that the parser
    took for its object is who spoke."""
    if doc_text(doc)[quote.end:verb.idx].strip(" ,") or verb.i + 1 >= len(doc):
        return None
    after = next((c for c in verb.rights if c.dep_ in {"dobj", "npadvmod", "attr", "dative"}), None)
    return after if after is not None and after.pos_ == "PROPN" else None


def _speaker_outside(cand: Candidate) -> Candidate:
    """A direct quote whose speaker the parser found inside the quote ("... the Wendy Wasserman
    Schultz Servers ...," Trump, a Republican, wrote: "Servers" as the subject): the name between
    the quote and the verb, where there is one."""
    cue = _cue_root(cand)
    if cand.kind != "direct" or cand.speaker is None or cue is None \
            or not cand.content[0] <= cand.speaker.idx < cand.content[1]:
        return cand
    named = _named_before(cue, cand.content[1])
    return cand if named is None else replace(cand, speaker=named)


def _named_before(verb, quote_end: int):
    """ “...,” Trump, a Republican, wrote: right after a quote, a name and its apposition before
    the verb, which the parser hung on the quote instead of making it the verb's subject."""
    start = verb.i
    while start and verb.doc[start - 1].idx >= quote_end:  # only the words after the quote
        start -= 1
    between = [t for t in verb.doc[start:verb.i] if not (t.is_punct or t.is_space)]
    if not between or between[0].pos_ != "PROPN":
        return None
    name = between[0]
    while name.dep_ == "compound" and name.head.i < verb.i:
        name = name.head
    inside = {t.i for t in name.subtree}
    return name if all(t.i in inside for t in between) else None


def _colon_intro(doc, quote: Quoted, quotes: list[Quoted]) -> Candidate | None:
    """ "Cruz continued: “...”", "More from Jones: “...”": the clause before the colon names
    the speaker, as the subject of its reporting verb or else as its last person."""
    before = doc_text(doc)[:quote.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon[0].sent
    root = sentence.root
    speaker = subject(root) if root.pos_ == "VERB" and root.lemma_.lower() in CUE_LEMMAS else None
    if speaker is not None and plausible_speaker(speaker, root.lemma_.lower() in SPEECH_VERBS) and not \
            inside_quote(speaker.idx, quotes):
        return Candidate(quote.span, char_span(sentence.root), speaker, "direct")
    people = [e for e in sentence.ents if e.label_ == "PERSON" and not inside_quote(e.start_char, quotes)]
    if not people:
        return None
    return Candidate(quote.span, (len(before) - 1, len(before)), people[-1].root, "direct")


def _around_quote(cue, quote: Quoted, speaker, quotes: list[Quoted]) -> Candidate:
    """The cue's own content when it holds the quote ("called it “a disgrace”"), else the quote."""
    for _, content in complements(cue):
        if content[0] <= quote.start and quote.inner_end <= content[1]:
            cand = Candidate(content, char_span(cue), speaker)
            return _absorb_quotes([cand], quotes, doc_text(cue.doc))[0]
    cand = Candidate(quote.span, char_span(cue), speaker, "direct")
    return replace(cand, content=_join_split_quote(quote.span, quotes, cand, doc_text(cue.doc)))


def _sentence_at(doc, at: int):
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def _tokens_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split()) if end > start else 0


def _continuation(doc, quote: Quoted, taken: list[Candidate]) -> Candidate | None:
    """A quote right after someone's statement, with no cue of its own, is theirs too."""
    words = _word_count(doc_text(doc)[quote.inner_start:quote.inner_end])
    earlier = [c for c in taken if c.content[1] <= quote.start]
    if earlier and words >= MIN_QUOTE_WORDS:
        previous = max(earlier, key=lambda c: c.content[1])
        gap = doc_text(doc)[previous.content[1]:quote.start]
        adjacent = "\n" not in gap and len(gap.split()) <= 6 or not gap.strip()
        near = len(PARAGRAPH_BREAK.findall(gap)) <= 1 and len(gap.split()) <= 12
        reported_between = previous.cue is not None and previous.content[1] <= previous.cue[0]
        if previous.kind == "direct" and (adjacent or near and reported_between):
            # “A,” she said. “B.” (across a paragraph too when A's report stands between), and
            # quote after quote, paragraph after paragraph: one statement
            previous.content = (previous.content[0], quote.end)
            return None
        if near:
            return Candidate(quote.span, None, None, "direct", follows_previous=True)
        sentence = _sentence_at(doc, quote.start)
        if sentence is not None and "\n" not in doc_text(doc)[previous.content[1]:sentence.start_char]:
            # "The target is “not nearly enough” to face the threat." after the speaker's report
            content = strip_chars(doc_text(doc), sentence.start_char, sentence.end_char)
            if content and content[0] >= previous.content[1]:
                return Candidate(content, None, None, "mixed", follows_previous=True)
    if words >= 6:
        return Candidate(quote.span, None, None, "direct")
    return None


# --- lines and paragraphs -----------------------------------------------------------------


def _colon_lines(doc, taken: list[Candidate]) -> list[Candidate]:
    """Transcript and headline lines: "PENCE: Well, look..." / "Rutte: we must do more"."""
    found = []
    for start, end in paragraph_spans(doc_text(doc)):
        line = doc_text(doc)[start:end]
        lead = len(line) - len(line.lstrip(" \"“'‘"))
        colon = line.find(":", lead)
        if colon <= lead or colon - lead > 40:
            continue
        label = doc.char_span(start + lead, start + colon, alignment_mode="contract")
        headline = start == _first_line_start(doc_text(doc))
        if label is None or not _looks_like_speaker(label, headline):
            continue
        if not _transcript_label(label) and any(overlaps(c.content, (start, end)) for c in taken):
            continue  # a report inside the line is the line's statement, except in a transcript
        content = strip_chars(doc_text(doc), start + colon + 1, end)
        if content is not None:
            kind = "direct" if lead else "unmarked"
            found.append(Candidate(content, (start + colon, start + colon + 1), label.root, kind))
    return found


# A report in a headline's title case, which the parser does not read: "Clinton Says Russians
# Hacked DNC", "Carly Fiorina Endorses Ted Cruz". The verbs are the ones headlines use.
HEADLINE_VERBS = (
    "Says|Said|Tells|Told|Warns|Claims|Admits|Insists|Argues|Thinks|Believes|Wants|Predicts|Vows|Pledges|"
    "Urges|Endorses|Praises|Slams|Blasts|Rips|Calls|Denies|Defends|Accuses|Backs|Hints|Reassures|Compares|"
    "Announces|Suggests|Questions|Asks|Demands|Promises|Threatens|Touts|Dismisses|Mocks|Attacks|Criticizes")
_HEADLINE_REPORT = re.compile(
    r"(?P<speaker>(?:[A-Z][\w’'.&-]*\s+){0,5}[A-Z][\w’'.&-]*)\s+(?:(?:Is|Now|Just|Finally)\s+)?"
    r"(?P<cue>" + HEADLINE_VERBS + r")\s+(?P<content>[^\n]+?)"
    r"(?:\s+(?:After|As|Amid|Before|Following|During|While)\s+[^\n]*)?[.\s]*$")
MIN_TITLE_CASE = 0.8  # of a line's words start with a capital: a headline, not a sentence


def _headline_reports(doc, taken: list[Candidate]) -> list[Candidate]:
    """ "Hillary Clinton Says EgyptAir Crash Seems Like An ‘Act Of Terrorism’": a report in title case."""
    text, found = doc_text(doc), []
    for start, end in paragraph_spans(text):
        line = text[start:end]
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) < 4 or sum(w[0].isupper() for w in words) < MIN_TITLE_CASE * len(words):
            continue
        if any(overlaps(c.content, (start, end)) for c in taken):
            continue  # the parse read it
        match = _HEADLINE_REPORT.search(line)
        if match is None or match.start("speaker") > 0 and line[match.start("speaker") - 1] not in " —–:-":
            continue
        content = strip_chars(text, start + match.start("content"), start + match.end("content"))
        speaker = doc.char_span(start + match.start("speaker"), start + match.end("speaker"),
                                alignment_mode="contract")
        if content is None or speaker is None:
            continue
        cue = (start + match.start("cue"), start + match.end("cue"))
        found.append(Candidate(content, cue, speaker[-1], speaker_phrase=speaker))
    return found


def _transcript_label(label) -> bool:
    """ "FALLIN:", "JAKE TAPPER:": a transcript's speaker, whose line is all theirs."""
    words = [t for t in label if not t.is_punct]
    return all(t.is_upper and t.is_alpha for t in words)


# Lower-case words a headline's speaker label may hold: "Clinton camp:", "Mukasey at RNC:".
HEADLINE_LABEL_WORDS = frozenset({"camp", "aide", "aides", "allies", "spokesman", "spokeswoman", "at",
                                  "to", "on", "of", "in", "for"})


def _looks_like_speaker(label, headline: bool) -> bool:
    words = [t for t in label if not t.is_punct]
    if not 1 <= len(words) <= (6 if headline else 4):
        return False
    if words[0].pos_ == "DET":
        return False  # a column or rubric: "The Latest: ..."
    if all(t.is_upper and t.is_alpha for t in words):
        return True  # "WALLACE"
    if headline:
        return words[0].text[0].isupper() and all(
            t.text[0].isupper() or not t.is_alpha or t.lower_ in HEADLINE_LABEL_WORDS for t in words)
    named = any(t.ent_type_ in {"PERSON", "ORG"} for t in words)
    return named and all(t.text[0].isupper() or not t.is_alpha for t in words)  # "McCain", "NY"


def _first_line_start(text: str) -> int:
    return len(text) - len(text.lstrip())


def _unmarked_paragraphs(doc, taken: list[Candidate], quotes: list[Quoted]) -> list[Candidate]:
    """First-person paragraphs without marks: the quote of whoever was just speaking. A report
    only the context model accepted ("allies will decide how we do this") does not stop one: it
    is more likely part of the speech."""
    found: list[Candidate] = []
    taken = [c for c in taken if not c.judged]
    paragraphs = list(paragraph_spans(doc_text(doc)))
    marks_kept = _marked_first_person(doc, quotes) >= MARKS_KEPT
    for number, (start, end) in enumerate(paragraphs):
        if any(overlaps(c.content, (start, end)) for c in taken + found):
            continue
        if any(overlaps(q.span, (start, end)) for q in quotes):
            continue
        previous = paragraphs[number - 1] if number else None
        cand = _introduced_by_colon(doc, previous, (start, end))
        if cand is None and not marks_kept and _first_person(doc, start, end):
            cand = _amid_speaker(previous, (start, end), taken + found)
        if cand is not None:
            found.append(cand)
    return found


# An article that marks this many first-person quotes kept its quotation marks: a first-person
# paragraph without them there is the writer's own (an op-ed, "download our app"), not a quote.
MARKS_KEPT = 3


def _writers_reports(doc, taken: list[Candidate], quotes: list[Quoted], table) -> list[Candidate]:
    """ "I told the judge that ...": a report in the first person outside every quote, where no
    statement found above (an unmarked quote among them) already holds its content: the writer's
    own, with no named speaker."""
    found: list[Candidate] = []
    table = table or default_table()
    for token in (doc[i] for i in _report_cue_positions(doc, verbs_only=True)):
        if inside_quote(token.idx, quotes):
            continue
        cand = subject_report(token, table, first_person=True)
        if cand is None or cand.judged or inside_quote(cand.speaker.idx, quotes):
            continue  # “We must do more,” indicating ...: the "we" of someone's quote
        if not any(overlaps(c.content, cand.content) for c in taken + found):
            found.append(cand)
    return found


def _marked_first_person(doc, quotes: list[Quoted]) -> int:
    """How many quotes with marks speak in the first person."""
    return sum(_first_person(doc, q.inner_start, q.inner_end) for q in quotes)


def _first_person(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _introduced_by_colon(doc, previous, paragraph) -> Candidate | None:
    """ "Speaking about industry, he noted:" followed by the paragraph he said."""
    if previous is None or not doc_text(doc)[previous[0]:previous[1]].rstrip().endswith(":"):
        return None
    colon = doc.char_span(previous[0], previous[1], alignment_mode="contract")
    if colon is None:
        return None
    last = list(colon.sents)[-1]
    speaker = subject(last.root)
    if speaker is None or not plausible_speaker(speaker):
        return None
    content = strip_chars(doc_text(doc), *paragraph)
    return Candidate(content, char_span(last.root), speaker, "unmarked") if content else None


def _amid_speaker(previous, paragraph, taken: list[Candidate]) -> Candidate | None:
    if previous is None:
        return None
    before = [c for c in taken if previous[0] <= c.content[0] < paragraph[0]]
    if not before:
        return None
    return Candidate(paragraph, None, None, "unmarked", follows_previous=True)


# --- speakers -----------------------------------------------------------------------------


Who = tuple[str | None, str | None]  # (entity id, canonical name)


@dataclass(slots=True)
class _Speakers:
    """The speakers met so far, for continuations and pronouns."""

    recent: Who = (None, None)  # whoever spoke last: a quote with no cue of its own is theirs
    person: Who = (None, None)  # the last person who spoke, for "he" and "she"
    person_end: int = -1  # where that person's statement ended
    group: Who = (None, None)  # the last speaker that is not one person, for "they"

    def spoke(self, who: Who, end: int, entities: EntityIndex) -> None:
        """Remember a resolved speaker."""
        self.recent = who
        cluster = entities.clusters.get(who[0]) if who[0] else None
        if cluster is not None and cluster.type == "PERSON":
            self.person, self.person_end = who, end
        else:
            self.group = who


def _resolve(doc, candidates: list[Candidate], entities: EntityIndex, article_id: str) -> list[Statement]:
    statements: list[Statement] = []
    seen = _Speakers()
    for number, cand in enumerate(candidates, start=1):
        span, who = _speaker_of(doc, cand, entities, seen)
        if who[1] is not None:
            seen.spoke(who, cand.content[1], entities)
        content = strip_chars(doc_text(doc), *cand.content) or cand.content
        statements.append(Statement(
            id=f"{article_id}:s{number}", article_id=article_id, kind=cand.kind, content=content,
            cue=cand.cue, speaker=span, speaker_entity_id=who[0], speaker_name=who[1],
            provenance=cand.provenance,
        ))
    return statements


def _speaker_of(doc, cand: Candidate, entities: EntityIndex, seen: _Speakers):
    """The speaker's surface span and who they are. An outlet that is the only source of its
    report ("Bild reports that ...") is where the report came from (its provenance), so it is no
    one: its name stays marked in the text as the source, but it names no speaker."""
    if cand.speaker is None:
        return None, (seen.recent if cand.follows_previous else (None, None))
    quoted = cand.content if cand.kind == "direct" else None
    span, who = _speaker(cand.speaker, entities, seen, cand.speaker_phrase, quoted)
    if cand.provenance is not None and _outlet(cand, entities, relays=False) is not None:
        who = (None, None)
    return _relative_pronoun(doc, cand) or span, who


def _relative_pronoun(doc, cand: Candidate):
    """ "officials who said ...": the speaker as written is "who" (the officials are who it is)."""
    cue = _cue_root(cand)
    if cue is None or cue.dep_ != "relcl" or cue.head.i != cand.speaker.i:
        return None
    pronoun = next((c for c in cue.children
                    if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in RELATIVE), None)
    return None if pronoun is None else (pronoun.idx, pronoun.idx + len(pronoun))


def _speaker(head, entities: EntityIndex, seen: _Speakers, phrase=None, content=None):
    """The speaker's surface span and (entity id, canonical name). A phrase given with the head
    comes from a title-case headline, where the person named by its last word is surer than NER.
    A pronoun is never someone named inside its own statement's content."""
    if phrase is not None:
        named = entities.person_named(head.text)
        if named is not None:
            return (phrase.start_char, phrase.end_char), (named.id, named.name)
    phrase = phrase or _noun_phrase(head)
    span = strip_chars(doc_text(head.doc), phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
    span = span or (head.idx, head.idx + len(head))
    lowered = head.lower_
    if lowered in PLURAL:
        return span, seen.group
    if lowered in THIRD_PERSON or lowered in RELATIVE:
        return span, _antecedent(head, entities, seen, content)
    named = entities.entity_of(phrase)
    if named is None or named.type != "PERSON":
        named = entities.person_named(head.text) or _named_in_apposition(head, entities) or named
    if named is not None and named.type == "PERSON":
        return span, (named.id, named.name)
    if is_role_phrase(phrase):
        holder = entities.role_holder(phrase, head.idx) or _head_of(phrase, entities)
        # a role no one named holds is said as written: "the head of the Alliance" is not the Alliance
        return span, (holder.id, holder.name) if holder is not None else (None, phrase.text)
    if named is not None and named.type not in PLACES:
        return span, (named.id, named.name)
    if lowered in FIRST_PERSON:
        return span, (None, None)
    return span, (None, phrase.text)


# A place does not speak: "Kyiv said" is its government, whom the place's name does not tell.
PLACES = frozenset({"GPE", "LOC"})
# Words for whoever leads an organisation, whatever their title there.
LEADER_WORDS = frozenset({"head", "chief", "leader"})
# Common nouns an article uses, capitalised, for an organisation it names otherwise ("the Alliance").
ORGANISATION_WORDS = frozenset("alliance union bloc commission organisation organization party "
                               "government company agency council".split())


def _head_of(phrase, entities: EntityIndex):
    """ "The head of the Alliance": the person whose title the article gives as a post in that
    organisation; where the phrase calls it by a common noun, the one person whose title names
    any organisation."""
    if phrase.root.lemma_.lower() not in LEADER_WORDS or phrase.root.tag_ in {"NNS", "NNPS"}:
        return None
    organisation = entities.entity_of(phrase)
    if organisation is None or organisation.type != "ORG":
        return None
    leaders = _organisation_leaders(phrase.doc, entities)
    same = [person for person, org in leaders if org is organisation]
    if not same and organisation.name.lower() in ORGANISATION_WORDS:
        same = [person for person, _ in leaders]
    return same[0] if len(set(p.id for p in same)) == 1 else None


def _organisation_leaders(doc, entities: EntityIndex) -> list:
    """(person, organisation) for every title that names an organisation: "NATO Secretary General"."""
    found = []
    for cluster in entities.clusters.values():
        for _, start, end in cluster.roles if cluster.type == "PERSON" else ():
            role = doc.char_span(start, end, alignment_mode="expand")
            org = entities.entity_of(role) if role is not None else None
            if org is not None and org.type == "ORG":
                found.append((cluster, org))
    return found


def _named_in_apposition(head, entities: EntityIndex):
    """ "The columnist Dana Milbank said": the person a role noun is followed by."""
    for child in head.rights:
        if child.dep_ == "appos":
            named = entities.entity_of(child.subtree)
            if named is not None and named.type == "PERSON":
                return named
    return None


def _antecedent(pronoun, entities: EntityIndex, seen: _Speakers, content=None) -> Who:
    """Who "he" or "she" is: the last person who spoke, when they spoke in this sentence or
    the one before, else the person named most recently outside what the pronoun says
    (“Hillary should do what she wants,” he said: not Hillary); never a person the article
    shows to be of the other gender ("Mr.", "Mrs.", "spokeswoman", the pronouns it uses)."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    skip = range(0)
    if content is not None:
        inside = pronoun.doc.char_span(content[0], content[1], alignment_mode="expand")
        skip = range(inside.start, inside.end) if inside is not None else skip
    person = entities.last_person_before(pronoun.i, gender, skip)
    sentence = pronoun.sent
    previous_start = sentence.start_char
    if sentence.start > 0:
        previous_start = pronoun.doc[sentence.start - 1].sent.start_char
    speaker_fits = seen.person[0] is None or entities.gender(seen.person[0]) in {None, gender}
    if seen.person[1] is not None and speaker_fits and (person is None or seen.person_end >= previous_start):
        return seen.person
    if person is not None:
        return person.id, person.name
    return seen.person if speaker_fits else (None, None)


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _noun_phrase(head):
    doc = head.doc
    start = head.left_edge.i
    for token in doc[start:head.i]:  # "WASHINGTON — Former Attorney General X": drop the dateline
        if token.text in DASHES:
            start = token.i + 1
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
        elif _reports_a_report(outer) and _takes_over(outer, cand):
            kept[kept.index(outer)] = cand
        else:
            cut = _own_report_cut(outer, cand)
            if cut is not None:
                kept[kept.index(outer)] = replace(outer, content=cut)
                kept.append(cand)
    return kept


CONTRAST = frozenset({"while", "whereas", "though", "although"})


def _own_report_cut(outer: Candidate, inner: Candidate):
    """ "said A, and 4 in 10 said B", "A while Sanders suggests B": a report with its own
    subject in a clause joined to the content ends the content; both are statements."""
    if outer.kind == "direct" or inner.cue is None or not outer.content[0] < inner.cue[0] < outer.content[1]:
        return None
    verb = _cue_root(inner)
    if verb is None or verb.dep_ not in {"conj", "advcl"} or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    if any(c.dep_ == "mark" and c.lower_ not in CONTRAST for c in verb.children):
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in RELATIVE for c in verb.children):
        return None
    doc = verb.doc
    cut = verb.left_edge.i
    while cut > 0 and (doc[cut - 1].pos_ == "CCONJ" or doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    if cut <= 0 or doc[cut - 1].idx <= outer.content[0]:
        return None
    return strip_chars(doc_text(doc), outer.content[0], doc[cut - 1].idx + len(doc[cut - 1]))


# An inner statement takes over "according to X, ..." only when it reports speech or a belief:
# "according to FEC filings, the group spends money on mailings to voters that oppose Bush" is
# the filings', not the voters'.
SPEAKING = SPEECH_VERBS | {"believe", "think", "know", "hope", "fear", "expect", "want", "plan", "intend"}


def _takes_over(outer: Candidate, inner: Candidate) -> bool:
    """Whether a report whose cue lies in another's content is what that one passes on."""
    return inner.cue is not None and overlaps(inner.cue, outer.content) and (
        _cue_text(outer) != "according to" or _speaks(inner))


def _speaks(cand: Candidate) -> bool:
    cue = _cue_root(cand)
    return cue is not None and cue.lemma_.lower() in SPEAKING


def _cue_root(cand: Candidate):
    """The head token of a candidate's cue, when it has a cue and a speaker token (the doc)."""
    if cand.cue is None or cand.speaker is None:
        return None
    span = cand.speaker.doc.char_span(*cand.cue, alignment_mode="expand")
    return None if span is None else span.root


def _cue_text(cand: Candidate) -> str:
    return doc_text(cand.speaker.doc)[cand.cue[0]:cand.cue[1]].lower() if cand.speaker and cand.cue else ""


def _reports_a_report(cand: Candidate) -> bool:
    """ "According to X, ..." and "..., X writes": a source passing on someone's statement."""
    if cand.speaker is None or cand.cue is None:
        return False
    text = doc_text(cand.speaker.doc)
    if _cue_text(cand) in {"according to", "in"}:
        return True  # "According to X, ...", "In a poll by X, ...": whoever speaks inside comes first
    between = text[cand.content[1]:cand.cue[0]]
    return cand.cue[0] >= cand.content[1] and not any(mark in between for mark in ".!?\n")
