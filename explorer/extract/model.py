"""What the pipeline components hand each other on the Doc: entities, mentions and raw facts.

Components store them in Doc extensions (`doc._.mentions`, `doc._.facts`), so each stage can
be run and inspected alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from explorer.ontology import entity_id


@dataclass(eq=False)
class Entity:
    """One canonical node: every mention that means it points to the same object."""

    name: str
    type: str  # Person | Country | Organization | Place
    iso3: str | None = None  # countries; for places and companies: the country they are in
    kind: str | None = None  # organisation kind from the reference data (alliance, company, ...)
    aliases: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name, self.iso3 if self.type == "Country" else None)


# Mention labels set by the gazetteer and the people finder.
COUNTRY, ADJ, SEAT, ORG, COMPANY, PLACE, PERSON, PRONOUN = (
    "COUNTRY",
    "ADJ",
    "SEAT",
    "ORG",
    "COMPANY",
    "PLACE",
    "PERSON",
    "PRONOUN",
)

# What a mention does in its sentence, decided by the resolver.
ACTOR, LOCATION, MODIFIER = "actor", "location", "modifier"


@dataclass
class OfficeClaim:
    """An office stated next to a person: "Ruritanian Prime Minister" before "Jane Doe"."""

    title: str  # canonical title from offices.tsv
    level: str
    affiliation_end: int | None  # token index where the affiliation mention ends (None: no affiliation)
    affiliation: Mention | None = None  # linked by the resolver
    former: bool = False  # "former President X": not an office held now


@dataclass(eq=False)
class Mention:
    start: int  # token indices in the Doc, end exclusive
    end: int
    label: str
    entity: Entity | None = None
    role: str = ACTOR
    surface: str = ""
    ref: Any = None  # the gazetteer entry the mention was matched to
    offices: list[OfficeClaim] = field(default_factory=list)  # titles said next to a person
    role_ref: bool = False  # "the Chinese president": a person named only by office
    anaphor: bool = False  # "the alliance": an organisation named only by kind
    body: bool = False  # "the Peruvian defense ministry": a state body speaking for its country

    @property
    def is_actor(self) -> bool:
        return self.entity is not None and self.role == ACTOR


@dataclass
class RawFact:
    subject: Entity
    predicate: str
    object: Entity
    sent_start: int  # character offsets of the evidence sentence
    sent_end: int
    modality: str = "asserted"
    role: str | None = None
    commodity: str | None = None


def register_extensions() -> None:
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", default=None)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


register_extensions()
