"""The "news_people" component: people the reference data does not know, and the offices
said next to any person.

Cues, in the order they are tried:
- a title followed by a capitalised name: "Prime Minister Jane Doe", "Kremlin spokesman Ivan Petrov",
  "Ruritanian deputy foreign minister Anna Novak", "Foreign Ministry spokesperson Li Ming";
- an appositive: "Omar Haddad, Oman's energy minister and Petro Oman's chief executive",
  "Ana Silva, chief executive of the state oil company Petrobras";
- a title with an affiliation and no name is a role reference: "the Chinese president";
- "Mr/Ms/Dr X", "said X Y," and "X Y said";
- a later single name that is part of a name already found: "Haddad", "Novak".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from explorer.extract.model import ADJ, COMPANY, COUNTRY, ORG, PERSON, PLACE, SEAT, Mention, OfficeClaim
from explorer.extract.reference import load_reference

HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "sheikh", "prince", "princess"}
)
# Nouns for people that a list of full names may follow in apposition: "two nationals, A B and C D,".
PEOPLE_NOUNS = frozenset(
    [
        "nationals",
        "citizens",
        "executives",
        "officials",
        "businessmen",
        "individuals",
        "brothers",
        "suspects",
        "hackers",
        "oligarchs",
        "journalists",
        "activists",
    ]
)
PARTICLES = frozenset(
    {"al", "el", "bin", "bint", "ibn", "de", "da", "di", "du", "van", "von", "der", "la", "le", "abu"}
)
TITLE_PREFIXES = {
    "deputy": "Deputy",
    "vice": "Vice",
    "acting": "Acting",
    "first": "First",
    "interim": "Interim",
    "group": "Group",
}
NOT_NAMES = load_reference().words["not_names"]
RANKS = load_reference().words["ranks"]
PORTFOLIO = load_reference().words["portfolios"]
# Capitalised words of a department between an affiliation and a title ("Chinese Foreign Ministry spokesperson").
DEPARTMENT = (
    load_reference().words["body_modifiers"]
    | load_reference().words["country_nouns"]
    | PORTFOLIO
    | frozenset({"commission", "council", "secretariat", "parliament", "assembly", "sovereign", "sovereignty"})
    | frozenset({"transitional", "presidential", "supreme", "military"})
)
SAY = frozenset({"said", "says", "added", "told", "stressed", "warned", "noted"})
# "<Name> met ..." / "... met <Name> in": verbs whose subject and object are people often enough to name them.
PERSON_VERBS = SAY | frozenset(
    {"met", "meets", "visited", "arrived", "praised", "criticised", "criticized", "accused", "urged", "invited"}
)
OBJECT_VERBS = frozenset({"met", "meets", "invited", "praised", "criticised", "criticized", "accused", "thanked"})
AFTER_OBJECT = frozenset({",", ".", ";", "in", "on", "at", "for", "during", "after", "before", "and", "to"})
MAX_NAME = 4
# "<group>, led by X": the title the verb gives X.
LED_WORDS = {"led": "Leader", "headed": "Leader", "commanded": "Commander"}
TALK_NOUNS = frozenset({"talks", "meeting", "call", "met", "spoke", "meets"})  # "talks with <Name>"
MISSION_TITLES = frozenset({"envoy", "representative", "coordinator", "ambassador", "commissioner"})
CURRENT = frozenset({"current", "new", "incoming", "outgoing", "rotating"})
# Short words a Title Case headline leaves lower-case; they do not count for or against it.
TITLE_CASE_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from"}
    | {"as", "vs", "v", "per", "via", "into", "onto", "over", "up", "off", "out"}
)


def title_case_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of sentences in Title Case ("EU Envoy Shuttles Between Belgrade and Pristina"):
    at least four words besides the short ones, and all of them capitalised."""
    spans = []
    for sent in doc.sents:
        words = [t.text for t in sent if t.is_alpha and t.lower_ not in TITLE_CASE_SMALL]
        if len(words) >= 4 and all(w[:1].isupper() for w in words):
            spans.append((sent.start, sent.end))
    return spans


def _title_table(nlp: Language) -> dict[tuple[str, ...], tuple[str, str]]:
    table = {}
    for office in load_reference().offices.values():
        for variant in (*office.variants, office.title):
            key = tuple(t.lower_ for t in nlp.make_doc(variant))
            table.setdefault(key, (office.title, office.level))
    return table


