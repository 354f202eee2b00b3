"""The "news_gazetteer" component: mentions of known countries, capitals and seats,
organisations, companies, places and people, from the reference data.

Matching is case-insensitive (so "XI Jinping" is found) but a match must start with a
capital letter, and short acronyms must be written in capitals ("US", not "us").
Overlapping matches keep the longest ("People's Republic of China" over "China").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from explorer.extract.model import ADJ, COMPANY, COUNTRY, ORG, PERSON, PLACE, SEAT, Mention
from explorer.extract.reference import Reference, load_reference

DIRECTIONS = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)
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
            if o.kind == "voice" and o.home:  # "the Treasury Department said": the country speaking
                add(form, Entry(COUNTRY, ref.countries[o.home].name, o.home, "voice"))
            else:
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


# Legislatures every country may have, named without the country ("the National Assembly").
GENERIC_LEGISLATURES = ("National Assembly", "House of Representatives", "Chamber of Deputies", "Senate", "Parliament")
# Those named "<Adjective> <name>" when no list knows the country's ("the Kenyan National Assembly").
GENERIC_NAMED = frozenset(["National Assembly", "Chamber of Deputies", "Parliament"])

# Words that with a legal form or industry word make no name of one company: "Central Bank", "Working Group".
GENERIC_NAME_WORDS = frozenset(
    [
        "central",
        "national",
        "commercial",
        "development",
        "investment",
        "state",
        "reserve",
        "federal",
        "people",
        "people's",
        "agricultural",
        "export",
        "import",
        "savings",
        "international",
        "world",
        "islamic",
        "european",
        "asian",
        "african",
        "arab",
        "new",
        "first",
        "united",
        "working",
        "contact",
        "advisory",
        "expert",
        "study",
        "task",
        "action",
        "support",
        "friendship",
        "parliamentary",
        "regional",
        "global",
        "oil",
        "energy",
        "steel",
    ]
)

# Name particles: a surname after "al-" or "de" belongs to a longer name.
_PARTICLES = frozenset(
    {"al", "el", "bin", "bint", "ibn", "de", "da", "di", "du", "van", "von", "der", "la", "le", "abu"}
)


# The last word of an office title: a country name right after it and before a capitalised word is a
# given name ("Defence Minister Israel Katz", "President Chad Smith").
_TITLE_ENDS = frozenset(
    [
        "minister",
        "president",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "chairman",
        "chairwoman",
        "chairperson",
        "governor",
        "senator",
        "mayor",
        "premier",
        "chancellor",
        "counterpart",
    ]
)


def _surname_after(doc: Doc, i: int) -> bool:
    """A country word followed by a capitalised word that the article also uses alone, as a name:
    "Israel Katz ... Katz said"."""
    if i + 1 >= len(doc) or not _name_like(doc[i + 1]) or doc[i + 1].text.isupper():
        return False
    word = doc[i + 1].text
    for tok in doc:
        if tok.text == word and tok.i != i + 1 and (tok.i == 0 or doc[tok.i - 1].text != doc[i].text):
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or not nxt.text[:1].isupper():
                return True
    return False


def _after_particle(doc: Doc, i: int) -> bool:
    k = i - 1
    if k >= 0 and doc[k].text in ("-", "‑"):
        k -= 1
    return k >= 0 and doc[k].lower_ in _PARTICLES and (k == 0 or doc[k - 1].text[:1].isupper())


def _name_like(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


class Gazetteer:
    def __init__(self, nlp: Language, name: str = "news_gazetteer"):
        self.name = name
        ref = load_reference()
        self.company_nouns = ref.words["company_nouns"]
        self.suffixes = ref.words["company_suffixes"]
        self.ranks = ref.words["ranks"]
        self.not_names = ref.words["not_names"]
        self.place_nouns = ref.words["place_nouns"]
        self.directions = DIRECTIONS
        self.countries = ref.countries
        self.legislatures: dict[tuple[str, str], str] = {}  # (iso3, generic name) -> listed legislature
        for o in ref.companies.values():
            if o.kind == "legislature" and o.home:
                for form in (o.name, *o.aliases):
                    for words in GENERIC_LEGISLATURES:
                        if form.endswith(words):
                            self.legislatures.setdefault((o.home, words), o.name)
        self.generic_matcher = PhraseMatcher(nlp.vocab)  # case-sensitive: "the Senate", not "senate"
        for words in GENERIC_LEGISLATURES:
            self.generic_matcher.add(words, [nlp.make_doc(words)])
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
            if (
                entry.label == COUNTRY
                and end - start == 1
                and start > 0
                and doc[start - 1].lower_ in _TITLE_ENDS
                and end < len(doc)
                and _name_like(doc[end])
            ):
                continue  # "Defence Minister Israel Katz": a given name, not the country
            if entry.label == COUNTRY and end - start == 1 and _surname_after(doc, start):
                continue  # "Israel Katz, the defence minister, ... Katz said": a person named for a country
            if entry.label == PERSON and end - start == 1 and _after_particle(doc, start):
                continue  # "Ali Youssef al-Sharif" is not Shehbaz Sharif
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
        mentions.extend(self._generic_legislatures(doc, taken, mentions))
        mentions.extend(self._unlisted_companies(doc, taken, mentions))
        mentions.extend(self._unlisted_places(doc, taken, {m.start: m for m in mentions if m.label == COUNTRY}))
        mentions.sort(key=lambda m: m.start)
        doc._.mentions = mentions
        return doc

    # -- legislatures named without their country -------------------------------------------------

    def _generic_legislatures(self, doc: Doc, taken: bytearray, mentions: list[Mention]) -> list[Mention]:
        """ "the President of the National Assembly" after "French Prime Minister X": the legislature of
        the country last named in this or the previous sentence (the listed one, else "<Adjective> <name>")."""
        out = []
        hits = self.generic_matcher(doc)
        if not hits:
            return out
        starts = sorted(s.start for s in doc.sents)
        for match_id, i, end in hits:
            if i == 0 or any(taken[i:end]) or doc[i - 1].lower_ != "the":
                continue
            words = doc.vocab.strings[match_id]
            n = bisect_right(starts, i) - 1
            lo = starts[max(0, n - 1)]
            near = [m for m in mentions if lo <= m.start < i and m.label in (COUNTRY, ADJ, SEAT) and m.ref.iso3]
            if not near:
                continue
            iso3 = near[-1].ref.iso3
            name = self.legislatures.get((iso3, words))
            if name is None and words not in GENERIC_NAMED:
                continue  # "the Senate" of a country no list knows: too many countries call it otherwise
            if name is None:
                country = self.countries[iso3]
                name = f"{country.adjectives[0] if country.adjectives else country.name} {words}"
            taken[i:end] = b"\x01" * (end - i)
            entry = Entry(COMPANY, name, iso3, "legislature")
            out.append(Mention(i, end, COMPANY, surface=doc[i:end].text, ref=entry))
        return out

    # -- companies no list knows ------------------------------------------------------------------

    def _unlisted_companies(self, doc: Doc, taken: bytearray, mentions: list[Mention]) -> list[Mention]:
        """ "the Ruritanian state shipping company Northwind", "Oslo-based Fjordline", "Acme Petrochemical":
        a capitalised name after a company noun with a home before it, after "<place>-based", or ending
        in a legal form or industry word."""
        by_end = {m.end: m for m in mentions}
        out = []
        for tok in doc:
            i = tok.i
            if taken[i] or not tok.text[:1].isupper() or (i > 0 and taken[i - 1] and doc[i - 1].text != "-"):
                continue
            if (
                tok.lower_ in self.ranks
                and i > 0
                and doc[i - 1].text[:1].isupper()
                and (doc[i - 1].lower_ in self.ranks or doc[i - 1].lower_ in self.company_nouns)
            ):
                continue  # "Turkish Major General X", "Group Captain X": a compound rank, not "<adj> major X"
            end = self._name_end(doc, i, taken)
            if end == i or (end < len(doc) and taken[end] and doc[end].text[:1].isupper()):
                continue  # "Kataib Hezbollah": part of a longer name the lists only half know
            home = self._descriptor_home(doc, i, by_end)
            kind = "company"
            # "Lima-based Andina": one word, since "Kyiv-based Anna Petrova" is a person
            if home is None and end - i == 1 and i >= 3 and doc[i - 1].lower_ == "based" and doc[i - 2].text == "-":
                place = by_end.get(i - 2)
                home, kind = (
                    (place, None) if place is not None and place.label in (COUNTRY, SEAT, PLACE) else (None, kind)
                )
            if home is None and not (end - i >= 2 and doc[end - 1].lower_ in self.suffixes):
                continue
            if home is None and all(t.lower_ in GENERIC_NAME_WORDS for t in doc[i : end - 1]):
                continue  # "Central Bank", "Contact Group": every country has one, so no name
            iso3 = home.ref.iso3 if home is not None else None
            name = doc[i:end].text
            out.append(Mention(i, end, COMPANY, surface=name, ref=Entry(COMPANY, name, iso3, kind)))
            taken[i:end] = b"\x01" * (end - i)
        return out

    # -- places no list knows --------------------------------------------------------------------

    def _unlisted_places(self, doc: Doc, taken: bytearray, countries: dict[int, Mention]) -> list[Mention]:
        """ "the Tigray region", "the Neelum Valley", "the city of Kassala", "near Anantnag in southern X",
        "Gorod, the capital of X": a capitalised name that a place noun or a place phrase marks."""
        out = []
        for tok in doc:
            i = tok.i
            if taken[i] or not tok.text[:1].isupper() or tok.is_sent_start:
                continue
            end = self._name_end(doc, i, taken)
            if end == i or end - i > 3:
                continue
            before = doc[i - 1].lower_ if i > 0 else ""
            after = doc[end].lower_ if end < len(doc) else ""
            last = doc[end - 1].lower_
            nouns = self.place_nouns
            name_end = end
            if end - i >= 2 and last in nouns and before in ("the", "'s", "’s"):
                pass  # "the Neelum Valley": the noun is part of the name
            elif after in nouns and before in ("the", "'s", "’s") and doc[end].is_lower:
                pass  # "the Tigray region"
            elif (
                before == "the"
                and doc[end].is_lower
                and doc[end].is_alpha
                and end + 1 < len(doc)
                and doc[end + 1].lower_ in nouns
                and doc[end + 1].is_lower
            ):
                pass  # "the Vaca Muerta shale field", "the Zamzam displacement camp"
            elif before == "of" and i >= 2 and doc[i - 2].lower_ in nouns and doc[i - 2].is_lower:
                pass  # "the city of Kassala"
            elif before in ("near", "outside") and after in ("in", ",") and self._place_phrase(doc, end):
                pass  # "near Anantnag in southern Kashmir"
            elif after == "," and doc[end + 1 : end + 4].text.lower() == "the capital of":
                pass  # "Gorod, the capital of Ruritania"
            elif before in ("in", "near", "outside") and after == "," and self._country_closes(doc, end + 1, countries):
                pass  # "its command in Wiesbaden, Germany."
            else:
                continue
            name = doc[i:name_end].text
            out.append(Mention(i, name_end, PLACE, surface=name, ref=Entry(PLACE, name)))
            taken[i:name_end] = b"\x01" * (name_end - i)
        return out

    @staticmethod
    def _country_closes(doc: Doc, k: int, countries: dict[int, Mention]) -> bool:
        """A country name at k that ends its phrase: "in Wiesbaden, Germany." (not "in Lima, Chile and Peru")."""
        c = countries.get(k)
        if c is None:
            return False
        return c.end >= len(doc) or doc[c.end].text in (".", ",", ";", ")", "—") or doc[c.end].lower_ in ("on", "last")

    def _place_phrase(self, doc: Doc, k: int) -> bool:
        """ "in southern Kashmir", ", in northern Mali": a direction before the next name."""
        if doc[k].text == ",":
            k += 1
        return k + 2 < len(doc) and doc[k].lower_ == "in" and doc[k + 1].lower_ in self.directions

    def _name_end(self, doc: Doc, i: int, taken: bytearray) -> int:
        """End of a capitalised name at i: "Fractal Marine DMCC", "Lashkar-e-Taiba", "Black & Decker"."""
        j = i
        while j < len(doc) and j - i < 5 and not taken[j]:
            t = doc[j]
            word = t.is_alpha and t.text[:1].isupper() and not t.is_sent_start and t.lower_ not in self.not_names
            joiner = j > i and t.text in ("-", "&") and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
            if word or joiner:
                j += 1
            elif j > i and t.text == "-" and doc[j + 1 : j + 3].text.startswith(("e-", "i-", "ul-", "al-", "ur-")):
                j += 3  # "Lashkar-e-Taiba": a lower-case particle between hyphens
            else:
                break
        while j > i and not doc[j - 1].is_alpha:
            j -= 1
        return j

    def _descriptor_home(self, doc: Doc, i: int, by_end: dict[int, Mention]) -> Mention | None:
        """The country of "<country> (up to three lower-case words) <company noun> <Name>"."""
        if i == 0 or doc[i - 1].lower_ not in self.company_nouns:
            return None
        k = i - 1
        while k > 0 and i - k <= 4 and doc[k - 1].is_lower and doc[k - 1].is_alpha:
            k -= 1
        if k > 0 and doc[k - 1].text in ("'s", "’s"):
            k -= 1
        home = by_end.get(k)
        return home if home is not None and home.label in (COUNTRY, ADJ, SEAT) and home.ref.iso3 else None


@Language.factory("news_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
