"""The "Add articles" page (AppTest) against the real Neo4j and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest
import streamlit as st
from httpd import page
from newsdata import ARTICLES, write_folder
from streamlit.testing.v1 import AppTest

from explorer.config import PROJECT_ROOT

MAIN = str(PROJECT_ROOT / "explorer" / "app" / "main.py")


@pytest.fixture
def page_env(db, settings, tmp_path, monkeypatch):
    write_folder(tmp_path / "exports", ["kishida-modi", "scholz-biden"])
    (tmp_path / "sources.toml").write_text('[sources.exports]\ntype = "folder"\nlocation = "exports"\n')
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USER", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("EXPLORER_SOURCES", str(tmp_path / "sources.toml"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page() -> AppTest:
    at = AppTest.from_file(MAIN, default_timeout=120)
    at.run()
    at.switch_page("pages/ingest.py").run()
    assert not at.exception, at.exception
    return at


def test_refresh_from_the_page_shows_counts_results_and_runs(page_env):
    at = open_page()
    assert "No refresh has run yet." in [c.value for c in at.caption]
    at.button(key="refresh-now").click().run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["new"] == "2" and metrics["failed"] == "0"
    frames = [f.value for f in at.dataframe]
    results = next(f for f in frames if "status" in f.columns and "article" in f.columns)
    assert sorted(results["status"]) == ["new", "new"]
    runs = next(f for f in frames if "started" in f.columns)
    assert list(runs["status"]) == ["ok"]


def test_add_by_url(page_env, web):
    url = web.add("/news/a", page("Erdogan meets Stoltenberg", [ARTICLES["erdogan-stoltenberg"][1]]))
    at = open_page()
    at.text_input(key="add-url").input(url)
    at.button(key="add-url-submit").click().run()
    assert not at.exception, at.exception
    assert any("1 of 1 article(s) in the graph" in s.value for s in at.success)
    at.text_input(key="add-url").input(web.url("/news/missing"))
    at.button(key="add-url-submit").click().run()
    assert any("0 of 1" in e.value for e in at.error)
