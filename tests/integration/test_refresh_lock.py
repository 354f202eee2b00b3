"""The refresh lock: one refresh per database, stale locks expire, waiting works, CLI exit 75."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from newsdata import write_folder

from explorer.graph.runs import LockBusy, RefreshLock, read_lock
from explorer.refresh import refresh
from explorer.sources.config import SourceConfig


def test_second_lock_is_refused_until_released(db):
    driver, database = db
    first, second = RefreshLock(driver, database, ttl=60), RefreshLock(driver, database, ttl=60)
    first.acquire()
    try:
        with pytest.raises(LockBusy) as caught:
            second.acquire()
        assert caught.value.exit_code == 75 and first.owner in str(caught.value)
    finally:
        assert first.release()
    second.acquire()
    second.release()
    assert read_lock(driver, database) is None


def test_concurrent_acquires_have_exactly_one_winner(db):
    driver, database = db
    locks = [RefreshLock(driver, database, ttl=60) for _ in range(8)]
    barrier = threading.Barrier(len(locks))
    winners = []

    def attempt(lock):
        barrier.wait()
        ok, _ = lock.try_acquire()
        if ok:
            winners.append(lock)

    threads = [threading.Thread(target=attempt, args=(lock,)) for lock in locks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(winners) == 1
    assert read_lock(driver, database)["owner"] == winners[0].owner
    winners[0].release()


def test_stale_lock_expires_and_heartbeat_keeps_a_live_one(db):
    driver, database = db
    live = RefreshLock(driver, database, ttl=2)
    live.acquire()
    time.sleep(3)  # heartbeats (every ttl/4) keep it alive past its ttl
    with pytest.raises(LockBusy):
        RefreshLock(driver, database, ttl=2).acquire()
    live._stop.set()  # the holder "dies": no more heartbeats, no release
    live._thread.join()
    time.sleep(2.5)
    taker = RefreshLock(driver, database, ttl=2)
    taker.acquire()  # expired: taken over
    assert read_lock(driver, database)["owner"] == taker.owner
    taker.release()


def test_lock_of_a_dead_process_on_this_host_is_taken_over(db):
    driver, database = db
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    driver.execute_query(
        "CREATE (:Lock {name: 'refresh', owner: 'ghost', host: $host, pid: $pid, "
        "acquired: datetime(), expires: datetime() + duration({hours: 1})})",
        host=socket.gethostname(),
        pid=dead.pid,
        database_=database,
    )
    lock = RefreshLock(driver, database)
    lock.acquire()
    assert read_lock(driver, database)["owner"] == lock.owner
    lock.release()


def test_wait_for_the_lock(db, tmp_path):
    driver, database = db
    write_folder(tmp_path / "f", ["kishida-modi"])
    holder = RefreshLock(driver, database, ttl=60)
    holder.acquire()
    threading.Timer(2.0, holder.release).start()
    began = time.monotonic()
    source = SourceConfig(name="f", type="folder", location=(str(tmp_path / "f"),))
    summary = refresh(driver, database, [source], wait=30)
    assert summary.status == "ok" and time.monotonic() - began >= 1.5
    holder.acquire()
    try:
        with pytest.raises(LockBusy):
            refresh(driver, database, [source], wait=0.5)
    finally:
        holder.release()


def test_cli_exits_75_when_another_refresh_runs(db, tmp_path, cli_env):
    driver, database = db
    write_folder(tmp_path / "f", ["kishida-modi"])
    (tmp_path / "s.toml").write_text(f'[sources.f]\ntype = "folder"\nlocation = "{tmp_path / "f"}"\n')
    holder = RefreshLock(driver, database, ttl=60)
    holder.acquire()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "explorer", "refresh", "--sources", str(tmp_path / "s.toml")],
            env=cli_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.release()
    assert done.returncode == 75, done.stderr
    assert "another refresh is running" in done.stderr and str(os.getpid()) in done.stderr
