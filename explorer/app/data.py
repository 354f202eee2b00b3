"""Cached data access for the pages: one driver per process, short-lived query caches."""

from __future__ import annotations

import neo4j
import streamlit as st

from explorer.config import load_settings
from explorer.errors import ExplorerError
from explorer.graph import reader
from explorer.graph.connection import connect


@st.cache_resource(show_spinner=False)
def _driver() -> tuple[neo4j.Driver, str, str]:
    driver, settings = connect(load_settings(secrets=st.secrets))
    return driver, settings.database, settings.uri


def driver_or_banner() -> tuple[neo4j.Driver, str] | None:
    """The cached driver, or None after showing a clear banner (no stack trace)."""
    try:
        driver, database, _ = _driver()
        return driver, database
    except ExplorerError as exc:
        st.error(f"Neo4j is not available. {exc}", icon=":material/database:")
        return None


@st.cache_data(ttl=30, show_spinner=False)
def graph_stats() -> dict:
    driver, database, _ = _driver()
    return reader.stats(driver, database)
