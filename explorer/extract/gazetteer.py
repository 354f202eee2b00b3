"""The "news_gazetteer" component: mentions of known countries, capitals and seats,
organisations, companies, places and people, from the reference data.

Matching is case-insensitive (so "XI Jinping" is found) but a match must start with a
capital letter, and short acronyms must be written in capitals ("US", not "us").
Overlapping matches keep the longest ("People's Republic of China" over "China").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from explorer.extract.model import ADJ, COMPANY, COUNTRY, ORG, PERSON, PLACE, SEAT, Mention
from explorer.extract.reference import Reference, load_reference

# When one surface names entries of several kinds, the first kind here wins.
PRIORITY = (PERSON, COMPANY, ORG, COUNTRY, SEAT, PLACE, ADJ)


@dataclass(frozen=True)
class Entry:
    """What a surface form means: a label and the canonical name it stands for."""

    label: str
    name: str  # canonical name (for SEAT: the place name)
    iso3: str | None = None  # country of a COUNTRY / ADJ / SEAT / PLACE / COMPANY entry
    kind: str | None = None


def _entries(ref: Reference) -> dict[str, set[Entry]]:
    table: dict[str, set[Entry]] = {}

    def add(surface: str, entry: Entry) -> None:
        table.setdefault(surface, set()).add(entry)

    for c in ref.countries.values():
        for form in (c.name, *c.alt_names):
            add(form, Entry(COUNTRY, c.name, c.iso3))
        for form in c.adjectives:
            add(form, Entry(ADJ, c.name, c.iso3))
        for form in c.capitals:
            add(form, Entry(SEAT, c.capital, c.iso3))
        for form in c.seats:
            add(form, Entry(SEAT, form.removeprefix("The "), c.iso3, "seat"))
    for o in ref.organizations.values():
        for form in (o.name, *o.aliases):
            add(form, Entry(ORG, o.name, None, o.kind))
    add("Western", Entry(ADJ, "Western countries", None, "collective"))
    for o in ref.companies.values():
        for form in (o.name, *o.aliases):
            add(form, Entry(COMPANY, o.name, o.home, o.kind))
    for p in ref.places.values():
        for form in (p.name, *p.aliases):
            add(form, Entry(PLACE, p.name, p.iso3))
    for t in ref.tenures:
        for form in (t.name, *t.aliases):
            add(form, Entry(PERSON, t.name))
    return table


def _case_ok(form: str, text: str) -> bool:
    """A match must look like a name: capitalised, and acronyms in capitals."""
    if form.startswith("The ") and text[:4].lower() == "the ":
        form, text = form[4:], text[4:]  # "the West", "the Kremlin"
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    letters = [ch for ch in form if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(form.split()) == 1:
        if len(letters) <= 3:
            return text == form or text.replace(".", "") == form.replace(".", "")
        return text.isupper() or text.istitle()
    return True


def _name_like(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


class Gazetteer:
    def __init__(self, nlp: Language, name: str = "news_gazetteer"):
        self.name = name
        ref = load_reference()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.table: dict[str, tuple[str, Entry | None]] = {}  # lowercase surface -> (form, entry)
        for form, entries in _entries(ref).items():
            best = min(entries, key=lambda e: PRIORITY.index(e.label))
            rivals = [e for e in entries if e.label == best.label and e != best]
            # A surface that names two entries of the same kind (e.g. "Congolese") is ambiguous: no entry.
            key = form.lower()
            self.table[key] = (form, None if rivals else best)
            self.matcher.add(key, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            form, entry = self.table[doc.vocab.strings[match_id]]
            if entry is None or not _case_ok(form, doc[start:end].text):
                continue
            if entry.label == PERSON and end - start == 1 and end < len(doc) and _name_like(doc[end]):
                continue  # "Abbas Araghchi" is not Mahmoud Abbas: a lone surname must stand alone
            found.append((start, end, entry))
        # Longest first, then leftmost; drop anything overlapping a kept match.
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = bytearray(len(doc))
        mentions = []
        for start, end, entry in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            mentions.append(Mention(start, end, entry.label, surface=doc[start:end].text, ref=entry))
        mentions.sort(key=lambda m: m.start)
        doc._.mentions = mentions
        return doc


@Language.factory("news_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
