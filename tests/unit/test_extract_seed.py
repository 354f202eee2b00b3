"""Regression: the bundled seed article scored against its gold facts (the rules of
../shared/eval/score.py: aliases, case/accent folding, symmetric predicates)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from explorer.extract import extract_article
from explorer.sources.files import read_article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "explorer" / "sample" / "000_938c954fd15f353c.txt"
GOLD = ROOT / "tests" / "data" / "000_938c954fd15f353c.gold.json"
SYMMETRIC = {"MET_WITH", "COOPERATES_WITH", "TRADES_WITH", "IN_CONFLICT_WITH"}


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[^\w\s]", " ", name.casefold())
    return re.sub(r"^the\s+", "", " ".join(name.split()))


def score(facts, gold: dict) -> tuple[float, float, list, list]:
    alias = {}
    for canonical, forms in gold.get("aliases", {}).items():
        for form in [canonical, *forms]:
            alias[_fold(form)] = _fold(canonical)

    def key(s, p, o):
        s, o = alias.get(_fold(s), _fold(s)), alias.get(_fold(o), _fold(o))
        return (o, p, s) if p in SYMMETRIC and o < s else (s, p, o)

    required = {key(*f) for f in gold["required"]}
    acceptable = {key(*f) for f in gold.get("acceptable", [])} | required
    predicted = {key(f.subject, f.predicate, f.object) for f in facts}
    precision = len(predicted & acceptable) / len(predicted) if predicted else 0.0
    recall = len(predicted & required) / len(required)
    return precision, recall, sorted(required - predicted), sorted(predicted - acceptable)


def test_seed_article_meets_the_quality_bar():
    facts = extract_article(read_article(SEED))
    precision, recall, missed, spurious = score(facts, json.loads(GOLD.read_text()))
    assert precision >= 0.9, f"precision {precision:.2f}; spurious: {spurious}"
    assert recall >= 0.9, f"recall {recall:.2f}; missed: {missed}"


def test_scorer_can_fail():
    gold = json.loads(GOLD.read_text())
    assert score([], gold)[1] == 0.0


def test_bundled_seed_facts_are_current():
    """explorer/sample/seed.facts.jsonl is the extractor's output for the sample, regenerated."""
    lines = (ROOT / "explorer" / "sample" / "seed.facts.jsonl").read_text().splitlines()
    stored = {(d["subject"], d["predicate"], d["object"]) for d in map(json.loads, lines)}
    fresh = {(f.subject, f.predicate, f.object) for f in extract_article(read_article(SEED))}
    assert stored == fresh
