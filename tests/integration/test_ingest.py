"""`explorer ingest` against the real Neo4j and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json

from cli_runner import run_explorer
from httpd import page, rss
from newsdata import ARTICLES, CHANGED, NO_TEXT_PAGE, text_of, write_folder

from explorer.ingest import ingest, ingest_uploaded, ingest_url
from explorer.sources.web import url_id


def articles(driver, database):
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.url AS url, a.source AS source, "
        "a.published AS published, a.content_hash AS hash, a.text AS text, a.fact_count AS facts ORDER BY id",
        database_=database,
    )
    return {r["id"]: dict(r) for r in records}


def evidence_articles(driver, database) -> set[str]:
    records, _, _ = driver.execute_query(
        "MATCH (:Entity)-[r]->(:Entity) UNWIND r.evidence_articles AS a RETURN DISTINCT a", database_=database
    )
    return {r["a"] for r in records}


def test_folder_ingest_then_unchanged_then_changed(db, tmp_path, extractor):
    driver, database = db
    root = tmp_path / "exports"
    write_folder(root / "2024", ["xi-putin-talks", "macron-kyiv"])
    write_folder(root, ["blinken-sanctions"], suffix=".md")
    (root / "notes.pdf").write_bytes(b"%PDF not an article")

    [result] = ingest(driver, database, [str(root)], extract=extractor)
    assert result.counts["new"] == 3 and result.counts["failed"] == 0
    stored = articles(driver, database)
    assert set(stored) == {"2024/xi-putin-talks", "2024/macron-kyiv", "blinken-sanctions"}
    one = stored["2024/xi-putin-talks"]
    assert one["text"].startswith("Xi and Putin hold talks in Moscow")
    assert one["hash"] == hashlib.sha256(one["text"].encode()).hexdigest()
    assert sum(a["facts"] for a in stored.values()) > 0
    assert "2024/xi-putin-talks" in evidence_articles(driver, database)

    extractor.calls.clear()
    [again] = ingest(driver, database, [str(root)], extract=extractor)
    assert again.counts["unchanged"] == 3 and again.counts["new"] == 0
    assert extractor.calls == []  # unchanged articles are not extracted again

    (root / "2024" / "xi-putin-talks.txt").write_text(f"{CHANGED[0]}\n\n{CHANGED[1]}\n")
    [changed] = ingest(driver, database, [str(root)], extract=extractor)
    assert changed.counts["changed"] == 1 and changed.counts["unchanged"] == 2
    assert extractor.calls == ["2024/xi-putin-talks"]
    assert articles(driver, database)["2024/xi-putin-talks"]["title"].endswith("(updated)")
    # the old evidence is gone, the new one is there
    records, _, _ = driver.execute_query(
        "MATCH (:Entity)-[r]->(:Entity) UNWIND range(0, size(r.evidence) - 1) AS i WITH r, i "
        "WHERE r.evidence_articles[i] = '2024/xi-putin-talks' RETURN collect(r.evidence[i]) AS evidence",
        database_=database,
    )
    evidence = " ".join(records[0]["evidence"])
    assert "trading partners" not in evidence and "Paris" in evidence


def test_include_globs(db, tmp_path, extractor):
    driver, database = db
    write_folder(tmp_path / "a", ["xi-putin-talks"])
    write_folder(tmp_path / "a", ["macron-kyiv"], suffix=".md")
    [result] = ingest(driver, database, [str(tmp_path / "a")], include=["**/*.md"], extract=extractor)
    assert [a.id for a in result.articles] == ["macron-kyiv"]


def test_single_files_use_their_stem(db, tmp_path, extractor):
    driver, database = db
    paths = write_folder(tmp_path, ["kishida-modi", "scholz-biden"])
    results = ingest(driver, database, [str(p) for p in paths] + [str(tmp_path / "missing.txt")], extract=extractor)
    statuses = {a.id: a.status for r in results for a in r.articles}
    assert statuses == {"kishida-modi": "new", "scholz-biden": "new", "missing": "failed"}


def test_article_urls_pages_and_failures(db, web, extractor):
    driver, database = db
    good = web.add(
        "/news/talks?utm_source=rss", page(*ARTICLES["erdogan-stoltenberg"][:1], [ARTICLES["erdogan-stoltenberg"][1]])
    )
    empty = web.add("/news/empty", NO_TEXT_PAGE)
    garbage = web.add("/news/garbage", bytes(range(256)) * 20, content_type="application/octet-stream")
    binary = web.add("/news/binary", bytes(range(1, 32)) * 100, content_type="text/html")
    missing = web.url("/news/gone")
    results = ingest(driver, database, [good, empty, garbage, binary, missing], extract=extractor)
    by_url = {a.label: a for r in results for a in r.articles}
    assert by_url[good].status == "new" and by_url[good].id == url_id(good)
    assert by_url[empty].status == "failed" and "text" in by_url[empty].error
    assert by_url[garbage].status == "failed" and "not an article page" in by_url[garbage].error
    assert by_url[binary].status == "failed" and "binary" in by_url[binary].error
    assert by_url[missing].status == "failed" and "404" in by_url[missing].error
    stored = articles(driver, database)
    assert set(stored) == {url_id(good)}
    assert stored[url_id(good)]["url"] == good and "Stoltenberg" in stored[url_id(good)]["text"]
    assert "Copyright" not in stored[url_id(good)]["text"]  # boilerplate removed by trafilatura


def test_feed_url_is_sniffed_and_entries_fetched(db, web, extractor):
    driver, database = db
    a = web.add("/p/a", page("Macron visits Kyiv", [ARTICLES["macron-kyiv"][1]]))
    b = web.add("/p/b", page("Kishida and Modi", [ARTICLES["kishida-modi"][1]]))
    broken = web.add("/p/broken", "oops", status=500)
    feed = web.add(
        "/feed.xml",
        rss(
            "Test Gazette",
            [
                {"title": "Macron visits Kyiv", "link": a, "pubDate": "Thu, 02 May 2024 10:00:00 GMT"},
                {"title": "Kishida and Modi", "link": b},
                {"title": "Broken page", "link": broken},
                {"title": "An entry without a link"},
            ],
        ),
        content_type="application/rss+xml",
    )
    [result] = ingest(driver, database, [feed], extract=extractor)
    statuses = {x.label: x.status for x in result.articles}
    assert statuses[a] == "new" and statuses[b] == "new" and statuses[broken] == "failed"
    assert sum(1 for x in result.articles if x.status == "failed") == 2  # the 500 and the missing link
    stored = articles(driver, database)
    assert stored[url_id(a)]["published"] == "2024-05-02"
    assert stored[url_id(a)]["source"] == "Test Gazette"
    assert stored[url_id(a)]["title"] == "Macron visits Kyiv"


def test_upload_and_add_by_url(db, web, extractor):
    driver, database = db
    result = ingest_uploaded(driver, database, "scholz-biden.txt", text_of("scholz-biden").encode(), extract=extractor)
    assert result.status == "new" and result.id == "scholz-biden"
    again = ingest_uploaded(driver, database, "scholz-biden.txt", text_of("scholz-biden").encode(), extract=extractor)
    assert again.status == "unchanged"
    bad = ingest_uploaded(driver, database, "report.pdf", b"%PDF", extract=extractor)
    assert bad.status == "failed"
    url = web.add("/x", page("Erdogan", [ARTICLES["erdogan-stoltenberg"][1]]))
    [added] = ingest_url(driver, database, url, extract=extractor)
    assert added.status == "new"
    [refused] = ingest_url(driver, database, "ftp://example.invalid/x", extract=extractor)
    assert refused.status == "failed"


def test_cli_ingest_json_and_exit_codes(db, tmp_path, cli_env):
    paths = write_folder(tmp_path / "in", ["kishida-modi"])
    ok = run_explorer("ingest", "--json", str(paths[0]), env=cli_env, timeout=180)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)[0]["new"] == 1
    partial = run_explorer("ingest", "--json", str(paths[0]), str(tmp_path / "nope.txt"), env=cli_env, timeout=180)
    assert partial.returncode == 1, partial.stderr
    assert "nope.txt" in partial.stderr
