"""Feed parsing: RSS 2.0, RSS 1.0, Atom, and malformed input."""

from __future__ import annotations

import pytest
from httpd import atom, rss

from explorer.sources.feeds import FeedError, looks_like_feed, parse_feed

RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1/"><title>RDF news</title><link>http://127.0.0.1/</link>
<description>x</description></channel>
<item rdf:about="http://127.0.0.1/one"><title>One</title><link>http://127.0.0.1/one</link>
<dc:date>2024-04-30T08:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old news</title>
<link>http://127.0.0.1/</link><description>x</description><language>en</language>
<item><title>Old</title><link>http://127.0.0.1/old</link></item></channel></rss>"""


def test_rss20_entries_with_dates_and_a_missing_link():
    doc = rss(
        "World news",
        [
            {"title": "Talks in Beijing", "link": "http://127.0.0.1/a", "pubDate": "Thu, 02 May 2024 10:00:00 GMT"},
            {"title": "No link here"},
        ],
    ).encode()
    feed = parse_feed(doc, "http://127.0.0.1/feed.xml", content_type="application/rss+xml")
    assert feed.title == "World news" and feed.version == "rss20" and feed.warning is None
    first, second = feed.entries
    assert (first.link, first.title, first.published, first.problem) == (
        "http://127.0.0.1/a",
        "Talks in Beijing",
        "2024-05-02",
        None,
    )
    assert second.problem and "no link" in second.problem


def test_rss10_and_rss091_and_atom():
    assert parse_feed(RSS10, "http://127.0.0.1/rdf").entries[0].published == "2024-04-30"
    assert parse_feed(RSS091, "http://127.0.0.1/old").entries[0].link == "http://127.0.0.1/old"
    feed = parse_feed(atom("Atom news", [{"title": "A", "link": "/rel/a"}]).encode(), "http://127.0.0.1/atom.xml")
    assert feed.version.startswith("atom")
    assert feed.entries[0].link == "http://127.0.0.1/rel/a"  # relative links resolved
    assert feed.entries[0].published == "2024-05-02"


def test_max_entries():
    doc = rss("F", [{"title": f"t{i}", "link": f"http://127.0.0.1/{i}"} for i in range(10)]).encode()
    assert len(parse_feed(doc, "http://127.0.0.1/f", max_entries=3).entries) == 3


@pytest.mark.parametrize(
    "garbage",
    [b"\x00\x01\x02 not xml <<<", b"<html><body><p>Just a page</p></body></html>", b"", b"<rss><channel><title>x"],
)
def test_garbage_is_a_feed_error(garbage):
    with pytest.raises(FeedError):
        parse_feed(garbage, "http://127.0.0.1/bad")


def test_malformed_but_readable_feed_is_used_with_a_warning():
    doc = rss("F", [{"title": "Fine", "link": "http://127.0.0.1/x"}]).encode().replace(b"</channel></rss>", b"")
    feed = parse_feed(doc, "http://127.0.0.1/f")
    assert feed.entries and feed.warning


def test_sniffing():
    assert looks_like_feed(rss("F", []).encode(), "text/xml")
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>", "")
    assert looks_like_feed(b"anything", "application/rss+xml")
    assert not looks_like_feed(b"<!doctype html><html><body>x</body></html>", "text/html")
