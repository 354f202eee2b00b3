"""Generalisation rules of the extractor (titles, unlisted companies, sanctions, lists, places, meetings),
on short invented sentences."""

from __future__ import annotations

import pytest

from explorer.extract import extract_text


def triples(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in extract_text(text, "t", published=published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a department between the country and the title
        ("Peruvian Foreign Ministry spokesperson Ana Quispe said the talks were useful.", ("Ana Quispe", "Peru")),
        ("Chilean Interior Ministry spokesman Pablo Rojas spoke on Monday.", ("Pablo Rojas", "Chile")),
        # a state body grown over the affiliation, and a military rank before the name
        ("Egypt's army chief, General Omar Nabil, visited the border.", ("Omar Nabil", "Egypt")),
        ("Kenyan army spokesman Colonel David Otieno said two soldiers died.", ("David Otieno", "Kenya")),
        # portfolio titles
        ("Vietnamese Industry and Trade Minister Nguyen Van Binh arrived.", ("Nguyen Van Binh", "Vietnam")),
        ("Omani Minister of State for Foreign Affairs Salim Harthy arrived.", ("Salim Harthy", "Oman")),
        ("Indonesian External Affairs Minister Budi Santoso arrived.", ("Budi Santoso", "Indonesia")),
        # "<Name>, <title> of (descriptors) <company>"
        ("The deal was signed by Maria Lopes, chief executive of Petrobras, on Monday.", ("Maria Lopes", "Petrobras")),
        (
            "Sanctions hit Ivan Orlov, chairman and chief executive of the Russian state oil company Rosneft.",
            ("Ivan Orlov", "Rosneft"),
        ),
    ],
)
def test_holds_office_from_titles(text, expected):
    person, where = expected
    assert (person, "HOLDS_OFFICE", where) in triples(text)


def test_honorific_before_a_title_word_is_a_name():
    found = triples("The accord was signed by Dr Sultan Haddad, Omani Minister of Energy.")
    assert ("Sultan Haddad", "HOLDS_OFFICE", "Oman") in found


def test_rank_alone_marks_a_person():
    found = triples("General Omar Nabil met Joe Biden in Cairo.")
    assert ("Omar Nabil", "MET_WITH", "Joe Biden") in found


@pytest.mark.parametrize(
    ("text", "company", "home"),
    [
        ("The Ruritanian state shipping company Nordvik said the ships were safe.", None, None),
        ("Peruvian mining company Andina Cobre signed the deal.", "Andina Cobre", "Peru"),
        ("Lima-based Volcan signed the deal.", "Volcan", "Lima"),
        ("Lima-based Ana Torres said the deal was signed.", None, None),
    ],
)
def test_unlisted_companies(text, company, home):
    found = triples(text)
    if company is None:
        assert not any(p == "BASED_IN" for _, p, _ in found)
    else:
        assert (company, "BASED_IN", home) in found


def test_company_with_a_legal_form_is_an_organisation():
    found = triples("The United States imposed sanctions on Harbor Star Shipping LLC.")
    assert ("United States", "SANCTIONED", "Harbor Star Shipping LLC") in found


def test_country_noun_in_a_sanctions_package_is_the_target():
    found = triples("Canada hits two banks in a new Iran sanctions package.")
    assert ("Canada", "SANCTIONED", "Iran") in found
    assert ("Iran", "SANCTIONED", "Canada") not in found


def test_adjective_before_a_company_noun_is_not_the_target():
    found = triples("Japan targeted a Chinese refiner with new sanctions.")
    assert ("Japan", "SANCTIONED", "China") not in found


def test_sanctions_package_adopted_against_a_country():
    found = triples("Canada on Monday adopted a fresh package of sanctions against Belarus.")
    assert ("Canada", "SANCTIONED", "Belarus") in found


def test_the_measures_refer_to_the_last_sanctioner():
    text = (
        "Japan imposed sanctions on Iran on Monday. "
        "The measures also freeze the assets of Harbor Star Shipping LLC, a trader in Dubai."
    )
    assert ("Japan", "SANCTIONED", "Harbor Star Shipping LLC") in triples(text)


def test_object_relative_clause_names_the_accused():
    found = triples("Also listed is Harbor Star Shipping LLC, which the European Union accuses of helping Iran.")
    assert ("European Union", "ACCUSED", "Harbor Star Shipping LLC") in found


def test_scare_quotes_inside_a_cue():
    found = triples("Armenia says Azerbaijan started a “military operation” in Armenia on Monday.")
    assert ("Azerbaijan", "IN_CONFLICT_WITH", "Armenia") in found


