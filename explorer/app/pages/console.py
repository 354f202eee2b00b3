"""Cypher console: read-only queries (inline or saved), results as a table and a graph."""

from __future__ import annotations

import json

import streamlit as st

from explorer.app import data, widgets
from explorer.errors import QueryFailed, QueryRefused
from explorer.graph import cypher
from explorer.graph.views import graph_from_records
from explorer.serialize import to_jsonable

st.title("Cypher console")
st.caption(
    "Read-only: a query runs only if the planner says it only reads, inside a read transaction, "
    "with a time limit and a row cap."
)
if not data.driver_or_banner():
    st.stop()

MAX_ROWS = 1000


def parse_value(raw: str):
    """A form value: JSON when it parses (numbers, lists, null), else the text itself."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def cell(value):
    value = to_jsonable(value)
    return (
        value if isinstance(value, str | int | float | bool) or value is None else json.dumps(value, ensure_ascii=False)
    )


def show_result(text: str, params: dict, key: str) -> None:
    try:
        result = data.guarded(data.run_query, text, params, MAX_ROWS)
    except QueryRefused as exc:
        st.error(str(exc), icon=":material/block:")
        return
    except QueryFailed as exc:
        st.error(f"The database refused the query: {exc}", icon=":material/error:")
        return
    note = f"{len(result.rows)} row(s)" + (f", capped at {MAX_ROWS}" if result.truncated else "")
    st.caption(note)
    st.dataframe(
        [dict(zip(result.columns, (cell(v) for v in row), strict=True)) for row in result.rows],
        hide_index=True,
        width="stretch",
        key=f"{key}-table",
    )
    graph = graph_from_records(result.records)
    if graph.nodes:
        st.caption(f"As a graph: {len(graph.nodes)} node(s), {len(graph.edges)} relationship(s)")
        widgets.network(graph.nodes, graph.edges, key=f"{key}-graph", height=460)


saved_tab, inline_tab = st.tabs(["Saved queries", "Write a query"])

with saved_tab:
    queries = {q.name.removeprefix("queries/"): q for q in cypher.list_queries()}
    if not queries:
        st.info("No saved queries under cypher/queries/.")
    else:
        name = st.selectbox("Saved query", list(queries), format_func=lambda n: queries[n].title, key="saved-name")
        query = queries[name]
        st.markdown(widgets.md(query.description) or "_no description_")
        st.caption(f"`explorer query {name}`")
        with st.form(key="saved-form"):
            values = {p: st.text_input(p, key=f"saved-param-{name}-{p}") for p in query.parameters}
            run_saved = st.form_submit_button("Run saved query", icon=":material/play_arrow:")
        with st.expander("Cypher"):
            st.code(query.text, language="cypher")
        if run_saved:
            show_result(query.text, {k: parse_value(v) for k, v in values.items()}, key="saved")

with inline_tab:
    with st.form(key="inline-form"):
        text = st.text_area(
            "Cypher",
            key="inline-text",
            height=160,
            placeholder="MATCH (p:Person)-[r:MET_WITH]-(q) RETURN p, r, q LIMIT 25",
        )
        raw_params = st.text_area("Parameters (JSON object)", key="inline-params", value="{}", height=68)
        run_inline = st.form_submit_button("Run query", icon=":material/play_arrow:")
    if run_inline:
        try:
            params = json.loads(raw_params or "{}")
            if not isinstance(params, dict):
                raise ValueError("parameters must be a JSON object")
        except (json.JSONDecodeError, ValueError) as exc:
            st.error(f"Parameters are not a JSON object: {exc}")
        else:
            show_result(text, params, key="inline")
