"""Server-side time of one Explore filter change: the view's queries + building the network HTML.

Generates a graph of 10,000 entities and 50,000 facts (skewed degrees, 1-3 evidence
sentences per fact from 8,000 articles of 6 sources over 2024) in a local Neo4j of its
own (or NEO4J_URI's server, which it WIPES), then times `build_view` + `network_html`
for a series of 300-node views, each filter change uncached (as after a widget change).

    .venv/bin/python bench/bench_app.py [--rounds 3] [--entities 10000] [--facts 50000]

Prints the median and p90 in milliseconds. Target: median < 300 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer import viz
from explorer.config import Settings
from explorer.graph.connection import connect
from explorer.graph.schema import apply_schema
from explorer.graph.views import ViewFilters, build_view
from explorer.ontology import ENTITY_TYPES, PREDICATES, SYMMETRIC

# Generation only (the app never writes): plain UNWIND CREATE, far faster than the writer.
CREATE_ENTITIES = """
UNWIND $rows AS row
CREATE (e:Entity {id: row.id, name: row.name, type: row.type, aliases: row.aliases, alias_text: row.alias_text,
                  iso3: row.iso3})
SET e:$(row.type)
"""
CREATE_ARTICLES = """
UNWIND $rows AS row
CREATE (:Article {id: row.id, title: row.title, url: row.url, published: row.published, source: row.source,
                  fact_count: row.fact_count})
