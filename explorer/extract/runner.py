"""`explorer extract FILE... [--json]`: read each file, extract its facts, print them.

A file that cannot be read or extracted gets one "error: path: reason" line on stderr and
the others are still processed; the exit code is 1 if any file failed.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from explorer.extract import extract_article
from explorer.facts import Fact
from explorer.sources.article import SourceError
from explorer.sources.files import read_article


def run_extract(paths: list[str], as_json: bool, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    failed = 0
    for path in paths:
        path = str(path)
        try:
            article = read_article(path, warn=lambda message, p=path: print(f"warning: {p}: {message}", file=err))
            facts = extract_article(article)
        except SourceError as exc:
            print(f"error: {path}: {exc}", file=err)
            failed += 1
            continue
        except Exception as exc:  # one bad article must not stop the others, nor print a traceback
            print(f"error: {path}: extraction failed ({type(exc).__name__}: {exc})", file=err)
            failed += 1
            continue
        if as_json:
            for fact in facts:
                out.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_table(path, article.title, facts, out)
        out.flush()
    return 1 if failed else 0


def _print_table(path: str, title: str | None, facts: list[Fact], out: TextIO) -> None:
    console = Console(file=out, emoji=False, highlight=False, width=None if out.isatty() else 160)
    table = Table(title=f"{path}: {len(facts)} facts" + (f" - {title}" if title else ""), show_lines=False)
    for column in ("subject", "predicate", "object", "modality", "evidence"):
        table.add_column(column, overflow="fold")
    for f in facts:
        detail = f.role or f.commodity
        predicate = f"{f.predicate} ({detail})" if detail else f.predicate
        evidence = f.evidence if len(f.evidence) <= 160 else f.evidence[:157] + "..."
        table.add_row(
            Text(f"{f.subject} [{f.subject_type}]"),
            Text(predicate),
            Text(f"{f.object} [{f.object_type}]"),
            Text(f.modality),
            Text(evidence),
        )
    console.print(table)
