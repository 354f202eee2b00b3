"""Named Cypher statements, loaded from the `.cypher` files under cypher/.

A statement's name is its path without the extension ("write/merge_facts").
Leading `//` comment lines form its header: the first is the title, the rest the
description (saved queries in cypher/queries/ show these in the app).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from explorer.config import CYPHER_DIR
from explorer.errors import ExplorerError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str
    description: str

    @property
    def parameters(self) -> list[str]:
        """`$names` used by the statement (comments excluded), in order of first use."""
        body = "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//"))
        return list(dict.fromkeys(_PARAM.findall(body)))

    def statements(self) -> list[str]:
        """Split on `;` at line ends (schema files hold several statements)."""
        parts = re.split(r";\s*$", self.text, flags=re.MULTILINE)
        out = []
        for part in parts:
            body = "\n".join(line for line in part.splitlines() if not line.lstrip().startswith("//")).strip()
            if body:
                out.append(body)
        return out


def _parse(name: str, text: str) -> NamedQuery:
    header = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        header.append(stripped.lstrip("/").strip())
    title = header[0] if header else name
    return NamedQuery(name, text, title, " ".join(h for h in header[1:] if h))


@cache
def load(name: str, root: Path = CYPHER_DIR) -> NamedQuery:
    path = (root / f"{name}.cypher").resolve()
    if root.resolve() not in path.parents or not path.is_file():
        raise ExplorerError(f"no named query {name!r} under {root}")
    return _parse(name, path.read_text(encoding="utf-8"))


def text(name: str) -> str:
    return load(name).text


def list_queries(folder: str = "queries", root: Path = CYPHER_DIR) -> list[NamedQuery]:
    """The saved queries for power users: every file under cypher/<folder>/."""
    base = root / folder
    return [load(str(p.relative_to(root).with_suffix("")), root) for p in sorted(base.rglob("*.cypher"))]
