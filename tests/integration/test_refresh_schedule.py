"""`explorer schedule`: jobs run refreshes under the lock; SIGTERM stops it cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from newsdata import write_folder

from explorer.graph.runs import RefreshLock, read_lock, recent_runs
from explorer.schedule import Scheduler


def write_sources(tmp_path, schedule="0 0 1 1 *"):
    write_folder(tmp_path / "exports", ["kishida-modi", "erdogan-stoltenberg"])
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[defaults]\nschedule = "{schedule}"\n\n[sources.exports]\ntype = "folder"\nlocation = "exports"\n'
        '\n[sources.later]\ntype = "folder"\nlocation = "exports"\nschedule = "30 2 * * *"\n'
    )
    return path


def test_jobs_refresh_and_skip_when_locked(db, tmp_path, settings):
    driver, database = db
    scheduler = Scheduler(write_sources(tmp_path), settings=settings)
    assert sorted(names for _, names in scheduler.jobs) == [["exports"], ["later"]]
    assert scheduler.run_job(["exports"]) == 0
    assert recent_runs(driver, database)[0]["new"] == 2
    holder = RefreshLock(driver, database, ttl=60)
    holder.acquire()
    try:
        assert scheduler.run_job(["exports"]) == 75  # skipped, not failed
    finally:
        holder.release()
    assert len(recent_runs(driver, database)) == 1


def test_scheduler_process_runs_now_and_stops_on_sigterm(db, tmp_path, cli_env):
    driver, database = db
    path = write_sources(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "schedule", "--sources", str(path), "--run-now"],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len([r for r in recent_runs(driver, database) if r["status"] != "running"]) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the scheduler did not run the jobs"
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "scheduled refresh of exports: 0 0 1 1 *" in err
    assert read_lock(driver, database) is None
    assert [r["status"] for r in recent_runs(driver, database)] == ["ok", "ok"]
