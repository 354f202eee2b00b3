"""The "news_sentences" component: rule-based sentence boundaries for news copy.

spaCy's sentencizer ignores line breaks, but headlines, datelines and paragraphs in
scraped articles often end without a full stop; a line break always ends a sentence here.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = frozenset({".", "!", "?", "…"})
CLOSERS = frozenset({"”", '"', "’", "'", ")", "»"})


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    starts = numpy.full(len(doc), -1, dtype="int64")  # set all at once: per-token setters are slow
    after_terminal = False
    start_next = True
    for i, text in enumerate(t.text for t in doc):
        if text.isspace():
            if start_next:
                starts[i] = 1
            if "\n" in text:
                start_next = True
            after_terminal = False
            continue
        if start_next or (after_terminal and text not in CLOSERS and not text[:1].islower()):
            starts[i] = 1
            start_next = False
        if text in TERMINALS:
            after_terminal = True
        elif text not in CLOSERS:
            after_terminal = False
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc
