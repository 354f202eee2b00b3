"""The explorer's query layer against the real Neo4j, on a small invented news world."""

from __future__ import annotations

import pytest
from app_world import eid, load_world

from explorer.graph import views
from explorer.graph.views import ViewFilters

pytestmark = pytest.mark.integration

JAPAN, AUSTRALIA, RUSSIA, CHINA = (eid("Country", n) for n in ("Japan", "Australia", "Russia", "China"))
KISHIDA, ALBANESE = eid("Person", "Fumio Kishida"), eid("Person", "Anthony Albanese")
XI, PUTIN = eid("Person", "Xi Jinping"), eid("Person", "Vladimir Putin")
QUAD = eid("Organization", "Quad")


@pytest.fixture
def world(db):
    driver, database = db
    load_world(driver, database)
    return driver, database


def build(world, **kw) -> views.View:
    return views.build_view(*world, ViewFilters(**kw))


def ids(view) -> set[str]:
    return {n["id"] for n in view.nodes}


def facts(view) -> set[tuple[str, str, str]]:
    return {(e["source"], e["predicate"], e["target"]) for e in view.edges}


def test_whole_graph(world):
    v = build(world)
    assert len(v.nodes) == 16 and v.total == 16 and not v.capped
    assert len(v.edges) == 25
    met = next(e for e in v.edges if e["predicate"] == "MET_WITH" and KISHIDA in (e["source"], e["target"]))
    assert met["support"] == 2 and met["tone"] == 1 and met["symmetric"]
    assert {ev["article"] for ev in met["evidence"]} == {"a1-tokyo-talks", "a5-tokyo-followup"}
    kishida = next(n for n in v.nodes if n["id"] == KISHIDA)
    assert kishida["mentions"] == 3 and kishida["degree"] == 3 and kishida["type"] == "Person"


def test_predicate_filter(world):
    v = build(world, predicates=("MET_WITH",))
    assert ids(v) == {KISHIDA, ALBANESE, XI, PUTIN}
    assert {p for _, p, _ in facts(v)} == {"MET_WITH"}


def test_entity_type_filter(world):
    v = build(world, types=("Person",))
    assert ids(v) == {KISHIDA, ALBANESE, XI, PUTIN}
    assert {p for _, p, _ in facts(v)} == {"MET_WITH", "INVITED"}


def test_hide_isolated_off_keeps_entities_without_passing_facts(world):
    shown = build(world, types=("Person", "Place"), predicates=("MET_WITH",), hide_isolated=False)
    hidden = build(world, types=("Person", "Place"), predicates=("MET_WITH",))
    assert {eid("Place", "Moscow"), eid("Place", "Kyiv")} <= ids(shown)
    assert ids(hidden) == {KISHIDA, ALBANESE, XI, PUTIN}


def test_focus_and_depth(world):
    one = build(world, focus=(JAPAN,))
    assert ids(one) == {JAPAN, KISHIDA, AUSTRALIA, QUAD, eid("Organization", "Group of Seven")}
    two = build(world, focus=(JAPAN,), depth=2)
    assert ids(one) < ids(two) and RUSSIA in ids(two) and ALBANESE in ids(two)
    three = build(world, focus=(JAPAN,), depth=3)
    assert ids(two) < ids(three) and XI in ids(three)
    # "which alliances is Japan in?"
    alliances = build(world, focus=(JAPAN,), predicates=("MEMBER_OF",))
    assert facts(alliances) == {(JAPAN, "MEMBER_OF", QUAD), (JAPAN, "MEMBER_OF", eid("Organization", "Group of Seven"))}


def test_focus_on_an_unknown_entity_is_reported(world):
    v = build(world, focus=("person:nobody",))
    assert v.nodes == [] and v.missing_focus == ("person:nobody",)


def test_countries_keep_facts_of_the_country_and_its_people(world):
    v = build(world, countries=(JAPAN,))
    # Japan's own facts, and Kishida's (he holds office in Japan)
    assert (KISHIDA, "MET_WITH", ALBANESE) in facts(v) or (ALBANESE, "MET_WITH", KISHIDA) in facts(v)
    assert (JAPAN, "MEMBER_OF", QUAD) in facts(v)
    assert all(JAPAN in (s, o) or KISHIDA in (s, o) for s, _, o in facts(v))
    assert RUSSIA not in ids(v)


def test_date_range(world):
    march = build(world, date_from="2024-03-10", date_to="2024-03-31")
    assert (XI, "MET_WITH", PUTIN) in facts(march) or (PUTIN, "MET_WITH", XI) in facts(march)
    assert not any(p == "MET_WITH" and KISHIDA in (s, o) for s, p, o in facts(march))  # 4-5 March
    assert (AUSTRALIA, "ACCUSED", CHINA) not in facts(march)  # 2 April
    first_week = build(world, date_from="2024-03-05", date_to="2024-03-05")
    assert {p for _, p, _ in facts(first_week)} == {"MET_WITH", "COOPERATES_WITH"}
    met = next(e for e in first_week.edges if e["predicate"] == "MET_WITH")
    assert met["support"] == 1 and [ev["article"] for ev in met["evidence"]] == ["a5-tokyo-followup"]


def test_source_filter(world):
    v = build(world, sources=("Northwind Wire",))
    articles = {ev["article"] for e in v.edges for ev in e["evidence"]}
    assert articles == {"a1-tokyo-talks", "a3-g7-sanctions"}


def test_min_support(world):
    v = build(world, min_support=2)
    assert {p for _, p, _ in facts(v)} == {"MET_WITH", "COOPERATES_WITH"}
    assert ids(v) == {KISHIDA, ALBANESE, JAPAN, AUSTRALIA}


