"""Extraction speed on one core: articles/second and facts/second.

    .venv/bin/python bench/bench_extract.py [--articles 200] [--words 800] [FILE ...]

Without files it generates news-like articles of about --words words from templates over the
reference data (seeded, so runs are comparable); with files it repeats them up to --articles.
The pipeline is built once before timing, as in a long-running process.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.extract import extract_article
from explorer.extract.pipeline import get_pipeline
from explorer.extract.reference import load_reference
from explorer.sources.article import Article
from explorer.sources.files import read_article

TEMPLATES = [
    "{p1} met {p2} in {city} on {day}, and the two sides held talks on trade and security.",
    "{adj1} President {name} said on {day} that {c1} would deepen its strategic partnership with {c2}.",
    "{c1} has accused {c2} of violating the ceasefire, claims {c2} has denied.",
    "The {adj1} foreign ministry said {adj2} troops launched an attack on border positions overnight.",
    "{c1} and {c2} are close trading partners, and {c1} boosted gas exports to {c2} last year.",
    "{p1} is expected to visit {city} next month, officials said, where {pron} will meet {p2}.",
    "Analysts said the talks were unlikely to produce a breakthrough before the end of the year.",
    "{c1} is part of {org}, which also includes {c2} and {c3}, and has pushed for a common position.",
    "Prices for wheat and fertiliser rose sharply as shipping routes through the region were disrupted.",
    "{company}, the {adj1} energy group, said it had signed a supply deal with {c2} worth billions.",
    "Western countries imposed sanctions on {c2} after the vote, and {p1} criticised the decision.",
    '"We will not accept any pressure," {p2} told reporters in {city} after the meeting.',
    "Officials in {city} said the negotiations would continue in the coming weeks despite the tensions.",
    "{p1} did not meet {p2} during the visit, according to people familiar with the matter.",
]


def synthetic(n: int, words: int, seed: int = 7) -> list[Article]:
    ref = load_reference()
    rng = random.Random(seed)
    countries = [c for c in ref.countries.values() if c.adjectives]
    people = sorted({t.name for t in ref.tenures})
    orgs = [o.name for o in ref.organizations.values() if o.members]
    companies = list(ref.companies)
    out = []
    for i in range(n):
        sentences, count = [], 0
        while count < words:
            c = rng.sample(countries, 3)
            text = rng.choice(TEMPLATES).format(
                p1=rng.choice(people),
                p2=rng.choice(people),
                name=rng.choice(people),
                c1=c[0].name,
                c2=c[1].name,
                c3=c[2].name,
                adj1=c[0].adjectives[0],
                adj2=c[1].adjectives[0],
                city=c[0].capital or c[0].name,
                org=rng.choice(orgs),
                company=rng.choice(companies),
                day=rng.choice(["Monday", "Tuesday", "Friday"]),
                pron=rng.choice(["he", "she"]),
            )
            sentences.append(text)
            count += len(text.split())
        out.append(Article(id=f"bench-{i:04d}", text=" ".join(sentences)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="article files to repeat (default: generated articles)")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--words", type=int, default=800)
    args = ap.parse_args()
    if args.files:
        base = [read_article(f) for f in args.files]
        articles = [base[i % len(base)] for i in range(args.articles)]
    else:
        articles = synthetic(args.articles, args.words)
    words = sum(len(a.text.split()) for a in articles)
    get_pipeline()  # built once, outside the timing
    extract_article(articles[0])
    start, cpu_start = time.perf_counter(), time.process_time()
    facts = sum(len(extract_article(a)) for a in articles)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{len(articles)} articles, {words / len(articles):.0f} words each, {facts} facts, one process")
    # CPU time is what one core spends; wall time also counts waiting for a busy machine.
    for label, elapsed in (("cpu", cpu), ("wall", wall)):
        print(
            f"{label:>4}: {elapsed:.2f}s  {len(articles) / elapsed:.1f} articles/s  "
            f"{facts / elapsed:.1f} facts/s  {words / elapsed:.0f} words/s"
        )


if __name__ == "__main__":
    main()
