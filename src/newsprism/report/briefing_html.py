"""The briefing as one self-contained HTML page: inline CSS and SVG, no script, nothing loaded.

Every string that comes from an article is escaped. Each quote, number, piece of evidence and
timeline row links to `#a-ARTICLE-START-END`, a `<mark>` in the appendix of article texts, so
a reader can check every claim against the sentence it came from."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .. import __version__
from .briefing import (
    TIMELINE_ROWS,
    Briefing,
    anchor_id,
    date_range,
    dated_days,
    outlet_counts,
    quantity_label,
    quoted,
    safe_id,
    scope_label,
    story_outlets,
)
from .charts import coverage_chart, timeline_chart

NO_STORIES = "No stories yet: run <code>newsprism analyze</code> first."
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
CSS = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; max-width: 60rem;
       margin: 2rem auto; padding: 0 1.5rem; }
h1, h2, h3, h4, .meta, nav, table, .badge, .kind, svg text { font-family: system-ui, sans-serif; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.35rem; border-top: 3px solid #1b1b1b; padding-top: .6rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .04em; color: #444;
     margin-top: 1.8rem; }
.meta { color: #555; font-size: .85rem; }
a { color: #1f5f8b; }
a.cite { font-family: system-ui, sans-serif; font-size: .8rem; white-space: nowrap; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .45rem; border-radius: .6rem;
         background: #e4eef5; color: #1f5f8b; }
.kind { font-size: .75rem; color: #666; }
.status-contradiction { background: #f8e1dc; color: #8a2d16; }
.status-revision, .status-scope { background: #f1ecd6; color: #6b5608; }
ol.groups, ul.plain { list-style: none; padding-left: 0; }
ol.groups > li { margin-bottom: 1rem; }
blockquote { margin: .2rem 0 .3rem 0; padding-left: .8rem; border-left: 3px solid #c9d6df; }
ul.versions { margin: 0; padding-left: 1.1rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
td.when { white-space: nowrap; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }
.side { border: 1px solid #ddd; border-radius: .3rem; padding: .4rem .7rem; }
.side h4 { margin: .1rem 0 .3rem 0; }
.conflict { margin-bottom: 1rem; }
mark { background: #fff0a0; }
mark mark { background: #ffd966; }
mark:target { outline: 2px solid #b5532a; background: #ffd0bf; }
.charts { margin: .8rem 0; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .4rem 0; }
svg text { font-size: 12px; fill: #333; }
svg text.count { fill: #fff; font-size: 10px; }
svg text.note { fill: #666; }
svg line.lane { stroke: #ddd; }
svg line.tick { stroke: #eee; }
.text { white-space: pre-wrap; font-size: .92rem; border-left: 3px solid #eee; padding-left: .8rem; }
.source { margin-bottom: 2rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav { display: none; }
  section.story, section.sources { break-before: page; }
  .side, .conflict, ol.groups > li, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  mark:target { outline: none; }
}
"""


class Citations:
    """The spans the briefing links to, collected while it renders, marked in the appendix."""

    def __init__(self) -> None:
        self.spans: dict[str, set[tuple[int, int]]] = defaultdict(set)

    def __call__(self, article_id: str, start: int, end: int) -> str:
        """Record a cited span; its fragment link, `#a-ARTICLE-START-END`."""
        self.spans[article_id].add((start, end))
        return "#" + anchor_id(article_id, start, end)


def render_html(briefing: Briefing) -> str:
    """The whole page."""
    cite = Citations()
    stories = [story_section(briefing, view, cite) for view in briefing.stories]
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>newsprism briefing</title>\n<style>{CSS}</style></head>\n<body>\n'
            f'{_header(briefing)}\n{"".join(stories)}\n{appendix(briefing, cite)}\n</body></html>\n')


def _header(briefing: Briefing) -> str:
    outlets = outlet_counts(briefing, briefing.stories)
    toc = "".join(f'<li><a href="#story-{escape(safe_id(v["id"]))}">{_title(v)}</a> '
                  f'<span class="meta">{len(v["articles"])} article(s)</span></li>' for v in briefing.stories)
    chart = coverage_chart(outlets) if len(briefing.stories) > 1 else ""
    return (f'<header><h1>Briefing</h1><p class="meta">{len(briefing.stories)} story(ies) · '
            f'{sum(len(v["articles"]) for v in briefing.stories)} article(s) · {len(outlets)} outlet(s) · '
            f'newsprism {escape(__version__)}</p>'
            + (f'<nav><ol>{toc}</ol></nav>' if toc else f'<p>{NO_STORIES}</p>')
            + (f'<div class="charts">{chart}</div>' if chart else "") + '</header>')