def test_modality(world):
    planned = build(world, modalities=("planned",))
    assert {p for _, p, _ in facts(planned)} == {"INVITED", "VISITED"}
    reported = build(world, modalities=("reported",))
    assert facts(reported) == {(CHINA, "REJECTED", AUSTRALIA)}


def test_cap_keeps_the_most_connected_and_says_so(world):
    v = build(world, cap=3)
    assert len(v.nodes) == 3 and v.capped and not v.exact
    assert RUSSIA in ids(v) and CHINA in ids(v)  # the most connected entities of the world
    assert "More than 3 entities match" in v.message(3)
    assert build(world, cap=16).message(16) is None
    focused = build(world, focus=(JAPAN,), depth=3, cap=4)
    assert len(focused.nodes) == 4 and JAPAN in ids(focused) and focused.capped


def test_edge_cap_keeps_the_best_supported_facts(world):
    v = build(world, edge_cap=2)
    assert len(v.edges) == 2 and v.edges_capped
    assert {e["predicate"] for e in v.edges} == {"MET_WITH", "COOPERATES_WITH"}  # the two facts with 2 articles
    assert len(v.nodes) == 16  # entities whose facts were cut stay in view
    assert "Only the 2 best-supported facts" in v.message(300, 2)
    assert not build(world, edge_cap=25).edges_capped


def test_expand_adds_neighbours(world):
    base = build(world, predicates=("MET_WITH",))
    grown = build(world, predicates=("MET_WITH",), expand=(QUAD,))
    assert QUAD not in ids(base)
    # Quad has no MET_WITH facts: expanding it shows it alone; expanding Xi adds Putin
    assert QUAD in ids(grown)
    only_xi = build(world, predicates=("MET_WITH",), types=("Person",), focus=(KISHIDA,), expand=(XI,))
    assert {XI, PUTIN, KISHIDA, ALBANESE} == ids(only_xi)


def test_search_by_name_or_alias(world):
    assert [h["id"] for h in views.search_entities(*world, "kishi")] == [KISHIDA]
    assert [h["id"] for h in views.search_entities(*world, "G7")] == [eid("Organization", "Group of Seven")]
    assert views.search_entities(*world, "***") == []


def test_filter_options(world):
    opts = views.filter_options(*world)
    assert {c["name"] for c in opts["countries"]} >= {"Japan", "Russia", "United States"}
    assert opts["sources"] == ["Harbor Times", "Northwind Wire"]
    assert (opts["first"], opts["last"]) == ("2024-03-04", "2024-04-02")


def test_entity_details(world):
    d = views.entity_details(*world, KISHIDA)
    assert d["name"] == "Fumio Kishida" and "Kishida" in d["aliases"]
    assert d["offices"] == [{"role": "Prime Minister", "of": "Japan", "of_id": JAPAN}]
    met = [f for f in d["facts"] if f["predicate"] == "MET_WITH"]
    assert {f["title"] for f in met} == {"Tokyo talks deepen Pacific ties", "Leaders meet again"}
    assert all(f["url"].startswith("https://news.example/") and f["published"] for f in met)
    assert views.entity_details(*world, "person:nobody") is None


def test_shortest_paths_australia_to_russia(world):
    v = views.shortest_paths(*world, AUSTRALIA, RUSSIA)
    assert ids(v) == {AUSTRALIA, CHINA, RUSSIA}
    assert {p for _, p, _ in facts(v)} == {"ACCUSED", "REJECTED", "TRADES_WITH", "COOPERATES_WITH"}
    assert views.shortest_paths(*world, AUSTRALIA, RUSSIA, predicates=("MEMBER_OF",), max_length=6).nodes == []
    # over alliances and sanctions: Australia - Quad - Japan - G7 - Russia
    longer = views.shortest_paths(*world, AUSTRALIA, RUSSIA, predicates=("MEMBER_OF", "SANCTIONED"), max_length=6)
    assert ids(longer) == {AUSTRALIA, QUAD, JAPAN, eid("Organization", "Group of Seven"), RUSSIA}
    assert (
        views.shortest_paths(*world, AUSTRALIA, RUSSIA, predicates=("MEMBER_OF", "SANCTIONED"), max_length=3).nodes
        == []
    )
    assert views.shortest_paths(*world, AUSTRALIA, RUSSIA, max_length=1).nodes == []


def test_timeline_counts_evidence_per_day_and_tone(world):
    rows = views.timeline(*world)
    day = {(r["day"], r["predicate"]): r for r in rows}
    assert day[("2024-03-05", "MET_WITH")]["facts"] == 1
    assert day[("2024-03-20", "IN_CONFLICT_WITH")]["tone"] == "conflict"
    assert sum(r["facts"] for r in rows) == 27  # every evidence sentence of the world is dated
    assert {r["predicate"] for r in views.timeline(*world, ("ACCUSED",))} == {"ACCUSED"}


def test_articles_and_one_article(world):
    rows = views.articles(*world)
    assert [r["id"] for r in rows][:2] == ["a4-canberra-beijing", "a3-g7-sanctions"]
    followup = next(r for r in rows if r["id"] == "a5-tokyo-followup")
    assert followup["facts"] == 2 and followup["has_text"] is False
    a1 = views.article(*world, "a1-tokyo-talks")
    assert a1["text"].startswith("Tokyo talks") and len(a1["evidence"]) == 8
    for ev in a1["evidence"]:
        assert a1["text"][ev["start"] : ev["end"]] == ev["evidence"]
    assert views.article(*world, "nope") is None
