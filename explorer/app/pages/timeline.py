"""Timeline: facts per day or week by tone, and the graph of a date window."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from explorer import viz
from explorer.app import data, widgets
from explorer.graph.views import ViewFilters
from explorer.ontology import PREDICATES, TONE_NAMES

st.title("Timeline")
if not data.driver_or_banner():
    st.stop()

c1, c2 = st.columns([1, 3])
grain = c1.radio("Per", ["week", "day"], horizontal=True, key="tl-grain")
predicates = c2.multiselect("Predicates", list(PREDICATES), key="tl-preds", placeholder="all predicates")
rows = data.guarded(data.timeline, tuple(predicates))
if not rows:
    st.info("No dated facts in the graph yet.")
    st.stop()

frame = pd.DataFrame(rows)
frame["day"] = pd.to_datetime(frame["day"], errors="coerce")
frame = frame.dropna(subset=["day"])
if grain == "week":
    frame["period"] = frame["day"].dt.to_period("W-SUN").dt.start_time
else:
    frame["period"] = frame["day"]
tones = [TONE_NAMES[t] for t in (1, -1, 0)]
chart = frame.pivot_table(index="period", columns="tone", values="facts", aggfunc="sum", fill_value=0)
chart = chart.reindex(columns=tones, fill_value=0)
st.bar_chart(
    chart,
    color=[viz.TONE_COLOURS[t] for t in (1, -1, 0)],
    x_label=f"{grain} (article date)",
    y_label="evidence sentences",
)

first, last = frame["day"].min().date(), frame["day"].max().date()
if first == last:
    last = first + timedelta(days=1)
window = st.slider("Date window", min_value=first, max_value=last, value=(first, last), key="tl-window")
start, end = window if isinstance(window, tuple) else (window, window)
filters = ViewFilters(predicates=tuple(predicates), date_from=start, date_to=end)
view = data.guarded(data.view, filters)
msg = view.message(filters.cap, filters.edge_cap)
if msg:
    st.warning(msg)
st.caption(f"{len(view.nodes)} entities · {len(view.edges)} facts stated between {start} and {end}")
widgets.network(view.nodes, view.edges, key="tl-network", height=520)
st.page_link(
    "pages/explore.py",
    label="Open this window in Explore",
    icon=":material/hub:",
    query_params=filters.to_query(),
)