def story_section(briefing: Briefing, view: dict, cite: Citations) -> str:
    """One story: what it is, who said what, key numbers, conflicts, timeline, articles."""
    charts = (timeline_chart(dated_days(view), briefing.outlet, cite)
              + coverage_chart(outlet_counts(briefing, [view])))
    return (f'<section class="story" id="story-{escape(safe_id(view["id"]))}">'
            f'<h2>{_title(view)}</h2>'
            f'<p class="meta">{escape(date_range(view))} · {len(view["articles"])} article(s) · '
            f'{escape(", ".join(story_outlets(briefing, view)))} · <code>{escape(view["id"])}</code></p>'
            f'<div class="charts">{charts}</div>'
            + statements_html(briefing, view, cite) + numbers_html(briefing, view, cite)
            + conflicts_html(briefing, view, cite) + timeline_html(briefing, view, cite)
            + articles_html(briefing, view) + '</section>\n')


def statements_html(briefing: Briefing, view: dict, cite: Citations) -> str:
    """Grouped statements, most corroborated first, then the main speakers' other statements."""
    items = []
    for group in view["statements"]:
        main = group["versions"][0]
        versions = "".join(_version(briefing, cite, v, main) for v in group["versions"])
        items.append(f'<li><strong>{escape(group["speaker"] or "Unattributed")}</strong> '
                     f'{_badge(group["corroboration"])}'
                     f'<blockquote>{escape(_squash(main["content"]["text"]))}</blockquote>'
                     f'<ul class="versions">{versions}</ul></li>')
    also = [also_html(briefing, entry, cite) for entry in view["also_said"]]
    if not items and not also:
        return ""
    return ('<h3>Who said what</h3>' + (f'<ol class="groups">{"".join(items)}</ol>' if items else "")
            + (f'<h4>{"Also said, in one outlet" if items else "Main speakers"}</h4>'
               f'<ul class="plain">{"".join(also)}</ul>' if also else ""))


def _version(briefing: Briefing, cite: Citations, version: dict, main: dict) -> str:
    """One outlet's version of a grouped statement; its wording when it differs from the first."""
    text = _squash(version["content"]["text"])
    wording = f" {escape(quoted(text))}" if text != _squash(main["content"]["text"]) else ""
    return (f'<li>{_link(briefing, cite, version["article_id"], version["content"])} '
            f'<span class="kind">{escape(version["kind"])}</span>{wording}</li>')


def also_html(briefing: Briefing, entry: dict, cite: Citations) -> str:
    """A main speaker's ungrouped statements, briefly."""
    lines = "".join(f'<li>{escape(quoted(_short(s["content"]["text"], 220)))} '
                    f'{_link(briefing, cite, s["article_id"], s["content"])}</li>'
                    for s in entry["statements"])
    more = f'<li class="meta">and {entry["more"]} more</li>' if entry["more"] else ""
    return f'<li><strong>{escape(entry["speaker"])}</strong><ul class="versions">{lines}{more}</ul></li>'


