"""Article files on disk -> Article: .txt, .md, .html/.htm (main text by trafilatura).

Every problem is a SourceError with a message fit for "error: path: message": missing,
empty, binary or oversized files, and pages with no article text. Text that is not UTF-8
is read as cp1252 (then latin-1) and reported through `warn`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from explorer.sources.article import Article, SourceError

MAX_BYTES = 5 * 1024 * 1024  # larger than any news article by far; refuse rather than hang
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MIN_HTML_WORDS = 8
log = logging.getLogger(__name__)


def read_article(path: str | Path, warn: Callable[[str], None] | None = None) -> Article:
    """Read one article file; the Article's id is the file's stem and its path the path as given."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise SourceError(f"unsupported file type {suffix or '(none)'!r} (expected .txt, .md, .html, .htm)")
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise SourceError("not a regular file")
        if size > MAX_BYTES:
            raise SourceError(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    text = decode(data, warn or (lambda message: log.warning("%s: %s", path, message)))
    if suffix in HTML_SUFFIXES:
        article = article_from_html(text, p.stem)
    elif suffix in (".md", ".markdown"):
        article = _article_from_markdown(text, p.stem)
    else:
        article = _article_from_text(text, p.stem)
    article.path = str(path)
    return article


def decode(data: bytes, warn: Callable[[str], None]) -> str:
    """Bytes -> text: UTF-8, else cp1252 / latin-1 with a warning; binary data is refused."""
    if not data.strip():
        raise SourceError("empty file")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise SourceError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warn(f"not valid UTF-8, read as {encoding}")
        return text
    raise SourceError("cannot decode text")  # latin-1 decodes any bytes; kept for clarity


def _control_ratio(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(data))


def _check_text(text: str) -> str:
    if not text.strip():
        raise SourceError("no article text")
    return text


def _article_from_text(text: str, article_id: str) -> Article:
    text = _check_text(text)
    first = text.strip().splitlines()[0].strip()
    title = first if len(first) <= 200 and not first.endswith((".", "?", "!")) else None
    return Article(id=article_id, text=text, title=title)


MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_MARKUP = re.compile(r"(^|\s)[*_]{1,3}|[*_]{1,3}(?=\s|[.,;:!?]|$)|`", re.MULTILINE)
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE)
MD_LIST = re.compile(r"^\s*(?:[-*+]|>)\s+", re.MULTILINE)


def _article_from_markdown(markdown: str, article_id: str) -> Article:
    """Markdown -> plain text: headings, emphasis, list bullets and link targets removed."""
    title = next((line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("# ")), None)
    text = MD_LINK.sub(r"\1", markdown)
    text = MD_HEADING.sub("", text)
    text = MD_LIST.sub("", text)
    text = MD_MARKUP.sub(lambda m: m.group(1) or "", text)
    return Article(id=article_id, text=_check_text(text), title=title)


def article_from_html(html: str, id: str, url: str | None = None) -> Article:
    """An HTML page -> Article with its main text, title and date (trafilatura)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise SourceError(f"cannot parse HTML ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    # On pages without an article trafilatura falls back to menus and footers: a few words only.
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise SourceError("no article text found in the HTML")
    published = getattr(doc, "date", None) or None
    return Article(
        id=id,
        text=text,
        title=getattr(doc, "title", None) or None,
        published=str(published)[:10] if published else None,
        url=url or getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or None,
    )