class PeopleFinder:
    def __init__(self, nlp: Language, name: str = "news_people"):
        self.name = name
        self.titles = _title_table(nlp)
        self.max_title = max(len(k) for k in self.titles)
        self.first_words = frozenset(k[0] for k in self.titles) | frozenset(TITLE_PREFIXES)
        self.anaphor_nouns = frozenset(load_reference().anaphors)

    # -- token tests ---------------------------------------------------------------------------

    @staticmethod
    def _name_token(doc: Doc, i: int) -> bool:
        tok = doc[i]
        text = tok.text
        if not text[:1].isupper() or not tok.is_alpha or text.lower() in NOT_NAMES:
            return False
        return not (len(text) > 1 and text.isupper())  # "WASHINGTON:" datelines, acronyms

    @staticmethod
    def _after_ranks(doc: Doc, i: int) -> int:
        """Past military ranks and honorifics before a name: "Lieutenant General X", "Sheikh X" -> X."""
        j = i
        while (
            j < len(doc)
            and j - i < 3
            and doc[j].text[:1].isupper()
            and (
                doc[j].lower_ in RANKS | HONORIFICS
                or (doc[j].lower_ == "senior" and j + 1 < len(doc) and doc[j + 1].lower_ in RANKS)  # "Senior General"
            )
        ):
            if (
                j == i
                and i > 0
                and doc[i - 1].lower_ in ("minister", "secretary")
                and len(doc[j]) <= 4
                and j + 2 < len(doc)
                and doc[j + 1].text != "."
                and doc[j + 1].is_title
                and not doc[j + 2].is_title
            ):
                break  # "Defense Minister Gen Nakatani": an unpointed short rank before one name is a given name
            j += 1
        return j

    def _name_span(self, doc: Doc, i: int, covered: dict[int, Mention]) -> int:
        """End of a capitalised name starting at i (i itself when there is none)."""
        j, words = i, 0
        while j < len(doc) and words < MAX_NAME:
            if j in covered or (j > i and j in self._starts):
                break
            tok = doc[j]
            if self._name_token(doc, j):
                words += 1
                j += 1
            elif (j > i and tok.text == "-" and j + 1 < len(doc) and self._name_token(doc, j + 1)) or (
                tok.lower_ in PARTICLES
                and j + 1 < len(doc)
                and (self._name_token(doc, j + 1) or doc[j + 1].text == "-")
            ):
                j += 1
            else:
                break
        while j > i and (doc[j - 1].lower_ in PARTICLES or doc[j - 1].text == "-"):
            j -= 1
        return j

    def _title_at(self, doc: Doc, i: int) -> tuple[int, str, str] | None:
        """(end, title, level) of the longest office title starting at token i."""
        lower = self._lower
        if (
            lower[i] not in self.first_words
            and lower[i] not in PORTFOLIO
            and (i + 1 >= len(lower) or lower[i + 1] != "minister")
        ):
            return None
        prefix = ""
        j = i
        if doc[j].lower_ in TITLE_PREFIXES and j + 1 < len(doc):
            prefix = TITLE_PREFIXES[doc[j].lower_] + " "
            j += 1
        for n in range(min(self.max_title, len(doc) - j), 0, -1):
            key = tuple(lower[j : j + n])
            hit = self.titles.get(key)
            if hit:
                title, level = hit
                return j + n, prefix + title, level
        # "energy minister", "External Affairs Minister": any "<portfolio> minister" is an office.
        k = j
        while k < len(doc) and k - j < 4 and (lower[k] in PORTFOLIO or (k == j and doc[k].is_alpha)):
            if lower[k] in NOT_NAMES and lower[k] not in PORTFOLIO:
                break
            if k + 1 < len(doc) and lower[k + 1] == "minister" and lower[j] not in ("and", "the", "of", "for"):
                return k + 2, prefix + " ".join(t.text.title() for t in doc[j : k + 1]) + " Minister", "minister"
            k += 1
        return None

    def _portfolio_end(self, doc: Doc, end: int, by_start: dict[int, Mention]) -> int:
        """ "Minister of State for Foreign Affairs <Name>", "special envoy for Sudan <Name>": the
        portfolio or the mission belongs to the title."""
        if end + 1 < len(doc) and self._lower[end - 1] in MISSION_TITLES and self._lower[end] in ("for", "to"):
            place = by_start.get(end + 1) or (by_start.get(end + 2) if self._lower[end + 1] == "the" else None)
            if place is not None and place.label in (COUNTRY, SEAT, ORG, PLACE):
                return place.end
        if (
            end >= len(doc)
            or self._lower[end - 1] not in ("minister", "secretary")
            or self._lower[end]
            not in (
                "of",
                "for",
            )
        ):
            return end
        k = end
        while k < len(doc) and self._lower[k] in PORTFOLIO and (doc[k].text[:1].isupper() or doc[k].is_lower):
            if doc[k].is_lower and self._lower[k] not in ("and", "for", "of", "the"):
                break
            k += 1
        while k > end and self._lower[k - 1] in ("and", "for", "of", "the"):
            k -= 1
        return k if k - end >= 2 else end

    def _affiliation_end(self, doc: Doc, title_start: int, by_end: dict[int, Mention]) -> int | None:
        """Where the country/organisation said before a title ends: "Japanese" | "Oman's" | "Toyota"."""
        j = title_start
        if j > 0 and doc[j - 1].lower_ in ("'s", "’s", "'", "’"):  # "Qatar's", "the Philippines'"
            j -= 1
        m = by_end.get(j)
        if m is not None and m.label in (COUNTRY, ADJ, SEAT, ORG, COMPANY):
            return j
        if j < title_start and m is not None and m.role_ref and m.offices and m.offices[0].affiliation_end:
            return m.offices[0].affiliation_end  # "the UN Secretary-General's special envoy": the UN's
        # "EU foreign policy chief", "Chinese foreign ministry spokesperson": a department between.
        for k in (j - 1, j - 2, j - 3):
            if k <= 0 or not doc[k].is_alpha or doc[k].lower_ in NOT_NAMES:
                break
            if not doc[k].is_lower and doc[k].lower_ not in DEPARTMENT:
                break
            if j != title_start:
                break
            m = by_end.get(k)
            if m is not None and m.label in (COUNTRY, ADJ, SEAT, ORG, COMPANY):
                return k
            m = by_end.get(k - 1) if doc[k - 1].lower_ in ("'s", "’s") else None
            if m is not None and m.label in (COUNTRY, SEAT, ORG, COMPANY):
                return k - 1  # "Sudan's Sovereign Council chief"
            if m is not None and m.role_ref and m.offices and m.offices[0].affiliation_end is not None:
                return m.offices[0].affiliation_end  # "the UN Secretary-General's personal envoy": the UN's
        # "the military alliance's chief": an anaphor the resolver links later.
        if j < title_start and j > 0 and doc[j - 1].lower_ in self.anaphor_nouns:
            return j
        return None

    # -- the component -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self._starts = {s.start for s in doc.sents}
        self._lower = [t.lower_ for t in doc]
        mentions: list[Mention] = list(doc._.mentions or [])
        covered = {i: m for m in mentions for i in range(m.start, m.end)}
        by_end = {m.end: m for m in mentions}
        by_start = {m.start: m for m in mentions}
        found: list[Mention] = []
        appositives: dict[int, Mention] = {}  # title end -> the person an appositive title was given to

        def add(m: Mention) -> Mention:
            found.append(m)
            for k in range(m.start, m.end):
                covered[k] = m
            by_end[m.end] = m
            by_start[m.start] = m
            return m

        i = 0
        while i < len(doc):
            if i in covered:
                i = covered[i].end
                continue
            hit = self._title_at(doc, i)
            if hit is None or (i > 0 and doc[i - 1].lower_ in HONORIFICS):
                i += 1  # "Dr Sultan X", "Sheikh Emir": a name after an honorific, not a title
                continue
            end, title, level = hit
            end = self._portfolio_end(doc, end, by_start)
            affiliation_end = self._affiliation_end(doc, i, by_end)
            before = by_end[affiliation_end].start if affiliation_end is not None and affiliation_end in by_end else i
            former = any(doc[k].lower_ in ("former", "ex", "late") for k in range(max(0, before - 2), i))
            claim = OfficeClaim(title, level, affiliation_end, former=former)
            title_start, of_form = i, False
            if affiliation_end is None:
                # "the head of the IAEA, Rafael Grossi", "President of France Emmanuel Macron"
                end, of_form = self._affiliation_after(doc, end, claim, by_start)
            end = self._after_ranks(doc, end)
            person = by_start.get(end)
            if person is not None and person.label == PERSON:
                person.offices.append(claim)
                i = person.end
                continue
            name_end = self._name_span(doc, end, covered) if end < len(doc) else end
            if name_end == end and end + 1 < len(doc) and doc[end].text == "He" and self._name_token(doc, end + 1):
                name_end = self._name_span(doc, end + 1, covered)  # "spokesperson He Yadong": a surname
            if name_end > end and not (
                name_end < len(doc) and doc[name_end].lower_ in ("'s", "’s") and level == "org" and name_end - end == 1
            ):
                add(Mention(end, name_end, PERSON, surface=doc[end:name_end].text, offices=[claim]))
                i = name_end
                continue
            if not of_form and end + 2 < len(doc) and doc[end].text == "," and claim.affiliation_end is not None:
                # "Germany's foreign minister, Annalena Baerbock, said"
                first = self._after_ranks(doc, end + 1)
                name_end = self._name_span(doc, first, covered)
                closes = name_end < len(doc) and doc[name_end].text in (",", ".")
                if name_end - first >= 2 and closes:
                    add(Mention(first, name_end, PERSON, surface=doc[first:name_end].text, offices=[claim]))
                    i = name_end
                    continue
                known = by_start.get(first)
                if known is not None and known.label == PERSON:
                    known.offices.append(claim)
                    i = known.end
                    continue
            if self._appositive(doc, i, end, claim, by_end, covered, appositives, add, of_form):
                i = end
                continue
            if of_form and doc[end - 1].text == ",":
                end -= 1
            if claim.affiliation_end is not None and not former:
                start = title_start if of_form else claim.affiliation_end
                while not of_form and start > 0 and (start - 1) in covered and covered[start - 1].end == start:
                    start = covered[start - 1].start
                if start > 0 and doc[start - 1].lower_ == "the":
                    start -= 1
                add(Mention(start, end, PERSON, surface=doc[start:end].text, offices=[claim], role_ref=True))
            i = end

        self._honorifics_and_speech(doc, covered, add)
        self._named_group(doc, covered, add)
        found = self._drop_title_case_names(doc, found, covered)
        mentions.extend(found)
        self._surnames(doc, mentions, covered)
        mentions.sort(key=lambda m: m.start)
        doc._.mentions = mentions
        return doc

    @staticmethod
    def _drop_title_case_names(doc: Doc, found: list[Mention], covered: dict[int, Mention]) -> list[Mention]:
        """In a Title Case line every word looks like a name: a person no list knows found there
        ("EU Envoy Shuttles Between ...") is kept only when the article names them outside such lines."""
        if not any(not m.role_ref for m in found):
            return found
        spans = title_case_sentences(doc)
        if not spans:
            return found
        inside = [m for m in found if not m.role_ref and any(a <= m.start < b for a, b in spans)]
        if not inside:
            return found
        outside_text = []
        last = 0
        for a, b in spans:
            outside_text.append(doc[last:a].text if a > last else "")
            last = b
        outside_text.append(doc[last:].text if last < len(doc) else "")
        rest = " ".join(outside_text)
        drop = {id(m) for m in inside if m.surface not in rest}
        if not drop:
            return found
        for m in found:
            if id(m) in drop:
                for k in range(m.start, m.end):
                    if covered.get(k) is m:
                        del covered[k]
        return [m for m in found if id(m) not in drop]

    def _named_group(self, doc, covered, add) -> None:
        """ "two Ruritanian nationals accused of X, Jan Novak and Petr Dvorak, were": full names (two or
        three capitalised words each) listed in apposition to a noun for people."""
        for k, low in enumerate(self._lower):
            if low not in PEOPLE_NOUNS or k in covered:
                continue
            sent_end = doc[k].sent.end
            c = k + 1
            while c < sent_end and c - k <= 12 and doc[c].text != ",":
                c += 1
            if c >= sent_end or doc[c].text != ",":
                continue
            names: list[tuple[int, int]] = []
            j = c + 1
            while j < sent_end and len(names) < 4:
                end = j
                while end < sent_end and end - j < 3 and self._name_token(doc, end) and end not in covered:
                    end += 1
                if end - j < 2:
                    break
                names.append((j, end))
                if self._lower[end] == "and" or (doc[end].text == "," and self._lower[end + 1 : end + 2] == ["and"]):
                    j = end + 1 + (doc[end].text == ",")
                elif doc[end].text == ",":
                    j = end + 1
                    if self._lower[j : j + 1] != ["and"] and not self._name_token(doc, j):
                        break
                else:
                    break
            closes = names and names[-1][1] < sent_end and doc[names[-1][1]].text in (",", ".")
            if len(names) >= 2 and closes:
                for a, b in names:
                    add(Mention(a, b, PERSON, surface=doc[a:b].text))

    def _affiliation_after(self, doc: Doc, end: int, claim: OfficeClaim, by_start) -> tuple[int, bool]:
        """A title followed by "of <country/organisation>": link it, and return where a name may start."""
        k = end + 1
        if end >= len(doc) or self._lower[end] != "of" or k >= len(doc):
            return end, False
        if self._lower[k] == "the":
            k += 1
            # "chief executive of the Russian state shipping company X": descriptors before the name
            d = k
            while (
                d < len(doc)
                and d - k < 6
                and d not in by_start
                and (doc[d].is_lower or doc[d].like_num or doc[d].text == "-")
            ):
                d += 1  # "the 55-nation African Union", "the state oil company X"
            head = by_start.get(d)
            if head is not None and head.label == ADJ:
                d = head.end
                while d < len(doc) and d - k < 7 and d not in by_start and doc[d].is_lower and doc[d].is_alpha:
                    d += 1
            if d > k and d in by_start and by_start[d].label in (ORG, COMPANY):
                k = d
        aff = by_start.get(k)
        if (
            aff is not None
            and aff.label in (COUNTRY, SEAT)
            and aff.end + 1 < len(doc)
            and doc[aff.end].text in ("'s", "’s")
        ):
            # "leader of Poland's governing Ruritanian Party": the party the country has, not the country
            d = aff.end + 1
            while d < len(doc) and d - aff.end <= 3 and d not in by_start and doc[d].is_lower and doc[d].is_alpha:
                d += 1
            party = by_start.get(d)
            if party is not None and party.label in (ORG, COMPANY):
                aff = party
        if aff is None or aff.label not in (COUNTRY, SEAT, ORG, COMPANY):
            return end, False
        claim.affiliation_end = aff.end
        end = aff.end
        if end < len(doc) and doc[end].text == ",":
            end += 1
        return end, True

    def _appositive(self, doc, title_start, title_end, claim, by_end, covered, appositives, add, of_form) -> bool:
        """ "<Name>, (the) <affiliation> <title> (and <affiliation> <title>)" and "<Name>, <title> of
        <affiliation>" -> the title is the name's."""
        j = claim.affiliation_end if claim.affiliation_end is not None and not of_form else title_start
        aff = by_end.get(j)
        if aff is not None and claim.affiliation_end is not None and not of_form:
            j = aff.start
        while j > 0 and doc[j - 1].lower_ in CURRENT:
            j -= 1  # "X, the current chairperson of ..."
        if j > 0 and doc[j - 1].lower_ in ("the", "a", "an"):
            j -= 1
        if j > 0 and doc[j - 1].lower_ == "and":
            # A second office joined by "and" belongs to the person of the first.
            person = appositives.get(j - 1)
            if person is None:
                return False
        else:
            if j < 2 or doc[j - 1].text != ",":
                return False
            comma = j - 1
            person = covered.get(comma - 1)
            if person is None or person.label != PERSON or person.role_ref:
                k = comma
                while (
                    k > 0
                    and comma - k < MAX_NAME + 2
                    and (self._name_token(doc, k - 1) or doc[k - 1].text == "-" or doc[k - 1].lower_ in PARTICLES)
                ):
                    k -= 1
                    if k in covered or k in self._starts:
                        break
                while k < comma and (k in covered or not self._name_token(doc, k)):
                    k += 1
                if comma - k < 2 or any(t in covered for t in range(k, comma)):
                    return False
                person = add(Mention(k, comma, PERSON, surface=doc[k:comma].text))
        person.offices.append(claim)
        appositives[title_end] = person
        return True

    def _honorifics_and_speech(self, doc, covered, add) -> None:
        for tok in doc:
            i = tok.i
            if i in covered:
                continue
            low = tok.lower_
            if low in HONORIFICS and i + 1 < len(doc) and (i + 1) not in covered:
                end = self._name_span(doc, i + 1, covered)
                if end > i + 1:
                    add(Mention(i + 1, end, PERSON, surface=doc[i + 1 : end].text))
                continue
            if low in LED_WORDS and i + 2 < len(doc) and doc[i + 1].lower_ == "by" and (i + 2) not in covered:
                self._led_by(doc, i, covered, add)
                continue
            if low in ("counterpart", "counterparts") and i + 1 < len(doc):
                first = i + 1 + (doc[i + 1].text == "," and i + 2 < len(doc))  # "her Polish counterpart, X Y,"
                end = self._name_span(doc, first, covered)  # "his British counterpart John Healey"
                closes = first == i + 1 or (end < len(doc) and doc[end].text in (",", "."))
                if end - first >= 2 and closes:
                    add(Mention(first, end, PERSON, surface=doc[first:end].text))
                continue
            if low in RANKS and tok.text[:1].isupper() and (i == 0 or doc[i - 1].lower_ not in RANKS):
                first = self._after_ranks(doc, i)
                end = self._name_span(doc, first, covered) if first < len(doc) else first
                if end - first >= 2 and all(t not in covered for t in range(first, end)):
                    add(Mention(first, end, PERSON, surface=doc[first:end].text))
                continue
            talks_with = low == "with" and i > 0 and doc[i - 1].lower_ in TALK_NOUNS
            if (low in SAY or low in OBJECT_VERBS or talks_with) and i + 1 < len(doc):
                end = self._name_span(doc, i + 1, covered)
                follow = (",", ".", ";") if low in SAY else AFTER_OBJECT
                if end - (i + 1) >= 2 and (end == len(doc) or doc[end].lower_ in follow):
                    add(Mention(i + 1, end, PERSON, surface=doc[i + 1 : end].text))
            if low in PERSON_VERBS and i >= 2:
                k = i
                while k > 0 and doc[k - 1].lower_ in ("also", "has", "had", "have"):
                    k -= 1
                start = k
                while (
                    start > 0
                    and k - start < MAX_NAME + 2
                    and (self._name_token(doc, start - 1) or doc[start - 1].text == "-")
                ):
                    start -= 1
                    if start in self._starts:
                        break
                while start < k and not self._name_token(doc, start):
                    start += 1
                if k - start >= 2 and all(t not in covered for t in range(start, k)):
                    before = doc[start - 1].text if start > 0 else "."
                    if start in self._starts or before in (",", "”", '"', ":"):
                        add(Mention(start, k, PERSON, surface=doc[start:k].text))

    def _led_by(self, doc, i, covered, add) -> None:
        """ "the RSF, led by Mohamed Dagalo,": the leader of the group or country before "led by"."""
        end = self._name_span(doc, i + 2, covered)
        if end - (i + 2) < 2:
            return
        k = i - 1 if i > 0 and doc[i - 1].text == "," else i
        group = covered.get(k - 1)
        if group is None or group.end != k or group.label not in (ORG, COUNTRY):
            return
        claim = OfficeClaim(LED_WORDS[doc[i].lower_], "head", group.end)
        add(Mention(i + 2, end, PERSON, surface=doc[i + 2 : end].text, offices=[claim]))

    def _surnames(self, doc, mentions, covered) -> None:
        parts: set[str] = set()
        for m in mentions:
            if m.label == PERSON and not m.role_ref and m.end - m.start >= 2:
                parts.update(
                    t.lower_
                    for t in doc[m.start : m.end]
                    if t.is_alpha
                    and (len(t) >= 3 or t.text.istitle())
                    and t.lower_ not in PARTICLES
                    and t.lower_ not in HONORIFICS
                )
        if not parts:
            return
        for tok in doc:
            if tok.i in covered or tok.lower_ not in parts or not self._name_token(doc, tok.i):
                continue
            m = Mention(tok.i, tok.i + 1, PERSON, surface=tok.text)
            covered[tok.i] = m
            mentions.append(m)


@Language.factory("news_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder(nlp, name)
