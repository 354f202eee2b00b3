"""`explorer schedule`: refreshes on cron schedules, for hosts without cron (and the
docker-compose `refresh` service).

Sources with their own `schedule` get a job each; the others share the global one
(`--cron`, else `[defaults] schedule`). Jobs run one at a time in this process
(coalesced, never overlapping) and each takes the database's refresh lock, so a
refresh started elsewhere (cron on another host, a manual run) is never doubled: the
job logs that it skipped and waits for its next turn. The sources file is read again
for every job, so edits to source options apply without a restart (new schedules need
one). SIGTERM/SIGINT stop the scheduler; a refresh in progress finishes its batch,
records its run and releases the lock.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from pathlib import Path
from typing import Any

from explorer.errors import ConfigError, ExplorerError
from explorer.sources.config import SourcesFile, load_sources

log = logging.getLogger(__name__)


def plan(sources_file: SourcesFile, cron: str | None = None) -> list[tuple[str, list[str]]]:
    """(crontab line, source names) per job."""
    default = cron or sources_file.schedule
    jobs: dict[str, list[str]] = {}
    shared: list[str] = []
    for source in sources_file.sources:
        if not source.enabled:
            continue
        if source.schedule and not cron:
            jobs.setdefault(source.schedule, []).append(source.name)
        else:
            shared.append(source.name)
    if shared:
        if not default:
            raise ConfigError(
                f'no schedule for source(s) {", ".join(shared)}: give them `schedule = "..."`, '
                "set [defaults] schedule, or pass --cron"
            )
        jobs.setdefault(default, []).extend(shared)
    if not jobs:
        raise ConfigError("no enabled sources to schedule")
    return list(jobs.items())


class Scheduler:
    def __init__(self, sources_path: Path | str | None, cron: str | None = None, lock_ttl: int = 120, settings=None):
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.blocking import BlockingScheduler
        from apscheduler.triggers.cron import CronTrigger

        self.sources_path = sources_path
        self.lock_ttl = lock_ttl
        self.settings = settings
        self.stop = threading.Event()
        self.last_codes: list[int] = []
        sources_file = load_sources(sources_path)
        self.jobs = plan(sources_file, cron)
        self.scheduler = BlockingScheduler(
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 600},
            timezone="UTC",
        )
        for line, names in self.jobs:
            self.scheduler.add_job(
                self.run_job,
                CronTrigger.from_crontab(line, timezone="UTC"),
                args=[names],
                id=f"refresh:{line}",
                name=f"refresh {', '.join(names)} ({line})",
            )
            log.info("scheduled refresh of %s: %s (UTC)", ", ".join(names), line)

    def run_job(self, names: list[str]) -> int:
        """One scheduled refresh; never raises (a failed job must not stop the scheduler)."""
        from explorer.config import load_settings
        from explorer.graph.connection import connect
        from explorer.graph.runs import LockBusy
        from explorer.graph.schema import apply_schema
        from explorer.refresh import refresh

        if self.stop.is_set():
            return 0
        code = 2
        try:
            selected = [s for s in load_sources(self.sources_path).sources if s.name in names and s.enabled]
            driver, settings = connect(self.settings or load_settings())
            try:
                apply_schema(driver, settings.database)
                summary = refresh(driver, settings.database, selected, lock_ttl=self.lock_ttl, stop=self.stop)
                code = summary.exit_code
            finally:
                driver.close()
        except LockBusy as exc:
            log.warning("scheduled refresh skipped: %s", exc)
            code = 75
        except ExplorerError as exc:
            log.error("scheduled refresh failed: %s", exc)
        except Exception:
            log.exception("scheduled refresh failed unexpectedly")
        self.last_codes.append(code)
        return code

    def shutdown(self, *_: Any) -> None:
        if not self.stop.is_set():
            log.info("stopping the scheduler")
        self.stop.set()
        with contextlib.suppress(Exception):  # not running yet / already stopped
            self.scheduler.shutdown(wait=False)

    def start(self, run_now: bool = False) -> int:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.shutdown)
            signal.signal(signal.SIGINT, self.shutdown)
        if run_now:
            for _, names in self.jobs:
                self.run_job(names)
        if self.stop.is_set():
            return 0
        for job in self.scheduler.get_jobs():
            log.info("job %s", job.name)
        self.scheduler.start()  # blocks until shutdown()
        return 0


def run_scheduler(
    sources_path: Path | str | None, cron: str | None = None, run_now: bool = False, lock_ttl: int = 120
) -> int:
    return Scheduler(sources_path, cron, lock_ttl).start(run_now)
