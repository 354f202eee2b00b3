"""`explorer load`: facts as JSON lines -> the graph, bad lines reported and skipped."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import neo4j

from explorer.facts import Fact, FactError
from explorer.graph.writer import WriteStats, group_by_article, write_articles


@dataclass
class LoadReport:
    """What a load did; `errors` are input lines skipped, `written.failed` articles the database refused."""

    lines: int = 0
    facts: int = 0
    errors: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line number, reason)
    written: WriteStats = field(default_factory=WriteStats)


def parse_facts(stream: IO[str], name: str, report: LoadReport) -> list[Fact]:
    facts = []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        report.lines += 1
        try:
            facts.append(Fact.from_dict(json.loads(line)))
        except json.JSONDecodeError as exc:
            report.errors.append((name, number, f"not JSON ({exc.msg})"))
        except FactError as exc:
            report.errors.append((name, number, str(exc)))
    return facts


def load_files(
    driver: neo4j.Driver, database: str, paths: list[Path], batch_size: int = 50, on_batch=None
) -> LoadReport:
    report = LoadReport()
    facts: list[Fact] = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as stream:
                facts.extend(parse_facts(stream, str(path), report))
        except (OSError, UnicodeDecodeError) as exc:
            report.errors.append((str(path), 0, f"cannot read: {exc}"))
    report.facts = len(facts)
    report.written = write_articles(driver, database, group_by_article(facts), batch_size, on_batch)
    return report