def test_market_pattern_needs_goods():
    found = triples("Japan and South Korea are the largest buyers of Australian coal.")
    assert ("Australia", "TRADES_WITH", "Japan") in found
    assert not triples("Japan is the biggest market for Australian films.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nato members Poland and Romania sent jets.", {("Poland", "MEMBER_OF"), ("Romania", "MEMBER_OF")}),
        ("As an EU member, Austria cannot sign the deal alone.", {("Austria", "MEMBER_OF")}),
        (
            "Chile and Peru, both members of the Pacific Alliance, signed.",
            {("Chile", "MEMBER_OF"), ("Peru", "MEMBER_OF")},
        ),
        ("Fellow Nato member Norway sent ships.", {("Norway", "MEMBER_OF")}),
        (
            "ECOWAS, the regional bloc of Ghana, Nigeria, Senegal and Togo, met.",
            {("Ghana", "MEMBER_OF"), ("Nigeria", "MEMBER_OF"), ("Senegal", "MEMBER_OF"), ("Togo", "MEMBER_OF")},
        ),
    ],
)
def test_membership_from_lists_and_appositions(text, expected):
    found = {(s, p) for s, p, _ in triples(text) if p == "MEMBER_OF"}
    assert expected <= found


@pytest.mark.parametrize(
    "text",
    [
        "Serbia, which is not a member of the EU, was invited.",
        "Russia was suspended from the Council of Europe in 2022.",
    ],
)
def test_negated_or_suspended_membership_is_not_a_fact(text):
    assert not any(p == "MEMBER_OF" for _, p, _ in triples(text))


def test_bloc_anaphor_takes_the_bloc_that_lists_the_members():
    text = (
        "Leaders met at a Mercosur summit on a deal with the European Union. "
        "The bloc, which groups Brazil, Argentina, Uruguay and Paraguay, admitted Bolivia."
    )
    found = triples(text)
    assert ("Brazil", "MEMBER_OF", "Mercosur") in found
    assert ("Brazil", "MEMBER_OF", "European Union") not in found


def test_trading_partner_is_trade_not_cooperation():
    found = triples("China, the largest trading partner of Brazil, was watching.")
    assert ("China", "COOPERATES_WITH", "Brazil") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran was sanctioned by Canada in May.", ("Canada", "SANCTIONED", "Iran")),
        ("Hungary was criticised by Poland and Austria.", ("Austria", "CRITICIZED", "Hungary")),
        ("The Houthis, backed by Iran, attacked ships.", ("Iran", "SUPPORTS", "Houthis")),
    ],
)
def test_passive_agents(text, expected):
    assert expected in triples(text)


def test_negated_passive_is_not_a_fact():
    assert not triples("The rebels were not backed by Rwanda.") & {("Rwanda", "SUPPORTS", "rebels")}
    assert not any(p == "SUPPORTS" for _, p, _ in triples("The rebels were not backed by Rwanda."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian and Pakistani troops exchanged artillery fire overnight.", ("India", "IN_CONFLICT_WITH", "Pakistan")),
        ("Ethiopia and Eritrea have fought two wars.", ("Ethiopia", "IN_CONFLICT_WITH", "Eritrea")),
    ],
)
def test_conflict_between_coordinated_parties(text, expected):
    assert expected in triples(text)


def test_exchanging_views_is_not_conflict():
    assert not any(p == "IN_CONFLICT_WITH" for _, p, _ in triples("China and India exchanged views on trade."))


def test_allies_of_a_conflict_party_are_not_in_conflict():
    found = triples("Russia and Belarus fought Ukraine.")
    assert ("Russia", "IN_CONFLICT_WITH", "Belarus") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting spread to the Tigray region of Ethiopia.", ("Tigray", "LOCATED_IN", "Ethiopia")),
        ("Police attacked a convoy near Kassala in eastern Sudan.", ("Kassala", "LOCATED_IN", "Sudan")),
        ("Rebels took Gedaref, the capital of Sudan's east.", ("Gedaref", "LOCATED_IN", "Sudan")),
        ("Troops entered the Mexican state of Sonora.", ("Sonora", "LOCATED_IN", "Mexico")),
        ("Peru's Cusco region was hit by floods.", ("Cusco", "LOCATED_IN", "Peru")),
    ],
)
def test_unlisted_places(text, expected):
    assert expected in triples(text)


