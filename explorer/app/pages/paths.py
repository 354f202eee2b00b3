"""Paths: how is one entity connected to another? All shortest paths, drawn like Explore."""

from __future__ import annotations

import streamlit as st

from explorer.app import data, widgets
from explorer.ontology import PREDICATES

st.title("How are they connected?")
if not data.driver_or_banner():
    st.stop()

c1, c2 = st.columns(2)
with c1:
    source = widgets.entity_picker("From", key="path-from")
with c2:
    target = widgets.entity_picker("To", key="path-to")
c3, c4 = st.columns([3, 1])
predicates = c3.multiselect(
    "Only over these predicates",
    list(PREDICATES),
    key="path-preds",
    placeholder="any predicate",
    format_func=lambda p: f"{p} ({widgets.tone_label(p)})",
)
max_length = c4.slider("Up to hops", 1, 6, 4, key="path-max")

if not source or not target:
    st.info("Pick two entities to see every shortest path between them.")
    st.stop()
if source == target:
    st.info("Pick two different entities.")
    st.stop()

view = data.guarded(data.paths, source, target, tuple(predicates), max_length)
if not view.edges:
    st.warning(f"No path of at most {max_length} hops between them over the chosen predicates.")
    st.stop()

names = {n["id"]: n["name"] for n in view.nodes}
hops = {}
for e in view.edges:
    hops.setdefault(frozenset((e["source"], e["target"])), []).append(e)
st.caption(f"{len(view.nodes)} entities · {len(view.edges)} facts on the shortest paths · click a node for details")


def select(entity_id: str) -> None:
    st.session_state["path-selected"] = entity_id


widgets.network(view.nodes, view.edges, key="path-network", height=480, on_select=select)

rows = [
    {
        "fact": f"{names.get(e['source'], e['source'])} {e['predicate']} {names.get(e['target'], e['target'])}",
        "tone": widgets.tone_label(e["predicate"]),
        "articles": e["support"],
        "evidence": " | ".join(ev["evidence"] for ev in e["evidence"][:3]),
    }
    for e in view.edges
]
st.dataframe(rows, hide_index=True, width="stretch", key="path-facts")
selected = st.session_state.get("path-selected")
if selected in names:
    widgets.details_panel(selected, key="path-details")
with st.expander("Export these paths", icon=":material/download:"):
    widgets.export_buttons(view, key="path-export")
