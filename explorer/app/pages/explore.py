"""Explore: the filtered network, a node's details, exports. Filters live in the URL."""

from __future__ import annotations

from datetime import date

import streamlit as st

from explorer.app import data, widgets
from explorer.graph.views import DEFAULT_CAP, DEFAULT_EDGE_CAP, MAX_CAP, MAX_DEPTH, MAX_EDGE_CAP, ViewFilters
from explorer.ontology import ENTITY_TYPES, MODALITIES, PREDICATES

st.title("Explore the news graph")
if not data.driver_or_banner():
    st.stop()

# Sidebar widget key -> ViewFilters field: one table for both directions.
WIDGET_FIELDS = {
    "f_types": "types",
    "f_preds": "predicates",
    "f_focus": "focus",
    "f_depth": "depth",
    "f_countries": "countries",
    "f_from": "date_from",
    "f_to": "date_to",
    "f_sources": "sources",
    "f_min": "min_support",
    "f_modalities": "modalities",
    "f_hide": "hide_isolated",
    "f_cap": "cap",
    "f_edges": "edge_cap",
    "f_size": "size_by",
}
WIDGETS = tuple(WIDGET_FIELDS)


def url_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _as_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def set_widgets(f: ViewFilters) -> None:
    values = {key: getattr(f, name) for key, name in WIDGET_FIELDS.items()}
    st.session_state.update({key: list(v) if isinstance(v, tuple) else v for key, v in values.items()})
    st.session_state.update(f_from=_as_date(f.date_from), f_to=_as_date(f.date_to))
    st.session_state.f_expand = list(f.expand)


# The URL decides on the first visit (a shared link) and whenever it was changed from
# outside (a link from another page); otherwise the widgets do. Widget values vanish when
# another page runs, so the last filters are kept aside as well.
current_url = url_params()
if "filters" not in st.session_state or (current_url and current_url != st.session_state.get("url_written")):
    st.session_state.filters = ViewFilters.from_query(current_url)
    st.session_state.selected = (current_url.get("node") or [None])[-1]
    set_widgets(st.session_state.filters)
    st.session_state.url_written = current_url
if any(k not in st.session_state for k in WIDGETS):
    set_widgets(st.session_state.filters)
st.session_state.setdefault("f_expand", [])


def focus_on(entity_id: str) -> None:
    st.session_state.f_focus = [entity_id]
    st.session_state.f_expand = []
    st.session_state.selected = entity_id


def expand(entity_id: str) -> None:
    if entity_id not in st.session_state.f_expand:
        st.session_state.f_expand = [*st.session_state.f_expand, entity_id]
    st.session_state.selected = entity_id


def select(entity_id: str) -> None:
    st.session_state.selected = entity_id
    st.session_state.f_node = entity_id


def reset() -> None:
    set_widgets(ViewFilters())
    st.session_state.f_search = ""
    st.session_state.selected = None


options = data.guarded(data.filter_options)
countries = {c["id"]: c["name"] for c in options["countries"]}