def test_visit_to_the_city_of():
    found = triples("Joe Biden travelled to the city of Kassala on Monday.")
    assert ("Joe Biden", "VISITED", "Kassala") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron was welcomed by Olaf Scholz in Berlin.", ("Emmanuel Macron", "MET_WITH", "Olaf Scholz")),
        ("Joe Biden and Narendra Modi held a bilateral meeting.", ("Joe Biden", "MET_WITH", "Narendra Modi")),
        (
            "Olaf Scholz met Joe Biden, whose term ends in January, and Narendra Modi on the sidelines of the summit.",
            ("Olaf Scholz", "MET_WITH", "Narendra Modi"),
        ),
        (
            "Olaf Scholz met Joe Biden in Paris, a day after holding talks with Narendra Modi.",
            ("Olaf Scholz", "MET_WITH", "Narendra Modi"),
        ),
        (
            "Saudi Foreign Minister Adel al-Jubeir travelled to Islamabad after a stop in Kabul, and held talks "
            "with Shehbaz Sharif.",
            ("Adel al-Jubeir", "MET_WITH", "Shehbaz Sharif"),
        ),
        ("France and the UAE have a strategic partnership.", ("France", "COOPERATES_WITH", "United Arab Emirates")),
    ],
)
def test_meeting_and_cooperation_variants(text, expected):
    assert expected in triples(text)


def test_a_participle_clause_is_not_the_object_meeting_someone():
    found = triples("Olaf Scholz met Joe Biden in Paris, a day after holding talks with Narendra Modi.")
    assert ("Joe Biden", "MET_WITH", "Narendra Modi") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungary still imports Russian oil through a pipeline.", ("Hungary", "TRADES_WITH", "Russia")),
        ("Officials said normal trade between China and Brazil should go on.", ("China", "TRADES_WITH", "Brazil")),
        (
            "Qatar ordered 24 fighter jets from French planemaker Dassault Aviation.",
            ("Qatar", "TRADES_WITH", "Dassault"),
        ),
        (
            "Petrobras and Shell signed a deal under which the Brazilian state oil company will supply up to "
            "two million tonnes of crude oil to the British energy major.",
            ("Petrobras", "TRADES_WITH", "Shell"),
        ),
    ],
)
def test_trade_variants(text, expected):
    assert expected in triples(text)


def test_closest_ally_in_apposition():
    found = triples("Belarus, Russia's closest ally, called for restraint.")
    assert ("Russia", "COOPERATES_WITH", "Belarus") in found


def test_company_apposition_and_embedded_speaker():
    text = (
        "The EU froze the assets of Acme Refining Ltd, a refinery in eastern China "
        "that Brussels says bought Iranian oil."
    )
    found = triples(text)
    assert ("Acme Refining Ltd", "BASED_IN", "China") in found
    assert ("Acme Refining Ltd", "TRADES_WITH", "Iran") in found
    assert ("Belgium", "TRADES_WITH", "Iran") not in found


def test_chairperson_of_a_described_organisation():
    text = "Modi invited Comoros President Azali Assoumani, the current chairperson of the 55-nation African Union."
    assert ("Azali Assoumani", "HOLDS_OFFICE", "African Union") in triples(text)


def test_made_up_of_lists_members_and_the_list_is_not_the_subject():
    found = triples("Mercosur, made up of Argentina, Brazil, Paraguay and Uruguay, met in Montevideo.")
    assert ("Brazil", "MEMBER_OF", "Mercosur") in found
    assert not any(p == "MET_WITH" for _, p, _ in found)


def test_led_by_names_the_leader():
    found = triples("The RSF, led by Mohamed Hamdan Dagalo, was accused by the United States of atrocities.")
    assert ("Mohamed Hamdan Dagalo", "HOLDS_OFFICE", "Rapid Support Forces") in found
    assert ("United States", "ACCUSED", "Rapid Support Forces") in found


def test_counterpart_names_a_person_met():
    found = triples("Pete Hegseth met his British counterpart John Healey in Brussels.")
    assert ("Pete Hegseth", "MET_WITH", "John Healey") in found


def test_an_organisation_modifying_member_is_not_the_subject():
    found = triples("Hungary, a NATO member that has kept close ties with Moscow, did not send its minister.")
    assert ("Hungary", "COOPERATES_WITH", "Russia") in found
    assert ("North Atlantic Treaty Organization", "COOPERATES_WITH", "Russia") not in found


def test_place_before_based_is_not_the_object():
    found = triples("India blamed the Pakistan-based Lashkar-e-Taiba.")
    assert ("Lashkar-e-Taiba", "BASED_IN", "Pakistan") in found
    assert ("India", "ACCUSED", "Pakistan") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Manila summoned China's deputy ambassador on Monday.", ("Philippines", "CRITICIZED", "China")),
        (
            "Chinese coast guard ships fired water cannon at two Philippine vessels.",
            ("China", "IN_CONFLICT_WITH", "Philippines"),
        ),
        ("Brazil signed a free trade agreement with the European Union.", ("Brazil", "TRADES_WITH", "European Union")),
    ],
)
def test_protest_confrontation_and_trade_agreement_cues(text, expected):
    assert expected in triples(text)


