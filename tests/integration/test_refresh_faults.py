"""Faults mid-run: SIGTERM / SIGKILL of the refresh process, and Neo4j itself going away.
After each, the graph is consistent and the next run picks up exactly where the data says."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from neo4j import GraphDatabase
from newsdata import write_generated

from explorer.graph.connection import connect
from explorer.graph.runs import read_lock
from explorer.graph.schema import apply_schema
from explorer.refresh import refresh
from explorer.sources.config import SourceConfig


def fingerprint(driver, database) -> dict:
    """What a consistent graph of the corpus looks like, independent of load order."""
    records, _, _ = driver.execute_query(
        """
        MATCH (a:Article) WITH count(a) AS articles, sum(a.fact_count) AS declared
        OPTIONAL MATCH (:Entity)-[r]->(:Entity)
        WITH articles, declared, count(r) AS facts, sum(size(r.evidence)) AS evidence,
             sum(size(r.articles)) AS support
        OPTIONAL MATCH (e:Entity)
        RETURN articles, declared, facts, evidence, support, count(e) AS entities
        """,
        database_=database,
    )
    return dict(records[0])


def inconsistencies(driver, database) -> dict:
    """Counts of what a half-written or double-counted load would leave; all zero when sound."""
    records, _, _ = driver.execute_query(
        """
        CALL () {
          MATCH (:Entity)-[r]->(:Entity) UNWIND r.evidence_articles AS id
          OPTIONAL MATCH (a:Article {id: id}) WITH a WHERE a IS NULL RETURN count(*) AS dangling_evidence
        }
        CALL () {
          MATCH (:Entity)-[r]->(:Entity)
          WHERE size(r.articles) = 0 OR size(r.evidence) <> size(r.evidence_articles)
             OR any(x IN r.evidence_articles WHERE NOT x IN r.articles)
          RETURN count(r) AS broken_facts
        }
        CALL () {
          MATCH (a:Article)
          OPTIONAL MATCH (:Entity)-[r]->(:Entity) WHERE a.id IN r.articles
          WITH a, count(r) AS stated WHERE stated <> a.fact_count
          RETURN count(a) AS miscounted_articles
        }
        CALL () { MATCH (e:Entity) WHERE NOT (e)--() RETURN count(e) AS orphan_entities }
        CALL () { MATCH (a:Article) WHERE a.content_hash IS NULL OR a.text IS NULL RETURN count(a) AS bare_articles }
        RETURN dangling_evidence, broken_facts, miscounted_articles, orphan_entities, bare_articles
        """,
        database_=database,
    )
    return {k: v for k, v in dict(records[0]).items() if v}


def count_articles(driver, database) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database)
    return records[0]["n"]


def run_status(driver, database) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (r:Run) RETURN r.status AS s ORDER BY r.started", database_=database)
    return [r["s"] for r in records]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus") / "reports"
    write_generated(root, 1500)
    return root


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("small") / "reports"
    write_generated(root, 600, seed=3)
    return root


def reference(driver, database, root) -> dict:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    source = SourceConfig(name="reports", type="folder", location=(str(root),))
    assert refresh(driver, database, [source]).status == "ok"
    return fingerprint(driver, database)


def start_refresh(tmp_path, root, cli_env) -> subprocess.Popen:
    (tmp_path / "s.toml").write_text(f'[sources.reports]\ntype = "folder"\nlocation = "{root}"\nprune = true\n')
    return subprocess.Popen(
        [sys.executable, "-m", "explorer", "refresh", "--sources", str(tmp_path / "s.toml"), "--batch-size", "20",
         "--lock-ttl", "60"],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def wait_for_articles(driver, database, process, at_least=1, timeout=120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = count_articles(driver, database)
        if n >= at_least:
            return n
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("the refresh did not start writing")


def test_sigterm_mid_run_leaves_a_consistent_graph_and_releases_the_lock(db, tmp_path, corpus, cli_env):
    driver, database = db
    process = start_refresh(tmp_path, corpus, cli_env)
    wait_for_articles(driver, database, process)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1, err
    assert "SIGTERM" in err
    landed = count_articles(driver, database)
    assert 0 < landed < 1500
    assert read_lock(driver, database) is None  # released
    assert run_status(driver, database) == ["interrupted"]
    assert inconsistencies(driver, database) == {}

    source = SourceConfig(name="reports", type="folder", location=(str(corpus),), prune=True)
    again = refresh(driver, database, [source])
    assert again.status == "ok"
    assert again.totals["unchanged"] == landed and again.totals["new"] == 1500 - landed
    assert count_articles(driver, database) == 1500
    assert inconsistencies(driver, database) == {}


def test_sigkill_mid_run_the_lock_is_taken_over_and_the_run_abandoned(db, tmp_path, corpus, cli_env):
    driver, database = db
    process = start_refresh(tmp_path, corpus, cli_env)
    wait_for_articles(driver, database, process)
    process.kill()
    process.communicate(timeout=30)
    assert read_lock(driver, database) is not None  # left behind by the killed process
    landed = count_articles(driver, database)
    assert inconsistencies(driver, database) == {}

    source = SourceConfig(name="reports", type="folder", location=(str(corpus),))
    again = refresh(driver, database, [source])  # same host, dead pid: taken over at once
    assert again.status == "ok" and again.totals["unchanged"] == landed
    assert inconsistencies(driver, database) == {}
    assert run_status(driver, database) == ["abandoned", "ok"]


def test_neo4j_going_away_mid_run(db, tmp_path, small_corpus):
    """A second, throwaway Neo4j is killed mid-run; after a restart on the same data the
    next run completes exactly the missing articles and the graph matches a clean load."""
    from explorer import local_neo4j
    from explorer.config import Settings

    ref_driver, ref_database = db
    corpus = small_corpus
    expected = reference(ref_driver, ref_database, corpus)

    data = tmp_path / "neo4j-2"
    server = local_neo4j.start(data, port=None, heap="512m")
    driver = None
    try:
        # the caller owns the driver: a short retry budget, so losing the server is noticed quickly
        driver = GraphDatabase.driver(server.uri, auth=("neo4j", ""), max_transaction_retry_time=2)
        settings = Settings(uri=server.uri)
        apply_schema(driver, settings.database)
        source = SourceConfig(name="reports", type="folder", location=(str(corpus),))
        written = []

        def kill_after_some(event):
            if event.result is not None and event.result.status == "new":
                written.append(event.result.id)
                if len(written) == 200:
                    server.process.kill()  # SIGKILL: no clean shutdown
                    server.process.wait()

        summary = refresh(driver, settings.database, [source], batch_size=25, lock_ttl=3, on_progress=kill_after_some)
        assert summary.status == "partial" and summary.exit_code == 1
        assert "database" in summary.error
        new = summary.totals["new"]
        assert new == 200  # counted only once committed
        driver.close()

        server = local_neo4j.start(data, port=None, heap="512m")  # same data, new port
        driver, settings = connect(Settings(uri=server.uri))
        assert count_articles(driver, settings.database) == new  # nothing half-written
        assert inconsistencies(driver, settings.database) == {}
        again = refresh(driver, settings.database, [source], wait=30, lock_ttl=3)
        assert again.status == "ok"
        assert again.totals["unchanged"] == new and again.totals["new"] == 600 - new
        assert fingerprint(driver, settings.database) == expected
        assert run_status(driver, settings.database) == ["abandoned", "ok"]
    finally:
        if driver:
            driver.close()
        server.stop()
