"""The "news_relations" component: typed facts between resolved mentions, one sentence at a time.

Cue words come from data/relation_cues.tsv; each names a pattern (see that file) that finds the
subject and object around the cue. Structural patterns that need no cue word (titles, "Russian
gas giant Gazprom", "Mariupol in eastern Ukraine", "the Quad, which includes India") live in
structural.py; the closed-class words the patterns test, in vocab.py. Every candidate then passes
the same gate: not negated or hypothetical ("did not meet", "would welcome talks"), not inside what
someone is accused of, types allowed by the ontology; the gate also sets the modality ("is expected
to meet" -> planned).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from explorer.extract.candidate import Candidate, _entity
from explorer.extract.model import (
    ACTOR,
    ADJ,
    COMPANY,
    COUNTRY,
    LOCATION,
    MODIFIER,
    PERSON,
    PRONOUN,
    SEAT,
    Entity,
    Mention,
    RawFact,
)
from explorer.extract.people import HONORIFICS
from explorer.extract.reference import _rows, load_reference
from explorer.extract.structural import StructuralFacts
from explorer.extract.vocab import (
    ACCUSE_WORDS,
    AUXILIARIES,
    BLAME_WORDS,
    CLAIM_NOUNS,
    CLAUSE_LINKS,
    COMPOUND_HEADS,
    CONDUCT_NOUNS,
    COPULAS,
    DENY_WORDS,
    DETERMINERS,
    DIRECTIONS,
    ENDING_WORDS,
    FIRE_WORDS,
    HOST_WORDS,
    INTENT_NOUNS,
    LIFTED,
    OBJECT_STOPS,
    PAIR_NOUNS,
    POSSESSIVE,
    POSSESSOR_ONLY,
    PREPOSITIONS,
    QUOTES,
    REFLEXIVES,
    STAGED_WORDS,
    STOP_VERBS,
    SUBJECT_PREPOSITIONS,
    TALK_VERBS,
    TARGET_VERBS,
)
from explorer.ontology import OntologyError, check_fact_types


def _quoted_variants(cue: str) -> list[str]:
    """A cue ending in a preposition also matches with a scare quote before it: "special operation” in"."""
    words = cue.split()
    if len(words) < 2 or words[-1] not in PREPOSITIONS:
        return [cue]
    head = " ".join(words[:-1])
    return [cue] + [f"{head} {q} {words[-1]}" for q in ("”", '"', "’")]


def _visited_person(predicate: str, key: str, obj: Mention) -> str:
    """ "Lula visited Kirchner at her apartment": visiting a person is meeting them."""
    if predicate == "VISITED" and key in ("visited", "visits", "visiting", "visit") and obj.entity.type == "Person":
        return "MET_WITH"
    return predicate


# What a country proposes: "rejected the French proposal" is a stand on France.
PROPOSAL_NOUNS = frozenset(
    ["proposal", "proposals", "plan", "initiative", "offer", "demands", "demand", "draft", "bid", "ceasefire proposal"]
)

# Cues that say two people met in person (not "spoke by phone").
MEETING_VERBS = frozenset(["met", "met with", "meets", "meets with", "held talks with", "holds talks with"])

# Verbs of getting round sanctions: "helped X evade UN sanctions" makes X their target.
EVADE_VERBS = frozenset(
    [
        "evade",
        "evades",
        "evaded",
        "evading",
        "circumvent",
        "circumvents",
        "circumvented",
        "circumventing",
        "bypass",
        "bypassed",
        "bypassing",
        "dodge",
        "skirt",
    ]
)


# Words that may stand between an organisation and "based in" / "headquartered in" about it.
BASED_GAP = frozenset([",", "which", "that", "is", "was", "are", "were", "has", "have", "been", "also", "now", "still"])


class Relations(StructuralFacts):
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
                    self.matcher.add(key, [nlp.make_doc(form) for form in _quoted_variants(cue.strip())])
                self.cues.setdefault(key, []).append((row["predicate"], row["pattern"]))
        self.patterns = {
            "object": self._pattern_object,
            "between": self._pattern_between,
            "together": self._pattern_together,
            "to_object": self._pattern_to_object,
            "from_object": self._pattern_from_object,
            "modifier": self._pattern_modifier,
            "market": self._pattern_market,
            "passive": self._pattern_passive,
            "labelled": self._pattern_labelled,
            "urged_stop": self._pattern_urged_stop,
        }
        unknown = {p for cues in self.cues.values() for _, p in cues} - set(self.patterns)
        if unknown:
            raise ValueError(f"relation_cues.tsv names unknown patterns: {sorted(unknown)}")
        pairs = [(tuple(r["noun"].lower().split()), r["predicate"]) for r in _rows("pair_nouns.tsv")]
        self.pair_nouns = sorted(pairs, key=lambda x: -len(x[0]))
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
            named = start in self.at and self.at[start].label != PRONOUN  # "their meeting" is a cue
            if named or end - 1 in self.at:
                continue  # "Rapid Support Forces": a cue word inside a name is no cue
            k = bisect_right(sent_starts, start) - 1
            by_sent.setdefault(k, []).append((start, end, doc.vocab.strings[match_id]))
        self.offices: dict[int, Entity] = {}  # person entity id -> country they hold office in
        self.last_sanctioner: tuple[int, Entity] | None = None
        self.sanctioners: set[int] = set()  # every entity that imposed sanctions so far
        self.created: dict[str, Entity] = {}  # entities named only here: "the Mexican city of Tijuana"
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
                if ante is not None and doc[i].lower_ == "who" and ante.entity.type != "Person":
                    ante = self._person_before(i - 2)  # "X, leader of the Party, who ...": X
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
            if start < i <= end and ante is None and self.doc[start].lower_ == "who":
                inner = [m for m in self.mentions if start < m.start and m.end <= i and m.role == ACTOR]
                if not inner or all(self.doc[x.start].lower_ in ("he", "she") for x in inner):
                    return []  # "with the home secretary, Jane Roe, who met": whoever "who" is, not the subject
            if start < i <= end and ante is not None:
                inner = [m for m in self.mentions if start < m.start and m.end <= i and m.role == ACTOR]
                if not inner or all(self.doc[x.start].lower_ in ("it", "he", "she") for x in inner):
                    return self._antecedents(ante, start) if coordinated else [ante]
                along = self._along_with(start, i)
                if along and all(x in along for x in inner):
                    # "Japan and India, which together with the US make up the Quad": all of them
                    return (self._coordination(ante) if coordinated else [ante]) + along
        if self._participle_clause(i):
            first = next((m for m in self.mentions if m.end <= i and m.role == ACTOR), None)
            first = first and (self._officer_of(first) or first)  # "AU Commission chairperson X"
            if first is not None and self._subject_like(first, rels, i):
                return self._coordination_forward(first) if coordinated else [first]
        if self._verb_coordinated(i):
            # "Scholz met Li Qiang and was due to hold talks with Xi": the sentence's subject
            first = next(
                (m for m in self.mentions if m.end <= i and m.role == ACTOR and self._subject_like(m, rels, i)), None
            )
            named = first
            first = first and (self._officer_of(first) or first)  # "EU envoy X met Y and was due ...": X
            if first is not None:
                p = min(first.start, named.start) - 1
                while p >= self.sent.start and self.doc[p].lower_ in DETERMINERS:
                    p -= 1
                if p >= self.sent.start and self.doc[p].is_alpha and self.doc[p].is_lower:
                    first = None  # "..., where she met Y, and went to": Y is an object, the subject unnamed
            if first is None:
                return []  # not the object of the first verb ("met Y, and was due ... with Z")
            return self._coordination_forward(first) if coordinated else [first]
        found = None
        for m in reversed(self.mentions):
            if m.end > i:
                continue
            if actors_only and m.role != ACTOR:
                continue
            if self._embedded_speaker(m, i):
                ante = self._relative_head(m.start)
                return [ante] if ante is not None else []
            if self._tok(m.end) in COMPOUND_HEADS:
                continue  # "Hungary, a NATO member that has kept ties with": NATO only modifies "member"
            if self._subject_like(m, rels, i):
                found = m
                break
        if found is None:
            return []
        listed = self._coordination(found)
        head = self._apposition_owner(listed[0], found, i)
        if head is not None:
            return self._coordination(head) if coordinated else [head]
        return listed if coordinated else [found]

    def _antecedents(self, ante: Mention, which: int) -> list[Mention]:
        """ "Finland and Sweden, which joined the alliance": a list that is its clause's subject is the
        antecedent, unless the relative verb is singular ("China and Russia, which has ...")."""
        listed = self._coordination(ante)
        if len(listed) == 1:
            return listed
        k = which + 1
        while self._tok(k) in ("also", "both", "later", "then", "recently", "only"):
            k += 1
        verb = self._tok(k)
        if verb in ("has", "is", "was", "does") or (verb.endswith("s") and not verb.endswith("ss")):
            return [ante]
        first = listed[0]
        prev = self._skip_back_det(first.start)
        opens = (",", "“", '"', "while", "whereas", "but", "and")
        return listed if prev < self.sent.start or self.doc[prev].lower_ in opens else [ante]

    def _along_with(self, start: int, i: int) -> list[Mention]:
        """The actors of a "together with X" / "along with X and Y" / "alongside X" phrase between start and i."""
        for k in range(start, i):
            low = self._tok(k)
            if (low in ("together", "along") and self._tok(k + 1) == "with") or low == "alongside":
                j = k + (2 if low != "alongside" else 1)
                while self._tok(j) in DETERMINERS:
                    j += 1
                first = self.at.get(j)
                if first is not None and first.role == ACTOR and first.start == j and first.end <= i:
                    return self._coordination_forward(first)
        return []

    def _apposition_owner(self, first: Mention, last: Mention, i: int) -> Mention | None:
        """ "Mercosur, made up of Argentina and Brazil, met": a list inside an apposition is not the subject."""
        doc = self.doc
        if last.end >= i or doc[last.end].text != ",":
            return None
        k = first.start - 1
        while k > self.sent.start and first.start - k <= 8 and doc[k].text not in (",", ";", "(", ")"):
            if not (doc[k].is_lower or (k in self.at and self.at[k].role == MODIFIER) or doc[k].is_title):
                return None
            k -= 1
        if k <= self.sent.start or doc[k].text != "," or k == first.start - 1 or not doc[k + 1].is_lower:
            return None  # "Milei, a close ally of U.S. President Trump, visited": Milei visited
        head = self.at.get(k - 1)
        return head if head is not None and head.role == ACTOR and head.end == k else None

    def _embedded_speaker(self, m: Mention, i: int) -> bool:
        """ "a refinery that Brussels says has bought ...": the speaker inside a relative clause is
        not the subject of the verb after "says"."""
        k = m.start - 1
        if self._tok(k) == "the":
            k -= 1
        return m.end < i and self._tok(m.end) in ("says", "said", "say") and self._tok(k) in ("that", "which", "who")

    def _relative_head(self, k: int) -> Mention | None:
        """What "that"/"which" before token k refers to: "Acme, a refinery in China that ...": Acme."""
        doc = self.doc
        j = k - 1
        while j > self.sent.start and doc[j].lower_ not in ("that", "which", "who"):
            j -= 1
        for c in range(j - 1, max(self.sent.start, j - 10), -1):
            if doc[c].text == ",":
                head = self.at.get(c - 1)
                if head is not None and doc[j].lower_ == "who" and head.entity.type != "Person":
                    # "X, leader of the Ruritanian Party, who ...": "who" is the person
                    return self._person_before(c - 1)
                return head if head is not None and head.role == ACTOR else None
        return None

    def _person_before(self, k: int) -> Mention | None:
        """The head of the apposition ending before k: "Jane Doe, leader of the Party, who" -> Jane Doe."""
        for c in range(k, max(self.sent.start, k - 15) - 1, -1):
            if self.doc[c].text == ",":
                head = self.at.get(c - 1)
                return head if head is not None and head.entity.type == "Person" and head.role == ACTOR else None
        return None

    def _participle_clause(self, i: int) -> bool:
        """ "a day after holding talks with X", "before travelling to Y": the cue's verb is an -ing
        form right after a clause link, with no actor of its own."""
        for k in range(i, max(self.sent.start, i - 2) - 1, -1):
            low = self._tok(k)
            if low.endswith("ing") and self._tok(k - 1) in CLAUSE_LINKS and (k - 2) not in self.at:
                return True
        return False

    def _verb_coordinated(self, i: int) -> bool:
        """Is the cue at i in a second verb phrase ("... and accused Washington of ...")?
        Walking back, an "and" followed by a lower-case word comes before any actor."""
        doc = self.doc
        for k in range(i - 1, max(self.sent.start, i - 12) - 1, -1):
            if doc[k].text in (";", ":", "“", "”", '"'):
                return False
            m = self.at.get(k)
            if m is not None and m.role != LOCATION:
                return False  # past "was due in Pristina later in the day for talks": a place is no subject
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
        while prev > self.sent.start and self.doc[prev].lower_ in DIRECTIONS:
            prev -= 1  # "in eastern China"
        return not (prev >= self.sent.start and self.doc[prev].lower_ in SUBJECT_PREPOSITIONS)

    def _coordination_forward(self, first: Mention) -> list[Mention]:
        """ "China and Russia have ...": the list that starts with `first`."""
        out, cur = [first], first
        while True:
            k = cur.end
            if k + 1 >= self.sent.end or self.doc[k].lower_ not in ("and", ","):
                return out
            if self._tok(k + 1) == "the":
                k += 1
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
            if k > self.sent.start and self.doc[k].lower_ == "the":
                k -= 1  # "France and the UAE"
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
            if m is not None and self._tok(m.end) == "-" and self._tok(m.end + 1) in ("based", "led", "backed"):
                k, gap = m.end + 2, gap + 1  # "the Pakistan-based X": the place only describes X
                continue
            if m is not None and m.label == PRONOUN and doc[k].lower_ in ("his", "her", "its", "their"):
                k += 1  # "met his British counterpart": a possessive determiner, not the object
                continue
            if m is not None and m.role == MODIFIER and m.label == ADJ and self._owns_proposal(m):
                # "rejected the French proposal", "backed the Egyptian peace plan": the country's own
                return [Mention(m.start, m.end, COUNTRY, entity=m.entity, role=ACTOR, surface=m.surface, ref=m.ref)]
            if m is not None and m.role == MODIFIER:
                company = self._described_company(m.end)
                if company is not None:  # "from French planemaker Dassault", "to the French energy major"
                    k = company.start
                    break
            if m is not None:
                break
            tok = doc[k]
            low = tok.lower_
            if low == "of" and doc[k - 1].lower_ in self.words["place_nouns"]:
                k += 1  # "travelled to the city of Kassala"
                continue
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

    def _owns_proposal(self, m: Mention) -> bool:
        """ "the French proposal", "the Egyptian peace plan": a country's adjective before what it proposes."""
        if m.entity.type != "Country":
            return False
        nxt = self._tok(m.end)
        return nxt in PROPOSAL_NOUNS or (
            m.end < self.sent.end and self.doc[m.end].is_lower and self._tok(m.end + 1) in PROPOSAL_NOUNS
        )

    def _described_company(self, k: int) -> Mention | None:
        """The company after lower-case descriptors ending in a company noun: "planemaker Dassault";
        or the person after "counterpart": "his British counterpart John Healey"."""
        nouns = self.words["company_nouns"] | {"counterpart"}
        j = k
        while j < self.sent.end and j - k < 3 and j not in self.at and self.doc[j].is_lower:
            j += 1
        if j > k and self.doc[j - 1].lower_ == "counterpart" and self._tok(j) == ",":
            c = j + 1  # "his Philippine counterpart, Defense Secretary X"
            while c < self.sent.end and c - j <= 4 and c not in self.at and self.doc[c].is_title:
                c += 1
            p = self.at.get(c)
            if p is not None and p.label == PERSON and p.start == c:
                return p
        m = self.at.get(j)
        if (
            m is not None
            and m.label in (COMPANY, PERSON)
            and m.start == j
            and j > k
            and (self.doc[j - 1].lower_ in nouns or (m.label == PERSON and m.offices))
        ):
            return m  # or "former Argentine president X": the person the title is of
        return m if m is not None and m.anaphor and m.label == COMPANY and m.start == k else None

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
            # "Putin's rival Navalny", "Kuwait's Emir Sheikh Mishal"; not "Finland's bid to join Nato"
            if not self.doc[k].is_alpha or self.doc[k].lower_ in OBJECT_STOPS:
                break
            k += 1
        return m

    def _list_continuation(self, first: Mention, out: list[Mention], roles) -> None:
        doc, s = self.doc, self.sent
        cur = first
        for _ in range(12):
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
            if k < s.end and doc[k].text == "," and k + 1 < s.end and doc[k + 1].lower_ in ("which", "who", "whose"):
                k += 2
                own = False  # "EFTA, whose members are Norway, Iceland": the clause's own list
                while k < s.end and doc[k].text != ",":
                    own = own or k in self.at
                    k += 1
                if own and self._tok(k + 1) != "and":
                    return
            if k >= s.end or doc[k].lower_ not in (",", "and", "&"):
                return
            comma_only = doc[k].text == ","
            k += 1
            if k < s.end and doc[k].lower_ == "and":
                comma_only = False
                k += 1
            if self._tok(k - 1) == "and" and self._tok(k) == ",":  # "Uruguay and, since last year, Bolivia"
                j = k + 1
                while j < s.end and j - k <= 5 and j not in self.at and doc[j].text != ",":
                    j += 1
                if self._tok(j) == ",":
                    k = j + 1
            while k < s.end and (doc[k].lower_ in DETERMINERS or doc[k].lower_ in HONORIFICS):
                k += 1
            if doc[k - 1].lower_ == "the" and k not in self.at:
                # "A and the paramilitary B": up to two lower-case descriptors after "the"
                j = k
                while (
                    j < s.end
                    and j - k < 2
                    and doc[j].is_lower
                    and doc[j].is_alpha
                    and doc[j].lower_ not in OBJECT_STOPS
                ):
                    j += 1
                if j in self.at and self.at[j].start == j and self.at[j].entity.type == "Organization":
                    k = j
            if k not in self.at and cur.entity.type == "Person":
                # "met Prime Minister X and parliament speaker Y": a lower-case title before the next person
                j = k
                while j < s.end and j - k < 4 and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "and":
                    j += 1
                titled = self.at.get(j)
                if j > k and titled is not None and titled.start == j and titled.offices:
                    k = j
            nxt = self.at.get(k)
            if nxt is not None and nxt.role == MODIFIER:
                nxt = self._officer_of(nxt) or nxt  # "and Saudi Crown Prince X"
            if nxt is None or nxt.role not in roles:
                return
            follower = doc[nxt.end].text if nxt.end < s.end else ""
            parallel = follower in POSSESSIVE and cur.end < s.end and doc[cur.end].text in POSSESSIVE
            if comma_only and not (follower.lower() in (",", "and", "&") or parallel):
                # "with el-Sisi, the State Department said", "China, Kenya's largest creditor": asides
                return
            nxt = self._officer_of(nxt) or self._possessed(nxt)
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
        if predicate == "REJECTED" and self._tok(end).endswith("ing") and self.doc[end].is_lower:
            return []  # "denied arming the RSF": what is denied, not whom
        if predicate == "COOPERATES_WITH" and self._tok(start - 1) in ("trading", "trade"):
            return []  # "largest trading partner of": trade, which TRADES_WITH states
        if predicate == "VISITED":
            special = self._visit(start, end)
            if special is not None:
                return special
            if any(doc[k].lower_.startswith("invit") for k in range(self.sent.start, start)):
                return []  # "invited X to visit Y" is the invitation, not a visit
        owner = None
        if predicate == "BASED_IN" and self._apposition_before(start) is not None:
            return []  # "Norland Bank, a lender based in X": the apposition's head, found structurally
        if key in ("designated", "designates") and not self._sanctions_context():
            return []  # "designated Qatar a major ally", "designated her as envoy": no sanctions
        if key.endswith("partner") and self._tok(end) != "of":
            # "Ruritania is Freedonia's main trading partner": the possessor and the clause's subject
            owner = self._possessor_before(start)
            if owner is None:
                return []
            return [Candidate(x, predicate, owner, start) for x in self._subjects(owner.start) if x is not owner]
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
        if predicate == "BASED_IN":
            subjects = [x for x in subjects if self._names_the_based(x, start)]
        wide = predicate == "MEMBER_OF"
        if wide:
            pair = self._pair_reference(start, predicate)  # "both countries are members of"
            if pair:
                subjects = pair
        located = ("VISITED", "LOCATED_IN", "IN_CONFLICT_WITH", "BASED_IN")
        roles = (ACTOR, LOCATION) if predicate in located else (ACTOR,)
        objects = self._objects(end, max_gap=10 if wide else 4, roles=roles)
        if predicate == "IN_CONFLICT_WITH":
            objects = [self._country(o.ref.iso3) if o.label == SEAT else o for o in objects]
        if wide:
            objects = [o for o in objects if o.entity.type == "Organization"] or self._first_org_after(end, 14)
            if len(objects) == 1 and "member" in key:
                subjects = subjects + self._fellow_members(objects[0])
        backer = self.at.get(start - 2) if self._tok(start - 1) == "-" else None
        if not objects and predicate == "SUPPORTS" and backer is not None:
            objects = self._backed_apposition(backer)
            subjects = [backer] if objects else subjects
        if objects and predicate == "SANCTIONED":
            objects = objects + self._also_targets(objects[-1].end)
        if not objects and predicate == "SUPPORTS" and key.endswith(" to"):
            seat = self.at.get(end)  # "humanitarian aid to Kyiv": the capital receiving aid is its country
            if seat is not None and seat.start == end and seat.label == SEAT and seat.ref.iso3:
                country = self._country(seat.ref.iso3)
                objects = [Mention(seat.start, seat.end, COUNTRY, entity=country, surface=seat.surface, ref=seat.ref)]
        if not objects and predicate not in located:
            objects = self._relative_antecedent(subjects)
        if not objects and predicate in ("CRITICIZED", "OPPOSES", "REJECTED"):
            objects = self._agent_of_object(end)  # "opposes unilateral sanctions by the United States"
        if not objects and predicate in ("SUPPORTS", "CRITICIZED", "OPPOSES", "REJECTED"):
            objects = self._sanctions_object(end)
        if not subjects and predicate == "SANCTIONED" and self._measures_subject() and self.last_sanctioner:
            subjects = [self.last_sanctioner[1]]  # "The measures ... freeze the assets of X"
        if predicate == "SANCTIONED" and key in ("sanctioned", "designated", "blacklisted"):
            agentless = self._agentless_passive(start, end)
            if agentless is not None:
                return agentless
        if not objects and owner is not None and key in POSSESSOR_ONLY:
            objects = self._apposition_head(owner)
        if predicate in ("MET_WITH", "INVITED", "VISITED") and objects and self._possessive_after(objects[0]):
            return []  # "help meet China's needs": a meeting is with someone, not with something of theirs
        if key in HOST_WORDS | {"received"}:
            objects = [o for o in objects if o.entity.type == "Person"]  # "hosts a U.S. base" is no meeting
        commodity = self._commodity(start - 4, end + 3) if predicate == "TRADES_WITH" else None
        # "Russia's invasion of Ukraine" is presupposed: "refused to condemn Russia's invasion" still states it.
        gate = owner is None
        out = [
            Candidate(s, _visited_person(predicate, key, o), o, start, commodity=commodity, gate=gate)
            for s in subjects
            for o in objects
        ]
        if predicate == "REJECTED" and subjects and not objects:
            out = [Candidate(s, predicate, a.subject, start) for s in subjects for a in self._accusations_of(s)]
        if predicate == "MET_WITH" and objects and key in MEETING_VERBS:
            out.extend(self._met_abroad(subjects, objects, start))
        if predicate == "VISITED" and objects and all(o.entity.type == "Person" for o in objects):
            out.extend(self._met_abroad(subjects, objects, start))  # "visited X at her home in Y"
        return out

    def _met_abroad(self, subjects: list[Mention], objects: list[Mention], cue: int) -> list[Candidate]:
        """ "Sejourne met Mikati ... in Beirut": a visitor whose country is known and is not the city's
        visited the city where the meeting was."""
        doc, s = self.doc, self.sent
        k = objects[-1].end
        while k < s.end and k - objects[-1].end < 12 and self._tok(k) != "in":
            if doc[k].text in (";", ":") or self._tok(k) in ("said", "says", "and", "after", "before", "while"):
                return []
            k += 1
        place = self.at.get(k + 1)
        if self._tok(k) != "in" or place is None or place.role != LOCATION or place.entity.type != "Place":
            return []
        where = place.entity.iso3
        out = []
        for subj in subjects:
            if not isinstance(subj, Mention) or subj.entity.type != "Person":
                continue
            home = self.offices.get(id(subj.entity)) or self._lift(subj.entity)
            if home.type == "Country" and where and home.iso3 != where:
                out.append(Candidate(subj, "VISITED", place, cue))
        return out

    def _fellow_members(self, org: Mention) -> list[Mention]:
        """ "a member of the AUKUS security pact with Britain and the US": the partners are members too."""
        k = org.end
        while self._tok(k) and self.doc[k].is_lower and self._tok(k) not in ("with", "alongside") and k - org.end < 3:
            k += 1
        if self._tok(k) not in ("with", "alongside"):
            return []
        k += 1
        while self._tok(k) in DETERMINERS:
            k += 1
        first = self.at.get(k)
        if first is None or first.start != k or first.role != ACTOR or first.entity.type != "Country":
            return []
        return self._coordination_forward(first)

    def _sanctions_object(self, j: int) -> list[Entity]:
        """ "welcomed the package", "criticised the sanctions policy": whoever imposed the sanctions
        the article just told of."""
        k = j
        while self._tok(k) in DETERMINERS or self._tok(k) in ("new", "latest", "fresh"):
            k += 1
        if self._tok(k) not in self.words["sanction_nouns"] or self.last_sanctioner is None:
            return []
        if len(self.sanctioners) > 1:
            return []  # "welcomed the package" when the EU and Britain both imposed some: whose?
        if self._tok(k + 1) == "on" or self._tok(k + 1) == "against":
            return []  # "criticised the sanctions on Iran": whose they are is not said here
        return [self.last_sanctioner[1]]

    def _apposition_head(self, owner: Mention) -> list[Mention]:
        """ "China, Pakistan's closest ally,": the actor the apposition describes."""
        k = owner.start - 1
        if k <= self.sent.start or self.doc[k].text != ",":
            return []
        head = self.at.get(k - 1)
        return [head] if head is not None and head.role == ACTOR and head.end == k else []

    def _relative_antecedent(self, subjects: list[Mention]) -> list[Mention]:
        """ "Acme, which the bloc accuses of ...": the antecedent is the object of the subject's verb."""
        if len(subjects) != 1:
            return []
        k = self._skip_back_det(subjects[0].start)
        if k < self.sent.start + 2 or self._tok(k) not in ("which", "whom") or self.doc[k - 1].text != ",":
            return []
        ante = self.at.get(k - 2)
        if ante is None or ante.role != ACTOR or ante is subjects[0]:
            return []
        p = self._skip_back_det(ante.start)
        if self._tok(p) in PREPOSITIONS and self.doc[p - 1].is_lower:
            return []  # "the agreement with the EU, which France opposed": the agreement is opposed
        return [ante]

    def _names_the_based(self, m: Mention, i: int) -> bool:
        """ "X, which is based in", "X is headquartered in": only the organisation named right before
        "based in" is based there, not "the EU" in "the EU border agency based in" or "the EU's agency X"."""
        k = m.end
        if self._tok(k) in ("'s", "’s"):
            return False
        while k < i and self._tok(k) in BASED_GAP:
            k += 1
        return k == i

    def _apposition_before(self, i: int) -> Mention | None:
        """The name an apposition ", a/an <lower-case words>" just before token i describes."""
        doc, s = self.doc, self.sent
        k = i - 1
        while k > s.start and i - k <= 6 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ("a", "an"):
            k -= 1
        if self._tok(k) not in ("a", "an") or self._tok(k - 1) != ",":
            return None
        return self.at.get(k - 2)

    def _sanctions_context(self) -> bool:
        """Sanctions talk in this sentence or the one before: "designated" is then a listing."""
        doc, s = self.doc, self.sent
        lo = doc[s.start - 1].sent.start if s.start > 0 else s.start
        if any(t.lower_.startswith(("sanction", "blacklist", "terroris")) for t in doc[lo : s.end]):
            return True
        return any(t.text in ("OFAC", "OFSI", "Treasury") for t in doc[s.start : s.end])  # sanctions authorities

    def _agent_of_object(self, j: int) -> list[Mention]:
        """ "condemned the attack by Hamas", "firmly opposes "long-arm jurisdiction" by the United States":
        the actor after "by" in the object phrase (lower-case words, quotes and "and" only before it)."""
        doc, s = self.doc, self.sent
        for k in range(j, min(s.end - 1, j + 12)):
            tok = doc[k]
            if tok.lower_ == "by" and k > j:
                a = k + 1
                while a < s.end and doc[a].lower_ in DETERMINERS:
                    a += 1
                agent = self.at.get(a)
                if agent is not None and agent.role == ACTOR and agent.entity.type != "Person":
                    return [agent]
                return []
            if k in self.at or not (tok.is_lower or tok.text in QUOTES or tok.text == "-"):
                return []
            if (tok.lower_ in OBJECT_STOPS and tok.lower_ != "and") or tok.lower_ == "to":
                return []
        return []

    def _also_targets(self, k: int) -> list[Mention]:
        """ "designated X, which ..., along with Y": targets added later in the sentence by "along with"."""
        doc, s = self.doc, self.sent
        for j in range(k, min(s.end - 2, k + 30)):
            if doc[j].text == "," and doc[j + 1 : j + 3].text.lower() in ("along with", "as well as"):
                return self._objects(j + 3, roles=(ACTOR,))
            if doc[j].text in (";", ":") or doc[j].lower_ in ("said", "says"):
                return []
        return []

    def _backed_apposition(self, backer: Mention) -> list[Mention]:
        """ "Hezbollah, the Iran-backed Shiite movement,": the name the apposition describes."""
        if not isinstance(backer, Mention):
            return []
        k = self._skip_back_det(backer.start)
        if k <= self.sent.start or self.doc[k].text != "," or self._tok(k + 1) not in ("the", "a", "an"):
            return []
        named = self.at.get(k - 1)
        return [named] if named is not None and named.role == ACTOR and named.entity is not backer.entity else []

    def _agentless_passive(self, start: int, end: int) -> list[Candidate] | None:
        """ "X and Y were also sanctioned": no agent named, so the one who imposed the sanctions just
        reported (only when a single actor has), on the clause's subjects. None: not this form."""
        k = start - 1
        while k > self.sent.start and self._tok(k) in ("also", "later", "likewise", "similarly", "been", "being"):
            k -= 1
        if self._tok(k) not in ("was", "were", "is", "are", "has", "have") or self._tok(end) == "by":
            return None
        if self.last_sanctioner is None or len(self.sanctioners) > 1:
            return []
        agent = self.last_sanctioner[1]
        return [Candidate(agent, "SANCTIONED", p, start) for p in self._subjects(k) if p.entity is not agent]

    def _measures_subject(self) -> bool:
        """A sentence about "the measures" / "the sanctions" / "the package" just announced."""
        doc, s = self.doc, self.sent
        k = s.start + (1 if self._tok(s.start) == "the" else 0)
        return k < s.end and doc[k].lower_ in self.words["sanction_nouns"]

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
        if not any(self._tok(x) in self.words["impose_verbs"] for x in range(start - 6, start)):
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
        sidelines = self._tok(end) == "on" and self._tok(end + 2) == "sidelines"  # "met on the sidelines"
        if end < self.sent.end and self.doc[end].lower_ in stops and not sidelines:
            return []  # the "with"/"between" cues handle these; "talks on Ukraine" names no party
        if key in ("exchanged", "traded") and not any(self._tok(k) in FIRE_WORDS for k in range(end, end + 6)):
            return []  # "exchanged small-arms and mortar fire", not "exchanged views"
        if predicate == "IN_CONFLICT_WITH" and self._objects(end, roles=(ACTOR,)):
            return []  # "Russia and Belarus fought Ukraine": the object is the enemy, not each other
        pair = self._pair_reference(start, predicate)
        parties = pair if pair is not None else self._subjects(start)
        if key.startswith("their ") and len(parties) < 2:
            # "A, B and C agreed ... at their first meeting": "their" is the sentence's coordinated subject
            first = next((m for m in self.mentions if m.role == ACTOR and m.end <= start), None)
            first = first and (self._officer_of(first) or first)
            parties = [first] if first is not None else []
            if first is not None:
                self._list_continuation(first, parties, (ACTOR,))  # "A, Ruritanian President B and C"
            parties = [self._officer_of(x) or x for x in parties]  # "and U.S. President X": X
        return [Candidate(a, predicate, b, start) for n, a in enumerate(parties) for b in parties[n + 1 :]]

    def _pair_reference(self, i: int, predicate: str) -> list[Entity] | None:
        """ "Boric met Boluarte ... The two leaders agreed to cooperate": "the two leaders" / "both
        countries" are the last two actors named of that kind, when exactly two are in sight
        (None: no such phrase; []: the phrase, but no clear pair)."""
        doc, s = self.doc, self.sent
        for k in range(i - 1, max(s.start, i - 8), -1):
            if doc[k].text in (",", ";", ":") or k in self.at:
                return None
            kind = PAIR_NOUNS.get(doc[k].lower_)
            if kind is not None and self._tok(k - 1) in ("two", "both"):
                break
        else:
            return None
        before = k - 1
        prev_start = next((x.start for x in self.doc.sents if x.end == s.start), s.start)
        for lo in (s.start, prev_start):
            found: list[Entity] = []
            for m in self.mentions_all:
                if not lo <= m.start < before or m.role == LOCATION:
                    continue
                e = m.entity
                if kind == "Country" and e.type == "Person":
                    e = self._lift(e)
                if e.type == kind and e not in found:
                    found.append(e)
            if len(found) == 2:
                if kind == "Person" and predicate != "MET_WITH":
                    lifted = [self._lift(e) for e in found]  # ministers agree for their countries
                    if all(e.type == "Country" for e in lifted) and lifted[0] is not lifted[1]:
                        return lifted
                return found
            if len(found) > 2:
                return []
        return []

    def _pattern_to_object(self, predicate: str, start: int, end: int, key: str, preposition: str = "to"):
        doc, s = self.doc, self.sent
        for k in range(end, min(s.end, end + 20)):
            if doc[k].text in (",", ";", ":") or doc[k].lower_ in ("said", "says"):
                return []
            if doc[k].lower_ == preposition and doc[k - 1].lower_ != "up":  # not "up to one million tonnes"
                objects = self._objects(k + 1, roles=(ACTOR,))
                subjects = self._subjects(start)
                commodity = self._commodity(end, k)
                if commodity is None:
                    return []  # "send troops to", "deliver a message to": no goods, no trade
                return [Candidate(a, predicate, b, start, commodity=commodity) for a in subjects for b in objects]
        return []

    def _pattern_from_object(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "India imports crude oil from Russia": the goods must be named, as for to_object;
        "Hungary still imports Russian oil": the seller as the adjective of the goods."""
        found = self._pattern_to_object(predicate, start, end, key, preposition="from")
        if found:
            return found
        doc, s = self.doc, self.sent
        for k in range(end, min(s.end, end + 6)):
            m = self.at.get(k)
            if doc[k].text in (",", ";", ":") or (m is not None and m.label != ADJ):
                return []
            if m is not None and m.entity.type == "Country":
                commodity = self._commodity(m.end, m.end + 2)
                if commodity is None:
                    return []
                return [Candidate(b, predicate, m.entity, start, commodity=commodity) for b in self._subjects(start)]
        return []

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
        if predicate == "SANCTIONED" and agent.label == COUNTRY and self._tok(end) in ("package", "packages", "round"):
            # "the EU hits ... in a new Iran sanctions package": a country noun before it is the target
            verbs = TARGET_VERBS | self.words["impose_verbs"]
            verb = next((x for x in range(self.sent.start, agent.start) if self._tok(x) in verbs), None)
            return [] if verb is None else [Candidate(a, predicate, agent, start) for a in self._subjects(verb)]
        before = self._skip_back_det(agent.start)
        if predicate == "SANCTIONED" and self._tok(before) in ("despite", "notwithstanding"):
            return []  # "X has grown despite UN sanctions": whom they target is said elsewhere
        if predicate == "SANCTIONED" and self._tok(before) in EVADE_VERBS:
            # "helped Ruritania evade UN sanctions": the one who evades them is their target
            evader = self.at.get(before - 1)
            targets = [evader] if evader is not None and evader.role == ACTOR and evader.end == before else []
        else:
            targets = self._subjects(agent.start)
        out = [Candidate(agent, predicate, t, start) for t in targets]
        if predicate == "SANCTIONED":
            self.last_sanctioner = (start, agent.entity)
            self.sanctioners.add(id(agent.entity))
        return out

    def _pattern_passive(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "Iran was sanctioned by Canada", "the rebels, backed by Ruritania,": the agent after "by"
        acts on the clause's subject."""
        agents = self._objects(end, roles=(ACTOR,))
        if not agents:
            return []
        k = self._skip_back_det(start)
        if self.doc[k].text == "," and k > self.sent.start:
            patients = [m for m in [self.at.get(k - 1)] if m is not None and m.role == ACTOR]  # "X, backed by Y"
        else:
            patients = self._subjects(start)
        return [Candidate(a, predicate, p, start) for a in agents for p in patients]

    def _pattern_labelled(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "Milei called Maduro a "dictator"", "Peskov called the measures "illegitimate"": a negative
        label put on an actor, or on the sanctions just announced (then on whoever imposed them)."""
        doc, s = self.doc, self.sent
        k = end
        while self._tok(k) in DETERMINERS:
            k += 1
        objects = self._objects(end, max_gap=2, roles=(ACTOR,))
        if objects:
            k = objects[-1].end
        elif (
            self._tok(k) in self.words["sanction_nouns"]
            and self.last_sanctioner is not None
            and len(self.sanctioners) == 1
        ):
            objects = [self.last_sanctioner[1]]
            k += 1
        else:
            return []
        if self._tok(k) in POSSESSIVE and k + 1 < s.end and doc[k + 1].is_lower:
            k += 2  # "called Putin's actions a provocation"
        if self._tok(k) == "as":
            k += 1
        while self._tok(k) in DETERMINERS or (k < s.end and doc[k].text in QUOTES):
            k += 1
        negative = self.words["negative_words"]
        # the label right there, or after one word: "a "dictator"", "a dangerous provocation";
        # not "called Putin to discuss the dangerous situation"
        hit = self._tok(k) in negative or (
            doc[k].is_lower and self._tok(k) not in OBJECT_STOPS and self._tok(k + 1) in negative
        )
        if k >= s.end or not hit:
            return []
        return [Candidate(a, predicate, o, start) for a in self._subjects(start) for o in objects]

    def _pattern_urged_stop(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "called on Beijing to stop its provocative actions", "urged Russia to withdraw": a demand to
        stop doing something is criticism of the actor addressed."""
        objects = self._objects(end, max_gap=1, roles=(ACTOR,))
        if len(objects) != 1:
            return []  # "urged Israel and Hamas to end the fighting" mediates, it does not criticise
        k = objects[-1].end
        if self._tok(k) != "to" or self._tok(k + 1) not in STOP_VERBS:
            return []
        return [Candidate(a, predicate, o, start) for a in self._subjects(start) for o in objects]

    def _pattern_market(self, predicate: str, start: int, end: int, key: str) -> list[Candidate]:
        """ "Japan and Korea are the largest buyers of Australian coal": the copula's subjects buy
        from the country or company named (possessive or adjective) right after the cue."""
        doc, s = self.doc, self.sent
        k = start - 1
        while k > s.start and (doc[k].lower_ in DETERMINERS or (doc[k].is_lower and doc[k].lower_ not in COPULAS)):
            if start - k > 3:
                return []
            k -= 1
        if doc[k].lower_ not in COPULAS - {"as"}:
            return []
        seller = self.at.get(end)
        if seller is None or seller.entity.type not in ("Country", "Organization"):
            return []
        if seller.role != ACTOR and seller.label != ADJ:
            return []
        commodity = self._commodity(seller.end, seller.end + 4)
        if commodity is None:
            return []  # "the biggest market for Chinese films" is no trade in goods we track
        return [Candidate(seller, predicate, b, start, commodity=commodity) for b in self._subjects(k)]

    # ============================================================================== reported speech

    def _reported(self, sent: Span) -> list[Candidate]:
        """ "X said Y launched strikes" -> X ACCUSED Y; "X said Y's demands are a cynical ploy" ->
        X CRITICIZED Y; "X said the video was fabricated by Y" -> X ACCUSED Y."""
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
                        quote = self._quote_before(subj[0].start)
                        if quote is not None and subj[0].end >= k - 1:
                            clause = (s.start, quote)  # '"Ruritania's actions are reckless," Minister X said'
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

    def _quote_before(self, i: int) -> int | None:
        """Where a quotation closed by '," ' ends just before the speaker's title and name at token i."""
        doc, s = self.doc, self.sent
        k = i - 1
        title_word = ("of", "for", "and", ".", "-")  # "Deputy Secretary of State", "U.S."
        while k > s.start and i - k <= 8 and (doc[k].text[:1].isupper() or doc[k].lower_ in title_word):
            k -= 1  # "U.S. Deputy Treasury Secretary"
        if doc[k].text in ("”", '"', "’") and k - 1 > s.start and doc[k - 1].text == ",":
            return k - 1
        return None

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
            # Hostile act by m: "Serbian troops launched shelling", "a campaign by Ruritania to commit atrocities"
            if self._own_country(speaker.entity, m.entity):
                continue
            k = self._skip_to_verb(m.end, end)
            hostile_act = k < end and (doc[k].lower_ in hostile or self._phrase_at(k, self.multiword_hostile))
            hostile_act = hostile_act and self._tok(k + 1) != "to"  # "was committed to the deal"
            if hostile_act and k == m.end and doc[k].lower_.endswith("ed"):
                # "for the millions of Ruritanians killed": victims after a preposition, not the agent
                hostile_act = self._tok(self._skip_back_det(m.start)) not in ("of", "for", "among")
            if hostile_act and (m.role == ACTOR or (m.role == MODIFIER and m.label == ADJ)):
                out.append(Candidate(speaker, "ACCUSED", m.entity, k))
                accused.add(id(m.entity))
        # "fabricated by Ruritania"
        for k in range(start, end - 1):
            if doc[k].lower_ in STAGED_WORDS and doc[k + 1].lower_ == "by":
                for o in self._objects(k + 2, roles=(ACTOR,)):
                    if o.entity is not speaker.entity:
                        out.append(Candidate(speaker, "ACCUSED", o, k))
                        accused.add(id(o.entity))
        # Criticism: a subject-like actor of the clause and a negative word after it.
        for m in self.mentions:
            if not (start <= m.start < end) or m.entity is speaker.entity or id(m.entity) in accused:
                continue
            # "the Chinese actions were dangerous": an adjective owning the criticised conduct
            conduct = m.label == ADJ and m.entity.type == "Country" and self._tok(m.end) in CONDUCT_NOUNS
            if (m.role != ACTOR and not conduct) or self._own_country(speaker.entity, m.entity):
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

    def _home_capital(self, visitor: Entity, place: Entity) -> bool:
        home = self._lift(visitor)
        if home.type != "Country" or place.type != "Place" or home.iso3 not in self.ref.countries:
            return False
        return self.ref.countries[home.iso3].capital == place.name

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
            if c.predicate == "MEMBER_OF" and isinstance(c.object, Mention) and c.object.anaphor:
                obj = self._bloc_with(subj, obj)
                if obj is None:
                    continue
            if c.predicate != "HOLDS_OFFICE" and (self._own_country(subj, obj) or self._own_country(obj, subj)):
                continue  # a leader is not in a relation with the country they lead
            if c.predicate == "VISITED" and self._home_capital(subj, obj):
                continue  # "Lula flew back to Brasilia": coming home is no visit
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
                self.sanctioners.add(id(subj))
            out.append(RawFact(subj, c.predicate, obj, sent.start_char, sent.end_char, modality, c.role, c.commodity))
        return out

    def _bloc_with(self, member: Entity, bloc: Entity) -> Entity | None:
        """ "the bloc, which groups Chile and Peru": an anaphor only names a bloc the member belongs to;
        when the nearest one does not list it, another organisation of the article that does."""
        ref = self.ref.org(bloc.name)
        if member.type != "Country" or ref is None or not ref.members or ref.has_member(member.iso3):
            return bloc
        for m in self.mentions_all:
            other = self.ref.org(m.entity.name) if m.entity.type == "Organization" else None
            if other is None or other.kind != ref.kind or not other.members:
                continue
            if other.has_member(member.iso3) and all(x[0] != "*" for x in other.members):
                return m.entity
        return None

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
            if predicate == "IN_CONFLICT_WITH" and low in ENDING_WORDS:
                return "asserted"  # "calls to end the war between A and B": a war to end is going on
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
