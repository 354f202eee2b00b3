"""The article every source produces and the extractor consumes."""

from __future__ import annotations

from dataclasses import dataclass


class SourceError(Exception):
    """An input that cannot be read as an article; the message says why."""


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source: str | None = None
    path: str | None = None
