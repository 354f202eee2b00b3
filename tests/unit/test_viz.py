"""explorer.viz: pure rendering of nodes + edges into a self-contained, escaped page."""

from __future__ import annotations

import json
import re

import pytest

from explorer import viz

NODES = [
    {"id": "person:a", "name": "Ann Example", "type": "Person", "aliases": ["A. E."], "mentions": 5, "degree": 2},
    {"id": "country:BBB", "name": "Bbland", "type": "Country", "aliases": [], "mentions": 1, "degree": 2},
    {"id": "organization:c", "name": "C Org", "type": "Organization", "aliases": [], "mentions": 0, "degree": 1},
    {"id": "place:d", "name": "Dee", "type": "Place", "aliases": [], "mentions": 0, "degree": 1, "focus": True},
]
EDGES = [
    {"key": "e1", "source": "person:a", "target": "country:BBB", "predicate": "MET_WITH", "support": 3,
     "evidence": [{"evidence": "Ann met Bbland.", "article": "x1"}]},
    {"key": "e2", "source": "person:a", "target": "country:BBB", "predicate": "CRITICIZED", "support": 1,
     "evidence": [{"evidence": "Ann criticized Bbland.", "article": "x2"}]},
    {"key": "e3", "source": "organization:c", "target": "place:d", "predicate": "BASED_IN", "support": 1,
     "evidence": []},
]  # fmt: skip


def graph_data(page: str) -> dict:
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    assert match, "the graph data block is missing"
    return json.loads(match.group(1))


def test_page_is_self_contained():
    page = viz.network_html(NODES, EDGES)
    assert "vis-network" in page and "@version 9.1.2" in page  # the library is inlined
    # nothing is loaded from anywhere: no src/href attributes, no CSS imports, a strict CSP
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", page, re.I)
    assert "@import" not in page
    assert "default-src 'none'" in page
    assert "cdnjs" not in page and "jsdelivr" not in page and "bootstrap" not in page.lower()


def test_nodes_are_styled_by_type_and_sized_by_metric():
    data = graph_data(viz.network_html(NODES, EDGES))
    by_id = {n["id"]: n for n in data["nodes"]}
    for n in NODES:
        shape, colour, _ = viz.TYPE_STYLES[n["type"]]
        assert by_id[n["id"]]["shape"] == shape
        assert by_id[n["id"]]["color"]["background"] == colour
        assert "group" not in by_id[n["id"]]  # a vis group would override the colour
    assert by_id["place:d"]["borderWidth"] > by_id["person:a"]["borderWidth"]  # focus is marked
    by_degree = graph_data(viz.network_html(NODES, EDGES, size_by="degree"))["nodes"]
    by_mentions = graph_data(viz.network_html(NODES, EDGES, size_by="mentions"))["nodes"]
    assert by_degree[0]["value"] == by_degree[1]["value"]  # same degree
    assert by_mentions[0]["value"] > by_mentions[1]["value"]  # 5 mentions vs 1


def test_edges_coloured_by_tone_labelled_and_weighted():
    data = graph_data(viz.network_html(NODES, EDGES))
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["e1"]["color"]["color"] == viz.TONE_COLOURS[1]
    assert edges["e2"]["color"]["color"] == viz.TONE_COLOURS[-1]
    assert edges["e3"]["color"]["color"] == viz.TONE_COLOURS[0]
    assert edges["e1"]["label"] == "MET_WITH" and edges["e1"]["value"] == 3
    assert edges["e1"]["arrows"]["to"]["enabled"] is False  # symmetric: no arrow
    assert edges["e2"]["arrows"]["to"]["enabled"] is True
    # two facts between the same pair do not draw on top of each other
    assert edges["e1"]["smooth"] != edges["e2"]["smooth"]
    assert "Ann met Bbland." in edges["e1"]["title"] and "3 supporting article(s)" in edges["e1"]["title"]


def test_edges_to_unknown_nodes_are_dropped():
    data = graph_data(viz.network_html(NODES[:1], EDGES))
    assert data["edges"] == []


def test_physics_stabilises_then_stops():
    page = viz.network_html(NODES, EDGES)
    options = graph_data(page)["options"]
    assert options["physics"]["stabilization"]["enabled"] is True
    assert 'network.once("stabilizationIterationsDone", settled)' in page
    assert "physics: {enabled: false}" in page


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "</script><script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_names_and_evidence_never_become_markup(hostile):
    nodes = [{**NODES[0], "name": hostile, "aliases": [hostile]}, NODES[1]]
    edges = [{**EDGES[0], "evidence": [{"evidence": hostile, "article": hostile}]}]
    page = viz.network_html(nodes, edges, title=hostile)
    assert hostile not in page
    assert "<script>alert" not in page and "<img src=x" not in page and "</script><script>" not in page
    data = graph_data(page)  # ... and the data still says exactly what the graph holds
    assert data["nodes"][0]["label"].startswith(hostile[:20])
    assert hostile in data["edges"][0]["title"]


def test_click_posts_selection_to_parent_only_when_asked():
    page = viz.network_html(NODES, EDGES)
    assert viz.SELECT_MESSAGE in page and "window.parent.postMessage" in page
    assert graph_data(page)["notify"] is True
    assert graph_data(viz.network_html(NODES, EDGES, notify=False))["notify"] is False


def test_legend_names_every_type_and_tone():
    legend = viz.legend_html()
    for name in ("Person", "Country", "Organization", "Place", "cooperation", "conflict", "neutral"):
        assert name in legend


def test_empty_graph_renders():
    page = viz.network_html([], [])
    assert graph_data(page)["nodes"] == []


def test_highlight_escapes_and_marks_spans():
    text = "A <b>bold</b> claim. Second sentence & more.\nThird."
    spans = [
        {"start": 0, "end": 20, "subject": "A", "predicate": "ACCUSED", "object": "<B>"},
        {"start": 21, "end": 44, "subject": "X", "predicate": "MET_WITH", "object": "Y"},
        {"start": -1, "end": -1},  # unknown offsets are skipped
        {"start": 5, "end": 500},  # out of range
    ]
    out = viz.highlight_evidence(text, spans)
    assert "<b>" not in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    assert out.count("<mark") == 2
    assert 'title="A ACCUSED &lt;B&gt;"' in out
    assert "&amp; more" in out and "<br>" in out


def test_highlight_merges_overlaps():
    out = viz.highlight_evidence("abcdefghij", [{"start": 0, "end": 5}, {"start": 3, "end": 8}])
    assert out.count("<mark") == 1 and ">abcdefgh</mark>ij" in out
