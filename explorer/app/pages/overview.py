"""Overview: what the graph holds."""

import streamlit as st

from explorer.app import data

st.title("News knowledge graph")
if data.driver_or_banner():
    counts = data.guarded(data.graph_stats)
    cols = st.columns(max(1, len(counts["labels"])))
    for col, (name, count) in zip(cols, counts["labels"].items(), strict=False):
        col.metric(name, count)
    st.subheader("Facts by predicate")
    st.bar_chart(counts["types"], horizontal=True)
