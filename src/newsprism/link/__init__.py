"""Cross-article linking: stories, aligned statements and quantities, conflicts.

`link_store` is the one entry point: it places the analysed articles that are in no story
yet, then redoes the groups and conflicts of every story whose articles changed. Stories
nobody touched are left as they are, so a run costs what the new articles bring, and a
second run with nothing new does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..model import Analysis, Article, Story
from ..store import Store
from .align import align_quantities, align_statements, measure_matches
from .conflicts import conflict_order, find_conflicts, revisions
from .context import outlet
from .copies import find_copies
from .entities import resolve_store
from .stories import StoryDoc, StoryIndex, StoryParams, stored_story_doc


@dataclass(slots=True)
class LinkReport:
    """What one linking run did."""

    linked: int = 0  # articles placed in a story for the first time (or again after re-analysis)
    merged: int = 0  # store-wide entities found to be one with another
    stories: int = 0  # stories written (new or changed)
    conflicts: int = 0  # conflicts found in those stories

    def summary(self) -> str:
        """One line for the terminal."""
        return (f"linked {self.linked} article(s): {self.stories} story(ies) updated, "
                f"{self.conflicts} conflict(s)")


def link_store(store: Store, params: StoryParams | None = None,
               steps: Callable[[str, int, int | None], None] | None = None) -> LinkReport:
    """Place new articles in stories and redo the groups and conflicts of the stories touched
    (`params` overrides the clustering defaults, e.g. for a corpus on another scale). `steps`
    hears each phase's progress: (phase, done, total)."""
    pending = store.unlinked_articles()
    if not pending:
        return LinkReport()
    step = steps or (lambda phase, done, total: None)
    report = LinkReport(linked=len(pending))
    # One transaction for the whole run: a run killed part-way leaves the store as it was, so
    # running again resolves and clusters the same articles and ends where an uninterrupted
    # run does.
    with store.transaction():
        step("linking: one entity per person", 0, 1)
        report.merged = resolve_store(store, pending)
        step("linking: one entity per person", 1, 1)
        step("linking: stories", 0, 1)
        known = store.story_assignments()
        index = StoryIndex(params)
        index.restore((doc, known[doc.article_id]) for doc in _story_docs(store, list(known)))
        index.add_batch(_story_docs(store, pending))
        changed = _changed(index, known, pending)
        step("linking: stories", 1, 1)
        for n, story in enumerate(changed, 1):
            report.conflicts += _save(store, story)
            report.stories += 1
            step("linking: groups and conflicts", n, len(changed))
        store.drop_empty_stories()
    store.refresh_entity_counts()  # the entity index pages by mention count
    store.refresh_statistics()  # the index pages need them to walk articles newest first
    return report


READ_BATCH = 500  # articles read from the store per query when the index is rebuilt


def _story_docs(store: Store, article_ids: list[str]) -> Iterator[StoryDoc]:
    """The clustering view of stored articles, in order, read a few hundred at a time."""
    for start in range(0, len(article_ids), READ_BATCH):
        for article, names, timexes in store.story_inputs(article_ids[start:start + READ_BATCH]):
            yield stored_story_doc(article, names, timexes)


def _analysed(store: Store, article_id: str) -> tuple[Article, Analysis]:
    return store.get_article(article_id), store.analysis_of(article_id)


def _changed(index: StoryIndex, known: dict[str, str], pending: list[str]) -> list[Story]:
    """The stories that gained, lost or moved an article, in a stable order."""
    now = index.assignments()
    moved = [(article, story) for article, story in known.items() if now[article] != story]
    alive = set(now.values())
    touched = {now[a] for a in pending} | {now[a] for a, _ in moved}
    touched |= {story for _, story in moved if story in alive}  # the stories they left
    return [index.story(key) for key in sorted(touched)]


def _save(store: Store, story: Story) -> int:
    if len(story.article_ids) == 1:  # one article: nothing to align with, no outlet to disagree with
        store.save_story(story, {}, {}, [], {})
        return 0
    items = [_analysed(store, a) for a in story.article_ids]
    copies = find_copies([article for article, _ in items])
    source = {article.id: outlet(article) for article, _ in items}
    # a copy counts as the outlet of the report it copies, wherever outlets are counted
    items = [(replace(article, source=source[copies[article.id]]) if article.id in copies else article,
              analysis) for article, analysis in items]
    matches = measure_matches(items)
    conflicts = {}
    for event in story.events or [None]:  # outlets disagree about one event, not across events
        members = set(event.article_ids) if event else set(story.article_ids)
        if len(members) > 1:
            conflicts |= {c.id: c for c in find_conflicts(
                [i for i in items if i[0].id in members],
                [m for m in matches if {m.a.article.id, m.b.article.id} <= members])}
    if len(story.events) > 1:  # across the story's events, only a figure or date revised later
        conflicts |= {c.id: c for c in revisions(items, matches)}
    conflicts = sorted(conflicts.values(), key=conflict_order)
    store.save_story(story, align_statements(items), align_quantities(items, matches), conflicts, copies)
    return len(conflicts)


__all__ = ["LinkReport", "link_store"]
