"""HTTP for sources: one polite GET with timeouts, a size cap, bounded retries and
conditional requests.

- a clear User-Agent naming the project;
- `timeout` bounds connecting and each read, and `deadline` the whole download (a server
  that trickles bytes is stopped too);
- bodies larger than `max_bytes` are refused (checked on Content-Length and while reading);
- connection errors, timeouts, 429 and 5xx are retried `retries` times with exponential
  backoff (Retry-After honoured up to `max_backoff`); 4xx other than 429 are final;
- `etag` / `last_modified` make the request conditional: a 304 comes back as
  `FetchResult.not_modified` with no body.

Only http(s) URLs are fetched. Every failure is a `FetchError` (a `SourceError`) whose
message names the URL and what went wrong.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from explorer.sources.article import SourceError

log = logging.getLogger(__name__)

USER_AGENT = "news-graph-explorer/0.1 (knowledge-graph refresh; +https://github.com/news-graph-explorer)"
ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
ACCEPT_PAGE = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# Query parameters that only track the reader; dropped from canonical URLs (and ids).
TRACKING = ("utm_", "at_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


class FetchError(SourceError):
    """A URL that could not be fetched; `status` is the HTTP status when there was one."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        self.url = url
        self.status = status
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0  # seconds to connect, and between bytes
    deadline: float = 60.0  # seconds for the whole response
    max_bytes: int = 5_000_000
    retries: int = 2  # extra attempts after the first
    backoff: float = 1.0  # first wait; doubles each retry
    max_backoff: float = 30.0
    user_agent: str = USER_AGENT


@dataclass
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def encoding(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"'")
        return None

    def text(self) -> str:
        for encoding in (self.encoding, "utf-8"):
            if encoding:
                try:
                    return self.content.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.content.decode("utf-8", errors="replace")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, remaining parameters in their original order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(TRACKING)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def url_id(url: str) -> str:
    """A stable article id for a URL: `url:` + the first 16 hex digits of sha1(canonical URL)."""
    return "url:" + hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]


def _retry_after(response: requests.Response, default: float, cap: float) -> float:
    value = response.headers.get("retry-after")
    if not value:
        return default
    try:
        return min(cap, max(0.0, float(value)))
    except ValueError:
        pass
    try:
        return min(cap, max(0.0, parsedate_to_datetime(value).timestamp() - time.time()))
    except (TypeError, ValueError):
        return default


class _Retry(Exception):
    def __init__(self, error: FetchError, wait: float | None = None):
        self.error = error
        self.wait = wait


def _attempt(
    session: requests.Session, url: str, headers: dict[str, str], options: FetchOptions
) -> tuple[requests.Response, bytes]:
    started = time.monotonic()
    try:
        response = session.get(url, headers=headers, timeout=options.timeout, stream=True, allow_redirects=True)
    except requests.Timeout:
        raise _Retry(FetchError(url, f"timed out after {options.timeout:g}s")) from None
    except requests.ConnectionError as exc:
        raise _Retry(FetchError(url, f"cannot connect ({_short(exc)})")) from None
    except requests.RequestException as exc:  # invalid URL, too many redirects...
        raise FetchError(url, _short(exc)) from None
    with response:
        if response.status_code in RETRY_STATUS:
            raise _Retry(
                FetchError(url, f"HTTP {response.status_code}", response.status_code),
                _retry_after(response, 0.0, options.max_backoff) or None,
            )
        if response.status_code == 304:
            return response, b""
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code}", response.status_code)
        length = response.headers.get("content-length")
        if length and length.isdigit() and int(length) > options.max_bytes:
            raise FetchError(url, f"too large ({int(length)} bytes; the cap is {options.max_bytes})")
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(chunk_size=65536):
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(url, f"too large (over the cap of {options.max_bytes} bytes)")
                if time.monotonic() - started > options.deadline:
                    raise _Retry(FetchError(url, f"download took longer than {options.deadline:g}s"))
                chunks.append(chunk)
        except (requests.Timeout, requests.exceptions.ConnectionError) as exc:
            # urllib3 reports a read timeout mid-body as a ConnectionError
            raise _Retry(FetchError(url, f"timed out or dropped while reading ({_short(exc)})")) from None
        except requests.RequestException as exc:
            raise _Retry(FetchError(url, f"broken response ({_short(exc)})")) from None
        return response, b"".join(chunks)


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


def _short(exc: Exception) -> str:
    """A one-line reason: the OS error when there is one ("Connection refused")."""
    text = str(exc)
    found = _ERRNO.search(text)
    if found:
        return found.group(1).strip()
    if "Max retries exceeded" in text and "(Caused by" in text:
        text = text.split("(Caused by", 1)[1].rstrip(")")
    return f"{type(exc).__name__}: {text[:200]}"


def fetch(
    url: str,
    options: FetchOptions | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = ACCEPT_PAGE,
    session: requests.Session | None = None,
    stop: threading.Event | None = None,
) -> FetchResult:
    """GET `url`; raise FetchError when it cannot be had after the allowed retries.

    `stop` (set on SIGTERM) cuts backoff waits short and gives up.
    """
    options = options or FetchOptions()
    if not is_url(url):
        raise FetchError(url, "only http:// and https:// URLs can be fetched")
    headers = {"User-Agent": options.user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = session is None
    session = session or requests.Session()
    try:
        for attempt in range(options.retries + 1):
            try:
                response, body = _attempt(session, url, headers, options)
            except _Retry as retry:
                if attempt >= options.retries or (stop is not None and stop.is_set()):
                    suffix = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise FetchError(url, retry.error.reason + suffix, retry.error.status) from None
                wait = retry.wait if retry.wait is not None else min(options.max_backoff, options.backoff * 2**attempt)
                log.info("%s; retrying in %.1fs", retry.error, wait)
                if stop is not None:
                    if stop.wait(wait):
                        raise FetchError(url, retry.error.reason + " (stopped)", retry.error.status) from None
                else:
                    time.sleep(wait)
                continue
            return FetchResult(
                url=url,
                final_url=response.url,
                status=response.status_code,
                content=body,
                headers={k.lower(): v for k, v in response.headers.items()},
                attempts=attempt + 1,
            )
        raise AssertionError("unreachable")
    finally:
        if own:
            session.close()
