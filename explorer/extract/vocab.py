"""Closed-class words the relation patterns test tokens against (prepositions, copulas, cue families).

Open lists that users may extend live in data/*.txt; these are the grammar of the patterns themselves.
"""

from __future__ import annotations


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
PLACE_NOUNS = frozenset(["city", "town", "village", "port", "region", "province", "capital", "district", "state"])
COPULAS = frozenset(["is", "are", "was", "were", "remains", "remain", "became", "become", "as"])
ACCUSE_WORDS = frozenset(["accused", "accuses", "accusing", "accuse", "blamed", "blames", "blaming", "alleged"])
BLAME_WORDS = _wordset("blamed blames blaming criticised criticized criticises criticizes condemned condemns slammed")
DENY_WORDS = frozenset(["denied", "denies", "deny", "denying"])
HOST_WORDS = frozenset(["host", "hosted", "hosting", "hosts"])
TALK_VERBS = frozenset(["held", "hold", "holding", "holds", "had", "have", "has", "met"])
TARGET_VERBS = frozenset(["targeted", "targets", "targeting", "hit", "hits", "slapped"])
INCLUDE_WORDS = frozenset(
    ["includes", "include", "included", "including", "comprises", "comprise", "comprising", "groups", "grouping"]
)
# "the two leaders", "both countries": the last two actors of that type named.
PAIR_NOUNS = {
    **dict.fromkeys(["leaders", "presidents", "ministers", "premiers", "men", "women", "envoys"], "Person"),
    **dict.fromkeys(["countries", "nations", "neighbours", "neighbors", "governments", "states"], "Country"),
}
# "called on X to stop / halt / withdraw": a demand to stop is criticism of X.
STOP_VERBS = frozenset(["stop", "halt", "cease", "end", "refrain", "withdraw", "desist", "abandon"])
# "efforts to end the war between A and B": the war is going on, whatever the clause wishes.
ENDING_WORDS = frozenset(["end", "ending", "halt", "halting", "stop", "stopping"])
FIRE_WORDS = frozenset(["fire", "gunfire", "shelling", "artillery", "shots", "strikes", "rockets", "missiles"])
COMPOUND_HEADS = frozenset(["member", "members", "ally", "allies", "partner", "partners", "state", "states"])
MADE_OF = frozenset(["made", "consisting", "consists", "composed", "comprised"])
BLOC_NOUNS = frozenset(["bloc", "alliance", "grouping", "group", "union", "organisation", "organization", "club"])
# "a day after holding talks with X": a participle clause whose subject is the sentence's subject.
CLAUSE_LINKS = frozenset(["after", "before", "while", "since", "when", "following", "by", "during"])
MEMBER_WORDS = frozenset(["member", "members"])
STAGED_WORDS = frozenset(["staged", "fabricated", "orchestrated", "masterminded", "engineered"])
CLAIM_NOUNS = frozenset(
    ["stance", "claim", "claims", "position", "accusation", "accusations", "allegation", "allegations"]
)
AUXILIARIES = frozenset(["were", "was", "had", "have", "has", "is", "are", "also", "been", "being"])
INTENT_NOUNS = frozenset(["campaign", "plan", "plans", "attempt", "attempts", "effort", "efforts"])
APPOSITION = frozenset({",", "a", "an", "fellow", "both", "all"})  # "X and Y, both OPEC members"
# "Russia's ally Belarus", and in apposition "Belarus, Russia's closest ally,"
POSSESSOR_ONLY = frozenset(
    {"war in", "ally", "close ally", "key ally", "closest ally", "staunchest ally", "main ally", "oldest ally"}
)
LIFTED = frozenset({"IN_CONFLICT_WITH", "MEMBER_OF"})  # a leader acting stands for the country here
# What an actor does that a speaker can call wrong: "the Chinese actions were dangerous".
CONDUCT_NOUNS = _wordset(
    "actions action moves move behaviour behavior conduct manoeuvres maneuvers policy policies aggression "
    "activities provocations tactics measures"
)
