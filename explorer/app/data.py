"""Cached data access for the pages: one driver per process, short-lived query caches.

Pages call these functions and never hold Cypher. Results are plain data (dicts, lists),
cached for a short while with their arguments (the view filters included) as the key.
When Neo4j is unreachable the page shows a banner and stops, never a stack trace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
import neo4j.exceptions
import streamlit as st

from explorer.config import load_settings
from explorer.errors import DatabaseUnavailable, ExplorerError, QueryFailed, QueryRefused
from explorer.graph import reader, views
from explorer.graph.connection import connect
from explorer.graph.views import View, ViewFilters

TTL = 60  # seconds a query result is reused
T = TypeVar("T")


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
        banner(exc)
        return None


def banner(exc: Exception) -> None:
    st.error(f"Neo4j is not available. {exc}", icon=":material/database:")


def guarded(fn: Callable[..., T], *args, **kwargs) -> T:
    """Call a data function; if the database is gone, show the banner and stop the page."""
    try:
        return fn(*args, **kwargs)
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as exc:
        _driver.clear()
        uri = "Neo4j"
        banner(DatabaseUnavailable(uri, f"connection lost ({type(exc).__name__})"))
    except (QueryRefused, QueryFailed):
        raise  # the caller shows these: they are about the query, not the database
    except ExplorerError as exc:
        banner(exc)
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises


def _db() -> tuple[neo4j.Driver, str]:
    driver, database, _ = _driver()
    return driver, database


@st.cache_data(ttl=30, show_spinner=False)
def graph_stats() -> dict:
    return reader.stats(*_db())


@st.cache_data(ttl=TTL, show_spinner=False)
def view(filters: ViewFilters) -> View:
    return views.build_view(*_db(), filters)


@st.cache_data(ttl=TTL, show_spinner=False)
def filter_options() -> dict[str, Any]:
    return views.filter_options(*_db())


@st.cache_data(ttl=TTL, show_spinner=False)
def search(text: str, limit: int = 20) -> list[dict]:
    return views.search_entities(*_db(), text, limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def names(ids: tuple[str, ...]) -> dict[str, str]:
    """Entity id -> canonical name (for widget labels)."""
    found = views.entities_by_id(*_db(), list(ids)) if ids else {}
    return {i: found[i]["name"] for i in ids if i in found}


@st.cache_data(ttl=TTL, show_spinner=False)
def details(entity_id: str) -> dict | None:
    return views.entity_details(*_db(), entity_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def paths(source: str, target: str, predicates: tuple[str, ...], max_length: int) -> View:
    return views.shortest_paths(*_db(), source, target, predicates, max_length)


@st.cache_data(ttl=TTL, show_spinner=False)
def timeline(predicates: tuple[str, ...] = ()) -> list[dict]:
    return views.timeline(*_db(), predicates)


@st.cache_data(ttl=TTL, show_spinner=False)
def articles() -> list[dict]:
    return views.articles(*_db())


@st.cache_data(ttl=TTL, show_spinner=False)
def article(article_id: str) -> dict | None:
    return views.article(*_db(), article_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def articles_by_id(ids: tuple[str, ...]) -> dict[str, dict]:
    return views.articles_by_id(*_db(), list(ids))


def run_query(text: str, params: dict[str, Any], max_rows: int = 1000, timeout: float = 15.0) -> reader.QueryResult:
    """A user's Cypher, read-only (raises QueryRefused / QueryFailed); never cached."""
    return reader.run_read_only(*_db(), text, params, timeout=timeout, max_rows=max_rows)
