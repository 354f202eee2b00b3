"""`explorer refresh`: bring the graph up to date with every configured source, safely.

1. take the `:Lock {name: 'refresh'}` (exit 75 when another refresh holds it, unless
   waiting); a heartbeat keeps it while we work, and it expires if we die;
2. record a `:Run` (status 'running'; runs a dead process left 'running' become
   'abandoned');
3. run each source through `explorer.ingest.Ingestor` (new and changed articles
   extracted and written in batches, unchanged ones skipped on their content hash,
   vanished ones pruned when the source says so), one source's failure never stopping
   the others;
4. record the source state on its `:Source` node and the run's end, counts and errors
   on the `:Run` (with (:Run)-[:COVERED {counts}]->(:Source));
5. release the lock.

Exit codes: 0 all good, 1 some sources or articles failed (the rest landed),
2 nothing could run (or the database was unavailable), 75 another refresh is running.
A stop request (SIGTERM) finishes the batch in hand, records the run as 'interrupted'
and releases the lock.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import neo4j

from explorer.graph import runs
from explorer.graph.runs import DEFAULT_TTL, LockBusy, RefreshLock
from explorer.ingest import (
    BATCH_SIZE,
    CONNECTION_ERRORS,
    COUNTED,
    DatabaseLost,
    ExtractFn,
    Ingestor,
    ProgressFn,
    SourceResult,
)
from explorer.sources.config import SourceConfig

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED, EXIT_LOCKED = 0, 1, 2, 75


@dataclass
class RunSummary:
    id: str
    started: str
    ended: str | None = None
    status: str = "running"  # ok | partial | failed | interrupted | locked
    sources: list[SourceResult] = field(default_factory=list)
    error: str | None = None  # why the run as a whole could not finish
    seconds: float = 0.0

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(s.count(k) for s in self.sources) for k in COUNTED}

    @property
    def exit_code(self) -> int:
        return {"ok": EXIT_OK, "partial": EXIT_PARTIAL, "interrupted": EXIT_PARTIAL, "locked": EXIT_LOCKED}.get(
            self.status, EXIT_FAILED
        )

    @property
    def errors(self) -> list[str]:
        out = [f"{self.error}"] if self.error else []
        for s in self.sources:
            if s.error:
                out.append(f"{s.name}: {s.error}")
            out.extend(f"{s.name}: {e}" for e in s.item_errors)
        return out

    def to_dict(self, articles: bool = True) -> dict[str, Any]:
        return {
            "run": self.id,
            "status": self.status,
            "exit_code": self.exit_code,
            "started": self.started,
            "ended": self.ended,
            "seconds": round(self.seconds, 3),
            "totals": self.totals,
            "sources": [s.to_dict(articles) for s in self.sources],
            "errors": self.errors,
            **({"error": self.error} if self.error else {}),
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _status(summary: RunSummary, stopped: bool, landed: int) -> str:
    if summary.error:  # the database went away
        return "partial" if landed else "failed"
    if stopped:
        return "interrupted"
    if not summary.sources:
        return "ok"
    if all(s.status == "failed" for s in summary.sources):
        return "failed"
    if any(s.status in ("failed", "partial") for s in summary.sources):
        return "partial"
    return "ok"


def refresh(
    driver: neo4j.Driver,
    database: str,
    sources: Sequence[SourceConfig],
    *,
    wait: float | None = None,
    lock_ttl: int = DEFAULT_TTL,
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    on_progress: ProgressFn | None = None,
    stop: threading.Event | None = None,
    extract: ExtractFn | None = None,
) -> RunSummary:
    """Refresh `sources` under the lock and record the run. Never raises for source or
    article problems; raises LockBusy (exit 75) when another refresh holds the lock and
    `wait` is None (wait=0: wait as long as it takes), and DatabaseUnavailable-style
    neo4j errors only when the database cannot even be reached to take the lock."""
    stop = stop or threading.Event()
    began = time.monotonic()
    lock = RefreshLock(driver, database, ttl=lock_ttl)
    lock.acquire(wait=wait, stop=stop)
    summary = RunSummary(id=f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}", started=_now())
    ingestor = Ingestor(
        driver, database, extract=extract, batch_size=batch_size, on_progress=on_progress, stop=stop, force=force
    )
    try:
        try:
            summary.started = runs.start_run(driver, database, summary.id, lock.owner, [s.name for s in sources])
            log.info("refresh %s: %d source(s)", summary.id, len(sources))
            for source in sources:
                if stop.is_set() or lock.lost.is_set():
                    break
                result = ingestor.run_source(source)
                summary.sources.append(result)
                if ingestor.lost:
                    summary.error = str(ingestor.lost)
                    break
                _record_source(driver, database, summary.id, source, result)
        except DatabaseLost as exc:
            summary.error = str(exc)
        except CONNECTION_ERRORS as exc:
            summary.error = f"the database went away ({type(exc).__name__})"
        if lock.lost.is_set() and not summary.error:
            summary.error = "the refresh lock was lost (a heartbeat could not renew it); stopped early"
        summary.status = _status(summary, stop.is_set(), ingestor.landed)
        summary.ended = _now()
        summary.seconds = time.monotonic() - began
        try:
            runs.finish_run(
                driver,
                database,
                summary.id,
                summary.status,
                summary.totals,
                summary.errors[:200],
                summary.to_dict(articles=False),
                [
                    {
                        "name": s.name,
                        "status": s.status,
                        **s.counts,
                        "error": s.error or (s.item_errors[:1] or [None])[0],
                    }
                    for s in summary.sources
                ],
            )
        except Exception as exc:
            log.error("could not record the end of run %s: %s", summary.id, exc)
    finally:
        lock.release()
    t = summary.totals
    log.info(
        "refresh %s: %s - %d new, %d changed, %d unchanged, %d failed, %d pruned in %.1fs",
        summary.id, summary.status, t["new"], t["changed"], t["unchanged"], t["failed"], t["pruned"], summary.seconds,
    )  # fmt: skip
    return summary


def _record_source(
    driver: neo4j.Driver, database: str, run_id: str, source: SourceConfig, result: SourceResult
) -> None:
    """Source state for `explorer sources`. Feed validators are kept only after a complete,
    clean run, so a failed entry is fetched again next time."""
    clean = result.status in ("ok", "not-modified")
    error = result.error or (result.item_errors[0] if result.item_errors else None)
    try:
        runs.update_source(
            driver,
            database,
            name=source.name,
            kind=source.type,
            location=source.display_location,
            run_id=run_id,
            status=result.status,
            error=error,
            etag=result.etag,
            last_modified=result.last_modified,
            keep_validators=clean,
        )
    except CONNECTION_ERRORS:
        raise
    except Exception as exc:
        log.warning("could not record the state of source %s: %s", source.name, exc)


def run_locked_message(exc: LockBusy) -> str:
    return str(exc)


def source_states(driver: neo4j.Driver, database: str, sources: Sequence[SourceConfig]) -> list[dict[str, Any]]:
    """`explorer sources`: each configured source with its state from the graph (and
    sources the graph knows that the file no longer lists, marked as such)."""
    state = runs.sources_state(driver, database)
    rows = []
    for s in sources:
        known = state.pop(s.name, {})
        rows.append(
            {
                "name": s.name,
                "type": s.type,
                "location": s.display_location,
                "enabled": s.enabled,
                "schedule": s.schedule,
                "prune": s.prune,
                "last_run": known.get("last_run"),
                "last_run_at": known.get("last_run_at"),
                "last_status": known.get("last_status"),
                "last_success_at": known.get("last_success_at"),
                "articles": known.get("articles", 0),
                "last_error": known.get("last_error"),
            }
        )
    for name, known in state.items():
        rows.append({**known, "name": name, "enabled": False, "note": "not in the sources file"})
    return rows


class stop_on_signals:
    """Within the block, SIGTERM and SIGINT set `event` (the run stops after the batch in
    hand, records itself and releases the lock); a second signal stops at once."""

    def __init__(self, event: threading.Event):
        self.event = event
        self._old: dict[int, Any] = {}

    def _handle(self, signum: int, frame: Any) -> None:
        import signal

        if self.event.is_set():
            raise KeyboardInterrupt
        log.warning("%s received: stopping after the batch in hand", signal.Signals(signum).name)
        self.event.set()

    def __enter__(self) -> threading.Event:
        import signal

        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._old[sig] = signal.signal(sig, self._handle)
        return self.event

    def __exit__(self, *exc: object) -> None:
        import signal

        for sig, handler in self._old.items():
            signal.signal(sig, handler)
