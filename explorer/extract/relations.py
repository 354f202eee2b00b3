"""The "news_relations" component: typed facts between resolved mentions, one sentence at a time.

Cue words come from data/relation_cues.tsv; each names a pattern (see that file) that finds the
subject and object around the cue. Structural patterns that need no cue word (titles, "Russian
gas giant Gazprom", "Mariupol in eastern Ukraine", "the Quad, which includes India") are the
`_structural_*` methods. Every candidate then passes the same gate: not negated or hypothetical
("did not meet", "would welcome talks"), not inside what someone is accused of, types allowed by
the ontology; the gate also sets the modality ("is expected to meet" -> planned).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from explorer.extract.model import (
    ACTOR,
    ADJ,
    COMPANY,
    COUNTRY,
    LOCATION,
    MODIFIER,
    PLACE,
    SEAT,
    Entity,
    Mention,
    RawFact,
)
from explorer.extract.people import HONORIFICS
from explorer.extract.reference import _rows, load_reference
from explorer.ontology import OntologyError, check_fact_types


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


PREPOSITIONS = _wordset(
    "of to in on for with from by at about into over under after before than like against between during "
    "toward towards through via across without"
)
# Before a subject these start a clause rather than a prepositional phrase ("a day after Putin travelled").
SUBJECT_PREPOSITIONS = PREPOSITIONS - {"after", "before", "since", "until"}
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves"})
DETERMINERS = frozenset(["the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those"])
OBJECT_STOPS = PREPOSITIONS | frozenset(
    ["that", "which", "who", "and", "but", "or", "as", "said", "says", "while", "when", "where", "if"]
)
QUOTES = frozenset({"“", "”", '"', "‘", "’", "'"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
DIRECTIONS = _wordset(
    "eastern western northern southern central north south east west "
    "northeastern northwestern southeastern southwestern far"
)
PLACE_NOUNS = frozenset(["city", "town", "village", "port", "region", "province", "capital", "district"])
COPULAS = frozenset(["is", "are", "was", "were", "remains", "remain", "became", "become", "as"])
ACCUSE_WORDS = frozenset(["accused", "accuses", "accusing", "accuse", "blamed", "blames", "blaming", "alleged"])
BLAME_WORDS = _wordset("blamed blames blaming criticised criticized criticises criticizes condemned condemns slammed")
DENY_WORDS = frozenset(["denied", "denies", "deny", "denying"])
HOST_WORDS = frozenset(["host", "hosted", "hosting", "hosts"])
TALK_VERBS = frozenset(["held", "hold", "holding", "holds", "had", "have", "has", "met"])
TARGET_VERBS = frozenset(["targeted", "targets", "targeting", "hit", "hits", "slapped"])
INCLUDE_WORDS = frozenset(["includes", "include", "included", "including", "comprises", "comprise", "groups"])
MEMBER_WORDS = frozenset(["member", "members"])
STAGED_WORDS = frozenset(["staged", "fabricated", "orchestrated", "masterminded", "engineered"])
CLAIM_NOUNS = frozenset(
    ["stance", "claim", "claims", "position", "accusation", "accusations", "allegation", "allegations"]
)
AUXILIARIES = frozenset(["were", "was", "had", "have", "has", "is", "are", "also", "been", "being"])
INTENT_NOUNS = frozenset(["campaign", "plan", "plans", "attempt", "attempts", "effort", "efforts"])
APPOSITION = frozenset({",", "a", "an", "fellow"})
POSSESSOR_ONLY = frozenset({"war in", "ally", "close ally", "key ally"})  # "Russia's ally Belarus"
LIFTED = frozenset({"IN_CONFLICT_WITH", "MEMBER_OF"})  # a leader acting stands for the country here


@dataclass
class Candidate:
    subject: Mention | Entity
    predicate: str
    object: Mention | Entity
    cue: int  # token index of the cue, for the negation / modality window
    role: str | None = None
    commodity: str | None = None
    gate: bool = True  # False for structural facts (titles, appositions) that no clause can negate


def _entity(x: Mention | Entity) -> Entity | None:
    return x.entity if isinstance(x, Mention) else x


class Relations:
    def __init__(self, nlp: Language, name: str = "news_relations"):
        self.name = name
        ref = load_reference()
        self.ref = ref
        self.words = ref.words
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues: dict[str, list[tuple[str, str]]] = {}
        for row in _rows("relation_cues.tsv"):
            for cue in row["cues"].split("|"):
                key = cue.strip().lower()
                if key not in self.cues:
                    self.matcher.add(key, [nlp.make_doc(cue.strip())])
                self.cues.setdefault(key, []).append((row["predicate"], row["pattern"]))
        self.patterns = {
            "object": self._pattern_object,
            "between": self._pattern_between,
            "together": self._pattern_together,
            "to_object": self._pattern_to_object,
            "from_object": self._pattern_from_object,
            "modifier": self._pattern_modifier,
            "market": self._pattern_market,
        }
        unknown = {p for cues in self.cues.values() for _, p in cues} - set(self.patterns)
        if unknown:
            raise ValueError(f"relation_cues.tsv names unknown patterns: {sorted(unknown)}")
        self.multiword_negative = [tuple(w.split()) for w in self.words["negative_words"] if " " in w]
        self.multiword_hostile = [tuple(w.split()) for w in self.words["hostile_actions"] if " " in w]

    # ============================================================================== the component

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in (doc._.mentions or []) if m.entity is not None]
        self.mentions_all = mentions
        self.doc = doc
        self.published = doc._.published
        self.at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.at[i] = m
        by_sent: dict[int, list[tuple[int, int, str]]] = {}
        sents = list(doc.sents)
        sent_starts = [s.start for s in sents]
        mentions_by_sent: dict[int, list[Mention]] = {}
        for m in mentions:  # already in document order
            mentions_by_sent.setdefault(bisect_right(sent_starts, m.start) - 1, []).append(m)
        for match_id, start, end in self.matcher(doc):
            k = bisect_right(sent_starts, start) - 1
            by_sent.setdefault(k, []).append((start, end, doc.vocab.strings[match_id]))
        self.offices: dict[int, Entity] = {}  # person entity id -> country they hold office in
        self.last_sanctioner: tuple[int, Entity] | None = None
        self.created: dict[str, Entity] = {}  # entities named only here: "the Ukrainian city of Bucha"
        facts: list[RawFact] = []
        for k, sent in enumerate(sents):
            self.sent = sent
            self.mentions = mentions_by_sent.get(k, [])
            candidates = self._structural(sent)
            self._sentence_candidates = candidates  # cues later in the sentence look back at these
            for start, end, key in sorted(by_sent.get(k, [])):
                for predicate, pattern in self.cues[key]:
                    candidates.extend(self._cue(predicate, pattern, start, end, key))
            candidates.extend(self._reported(sent))
            facts.extend(self._gate(sent, k, candidates))
        doc._.facts = facts
        return doc

    # ============================================================================== token helpers

    def _tok(self, i: int) -> str:
        return self.doc[i].lower_ if self.sent.start <= i < self.sent.end else ""

    def _possessive_after(self, m: Mention) -> bool:
        return m.end < self.sent.end and self.doc[m.end].text in POSSESSIVE

    def _skip_back_det(self, i: int) -> int:
        """Index of the token before i, skipping determiners and quotes."""
        k = i - 1
        while k >= self.sent.start and (self.doc[k].lower_ in DETERMINERS or self.doc[k].text in QUOTES):
            k -= 1
        return k

    def _in_parens(self, m: Mention) -> bool:
        return m.start > self.sent.start and self.doc[m.start - 1].text == "("

    def _relative_clauses(self) -> list[tuple[int, int, Mention | None]]:
        """(start, end, antecedent) of ", who/which ... ," clauses in the sentence."""
        out = []
        doc, s = self.doc, self.sent
        for i in range(s.start + 1, s.end):
            if doc[i].lower_ in ("who", "which") and doc[i - 1].text == ",":
                j = i + 1
                while j < s.end and doc[j].text not in (",", ";", "—"):
                    j += 1
                ante = self.at.get(i - 2)
                if ante is not None and ante.role != ACTOR:
                    ante = None
                out.append((i, j, ante))
        return out

    # ============================================================================== argument finders

    def _subjects(self, i: int, *, coordinated: bool = True, actors_only: bool = True) -> list[Mention]:
        """The subject of a cue at token i: the nearest actor before it that is not inside a
        prepositional phrase, a possessive modifier, brackets or a relative clause it is not in."""
        rels = self._relative_clauses()
        if any(self._tok(k) in REFLEXIVES for k in range(i - 3, i)):
            # "Japan ..., and positions itself as a bulwark against": the sentence's subject
            first = next((m for m in self.mentions if m.role == ACTOR and self._subject_like(m, rels, i)), None)
            return (
                self._coordination_forward(first) if first is not None and coordinated else ([first] if first else [])
            )
        for start, end, ante in rels:
            if start < i <= end and ante is not None:
                inner = [m for m in self.mentions if start < m.start and m.end <= i and m.role == ACTOR]
                if not inner or all(self.doc[x.start].lower_ in ("it", "he", "she") for x in inner):
                    return [ante]
        if self._verb_coordinated(i):
            # "Scholz met Li Qiang and was due to hold talks with Xi": the sentence's subject
            first = next((m for m in self.mentions if m.end <= i and self._subject_like(m, rels, i)), None)
            if first is not None:
                return self._coordination_forward(first) if coordinated else [first]
        found = None
        for m in reversed(self.mentions):
            if m.end > i:
                continue
            if actors_only and m.role != ACTOR:
                continue
            if self._subject_like(m, rels, i):
                found = m
                break
        if found is None:
            return []
        return self._coordination(found) if coordinated else [found]

    def _verb_coordinated(self, i: int) -> bool:
        """Is the cue at i in a second verb phrase ("... and accused Washington of ...")?
        Walking back, an "and" followed by a lower-case word comes before any actor."""
        doc = self.doc
        for k in range(i - 1, max(self.sent.start, i - 8) - 1, -1):
            if k in self.at or doc[k].text in (";", ":", "“", "”", '"'):
                return False
            if doc[k].lower_ == "and":
                nxt = doc[k + 1]
                return nxt.is_alpha and nxt.is_lower and nxt.lower_ not in DETERMINERS and (k + 1) not in self.at
        return False

    def _subject_like(self, m: Mention, rels, i: int) -> bool:
        if any(start < m.start and m.end <= end and not (start < i <= end) for start, end, _ in rels):
            return False
        if self._in_parens(m) or self._possessive_after(m):
            return False
        prev = self._skip_back_det(m.start)
        return not (prev >= self.sent.start and self.doc[prev].lower_ in SUBJECT_PREPOSITIONS)

    def _coordination_forward(self, first: Mention) -> list[Mention]:
        """ "China and Russia have ...": the list that starts with `first`."""
        out, cur = [first], first
        while True:
            k = cur.end
            if k + 1 >= self.sent.end or self.doc[k].lower_ not in ("and", ","):
                return out
            nxt = self.at.get(k + 1)
            if nxt is None or nxt.role != ACTOR or nxt.start != k + 1:
                return out
            out.append(nxt)
            cur = nxt

    def _coordination(self, last: Mention) -> list[Mention]:
        """ "China, Japan and South Korea": every member of a list ending at `last`."""
        out = [last]
        cur = last
        while True:
            k = cur.start - 1
            if k < self.sent.start or self.doc[k].lower_ not in ("and", ",", "&"):
                break
            k2 = k - 1
            if self.doc[k].lower_ == "and" and k2 >= self.sent.start and self.doc[k2].text == ",":
                k2 -= 1
            prev = self.at.get(k2)
            if prev is None or prev.role != ACTOR or prev.end != k2 + 1:
                break
            out.insert(0, prev)
            cur = prev
        return out

    def _objects(self, j: int, *, max_gap: int = 4, roles=(ACTOR, LOCATION), allow_caps: bool = True) -> list[Mention]:
        """The object right after a cue ending at token j, and the rest of a list that follows it."""
        doc, s = self.doc, self.sent
        k, gap = j, 0
        while k < s.end and gap <= max_gap:
            m = self.at.get(k)
            if m is not None and m.role == MODIFIER and m.end < s.end and doc[m.end].text[:1].isupper():
                k, gap = m.end, gap + 1  # "talks with Egyptian President el-Sisi": part of a title
                continue
            if m is not None:
                break
            tok = doc[k]
            low = tok.lower_
            if low in OBJECT_STOPS or tok.text in (",", ";", ":", ".", "(", ")", "?", "!"):
                return []
            if tok.text[:1].isupper() and not allow_caps:
                return []
            gap += 0 if (low in DETERMINERS or tok.text in QUOTES) else 1
            k += 1
        else:
            return []
        if k >= s.end:
            return []
        m = self.at[k]
        if m.role not in roles:
            return []
        first = self._officer_of(m) or self._possessed(m)
        out = [first]
        self._list_continuation(first, out, roles)
        return out

    def _officer_of(self, m: Mention) -> Mention | None:
        """ "met Tesla chief executive Elon Musk", "met Kremlin spokesman Peskov": the person, not the employer."""
        for k in range(m.end, min(self.sent.end, m.end + 4)):
            p = self.at.get(k)
            if p is not None and p is not m:
                if p.entity.type == "Person" and any(c.affiliation is m for c in p.offices):
                    return p
                return None
        return None

    def _possessed(self, m: Mention) -> Mention:
        """ "Putin's nemesis Volodymyr Zelensky" -> Zelensky; "Beijing's plan" -> Beijing."""
        if not self._possessive_after(m):
            return m
        k = m.end + 1
        for _ in range(4):
            if k >= self.sent.end:
                break
            nxt = self.at.get(k)
            if nxt is not None:
                return nxt if nxt.role == ACTOR and nxt.entity.type in ("Person", "Organization") else m
            # "Putin's nemesis Zelensky", "Qatar's Emir Sheikh Tamim"; not "Sweden's bid to join Nato"
            if not self.doc[k].is_alpha or self.doc[k].lower_ in OBJECT_STOPS:
                break
            k += 1
        return m

    def _list_continuation(self, first: Mention, out: list[Mention], roles) -> None:
        doc, s = self.doc, self.sent
        cur = first
        for _ in range(6):
            k = cur.end
            if k < s.end and doc[k].text in POSSESSIVE:
                # "Putin's adult daughters, Lavrov's wife": skip the possessed noun phrase
                k += 1
                while k < s.end and doc[k].is_alpha and doc[k].is_lower and k - cur.end < 5:
                    k += 1
            if k < s.end and doc[k].text == "(":
                while k < s.end and doc[k].text != ")":
                    k += 1
                k += 1
            if k < s.end and doc[k].text == "," and k + 1 < s.end and doc[k + 1].lower_ in ("which", "who"):
                k += 2
                while k < s.end and doc[k].text != ",":
                    k += 1
            if k >= s.end or doc[k].lower_ not in (",", "and", "&"):
                return
            comma_only = doc[k].text == ","
            k += 1
            if k < s.end and doc[k].lower_ == "and":
                comma_only = False
                k += 1
            while k < s.end and (doc[k].lower_ in DETERMINERS or doc[k].lower_ in HONORIFICS):
                k += 1
            nxt = self.at.get(k)
            if nxt is None or nxt.role not in roles:
                return
            follower = doc[nxt.end].text if nxt.end < s.end else ""
            parallel = follower in POSSESSIVE and cur.end < s.end and doc[cur.end].text in POSSESSIVE
            if comma_only and not (follower.lower() in (",", "and", "&") or parallel):
                # "with el-Sisi, the State Department said", "China, Kenya's largest creditor": asides
                return
            nxt = self._possessed(nxt)
            out.append(nxt)
            cur = nxt

    def _possessor_before(self, i: int) -> Mention | None:
        """ "Xi's three-day visit": the actor owning the noun at token i."""
        k = i - 1
        steps = 0
        while k > self.sent.start and steps < 3 and self.doc[k].text not in POSSESSIVE:
            tok = self.doc[k]
            if not (tok.is_lower or tok.text == "-" or tok.like_num) or tok.lower_ in OBJECT_STOPS | DETERMINERS:
                return None  # "Germany's response to the war": the war is not Germany's
            k -= 1
            steps += 1
        if k <= self.sent.start or self.doc[k].text not in POSSESSIVE:
            return None
        m = self.at.get(k - 1)
        return m if m is not None and m.role == ACTOR else None

    def _commodity(self, start: int, end: int) -> str | None:
        words = self.words["commodities"]
        doc = self.doc
        lo, hi = max(self.sent.start, start), min(self.sent.end, end)
        for n in (3, 2, 1):
            for k in range(lo, hi - n + 1):
                phrase = " ".join(doc[x].lower_ for x in range(k, k + n))
                if phrase in words:
                    return "LNG" if phrase == "lng" else phrase
        return None

    def _speaker(self) -> Mention | None:
        for k in range(self.sent.start, self.sent.end):
            if self.doc[k].lower_ in ("said", "says", "told", "added"):
                after = self.at.get(k + 1) or (self.at.get(k + 2) if self._tok(k + 1) == "the" else None)
                if after is not None and after.role == ACTOR:
                    return after
                subj = self._subjects(k, coordinated=False)
                if subj:
                    return subj[0]
        return None

    # ============================================================================== cue patterns

    def _cue(self, predicate: str, pattern: str, start: int, end: int, key: str) -> list[Candidate]:
        handler = self.patterns[pattern]
        return handler(predicate, start, end, key)

    def _pattern_object(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        doc = self.doc
        if key == "counter" and end < self.sent.end and doc[end].text == "-":
            return []  # "counter-terrorism"
        if predicate == "VISITED":
            special = self._visit(start, end)
            if special is not None:
                return special
            if any(doc[k].lower_.startswith("invit") for k in range(self.sent.start, start)):
                return []  # "invited X to visit Y" is the invitation, not a visit
        owner = None
        if predicate == "SANCTIONED" and key in (
            "sanctions on",
            "sanctions against",
            "sanctions in",
            "sanctions targeting",
        ):
            subjects = self._sanctioner(start)
        else:
            noun_cue = " " in key or key.endswith("ion") or key in POSSESSOR_ONLY
            owner = self._possessor_before(start) if noun_cue else None
            if owner is None and key in POSSESSOR_ONLY:
                return []  # "raised the war in Ukraine" names no side; "Russia's war in Ukraine" does
            subjects = [owner] if owner is not None else self._subjects(start)
        wide = predicate == "MEMBER_OF"
        located = ("VISITED", "LOCATED_IN", "IN_CONFLICT_WITH", "BASED_IN")
        roles = (ACTOR, LOCATION) if predicate in located else (ACTOR,)
        objects = self._objects(end, max_gap=10 if wide else 4, roles=roles)
        if predicate == "IN_CONFLICT_WITH":
            objects = [self._country(o.ref.iso3) if o.label == SEAT else o for o in objects]
        if wide:
            objects = [o for o in objects if o.entity.type == "Organization"] or self._first_org_after(end, 14)
        if predicate in ("MET_WITH", "INVITED", "VISITED") and objects and self._possessive_after(objects[0]):
            return []  # "help meet China's needs": a meeting is with someone, not with something of theirs
        if key in HOST_WORDS | {"received"}:
            objects = [o for o in objects if o.entity.type == "Person"]  # "hosts a U.S. base" is no meeting
        commodity = self._commodity(start - 4, end + 3) if predicate == "TRADES_WITH" else None
        # "Russia's invasion of Ukraine" is presupposed: "refused to condemn Russia's invasion" still states it.
        gate = owner is None
        out = [Candidate(s, predicate, o, start, commodity=commodity, gate=gate) for s in subjects for o in objects]
        if predicate == "REJECTED" and subjects and not objects:
            out = [Candidate(s, predicate, a.subject, start) for s in subjects for a in self._accusations_of(s)]
        return out

    def _visit(self, start: int, end: int) -> list[Candidate] | None:
        """ "a visit by X to Y" and "X's Moscow visit"."""
        doc, s = self.doc, self.sent
        if end < s.end and doc[end].lower_ == "by":
            k = end + 1
            while k < s.end and k not in self.at and k - end < 5:
                k += 1
            visitor = self.at.get(k)
            if visitor is None or visitor.role != ACTOR:
                return []
            j = visitor.end
            while j < s.end and doc[j].lower_ != "to" and j - visitor.end < 3:
                j += 1
            if j >= s.end or doc[j].lower_ != "to":
                return []
            return [Candidate(visitor, "VISITED", o, start) for o in self._objects(j + 1, roles=(ACTOR, LOCATION))]
        place = self.at.get(start - 1)
        if place is not None and place.role == LOCATION:
            owner = self._possessor_before(place.start)
            return [Candidate(owner, "VISITED", place, start)] if owner is not None else []
        return None

    def _first_org_after(self, j: int, window: int) -> list[Mention]:
        for k in range(j, min(self.sent.end, j + window)):
            if self.doc[k].text in (",", ";", "."):
                break
            m = self.at.get(k)
            if m is not None and m.role == ACTOR and m.entity.type == "Organization":
                return [m]
        return []

    def _sanctioner(self, start: int) -> list[Mention]:
        """Who imposes "sanctions on X": "Western/US sanctions", the clause subject, the speaker,
        or whoever imposed the last sanctions the article told of."""
        k = start - 1
        while (
            k >= self.sent.start and self.doc[k].is_lower and self.doc[k].lower_ not in PREPOSITIONS and start - k < 4
        ):
            if self.doc[k].lower_ in DETERMINERS:
                break
            k -= 1
        m = self.at.get(k)
        if m is None and k >= self.sent.start and self.doc[k].text in POSSESSIVE:
            m = self.at.get(k - 1)
        if m is not None and m.role in (ACTOR, MODIFIER):
            return [m]
        if not any(self._tok(x) in self.words["impose_verbs"] for x in range(start - 4, start)):
            return []  # "opposes any easing of sanctions on Iran" says nobody imposed them
        subjects = self._subjects(start)
        if subjects:
            return subjects
        speaker = self._speaker()
        if speaker is not None:
            return [speaker]
        if self.last_sanctioner is not None:
            return [self.last_sanctioner[1]]
        return []

    def _accusations_of(self, accused: Mention) -> list[Candidate]:
        return [
            c for c in self._sentence_candidates if c.predicate == "ACCUSED" and _entity(c.object) is accused.entity
        ]

    def _pattern_between(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        parties = self._objects(end, roles=(ACTOR,))
        out = [Candidate(a, predicate, b, start) for n, a in enumerate(parties) for b in parties[n + 1 :]]
        if predicate == "MET_WITH" and any(self._tok(k) in HOST_WORDS for k in range(start - 2, start)):
            for host in self._subjects(start):
                out.extend(Candidate(host, predicate, p, start) for p in parties)
        return out

    def _pattern_together(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        if key == "talks" and not any(self._tok(k) in TALK_VERBS for k in range(start - 8, start)):
            return []
        stops = ("with", "between", "on", "to") if predicate == "MET_WITH" else ("with", "between")
        if end < self.sent.end and self.doc[end].lower_ in stops:
            return []  # the "with"/"between" cues handle these; "talks on Ukraine" names no party
        parties = self._subjects(start)
        return [Candidate(a, predicate, b, start) for n, a in enumerate(parties) for b in parties[n + 1 :]]

    def _pattern_to_object(self, predicate: str, start: int, end: int, key: str, preposition: str = "to"):
        doc, s = self.doc, self.sent
        for k in range(end, min(s.end, end + 20)):
            if doc[k].text in (",", ";", ":") or doc[k].lower_ in ("said", "says"):
                return []
            if doc[k].lower_ == preposition:
                objects = self._objects(k + 1, roles=(ACTOR,))
                subjects = self._subjects(start)
                commodity = self._commodity(end, k)
                if commodity is None:
                    return []  # "send troops to", "deliver a message to": no goods, no trade
                return [Candidate(a, predicate, b, start, commodity=commodity) for a in subjects for b in objects]
        return []

    def _pattern_from_object(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "India imports crude oil from Russia": the goods must be named, as for to_object."""
        return self._pattern_to_object(predicate, start, end, key, preposition="from")

    def _pattern_modifier(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "Western sanctions", "an International Criminal Court warrant": the modifier acts on the
        clause's subject (or the antecedent of the relative clause the cue is in)."""
        doc = self.doc
        if end < self.sent.end and doc[end].lower_ in ("on", "against", "in", "targeting", "for"):
            return []
        k = start - 1
        while k >= self.sent.start and doc[k].lower_ in ("arrest", "new", "fresh", "tough", "tougher"):
            k -= 1
        agent = self.at.get(k)
        if agent is None or agent.end != k + 1 or agent.role not in (ACTOR, MODIFIER):
            return []
        targets = self._subjects(agent.start)
        out = [Candidate(agent, predicate, t, start) for t in targets]
        if predicate == "SANCTIONED":
            self.last_sanctioner = (start, agent.entity)
        return out

    def _pattern_market(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        doc, s = self.doc, self.sent
        k = start - 1
        while k > s.start and doc[k].lower_ in DETERMINERS | {"the"}:
            k -= 1
        if doc[k].lower_ not in ("are", "is", "remain", "remains", "were", "was"):
            return []
        buyers = []
        last = self.at.get(k - 1)
        if last is not None and last.role == ACTOR:
            buyers = self._coordination(last)
        seller = self.at.get(end)
        if seller is None or seller.role != ACTOR:
            return []
        commodity = self._commodity(seller.end, seller.end + 4)
        return [Candidate(seller, predicate, b, start, commodity=commodity) for b in buyers]

    # ============================================================================== structural facts

    def _structural(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.mentions:
            out.extend(self._offices(m))
            out.extend(self._based_in(m))
            out.extend(self._located_in(m))
            out.extend(self._membership(m))
        out.extend(self._members_word())
        out.extend(self._place_of())
        out.extend(self._targeted_with_sanctions())
        return out

    def _targeted_with_sanctions(self) -> list[Candidate]:
        """ "The United States targeted Russian banks ... with a new package of sanctions"."""
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
        return out

    def _tenure_affiliation(self, person: Entity, title: str) -> Entity | None:
        for t in self.ref.tenures:
            if t.name == person.name and t.title == title and t.holds_on(self.published):
                if t.affiliation in self.ref.countries:
                    return self._country(t.affiliation)
                return self._organization(t.affiliation)
        return None

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
            if t.name == person.name and (t.affiliation in (aff.iso3, aff.name)):
                return t.title
        return None

    def _based_in(self, m: Mention) -> list[Candidate]:
        """ "Russian gas giant Gazprom", "Russia's Sberbank", "TotalEnergies of France", and a
        company named with its known home country in one sentence."""
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
            home = self.at.get(m.start - 3)  # "London-based Shell", "Moscow-based Gazprom"
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

    def _located_in(self, m: Mention) -> list[Candidate]:
        """ "Mariupol in eastern Ukraine", "Sochi, Russia", a place with the country the reference
        puts it in, and a capital next to "the Lithuanian capital"."""
        if m.entity.type != "Place":
            return []
        doc, s = self.doc, self.sent
        out = []
        k = m.end
        if k + 1 < s.end and doc[k].text == "," and doc[k + 1].lower_ == "in":
            k += 1  # "Kramatorsk, in eastern Ukraine"
        if k < s.end and doc[k].lower_ == "in":
            k += 1
            while k < s.end and (doc[k].lower_ in DIRECTIONS or doc[k].lower_ == "the"):
                k += 1
            outer = self.at.get(k)
            if outer is not None and outer.entity.type in ("Country", "Place") and outer.role != MODIFIER:
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
        elif k + 1 < s.end and doc[k].text == ",":
            outer = self.at.get(k + 1)
            if (
                outer is not None
                and outer.label == COUNTRY
                and (outer.end >= s.end or doc[outer.end].lower_ not in ("and", ","))
            ):
                out.append(Candidate(m, "LOCATED_IN", outer.entity, m.start, gate=False))
        if not out and m.start >= s.start + 2 and doc[m.start - 1].text in POSSESSIVE:
            owner = self.at.get(m.start - 2)  # "Ukraine's Donetsk region"
            if owner is not None and owner.entity.type == "Country" and owner.role == ACTOR:
                out.append(Candidate(m, "LOCATED_IN", owner.entity, m.start, gate=False))
        iso3 = m.entity.iso3
        if iso3 and not out and m.label == PLACE:
            for other in self.mentions:
                if other.entity.type == "Country" and other.entity.iso3 == iso3 and other.role in (ACTOR, MODIFIER):
                    out.append(Candidate(m, "LOCATED_IN", other.entity, m.start, gate=False))
                    break
        return out

    def _place_of(self) -> list[Candidate]:
        """ "the Ukrainian city of Bucha" -> Bucha (a place, even if unknown) in Ukraine."""
        doc, s = self.doc, self.sent
        out = []
        for adj in self.mentions:
            if adj.label != ADJ or adj.entity.type != "Country":
                continue
            k = adj.end
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
            if k + 1 < s.end and doc[k].text == "," and doc[k + 1].lower_ in ("which", "that"):
                k += 2
            while k < s.end and doc[k].lower_ in ("also", "now", "currently"):
                k += 1
            if k < s.end and doc[k].lower_ in INCLUDE_WORDS:
                for member in self._objects(k + 1, roles=(ACTOR,)):
                    out.append(Candidate(member, "MEMBER_OF", m, k))
            # "Fumio Kishida is the last Group of Seven leader": the leader and the country he leads
            if m.end < s.end and doc[m.end].lower_ in ("leader", "leaders", "member", "members"):
                for subj in self._subjects(m.start):
                    between = {doc[x].lower_ for x in range(subj.end, m.start)}
                    if between & COPULAS or (between and between <= APPOSITION):
                        out.append(Candidate(subj, "MEMBER_OF", m, m.start))
        return out

    def _members_word(self) -> list[Candidate]:
        """ "Turkey and Hungary are the only two Nato members", "As one of Nato's 31 members, Turkey",
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
            if doc[k].lower_ == "member" and k + 1 < s.end and (k + 1) in self.at:
                members = [self.at[k + 1]]
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
                # "Turkey and Hungary are Nato members", "Poland, a NATO member"
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

    # ============================================================================== reported speech

    def _reported(self, sent: Span) -> list[Candidate]:
        """ "X said Y launched shelling" -> X ACCUSED Y; "X said Y's moves are a stalling tactic" ->
        X CRITICIZED Y; "X said the images were staged by Y" -> X ACCUSED Y."""
        doc, s = self.doc, self.sent
        out: list[Candidate] = []
        says = self.words["say_verbs"]
        for k in range(s.start, s.end):
            low = doc[k].lower_
            speaker, clause = None, None
            if low in says:
                after = self.at.get(k + 1) or (self.at.get(k + 2) if self._tok(k + 1) == "the" else None)
                if (
                    after is not None
                    and after.role == ACTOR
                    and k > s.start
                    and doc[k - 1].text in (",", "”", '"', "’")
                ):
                    speaker, clause = after, (s.start, k)
                else:
                    subj = self._subjects(k, coordinated=True)
                    if subj:
                        speaker, clause = subj, (k + 1, s.end)
            elif (
                low in CLAIM_NOUNS and k > s.start + 1 and doc[k - 1].text in POSSESSIVE and self._tok(k + 1) == "that"
            ):
                owner = self.at.get(k - 2)
                if owner is not None and owner.role == ACTOR:
                    speaker, clause = [owner], (k + 2, s.end)
            if speaker is None:
                continue
            speakers = speaker if isinstance(speaker, list) else [speaker]
            for sp in speakers:
                out.extend(self._reported_clause(sp, *clause))
        return out

    def _reported_clause(self, speaker: Mention, start: int, end: int) -> list[Candidate]:
        doc = self.doc
        out: list[Candidate] = []
        accused: set[int] = set()
        hostile = self.words["hostile_actions"]
        for m in self.mentions:
            if not (start <= m.start < end) or m.entity is speaker.entity or m.role == LOCATION:
                continue
            if m.entity.type == "Place":
                continue
            # Hostile act by m: "Azerbaijani troops launched shelling", "a Russian campaign to commit atrocities"
            if self._own_country(speaker.entity, m.entity):
                continue
            k = self._skip_to_verb(m.end, end)
            hostile_act = k < end and (doc[k].lower_ in hostile or self._phrase_at(k, self.multiword_hostile))
            hostile_act = hostile_act and self._tok(k + 1) != "to"  # "was committed to the deal"
            if hostile_act and (m.role == ACTOR or (m.role == MODIFIER and m.label == ADJ)):
                out.append(Candidate(speaker, "ACCUSED", m.entity, k))
                accused.add(id(m.entity))
        # "staged by the West"
        for k in range(start, end - 1):
            if doc[k].lower_ in STAGED_WORDS and doc[k + 1].lower_ == "by":
                for o in self._objects(k + 2, roles=(ACTOR,)):
                    if o.entity is not speaker.entity:
                        out.append(Candidate(speaker, "ACCUSED", o, k))
                        accused.add(id(o.entity))
        # Criticism: a subject-like actor of the clause and a negative word after it.
        for m in self.mentions:
            if not (start <= m.start < end) or m.role != ACTOR or m.entity is speaker.entity or id(m.entity) in accused:
                continue
            if self._own_country(speaker.entity, m.entity):
                continue
            nxt = m.end
            if nxt >= end:
                continue
            follower = doc[nxt]
            subject_like = follower.text in POSSESSIVE or (
                follower.is_lower and follower.is_alpha and follower.lower_ not in OBJECT_STOPS
            )
            prev = self._skip_back_det(m.start)
            if not subject_like or (prev >= start and doc[prev].lower_ in PREPOSITIONS):
                continue
            if self._negative_in(m.end, end):
                out.append(Candidate(speaker, "CRITICIZED", m.entity, m.start))
        return out

    def _own_country(self, speaker: Entity, target: Entity) -> bool:
        """A minister speaking of their own country reports, not accuses."""
        return speaker.type == "Person" and target.type == "Country" and self._lift(speaker) is target

    def _skip_to_verb(self, k: int, end: int) -> int:
        """From after an actor to its verb: past auxiliaries, adverbs, quotes and "campaign to"."""
        doc = self.doc
        for _ in range(4):
            if k >= end:
                break
            low = doc[k].lower_
            if low in AUXILIARIES or doc[k].text in QUOTES or (low.endswith("ly") and doc[k].is_alpha):
                k += 1
            elif low in INTENT_NOUNS and self._tok(k + 1) == "to":
                k += 2
            else:
                break
        return k

    def _phrase_at(self, k: int, phrases) -> bool:
        for words in phrases:
            if all(k + n < self.sent.end and self.doc[k + n].lower_ == w for n, w in enumerate(words)):
                return True
        return False

    def _negative_in(self, start: int, end: int) -> bool:
        negative = self.words["negative_words"]
        for k in range(start, end):
            if self.doc[k].lower_ in negative or self._phrase_at(k, self.multiword_negative):
                return True
        return False

    # ============================================================================== the gate

    def _gate(self, sent: Span, k: int, candidates: list[Candidate]) -> list[RawFact]:
        out: list[RawFact] = []
        complements = self._accusation_complements()
        seen = set()
        for c in candidates:
            subj, obj = _entity(c.subject), _entity(c.object)
            if subj is None or obj is None or subj is obj:
                continue
            if c.predicate in LIFTED:
                subj = self._lift(subj)
                obj = self._lift(obj)
            if subj is obj:
                continue
            if c.predicate != "HOLDS_OFFICE" and (self._own_country(subj, obj) or self._own_country(obj, subj)):
                continue  # a leader is not in a relation with the country they lead
            try:
                check_fact_types(c.predicate, subj.type, obj.type)
            except OntologyError:
                continue
            modality = "asserted"
            if c.predicate == "IN_CONFLICT_WITH" and self._tok(c.cue - 1) in self.words["figurative_words"]:
                continue  # "waging an economic war on Iran"
            if c.gate:
                if any(a < c.cue < b for a, b in complements) and c.predicate not in ("ACCUSED",):
                    continue
                verdict = self._clause_verdict(c.cue, c.predicate)
                if verdict is None:
                    continue
                modality = verdict
            key = (id(subj), c.predicate, id(obj))
            if key in seen:
                continue
            seen.add(key)
            if c.predicate == "SANCTIONED":
                self.last_sanctioner = (c.cue, subj)
            out.append(RawFact(subj, c.predicate, obj, sent.start_char, sent.end_char, modality, c.role, c.commodity))
        return out

    def _lift(self, e: Entity) -> Entity:
        """A head of state or government acting in a conflict or an alliance stands for the country."""
        if e.type != "Person":
            return e
        country = self.offices.get(id(e))
        if country is not None:
            return country
        for t in self.ref.tenures:
            if t.name == e.name and t.affiliation in self.ref.countries and t.holds_on(self.published):
                office = self.ref.offices.get(t.title)
                if office is not None and office.level == "head":
                    return self._country(t.affiliation)
        return e

    def _country(self, iso3: str) -> Entity:
        for m in self.mentions_all:
            if m.entity.type == "Country" and m.entity.iso3 == iso3:
                return m.entity
        entity = self.created.get(iso3)
        if entity is None:
            c = self.ref.countries[iso3]
            entity = self.created[iso3] = Entity(c.name, "Country", iso3, aliases={c.name})
        return entity

    def _accusation_complements(self) -> list[tuple[int, int]]:
        """Token ranges stating what someone is accused of, blamed or criticised for, or denies:
        "accused Beijing of mulling arms exports", "criticised Washington for supplying weapons"."""
        doc, s = self.doc, self.sent
        out = []
        for k in range(s.start, s.end):
            low = doc[k].lower_
            link = "of" if low in ACCUSE_WORDS else "for" if low in BLAME_WORDS else None
            if link is not None:
                j = k + 1
                while j < s.end and doc[j].lower_ != link and j - k < 6:
                    j += 1
                if j < s.end and doc[j].lower_ == link:
                    e = j
                    while e < s.end and doc[e].text not in (",", ";", "."):
                        e += 1
                    out.append((j, e))
            elif low in DENY_WORDS:
                e = k
                while e < s.end and doc[e].text not in (",", ";", "."):
                    e += 1
                out.append((k, e))
        return out

    def _clause_verdict(self, cue: int, predicate: str) -> str | None:
        """None if the clause before the cue negates it or makes it hypothetical; else the modality."""
        doc, s = self.doc, self.sent
        blockers = self.words["blockers"]
        if predicate == "REJECTED":
            blockers = blockers - DENY_WORDS - {"rejected", "rejects"}
        modality = "asserted"
        k = cue - 1
        steps = 0
        while k >= s.start and steps < 6:
            tok = doc[k]
            if tok.text in (",", ";", ":", "“", "”") or tok.lower_ in ("and", "but", "while", "though", "although"):
                break
            low = tok.lower_
            if low in blockers and k not in self.at:
                return None
            if low in self.words["planned"] and modality == "asserted":
                modality = "planned"
            elif low in self.words["reported"]:
                modality = "reported"
            k -= 1
            steps += 1
        return modality


@Language.factory("news_relations")
def make_relations(nlp: Language, name: str) -> Relations:
    return Relations(nlp, name)
