"""The "news_resolver" component: one canonical entity per thing the article talks about.

- case and spacing variants fold to one key ("XI Jinping" = "Xi Jinping");
- short names and title references join the full name ("President Xi", "Putin", "Haddad");
- role references join the person holding that office ("the Russian leader" -> Vladimir Putin);
- capitals and seats are their country when they act ("Beijing said") and places otherwise;
- state bodies speak for their country ("the Peruvian defense ministry" -> Peru);
- "the alliance", "the Chinese company" refer back to the last matching organisation;
- he/she/it refer to the unambiguous actor before them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from explorer.extract.model import (
    ACTOR,
    ADJ,
    COMPANY,
    COUNTRY,
    LOCATION,
    MODIFIER,
    ORG,
    PERSON,
    PLACE,
    PRONOUN,
    SEAT,
    Entity,
    Mention,
)
from explorer.extract.people import HONORIFICS
from explorer.extract.reference import _rows, load_reference
from explorer.ontology import fold as _fold

# Names repeat across articles; folding them once per process is measurably faster.
fold = lru_cache(maxsize=65536)(_fold)

COMPANY_KINDS = frozenset({"company", "bank", "agency", "media"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
THING_PRONOUNS = frozenset({"it", "its"})


# Words that make a country adjective a region's: "South American", "Central Asian", "Latin American".
REGION_WORDS = frozenset(
    ["South", "North", "East", "West", "Southeast", "Southern", "Northern", "Eastern", "Western", "Central", "Latin"]
)


# Words that open an introductory phrase before the subject: "In his speech, X", "After the talks, X".
INTRO_WORDS = frozenset(["in", "after", "on", "at", "during", "before", "speaking", "later", "earlier", "since"])


# Last words of names that, capitalised after "the", still mean a country's own body: "the Government".
GENERIC_HEADS = frozenset(["government", "ministry", "department", "office", "service", "army", "police", "state"])

# Particles inside names ("bin", "al"): shared by different people, so no evidence of the same one.
NAME_PARTICLES = frozenset(
    ["bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "van", "von", "der", "la", "le", "abu"]
)


# not "us": that is the United States
_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | {"they", "their", "them", "we"}


def is_name_form(surface: str) -> bool:
    """Whether a mention's surface is worth keeping as an alias (aliases feed name search):
    names, not the pronouns, anaphors ("the court") and possessive phrases ("China's
    military") that resolution also links to the entity."""
    return (
        surface[:1].isupper() and surface.casefold() not in _PRONOUNS and "’s " not in surface and "'s " not in surface
    )


class Registry:
    """The entities of one document, one object per canonical key."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Entity] = {}

    def get(self, type_: str, name: str, iso3: str | None = None, kind: str | None = None) -> Entity:
        key = (type_, iso3 if type_ == "Country" and iso3 else fold(name))
        entity = self.by_key.get(key)
        if entity is None:
            entity = self.by_key[key] = Entity(name, type_, iso3, kind)
        return entity


def _best_surface(forms: list[str]) -> str:
    """The most name-like spelling among variants: "Xi Jinping" over "XI Jinping" and "Xi JInping"."""

    def oddness(form: str) -> int:
        return sum(1 for word in form.split() for ch in word[1:] if ch.isupper() and word[:1] != word[:1].lower())

    return min(forms, key=lambda f: (oddness(f), forms.index(f)))


class Resolver:
    def __init__(self, nlp: Language, name: str = "news_resolver"):
        self.name = name
        ref = load_reference()
        self.ref = ref
        self.words = ref.words
        self.anaphors = ref.anaphors
        self.known_people: dict[str, str] = {}  # folded name or alias -> canonical name
        for t in ref.tenures:
            for form in (t.name, *t.aliases):
                self.known_people.setdefault(fold(form), t.name)
        self.offices_by_title = ref.offices
        self.tenures: dict[str, list] = {}
        for t in ref.tenures:
            self.tenures.setdefault(t.name, []).append(t)
        self.org_seats = {r["seat"]: r["organization"] for r in _rows("org_seats.tsv")}

    def __call__(self, doc: Doc) -> Doc:
        reg = Registry()
        mentions: list[Mention] = list(doc._.mentions or [])
        mentions = self._bodies(doc, mentions)
        mentions = self._anaphors(doc, mentions)
        by_end = {m.end: m for m in mentions}
        covering = {i: m for m in mentions for i in range(m.start, m.end)}
        orgs_named = {m.ref.name for m in mentions if m.label == ORG and m.ref is not None}
        for m in mentions:
            self._basic_entity(doc, m, reg)
            if m.label == SEAT and m.role == ACTOR and self.org_seats.get(m.ref.name) in orgs_named:
                org = self.ref.org(self.org_seats[m.ref.name])  # "Brussels" for the EU in an EU story
                m.entity = reg.get("Organization", org.name, org.home, org.kind)
            for claim in m.offices:
                if claim.affiliation_end is not None:
                    # a state body may have grown over the affiliation: "Pakistan's army" chief
                    end = claim.affiliation_end
                    claim.affiliation = by_end.get(end) or covering.get(end - 1)
        self._people(doc, mentions, reg, doc._.published)
        mentions = [m for m in mentions if m.entity is not None]
        mentions.extend(self._pronouns(doc, mentions))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            if is_name_form(m.surface):
                m.entity.aliases.add(m.surface)
        doc._.mentions = mentions
        return doc

    # -- state bodies and organisations by kind ----------------------------------------------------

    def _bodies(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """ "Peru's defense ministry", "the Chilean troops": the country, acting."""
        nouns, modifiers = self.words["country_nouns"], self.words["body_modifiers"]
        starts = {s.start for s in doc.sents}
        out = []
        for m in mentions:
            if m.label in (ADJ, COUNTRY, SEAT) and m.ref.iso3:
                j = m.end
                if j < len(doc) and doc[j].lower_ in ("'s", "’s"):
                    j += 1
                for k in range(j, min(j + 3, len(doc))):
                    tok = doc[k]
                    if not tok.is_alpha or k in starts:
                        break
                    if tok.lower_ in nouns:
                        m = Mention(m.start, k + 1, COUNTRY, surface=doc[m.start : k + 1].text, ref=m.ref)
                        m.body = True
                        break
                    if tok.lower_ not in modifiers:
                        break
            out.append(m)
        # "Indian and Pakistani troops": an adjective coordinated with a body is a body too
        for n in range(len(out) - 1):
            m, nxt = out[n], out[n + 1]
            coordinated = nxt.body and nxt.start == m.end + 1 and doc[m.end].lower_ == "and"
            if coordinated and m.label == ADJ and not m.body and m.ref.iso3:
                out[n] = Mention(m.start, m.end, COUNTRY, surface=m.surface, ref=m.ref)
                out[n].body = True
        # "the U.S. State Department": the body replaces the seat named inside it
        inside = {i for m in out if m.body for i in range(m.start, m.end)}
        return [m for m in out if m.body or m.start not in inside]

    def _anaphors(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """ "the alliance" -> the last alliance named; "the Chinese company" -> the last Chinese company."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        starts = {m.start: m for m in mentions}
        added: list[Mention] = []
        heads: dict[str, list[Mention]] = {}  # "the Commission" after "the European Commission"
        for m in mentions:
            words = m.ref.name.split() if m.ref is not None and m.label in (ORG, COMPANY) else []
            if len(words) >= 2 and words[-1][:1].isupper():
                heads.setdefault(words[-1].lower(), []).append(m)
        for tok in doc:
            named = heads.get(tok.lower_) if tok.text[:1].isupper() and tok.lower_ not in GENERIC_HEADS else None
            if named and tok.i not in taken and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                earlier = [m for m in named if m.end <= tok.i]
                after_of = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
                longer = nxt is not None and (
                    nxt.text[:1].isupper() or (nxt.lower_ == "of" and after_of is not None and after_of.is_title)
                )  # "the Commission of Inquiry": another name
                if earlier and not longer and len({m.ref.name for m in earlier}) == 1:
                    target = earlier[-1]
                    a = Mention(tok.i - 1, tok.i + 1, target.label, surface=doc[tok.i - 1 : tok.i + 1].text)
                    a.ref, a.anaphor = target.ref, True
                    added.append(a)
                    continue
            kinds = self.anaphors.get(tok.lower_)
            if not kinds or tok.i in taken:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ == "of"):
                continue  # "the Wagner group", "the council of ministers": a name, not a reference
            # Walk back over descriptors ("the state energy company", "the military alliance") to "the".
            k, adj = tok.i - 1, None
            while k >= 0 and tok.i - k <= 3:
                if doc[k].lower_ == "the":
                    break
                if k in starts and starts[k].label == ADJ:
                    adj = starts[k]
                elif adj is not None and adj.start == k + 1 and doc[k].text in REGION_WORDS:
                    adj = None  # "the South American trade bloc", "the West African bloc": a region, no home
                elif not doc[k].is_alpha or doc[k].text[:1].isupper() or k in taken:
                    k = -1
                    break
                k -= 1
            if k < 0 or doc[k].lower_ != "the":
                continue
            home = adj.ref.iso3 if adj is not None else None
            target = None
            for m in reversed(mentions + added):
                if m.start >= tok.i or m.ref is None or m.label not in (ORG, COMPANY):
                    continue
                kind = m.ref.kind or ""
                fits = kind in kinds or (m.label == COMPANY and "company" in kinds and kind in COMPANY_KINDS)
                if fits and (home is None or m.ref.iso3 == home):
                    target = m
                    break
            if target is None:
                continue
            start = adj.end if adj is not None else k
            a = Mention(start, tok.i + 1, target.label, surface=doc[start : tok.i + 1].text, ref=target.ref)
            a.anaphor = True
            added.append(a)
        return sorted(mentions + added, key=lambda m: m.start)

    # -- entities -----------------------------------------------------------------------------------

    def _basic_entity(self, doc: Doc, m: Mention, reg: Registry) -> None:
        entry = m.ref
        if m.label == PERSON or entry is None:
            return
        if m.label == COUNTRY:
            m.entity = reg.get("Country", entry.name, entry.iso3)
        elif m.label == ADJ:
            if entry.iso3:
                m.entity = reg.get("Country", entry.name, entry.iso3)
            else:
                m.entity = reg.get("Organization", entry.name, kind=entry.kind)
            m.role = MODIFIER
        elif m.label == SEAT:
            if self._is_location(doc, m):
                m.entity = reg.get("Place", entry.name, entry.iso3)
                m.role = LOCATION
            else:
                m.entity = reg.get("Country", self.ref.countries[entry.iso3].name, entry.iso3)
        elif m.label in (ORG, COMPANY):
            m.entity = reg.get("Organization", entry.name, entry.iso3, entry.kind)
        elif m.label == PLACE:
            m.entity = reg.get("Place", entry.name, entry.iso3)
            m.role = LOCATION

    def _is_location(self, doc: Doc, m: Mention) -> bool:
        if m.surface.isupper() and len(m.surface) > 3:
            return True  # "WASHINGTON:" and "LONDON, June 3 (Reuters)" datelines
        k = m.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and doc[k].lower_ in self.words["place_before"]:
            return True
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.words["place_nouns"]:
            return True  # "the city of Oslo", "the port city of Sochi"
        return m.end < len(doc) and doc[m.end].lower_ in self.words["place_after"]

    # -- people -------------------------------------------------------------------------------------

    def _people(self, doc: Doc, mentions: list[Mention], reg: Registry, published: str | None) -> None:
        people = [m for m in mentions if m.label == PERSON]
        clusters: dict[str, list[Mention]] = {}  # canonical folded key -> full-name mentions
        canonical: dict[str, str] = {}
        for m in people:
            if m.role_ref:
                continue
            name = m.ref.name if m.ref is not None else self.known_people.get(fold(m.surface))
            if name is None and len([w for w in m.surface.split() if w.lower() not in HONORIFICS]) < 2:
                continue  # a lone surname ("Prince Abdulaziz", "Kishida") joins a full name below
            key = fold(name or m.surface)
            clusters.setdefault(key, []).append(m)
            if name:
                canonical[key] = name
        parts: dict[str, set[str]] = {}
        for key in clusters:
            for part in key.split():
                if len(part) >= 2 and part not in HONORIFICS and part not in NAME_PARTICLES:
                    parts.setdefault(part, set()).add(key)
        for m in people:
            if m.role_ref:
                continue
            key = None
            direct = fold(m.ref.name) if m.ref is not None else self.known_people.get(fold(m.surface))
            if direct is not None and fold(direct) in clusters:
                key = fold(direct)
            elif fold(m.surface) in clusters:
                key = fold(m.surface)
            else:
                words = [p for p in fold(m.surface).split() if p not in NAME_PARTICLES and p not in HONORIFICS]
                tokens = [p for p in words if p in parts]
                candidates = set.intersection(*(parts[p] for p in tokens)) if tokens else set()
                if len(tokens) < len(words) and len(words) > 1:
                    candidates = set()  # "Mohammed bin Salman" is not "Abdulaziz bin Salman": a given name differs
                if len(candidates) == 1:
                    key = next(iter(candidates))
            if key is None:
                name = self.known_people.get(fold(m.surface)) or m.surface
                key = fold(name)
                clusters.setdefault(key, []).append(m)
                canonical.setdefault(key, name)
            forms = [x.surface for x in clusters[key] if fold(x.surface) == key]
            name = canonical.get(key) or _best_surface(forms or [m.surface])
            m.entity = reg.get("Person", name)
        role_refs = [m for m in people if m.role_ref]
        if role_refs:
            holders = self._office_holders(people)
            for m in role_refs:
                m.entity = self._role_reference(m, holders, published)

    def _office_holders(self, people: list[Mention]) -> list[tuple[Entity, int, list]]:
        """Each named person once: (entity, times named, offices stated for them in the article)."""
        seen: dict[int, tuple[Entity, list, list]] = {}
        for p in people:
            if p.role_ref or p.entity is None:
                continue
            entry = seen.setdefault(id(p.entity), (p.entity, [], []))
            entry[1].append(p)
            entry[2].extend(p.offices)
        return [(e, len(mentions), offices) for e, mentions, offices in seen.values()]

    def _role_reference(self, m: Mention, holders, published: str | None) -> Entity | None:
        """The one person of the article who holds the office a role reference names."""
        claim = m.offices[0]
        aff = claim.affiliation
        if aff is None or aff.entity is None:
            return None
        target = aff.entity
        found: list[tuple[int, Entity]] = []
        for entity, count, offices in holders:
            stated = any(
                c.affiliation is not None
                and c.affiliation.entity is target
                and self._compatible(claim, c.title, c.level)
                for c in offices
            )
            if stated or self._known_holder(entity, target, claim, published):
                found.append((count, entity))
        if len(found) > 1:
            # "the Russian leader" with both president and prime minister named: the one the article
            # is about, if it names one clearly more often.
            found.sort(key=lambda x: x[0], reverse=True)
            return found[0][1] if found[0][0] > found[1][0] else None
        return found[0][1] if found else None

    def _known_holder(self, person: Entity, target: Entity, claim, published: str | None) -> bool:
        for t in self.tenures.get(person.name, ()):
            if not self._same_affiliation(t.affiliation, target):
                continue
            office = self.offices_by_title.get(t.title)
            level = office.level if office else "official"
            if self._compatible(claim, t.title, level) and (published is None or t.holds_on(published)):
                return True
        return False

    @staticmethod
    def _compatible(claim, title: str, level: str) -> bool:
        if claim.title == title:
            return True
        if claim.title == "Leader":
            return level == "head"
        if claim.title == "Chief":
            return level in ("org", "head")
        return False

    def _same_affiliation(self, affiliation: str, target: Entity) -> bool:
        if target.type == "Country":
            return affiliation == target.iso3
        return affiliation == target.name

    # -- pronouns -----------------------------------------------------------------------------------

    def _pronouns(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        sents = list(doc.sents)
        sent_of = {}
        for si, s in enumerate(sents):
            for i in range(s.start, s.end):
                sent_of[i] = si
        by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.role == ACTOR:
                by_sent.setdefault(sent_of[m.start], []).append(m)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for tok in doc:
            low = tok.lower_
            if tok.i in taken or (low not in PERSON_PRONOUNS and low not in THING_PRONOUNS):
                continue
            si = sent_of[tok.i]
            same = [m for m in by_sent.get(si, []) if m.end <= tok.i]
            entity = None
            if low in PERSON_PRONOUNS:
                persons = [m for m in same if m.entity.type == "Person"]
                said, speaker = self._speaker_of(doc, tok.i, persons, sents[si].start)
                if said:
                    entity = speaker.entity if speaker is not None else None
                else:
                    entity = persons[-1].entity if persons else self._previous_person(doc, sents, si, by_sent)
            else:
                entity = self._thing_antecedent(doc, tok.i, same, sents, si, by_sent)
            if entity is not None:
                m = Mention(tok.i, tok.i + 1, PRONOUN, entity=entity, surface=tok.text)
                out.append(m)
        return out

    @staticmethod
    def _speaker_of(doc: Doc, i: int, persons: list[Mention], start: int) -> tuple[bool, Mention | None]:
        """ "X, who met Y last week, said he would": the pronoun after a say verb is its subject,
        not the last person named inside the relative clause. (False, None) when the pronoun
        follows no such clause; (True, None) when it does but its subject is no known person."""
        k = i - 1
        if k > start and doc[k].lower_ == "that":
            k -= 1
        if k <= start or doc[k].lower_ not in ("said", "says", "added", "stated"):
            return False, None
        k -= 1
        while k > start and doc[k].lower_ in ("has", "had", "also", "have"):
            k -= 1
        if doc[k].text != ",":
            return False, None
        j = k - 1
        while j > start and k - j < 25 and not (doc[j].lower_ == "who" and doc[j - 1].text == ","):
            j -= 1
        if j <= start or doc[j].lower_ != "who":
            return False, None
        return True, next((m for m in persons if m.end == j - 1), None)

    def _previous_person(self, doc, sents, si, by_sent) -> Entity | None:
        for back in (1, 2):
            if si - back < 0:
                return None
            persons = [m for m in by_sent.get(si - back, []) if m.entity.type == "Person"]
            if not persons:
                continue
            speakers = [m for m in persons if self._is_speaker(doc, m)]
            if speakers:
                return speakers[-1].entity
            distinct = {id(m.entity) for m in persons}
            if len(distinct) == 1 or self._is_subject(doc, persons[0], sents[si - back].start):
                return persons[0].entity
            return None
        return None

    @staticmethod
    def _is_speaker(doc: Doc, m: Mention) -> bool:
        k = m.end
        while k < len(doc) and doc[k].lower_ in ("has", "had", "also", "have"):
            k += 1
        if k < len(doc) and doc[k].lower_ in ("said", "says", "told", "added"):
            return True
        return m.start > 0 and doc[m.start - 1].lower_ in ("said", "says", "added")

    def _is_subject(self, doc, m: Mention, sent_start: int) -> bool:
        """The first actor of its sentence with only a title or adjective before it, or an opening
        phrase and a comma ("In his speech, Milei ...")."""
        if (
            m.start - sent_start >= 3
            and doc[m.start - 1].text == ","
            and doc[sent_start].lower_ in INTRO_WORDS
            and not any(doc[x].text == "," for x in range(sent_start, m.start - 1))
        ):
            return True
        return all(
            not doc[i].is_alpha or doc[i].lower_ in ("the", "on", "in") or doc[i].text[:1].isupper()
            for i in range(sent_start, m.start)
        )

    def _thing_antecedent(self, doc, i, same, sents, si, by_sent) -> Entity | None:
        things = [m for m in same if m.entity.type in ("Country", "Organization")]
        # "Russia, which says it launched ...": the antecedent of the relative clause.
        for k in range(i - 1, max(sents[si].start, i - 6), -1):
            if doc[k].lower_ in ("which", "that") and k >= 2 and doc[k - 1].text == ",":
                ante = next((m for m in things if m.end == k - 1), None)
                if ante is not None:
                    return ante.entity
        if things:
            return things[0].entity  # "its" in a clause refers to the clause's subject
        if si == 0 or doc[i].lower_ != "it" or i != sents[si].start:
            return None
        prev = [m for m in by_sent.get(si - 1, []) if m.entity.type in ("Country", "Organization")]
        if not prev:
            return None
        first = prev[0]
        # Ambiguous when the previous subject is coordinated ("China and Russia have ...").
        nxt = first.end
        if nxt < len(doc) and doc[nxt].lower_ in ("and", ","):
            return None
        return first.entity


@Language.factory("news_resolver")
def make_resolver(nlp: Language, name: str) -> Resolver:
    return Resolver(nlp, name)
