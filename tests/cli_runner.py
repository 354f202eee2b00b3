"""The CLI as a user runs it: `python -m explorer ARGS` in a subprocess (integration tests)."""

from __future__ import annotations

import subprocess
import sys


def run_explorer(*args: str, env: dict, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args], env=env, capture_output=True, text=True, input=stdin, timeout=timeout
    )