with st.sidebar:
    st.header("Filters")
    st.multiselect("Entity types", ENTITY_TYPES, key="f_types", placeholder="all types")
    st.multiselect(
        "Predicates",
        list(PREDICATES),
        key="f_preds",
        placeholder="all predicates",
        format_func=lambda p: f"{p} ({widgets.tone_label(p)})",
    )
    search = st.text_input("Find entities (name or alias)", key="f_search", placeholder="e.g. Japan, Xi, G7")
    hits = data.guarded(data.search, search) if search.strip() else []
    focus_ids = list(dict.fromkeys([*st.session_state.f_focus, *(h["id"] for h in hits)]))
    labels = data.guarded(data.names, tuple(focus_ids))
    st.multiselect(
        "Focus entities",
        focus_ids,
        key="f_focus",
        format_func=lambda i: labels.get(i, i),
        placeholder="search above, then pick",
        help="Show only the neighbourhood of these entities.",
    )
    st.slider("Neighbourhood depth", 1, MAX_DEPTH, key="f_depth", disabled=not st.session_state.f_focus)
    for cid in st.session_state.f_countries:
        countries.setdefault(cid, cid)
    st.multiselect(
        "Countries",
        list(countries),
        key="f_countries",
        format_func=lambda i: countries.get(i, i),
        placeholder="any country",
        help="Facts involving these countries or people, places and organisations tied to them.",
    )
    first, last = _as_date(options["first"]), _as_date(options["last"])
    c1, c2 = st.columns(2)
    c1.date_input("From", key="f_from", min_value=first, max_value=last, format="YYYY-MM-DD")
    c2.date_input("To", key="f_to", min_value=first, max_value=last, format="YYYY-MM-DD")
    sources = sorted(set(options["sources"]) | set(st.session_state.f_sources))
    st.multiselect("Sources", sources, key="f_sources", placeholder="any source")
    st.multiselect("Modality", MODALITIES, key="f_modalities", placeholder="any modality")
    st.number_input("Minimum supporting articles", min_value=1, max_value=1000, step=1, key="f_min")
    st.checkbox("Hide isolated entities", key="f_hide")
    c3, c4 = st.columns(2)
    c3.number_input("Node cap", min_value=1, max_value=MAX_CAP, step=50, key="f_cap")
    c4.number_input(
        "Edge cap",
        min_value=1,
        max_value=MAX_EDGE_CAP,
        step=250,
        key="f_edges",
        help="At most this many facts are drawn, the best supported first.",
    )
    st.radio("Node size by", ["degree", "mentions"], key="f_size", horizontal=True)
    if st.session_state.f_expand:
        names = data.guarded(data.names, tuple(st.session_state.f_expand))
        st.caption("Expanded: " + ", ".join(widgets.md(names.get(i, i)) for i in st.session_state.f_expand))
        st.button("Clear expanded", on_click=lambda: st.session_state.update(f_expand=[]))
    st.button("Reset filters", on_click=reset, icon=":material/restart_alt:")

ss = st.session_state
values = {name: tuple(ss[key]) if isinstance(ss[key], list) else ss[key] for key, name in WIDGET_FIELDS.items()}
filters = ViewFilters(
    **{**values, "cap": ss.f_cap or DEFAULT_CAP, "edge_cap": ss.f_edges or DEFAULT_EDGE_CAP},
    expand=tuple(ss.f_expand),
)
st.session_state.filters = filters

view = data.guarded(data.view, filters)


def write_url(selected: str | None) -> None:
    wanted = {**filters.to_query(), **({"node": selected} if selected else {})}
    wanted = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if url_params() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state.url_written = wanted


write_url(ss.get("selected"))

if view.missing_focus:
    st.warning("Not in the graph: " + ", ".join(widgets.md(i) for i in view.missing_focus))
message = view.message(filters.cap, filters.edge_cap)
if message:
    st.warning(message, icon=":material/filter_alt:")
st.caption(
    f"{len(view.nodes):,} entities · {len(view.edges):,} facts"
    + (f" · focus: {', '.join(widgets.md(labels.get(i, i)) for i in filters.focus)}" if filters.focus else "")
    + " · click a node for its evidence"
)
if not view.nodes:
    st.info("No entity matches these filters. Loosen them, or reset.")

widgets.network(
    view.nodes,
    view.edges,
    key="network",
    size_by=filters.size_by,
    selected=ss.get("selected"),
    on_select=select,
)

names_in_view = {n["id"]: f"{n['name']} ({n['type']})" for n in view.nodes}
choices = sorted(names_in_view, key=lambda i: names_in_view[i].casefold())
if ss.get("selected") and ss.selected not in names_in_view:
    extra = data.guarded(data.names, (ss.selected,))
    if ss.selected in extra:
        names_in_view[ss.selected] = extra[ss.selected]
        choices.insert(0, ss.selected)
if ss.get("f_node") not in choices:
    ss.f_node = ss.get("selected") if ss.get("selected") in choices else None
picked = st.selectbox(
    "Selected entity",
    choices,
    key="f_node",
    format_func=lambda i: names_in_view.get(i, i),
    placeholder="click a node, or type a name",
)
if picked != ss.get("selected"):
    ss.selected = picked
    write_url(picked)

if ss.get("selected"):
    widgets.details_panel(ss.selected, on_focus=focus_on, on_expand=expand, key="explore-details")

with st.expander("Export this view", icon=":material/download:"):
    widgets.export_buttons(view, filters.size_by, key="explore-export")
