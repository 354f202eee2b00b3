"""HTTP fetching against a real server on 127.0.0.1: retries, timeouts, caps, conditional requests."""

from __future__ import annotations

import time

import pytest
from httpd import TestServer, page

from explorer.sources.web import FetchError, FetchOptions, canonical_url, fetch, url_id

FAST = FetchOptions(timeout=0.5, deadline=5, retries=2, backoff=0.05)


@pytest.fixture
def server():
    s = TestServer().start()
    yield s
    s.stop()


def test_fetch_sends_user_agent_and_returns_body(server):
    url = server.add("/a", page("Title", ["Some text."]))
    result = fetch(url, FAST)
    assert result.status == 200 and b"Some text." in result.content
    assert result.content_type == "text/html"
    assert server.hits[0].headers["user-agent"].startswith("news-graph-explorer/")


def test_conditional_request_with_etag_and_last_modified(server):
    url = server.add("/feed", "<rss/>", etag='"v1"', last_modified="Tue, 02 May 2024 10:00:00 GMT")
    first = fetch(url, FAST)
    assert first.etag == '"v1"' and first.last_modified
    again = fetch(url, FAST, etag=first.etag)
    assert again.not_modified and again.content == b""
    assert server.hits[-1].headers["if-none-match"] == '"v1"'
    by_date = fetch(url, FAST, last_modified=first.last_modified)
    assert by_date.not_modified


def test_server_errors_are_retried_with_backoff_then_reported(server):
    url = server.add("/500", "boom", status=500)
    with pytest.raises(FetchError) as caught:
        fetch(url, FAST)
    assert caught.value.status == 500 and "after 3 attempts" in str(caught.value)
    assert len(server.hits_for("/500")) == 3


def test_a_transient_failure_recovers(server):
    url = server.add("/flaky", "fine", fail_times=2, fail_status=503)
    result = fetch(url, FAST)
    assert result.content == b"fine" and result.attempts == 3


def test_client_errors_are_not_retried(server):
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/missing"), FAST)
    assert caught.value.status == 404
    assert len(server.hits_for("/missing")) == 1


def test_slow_endpoint_times_out(server):
    url = server.add("/slow", "late", delay=2)
    began = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, FetchOptions(timeout=0.3, retries=1, backoff=0.05))
    assert time.monotonic() - began < 1.9


def test_size_cap(server):
    url = server.add("/big", b"x" * 5000)
    with pytest.raises(FetchError, match="too large"):
        fetch(url, FetchOptions(max_bytes=1000))


def test_only_http_urls():
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")


def test_unreachable_port_is_a_fetch_error():
    from explorer.local_neo4j import free_port

    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{free_port()}/x", FetchOptions(retries=1, backoff=0.01))


def test_canonical_url_and_ids_are_stable():
    a = "HTTPS://Example.com:443/news/a?id=7&utm_source=rss&at_medium=RSS#top"
    assert canonical_url(a) == "https://example.com/news/a?id=7"
    assert url_id(a) == url_id("https://example.com/news/a?id=7")
    assert url_id(a).startswith("url:") and len(url_id(a)) == 4 + 16
    assert url_id("https://example.com/news/b") != url_id(a)
