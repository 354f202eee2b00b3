"""Reference data of the extractor, read once from the TSV files in `data/`.

The files are the source of truth (see data/README.md for where they come from); this
module only parses them into lookups. Nothing here knows about spaCy.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    alt_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]  # canonical spelling first
    seats: tuple[str, ...]

    @property
    def capital(self) -> str | None:
        return self.capitals[0] if self.capitals else None


@dataclass(frozen=True)
class Organization:
    name: str
    kind: str
    aliases: tuple[str, ...]
    members: tuple[tuple[str, str | None], ...]  # (iso3 or "*", member since ISO date or None)
    home: str | None = None  # ISO3 of the home country (companies, agencies)

    def has_member(self, iso3: str, on: str | None = None) -> bool:
        for member, since in self.members:
            if member in ("*", iso3):
                return since is None or on is None or on >= since
        return False


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...]
    iso3: str | None


@dataclass(frozen=True)
class Office:
    title: str
    level: str  # head | minister | official | org | spokesperson
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Tenure:
    name: str
    aliases: tuple[str, ...]
    title: str
    affiliation: str  # ISO3 or an organisation's canonical name
    start: str
    end: str

    def holds_on(self, date: str | None) -> bool:
        if not date:
            return not self.end
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass
class Reference:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)  # by canonical name
    companies: dict[str, Organization] = field(default_factory=dict)  # with a home country, and state bodies
    places: dict[str, Place] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)  # by canonical title
    tenures: list[Tenure] = field(default_factory=list)
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # word lists by file stem
    anaphors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # head noun -> organisation kinds

    def org(self, name: str) -> Organization | None:
        return self.organizations.get(name) or self.companies.get(name)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _members(value: str) -> tuple[tuple[str, str | None], ...]:
    out = []
    for item in _split(value):
        iso3, _, since = item.partition("@")
        out.append((iso3, since or None))
    return tuple(out)


def _words(name: str) -> frozenset[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def load_reference() -> Reference:
    ref = Reference()
    for r in _rows("countries.tsv"):
        ref.countries[r["iso3"]] = Country(
            r["iso3"],
            r["name"],
            _split(r["alt_names"]),
            _split(r["adjectives"]),
            _split(r["capital"]),
            _split(r["seats"]),
        )
    for r in _rows("organizations.tsv"):
        ref.organizations[r["name"]] = Organization(r["name"], r["kind"], _split(r["aliases"]), _members(r["members"]))
    for name in ("companies.tsv", "state_bodies.tsv", "parties.tsv"):
        for r in _rows(name):
            ref.companies[r["name"]] = Organization(r["name"], r["kind"], _split(r["aliases"]), (), r["iso3"] or None)
    for r in _rows("places.tsv"):
        ref.places[r["name"]] = Place(r["name"], _split(r["aliases"]), r["iso3"] or None)
    for r in _rows("offices.tsv"):
        ref.offices[r["title"]] = Office(r["title"], r["level"], _split(r["variants"]))
    for r in _rows("people.tsv"):
        ref.tenures.append(Tenure(r["name"], _split(r["aliases"]), r["title"], r["affiliation"], r["from"], r["to"]))
    for r in _rows("anaphors.tsv"):
        ref.anaphors[r["noun"]] = _split(r["kinds"])
    for path in sorted(DATA_DIR.glob("*.txt")):
        ref.words[path.stem] = _words(path.name)
    return ref
