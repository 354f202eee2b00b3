"""Batched, transactional writes of facts and articles, and their retraction.

One transaction per batch of articles: a batch lands whole or not at all. Re-loading an
article first retracts what it contributed before, so loads are idempotent and an
edited article replaces its facts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import neo4j
from neo4j.exceptions import ClientError

from explorer.facts import Fact
from explorer.graph import cypher
from explorer.ontology import SYMMETRIC, check_fact_types, check_type

log = logging.getLogger(__name__)


@dataclass
class ArticleRecord:
    """An article to write: its metadata, optional text and content hash, and its facts."""

    id: str
    facts: list[Fact] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    content_hash: str | None = None
    text: str | None = None


@dataclass
class WriteStats:
    articles: int = 0
    facts: int = 0
    entities: int = 0
    batches: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, database's message)


def group_by_article(facts: Iterable[Fact]) -> list[ArticleRecord]:
    """Facts in file order -> one ArticleRecord per article, metadata from its facts."""
    records: dict[str, ArticleRecord] = {}
    for fact in facts:
        rec = records.get(fact.article)
        if rec is None:
            rec = records[fact.article] = ArticleRecord(fact.article)
        rec.facts.append(fact)
        rec.title = rec.title or fact.article_title
        rec.url = rec.url or fact.article_url
        rec.published = rec.published or fact.article_published
        rec.source = rec.source or fact.article_source
    return list(records.values())


def _rows(batch: Sequence[ArticleRecord]) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    articles, entities, mentions, facts = [], {}, set(), {}
    for rec in batch:
        articles.append(
            {
                "id": rec.id,
                "title": rec.title,
                "url": rec.url,
                "published": rec.published,
                "source": rec.source,
                "content_hash": rec.content_hash,
                "text": rec.text,
                "fact_count": len(rec.facts),
            }
        )
        for f in rec.facts:
            check_fact_types(f.predicate, f.subject_type, f.object_type)  # the allow-list, again
            for eid, name, etype, aliases, iso3 in (
                (f.subject_id, f.subject, f.subject_type, f.subject_aliases, f.subject_iso3),
                (f.object_id, f.object, f.object_type, f.object_aliases, f.object_iso3),
            ):
                row = entities.setdefault(
                    eid, {"id": eid, "name": name, "type": check_type(etype), "aliases": [], "iso3": iso3}
                )
                row["aliases"].extend(a for a in aliases if a != name and a not in row["aliases"])
                mentions.add((rec.id, eid))
            s, o = f.subject_id, f.object_id
            if f.predicate in SYMMETRIC and o < s:  # stored once, in a canonical direction
                s, o = o, s
            key = (s, f.predicate, o, rec.id, f.evidence)
            facts.setdefault(
                key,
                {
                    "subject_id": s,
                    "predicate": f.predicate,
                    "object_id": o,
                    "article": rec.id,
                    "evidence": f.evidence,
                    "modality": f.modality,
                    "start": f.evidence_start,
                    "end": f.evidence_end,
                    "published": rec.published,
                    "role": f.role,
                    "commodity": f.commodity,
                },
            )
    mention_rows = [{"article": a, "entity": e} for a, e in sorted(mentions)]
    return articles, list(entities.values()), mention_rows, list(facts.values())


def _write_batch(tx: neo4j.ManagedTransaction, batch: Sequence[ArticleRecord]) -> tuple[int, int]:
    articles, entities, mentions, facts = _rows(batch)
    ids = [a["id"] for a in articles]
    tx.run(cypher.text("write/retract_articles"), ids=ids).consume()
    tx.run(cypher.text("write/retract_mentions"), ids=ids).consume()
    tx.run(cypher.text("write/merge_articles"), rows=articles).consume()
    tx.run(cypher.text("write/merge_entities"), rows=entities).consume()
    tx.run(cypher.text("write/merge_mentions"), rows=mentions).consume()
    tx.run(cypher.text("write/merge_facts"), rows=facts).consume()
    return len(facts), len(entities)


def write_articles(
    driver: neo4j.Driver,
    database: str,
    records: Sequence[ArticleRecord],
    batch_size: int = 50,
    on_batch: Callable[[int], None] | None = None,
) -> WriteStats:
    """Write articles with their facts, `batch_size` articles per transaction."""
    stats = WriteStats()
    with driver.session(database=database) as session:
        for start in range(0, len(records), batch_size):
            batch = records[start : start + batch_size]
            try:
                done = [(batch, session.execute_write(_write_batch, batch))]
            except ClientError as exc:
                # A batch is all-or-nothing; find the bad article(s) one transaction each,
                # so one bad article never keeps the others out.
                log.warning("batch of %d articles rolled back (%s); retrying one by one", len(batch), exc.message)
                done = []
                for rec in batch:
                    try:
                        done.append(([rec], session.execute_write(_write_batch, [rec])))
                    except ClientError as one:
                        stats.failed.append((rec.id, one.message or str(one)))
            for written, (n_facts, n_entities) in done:
                stats.articles += len(written)
                stats.facts += n_facts
                stats.entities += n_entities
                stats.batches += 1
            if on_batch:
                on_batch(len(batch))
    return stats


def _retract(tx: neo4j.ManagedTransaction, ids: list[str], delete: bool) -> int:
    tx.run(cypher.text("write/retract_articles"), ids=ids).consume()
    tx.run(cypher.text("write/retract_mentions"), ids=ids).consume()
    if not delete:
        return 0
    return tx.run(cypher.text("write/delete_articles"), ids=ids).single()["deleted"]


def retract_articles(driver: neo4j.Driver, database: str, ids: Sequence[str], delete: bool = True) -> int:
    """Remove what these articles alone contributed (and the Article nodes), in one transaction."""
    with driver.session(database=database) as session:
        return session.execute_write(_retract, list(ids), delete)
