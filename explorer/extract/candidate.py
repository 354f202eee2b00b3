"""A candidate fact of the relations component, before the gate decides on it."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.extract.model import Entity, Mention


@dataclass
class Candidate:
    subject: Mention | Entity
    predicate: str
    object: Mention | Entity
    cue: int  # token index of the cue, for the negation / modality window
    role: str | None = None
    commodity: str | None = None
    gate: bool = True  # False for structural facts (titles, appositions) that no clause can negate


def _entity(x: Mention | Entity) -> Entity | None:
    return x.entity if isinstance(x, Mention) else x
