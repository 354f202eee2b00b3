"""Article text in, typed evidenced facts out (ONTOLOGY.md, issue 3).

One fact per (subject, predicate, object) per article: when several sentences state the same
triple, the first one is kept as the evidence.
"""

from __future__ import annotations

from explorer.extract.model import RawFact
from explorer.extract.pipeline import get_pipeline
from explorer.facts import Fact
from explorer.ontology import SYMMETRIC
from explorer.sources.article import Article

__all__ = ["extract_article", "extract_text"]


def extract_text(text: str, article_id: str, published: str | None = None) -> list[Fact]:
    return extract_article(Article(id=article_id, text=text, published=published))


def extract_article(article: Article) -> list[Fact]:
    nlp = get_pipeline()
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    for _, component in nlp.pipeline:
        doc = component(doc)
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()
    for raw in doc._.facts or []:
        fact = _to_fact(raw, article, article.text)
        key = (fact.subject_id, fact.predicate, fact.object_id)
        if fact.predicate in SYMMETRIC and key[2] < key[0]:
            key = (key[2], key[1], key[0])
        if key in seen:
            continue
        seen.add(key)
        facts.append(fact)
    return facts


def _to_fact(raw: RawFact, article: Article, text: str) -> Fact:
    s, o = raw.subject, raw.object
    start, end = raw.sent_start, raw.sent_end
    evidence = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    return Fact(
        subject=s.name,
        subject_type=s.type,
        predicate=raw.predicate,
        object=o.name,
        object_type=o.type,
        evidence=evidence,
        article=article.path or article.id,
        modality=raw.modality,
        evidence_start=start,
        evidence_end=start + len(evidence),
        role=raw.role,
        commodity=raw.commodity,
        subject_id=s.id,
        object_id=o.id,
        subject_aliases=sorted(s.aliases),
        object_aliases=sorted(o.aliases),
        subject_iso3=s.iso3 if s.type == "Country" else None,
        object_iso3=o.iso3 if o.type == "Country" else None,
        article_title=article.title,
        article_url=article.url,
        article_published=article.published,
        article_source=article.source,
    )
