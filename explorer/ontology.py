"""The knowledge-graph schema of ../shared/ONTOLOGY.md (v1): the allow-list.

Every label and relationship type that reaches Cypher comes from here; anything
else is refused before a query is built.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ENTITY_LABEL = "Entity"
ENTITY_TYPES: tuple[str, ...] = ("Person", "Country", "Organization", "Place")
ACTORS = frozenset(ENTITY_TYPES)

MODALITIES: tuple[str, ...] = ("asserted", "planned", "reported")

# Tone names used by the app's legend and filters.
TONE_NAMES = {1: "cooperation", -1: "conflict", 0: "neutral"}


@dataclass(frozen=True)
class Predicate:
    name: str
    subjects: frozenset[str]
    objects: frozenset[str]
    symmetric: bool
    tone: int  # +1 cooperation, -1 conflict, 0 neutral
    cameo: str | None
    description: str

    @property
    def tone_name(self) -> str:
        return TONE_NAMES[self.tone]


def _p(name, subjects, objects, symmetric, tone, cameo, description) -> Predicate:
    return Predicate(name, frozenset(subjects), frozenset(objects), symmetric, tone, cameo, description)


_PEOPLE_STATES = ("Person", "Country")
_STATES_ORGS = ("Country", "Organization")

PREDICATES: dict[str, Predicate] = {
    p.name: p
    for p in (
        _p("HOLDS_OFFICE", ["Person"], _STATES_ORGS, False, 0, None, "holds an office in"),
        _p("MET_WITH", _PEOPLE_STATES, _PEOPLE_STATES, True, 1, "04", "met / held talks with"),
        _p("VISITED", _PEOPLE_STATES, ["Place", "Country"], False, 1, "042", "visited"),
        _p("INVITED", _PEOPLE_STATES, _PEOPLE_STATES, False, 1, "043", "invited"),
        _p("SUPPORTS", ACTORS, ACTORS, False, 1, "05", "supports / praised / defended"),
        _p("COOPERATES_WITH", ACTORS, ACTORS, True, 1, "06", "cooperates with"),
        _p("TRADES_WITH", _STATES_ORGS, _STATES_ORGS, True, 1, "061", "trades with"),
        _p("MEMBER_OF", ["Country", "Organization", "Person"], ["Organization"], False, 0, None, "is a member of"),
        _p("LOCATED_IN", ["Place"], ["Place", "Country"], False, 0, None, "is located in"),
        _p("BASED_IN", ["Organization"], ["Country", "Place"], False, 0, None, "is based in"),
        _p("CRITICIZED", ACTORS, ACTORS, False, -1, "111", "criticized"),
        _p("ACCUSED", ACTORS, ACTORS, False, -1, "112", "accused"),
        _p("REJECTED", ACTORS, ACTORS, False, -1, "12", "rejected / denied"),
        _p("OPPOSES", ACTORS, ACTORS, False, -1, "12", "opposes"),
        _p("SANCTIONED", ACTORS, ACTORS, False, -1, "163", "sanctioned"),
        _p("IN_CONFLICT_WITH", _STATES_ORGS, _STATES_ORGS, True, -1, "19", "is in armed conflict with"),
    )
}
SYMMETRIC = frozenset(name for name, p in PREDICATES.items() if p.symmetric)


class OntologyError(ValueError):
    """A label, relationship type or fact shape that the ontology does not allow."""


def check_type(entity_type: str) -> str:
    if entity_type not in ENTITY_TYPES:
        raise OntologyError(f"unknown entity type {entity_type!r} (allowed: {', '.join(ENTITY_TYPES)})")
    return entity_type


def check_predicate(predicate: str) -> Predicate:
    try:
        return PREDICATES[predicate]
    except KeyError:
        raise OntologyError(f"unknown predicate {predicate!r} (allowed: {', '.join(PREDICATES)})") from None


def check_fact_types(predicate: str, subject_type: str, object_type: str) -> Predicate:
    """Raise OntologyError unless the predicate allows these subject and object types."""
    p = check_predicate(predicate)
    check_type(subject_type)
    check_type(object_type)
    if subject_type not in p.subjects:
        raise OntologyError(f"{predicate} does not take a {subject_type} subject")
    if object_type not in p.objects:
        raise OntologyError(f"{predicate} does not take a {object_type} object")
    return p


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name ("XI  Jinping" -> "xi jinping")."""
    name = unicodedata.normalize("NFKD", str(name))
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[^\w\s]", " ", name.casefold())
    return re.sub(r"^the\s+", "", " ".join(name.split()))


def entity_id(entity_type: str, name: str, iso3: str | None = None) -> str:
    """Stable id of a canonical entity, the same across articles and runs.

    Countries are keyed by ISO 3166 alpha-3 when known, so "US" and "United States"
    from two extractor versions still meet in one node.
    """
    check_type(entity_type)
    if entity_type == "Country" and iso3:
        return f"country:{iso3.upper()}"
    return f"{entity_type.lower()}:{fold(name).replace(' ', '-')}"
