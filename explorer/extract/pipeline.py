"""The extractor's spaCy pipeline, composed by configuration and built once per process.

No statistical model is needed: a blank English tokenizer, our rule-based sentence splitter,
then the four named components. Each can be swapped or configured through `nlp.add_pipe`.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

# Importing the modules registers the components by name.
from explorer.extract import gazetteer, people, relations, resolver, sentences  # noqa: F401

COMPONENTS: tuple[str, ...] = ("news_sentences", "news_gazetteer", "news_people", "news_resolver", "news_relations")


def build_pipeline(components: tuple[str, ...] = COMPONENTS) -> Language:
    """A fresh pipeline with the given components in order (tests build partial ones)."""
    nlp = spacy.blank("en")
    nlp.max_length = 6_000_000  # no parser or NER: long texts are safe; sources refuse files over 5 MB
    for name in components:
        nlp.add_pipe(name)
    return nlp


@cache
def get_pipeline() -> Language:
    """The full pipeline, built on first use and shared by every extraction in the process."""
    return build_pipeline()
