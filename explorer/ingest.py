"""Sources -> articles -> facts -> the graph, incrementally.

`Ingestor.run_source(source)` lists a source's items (files of a folder, URLs, feed
entries), loads them (reads or fetches, and extracts the main text), looks up the
content hashes the graph already has in one query per chunk, skips unchanged articles
without running the fact extractor, extracts the new and changed ones and writes them
in batches (one transaction each; the writer replaces what a changed article
contributed). An article counts as new/changed only once its batch has committed.

Per-item problems (a 404, a page without text, an entry without a link) are recorded on
the item and the rest carries on; a source that cannot be listed at all is a source
error. Losing the database raises `DatabaseLost` after the articles of the failed batch
are marked failed. `explorer ingest` uses this directly; `explorer.refresh` adds the
lock, the Run record and the source state around it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
import neo4j.exceptions

from explorer.errors import ExplorerError
from explorer.facts import Fact
from explorer.graph import runs
from explorer.graph.writer import ArticleRecord, write_articles
from explorer.sources import folder
from explorer.sources.article import Article, SourceError
from explorer.sources.config import SourceConfig, adhoc_source
from explorer.sources.feeds import Feed, parse_feed
from explorer.sources.web import ACCEPT_FEED, FetchError, FetchResult, fetch, is_url, url_id

log = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED, FAILED, PRUNED = "new", "changed", "unchanged", "failed", "pruned"
COUNTED = (NEW, CHANGED, UNCHANGED, FAILED, PRUNED)
BATCH_SIZE = 200  # articles per transaction: ~1,200 facts; measured 2x faster than 50 (bench/bench_refresh.py)
MIN_WORDS = 3  # less is a menu or a cookie banner, not an article ("no extractable text")
CONNECTION_ERRORS = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, ConnectionError)


class DatabaseLost(ExplorerError):
    """Neo4j went away during a run; what committed before stays, the rest is retried next run."""

    exit_code = 2

    def __init__(self, message: str, results: Sequence[ArticleResult] = ()):
        super().__init__(message)
        self.results = list(results)  # the articles of the batch that did not land


@dataclass
class ArticleResult:
    id: str
    source: str
    label: str  # the file path or URL, for people
    status: str  # new | changed | unchanged | failed | pruned
    title: str | None = None
    facts: int = 0
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


@dataclass
class SourceResult:
    name: str
    type: str
    location: str
    status: str = "ok"  # ok | partial | failed | interrupted | not-modified
    error: str | None = None  # why the source as a whole failed
    articles: list[ArticleResult] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # ids the source lists now (for prune)
    complete: bool = False  # every item was listed (prune is safe)
    etag: str | None = None
    last_modified: str | None = None
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for a in self.articles if a.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {s: self.count(s) for s in COUNTED}

    @property
    def item_errors(self) -> list[str]:
        return [f"{a.label}: {a.error}" for a in self.articles if a.status == FAILED and a.error]

    def to_dict(self, articles: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "location": self.location,
            "status": self.status,
            **self.counts,
            "seconds": round(self.seconds, 3),
        }
        if self.error:
            data["error"] = self.error
        if articles:
            data["articles"] = [a.to_dict() for a in self.articles if a.status != UNCHANGED]
        return data


@dataclass
class Progress:
    """What a progress callback is told: one per item (and one per source start/end)."""

    source: str
    event: str  # "source-start" | "item" | "source-end"
    done: int = 0
    total: int | None = None
    result: ArticleResult | None = None
    message: str | None = None


@dataclass
class Item:
    id: str
    label: str
    load: Callable[[], Article] | None  # None: nothing to load (see `problem`)
    title: str | None = None
    problem: str | None = None  # known failure before loading (an entry without a link)


ExtractFn = Callable[[Article], list[Fact]]
ProgressFn = Callable[[Progress], None]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_extractor() -> ExtractFn:
    from explorer.extract import extract_article

    return extract_article


def _chunks(items: Sequence[Item], size: int) -> Iterator[Sequence[Item]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FetchError):
        return exc.reason  # the item's label already names the URL
    if isinstance(exc, ExplorerError | SourceError | OSError | ValueError):
        return str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


def _with(article: Article, **changes: Any) -> Article:
    """A copy of the article with the given fields set (only fields it has, only when given)."""
    names = {f.name for f in dataclasses.fields(article)}
    return dataclasses.replace(article, **{k: v for k, v in changes.items() if k in names and v is not None})


class Ingestor:
    """Runs sources into the graph. The caller owns the driver.

    `record`: keep per-source membership in the graph ((:Source)-[:PROVIDED]->(:Article)),
    which prune needs; `explorer ingest` of ad-hoc paths runs without it.
    `force`: extract and write every article even when its hash is unchanged.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str,
        *,
        extract: ExtractFn | None = None,
        batch_size: int = BATCH_SIZE,
        chunk_size: int = 1000,
        on_progress: ProgressFn | None = None,
        stop: threading.Event | None = None,
        record: bool = True,
        force: bool = False,
    ):
        self.driver = driver
        self.database = database
        self._extract = extract
        self.batch_size = max(1, batch_size)
        self.chunk_size = max(self.batch_size, chunk_size)
        self.on_progress = on_progress
        self.stop = stop or threading.Event()
        self.record = record
        self.force = force
        self.prefetched: dict[str, FetchResult] = {}
        self.landed = 0  # articles written by this ingestor (all sources)
        self.lost: DatabaseLost | None = None  # set when the database went away
        self._writer: ThreadPoolExecutor | None = None
        self._inflight: Future[list[ArticleResult]] | None = None

    # -- helpers ---------------------------------------------------------------------------

    @property
    def extract(self) -> ExtractFn:
        if self._extract is None:
            self._extract = default_extractor()
        return self._extract

    def _emit(self, progress: Progress) -> None:
        if self.on_progress:
            try:
                self.on_progress(progress)
            except Exception:  # a broken progress display never stops a run
                log.debug("progress callback failed", exc_info=True)

    def _fetch(self, url: str, source: SourceConfig, **kwargs: Any) -> FetchResult:
        if url in self.prefetched:
            return self.prefetched.pop(url)
        return fetch(url, source.fetch_options, stop=self.stop, **kwargs)

    # -- listing ---------------------------------------------------------------------------

    def _file_item(self, item_id: str, path: Path, source: SourceConfig) -> Item:
        def load() -> Article:
            from explorer.sources.files import read_article

            article = read_article(path)
            return _with(article, id=item_id, source=article.source or source.name)

        return Item(item_id, str(path), load)

    def _page_loader(self, url: str, item_id: str, source: SourceConfig, meta: dict[str, Any]) -> Callable[[], Article]:
        def load() -> Article:
            result = self._fetch(url, source)
            return article_from_response(result, item_id, url, meta)

        return load

    def list_items(self, source: SourceConfig, result: SourceResult) -> list[Item]:
        """The items a source offers now. Raises SourceError when it cannot be listed."""
        if source.type == "folder":
            root = Path(source.location[0])
            if not root.is_dir():
                raise SourceError(f"folder {root} does not exist or is not a directory")
            try:
                found = folder.walk(root, source.include, source.exclude)
            except OSError as exc:
                raise SourceError(f"cannot list {root}: {exc}") from None
            return [self._file_item(folder.file_id(rel, source.id_prefix), path, source) for rel, path in found]
        if source.type == "files":
            items = []
            for pattern in source.location:
                if glob.has_magic(pattern):
                    paths = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
                else:
                    paths = [Path(pattern)]
                for path in paths:
                    item_id = folder.file_id(path.name, source.id_prefix)
                    if not path.is_file():
                        items.append(Item(item_id, str(path), None, problem="file not found"))
                    else:
                        items.append(self._file_item(item_id, path, source))
            return items
        if source.type == "urls":
            return [
                Item(url_id(u), u, self._page_loader(u, url_id(u), source, {"source": None})) for u in source.location
            ]
        if source.type == "feed":
            return self._list_feeds(source, result)
        raise SourceError(f"unknown source type {source.type!r}")

    def _list_feeds(self, source: SourceConfig, result: SourceResult) -> list[Item]:
        etag = last_modified = None
        if self.record and not source.refetch and len(source.location) == 1 and not self.force:
            etag, last_modified = runs.source_validators(self.driver, self.database, source.name)
        items: list[Item] = []
        for feed_url in source.location:
            response = self._fetch(feed_url, source, etag=etag, last_modified=last_modified, accept=ACCEPT_FEED)
            if response.not_modified:
                log.info("source %s: feed %s not modified since the last run", source.name, feed_url)
                result.status = "not-modified"
                continue
            if len(source.location) == 1:
                result.etag, result.last_modified = response.etag, response.last_modified
            feed = parse_feed(
                response.content, response.final_url, source.max_entries, response.headers.get("content-type")
            )
            items.extend(self._feed_items(feed, source))
        return items

    def _feed_items(self, feed: Feed, source: SourceConfig) -> list[Item]:
        items = []
        for n, entry in enumerate(feed.entries):
            if entry.problem or not entry.link:
                label = entry.link or f"{source.display_location}#entry-{n + 1}"
                items.append(Item(f"{source.name}:entry-{n + 1}", label, None, entry.title, entry.problem))
                continue
            meta = {"title": entry.title, "published": entry.published, "source": feed.title or source.name}
            item_id = url_id(entry.link)
            items.append(Item(item_id, entry.link, self._page_loader(entry.link, item_id, source, meta), entry.title))
        return items

    # -- running ---------------------------------------------------------------------------

    def run_source(self, source: SourceConfig) -> SourceResult:
        began = time.monotonic()
        result = SourceResult(source.name, source.type, source.display_location)
        self._emit(Progress(source.name, "source-start", message=f"listing {source.display_location}"))
        try:
            try:
                items = self.list_items(source, result)
            except (SourceError, OSError) as exc:
                result.status, result.error = "failed", _describe(exc)
                log.error("source %s: %s", source.name, result.error)
                items = None
            if items is not None:
                result.complete = True
                self._emit(Progress(source.name, "source-start", total=len(items), message=f"{len(items)} items"))
                self._process(source, items, result)
                if self.stop.is_set():
                    result.status = "interrupted"
                elif result.count(FAILED):
                    result.status = "partial"
                if (
                    source.prune
                    and self.record
                    and source.type in ("folder", "files")
                    and result.complete
                    and not self.stop.is_set()
                ):
                    self._prune(source, result)
        except (DatabaseLost, *CONNECTION_ERRORS) as exc:
            lost = (
                exc if isinstance(exc, DatabaseLost) else DatabaseLost(f"the database went away ({type(exc).__name__})")
            )
            self.lost = lost
            result.status, result.error, result.complete = "failed", str(lost), False
            log.error("source %s: %s", source.name, lost)
        result.seconds = time.monotonic() - began
        c = result.counts
        log.info(
            "source %s: %s - %d new, %d changed, %d unchanged, %d failed, %d pruned in %.1fs",
            source.name, result.status, c[NEW], c[CHANGED], c[UNCHANGED], c[FAILED], c[PRUNED], result.seconds,
        )  # fmt: skip
        self._emit(Progress(source.name, "source-end", done=len(result.articles), message=result.status))
        return result

    def _load(self, items: Sequence[Item], source: SourceConfig) -> list[tuple[Item, Article | None, str | None]]:
        def one(item: Item) -> tuple[Item, Article | None, str | None]:
            if item.load is None:
                return item, None, item.problem or "nothing to load"
            if self.stop.is_set():
                return item, None, "stopped before loading"
            try:
                article = item.load()
            except Exception as exc:  # every per-item problem is that item's error
                return item, None, _describe(exc)
            if len((article.text or "").split()) < MIN_WORDS:
                return item, None, "no extractable text"
            return item, article, None

        remote = source.type in ("urls", "feed") and source.concurrency > 1 and len(items) > 1
        if not remote:
            out = []
            for item in items:
                if self.stop.is_set():
                    break
                out.append(one(item))
            return out
        with ThreadPoolExecutor(max_workers=source.concurrency, thread_name_prefix=f"fetch-{source.name}") as pool:
            return list(pool.map(one, items))

    def _process(self, source: SourceConfig, items: list[Item], result: SourceResult) -> None:
        """Extraction on this thread, writes on one writer thread: batch n is written while
        batch n+1 is extracted. Results are reported on this thread, once a batch committed."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="graph-writer") as self._writer:
            try:
                self._process_items(source, items, result)
            except BaseException:
                with contextlib.suppress(Exception):  # report what the batch in flight did
                    self._drain(lambda res: result.articles.append(res))
                raise
            finally:
                self._writer = None

    def _process_items(self, source: SourceConfig, items: list[Item], result: SourceResult) -> None:
        total = len(items)
        seen: set[str] = set()
        unique = []
        for item in items:
            if item.id in seen:
                continue  # the same article listed twice (two entries, one link)
            seen.add(item.id)
            unique.append(item)
        result.seen = [i.id for i in unique]
        pending: list[tuple[ArticleRecord, ArticleResult]] = []

        def finish(res: ArticleResult) -> None:
            result.articles.append(res)
            if res.status == FAILED:
                log.warning("source %s: %s: %s", source.name, res.label, res.error)
            else:
                log.debug("source %s: %s %s (%d facts)", source.name, res.status, res.id, res.facts)
            self._emit(Progress(source.name, "item", len(result.articles), total, res))

        for chunk in _chunks(unique, self.chunk_size):
            if self.stop.is_set():
                break
            if source.type == "feed" and not source.refetch and not self.force:
                chunk = self._skip_known(chunk, source, result, finish)
            loaded = self._load(chunk, source)
            ok = [(item, article) for item, article, _ in loaded if article is not None]
            hashes = {} if self.force else runs.known_hashes(self.driver, self.database, [i.id for i, _ in ok])
            unchanged_ids = []
            for item, article, problem in loaded:
                if article is None:
                    finish(ArticleResult(item.id, source.name, item.label, FAILED, item.title, error=problem))
                    continue
                digest = content_hash(article.text)
                known = item.id in hashes
                if known and hashes[item.id] == digest:
                    unchanged_ids.append(item.id)
                    finish(ArticleResult(item.id, source.name, item.label, UNCHANGED, article.title))
                    continue
                if self.stop.is_set():
                    break
                try:
                    facts = list(self.extract(article))
                except Exception as exc:
                    log.debug("extraction failed for %s", item.label, exc_info=True)
                    finish(ArticleResult(item.id, source.name, item.label, FAILED, article.title, error=_describe(exc)))
                    continue
                for fact in facts:
                    fact.article = item.id
                record = ArticleRecord(
                    id=item.id,
                    facts=facts,
                    title=article.title,
                    url=getattr(article, "url", None),
                    published=getattr(article, "published", None),
                    source=getattr(article, "source", None),
                    content_hash=digest,
                    text=article.text,
                )
                status = CHANGED if known else NEW
                pending.append(
                    (record, ArticleResult(item.id, source.name, item.label, status, article.title, len(facts)))
                )
                if len(pending) >= self.batch_size:
                    self._flush(source, pending, finish)  # written while the next batch is extracted
                    pending = []
            if self.record and unchanged_ids:
                runs.link_source(self.driver, self.database, source.name, unchanged_ids)
        if pending:  # also on stop: these are extracted already, and one batch is quick
            self._flush(source, pending, finish)
        self._drain(finish)
        if self.stop.is_set():
            result.complete = False

    def _skip_known(self, chunk: Sequence[Item], source: SourceConfig, result: SourceResult, finish) -> list[Item]:
        """Feeds: entries already in the graph are not fetched again (unless `refetch`)."""
        known = runs.known_hashes(self.driver, self.database, [i.id for i in chunk if i.load is not None])
        rest = []
        for item in chunk:
            if known.get(item.id):
                finish(ArticleResult(item.id, source.name, item.label, UNCHANGED, item.title))
            else:
                rest.append(item)
        if self.record and known:
            runs.link_source(self.driver, self.database, source.name, list(known))
        return rest

    def _flush(self, source: SourceConfig, pending: list[tuple[ArticleRecord, ArticleResult]], finish) -> None:
        """Hand a batch to the writer thread (after the previous one has been reported)."""
        self._drain(finish)
        if self._writer is None:  # not inside _process: write here
            self._inflight = None
            for res in self._write(source, pending):
                finish(res)
            return
        self._inflight = self._writer.submit(self._write, source, pending)

    def _drain(self, finish) -> None:
        """Wait for the batch in flight and report its articles; DatabaseLost passes through."""
        future, self._inflight = self._inflight, None
        if future is None:
            return
        try:
            done = future.result()
        except DatabaseLost as exc:
            for res in exc.results:
                finish(res)
            raise
        for res in done:
            finish(res)

    def _write(self, source: SourceConfig, pending: list[tuple[ArticleRecord, ArticleResult]]) -> list[ArticleResult]:
        """One transaction for the batch; if it fails for a reason other than the database
        going away, the articles are written one by one so one bad article fails alone."""
        records = [r for r, _ in pending]
        results = [res for _, res in pending]
        lost = "not loaded: the database went away"
        try:
            write_articles(self.driver, self.database, records, batch_size=len(records))
        except CONNECTION_ERRORS as exc:
            for res in results:
                res.status, res.error, res.facts = FAILED, lost, 0
            message = f"the database went away while writing a batch ({type(exc).__name__})"
            raise DatabaseLost(message, results) from exc
        except Exception as exc:
            log.warning("source %s: batch write failed (%s); writing its articles one by one", source.name, exc)
            for n, (record, res) in enumerate(pending):
                try:
                    write_articles(self.driver, self.database, [record], batch_size=1)
                except CONNECTION_ERRORS as exc2:
                    for other in results[n:]:
                        other.status, other.error, other.facts = FAILED, lost, 0
                    message = f"the database went away while writing ({type(exc2).__name__})"
                    raise DatabaseLost(message, results) from exc2
                except Exception as exc2:
                    res.status, res.error, res.facts = FAILED, f"not loaded: {_describe(exc2)}", 0
                else:
                    self.landed += 1
                    if self.record:
                        runs.link_source(self.driver, self.database, source.name, [record.id])
            return results
        self.landed += len(records)
        if self.record:
            runs.link_source(self.driver, self.database, source.name, [r.id for r in records])
        return results

    def _prune(self, source: SourceConfig, result: SourceResult) -> None:
        from explorer.graph.writer import retract_articles

        stale = runs.stale_articles(self.driver, self.database, source.name, result.seen)
        if not stale:
            return
        own = [i for i, shared in stale if not shared]
        if own:
            retract_articles(self.driver, self.database, own, delete=True)
        shared = [i for i, shared in stale if shared]
        if shared:
            runs.unlink_articles(self.driver, self.database, source.name, shared)
        for article_id in own:
            result.articles.append(ArticleResult(article_id, source.name, article_id, PRUNED))
        log.info("source %s: pruned %d article(s) no longer in %s", source.name, len(own), source.display_location)


def article_from_response(result: FetchResult, item_id: str, url: str, meta: dict[str, Any]) -> Article:
    """A fetched page -> Article: main text by trafilatura (HTML) or the body (plain text);
    a feed entry's title, date and source (the feed's title) are kept over the page's."""
    from explorer.sources.files import article_from_html

    if not result.content.strip():
        raise SourceError("empty response")
    body = result.text()
    if result.content_type == "text/plain":
        article = Article(id=item_id, text=body.strip(), url=url)
    else:
        if result.content_type and "html" not in result.content_type and "xml" not in result.content_type:
            raise SourceError(f"not an article page (content type {result.content_type})")
        head = result.content[:4096]
        if sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) > len(head) / 20:
            raise SourceError("not an article page (binary data)")
        article = article_from_html(body, item_id, url=url)
    changes = {"id": item_id, "url": url}
    for key in ("title", "published", "source"):  # a feed entry's own data wins over the page's
        if meta.get(key):
            changes[key] = meta[key]
    return _with(article, **changes)


