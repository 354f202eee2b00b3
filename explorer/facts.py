"""One fact of the extraction contract, as JSON lines: the shape shared by
`explorer extract --json` (producer) and `explorer load` / the graph writer (consumers).

Required keys: subject, subject_type, predicate, object, object_type, evidence, article.
Optional keys: modality, evidence_start/evidence_end (character offsets of the evidence
in the article text), role (HOLDS_OFFICE), commodity (TRADES_WITH), subject_id/object_id
(canonical entity ids; derived from type and name when absent), subject_aliases /
object_aliases (surface forms seen), subject_iso3 / object_iso3 (countries),
article_title, article_url, article_published (ISO date), article_source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from explorer.ontology import MODALITIES, OntologyError, check_fact_types, entity_id

REQUIRED_KEYS = ("subject", "subject_type", "predicate", "object", "object_type", "evidence", "article")


class FactError(ValueError):
    """A fact that does not follow the extraction contract."""


@dataclass
class Fact:
    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str
    evidence: str
    article: str
    modality: str = "asserted"
    evidence_start: int | None = None
    evidence_end: int | None = None
    role: str | None = None
    commodity: str | None = None
    subject_id: str = ""
    object_id: str = ""
    subject_aliases: list[str] = field(default_factory=list)
    object_aliases: list[str] = field(default_factory=list)
    subject_iso3: str | None = None
    object_iso3: str | None = None
    article_title: str | None = None
    article_url: str | None = None
    article_published: str | None = None
    article_source: str | None = None

    def __post_init__(self) -> None:
        if not self.subject_id:
            self.subject_id = entity_id(self.subject_type, self.subject, self.subject_iso3)
        if not self.object_id:
            self.object_id = entity_id(self.object_type, self.object, self.object_iso3)

    @classmethod
    def from_dict(cls, data: Any) -> Fact:
        """Validate one decoded JSON line; raise FactError naming what is wrong."""
        if not isinstance(data, dict):
            raise FactError("a fact must be a JSON object")
        missing = [k for k in REQUIRED_KEYS if not data.get(k)]
        if missing:
            raise FactError(f"missing key(s): {', '.join(missing)}")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in REQUIRED_KEYS:
            if not isinstance(known[key], str):
                raise FactError(f"{key} must be a string")
        modality = known.get("modality") or "asserted"
        if modality not in MODALITIES:
            raise FactError(f"unknown modality {modality!r} (allowed: {', '.join(MODALITIES)})")
        known["modality"] = modality
        try:
            check_fact_types(known["predicate"], known["subject_type"], known["object_type"])
            return cls(**known)
        except (OntologyError, TypeError) as exc:
            raise FactError(str(exc)) from None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-lines form, without empty optional keys."""
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")}
