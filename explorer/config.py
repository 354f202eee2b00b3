"""Connection settings: environment first, then Streamlit secrets, then the local Neo4j.

With no NEO4J_URI the project's own Neo4j (see `explorer.local_neo4j`) is used; its
address is read from the state file that its starter writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCAL_DIR = Path(os.environ.get("EXPLORER_LOCAL_DIR", PROJECT_ROOT / ".neo4j-local"))
CYPHER_DIR = PROJECT_ROOT / "cypher"
KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)  # never printed
    database: str = "neo4j"
    local: bool = False

    def __str__(self) -> str:
        return f"{self.uri} (database {self.database}, user {self.user})"


def local_state_file(local_dir: Path | None = None) -> Path:
    return (local_dir or LOCAL_DIR) / "state.json"


def load_settings(env: Mapping[str, str] | None = None, secrets: Mapping[str, object] | None = None) -> Settings:
    """Resolve settings; `secrets` is Streamlit's st.secrets (or any mapping) for the app."""
    env = os.environ if env is None else env
    merged: dict[str, str] = {}
    for key in KEYS:
        value = env.get(key)
        if value is None and secrets is not None:
            try:
                value = secrets.get(key)  # type: ignore[assignment]
            except Exception:  # st.secrets raises when no secrets file exists
                value = None
        if value:
            merged[key] = str(value)
    database = merged.get("NEO4J_DATABASE", "neo4j")
    if "NEO4J_URI" in merged:
        return Settings(
            uri=merged["NEO4J_URI"],
            user=merged.get("NEO4J_USER", "neo4j"),
            password=merged.get("NEO4J_PASSWORD", ""),
            database=database,
        )
    state = local_state_file()
    if not state.exists():
        raise ConfigError(
            "NEO4J_URI is not set and the project's local Neo4j is not running. "
            "Start it with `make neo4j` (or `explorer neo4j start`), or set NEO4J_URI."
        )
    try:
        port = int(json.loads(state.read_text())["port"])
    except (ValueError, KeyError, OSError) as exc:
        raise ConfigError(f"unreadable local Neo4j state file {state}: {exc}") from None
    return Settings(uri=f"bolt://127.0.0.1:{port}", database=database, local=True)
