"""explorer.exports: JSON, CSV, GraphML and HTML of a view (pure)."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from explorer import exports

NODES = [
    {"id": "person:a", "name": 'Ann, "the" Example', "type": "Person", "aliases": ["A"], "mentions": 2, "degree": 1},
    {
        "id": "country:BBB",
        "name": "Bbland",
        "type": "Country",
        "aliases": [],
        "iso3": "BBB",
        "mentions": 1,
        "degree": 1,
    },
]
EDGES = [
    {"key": "5:x:1", "source": "person:a", "target": "country:BBB", "predicate": "HOLDS_OFFICE", "support": 2,
     "articles": ["art1", "art2"], "role": "President", "commodity": None,
     "evidence": [
         {"evidence": "Ann, president of Bbland, said…", "article": "art1", "modality": "asserted",
          "published": "2024-01-02", "start": 0, "end": 30},
         {"evidence": "President Ann\nspoke.", "article": "art2", "modality": "reported", "published": "",
          "start": -1, "end": -1},
     ]},
]  # fmt: skip
ARTICLES = {
    "art1": {"id": "art1", "title": "First", "url": "https://news.example/1", "published": "2024-01-02",
             "source": "Wire"},
    "art2": {"id": "art2", "title": "Second", "url": None, "published": "2024-01-05", "source": "Paper"},
}  # fmt: skip


def test_json_has_nodes_and_edges_with_provenance():
    doc = json.loads(exports.view_json(NODES, EDGES, ARTICLES))
    assert [n["id"] for n in doc["nodes"]] == ["person:a", "country:BBB"]
    edge = doc["edges"][0]
    assert edge["predicate"] == "HOLDS_OFFICE" and edge["support"] == 2 and edge["role"] == "President"
    assert edge["articles"] == ["art1", "art2"]
    assert [e["article_title"] for e in edge["evidence"]] == ["First", "Second"]
    assert edge["evidence"][0]["url"] == "https://news.example/1"
    assert edge["evidence"][1]["published"] == "2024-01-05"  # from the article when the fact has none
    assert edge["evidence"][1]["modality"] == "reported"


def test_csv_has_one_row_per_evidence_sentence():
    rows = list(csv.DictReader(io.StringIO(exports.facts_csv(NODES, EDGES, ARTICLES))))
    assert len(rows) == 2
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    assert rows[0]["subject"] == 'Ann, "the" Example' and rows[0]["object"] == "Bbland"
    assert rows[1]["evidence"] == "President Ann\nspoke."  # quoted, newline kept
    assert rows[1]["source"] == "Paper" and rows[0]["article_title"] == "First"


def test_csv_of_an_edge_without_evidence_still_lists_the_fact():
    edge = {**EDGES[0], "evidence": []}
    rows = list(csv.DictReader(io.StringIO(exports.facts_csv(NODES, [edge]))))
    assert len(rows) == 1 and rows[0]["predicate"] == "HOLDS_OFFICE"


def test_graphml_reads_back():
    g = nx.parse_graphml(exports.graphml(NODES, EDGES, ARTICLES), force_multigraph=True)
    assert set(g.nodes) == {"person:a", "country:BBB"}
    assert g.nodes["person:a"]["name"] == 'Ann, "the" Example'
    ((_, _, attrs),) = g.edges(data=True)
    assert attrs["predicate"] == "HOLDS_OFFICE" and attrs["support"] == 2
    assert json.loads(attrs["evidence"])[0]["article"] == "art1"


def test_html_export_is_the_standalone_network():
    page = exports.network_page(NODES, EDGES)
    assert page.startswith("<!DOCTYPE html>") and "vis.Network" in page
    assert '"notify":false' in page
