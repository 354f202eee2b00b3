"""`explorer refresh`: incremental, recorded, fault-tolerant; real Neo4j, real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import textwrap

from cli_runner import run_explorer
from httpd import page, rss
from newsdata import ARTICLES, CHANGED, write_folder

from explorer.graph import runs
from explorer.refresh import refresh, source_states
from explorer.sources.config import SourceConfig, load_sources
from explorer.sources.web import url_id

FAST = {"timeout": 0.5, "deadline": 5.0, "retries": 1, "backoff": 0.05}


def folder_source(path, name="exports", **options) -> SourceConfig:
    return SourceConfig(name=name, type="folder", location=(str(path),), **options)


def feed_source(url, name="gazette", **options) -> SourceConfig:
    return SourceConfig(name=name, type="feed", location=(url,), **{**FAST, **options})


def article_ids(driver, database) -> set[str]:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.id AS id", database_=database)
    return {r["id"] for r in records}


def run_node(driver, database, run_id):
    records, _, _ = driver.execute_query(
        "MATCH (r:Run {id: $id}) OPTIONAL MATCH (r)-[c:COVERED]->(s:Source) "
        "RETURN r {.*} AS run, collect(c {.*, source: s.name}) AS covered",
        id=run_id,
        database_=database,
    )
    return records[0]["run"], {c["source"]: c for c in records[0]["covered"]}


def test_folder_refresh_new_unchanged_changed_pruned(db, tmp_path, extractor):
    driver, database = db
    root = tmp_path / "exports"
    write_folder(root, ["xi-putin-talks", "macron-kyiv", "blinken-sanctions"])
    source = folder_source(root, prune=True)

    first = refresh(driver, database, [source], extract=extractor)
    assert first.status == "ok" and first.exit_code == 0
    assert first.totals == {"new": 3, "changed": 0, "unchanged": 0, "failed": 0, "pruned": 0}
    run, covered = run_node(driver, database, first.id)
    assert run["status"] == "ok" and run["new"] == 3 and run["ended"] is not None
    assert covered["exports"]["new"] == 3
    assert json.loads(run["summary"])["totals"]["new"] == 3
    state = runs.sources_state(driver, database)["exports"]
    assert state["articles"] == 3 and state["last_status"] == "ok" and state["last_run"] == first.id

    extractor.calls.clear()
    second = refresh(driver, database, [source], extract=extractor)
    assert second.totals["unchanged"] == 3 and extractor.calls == []

    (root / "xi-putin-talks.txt").write_text(f"{CHANGED[0]}\n\n{CHANGED[1]}\n")
    (root / "macron-kyiv.txt").unlink()
    write_folder(root, ["kishida-modi"])
    third = refresh(driver, database, [source], extract=extractor)
    assert third.totals == {"new": 1, "changed": 1, "unchanged": 1, "failed": 0, "pruned": 1}
    assert sorted(extractor.calls) == ["kishida-modi", "xi-putin-talks"]
    assert article_ids(driver, database) == {"xi-putin-talks", "blinken-sanctions", "kishida-modi"}
    # the pruned article left no evidence behind
    records, _, _ = driver.execute_query(
        "MATCH ()-[r]->() WHERE 'macron-kyiv' IN r.articles RETURN count(r) AS n", database_=database
    )
    assert records[0]["n"] == 0
    assert runs.sources_state(driver, database)["exports"]["articles"] == 3


def test_no_prune_unless_the_source_says_so(db, tmp_path, extractor):
    driver, database = db
    root = tmp_path / "keep"
    write_folder(root, ["xi-putin-talks", "macron-kyiv"])
    refresh(driver, database, [folder_source(root)], extract=extractor)
    (root / "macron-kyiv.txt").unlink()
    summary = refresh(driver, database, [folder_source(root)], extract=extractor)
    assert summary.totals["pruned"] == 0
    assert "macron-kyiv" in article_ids(driver, database)


def test_prune_keeps_articles_another_source_provides(db, tmp_path, extractor):
    driver, database = db
    write_folder(tmp_path / "a", ["xi-putin-talks"])
    write_folder(tmp_path / "b", ["xi-putin-talks"])
    a, b = folder_source(tmp_path / "a", "a", prune=True), folder_source(tmp_path / "b", "b", prune=True)
    refresh(driver, database, [a, b], extract=extractor)
    (tmp_path / "a" / "xi-putin-talks.txt").unlink()
    summary = refresh(driver, database, [a, b], extract=extractor)
    assert summary.totals["pruned"] == 0  # b still has it
    assert "xi-putin-talks" in article_ids(driver, database)
    assert runs.sources_state(driver, database)["a"]["articles"] == 0


def test_feed_conditional_requests_and_known_entries(db, web, extractor):
    driver, database = db
    a = web.add("/p/a", page("Macron visits Kyiv", [ARTICLES["macron-kyiv"][1]]))
    b = web.add("/p/b", page("Kishida and Modi", [ARTICLES["kishida-modi"][1]]))
    items = [{"title": "Macron visits Kyiv", "link": a}, {"title": "Kishida and Modi", "link": b}]
    feed = web.add("/feed.xml", rss("Gazette", items), content_type="application/rss+xml", etag='"v1"')
    source = feed_source(feed)

    first = refresh(driver, database, [source], extract=extractor)
    assert first.totals["new"] == 2 and first.status == "ok"
    assert runs.source_validators(driver, database, "gazette") == ('"v1"', None)

    hits = len(web.hits)
    second = refresh(driver, database, [source], extract=extractor)
    assert second.status == "ok" and second.sources[0].status == "not-modified"
    assert web.hits[hits:][0].headers.get("if-none-match") == '"v1"'
    assert [h.status for h in web.hits[hits:]] == [304]  # one request, no page fetched

    c = web.add("/p/c", page("Erdogan meets Stoltenberg", [ARTICLES["erdogan-stoltenberg"][1]]))
    web.add("/feed.xml", rss("Gazette", [*items, {"title": "Erdogan", "link": c}]), etag='"v2"')
    extractor.calls.clear()
    hits = len(web.hits)
    third = refresh(driver, database, [source], extract=extractor)
    assert third.totals["new"] == 1 and third.totals["unchanged"] == 2
    assert [h.path for h in web.hits[hits:]] == ["/feed.xml", "/p/c"]  # known entries are not fetched
    assert extractor.calls == [url_id(c)]


def test_failing_sources_are_recorded_and_retried_and_others_refresh(db, tmp_path, web, extractor):
    driver, database = db
    from explorer.local_neo4j import free_port

    write_folder(tmp_path / "ok", ["xi-putin-talks"])
    web.add("/500.xml", "boom", status=500)
    web.add("/slow.xml", "late", delay=2)
    web.add("/garbage.xml", bytes(range(256)) * 4, content_type="application/rss+xml")
    sources = [
        feed_source(f"http://127.0.0.1:{free_port()}/down.xml", "down"),
        feed_source(web.url("/500.xml"), "error500"),
        feed_source(web.url("/slow.xml"), "slow"),
        feed_source(web.url("/garbage.xml"), "garbage"),
        feed_source(web.url("/404.xml"), "missing"),
        folder_source(tmp_path / "ok", "fine"),
        folder_source(tmp_path / "nope", "no-folder"),
    ]
    summary = refresh(driver, database, sources, extract=extractor)
    assert summary.status == "partial" and summary.exit_code == 1
    status = {s.name: (s.status, s.error) for s in summary.sources}
    assert status["fine"] == ("ok", None)
    for name, fragment in [
        ("down", "cannot connect"),
        ("error500", "HTTP 500"),
        ("slow", "timed out"),
        ("garbage", "not a usable"),
        ("missing", "HTTP 404"),
        ("no-folder", "does not exist"),
    ]:
        assert status[name][0] == "failed" and fragment in status[name][1], (name, status[name])
    assert article_ids(driver, database) == {"xi-putin-talks"}
    state = runs.sources_state(driver, database)
    assert state["error500"]["last_status"] == "failed" and "HTTP 500" in state["error500"]["last_error"]
    run, covered = run_node(driver, database, summary.id)
    assert run["status"] == "partial" and any("HTTP 500" in e for e in run["errors"])
    assert covered["error500"]["status"] == "failed"

    # fixed on the server: the next run retries and succeeds
    page_url = web.add("/p/a", page("Macron visits Kyiv", [ARTICLES["macron-kyiv"][1]]))
    web.add("/500.xml", rss("Back", [{"title": "Macron", "link": page_url}]), content_type="application/rss+xml")
    again = refresh(driver, database, [sources[1], sources[5]], extract=extractor)
    assert again.status == "ok" and again.totals["new"] == 1
    assert runs.sources_state(driver, database)["error500"]["last_error"] is None


def test_a_failed_entry_is_retried_next_run_despite_an_unchanged_feed(db, web, extractor):
    driver, database = db
    a = web.add("/p/a", page("Macron visits Kyiv", [ARTICLES["macron-kyiv"][1]]))
    flaky = web.add("/p/flaky", "down", status=500)
    items = [{"title": "Macron", "link": a}, {"title": "Flaky", "link": flaky}, {"title": "No link"}]
    feed = web.add("/feed.xml", rss("Gazette", items), content_type="application/rss+xml", etag='"same"')
    first = refresh(driver, database, [feed_source(feed)], extract=extractor)
    assert first.status == "partial" and first.totals["new"] == 1 and first.totals["failed"] == 2
    assert runs.source_validators(driver, database, "gazette") == (None, None)  # not kept: retry everything
    web.add("/p/flaky", page("Kishida and Modi", [ARTICLES["kishida-modi"][1]]))
    second = refresh(driver, database, [feed_source(feed)], extract=extractor)
    assert second.totals["new"] == 1 and second.totals["unchanged"] == 1
    assert url_id(flaky) in article_ids(driver, database)


def test_nothing_could_run_is_exit_2(db, tmp_path, extractor):
    driver, database = db
    summary = refresh(driver, database, [folder_source(tmp_path / "absent")], extract=extractor)
    assert summary.status == "failed" and summary.exit_code == 2


def test_cli_refresh_sources_and_json(db, tmp_path, cli_env, web):
    write_folder(tmp_path / "exports", ["kishida-modi", "scholz-biden"])
    (tmp_path / "sources.toml").write_text(
        textwrap.dedent(
            f"""
            [defaults]
            timeout = 0.5
            retries = 0

            [sources.exports]
            type = "folder"
            location = "exports"
            prune = true

            [sources.broken]
            type = "feed"
            location = "{web.url("/missing.xml")}"
            """
        )
    )
    done = run_explorer("refresh", "--sources", str(tmp_path / "sources.toml"), "--json", env=cli_env)
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "partial" and summary["totals"]["new"] == 2
    assert {s["name"]: s["status"] for s in summary["sources"]} == {"exports": "ok", "broken": "failed"}

    only = run_explorer("refresh", "--sources", str(tmp_path / "sources.toml"), "--source", "exports", env=cli_env)
    assert only.returncode == 0, only.stderr
    assert "2 unchanged" in only.stdout

    listed = run_explorer("sources", "--sources", str(tmp_path / "sources.toml"), "--json", env=cli_env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert rows["exports"]["articles"] == 2 and rows["exports"]["last_status"] == "ok"
    assert rows["broken"]["last_status"] == "failed" and "404" in rows["broken"]["last_error"]

    bad = run_explorer("refresh", "--sources", str(tmp_path / "none.toml"), env=cli_env)
    assert bad.returncode == 2 and "no sources file" in bad.stderr


def test_source_states_lists_configured_and_forgotten_sources(db, tmp_path, extractor):
    driver, database = db
    write_folder(tmp_path / "x", ["kishida-modi"])
    refresh(driver, database, [folder_source(tmp_path / "x", "old")], extract=extractor)
    (tmp_path / "s.toml").write_text(f'[sources.new]\ntype = "folder"\nlocation = "{tmp_path / "x"}"\n')
    rows = {r["name"]: r for r in source_states(driver, database, load_sources(tmp_path / "s.toml").sources)}
    assert rows["new"]["last_run"] is None and rows["new"]["articles"] == 0
    assert rows["old"]["note"] == "not in the sources file" and rows["old"]["articles"] == 1