def numbers_html(briefing: Briefing, view: dict, cite: Citations) -> str:
    """Quantity groups: what was stated, about what, when, and by whom."""
    if not view["claims"]:
        return ""
    rows = []
    for group in view["claims"]:
        first = group["versions"][0]
        stated = " / ".join(dict.fromkeys(escape(v["text"]) for v in group["versions"]))
        carried = "<br>".join(f'{_link(briefing, cite, v["article_id"], v)} “{escape(v["text"])}”'
                              for v in group["versions"])
        rows.append(f'<tr><td><strong>{stated}</strong><br><span class="kind">{escape(quantity_label(first))}'
                    f'</span></td><td>{escape(first["subject"] or "")}</td>'
                    f'<td class="when">{escape(scope_label(first))}</td>'
                    f'<td>{_badge(group["corroboration"])}<br>{carried}</td></tr>')
    return ('<h3>Key numbers</h3><table><thead><tr><th>Number</th><th>About</th><th>When</th>'
            f'<th>Reported by</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def conflicts_html(briefing: Briefing, view: dict, cite: Citations) -> str:
    """Each conflict with its sides side by side, each piece of evidence quoted in its sentence."""
    if not view["conflicts"]:
        return ""
    blocks = []
    for conflict in view["conflicts"]:
        sides = "".join(
            f'<div class="side"><h4>{escape(side["value"])}</h4><ul class="plain">'
            + "".join(_evidence(briefing, cite, e) for e in side["evidence"]) + '</ul></div>'
            for side in conflict["sides"])
        status, kind = escape(conflict["status"]), escape(conflict["kind"])
        reasons = escape("; ".join(conflict["reasons"]))
        less_sure = f'<p class="reasons">Less sure because: {reasons}.</p>' if conflict["reasons"] else ""
        blocks.append(f'<div class="conflict"><p><span class="badge status-{status}">{status}</span> '
                      f'<span class="kind">{kind}</span> <span class="confidence">confidence '
                      f'{conflict["confidence"]:.2f}</span> {escape(conflict["summary"])}</p>{less_sure}'
                      f'<div class="sides">{sides}</div></div>')
    hidden = view["counts"].get("conflicts_hidden", 0)
    note = (f'<p class="hidden-note">{hidden} less certain conflict(s) not shown '
            '(<code>newsprism report --all</code> shows them).</p>') if hidden else ""
    return '<h3>Where outlets disagree</h3>' + "".join(blocks) + note


def _evidence(briefing: Briefing, cite: Citations, evidence: dict) -> str:
    before, span, after = briefing.context(evidence["article_id"], evidence["start"], evidence["end"])
    return (f'<li>“{escape(before)}<mark>{escape(span)}</mark>{escape(after)}” '
            f'{_link(briefing, cite, evidence["article_id"], evidence)}</li>')


def timeline_html(briefing: Briefing, view: dict, cite: Citations) -> str:
    """Dated sentences in date order, each linked to where it stands."""
    entries = view["timeline"]
    if not entries:
        return ""
    rows = "".join(f'<tr><td class="when">{escape(e["date"])}</td><td>{escape(_short(e["text"], 300))}</td>'
                   f'<td>{_link(briefing, cite, e["article_id"], e)}</td></tr>'
                   for e in entries[:TIMELINE_ROWS])
    more = (f'<p class="meta">and {len(entries) - TIMELINE_ROWS} more dated sentence(s)</p>'
            if len(entries) > TIMELINE_ROWS else "")
    return f'<h3>Timeline</h3><table><tbody>{rows}</tbody></table>{more}'


def articles_html(briefing: Briefing, view: dict) -> str:
    """The story's articles: date, outlet, headline, the text below and the original."""
    items = []
    for record in view["articles"]:
        article = briefing.articles[record["id"]]
        title, url = escape(article.title or article.id), _external(article.url)
        items.append(f'<li><span class="meta">{escape((article.published or "undated")[:10])}</span> '
                     f'{escape(briefing.outlet(article.id))}: '
                     f'<a href="#text-{escape(safe_id(article.id))}">{title}</a>{url}</li>')
    return f'<h3>Articles</h3><ul class="plain">{"".join(items)}</ul>'


def appendix(briefing: Briefing, cite: Citations) -> str:
    """Each article's text, every cited span a `<mark id="a-ARTICLE-START-END">`."""
    if not briefing.articles:
        return ""
    parts = []
    for article in briefing.articles.values():
        parts.append(f'<article class="source" id="text-{escape(safe_id(article.id))}">'
                     f'<h3>{escape(article.title or article.id)}</h3>'
                     f'<p class="meta">{escape(briefing.outlet(article.id))} · '
                     f'{escape((article.published or "undated")[:10])} · <code>{escape(article.id)}</code>'
                     f'{_external(article.url)}</p>'
                     f'<div class="text">{marked_text(article.id, article.text, cite.spans[article.id])}'
                     '</div></article>')
    return f'<section class="sources"><h2>Sources</h2>{"".join(parts)}</section>'


def marked_text(article_id: str, text: str, spans: set[tuple[int, int]]) -> str:
    """Escaped text with each span in a `<mark>`; overlapping spans are split into well-nested
    pieces, the first piece of each carrying its id."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    empty = defaultdict(list)
    for start, end in ordered:
        if start >= end:
            empty[start].append(f'<mark id="{escape(anchor_id(article_id, start, end))}"></mark>')
    points = sorted({0, len(text), *(p for s in ordered for p in s)})
    out: list[str] = []
    stack: list[tuple[int, int]] = []
    for left, right in zip(points, points[1:], strict=False):
        active = [s for s in ordered if s[0] <= left and right <= s[1]]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep) + "".join(empty.pop(left, [])))
        out += [f'<mark id="{escape(anchor_id(article_id, *s))}">' if s[0] == left else '<mark class="cont">'
                for s in active[keep:]]
        out.append(escape(text[left:right]))
        stack = active
    out.append("</mark>" * len(stack) + "".join(m for marks in empty.values() for m in marks))
    return "".join(out)


def _link(briefing: Briefing, cite: Citations, article_id: str, span: dict) -> str:
    """A link to a cited span, named by its outlet."""
    href = cite(article_id, span["start"], span["end"])
    where = f'{escape(article_id)}@{span["start"]}-{span["end"]}'
    return f'<a class="cite" href="{escape(href)}" title="{where}">{escape(briefing.outlet(article_id))}</a>'


def _external(url: str | None) -> str:
    """A plain link to the original article, only for http(s) URLs; nothing loads it."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return ""
    return f' <a class="cite" href="{escape(url)}" rel="noreferrer noopener">original</a>'


def _title(view: dict) -> str:
    return escape(view["title"] or "Untitled story")


def _badge(corroboration: int) -> str:
    return f'<span class="badge">{corroboration} outlet{"s" if corroboration != 1 else ""}</span>'


def _squash(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int) -> str:
    text = _squash(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"