"""
CREATE_FACTS = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o})
CREATE (s)-[r:$(row.p)]->(o)
SET r.articles = row.articles, r.evidence = row.evidence, r.evidence_articles = row.evidence_articles,
    r.evidence_modality = row.modality, r.evidence_start = row.starts, r.evidence_end = row.ends,
    r.evidence_published = row.published
"""
CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.a}), (e:Entity {id: row.e})
CREATE (a)-[:MENTIONS]->(e)
"""
SHARES = {"Person": 0.4, "Country": 0.02, "Organization": 0.25, "Place": 0.33}
SOURCES = ["Northwind Wire", "Harbor Times", "Daily Meridian", "Coastal Post", "Atlas News", "Summit Herald"]


def generate(driver, database: str, n_entities: int, n_facts: int, n_articles: int = 8000, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    entities: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
    rows = []
    for t in ENTITY_TYPES:
        for i in range(max(1, int(n_entities * SHARES[t]))):
            eid = f"{t.lower()}:bench-{i}" if t != "Country" else f"country:C{i:02d}"
            entities[t].append(eid)
            rows.append({"id": eid, "name": f"{t} {i}", "type": t, "aliases": [f"{t[:3]}{i}"],
                         "alias_text": f" | {t[:3]}{i}", "iso3": f"C{i:02d}" if t == "Country" else None})  # fmt: skip
    for start in range(0, len(rows), 5000):
        driver.execute_query(CREATE_ENTITIES, rows=rows[start : start + 5000], database_=database)
    # skewed popularity: a few hubs, a long tail (Zipf-like weights per type)
    weights = {t: [1.0 / (k + 1) ** 0.8 for k in range(len(ids))] for t, ids in entities.items()}
    articles = [
        {"id": f"bench-a{i}", "title": f"Article {i}", "url": f"https://news.example/{i}",
         "published": f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", "source": rnd.choice(SOURCES),
         "fact_count": 0}
        for i in range(n_articles)
    ]  # fmt: skip
    facts: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    preds = list(PREDICATES.values())
    while len(facts) < n_facts:
        p = rnd.choice(preds)
        st, ot = rnd.choice(sorted(p.subjects)), rnd.choice(sorted(p.objects))
        s = rnd.choices(entities[st], weights[st])[0]
        o = rnd.choices(entities[ot], weights[ot])[0]
        if s == o:
            continue
        if p.name in SYMMETRIC and o < s:
            s, o = o, s
        key = (s, p.name, o)
        if key in facts:
            continue
        for _ in range(rnd.choice((1, 1, 1, 2, 2, 3))):
            a = rnd.choice(articles)
            a["fact_count"] += 1
            facts[key].append({"article": a["id"], "published": a["published"],
                               "modality": rnd.choice(("asserted",) * 8 + ("planned", "reported"))})  # fmt: skip
    for start in range(0, len(articles), 5000):
        driver.execute_query(CREATE_ARTICLES, rows=articles[start : start + 5000], database_=database)
    fact_rows, mentions = [], set()
    for (s, p, o), evs in facts.items():
        fact_rows.append(
            {
                "s": s, "p": p, "o": o,
                "articles": list(dict.fromkeys(e["article"] for e in evs)),
                "evidence": [f"{s} {p} {o}, says article {e['article']}." for e in evs],
                "evidence_articles": [e["article"] for e in evs],
                "modality": [e["modality"] for e in evs],
                "starts": [-1] * len(evs), "ends": [-1] * len(evs),
                "published": [e["published"] for e in evs],
            }
        )  # fmt: skip
        for e in evs:
            mentions.add((e["article"], s))
            mentions.add((e["article"], o))
    for start in range(0, len(fact_rows), 5000):
        driver.execute_query(CREATE_FACTS, rows=fact_rows[start : start + 5000], database_=database)
    mention_rows = [{"a": a, "e": e} for a, e in sorted(mentions)]
    for start in range(0, len(mention_rows), 10000):
        driver.execute_query(CREATE_MENTIONS, rows=mention_rows[start : start + 10000], database_=database)
    return {"hub_person": entities["Person"][0], "hub_country": entities["Country"][0],
            "country": entities["Country"][3], "person": entities["Person"][40]}  # fmt: skip


def scenarios(ids: dict) -> list[tuple[str, ViewFilters]]:
    return [
        ("everything", ViewFilters()),
        ("meetings and visits", ViewFilters(predicates=("MET_WITH", "VISITED"))),
        ("people and countries", ViewFilters(types=("Person", "Country"))),
        ("one month", ViewFilters(date_from="2024-03-01", date_to="2024-03-31")),
        ("one source", ViewFilters(sources=("Harbor Times",))),
        ("min 2 articles", ViewFilters(min_support=2)),
        ("planned only", ViewFilters(modalities=("planned",))),
        ("one country", ViewFilters(countries=(ids["country"],))),
        (
            "conflict, quarter",
            ViewFilters(
                predicates=("ACCUSED", "CRITICIZED", "SANCTIONED", "IN_CONFLICT_WITH"),
                date_from="2024-01-01",
                date_to="2024-03-31",
            ),
        ),
        ("focus hub, depth 1", ViewFilters(focus=(ids["hub_person"],))),
        ("focus, depth 2", ViewFilters(focus=(ids["person"],), depth=2)),
        ("focus country, depth 2", ViewFilters(focus=(ids["country"],), depth=2)),
        ("focus + expand", ViewFilters(focus=(ids["person"],), expand=(ids["hub_country"],))),
    ]


def time_change(driver, database: str, f: ViewFilters) -> tuple[float, int, int]:
    began = time.perf_counter()
    view = build_view(driver, database, f)
    viz.network_html(view.nodes, view.edges, size_by=f.size_by)
    return (time.perf_counter() - began) * 1000, len(view.nodes), len(view.edges)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    server, tmp = None, None
    if os.environ.get("NEO4J_URI"):
        settings = Settings(
            uri=os.environ["NEO4J_URI"],
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    else:
        from explorer import local_neo4j

        tmp = Path(tempfile.mkdtemp(prefix="bench-app-"))
        server = local_neo4j.start(tmp, port=None, heap="2g")
        settings = Settings(uri=server.uri)
        print(f"local Neo4j at {server.uri} (started in {server.started_in:.1f}s)")
    driver, _ = connect(settings)
    try:
        db = settings.database
        apply_schema(driver, db)
        with driver.session(database=db) as session:  # CALL IN TRANSACTIONS needs an implicit transaction
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        began = time.perf_counter()
        ids = generate(driver, db, args.entities, args.facts)
        driver.execute_query("CALL db.awaitIndexes(300)", database_=db)
        (count,), _, _ = driver.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)", database_=db)
        print(f"generated {args.entities:,} entities and {count[0]:,} facts in {time.perf_counter() - began:.1f}s")
        cases = scenarios(ids)
        for _, f in cases:  # warm-up: query plans cached, as in a running app
            time_change(driver, db, f)
        times: list[float] = []
        per_case: dict[str, list[float]] = defaultdict(list)
        sizes: dict[str, tuple[int, int]] = {}
        for _ in range(args.rounds):
            for name, f in cases:
                ms, n_nodes, n_edges = time_change(driver, db, f)
                times.append(ms)
                per_case[name].append(ms)
                sizes[name] = (n_nodes, n_edges)
        for name, _ in cases:
            n_nodes, n_edges = sizes[name]
            print(f"  {name:<24} {statistics.median(per_case[name]):7.1f} ms  ({n_nodes} nodes, {n_edges} edges)")
        times.sort()
        p90 = times[max(0, round(0.9 * len(times)) - 1)]
        median = statistics.median(times)
        print(f"filter change (queries + network HTML), {len(times)} runs: median {median:.0f} ms, p90 {p90:.0f} ms")
        print("target median < 300 ms: " + ("met" if median < 300 else "NOT met"))
        return 0
    finally:
        driver.close()
        if server:
            server.stop()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
