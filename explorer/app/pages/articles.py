"""Articles: what was ingested, and one article's text with its extracted facts highlighted."""

from __future__ import annotations

import streamlit as st

from explorer import viz
from explorer.app import data, widgets

st.title("Articles")
if not data.driver_or_banner():
    st.stop()

rows = data.guarded(data.articles)
if not rows:
    st.info("No articles in the graph yet.")
    st.stop()

st.dataframe(
    [
        {
            "title": r["title"] or r["id"],
            "date": r["published"] or "",
            "source": r["source"] or "",
            "facts": r["facts"],
            "text": "yes" if r["has_text"] else "no",
            "link": widgets.safe_url(r["url"]),
        }
        for r in rows
    ],
    hide_index=True,
    width="stretch",
    key="articles-table",
    column_config={"link": st.column_config.LinkColumn("link", display_text="open")},
)

titles = {r["id"]: f"{r['published'] or '—'} · {r['title'] or r['id']}" for r in rows}
chosen = st.selectbox("Read an article", list(titles), format_func=lambda i: titles[i], key="article-pick")
item = data.guarded(data.article, chosen) if chosen else None
if item:
    st.subheader(widgets.md(item["title"] or item["id"]))
    meta = [widgets.md(x) for x in (item["published"], item["source"]) if x]
    st.markdown(" · ".join(meta) + f" · {item['facts']} fact(s)")
    url = widgets.safe_url(item["url"])
    if url:
        st.link_button("Open the original", url, icon=":material/open_in_new:")
    if item["text"]:
        located = [e for e in item["evidence"] if e["start"] is not None and e["start"] >= 0]
        st.caption(f"{len(located)} of {len(item['evidence'])} evidence sentence(s) located in the text")
        st.html(viz.highlight_evidence(item["text"], item["evidence"]))
    else:
        st.info("This article was loaded as facts only: its text is not in the graph.")
    st.dataframe(
        [
            {"fact": f"{e['subject']} {e['predicate']} {e['object']}", "modality": e["modality"],
             "evidence": e["evidence"]}
            for e in item["evidence"]
        ],
        hide_index=True,
        width="stretch",
        key="article-facts",
    )  # fmt: skip