def classify(location: str) -> str:
    """What an `explorer ingest` argument is: url, folder or files."""
    if is_url(location):
        return "url"
    path = Path(location)
    if path.is_dir():
        return "folder"
    return "files"


def adhoc_sources(
    locations: Iterable[str], include: Sequence[str] | None, exclude: Sequence[str] = ()
) -> list[SourceConfig]:
    """`explorer ingest` arguments -> sources: a folder each, one for all files, one for all URLs."""
    out, files, urls = [], [], []
    for location in locations:
        kind = classify(location)
        if kind == "folder":
            options: dict[str, Any] = {"exclude": tuple(exclude)}
            if include:
                options["include"] = tuple(include)
            out.append(adhoc_source(str(location), "folder", [str(location)], **options))
        elif kind == "url":
            urls.append(location)
        else:
            files.append(location)
    if files:
        out.append(adhoc_source("files", "files", files))
    if urls:
        out.append(adhoc_source("urls", "urls", urls))
    return out


def ingest(
    driver: neo4j.Driver,
    database: str,
    locations: Sequence[str],
    *,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    on_progress: ProgressFn | None = None,
    stop: threading.Event | None = None,
    extract: ExtractFn | None = None,
    source_name: str | None = None,
) -> list[SourceResult]:
    """`explorer ingest`: files, folders, article URLs and feed URLs, once, without a lock.

    A URL is fetched once and sniffed: a feed is ingested entry by entry, anything else
    as an article page.
    """
    from explorer.sources.feeds import looks_like_feed

    ingestor = Ingestor(
        driver, database, extract=extract, batch_size=batch_size, on_progress=on_progress, stop=stop,
        record=False, force=force,
    )  # fmt: skip
    results = []
    for source in adhoc_sources(locations, include, exclude):
        if source.type != "urls":
            if source_name:
                source = dataclasses.replace(source, name=source_name)
            results.append(ingestor.run_source(source))
            continue
        pages = []
        for url in source.location:  # sniff each URL: feed or page
            try:
                response = fetch(
                    url, source.fetch_options, accept=f"{ACCEPT_FEED}, text/html;q=0.8", stop=ingestor.stop
                )
            except FetchError as exc:
                failed = SourceResult(url, "url", url, "failed", str(exc))
                failed.articles.append(ArticleResult(url_id(url), url, url, FAILED, error=exc.reason))
                results.append(failed)
                continue
            ingestor.prefetched[url] = response
            if looks_like_feed(response.content, response.content_type):
                feed_source = adhoc_source(source_name or url, "feed", [url])
                results.append(ingestor.run_source(feed_source))
            else:
                pages.append(url)
        if pages:
            results.append(ingestor.run_source(adhoc_source(source_name or "urls", "urls", pages)))
    return results


