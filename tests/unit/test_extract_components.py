"""The gazetteer, people finder and resolver components, each run on a partial pipeline."""

from __future__ import annotations

import pytest

from explorer.extract.pipeline import build_pipeline

GAZETTEER = ("news_sentences", "news_gazetteer")
PEOPLE = (*GAZETTEER, "news_people")
RESOLVED = (*PEOPLE, "news_resolver")


@pytest.fixture(scope="module")
def pipelines():
    return {
        name: build_pipeline(components)
        for name, components in {"gazetteer": GAZETTEER, "people": PEOPLE, "resolved": RESOLVED}.items()
    }


def labels(doc):
    return [(m.label, m.surface) for m in doc._.mentions]


def entities(doc):
    return [(m.surface, m.entity.name, m.entity.type, m.role) for m in doc._.mentions]


# -- sentences ------------------------------------------------------------------------------------


def test_line_breaks_end_sentences(pipelines):
    doc = pipelines["gazetteer"]("Headline without a stop\nFirst sentence. “Quoted.” Second one")
    assert [s.text.strip() for s in doc.sents] == [
        "Headline without a stop",
        "First sentence.",
        "“Quoted.”",
        "Second one",
    ]


# -- gazetteer ------------------------------------------------------------------------------------


def test_gazetteer_kinds_and_longest_match(pipelines):
    doc = pipelines["gazetteer"]("The People's Republic of China and Saudi Aramco met NATO in Kyiv with Kremlin aides.")
    assert labels(doc) == [
        ("COUNTRY", "People's Republic of China"),
        ("COMPANY", "Saudi Aramco"),
        ("ORG", "NATO"),
        ("SEAT", "Kyiv"),
        ("SEAT", "Kremlin"),
    ]


def test_gazetteer_case_rules(pipelines):
    # case variants of names match; lower-case words and acronyms written in lower case do not
    doc = pipelines["gazetteer"]("XI JInping told us who won. Nato and the US agreed. china is absent.")
    assert labels(doc) == [("PERSON", "XI JInping"), ("ORG", "Nato"), ("COUNTRY", "US")]


def test_ambiguous_adjective_is_skipped(pipelines):
    assert labels(pipelines["gazetteer"]("Congolese troops advanced.")) == []


# -- people ---------------------------------------------------------------------------------------


def people(doc):
    out = []
    for m in doc._.mentions:
        if m.label == "PERSON":
            offices = [(c.title, doc[c.affiliation_end - 1].text if c.affiliation_end else None) for c in m.offices]
            out.append((m.surface, offices, m.role_ref))
    return out


def test_title_and_unknown_name(pipelines):
    doc = pipelines["people"]("Kremlin spokesman Dmitry Peskov and Chilean Finance Minister Mario Marcel spoke.")
    assert people(doc) == [
        ("Dmitry Peskov", [("Spokesperson", "Kremlin")], False),
        ("Mario Marcel", [("Finance Minister", "Chilean")], False),
    ]


def test_lower_case_title_with_prefix(pipelines):
    doc = pipelines["people"]("Kenyan deputy foreign minister Amina Odhiambo said so.")
    assert people(doc) == [("Amina Odhiambo", [("Deputy Foreign Minister", "Kenyan")], False)]


def test_appositive_with_two_offices(pipelines):
    doc = pipelines["people"](
        "It is a record, said Tomas Vrba Novak, Slovakia's energy minister and Rosatom's chief executive."
    )
    assert people(doc) == [
        ("Tomas Vrba Novak", [("Energy Minister", "Slovakia"), ("Chief Executive", "Rosatom")], False)
    ]


def test_role_reference_and_honorific(pipelines):
    doc = pipelines["people"]("The Brazilian president spoke after Mr Okafor arrived.")
    assert people(doc) == [("The Brazilian president", [("President", "Brazilian")], True), ("Okafor", [], False)]


def test_said_name_and_later_surname(pipelines):
    doc = pipelines["people"]("“We are ready,” said Lena Hartmann. Hartmann added that talks would go on.")
    assert [p[0] for p in people(doc)] == ["Lena Hartmann", "Hartmann"]


