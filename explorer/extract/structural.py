"""Structural facts of the relations component: facts no cue word states, read off the shape of
the phrase ("Ruritanian Prime Minister X", "Russian oil giant Lukoil", "Lviv in western Ukraine",
"the Quad, which also includes India", "IGAD, the regional bloc of ...").

A mixin of `Relations`: it uses the sentence state (doc, sent, at, mentions) and the argument
finders (_subjects, _objects) of that class.
"""

from __future__ import annotations

from spacy.tokens import Span

from explorer.extract.candidate import Candidate
from explorer.extract.model import (
    ACTOR,
    ADJ,
    COMPANY,
    COUNTRY,
    LOCATION,
    MODIFIER,
    ORG,
    PLACE,
    SEAT,
    Entity,
    Mention,
)
from explorer.extract.vocab import (
    APPOSITION,
    BLOC_NOUNS,
    COPULAS,
    DIRECTIONS,
    INCLUDE_WORDS,
    MADE_OF,
    MEMBER_WORDS,
    PLACE_NOUNS,
    POSSESSIVE,
    PREPOSITIONS,
    TARGET_VERBS,
)

# Nouns after an organisation's name that still name it: "the OPEC+ arrangement, which includes".
GROUPING_NOUNS = frozenset(["arrangement", "alliance", "bloc", "grouping", "group", "format", "coalition", "pact"])

# "state-backed", "state-sponsored": the state supports the group.
BACKED_WORDS = frozenset(["backed", "sponsored", "funded", "supported"])

# Words of degree before "ally": "a close Hezbollah ally".
ALLY_DEGREES = frozenset(
    [
        "close",
        "closest",
        "key",
        "staunch",
        "longtime",
        "long-time",
        "strategic",
        "major",
        "important",
        "loyal",
        "traditional",
    ]
)

# "X, who heads the Y": verbs of leading an organisation or a country.
HEAD_VERBS = frozenset(["heads", "headed", "leads", "led", "chairs", "chaired"])


# Place nouns for a settlement or a district inside a larger place: "the Kosovo town of X" puts X inside.
SETTLEMENT_NOUNS = frozenset(["city", "town", "village", "port", "district", "municipality", "camp", "suburb"])


