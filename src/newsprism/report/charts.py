"""Inline SVG charts for the HTML briefing: a timeline of dated events and coverage per outlet.

Plain strings, no scripts and nothing loaded: every label is escaped, and a point on the
timeline is a link to its sentence in the briefing's appendix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape
from itertools import groupby

WIDTH = 720
LABEL_WIDTH = 170  # room for outlet names left of the plot
ROW = 24
PALETTE = ("#1f5f8b", "#b5532a", "#4d7c3a", "#7a4a8c", "#a07a12", "#2f7f7a", "#8c3b52", "#555555")
MAX_BARS = 20


def timeline_chart(entries: list[dict], outlet_of: Callable[[str], str],
                   link: Callable[[str, int, int], str]) -> str:
    """Dated events on a day axis, one lane an outlet; each dot links to its sentence."""
    if not entries:
        return ""
    days = [date.fromisoformat(e["date"][:10]) for e in entries]
    first, span = min(days), max((max(days) - min(days)).days, 1)
    lanes = list(dict.fromkeys(outlet_of(e["article_id"]) for e in entries))
    plot = WIDTH - LABEL_WIDTH - 30
    height = len(lanes) * ROW + 44

    def x(day: date) -> float:
        offset = (day - first).days if max(days) > first else 0.5
        return LABEL_WIDTH + 10 + plot * offset / span

    parts = [_lane(i, name, WIDTH) for i, name in enumerate(lanes)]
    parts += _day_ticks(first, max(days), x, len(lanes) * ROW + 6)
    placed = sorted((lanes.index(outlet_of(e["article_id"])), days[i], i) for i, e in enumerate(entries))
    for (lane, day), group in groupby(placed, key=lambda p: p[:2]):
        parts.append(_dot(lane, x(day), [entries[i] for *_, i in group], link))
    return _svg(height, "Timeline of dated events by outlet", parts)


def coverage_chart(counts: list[tuple[str, int]]) -> str:
    """Articles per outlet as horizontal bars, most first."""
    if not counts:
        return ""
    shown, rest = counts[:MAX_BARS], counts[MAX_BARS:]
    most = max(n for _, n in shown)
    plot = WIDTH - LABEL_WIDTH - 60
    parts = []
    for i, (outlet, n) in enumerate(shown):
        y, width = i * ROW + 4, max(2.0, plot * n / most)
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{_label(outlet)}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{ROW - 8}" '
                     f'fill="{PALETTE[0]}"><title>{escape(outlet)}: {n} article(s)</title></rect>'
                     f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 15}">{n}</text>')
    if rest:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{len(shown) * ROW + 18}" class="note">'
                     f'and {len(rest)} more outlet(s) with {sum(n for _, n in rest)} article(s)</text>')
    height = (len(shown) + (1 if rest else 0)) * ROW + 10
    return _svg(height, "Articles per outlet", parts)


SERIES_HEIGHT = 160


def series_chart(points: list[tuple[str, float, str]], title: str,
                 labels: tuple[str, str] = ("", "")) -> str:
    """Figures over time (ISO date, value, label), as a line with a dot per figure; `labels`
    name the top and the bottom of the value axis."""
    if len(points) < 2:
        return ""
    days = [date.fromisoformat(d[:10]) for d, _, _ in points]
    values = [v for _, v, _ in points]
    first, span = min(days), max((max(days) - min(days)).days, 1)
    low, high = min(0.0, min(values)), max(values) or 1.0
    left = 110  # room for the value axis' labels
    plot_x, plot_y = WIDTH - left - 30, SERIES_HEIGHT - 50

    def xy(day: date, value: float) -> tuple[float, float]:
        height = (value - low) / ((high - low) or 1)
        return left + plot_x * (day - first).days / span, 10 + plot_y * (1 - height)

    placed = [xy(day, value) for day, value in zip(days, values, strict=True)]
    parts = [f'<line x1="{left}" x2="{WIDTH - 30}" y1="{10 + plot_y}" y2="{10 + plot_y}" class="lane"/>',
             f'<polyline fill="none" stroke="{PALETTE[0]}" stroke-width="2" '
             f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in placed)}"/>']
    parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{PALETTE[1]}"><title>{escape(d)}: '
              f'{escape(label)}</title></circle>'
              for (x, y), (d, _, label) in zip(placed, points, strict=True)]
    top, bottom = xy(first, high)[1], xy(first, low)[1]
    parts += [f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(_short(label, 16))}</text>'
              for y, label in ((top, labels[0]), (bottom, labels[1]))]
    parts += [f'<text x="{left}" y="{SERIES_HEIGHT - 18}">{first:%d %b %Y}</text>',
              f'<text x="{WIDTH - 30}" y="{SERIES_HEIGHT - 18}" text-anchor="end">'
              f'{max(days):%d %b %Y}</text>']
    return _svg(SERIES_HEIGHT, title, parts)


def _svg(height: int, title: str, parts: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}">'
            f'<title>{escape(title)}</title>{"".join(parts)}</svg>')


def _lane(index: int, name: str, width: int) -> str:
    y = index * ROW + ROW // 2 + 2
    return (f'<text x="{LABEL_WIDTH - 8}" y="{y + 4}" text-anchor="end">{_label(name)}</text>'
            f'<line x1="{LABEL_WIDTH}" x2="{width - 10}" y1="{y}" y2="{y}" class="lane"/>')


def _day_ticks(first: date, last: date, x: Callable[[date], float], y: int) -> list[str]:
    span = (last - first).days
    step = max(1, -(-span // 8))
    ticks, day = [], first
    while day <= last:
        ticks.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="0" y2="{y}" class="tick"/>'
                     f'<text x="{x(day):.1f}" y="{y + 16}" text-anchor="middle">{day:%d %b}</text>')
        day += timedelta(days=step)
    years = [first] + ([last] if last.year != first.year else [])
    ticks += [f'<text x="{x(d):.1f}" y="{y + 30}" text-anchor="middle">{d:%Y}</text>' for d in years]
    return ticks


def _dot(lane: int, cx: float, entries: list[dict], link: Callable[[str, int, int], str]) -> str:
    first = entries[0]
    cy = lane * ROW + ROW // 2 + 2
    radius = min(5 + 1.5 * (len(entries) - 1), ROW // 2 - 1)
    tip = "\n".join(f"{e['date']}: {_short(e['text'], 140)}" for e in entries[:5])
    count = (f'<text x="{cx:.1f}" y="{cy + 4}" text-anchor="middle" class="count">{len(entries)}</text>'
             if len(entries) > 1 else "")
    return (f'<a href="{link(first["article_id"], first["start"], first["end"])}">'
            f'<circle cx="{cx:.1f}" cy="{cy}" r="{radius:.1f}" fill="{PALETTE[lane % len(PALETTE)]}">'
            f'<title>{escape(tip)}</title></circle>{count}</a>')


def _label(name: str, limit: int = 24) -> str:
    """An escaped label, cut to fit beside the plot; the full name is in the tooltip."""
    if len(name) <= limit:
        return escape(name)
    return f"{escape(name[:limit - 1])}…<title>{escape(name)}</title>"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