# -- resolver -------------------------------------------------------------------------------------


def test_case_variants_surnames_and_titles_are_one_entity(pipelines):
    doc = pipelines["resolved"]("XI Jinping arrived. Xi JInping spoke. President Xi left. Xi Jinping smiled.")
    assert {e[1] for e in entities(doc)} == {"Xi Jinping"}
    doc = pipelines["resolved"](
        "Nigerian Finance Minister Ngozi Adeyemi-Bello arrived. Later Ms Adeyemi-Bello spoke and Adeyemi-Bello left."
    )
    assert {e[1] for e in entities(doc) if e[2] == "Person"} == {"Ngozi Adeyemi-Bello"}


def test_role_reference_resolves_to_the_office_holder(pipelines):
    doc = pipelines["resolved"]("Vladimir Putin met Xi Jinping. The Russian leader said the talks went well.")
    assert ("The Russian leader", "Vladimir Putin", "Person", "actor") in entities(doc)


def test_role_reference_from_a_title_in_the_article(pipelines):
    doc = pipelines["resolved"]("Chilean Finance Minister Mario Marcel spoke. The Chilean finance minister then left.")
    assert ("The Chilean finance minister", "Mario Marcel", "Person", "actor") in entities(doc)


def test_metonym_actor_versus_place(pipelines):
    doc = pipelines["resolved"]("Beijing said it would respond. Xi Jinping flew to Beijing. The Kremlin denied it.")
    assert ("Beijing", "China", "Country", "actor") in entities(doc)
    assert ("Beijing", "Beijing", "Place", "location") in entities(doc)
    assert ("The Kremlin", "Russia", "Country", "actor") in entities(doc)


def test_state_body_speaks_for_its_country(pipelines):
    doc = pipelines["resolved"]("The Armenian defense ministry said troops moved. Ghana's foreign ministry agreed.")
    found = entities(doc)
    assert ("The Armenian defense ministry"[4:], "Armenia", "Country", "actor") in found
    assert ("Ghana's foreign ministry", "Ghana", "Country", "actor") in found


def test_pronoun_takes_the_unambiguous_previous_actor(pipelines):
    doc = pipelines["resolved"]("Ghana signed the deal. It defended the plan.")
    assert ("It", "Ghana", "Country", "actor") in entities(doc)
    doc = pipelines["resolved"]("Ghana and Togo signed the deal. It defended the plan.")
    assert not any(e[0] == "It" for e in entities(doc))  # two candidates: no guess
    doc = pipelines["resolved"]("Narendra Modi arrived. He praised the hosts.")
    assert ("He", "Narendra Modi", "Person", "actor") in entities(doc)


def test_organisation_anaphor(pipelines):
    doc = pipelines["resolved"]("Finland joined NATO in 2023. The alliance now borders Russia along a long frontier.")
    assert ("alliance", "North Atlantic Treaty Organization", "Organization", "actor") in [
        (e[0].split()[-1], *e[1:]) for e in entities(doc)
    ]


def test_same_entity_ids_across_articles():
    from explorer.extract import extract_text

    a = extract_text("The US imposed sanctions on Iran.", "a")
    b = extract_text("Washington has imposed sanctions on Tehran's allies and on Iran.", "b")
    ids_a = {f.subject_id for f in a} | {f.object_id for f in a}
    ids_b = {f.subject_id for f in b} | {f.object_id for f in b}
    assert "country:USA" in ids_a & ids_b and "country:IRN" in ids_a & ids_b


def test_title_comma_name(pipelines):
    doc = pipelines["people"]("Ghana's foreign minister, Kwame Asante Boateng, said the talks failed.")
    assert people(doc) == [("Kwame Asante Boateng", [("Foreign Minister", "Ghana")], False)]


def test_title_of_organisation_comma_name(pipelines):
    doc = pipelines["people"]("The head of the International Atomic Energy Agency, Rafael Grossi, spoke.")
    assert [(p[0], p[1][0][0]) for p in people(doc)] == [("Rafael Grossi", "Chief")]
