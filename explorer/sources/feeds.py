"""Feeds: RSS 0.9x / 1.0 / 2.0 and Atom, parsed by feedparser from bytes we fetched
ourselves (so timeouts, size caps and conditional requests stay ours).

A feed that parses to no entries while feedparser reports it malformed is a
`FeedError`; a malformed feed that still yields entries is used, with a warning.
Entries without a link are kept, as `FeedEntry.problem`, so they can be reported
per item.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from explorer.sources.article import SourceError

log = logging.getLogger(__name__)

FEED_TYPES = ("rss", "atom", "rdf", "xml")


class FeedError(SourceError):
    """A document that is not a usable feed."""


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    title: str | None
    published: str | None  # ISO date (YYYY-MM-DD)
    entry_id: str | None
    summary: str | None = None
    problem: str | None = None  # why this entry cannot be ingested


@dataclass(frozen=True)
class Feed:
    title: str | None
    link: str | None
    version: str  # feedparser's: rss20, rss10, rss091u, atom10, ...
    entries: list[FeedEntry]
    warning: str | None = None


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """Sniff a response: a feed content type, or an XML document whose root is a feed."""
    if any(t in content_type for t in ("rss", "atom", "rdf")):
        return True
    head = content[:1024].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith(b"<?xml") or "xml" in content_type:
        return any(tag in content[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel"))
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def _iso_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return None


def parse_feed(content: bytes, url: str, max_entries: int | None = None, content_type: str | None = None) -> Feed:
    """Parse a fetched feed document; raise FeedError when it is not a feed at all."""
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(content, response_headers=headers)
    warning = None
    if parsed.get("bozo"):
        reason = str(parsed.get("bozo_exception") or "malformed")[:200]
        if not parsed.entries:
            raise FeedError(f"{url}: not a usable RSS/Atom feed ({reason})")
        warning = f"{url}: feed is malformed but readable ({reason})"
        log.warning(warning)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(f"{url}: not an RSS/Atom feed")
    meta = parsed.get("feed", {})
    entries = []
    for raw in parsed.entries[: max_entries or None]:
        link = raw.get("link")
        if not link:  # Atom: the first alternate link
            link = next((x.get("href") for x in raw.get("links", []) if x.get("href")), None)
        if link:
            link = urljoin(url, link.strip())
        title = (raw.get("title") or "").strip() or None
        problem = None
        if not link:
            problem = f"entry {title or raw.get('id') or '?'!r} has no link"
        elif not link.lower().startswith(("http://", "https://")):
            problem = f"entry link {link!r} is not an http(s) URL"
        entries.append(
            FeedEntry(
                link=link,
                title=title,
                published=_iso_date(raw),
                entry_id=raw.get("id"),
                summary=(raw.get("summary") or None),
                problem=problem,
            )
        )
    return Feed(meta.get("title"), meta.get("link"), parsed.get("version") or "unknown", entries, warning)