class StructuralFacts:
    def _structural(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.mentions:
            out.extend(self._offices(m))
            out.extend(self._based_in(m))
            out.extend(self._located_in(m))
            out.extend(self._membership(m))
            out.extend(self._headquarters(m))
        out.extend(self._members_word())
        out.extend(self._ally_apposition())
        out.extend(self._state_backed())
        out.extend(self._place_of())
        out.extend(self._targeted_with_sanctions())
        out.extend(self._hyphen_pairs())
        return out

    def _hyphen_pairs(self) -> list[Candidate]:
        """ "the EU-Mercosur trade deal", "US-China talks": the pair and the relation its noun names."""
        doc, s = self.doc, self.sent
        out = []
        for a in self.mentions:
            k = a.end
            if k + 2 >= s.end or doc[k].text not in ("-", "–") or a.role == LOCATION:
                continue
            b = self.at.get(k + 1)
            if b is None or b.start != k + 1 or b.role == LOCATION or b.entity is a.entity:
                continue
            j = b.end
            while j < s.end and j - b.end < 2 and doc[j].like_num:
                j += 1  # "the US-China 2020 trade deal"
            for words, predicate in self.pair_nouns:
                if all(self._tok(j + n) == w for n, w in enumerate(words)):
                    out.append(Candidate(a, predicate, b, a.start))
                    break
        return out

    def _targeted_with_sanctions(self) -> list[Candidate]:
        """ "Canada targeted Iranian banks ... with a new round of sanctions"."""
        doc, s = self.doc, self.sent
        out = []
        for k in range(s.start, s.end):
            if doc[k].lower_ not in TARGET_VERBS:
                continue
            e = k + 1
            while e < s.end and doc[e].text not in (",", ";") and not doc[e].lower_.startswith("sanction"):
                e += 1
            if e >= s.end or not doc[e].lower_.startswith("sanction"):
                continue
            targets = self._objects(k + 1, roles=(ACTOR, MODIFIER))
            nouns = self.words["company_nouns"]
            targets = [t for t in targets if t.role == ACTOR or self._tok(t.end) not in nouns]
            out.extend(Candidate(a, "SANCTIONED", t, k) for a in self._subjects(k) for t in targets)
        return out

    def _offices(self, m: Mention) -> list[Candidate]:
        if m.entity.type != "Person":
            return []
        out = []
        for claim in m.offices:
            aff = claim.affiliation
            if claim.former:
                continue
            if aff is None:
                # "Prime Minister Benjamin Netanyahu": the title is stated, the reference data knows where.
                where = self._tenure_affiliation(m.entity, claim.title)
                if where is not None:
                    out.append(Candidate(m, "HOLDS_OFFICE", where, m.start, role=claim.title, gate=False))
                continue
            if aff.entity is None or aff.entity.kind == "collective":
                continue
            if aff.entity.type not in ("Country", "Organization"):
                continue
            title = claim.title
            if title in ("Leader", "Chief"):
                title = self._known_title(m.entity, aff.entity) or title
            cand = Candidate(m, "HOLDS_OFFICE", aff.entity, m.start, role=title, gate=False)
            out.append(cand)
            if aff.entity.type == "Country":
                self.offices.setdefault(id(m.entity), aff.entity)
        if not out:
            out.extend(self._counterpart(m))
        if not out:
            out.extend(self._owned_title(m))
        if not out:
            out.extend(self._heads(m))
        if not out:
            out.extend(self._title_of_owned(m))
        if not out and m.start >= self.sent.start + 2 and self.doc[m.start - 1].text in POSSESSIVE:
            owner = self.at.get(m.start - 2)  # "Uruguay's Yamandu Orsi": the office the reference knows
            if owner is not None and owner.entity.type == "Country":
                for t in self.ref.tenures:
                    if t.name == m.entity.name and t.affiliation == owner.entity.iso3 and t.holds_on(self.published):
                        out.append(Candidate(m, "HOLDS_OFFICE", owner.entity, m.start, role=t.title, gate=False))
                        break
        return out

    def _owned_title(self, m: Mention) -> list[Candidate]:
        """ "Its leader, Kim Jong Un,", "the country's president, X,": the title's owner is the country
        (or organisation) the previous sentence was about."""
        doc, s = self.doc, self.sent
        if m.start - 3 < s.start or doc[m.start - 1].text != ",":
            return []
        titles = self._title_words()
        for n in (3, 2, 1):
            t0 = m.start - 1 - n
            if t0 - 1 < s.start or doc[t0 : m.start - 1].text.lower() not in titles:
                continue
            title = titles[doc[t0 : m.start - 1].text.lower()]
            if self._tok(t0 - 1) in ("its", "their"):
                want = ("Country", "Organization")
                o0 = t0 - 1
            elif t0 - 3 >= s.start and doc[t0 - 3].lower_ == "the" and self._tok(t0 - 1) in POSSESSIVE:
                want = {
                    "country": ("Country",),
                    "nation": ("Country",),
                    "group": ("Organization",),
                    "party": ("Organization",),
                    "movement": ("Organization",),
                }.get(self._tok(t0 - 2), ())
                o0 = t0 - 3
            else:
                continue
            owner = self._last_actor_before(o0, want)
            if owner is None:
                return []
            title = self._known_title(m.entity, owner) or title
            return [Candidate(m, "HOLDS_OFFICE", owner, m.start, role=title, gate=False)]
        return []

    def _state_backed(self) -> list[Candidate]:
        """ "Chinese state-backed hacking group Volt Typhoon", "the Iranian state-sponsored group X": the
        state supports the group it backs."""
        doc, s = self.doc, self.sent
        out = []
        for m in self.mentions:
            if m.label != ADJ or m.entity.type != "Country":
                continue
            k = m.end
            if not (self._tok(k) == "state" and self._tok(k + 1) == "-" and self._tok(k + 2) in BACKED_WORDS):
                continue
            j = k + 3
            while j < s.end and j - k < 7 and j not in self.at and doc[j].is_lower and doc[j].is_alpha:
                j += 1
            group = self.at.get(j)
            if group is not None and group.start == j and group.role == ACTOR and group.entity.type == "Organization":
                out.append(Candidate(m, "SUPPORTS", group, k + 2))
        return out

    def _ally_apposition(self) -> list[Candidate]:
        """ "Nabih Berri, a close Hezbollah ally,", "Belarus, a key Russian ally,": the named one and the
        one whose ally it is cooperate."""
        s = self.sent
        out = []
        for m in self.mentions:
            if m.entity.type not in ("Country", "Organization") or self._tok(m.end) not in ("ally", "partner"):
                continue
            k = m.start - 1
            while k > s.start and self._tok(k) in ALLY_DEGREES:
                k -= 1
            if self._tok(k) not in ("a", "an") or self._tok(k - 1) != ",":
                continue
            head = self.at.get(k - 2)
            if head is None or head.role != ACTOR or head.entity is m.entity or head.entity.type == "Place":
                continue
            out.append(Candidate(head, "COOPERATES_WITH", m.entity, m.end))
        return out

    def _title_of_owned(self, m: Mention) -> list[Candidate]:
        """ "X, head of the group's parliamentary bloc,": the person holds office in the organisation."""
        doc, s = self.doc, self.sent
        if self._tok(m.end) != ",":
            return []
        titles = self._title_words()
        for n in (3, 2, 1):
            t0, t1 = m.end + 1, m.end + 1 + n
            if t1 + 1 >= s.end or doc[t0:t1].text.lower() not in titles or self._tok(t1) != "of":
                continue
            owner = self.at.get(t1 + 1) or self.at.get(t1 + 2)
            if owner is None or owner.entity.type != "Organization" or self._tok(owner.end) not in POSSESSIVE:
                return []
            if owner.entity.kind == "collective":
                return []
            title = titles[doc[t0:t1].text.lower()]
            return [Candidate(m, "HOLDS_OFFICE", owner.entity, m.start, role=title, gate=False)]
        return []

    def _heads(self, m: Mention) -> list[Candidate]:
        """ "Jane Doe, who heads the centrist Ruritanian Party,": the person leads what is named."""
        doc, s = self.doc, self.sent
        k = m.end
        if self._tok(k) != "," or self._tok(k + 1) != "who" or self._tok(k + 2) not in HEAD_VERBS:
            return []
        j = k + 3
        while j < s.end and j - k < 7 and j not in self.at and doc[j].is_lower and doc[j].is_alpha:
            j += 1
        org = self.at.get(j)
        if org is None or org.start != j or org.role != ACTOR or org.entity.type not in ("Organization", "Country"):
            return []
        if org.entity.kind == "collective":
            return []
        title = self._known_title(m.entity, org.entity) or "Leader"
        return [Candidate(m, "HOLDS_OFFICE", org.entity, m.start, role=title, gate=False)]

    def _title_words(self) -> dict[str, str]:
        table = getattr(self, "_titles_cache", None)
        if table is None:
            table = {}
            for office in self.ref.offices.values():
                for form in (office.title, *office.variants):
                    table.setdefault(form.lower(), office.title)
            table.setdefault("leader", "Leader")
            self._titles_cache = table
        return table

    def _last_actor_before(self, i: int, types) -> Entity | None:
        """The entity the text was last about before token i: the nearest actor of the types, in this
        sentence or the one before, and only when no other entity of those types is between."""
        prev = [m for m in self.mentions_all if m.start < i and m.entity is not None and m.role == ACTOR]
        prev = [m for m in prev if m.start >= self._previous_sentence_start()]
        cands = [m for m in prev if m.entity.type in types]
        if not cands or len({id(m.entity) for m in cands}) != 1:
            return None
        return cands[-1].entity

    def _previous_sentence_start(self) -> int:
        s = self.sent
        if s.start == 0:
            return 0
        return self.doc[s.start - 1].sent.start

    def _counterpart(self, m: Mention) -> list[Candidate]:
        """ "Foreign Minister X met his Argentine counterpart Y" / "..., Defense Secretary Y": Y holds
        the office in the adjective's country, with their own title or else X's."""
        doc, s = self.doc, self.sent
        k = m.start - 1
        while k > s.start and m.start - k <= 4 and doc[k].text[:1].isupper() and k not in self.at:
            k -= 1  # the title of Y
        if self._tok(k) == ",":
            k -= 1
        if self._tok(k) != "counterpart":
            return []
        adj = self.at.get(k - 1)
        if adj is None or adj.label != ADJ or adj.entity.type != "Country":
            return []
        title = next((c.title for c in m.offices if not c.former), None)
        if title is None:
            for other in reversed(self.mentions):
                if other.end <= adj.start and other.entity.type == "Person" and other.offices:
                    if any(doc[t].text[:1].isupper() and t not in self.at for t in range(other.end, k)):
                        # "X travelled with the home secretary, Jane Roe, who met her French counterpart":
                        # a name no list knows stands between, so X's title is not the counterpart's
                        return []
                    title = other.offices[0].title
                    break
        if title is None:
            # "Baerbock held talks with her Polish counterpart": the title she was given earlier
            owner = self.at.get(k - 2) if self._tok(k - 2) in ("his", "her") else None
            person = owner.entity if owner is not None and owner.entity.type == "Person" else None
            titles = {c.title for x in self.mentions_all if x.entity is person for c in x.offices if not c.former}
            title = next(iter(titles)) if len(titles) == 1 else None
        if title is None:
            return []
        self.offices.setdefault(id(m.entity), adj.entity)
        return [Candidate(m, "HOLDS_OFFICE", adj.entity, m.start, role=title, gate=False)]

    def _tenure_affiliation(self, person: Entity, title: str) -> Entity | None:
        # the article names the title, so a tenure of that title says where even when the article's date is
        # unknown (then only current tenures "hold"); a tenure valid on the date comes first
        found = [t for t in self.ref.tenures if t.name == person.name and t.title == title]
        found.sort(key=lambda t: not t.holds_on(self.published))
        places = {t.affiliation for t in found}
        if not found or (len(places) > 1 and not found[0].holds_on(self.published)):
            return None
        t = found[0]
        if t.affiliation in self.ref.countries:
            return self._country(t.affiliation)
        return self._organization(t.affiliation)

    def _organization(self, name: str) -> Entity:
        for m in self.mentions_all:
            if m.entity.type == "Organization" and m.entity.name == name:
                return m.entity
        entity = self.created.get(name)
        if entity is None:
            org = self.ref.org(name)
            kind = org.kind if org else None
            entity = self.created[name] = Entity(name, "Organization", kind=kind, aliases={name})
        return entity

    def _known_title(self, person: Entity, aff: Entity) -> str | None:
        for t in self.ref.tenures:
            own = aff.iso3 if aff.type == "Country" else None  # a party's home is not the party
            if t.name == person.name and (t.affiliation in (own, aff.name)):
                return t.title
        return None

    def _based_in(self, m: Mention) -> list[Candidate]:
        """ "Russian oil giant Lukoil", "Japan's Toyota", "TotalEnergies of France", and a
        company named with its known home country in one sentence; "the Pakistan-based X" for any group."""
        if m.label == ORG and m.role == ACTOR and m.start >= 3 and self._tok(m.start - 1) == "based":
            home = self.at.get(m.start - 3) if self.doc[m.start - 2].text == "-" else None
            if home is not None and home.entity.type == "Country" and home.label != ADJ:
                return [Candidate(m, "BASED_IN", home.entity, m.start, gate=False)]
        if m.label != COMPANY or m.role != ACTOR:
            return []
        doc, s = self.doc, self.sent
        out = []
        k = m.start - 1
        while (
            k >= s.start
            and m.start - k <= 4
            and (doc[k].is_lower or doc[k].text == "-")
            and doc[k].lower_ not in PREPOSITIONS | {"and", "the", "a"}
        ):
            k -= 1
        if m.start - 3 >= s.start and doc[m.start - 1].lower_ == "based" and doc[m.start - 2].text == "-":
            home = self.at.get(m.start - 3)  # "London-based Shell", "Moscow-based Lukoil"
            if home is not None and home.entity.type in ("Country", "Place"):
                # a capital before "-based" is the city, even where the resolver read it as its country
                seat_city = home.label == SEAT and home.role == ACTOR
                place = self._created_place(home.ref.name, home.ref.iso3) if seat_city else home.entity
                out.append(Candidate(m, "BASED_IN", place, m.start, gate=False))
        # the words between must be a descriptor ending in a company noun: "gas giant", not "leader met"
        described = k == m.start - 1 or doc[m.start - 1].lower_ in self.words["company_nouns"]
        if k >= s.start and doc[k].text in POSSESSIVE:
            k -= 1
        home = self.at.get(k)
        if described and home is not None and home.entity.type == "Country" and home.end == k + 1:
            out.append(Candidate(m, "BASED_IN", home.entity, m.start, gate=False))
        if m.end + 1 < s.end and doc[m.end].lower_ == "of":
            home = self.at.get(m.end + 1)
            if home is not None and home.entity.type == "Country":
                out.append(Candidate(m, "BASED_IN", home.entity, m.start, gate=False))
        if not out:
            out.extend(self._described_home(m))
        iso3 = m.ref.iso3 if m.ref is not None else None
        if iso3 and not out:
            for other in self.mentions:
                if other.entity.type == "Country" and other.entity.iso3 == iso3 and other.role in (ACTOR, MODIFIER):
                    out.append(Candidate(m, "BASED_IN", other.entity, m.start, gate=False))
                    break
        if iso3 and not out and iso3 in self.ref.countries:
            # "the Turkish parliament": the name itself says where
            country = self.ref.countries[iso3]
            words = {w.lower() for w in (country.name, *country.alt_names, *country.adjectives)}
            if any(t.lower_ in words for t in doc[m.start : m.end]) or m.surface.lower() in words:
                out.append(Candidate(m, "BASED_IN", self._country(iso3), m.start, gate=False))
        return out

    def _described_home(self, m: Mention) -> list[Candidate]:
        """ "Acme Petrochemical, a refinery in eastern China": an apposition naming where the company is."""
        doc, s = self.doc, self.sent
        k = m.end
        if k + 3 >= s.end or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
            return []
        j = k + 2
        while j < s.end and j - k < 7 and doc[j].is_lower and doc[j].lower_ not in self.words["company_nouns"]:
            j += 1
        if j + 1 >= s.end or doc[j].lower_ not in self.words["company_nouns"]:
            return []
        j += 1
        if self._tok(j) == "based":
            j += 1
        if self._tok(j) != "in":
            return []
        j += 1
        while j < s.end and (doc[j].lower_ in DIRECTIONS or doc[j].lower_ == "the"):
            j += 1
        if self._tok(j) in self.words["place_nouns"] and self._tok(j + 1) == "of":
            j += 2  # "a lender based in the city of Oslo"
        home = self.at.get(j)
        if home is not None and home.role == MODIFIER and home.entity.type == "Country":
            # "a lender based in the Chinese border city of Dandong": the place after the place noun
            k = home.end
            while k < s.end and k - home.end < 3 and doc[k].is_lower and doc[k].lower_ != "of":
                k += 1
            if self._tok(k) == "of" and doc[k - 1].lower_ in self.words["place_nouns"] | {"city", "town", "port"}:
                home = self.at.get(k + 1)
        if home is None or home.entity.type not in ("Country", "Place") or home.role == MODIFIER:
            return []
        return [Candidate(m, "BASED_IN", home.entity, m.start, gate=False)]

    def _headquarters(self, m: Mention) -> list[Candidate]:
        """ "at the alliance's headquarters in Brussels", "NATO headquarters in Brussels"."""
        if m.entity.type != "Organization":
            return []
        k = m.end + (self._tok(m.end) in ("'s", "’s", "'"))
        if self._tok(k) not in ("headquarters", "hq", "seat", "secretariat") or self._tok(k + 1) != "in":
            return []
        home = self.at.get(k + 2)
        if home is None or home.start != k + 2 or home.entity.type not in ("Place", "Country"):
            return []
        return [Candidate(m, "BASED_IN", home.entity, m.start, gate=False)]

    def _located_in(self, m: Mention) -> list[Candidate]:
        """ "Lviv in western Ukraine", "Sochi, Russia", a place with the country the reference
        puts it in, and a capital next to "the Lithuanian capital"."""
        town_of = self._town_of(m)
        if town_of is not None:
            return town_of
        if m.entity.type != "Place":
            return []
        doc, s = self.doc, self.sent
        out = []
        k = m.end
        for n in (2, 1):  # "the Vaca Muerta shale field in ...", "the Tigray region in ..."
            words = doc[k : min(k + n, s.end)]
            if (
                len(words) == n
                and all(t.is_lower and t.is_alpha for t in words)
                and words[-1].lower_ in self.words["place_nouns"]
            ):
                k += n
                break
        if k + 1 < s.end and doc[k].text == "," and doc[k + 1].lower_ == "in":
            k += 1  # "Kramatorsk, in eastern Ukraine"
        if k < s.end and doc[k].lower_ == "in":
            k += 1
            while k < s.end and (doc[k].lower_ in DIRECTIONS or doc[k].lower_ == "the"):
                k += 1
            outer = self.at.get(k)
            if outer is not None and self._tok(outer.end) in POSSESSIVE:
                inner = self.at.get(outer.end + 1)  # "in Argentina's Neuquen province": Neuquen
                if inner is not None and inner.entity.type == "Place" and inner.start == outer.end + 1:
                    outer = inner
            if outer is not None and outer.entity.type in ("Country", "Place") and outer.role != MODIFIER:
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
                out.extend(self._administered(m, outer))
        elif k + 1 < s.end and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.words["place_nouns"]:
            outer = self.at.get(k + 1)  # "the Neelum Valley of Kashmir"
            if outer is not None and outer.entity.type in ("Country", "Place"):
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
                out.extend(self._administered(m, outer))
        elif k + 4 < s.end and doc[k].text == "," and doc[k + 1 : k + 4].text.lower() == "the capital of":
            outer = self.at.get(k + 4)  # "Gorod, the capital of Ruritania"
            if outer is not None and outer.entity.type in ("Country", "Place"):
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
        elif k + 1 < s.end and doc[k].text == ",":
            outer = self.at.get(k + 1)
            if (
                outer is not None
                and outer.label == COUNTRY
                and not outer.body  # "In Moscow, Russian Foreign Ministry spokeswoman X"
                and (
                    outer.end >= s.end
                    or doc[outer.end].lower_ not in ("and", ",")
                    or (  # "in Sharm, Egypt, on Monday" but not "in Lima, Chile, Peru and Bolivia"
                        doc[outer.end].text == ","
                        and outer.end + 1 < s.end
                        and (outer.end + 1) not in self.at
                        and doc[outer.end + 1].is_lower
                        and doc[outer.end + 1].lower_ not in ("and", "or")
                    )
                )
            ):
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
        if not out and m.start >= s.start + 2 and doc[m.start - 1].text in POSSESSIVE:
            owner = self.at.get(m.start - 2)  # "Ukraine's Donetsk region"
            if owner is not None and owner.entity.type == "Country" and owner.role == ACTOR:
                out.append(Candidate(m, "LOCATED_IN", owner.entity, m.start, gate=False))
        iso3 = m.entity.iso3
        capital = iso3 in self.ref.countries and self.ref.countries[iso3].capital == m.entity.name
        if iso3 and not out and m.label == PLACE and not capital:
            # not "In Moscow, Russian officials said": a capital next to its country is no statement
            for other in self.mentions:
                if other.entity.type == "Country" and other.entity.iso3 == iso3 and other.role in (ACTOR, MODIFIER):
                    out.append(Candidate(m, "LOCATED_IN", other.entity, m.start, gate=False))
                    break
        return out

    def _town_of(self, m: Mention) -> list[Candidate] | None:
        """ "the northern Kosovo town of Zvecan", "the Ukrainian-held Donetsk region of ...": a lower-case
        place noun between a named place or country and "of X" makes X the place inside it. None when
        the words are not there; an empty list when the direction is unclear ("the Sahel region of Africa")."""
        if m.entity.type not in ("Country", "Place") or m.label == ADJ:
            return None
        doc, s = self.doc, self.sent
        k = m.end
        while k < s.end and k - m.end < 2 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ != "of":
            k += 1
        if k == m.end or k + 1 >= s.end or doc[k].lower_ != "of" or doc[k - 1].lower_ not in PLACE_NOUNS:
            return None
        inner = self.at.get(k + 1)
        if inner is not None and inner.start != k + 1:
            return []
        if inner is not None and inner.entity.type == "Country":
            if m.entity.type == "Country":
                return []
            return [Candidate(m, "LOCATED_IN", inner.entity, m.start, gate=False)]  # "the Tigray region of Ethiopia"
        if m.entity.type != "Country" and doc[k - 1].lower_ not in SETTLEMENT_NOUNS:
            return []  # "the Sahel region of Africa": which holds which is not said
        if inner is not None:
            if inner.entity.type != "Place" or inner.entity is m.entity:
                return []
            return [Candidate(inner, "LOCATED_IN", m.entity, inner.start, gate=False)]
        j = k + 1
        if not (doc[j].text[:1].isupper() and doc[j].is_alpha):
            return []
        e = j
        while e < s.end and doc[e].text[:1].isupper() and doc[e].is_alpha and e - j < 3 and e not in self.at:
            e += 1
        return [Candidate(self._new_place(doc[j:e].text), "LOCATED_IN", m.entity, m.start, gate=False)]

    def _administered(self, m: Mention, country: Mention) -> list[Candidate]:
        """ "in Pakistan-administered Kashmir": the place is also in the territory named after it."""
        k = country.end
        if self._tok(k) != "-" or self._tok(k + 1) not in ("administered", "controlled", "held", "occupied"):
            return []
        region = self.at.get(k + 2)
        if region is None or region.start != k + 2 or region.entity.type != "Place":
            return []
        return [Candidate(m, "LOCATED_IN", region.entity, m.start, gate=False)]

    def _place_of(self) -> list[Candidate]:
        """ "the Mexican city of Tijuana" -> Bucha (a place, even if unknown) in Ukraine."""
        doc, s = self.doc, self.sent
        out = []
        for adj in self.mentions:
            if adj.label != ADJ or adj.entity.type != "Country":
                continue
            k = adj.end
            if k + 3 < s.end and doc[k].is_lower and doc[k].is_alpha and doc[k + 1].lower_ in PLACE_NOUNS:
                k += 1  # "the Chinese border city of X", "the Russian port city of X"
            if k + 2 < s.end and doc[k].lower_ in PLACE_NOUNS and doc[k + 1].lower_ == "of":
                j = k + 2
                place = self.at.get(j)
                if place is not None and place.entity.type == "Place":
                    out.append(Candidate(place, "LOCATED_IN", adj.entity, adj.start, gate=False))
                elif doc[j].text[:1].isupper() and doc[j].is_alpha and j not in self.at:
                    e = j
                    while e < s.end and doc[e].text[:1].isupper() and doc[e].is_alpha and e - j < 3:
                        e += 1
                    place = self._new_place(doc[j:e].text)
                    out.append(Candidate(place, "LOCATED_IN", adj.entity, adj.start, gate=False))
            elif k + 1 <= s.end and k < s.end and doc[k].lower_ == "capital":
                capital = self.ref.countries[adj.entity.iso3].capital
                for p in self.mentions:
                    if p.entity.type == "Place" and p.entity.name == capital:
                        out.append(Candidate(p, "LOCATED_IN", adj.entity, adj.start, gate=False))
        return out

    def _created_place(self, name: str, iso3: str | None) -> Entity:
        for m in self.mentions_all:
            if m.entity.type == "Place" and m.entity.name == name:
                return m.entity
        place = self.created.get(name)
        if place is None:
            place = self.created[name] = Entity(name, "Place", iso3, aliases={name})
        return place

    def _new_place(self, name: str) -> Entity:
        place = self.created.get(name)
        if place is None:
            place = self.created[name] = Entity(name, "Place", aliases={name})
        return place

    def _membership(self, m: Mention) -> list[Candidate]:
        """ "the US-led alliance known as the Quad" and "the Quad, which also includes India and Australia"."""
        doc, s = self.doc, self.sent
        out = []
        if (
            m.entity.type == "Country"
            and m.end + 1 < s.end
            and doc[m.end].text == "-"
            and doc[m.end + 1].lower_ == "led"
        ):
            for org in self._first_org_after(m.end + 2, 8):
                out.append(Candidate(m, "MEMBER_OF", org, m.start))
        if m.entity.type == "Organization" and m.role == ACTOR:
            k = m.end
            if self._tok(k) in GROUPING_NOUNS and self._tok(k + 1) == ",":
                k += 1  # "the OPEC+ arrangement, which also includes"
            if k + 1 < s.end and doc[k].text == "," and doc[k + 1].lower_ in ("which", "that"):
                k += 2
            elif k + 1 < s.end and doc[k].text == "," and doc[k + 1].lower_ in MADE_OF:
                k += 1
            while k < s.end and doc[k].lower_ in ("also", "now", "currently", "is", "are", "was"):
                k += 1
            if k < s.end and doc[k].lower_ in INCLUDE_WORDS:
                for member in self._objects(k + 1, roles=(ACTOR,)):
                    out.append(Candidate(member, "MEMBER_OF", m, k))
            elif k + 2 < s.end and doc[k].lower_ in MADE_OF:
                j = k + 1 + (self._tok(k + 1) == "up")  # "made up of", "consisting of"
                members = self._objects(j + 1, roles=(ACTOR,)) if self._tok(j) == "of" else []
                out.extend(Candidate(member, "MEMBER_OF", m, k) for member in members)
            k = m.end + (self._tok(m.end) == ")")  # "the Free Trade Association (EFTA), whose"
            if self._tok(k) == "," and self._tok(k + 1) == "whose" and self._tok(k + 2) in MEMBER_WORDS:
                k += 3  # "EFTA, whose members are Norway and Iceland"
                k += self._tok(k) in ("are", "were", "include", "includes", "now", "also")
                k += self._tok(k) in ("are", "include", "now")
                out.extend(Candidate(x, "MEMBER_OF", m, k) for x in self._objects(k, roles=(ACTOR,)))
            k = self._bloc_of(m.end)
            if k is not None:  # "IGAD, the regional bloc of Djibouti, Eritrea, ..."
                for member in self._objects(k, roles=(ACTOR,)):
                    out.append(Candidate(member, "MEMBER_OF", m, k))
            # "Justin Trudeau is the longest-serving G7 leader": the leader and the country he leads
            if m.end < s.end and doc[m.end].lower_ in ("leader", "leaders", "member", "members"):
                for subj in self._subjects(m.start):
                    between = {doc[x].lower_ for x in range(subj.end, m.start)}
                    if between & COPULAS or (between and between <= APPOSITION):
                        out.append(Candidate(subj, "MEMBER_OF", m, m.start))
        return out

    def _bloc_of(self, k: int) -> int | None:
        """After ", the (regional) bloc of": where its member list starts."""
        doc, s = self.doc, self.sent
        if k + 3 >= s.end or doc[k].text != "," or doc[k + 1].lower_ not in ("the", "a"):
            return None
        j = k + 2
        while j < s.end and j - k < 6 and doc[j].is_lower and doc[j].lower_ not in BLOC_NOUNS:
            j += 1
        if j + 1 < s.end and doc[j].lower_ in BLOC_NOUNS and doc[j + 1].lower_ in ("of", "comprising"):
            return j + 2
        return None

    def _members_word(self) -> list[Candidate]:
        """ "Chile and Peru are the only two APEC members", "As one of Nato's 32 members, Norway",
        "using their veto as permanent council members" (the council named in the sentence)."""
        doc, s = self.doc, self.sent
        out = []
        for k in range(s.start, s.end):
            if doc[k].lower_ not in MEMBER_WORDS:
                continue
            org, attached = None, True
            j = k - 1
            while j >= s.start and (doc[j].like_num or doc[j].lower_ in ("permanent", "founding", "full")):
                j -= 1
            if j >= s.start and doc[j].text in POSSESSIVE:
                j -= 1
            cand = self.at.get(j)
            if cand is not None and cand.entity.type == "Organization" and cand.role == ACTOR:
                org = cand
            elif k + 2 < s.end and doc[k + 1].lower_ == "of":
                nxt = self.at.get(k + 2) or self.at.get(k + 3)
                if nxt is not None and nxt.entity.type == "Organization":
                    org = nxt
            if org is None:
                orgs = [
                    x
                    for x in self.mentions
                    if x.entity.type == "Organization" and x.role == ACTOR and x.entity.kind != "collective"
                ]
                if len({id(x.entity) for x in orgs}) == 1 and self._tok(k - 1) in ("council", "permanent"):
                    org, attached = orgs[0], False
            if org is None:
                continue
            first = min(org.start, k)
            # "ORG member Turkey"
            if k + 1 < s.end and (k + 1) in self.at and self.at[k + 1].start == k + 1:
                # "fellow EU member Austria", "Nato members Poland and Romania"
                members = [self.at[k + 1]]
                if doc[k].lower_ == "members":
                    self._list_continuation(members[0], members, (ACTOR,))
            elif (
                first - 2 >= s.start
                and doc[first - 1].lower_ in ("a", "an")
                and doc[first - 2].lower_ == "as"
                and self._tok(k + 1) == ","
            ):
                nxt = self.at.get(k + 2)  # "As an EU member, Austria ..."
                members = [nxt] if nxt is not None else []
            elif first - 2 >= s.start and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ == "one":
                c = k + 1
                while c < s.end and doc[c].text != ",":
                    c += 1
                nxt = self.at.get(c + 1)
                members = [nxt] if nxt is not None else []
            else:
                members = self._subjects(first if attached else k)
                between = (
                    {doc[x].lower_ for x in range(members[-1].end, first if attached else k)} if members else set()
                )
                # "Chile and Peru are APEC members", "Poland, a NATO member"
                if not between & COPULAS and not (between and between <= APPOSITION):
                    members = []
            for mem in members:
                if (
                    mem.role != ACTOR
                    or mem.entity.type not in ("Country", "Organization")
                    or self._possessive_after(mem)
                ):
                    continue
                if not attached and not self._is_member(org.entity, mem.entity):
                    continue
                out.append(Candidate(mem, "MEMBER_OF", org, k))
        return out

    def _is_member(self, org: Entity, member: Entity) -> bool:
        ref = self.ref.org(org.name)
        return ref is not None and member.iso3 is not None and ref.has_member(member.iso3, self.published)
