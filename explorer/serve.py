"""`make run` / `explorer serve`: local Neo4j (unless NEO4J_URI), the sample, the web app.

Ctrl-C (or SIGTERM) stops everything this started, in reverse order.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from explorer import local_neo4j
from explorer.config import LOCAL_DIR, load_settings
from explorer.graph.connection import connect
from explorer.graph.schema import apply_schema

log = logging.getLogger(__name__)
APP_ENTRY = Path(__file__).resolve().parent / "app" / "main.py"
SAMPLE_DIR = Path(__file__).resolve().parent / "sample"


def load_bundled_sample(driver, database: str) -> str:
    """Ingest the bundled sample article text (explorer/sample/*.txt), so its text is in the
    graph too; idempotent: an unchanged sample is skipped on its content hash."""
    from explorer.ingest import ingest

    texts = sorted(SAMPLE_DIR.glob("*.txt"))
    results = ingest(driver, database, [str(p) for p in texts], source_name="sample")
    counts = {k: sum(r.count(k) for r in results) for k in ("new", "changed", "unchanged", "failed")}
    return "sample: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n) + f" article(s) from {SAMPLE_DIR}"


def streamlit_command(port: int, address: str, headless: bool) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_ENTRY),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true" if headless else "false",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def serve(app_port: int = 8501, address: str = "127.0.0.1", load_sample: bool = True, headless: bool = True) -> int:
    server = None
    env = dict(os.environ)
    if not env.get("NEO4J_URI"):
        state = local_neo4j.read_state()
        if state:
            log.info("using the running local Neo4j on port %s", state["port"])
        else:
            server = local_neo4j.start(LOCAL_DIR / "data", 7687)
            local_neo4j.write_state(server)
    app = None
    try:
        driver, settings = connect(load_settings(env))
        try:
            apply_schema(driver, settings.database)
            if load_sample:
                log.info(load_bundled_sample(driver, settings.database))
        finally:
            driver.close()
        port = local_neo4j.free_port(app_port)
        if port != app_port:
            log.warning("port %d is taken; the app uses port %d", app_port, port)
        log.info("app on http://%s:%d (Ctrl-C stops everything)", address, port)
        app = subprocess.Popen(streamlit_command(port, address, headless), env=env)
        signal.signal(signal.SIGTERM, lambda *_: app.send_signal(signal.SIGINT))
        return app.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if app and app.poll() is None:
            app.send_signal(signal.SIGINT)
            try:
                app.wait(15)
            except subprocess.TimeoutExpired:
                app.kill()
        if server:
            log.info("stopping the local Neo4j")
            server.stop()
            local_neo4j.local_state_file().unlink(missing_ok=True)
