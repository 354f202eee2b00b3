"""A small invented news world for the explorer's tests: five short articles, their facts
(with evidence offsets into the article text) and one hostile article for the XSS checks.

Not a test module: test_views.py and test_app*.py import it.
"""

from __future__ import annotations

from explorer.facts import Fact
from explorer.graph.writer import ArticleRecord, write_articles

A1_TEXT = (
    "Tokyo talks deepen Pacific ties\n"
    "Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in Tokyo on Monday. "
    "The two leaders said Japan and Australia would deepen defence cooperation. "
    "Japan is part of the Quad, which also includes India, Australia and the United States."
)
A2_TEXT = (
    "Xi arrives in Moscow\n"
    "Chinese President Xi Jinping arrived in Moscow on Tuesday for a state visit. "
    "Xi Jinping and Vladimir Putin held four hours of talks in the Kremlin. "
    "China and Russia pledged to expand their strategic partnership. "
    "Putin invited Xi to visit Russia again next year. "
    "Washington criticized Beijing for offering Moscow diplomatic cover."
)
A3_TEXT = (
    "G7 tightens sanctions\n"
    "The Group of Seven, which includes Japan, announced new sanctions against Russia over its war in Ukraine. "
    "Kyiv accused Moscow of striking civilian infrastructure. "
    "Kishida is expected to visit Kyiv later this month."
)
A4_TEXT = (
    "Canberra and Beijing trade barbs\n"
    "Australia accused China of unsafe manoeuvres near its patrol aircraft. "
    "Beijing rejected the claims, state media reported. "
    "Russia remains a major gas supplier to China, with Gazprom shipping through a Siberian pipeline."
)


def _fact(text: str, evidence: str, article: str, s: str, st: str, p: str, o: str, ot: str, **kw) -> Fact:
    start = text.find(evidence) if text else -1
    iso = {"Japan": "JPN", "Australia": "AUS", "China": "CHN", "Russia": "RUS", "Ukraine": "UKR",
           "India": "IND", "United States": "USA"}  # fmt: skip
    return Fact(
        subject=s,
        subject_type=st,
        predicate=p,
        object=o,
        object_type=ot,
        evidence=evidence,
        article=article,
        evidence_start=start if start >= 0 else None,
        evidence_end=start + len(evidence) if start >= 0 else None,
        subject_iso3=iso.get(s) if st == "Country" else None,
        object_iso3=iso.get(o) if ot == "Country" else None,
        **kw,
    )


