"""Small HTML pages, feeds and WARC files written for the tests."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = ("The regional council said on Tuesday that the new tram line would open in May. "
        "“It has taken four years, but the line is ready,” the council leader told reporters. "
        "Fares will stay at €2.10 for a single ride, according to the transport authority.")


def news_page(title: str = "Tram line to open in May", body: str = BODY,
              charset: str = "utf-8") -> str:
    """A news page with menus, an article, related links and a footer."""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in body.split(". ") if sentence)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | Valley News</title>
<meta property="og:site_name" content="Valley News">
<meta property="article:published_time" content="2025-03-11T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Cat rescued from tree</a></li></ul></aside>
<footer>Copyright Valley News. All rights reserved.</footer>
</body></html>"""


def rss_feed(items: list[dict]) -> str:
    """An RSS 2.0 feed whose items carry full text in content:encoded."""
    entries = "".join(
        f"""<item><title>{i['title']}</title><link>{i['link']}</link><guid>{i['guid']}</guid>
<pubDate>{i['date']}</pubDate><content:encoded><![CDATA[{i['html']}]]></content:encoded></item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Herald</title><link>https://example.org</link><language>en-gb</language>
{entries}</channel></rss>"""


def warc_bytes(records: list[tuple[str, str, bytes]], gzip: bool = False) -> bytes:
    """A WARC file of HTTP responses, each (url, content type, payload)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                           http_headers=headers)
        writer.write_record(record)
    request = writer.create_warc_record("https://example.org/req", "request",
                                        payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    return out.getvalue()