def test_a_cue_word_inside_a_name_is_no_cue():
    found = triples("Kenya hosted talks with the Rapid Support Forces in Nairobi.")
    assert not any(p == "SUPPORTS" for _, p, _ in found)


def test_joint_drills_are_cooperation():
    found = triples("The United States and the Philippines held joint naval drills in the South China Sea.")
    assert ("United States", "COOPERATES_WITH", "Philippines") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Philippines' Foreign Secretary Enrique Manalo arrived.",
            ("Enrique Manalo", "HOLDS_OFFICE", "Philippines"),
        ),
        ("Chinese Commerce Ministry spokesperson He Yadong spoke.", ("He Yadong", "HOLDS_OFFICE", "China")),
        (
            "Marco Rubio arrived in Panama City for talks with Jose Raul Mulino.",
            ("Marco Rubio", "MET_WITH", "Jose Raul Mulino"),
        ),
    ],
)
def test_names_after_plain_possessives_surnames_and_talks(text, expected):
    assert expected in triples(text)


def test_half_known_name_is_not_a_company():
    found = triples("Iraqi militia group Kataib Hezbollah claimed the attack.")
    assert not any(p == "BASED_IN" for _, p, _ in found)


@pytest.mark.parametrize(
    "text",
    ["Turkey halted all trade with Israel on Thursday.", "Russia cut gas exports to Poland."],
)
def test_halted_trade_is_not_trade(text):
    assert not any(p == "TRADES_WITH" for _, p, _ in triples(text))


def test_after_meeting_names_who_was_met():
    found = triples("Antony Blinken flew to Cairo after meeting Jordan's King Abdullah II.")
    assert ("Antony Blinken", "MET_WITH", "Abdullah") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vietnamese Foreign Ministry spokesperson Pham Thu Hang said China had encroached on its waters.",
            ("Pham Thu Hang", "ACCUSED", "China"),
        ),
        (
            "The Philippines said the Chinese actions were dangerous and illegal.",
            ("Philippines", "CRITICIZED", "China"),
        ),
        (
            "The Philippine Coast Guard said Chinese vessels rammed a Philippine supply boat.",
            ("Philippines", "ACCUSED", "China"),
        ),
    ],
)
def test_reported_accusations_and_criticised_conduct(text, expected):
    assert expected in triples(text)


def test_a_leader_criticising_their_own_country_policy_is_not_criticism():
    assert not triples("Lula said Brazilian policy was a failure.")


def test_denying_an_act_does_not_reject_its_object():
    assert not any(p == "REJECTED" for _, p, _ in triples("The UAE has denied arming the Rapid Support Forces."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sudan's Sovereign Council chief Abdel Fattah al-Burhan spoke.", ("Abdel Fattah al-Burhan", "Sudan")),
        (
            "IGAD executive secretary Workneh Gebeyehu travelled to Khartoum.",
            ("Workneh Gebeyehu", "Intergovernmental Authority on Development"),
        ),
        ("U.S. special envoy for Sudan Tom Perriello held talks in Cairo.", ("Tom Perriello", "United States")),
    ],
)
def test_council_chiefs_secretaries_and_envoys(text, expected):
    person, where = expected
    assert (person, "HOLDS_OFFICE", where) in triples(text)


def test_an_envoy_for_a_country_does_not_hold_office_there():
    found = triples("U.S. special envoy for Sudan Tom Perriello held talks in Cairo.")
    assert ("Tom Perriello", "HOLDS_OFFICE", "Sudan") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mercosur and the European Union concluded a free trade agreement.",
            ("Mercosur", "TRADES_WITH", "European Union"),
        ),
        ("US-China talks resumed in Geneva.", ("United States", "MET_WITH", "China")),
        ("The Iran-Iraq war ended in 1988.", ("Iran", "IN_CONFLICT_WITH", "Iraq")),
        ("Russia's Vladimir Putin arrived.", ("Vladimir Putin", "HOLDS_OFFICE", "Russia")),
    ],
)
def test_pairs_and_possessive_office_holders(text, expected):
    assert expected in triples(text)


def test_a_possessive_before_an_unknown_person_is_no_office():
    assert not any(p == "HOLDS_OFFICE" for _, p, _ in triples("Brazil's Ana Lima arrived in Lima."))


def test_aliases_keep_names_not_pronouns_or_anaphors():
    from explorer.extract import extract_text

    facts = extract_text(
        "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday. He met Volodymyr Zelensky there.", "a1"
    )
    aliases = {a for f in facts for a in (*f.subject_aliases, *f.object_aliases)}
    assert aliases, facts
    assert not aliases & {"he", "He", "his", "it", "the court"}
    assert all(a[:1].isupper() for a in aliases)
