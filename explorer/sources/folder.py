"""Folder sources: walk a directory tree and pick the article files that match include
globs and no exclude glob. Ids are the source-relative path without its extension
("2023/03/xi-visit"), so a file at the top of a folder has its stem as id, like
`explorer extract FILE`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

DEFAULT_INCLUDE: tuple[str, ...] = ("**/*.txt", "**/*.md", "**/*.html", "**/*.htm")
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Glob match of a posix relative path: `*` and `?` stay within a directory, `**`
    crosses directories (`**/` also matches none); a pattern without `/` matches the
    file name at any depth ("*.txt")."""
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        target = relative if "/" in pattern else name
        if _glob_regex(pattern).fullmatch(target):
            return True
    return False


def walk(
    root: Path,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> list[tuple[str, Path]]:
    """(relative posix path, path) of every matching file under `root`, sorted; hidden
    files and directories (".git", ".DS_Store", editors' "~" backups) are skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or name.endswith("~"):
                continue
            path = Path(dirpath) / name
            relative = path.relative_to(root).as_posix()
            if not matches(relative, include):
                continue
            if exclude and matches(relative, exclude):
                continue
            found.append((relative, path))
    found.sort()
    return found


def file_id(relative: str, prefix: str = "") -> str:
    """The article id of a file in a folder source: its relative path without suffix."""
    path = PurePosixPath(relative)
    stem = str(path.with_suffix("")) if path.suffix.lower() in ARTICLE_SUFFIXES else str(path)
    return f"{prefix}{stem}"
