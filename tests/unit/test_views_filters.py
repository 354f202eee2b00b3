"""The pure part of the query layer: view filters, their URL form and query parameters."""

from __future__ import annotations

from datetime import date

from explorer.graph.views import DEFAULT_CAP, ViewFilters, lucene_query
from explorer.ontology import ENTITY_TYPES, MODALITIES, PREDICATES


def test_defaults_select_everything():
    p = ViewFilters().params()
    assert p["predicates"] == list(PREDICATES) and p["types"] == list(ENTITY_TYPES)
    assert p["modalities"] == list(MODALITIES)
    assert p["anchor"] is None and p["source_articles"] is None and p["evidence_filter"] is False
    assert p["min_support"] == 1 and p["hide_isolated"] is True


def test_only_the_allow_list_reaches_cypher():
    f = ViewFilters(types=("Person", "Evil`) DETACH DELETE n //"), predicates=("MET_WITH", "MENTIONS", "x]-()"))
    assert f.types == ("Person",) and f.predicates == ("MET_WITH",)
    assert f.params()["predicates"] == ["MET_WITH"]


def test_values_are_clamped_and_parsed():
    f = ViewFilters(depth=9, cap=0, min_support="x", date_from=date(2024, 3, 1), date_to="not a date", size_by="?")
    assert f.depth == 3 and f.cap == 1 and f.min_support == 1
    assert f.date_from == "2024-03-01" and f.date_to is None and f.size_by == "degree"
    assert ViewFilters(cap=10**6).cap == 2000


def test_evidence_filter_switches_on_with_dates_sources_or_modality():
    assert ViewFilters(date_to="2024-01-01").evidence_filter
    assert ViewFilters(sources=("Wire",)).evidence_filter
    assert ViewFilters(modalities=("planned",)).evidence_filter
    assert not ViewFilters(min_support=3, predicates=("MET_WITH",)).evidence_filter


def test_url_round_trip():
    f = ViewFilters(
        types=("Person", "Country"),
        predicates=("MET_WITH",),
        focus=("country:JPN",),
        depth=2,
        countries=("country:AUS",),
        date_from="2024-03-01",
        date_to="2024-03-31",
        sources=("Wire, Inc.",),
        min_support=2,
        modalities=("planned",),
        hide_isolated=False,
        cap=150,
        expand=("person:x",),
        size_by="mentions",
        edge_cap=500,
    )
    query = f.to_query()
    assert query["type"] == ["Person", "Country"] and query["isolated"] == "show" and query["cap"] == "150"
    assert ViewFilters.from_query(query) == f
    assert ViewFilters().to_query() == {}  # defaults stay out of the URL


def test_from_query_accepts_comma_lists_and_drops_junk():
    f = ViewFilters.from_query({"type": ["Person,Place"], "pred": "MET_WITH,NOPE", "depth": ["x"], "cap": ["-5"]})
    assert f.types == ("Person", "Place") and f.predicates == ("MET_WITH",)
    assert f.depth == 1 and f.cap == 1
    assert ViewFilters.from_query({}).cap == DEFAULT_CAP


def test_filters_are_hashable_cache_keys():
    assert hash(ViewFilters(types=("Person",))) == hash(ViewFilters(types=["Person"]))


def test_lucene_query_is_escaped_and_prefix_matched():
    assert lucene_query("Xi Jin") == "xi* AND jin*"
    assert lucene_query('G7" OR name:*') == "g7* AND or* AND name*"
    assert lucene_query("  ()[]{}:^~ ") is None


def test_fact_queries_spell_out_exactly_the_ontologys_predicates():
    """The view's statements list the relationship types (so hubs' MENTIONS are never read)."""
    import re

    from explorer.graph import cypher

    union = "|".join(PREDICATES)
    for name in ("app/rank_entities", "app/neighbours", "app/facts_among"):
        text = cypher.text(name)
        spelled = re.findall(r"\[r:([A-Z_|]+)\]", text)
        assert spelled and all(s == union for s in spelled), name
