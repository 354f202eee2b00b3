"""Add an article (by URL or upload) and run a refresh, with progress and per-article results.

Widgets only: the work is done by plain functions in explorer.ingest and explorer.refresh.
"""

import pandas as pd
import streamlit as st

from explorer.app import data
from explorer.errors import ExplorerError
from explorer.graph import runs
from explorer.graph.runs import LockBusy
from explorer.ingest import ingest_uploaded, ingest_url
from explorer.refresh import refresh
from explorer.sources.config import load_sources, sources_path


def results_table(results) -> None:
    if not results:
        return
    frame = pd.DataFrame(
        [
            {
                "status": r.status,
                "article": r.title or r.id,
                "facts": r.facts,
                "source": r.source,
                "where": r.label,
                "error": r.error or "",
            }
            for r in results
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def clear_caches() -> None:
    st.cache_data.clear()  # counts and views on other pages show the new facts


st.title("Add articles & refresh")
connection = data.driver_or_banner()
if connection:
    driver, database = connection

    add_url, upload, run = st.tabs(["Add by URL", "Upload a file", "Refresh sources"])

    with add_url:
        with st.form("add-url"):
            url = st.text_input("Article or feed URL", placeholder="https://www.example.org/news/...", key="add-url")
            submitted = st.form_submit_button("Add", key="add-url-submit")
        if submitted and url.strip():
            with st.spinner("Fetching and extracting..."):
                results = ingest_url(driver, database, url.strip())
            landed = [r for r in results if r.status != "failed"]
            (st.success if landed else st.error)(f"{len(landed)} of {len(results)} article(s) in the graph")
            results_table(results)
            clear_caches()

    with upload:
        files = st.file_uploader(
            "Article files (.txt, .md, .html)", type=["txt", "md", "html", "htm"], accept_multiple_files=True
        )
        if files and st.button("Add the files", key="add-files"):
            bar = st.progress(0.0, text="Extracting...")
            results = []
            for n, file in enumerate(files, 1):
                results.append(ingest_uploaded(driver, database, file.name, file.getvalue()))
                bar.progress(n / len(files), text=f"{n} of {len(files)}: {file.name}")
            results_table(results)
            clear_caches()

    with run:
        path = sources_path()
        try:
            configured = load_sources(path)
        except ExplorerError as exc:
            configured = None
            st.info(f"{exc}", icon=":material/info:")
        if configured:
            st.caption(f"{len(configured.sources)} source(s) in {path}")
            if st.button("Refresh now", type="primary", key="refresh-now"):
                bar = st.progress(0.0, text="Starting...")
                results = []
                names = [s.name for s in configured.sources if s.enabled]

                def on_progress(event) -> None:
                    position = names.index(event.source) if event.source in names else 0
                    within = (event.done / event.total) if event.total else 0.0
                    fraction = min(1.0, (position + within) / max(1, len(names)))
                    label = f"{event.source}: {event.done}/{event.total or '?'}"
                    if event.result is not None:
                        results.append(event.result)
                        label += f" - {event.result.status} {event.result.title or event.result.id}"
                    bar.progress(fraction, text=label)

                try:
                    summary = refresh(driver, database, configured.select(None), on_progress=on_progress)
                except LockBusy as exc:
                    st.warning(str(exc))
                else:
                    bar.progress(1.0, text=f"Done: {summary.status}")
                    t = summary.totals
                    cols = st.columns(5)
                    for col, key in zip(cols, ("new", "changed", "unchanged", "failed", "pruned"), strict=True):
                        col.metric(key, t[key])
                    for error in summary.errors[:20]:
                        st.error(error)
                    results_table([r for r in results if r.status != "unchanged"])
                    clear_caches()

        st.subheader("Recent runs")
        recent = runs.recent_runs(driver, database, limit=10)
        if recent:
            st.dataframe(
                pd.DataFrame(recent).drop(columns=["summary"], errors="ignore"), hide_index=True, width="stretch"
            )
            since = st.selectbox("What's new since run", [r["started"] for r in recent if r["started"]], key="since")
            if since:
                st.dataframe(pd.DataFrame(runs.articles_since(driver, database, since)), hide_index=True)
        else:
            st.caption("No refresh has run yet.")