def ingest_uploaded(
    driver: neo4j.Driver,
    database: str,
    name: str,
    data: bytes,
    *,
    extract: ExtractFn | None = None,
    force: bool = False,
) -> ArticleResult:
    """The app's upload: one file's bytes (.txt, .md, .html) -> the graph. Never raises for
    bad input: the result says what went wrong."""
    import tempfile

    safe = Path(name).name or "upload.txt"
    if Path(safe).suffix.lower() not in folder.ARTICLE_SUFFIXES:
        return ArticleResult(folder.file_id(safe), "upload", safe, FAILED, error="only .txt, .md and .html files")
    with tempfile.TemporaryDirectory(prefix="explorer-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        results = ingest(driver, database, [str(path)], force=force, extract=extract, source_name="upload")
    articles = [a for r in results for a in r.articles]
    if not articles:
        return ArticleResult(folder.file_id(safe), "upload", safe, FAILED, error="nothing could be read")
    article = articles[0]
    article.label = safe
    return article


def ingest_url(
    driver: neo4j.Driver,
    database: str,
    url: str,
    *,
    extract: ExtractFn | None = None,
    on_progress: ProgressFn | None = None,
    force: bool = False,
) -> list[ArticleResult]:
    """The app's "add by URL": an article page or a feed -> the graph; one result per article."""
    if not is_url(url):
        return [ArticleResult(url, "url", url, FAILED, error="not an http(s):// URL")]
    results = ingest(driver, database, [url], extract=extract, on_progress=on_progress, force=force)
    return [a for r in results for a in r.articles] or [
        ArticleResult(url_id(url), "url", url, FAILED, error=results[0].error if results else "nothing found")
    ]