def world() -> list[ArticleRecord]:
    a1, a2, a3, a4 = "a1-tokyo-talks", "a2-xi-moscow", "a3-g7-sanctions", "a4-canberra-beijing"
    e1 = "Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in Tokyo on Monday."
    e1b = "The two leaders said Japan and Australia would deepen defence cooperation."
    e1c = "Japan is part of the Quad, which also includes India, Australia and the United States."
    f1 = [
        _fact(A1_TEXT, e1, a1, "Fumio Kishida", "Person", "MET_WITH", "Anthony Albanese", "Person",
              subject_aliases=["Kishida", "Japanese Prime Minister Fumio Kishida"]),
        _fact(A1_TEXT, e1, a1, "Fumio Kishida", "Person", "HOLDS_OFFICE", "Japan", "Country", role="Prime Minister"),
        _fact(A1_TEXT, e1, a1, "Anthony Albanese", "Person", "HOLDS_OFFICE", "Australia", "Country",
              role="Prime Minister"),
        _fact(A1_TEXT, e1b, a1, "Japan", "Country", "COOPERATES_WITH", "Australia", "Country"),
        _fact(A1_TEXT, e1c, a1, "Japan", "Country", "MEMBER_OF", "Quad", "Organization"),
        _fact(A1_TEXT, e1c, a1, "India", "Country", "MEMBER_OF", "Quad", "Organization"),
        _fact(A1_TEXT, e1c, a1, "Australia", "Country", "MEMBER_OF", "Quad", "Organization"),
        _fact(A1_TEXT, e1c, a1, "United States", "Country", "MEMBER_OF", "Quad", "Organization",
              subject_aliases=["US", "Washington"]),
    ]  # fmt: skip
    e2 = "Chinese President Xi Jinping arrived in Moscow on Tuesday for a state visit."
    e2b = "Xi Jinping and Vladimir Putin held four hours of talks in the Kremlin."
    e2c = "China and Russia pledged to expand their strategic partnership."
    e2d = "Putin invited Xi to visit Russia again next year."
    e2e = "Washington criticized Beijing for offering Moscow diplomatic cover."
    f2 = [
        _fact(A2_TEXT, e2, a2, "Xi Jinping", "Person", "VISITED", "Moscow", "Place",
              subject_aliases=["President Xi", "Xi"]),
        _fact(A2_TEXT, e2, a2, "Xi Jinping", "Person", "HOLDS_OFFICE", "China", "Country", role="President"),
        _fact(A2_TEXT, e2b, a2, "Xi Jinping", "Person", "MET_WITH", "Vladimir Putin", "Person"),
        _fact(A2_TEXT, e2c, a2, "China", "Country", "COOPERATES_WITH", "Russia", "Country"),
        _fact(A2_TEXT, e2d, a2, "Vladimir Putin", "Person", "INVITED", "Xi Jinping", "Person", modality="planned"),
        _fact(A2_TEXT, e2e, a2, "United States", "Country", "CRITICIZED", "China", "Country"),
        _fact(A2_TEXT, e2, a2, "Moscow", "Place", "LOCATED_IN", "Russia", "Country"),
    ]  # fmt: skip
    e3 = "The Group of Seven, which includes Japan, announced new sanctions against Russia over its war in Ukraine."
    e3b = "Kyiv accused Moscow of striking civilian infrastructure."
    e3c = "Kishida is expected to visit Kyiv later this month."
    f3 = [
        _fact(A3_TEXT, e3, a3, "Group of Seven", "Organization", "SANCTIONED", "Russia", "Country",
              subject_aliases=["G7"]),
        _fact(A3_TEXT, e3, a3, "Japan", "Country", "MEMBER_OF", "Group of Seven", "Organization"),
        _fact(A3_TEXT, e3, a3, "Russia", "Country", "IN_CONFLICT_WITH", "Ukraine", "Country"),
        _fact(A3_TEXT, e3b, a3, "Ukraine", "Country", "ACCUSED", "Russia", "Country"),
        _fact(A3_TEXT, e3c, a3, "Fumio Kishida", "Person", "VISITED", "Kyiv", "Place", modality="planned"),
        _fact(A3_TEXT, e3c, a3, "Kyiv", "Place", "LOCATED_IN", "Ukraine", "Country"),
    ]  # fmt: skip
    e4 = "Australia accused China of unsafe manoeuvres near its patrol aircraft."
    e4b = "Beijing rejected the claims, state media reported."
    e4c = "Russia remains a major gas supplier to China, with Gazprom shipping through a Siberian pipeline."
    f4 = [
        _fact(A4_TEXT, e4, a4, "Australia", "Country", "ACCUSED", "China", "Country"),
        _fact(A4_TEXT, e4b, a4, "China", "Country", "REJECTED", "Australia", "Country", modality="reported"),
        _fact(A4_TEXT, e4c, a4, "Russia", "Country", "TRADES_WITH", "China", "Country", commodity="gas"),
        _fact(A4_TEXT, e4c, a4, "Gazprom", "Organization", "BASED_IN", "Russia", "Country"),
    ]  # fmt: skip
    # A facts-only load (no text): a second article confirming the Tokyo meeting.
    a5 = "a5-tokyo-followup"
    e5 = "Kishida and Albanese met again on Tuesday to sign a security pact."
    f5 = [
        _fact("", e5, a5, "Fumio Kishida", "Person", "MET_WITH", "Anthony Albanese", "Person"),
        _fact("", e5, a5, "Japan", "Country", "COOPERATES_WITH", "Australia", "Country"),
    ]
    return [
        ArticleRecord(a1, f1, "Tokyo talks deepen Pacific ties", "https://news.example/a1", "2024-03-04",
                      "Northwind Wire", text=A1_TEXT),
        ArticleRecord(a2, f2, "Xi arrives in Moscow", "https://news.example/a2", "2024-03-12", "Harbor Times",
                      text=A2_TEXT),
        ArticleRecord(a3, f3, "G7 tightens sanctions", "https://news.example/a3", "2024-03-20", "Northwind Wire",
                      text=A3_TEXT),
        ArticleRecord(a4, f4, "Canberra and Beijing trade barbs", "https://news.example/a4", "2024-04-02",
                      "Harbor Times", text=A4_TEXT),
        ArticleRecord(a5, f5, "Leaders meet again", "https://news.example/a5", "2024-03-05", "Harbor Times"),
    ]  # fmt: skip


XSS_NAME = '<img src=x onerror="window.__xss=1">Evil Corp'
XSS_TEXT = (
    "Hostile <script>window.__xss=2</script> story\n"
    'Evil Corp, styled <img src=x onerror="window.__xss=1">Evil Corp, criticized <b>Russia</b> '
    "in a statement with <script>window.__xss=3</script> inside."
)


def hostile_article() -> ArticleRecord:
    ev = 'Evil Corp, styled <img src=x onerror="window.__xss=1">Evil Corp, criticized <b>Russia</b> in a statement'
    aid = "a9-hostile"
    fact = _fact(XSS_TEXT, ev, aid, XSS_NAME, "Organization", "CRITICIZED", "Russia", "Country",
                 subject_aliases=['<script>window.__xss=4</script>', 'see href="javascript:alert(1)"'])  # fmt: skip
    return ArticleRecord(
        aid,
        [fact],
        title='<script>window.__xss=5</script>Hostile <img src=x onerror="window.__xss=6">',
        url="javascript:window.__xss=7",
        published="2024-03-22",
        source="<b>Evil</b> Source",
        text=XSS_TEXT,
    )


def load_world(driver, database: str, hostile: bool = False) -> None:
    records = world() + ([hostile_article()] if hostile else [])
    write_articles(driver, database, records)


def eid(kind: str, name: str) -> str:
    from explorer.ontology import entity_id

    iso = {"Japan": "JPN", "Australia": "AUS", "China": "CHN", "Russia": "RUS", "Ukraine": "UKR",
           "India": "IND", "United States": "USA"}  # fmt: skip
    return entity_id(kind, name, iso.get(name) if kind == "Country" else None)
