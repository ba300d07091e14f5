"""The briefing as Markdown: each quote, number and piece of evidence names its source as
`article_id@start-end`, linked to the article's URL when one is known. Article text is
escaped so that a Markdown renderer shows it as text, never as markup or HTML."""

from __future__ import annotations

import re
from urllib.parse import quote

from .briefing import (
    TIMELINE_ROWS,
    Briefing,
    date_range,
    quantity_label,
    quoted,
    scope_label,
    story_outlets,
)

# Characters that Markdown (CommonMark, GFM) reads as inline markup; a backslash makes each
# literal. Block markup (#, -, 1.) only counts at a line's start, where article text never is.
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")


def render_markdown(briefing: Briefing) -> str:
    """The whole briefing."""
    if not briefing.stories:
        return "# Briefing\n\nNo stories yet: run `newsprism analyze`.\n"
    return "# Briefing\n\n" + "\n".join(story_markdown(briefing, view) for view in briefing.stories)


def story_markdown(briefing: Briefing, view: dict) -> str:
    """One story's section."""
    lines = [f"## {md(view['title'] or 'Untitled story')}", "",
             f"{md(date_range(view))} · {len(view['articles'])} article(s) · "
             f"{md(', '.join(story_outlets(briefing, view)))} · {code(view['id'])}", ""]
    for section in (statements_md, numbers_md, conflicts_md, timeline_md, articles_md):
        lines += section(briefing, view)
    return "\n".join(lines) + "\n"


def statements_md(briefing: Briefing, view: dict) -> list[str]:
    """Who said what: grouped statements, then the main speakers' other statements."""
    lines = []
    for group in view["statements"]:
        main = group["versions"][0]
        lines.append(f"- **{md(group['speaker'] or 'Unattributed')}** ({_outlets(group['corroboration'])}): "
                     f"{md(_squash(main['content']['text']))}")
        lines += [f"  - {cite(briefing, v['article_id'], v['content'])} ({v['kind']})"
                  + _variant(v["content"]["text"], main["content"]["text"]) for v in group["versions"]]
    for entry in view["also_said"]:
        lines.append(f"- **{md(entry['speaker'])}**, in one outlet:")
        lines += [f"  - {md(quoted(_short(s['content']['text'], 220)))} "
                  f"{cite(briefing, s['article_id'], s['content'])}" for s in entry["statements"]]
        lines += [f"  - and {entry['more']} more"] if entry["more"] else []
    return ["### Who said what", "", *lines, ""] if lines else []


def numbers_md(briefing: Briefing, view: dict) -> list[str]:
    """Key numbers: each quantity group, its corroboration and every outlet's wording."""
    lines = []
    for group in view["claims"]:
        first = group["versions"][0]
        about = f" — {md(first['subject'])}" if first["subject"] else ""
        when = f" ({md(scope_label(first))})" if scope_label(first) else ""
        stated = " / ".join(dict.fromkeys(md(v["text"]) for v in group["versions"]))
        lines.append(f"- **{stated}** = {md(quantity_label(first))}{about}{when}, "
                     f"{_outlets(group['corroboration'])}")
        lines += [f"  - “{md(v['text'])}” {cite(briefing, v['article_id'], v)}" for v in group["versions"]]
    return ["### Key numbers", "", *lines, ""] if lines else []


def conflicts_md(briefing: Briefing, view: dict) -> list[str]:
    """Where outlets disagree, each side's evidence quoted in its sentence."""
    lines = []
    for conflict in view["conflicts"]:
        lines.append(f"- **{conflict['status']}** ({conflict['kind']}, "
                     f"confidence {conflict['confidence']:.2f}): {md(conflict['summary'])}")
        if conflict["reasons"]:
            lines.append(f"  - less sure because: {md('; '.join(conflict['reasons']))}")
        for side in conflict["sides"]:
            lines.append(f"  - {md(side['value'])}:")
            for e in side["evidence"]:
                before, span, after = briefing.context(e["article_id"], e["start"], e["end"])
                where = cite(briefing, e["article_id"], e)
                lines.append(f"    - “{md(before)}**{md(span)}**{md(after)}” {where}")
    hidden = view["counts"].get("conflicts_hidden", 0)
    if hidden:
        lines.append(f"- {hidden} less certain conflict(s) not shown (`newsprism report --all` shows them)")
    return ["### Where outlets disagree", "", *lines, ""] if lines else []


def timeline_md(briefing: Briefing, view: dict) -> list[str]:
    """Dated sentences in date order."""
    entries = view["timeline"]
    lines = [f"- {e['date']}: {md(_short(e['text'], 300))} {cite(briefing, e['article_id'], e)}"
             for e in entries[:TIMELINE_ROWS]]
    if len(entries) > TIMELINE_ROWS:
        lines.append(f"- and {len(entries) - TIMELINE_ROWS} more dated sentence(s)")
    return ["### Timeline", "", *lines, ""] if lines else []


def articles_md(briefing: Briefing, view: dict) -> list[str]:
    """The story's articles, with their URLs where known."""
    lines = []
    for record in view["articles"]:
        article = briefing.articles[record["id"]]
        title = md(article.title or article.id)
        url = _url(article.url)
        lines.append(f"- {md((article.published or 'undated')[:10])} {md(briefing.outlet(article.id))}: "
                     + (f"[{title}](<{url}>)" if url else title) + f" {code(article.id)}")
    return ["### Articles", "", *lines, ""]


def cite(briefing: Briefing, article_id: str, span: dict) -> str:
    """`article_id@start-end`, after the outlet's name linked to the article's URL when known."""
    where = code(f"{article_id}@{span['start']}-{span['end']}")
    outlet = md(briefing.outlet(article_id))
    url = _url(briefing.articles[article_id].url) if article_id in briefing.articles else None
    return f"[{outlet}](<{url}>) {where}" if url else f"{outlet} {where}"


def md(text: str) -> str:
    """Text made literal for Markdown: markup characters escaped, line breaks collapsed."""
    return _MARKUP.sub(r"\\\1", _SPACES.sub(" ", text))


def code(text: str) -> str:
    """Text as an inline code span, even when it holds backticks."""
    text = _squash(text)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _url(url: str | None) -> str | None:
    """An http(s) URL made safe inside `<...>` link syntax; None for anything else."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _variant(text: str, main: str) -> str:
    return "" if _squash(text) == _squash(main) else f": {md(quoted(text))}"


def _outlets(n: int) -> str:
    return f"{n} outlet{'s' if n != 1 else ''}"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int) -> str:
    text = _squash(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"
