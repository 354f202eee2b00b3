"""The graph store against the real Neo4j: idempotent loads, atomic batches, exact retraction."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ClientError

from explorer.facts import Fact
from explorer.graph import reader
from explorer.graph.writer import ArticleRecord, _write_batch, retract_articles, write_articles


def fact(s, st, p, o, ot, article, evidence=None, **kw) -> Fact:
    return Fact(s, st, p, o, ot, evidence or f"{s} {p} {o}.", article, **kw)


def articles() -> list[ArticleRecord]:
    a1 = ArticleRecord(
        "a1",
        [
            fact("Xi Jinping", "Person", "MET_WITH", "Vladimir Putin", "Person", "a1", "Xi met Putin."),
            fact("China", "Country", "MEMBER_OF", "UN Security Council", "Organization", "a1", subject_iso3="CHN"),
            fact("Xi Jinping", "Person", "HOLDS_OFFICE", "China", "Country", "a1", object_iso3="CHN", role="President"),
        ],
        title="Xi in Moscow",
        published="2023-03-21",
    )
    a2 = ArticleRecord(
        "a2",
        [
            # the same symmetric fact, stated the other way round
            fact("Vladimir Putin", "Person", "MET_WITH", "Xi Jinping", "Person", "a2", "Putin and Xi held talks."),
            fact(
                "Russia",
                "Country",
                "IN_CONFLICT_WITH",
                "Ukraine",
                "Country",
                "a2",
                subject_iso3="RUS",
                object_iso3="UKR",
            ),
        ],
        published="2023-03-22",
    )
    return [a1, a2]


def snapshot(driver, database):
    rows, _, _ = driver.execute_query(
        "MATCH (s:Entity)-[r]->(o:Entity) RETURN s.id AS s, type(r) AS p, o.id AS o, r.articles AS a, "
        "r.evidence AS e ORDER BY s, p, o",
        database_=database,
    )
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, n.id AS id ORDER BY id", database_=database)
    return [r.data() for r in rows], [r.data() for r in nodes]


@pytest.mark.integration
def test_loading_twice_creates_no_duplicates(db):
    driver, database = db
    write_articles(driver, database, articles())
    first = snapshot(driver, database)
    write_articles(driver, database, articles(), batch_size=1)
    assert snapshot(driver, database) == first
    counts = reader.stats(driver, database)
    assert counts["labels"] == {"Person": 2, "Country": 3, "Organization": 1, "Article": 2}
    assert counts["types"] == {"MET_WITH": 1, "MEMBER_OF": 1, "HOLDS_OFFICE": 1, "IN_CONFLICT_WITH": 1}


@pytest.mark.integration
def test_one_relationship_carries_every_stating_article(db):
    driver, database = db
    write_articles(driver, database, articles())
    rows, _, _ = driver.execute_query(
        "MATCH (:Person {name: 'Xi Jinping'})-[r:MET_WITH]-(:Person {name: 'Vladimir Putin'}) "
        "RETURN r.articles AS a, r.evidence AS e, r.evidence_articles AS ea, r.evidence_published AS d",
        database_=database,
    )
    assert len(rows) == 1
    assert sorted(rows[0]["a"]) == ["a1", "a2"]
    assert sorted(zip(rows[0]["ea"], rows[0]["e"], rows[0]["d"], strict=True)) == [
        ("a1", "Xi met Putin.", "2023-03-21"),
        ("a2", "Putin and Xi held talks.", "2023-03-22"),
    ]


@pytest.mark.integration
def test_entities_get_type_label_and_aliases(db):
    driver, database = db
    recs = articles()
    recs[0].facts[0].subject_aliases = ["Xi", "President Xi", "XI Jinping"]
    write_articles(driver, database, recs)
    rows, _, _ = driver.execute_query(
        "MATCH (e:Person:Entity {id: 'person:xi-jinping'}) RETURN e.aliases AS a", database_=database
    )
    assert sorted(rows[0]["a"]) == ["President Xi", "XI Jinping", "Xi"]
    hits, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', 'President') YIELD node RETURN node.name AS n",
        database_=database,
    )
    assert [h["n"] for h in hits] == ["Xi Jinping"]


@pytest.mark.integration
def test_failing_batch_leaves_no_partial_writes(db):
    driver, database = db
    good = articles()[0]
    bad = ArticleRecord("bad", [fact("A B", "Person", "HOLDS_OFFICE", "China", "Country", "bad", role={"no": "maps"})])
    with driver.session(database=database) as session, pytest.raises(ClientError):
        session.execute_write(_write_batch, [good, bad])  # maps cannot be properties: the batch fails late
    assert snapshot(driver, database) == ([], [])


@pytest.mark.integration
def test_one_bad_article_does_not_keep_out_the_others(db):
    driver, database = db
    good, other = articles()
    bad = ArticleRecord("bad", [fact("A B", "Person", "HOLDS_OFFICE", "China", "Country", "bad", role={"no": "maps"})])
    stats = write_articles(driver, database, [good, bad, other])
    assert [a for a, _ in stats.failed] == ["bad"]
    ids, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id", database_=database)
    assert [r["id"] for r in ids] == ["a1", "a2"]


@pytest.mark.integration
def test_retracting_an_article_removes_exactly_its_contribution(db):
    driver, database = db
    write_articles(driver, database, [articles()[0]])
    only_a1 = snapshot(driver, database)
    write_articles(driver, database, articles())
    retract_articles(driver, database, ["a2"])
    assert snapshot(driver, database) == only_a1  # a2's own facts and entities are gone, a1's evidence stays
    retract_articles(driver, database, ["a1"])
    assert snapshot(driver, database) == ([], [])


@pytest.mark.integration
def test_reloading_an_edited_article_replaces_its_facts(db):
    driver, database = db
    write_articles(driver, database, articles())
    edited = ArticleRecord("a2", [fact("Russia", "Country", "SANCTIONED", "Ukraine", "Country", "a2")])
    write_articles(driver, database, [edited])
    rows, _, _ = driver.execute_query(
        "MATCH (s)-[r]->(o) WHERE 'a2' IN r.articles RETURN type(r) AS p", database_=database
    )
    assert [r["p"] for r in rows] == ["SANCTIONED"]


@pytest.mark.integration
def test_schema_is_idempotent(driver, settings):
    from explorer.graph.schema import apply_schema

    assert apply_schema(driver, settings.database) == apply_schema(driver, settings.database)
    rows, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS n", database_=settings.database
    )
    assert {"entity_id", "article_id"} <= set(rows[0]["n"])
