from __future__ import annotations

import pytest

from explorer.facts import Fact, FactError
from explorer.ontology import PREDICATES, SYMMETRIC, OntologyError, check_fact_types, entity_id, fold

BASE = {
    "subject": "Xi Jinping",
    "subject_type": "Person",
    "predicate": "MET_WITH",
    "object": "Vladimir Putin",
    "object_type": "Person",
    "evidence": "Xi met Putin.",
    "article": "a1",
}


def test_the_ontology_lists_the_sixteen_predicates_of_the_contract():
    assert len(PREDICATES) == 16
    assert {"MET_WITH", "COOPERATES_WITH", "TRADES_WITH", "IN_CONFLICT_WITH"} == SYMMETRIC
    assert {p.tone for p in PREDICATES.values()} == {-1, 0, 1}


def test_types_are_checked_per_predicate():
    check_fact_types("HOLDS_OFFICE", "Person", "Country")
    with pytest.raises(OntologyError, match="does not take a Country subject"):
        check_fact_types("HOLDS_OFFICE", "Country", "Country")
    with pytest.raises(OntologyError, match="unknown predicate"):
        check_fact_types("DETACH DELETE", "Person", "Person")
    with pytest.raises(OntologyError, match="unknown entity type"):
        check_fact_types("MET_WITH", "Person`) DETACH DELETE (n", "Person")


def test_fold_and_ids_are_case_accent_and_spacing_insensitive():
    assert fold("XI  Jinping") == fold("Xi JInping") == "xi jinping"
    assert fold("Erdoğan") == "erdogan"
    assert entity_id("Person", "XI Jinping") == entity_id("Person", "Xi  jinping") == "person:xi-jinping"
    assert entity_id("Country", "US", "usa") == entity_id("Country", "United States", "USA") == "country:USA"


def test_fact_from_dict_validates_the_contract():
    fact = Fact.from_dict(BASE)
    assert fact.subject_id == "person:xi-jinping" and fact.modality == "asserted"
    assert Fact.from_dict(fact.to_dict()) == fact
    for broken, message in (
        ({**BASE, "predicate": "LIKES"}, "unknown predicate"),
        ({k: v for k, v in BASE.items() if k != "article"}, "missing key"),
        ({**BASE, "modality": "rumoured"}, "unknown modality"),
        ({**BASE, "subject": 7}, "must be a string"),
        ({**BASE, "object_type": "Place"}, "does not take a Place object"),
        ([1, 2], "JSON object"),
    ):
        with pytest.raises(FactError, match=message):
            Fact.from_dict(broken)


def test_unknown_keys_are_ignored_not_fatal():
    assert Fact.from_dict({**BASE, "confidence": 0.9}).subject == "Xi Jinping"
