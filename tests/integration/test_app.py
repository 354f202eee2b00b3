"""Page logic with Streamlit's AppTest against the real Neo4j (the browser tests see the rest)."""

from __future__ import annotations

import pytest
import streamlit as st
from app_world import eid, load_world
from streamlit.testing.v1 import AppTest

from explorer.config import PROJECT_ROOT

pytestmark = pytest.mark.integration
MAIN = str(PROJECT_ROOT / "explorer" / "app" / "main.py")
KISHIDA, JAPAN = eid("Person", "Fumio Kishida"), eid("Country", "Japan")


@pytest.fixture(scope="module")
def world(driver, settings):
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    load_world(driver, settings.database)
    return driver, settings.database


@pytest.fixture
def app_env(world, settings, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USER", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def run(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(MAIN, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def qp(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key)
    return [] if value is None else list(value) if isinstance(value, list | tuple) else [value]


def table(at: AppTest, column: str):
    """The last dataframe with this column (dataframe keys are not addressable in AppTest)."""
    for frame in reversed(list(at.dataframe)):
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a {column!r} column")


def captions(at: AppTest) -> str:
    return " | ".join(c.value for c in at.caption)


def test_explore_shows_the_whole_graph(app_env):
    at = run()
    assert "16 entities · 25 facts" in captions(at)
    assert not at.warning and not at.error


def test_filters_come_from_the_url(app_env):
    at = run(query={"type": ["Person"], "node": KISHIDA})
    assert "4 entities · 3 facts" in captions(at)
    assert at.multiselect(key="f_types").value == ["Person"]
    assert at.selectbox(key="f_node").value == KISHIDA
    assert any("Offices held" in m.value for m in at.markdown)


def test_a_link_from_another_page_replaces_the_filters(app_env):
    at = run()
    at.multiselect(key="f_preds").set_value(["MET_WITH"]).run()
    at.query_params.clear()
    at.query_params["from"] = "2024-03-10"  # e.g. Timeline's "Open this window in Explore"
    at.run()
    assert at.multiselect(key="f_preds").value == []
    assert str(at.date_input(key="f_from").value) == "2024-03-10"
    assert "13 entities" in captions(at)


def test_a_filter_change_updates_view_and_url(app_env):
    at = run()
    at.multiselect(key="f_preds").set_value(["MET_WITH"]).run()
    assert "4 entities · 2 facts" in captions(at)
    assert qp(at, "pred") == ["MET_WITH"]
    at.number_input(key="f_min").set_value(2).run()
    assert "2 entities · 1 facts" in captions(at)
    assert qp(at, "min") == ["2"]


def test_node_cap_message(app_env):
    at = run()
    at.number_input(key="f_cap").set_value(3).run()
    assert "3 entities" in captions(at)
    assert any("More than 3 entities match these filters" in w.value for w in at.warning)


def test_selecting_a_node_shows_its_evidence_and_focus_button(app_env):
    at = run()
    at.selectbox(key="f_node").set_value(KISHIDA).run()
    text = " ".join(m.value for m in at.markdown)
    assert "Fumio Kishida" in " ".join(s.value for s in at.subheader)
    assert "Prime Minister of Japan" in text
    facts = table(at, "evidence")
    assert "Leaders meet again" in set(facts["article"])
    assert qp(at, "node") == [KISHIDA]
    at.button(key="explore-details-focus").click().run()
    assert at.multiselect(key="f_focus").value == [KISHIDA]
    assert "4 entities" in captions(at)  # Kishida, Albanese, Japan, Kyiv
    at.button(key="explore-details-expand").click().run()
    assert "focus: Fumio Kishida" in captions(at)


def test_search_feeds_the_focus_list(app_env):
    at = run()
    at.text_input(key="f_search").input("japan").run()
    assert JAPAN in at.multiselect(key="f_focus").options or "Japan" in at.multiselect(key="f_focus").options
    at.multiselect(key="f_focus").set_value([JAPAN]).run()
    assert "5 entities" in captions(at)
    at.slider(key="f_depth").set_value(2).run()
    assert "11 entities" in captions(at)


def test_database_down_shows_a_banner(app_env, monkeypatch):
    from explorer.local_neo4j import free_port

    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    st.cache_resource.clear()
    at = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not at.exception
    assert any("Neo4j is not available" in e.value for e in at.error)


def test_console_refuses_writes_and_runs_reads(app_env):
    at = run("pages/console.py")
    at.text_area(key="inline-text").input("MATCH (n) DETACH DELETE n")
    form_buttons = [b for b in at.get("button") if "Run query" in str(getattr(b, "label", ""))]
    assert form_buttons, "the Run query button is missing"
    form_buttons[0].click().run()
    assert any("refused" in e.value for e in at.error)
    at.text_area(key="inline-text").input("MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    form_buttons = [b for b in at.get("button") if "Run query" in str(getattr(b, "label", ""))]
    form_buttons[0].click().run()
    assert not at.error
    assert list(table(at, "name")["name"])[:2] == ["Anthony Albanese", "Fumio Kishida"]
    at.text_area(key="inline-text").input("MATCH (n RETURN n")
    form_buttons = [b for b in at.get("button") if "Run query" in str(getattr(b, "label", ""))]
    form_buttons[0].click().run()
    assert any("database refused" in e.value for e in at.error)
    assert not at.exception


def test_console_runs_a_saved_query_with_its_form(app_env):
    at = run("pages/console.py")
    at.selectbox(key="saved-name").set_value("memberships").run()
    at.text_input(key="saved-param-memberships-country").input("Japan")
    run_buttons = [b for b in at.get("button") if "Run saved query" in str(getattr(b, "label", ""))]
    run_buttons[0].click().run()
    assert set(table(at, "organisation")["organisation"]) == {"Quad", "Group of Seven"}


def test_articles_page_highlights_evidence(app_env):
    at = run("pages/articles.py")
    assert len(table(at, "source")) == 5
    at.selectbox(key="article-pick").set_value("a1-tokyo-talks").run()
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert html.count("<mark") == 3  # three distinct evidence sentences in the text
    at.selectbox(key="article-pick").set_value("a5-tokyo-followup").run()
    assert any("facts only" in i.value for i in at.info)


def test_paths_page(app_env):
    at = run("pages/paths.py")
    at.text_input(key="path-from-q").input("australia").run()
    at.text_input(key="path-to-q").input("russia").run()
    assert "3 entities · 4 facts" in captions(at)
    facts = table(at, "fact")
    assert any("TRADES_WITH" in f for f in facts["fact"])


def test_timeline_page(app_env):
    at = run("pages/timeline.py")
    assert not at.error
    assert "facts stated between 2024-03-04 and 2024-04-02" in captions(at)


def test_overview_page(app_env):
    at = run("pages/overview.py")
    assert [m.value for m in at.metric][-1] in (5, "5")
