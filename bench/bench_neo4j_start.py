"""Prints the local Neo4j's start time (launch -> Bolt accepts connections -> first query).

.venv/bin/python bench/bench_neo4j_start.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from explorer import local_neo4j
from explorer.config import Settings
from explorer.graph.connection import connect


def main(runs: int = 3) -> None:
    local_neo4j.build()
    ready, first_query = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            began = time.monotonic()
            server = local_neo4j.start(Path(tmp), port=None)
            ready.append(server.started_in)
            driver, _ = connect(Settings(uri=server.uri))
            first_query.append(time.monotonic() - began)
            driver.close()
            server.stop()
    print(
        f"local Neo4j start (fresh data dir, {runs} runs): ready line median {statistics.median(ready):.2f}s, "
        f"first query answered median {statistics.median(first_query):.2f}s (min {min(first_query):.2f}s)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
