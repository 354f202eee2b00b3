"""A real HTTP server on 127.0.0.1 for the source tests: feeds and article pages written
for the tests, with ETag / Last-Modified support, failures on purpose (404, 500, slow,
garbage) and a log of every request. Nothing here contacts any other address."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)
    fail_times: int = 0  # answer `fail_status` this many times first, then normally
    fail_status: int = 503


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int


class TestServer:
    __test__ = False  # not a test class

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path
                route = server.routes.get(path) or server.routes.get(path.split("?")[0])
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, body, extra = 404, b"not found", {"Content-Type": "text/plain"}
                if route is not None:
                    if route.delay:
                        time.sleep(route.delay)
                    if route.fail_times > 0:
                        route.fail_times -= 1
                        status, body = route.fail_status, b"try again"
                    elif (route.etag and headers.get("if-none-match") == route.etag) or (
                        route.last_modified and headers.get("if-modified-since") == route.last_modified
                    ):
                        status, body, extra = 304, b"", {}
                    else:
                        status, body = route.status, route.body
                        extra = {"Content-Type": route.content_type, **route.headers}
                    if route.etag:
                        extra["ETag"] = route.etag
                    if route.last_modified:
                        extra["Last-Modified"] = route.last_modified
                with server._lock:
                    server.hits.append(Hit(path, headers, status))
                try:
                    self.send_response(status)
                    for key, value in extra.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **kwargs: object) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)
        return self.url(path)

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def start(self) -> TestServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def http_date(ts: float | None = None) -> str:
    return formatdate(ts or time.time(), usegmt=True)


def page(title: str, paragraphs: list[str]) -> str:
    """An article page with the boilerplate a real site has around the text."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav></header>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer><p>Copyright The Test Gazette. All rights reserved.</p></footer>
</body></html>"""


def rss(title: str, items: list[dict[str, str]]) -> str:
    entries = []
    for item in items:
        parts = [f"<title>{item['title']}</title>"]
        if item.get("link"):
            parts.append(f"<link>{item['link']}</link>")
        if item.get("pubDate"):
            parts.append(f"<pubDate>{item['pubDate']}</pubDate>")
        permalink = "true" if item.get("link") and not item.get("guid") else "false"
        guid = item.get("guid") or item.get("link") or item["title"]
        parts.append(f'<guid isPermaLink="{permalink}">{guid}</guid>')
        entries.append("<item>" + "".join(parts) + "</item>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link>
<description>Test feed</description>
{"".join(entries)}
</channel></rss>"""


def atom(title: str, items: list[dict[str, str]]) -> str:
    entries = []
    for item in items:
        link = f'<link rel="alternate" href="{item["link"]}"/>' if item.get("link") else ""
        entries.append(
            f"<entry><title>{item['title']}</title>{link}<id>{item.get('id') or item['title']}</id>"
            f"<updated>{item.get('updated', '2024-05-02T10:00:00Z')}</updated></entry>"
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:test</id>
<updated>2024-05-02T10:00:00Z</updated>
{"".join(entries)}
</feed>"""
