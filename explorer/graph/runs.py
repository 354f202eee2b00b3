"""The refresh job's own nodes: the `:Lock`, `:Run` records and `:Source` state.

Statements are the named files in cypher/refresh/. The caller owns the driver.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from typing import Any

import neo4j
from neo4j import RoutingControl

from explorer.errors import ExplorerError
from explorer.graph import cypher

log = logging.getLogger(__name__)

LOCK_NAME = "refresh"
DEFAULT_TTL = 120  # seconds a lock lives without a heartbeat


class LockBusy(ExplorerError):
    """Another refresh holds the lock. Exit code 75 (EX_TEMPFAIL): try again later."""

    exit_code = 75

    def __init__(self, holder: dict[str, Any]):
        self.holder = holder
        super().__init__(
            f"another refresh is running (lock held by {holder.get('owner')} on host {holder.get('host')}, "
            f"pid {holder.get('pid')}, since {holder.get('acquired_at')}, expires {holder.get('expires')}); "
            "try again later or pass --wait"
        )


def new_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RefreshLock:
    """A `:Lock {name}` node held by one owner, kept alive by a heartbeat thread.

    `acquire()` raises LockBusy when another live owner holds it. A lock whose holder
    died expires after `ttl` seconds; one left by a dead process on this same host is
    taken over at once. `lost` is set when a heartbeat finds the lock gone.
    """

    def __init__(self, driver: neo4j.Driver, database: str, name: str = LOCK_NAME, ttl: int = DEFAULT_TTL):
        self.driver = driver
        self.database = database
        self.name = name
        self.ttl = max(1, int(ttl))
        self.owner = new_owner()
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _params(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "owner": self.owner,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "ttl": self.ttl,
        }

    def try_acquire(self) -> tuple[bool, dict[str, Any]]:
        records, _, _ = self.driver.execute_query(
            cypher.text("refresh/lock_acquire"), self._params(), database_=self.database
        )
        holder = dict(records[0])
        if holder["acquired"]:
            return True, holder
        pid = holder.get("pid")
        same_host = holder.get("host") == socket.gethostname()
        if same_host and isinstance(pid, int) and pid != os.getpid() and not _pid_alive(pid):
            records, _, _ = self.driver.execute_query(
                cypher.text("refresh/lock_steal"),
                {**self._params(), "stale_owner": holder["owner"]},
                database_=self.database,
            )
            if records[0]["taken"]:
                log.warning("took over the refresh lock from %s (process %s is gone)", holder["owner"], pid)
                return True, holder
        return False, holder

    def acquire(self, wait: float | None = None, poll: float = 2.0, stop: threading.Event | None = None) -> None:
        """Take the lock; with `wait`, keep trying for that many seconds (0: forever)."""
        import time

        began = time.monotonic()
        while True:
            ok, holder = self.try_acquire()
            if ok:
                break
            if wait is None or (wait and time.monotonic() - began > wait) or (stop is not None and stop.is_set()):
                raise LockBusy(holder)
            log.info("waiting for the refresh lock held by %s (expires %s)", holder["owner"], holder["expires"])
            if stop is not None:
                stop.wait(poll)
            else:
                time.sleep(poll)
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="refresh-lock-heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        interval = max(0.5, self.ttl / 4)
        while not self._stop.wait(interval):
            try:
                records, _, _ = self.driver.execute_query(
                    cypher.text("refresh/lock_heartbeat"),
                    {"name": self.name, "owner": self.owner, "ttl": self.ttl},
                    database_=self.database,
                )
                if not records[0]["held"]:
                    log.error("the refresh lock was lost (it expired and another run took it)")
                    self.lost.set()
                    return
            except Exception as exc:  # the database is away: the lock will expire by itself
                log.warning("lock heartbeat failed: %s", exc)

    def release(self) -> bool:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        try:
            with (
                self.driver.session(database=self.database) as session,
                session.begin_transaction(timeout=10) as tx,  # one attempt, no retries
            ):
                released = tx.run(cypher.text("refresh/lock_release"), name=self.name, owner=self.owner).single()
                tx.commit()
            return bool(released and released["released"])
        except Exception as exc:
            log.warning("could not release the refresh lock (it expires within %ss): %s", self.ttl, exc)
            return False

    def __enter__(self) -> RefreshLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def read_lock(driver: neo4j.Driver, database: str, name: str = LOCK_NAME) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/lock_read"), name=name, database_=database, routing_=RoutingControl.READ
    )
    return dict(records[0]) if records else None


def _once(driver: neo4j.Driver, database: str, name: str, params: dict[str, Any]) -> list[neo4j.Record]:
    """One write attempt, no retry loop: used for bookkeeping when the database may be away."""
    with driver.session(database=database) as session, session.begin_transaction(timeout=30) as tx:
        records = list(tx.run(cypher.text(name), params))
        tx.commit()
    return records


def start_run(driver: neo4j.Driver, database: str, run_id: str, owner: str, sources: list[str]) -> str:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/run_start"), id=run_id, owner=owner, sources=sources, database_=database
    )
    driver.execute_query(cypher.text("refresh/runs_abandon"), id=run_id, database_=database)
    return records[0]["started"]


def finish_run(
    driver: neo4j.Driver,
    database: str,
    run_id: str,
    status: str,
    totals: dict[str, int],
    errors: list[str],
    summary: dict[str, Any],
    covered: list[dict[str, Any]],
) -> None:
    _once(
        driver,
        database,
        "refresh/run_finish",
        {
            "id": run_id,
            "status": status,
            "totals": totals,
            "errors": errors,
            "summary": json.dumps(summary, ensure_ascii=False),
            "covered": covered,
        },
    )


def update_source(
    driver: neo4j.Driver,
    database: str,
    *,
    name: str,
    kind: str,
    location: str,
    run_id: str | None,
    status: str,
    error: str | None,
    etag: str | None = None,
    last_modified: str | None = None,
    keep_validators: bool = True,
) -> int:
    records = _once(
        driver,
        database,
        "refresh/source_update",
        {
            "name": name,
            "type": kind,
            "location": location,
            "run": run_id,
            "status": status,
            "error": error,
            "etag": etag,
            "last_modified": last_modified,
            "keep_validators": keep_validators,
        },
    )
    return records[0]["articles"] if records else 0


def link_source(driver: neo4j.Driver, database: str, name: str, ids: list[str]) -> int:
    if not ids:
        return 0
    records, _, _ = driver.execute_query(cypher.text("refresh/source_link"), name=name, ids=ids, database_=database)
    return records[0]["linked"] if records else 0


def source_validators(driver: neo4j.Driver, database: str, name: str) -> tuple[str | None, str | None]:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/source_validators"), name=name, database_=database, routing_=RoutingControl.READ
    )
    if not records:
        return None, None
    return records[0]["etag"], records[0]["last_modified"]


def stale_articles(driver: neo4j.Driver, database: str, name: str, seen: list[str]) -> list[tuple[str, bool]]:
    """(id, shared) of the articles `name` provided that are not in `seen`."""
    records, _, _ = driver.execute_query(
        cypher.text("refresh/source_stale"), name=name, seen=seen, database_=database, routing_=RoutingControl.READ
    )
    return [(r["id"], r["shared"]) for r in records]


def unlink_articles(driver: neo4j.Driver, database: str, name: str, ids: list[str]) -> int:
    records, _, _ = driver.execute_query(cypher.text("refresh/source_unlink"), name=name, ids=ids, database_=database)
    return records[0]["unlinked"] if records else 0


def sources_state(driver: neo4j.Driver, database: str) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/sources_state"), database_=database, routing_=RoutingControl.READ
    )
    return {r["name"]: dict(r) for r in records}


def recent_runs(driver: neo4j.Driver, database: str, limit: int = 10) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/runs_recent"), limit=limit, database_=database, routing_=RoutingControl.READ
    )
    return [dict(r) for r in records]


def articles_since(driver: neo4j.Driver, database: str, since: str, limit: int = 100) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        cypher.text("refresh/articles_since"),
        since=since,
        limit=limit,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return [dict(r) for r in records]


def known_hashes(driver: neo4j.Driver, database: str, ids: list[str]) -> dict[str, str | None]:
    """Article id -> content hash, for those of `ids` already in the graph (one query)."""
    if not ids:
        return {}
    records, _, _ = driver.execute_query(
        cypher.text("read/article_ids"), ids=ids, database_=database, routing_=RoutingControl.READ
    )
    return {r["id"]: r["content_hash"] for r in records}
