"""The attribution sieve: each rule on prose where it must fire and where it must not."""

from __future__ import annotations

from pathlib import Path

from quotes.documents import read_article
from quotes.mentions import without_party
from quotes.pipeline import process
from quotes.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(body: str, title: str | None = None) -> Article:
    return Article(path="t.txt", name="t.txt", body=body, sha256="x", title=title)


def who(body: str, kind=("direct", "partial")) -> list[tuple[str, str | None, str]]:
    return [
        (q.text, q.speaker.name if q.speaker else None, q.rule)
        for q in process(article(body))
        if q.kind in kind
    ]


def indirect_speakers(body: str) -> list[str | None]:
    return [speaker for _, speaker, _ in who(body, kind=("indirect",))]


def test_cue_after_quote_with_name_and_with_inversion():
    body = (
        "Plant to close\n\n\"This is a painful decision,\" said Sarah Collins, the company's chief executive.\n\n"
        "\"They knew for months,\" Tom Baker told reporters.\n"
    )
    assert who(body) == [
        ("This is a painful decision,", "Sarah Collins", "cue_after_quote"),
        ("They knew for months,", "Tom Baker", "cue_after_quote"),
    ]


def test_cue_before_quote_with_colon():
    body = "Talks resume\n\nForeign Minister Ana Ruiz said: “We are ready to talk.”\n"
    assert who(body) == [("We are ready to talk.", "Ana Ruiz", "cue_before_quote")]


def test_partial_quote_goes_to_the_subject_of_its_reporting_sentence():
    body = "Exit talks\n\nJohn Park said the exit should be handled through “a process of dialogue,” and left.\n"
    assert who(body) == [("a process of dialogue,", "John Park", "reporting_clause")]


def test_appositive_names_the_person_not_the_organisation():
    body = (
        "Markets\n\nRoger Hill, an analyst at Capital Economics, said the plan was ambitious. "
        "‘The numbers don’t add up,’ he said.\n"
    )
    assert who(body) == [("The numbers don’t add up,", "Roger Hill", "cue_after_quote")]


def test_shared_surname_goes_to_the_right_person_by_title_and_gender():
    body = (
        "Strike vote\n\nUnion leader Tom Baker called it “a betrayal of loyal staff”.\n\n"
        "His wife, Jane Baker, who works at the plant, said she was shocked. \"I have worked here for 20 years,\" she said.\n\n"
        "\"We will fight this,\" Mr Baker said.\n"
    )
    speakers = [s for _, s, _ in who(body)]
    assert speakers == ["Tom Baker", "Jane Baker", "Tom Baker"]


def test_she_is_never_given_to_a_man():
    body = "Vote\n\nMr Adam Cole spoke first.\n\n“We lost,” she said.\n"
    assert who(body) == [("We lost,", None, "none")]


def test_pronoun_skips_photo_captions():
    quotes = process(read_article(SEEDS / "004_b2f01543d6d57b4f.txt"))
    first = next(q for q in quotes if q.text.startswith("The end of the international coalition"))
    assert first.speaker.name == "Mohammed Shia al-Sudani"
    assert first.mention == "he"


def test_description_resolves_to_the_person_with_that_title():
    quotes = process(read_article(SEEDS / "000_d4b36f4aa373779f.txt"))
    formula = next(q for q in quotes if q.text == "formula")
    assert formula.speaker.name == "Mohammed Shia al-Sudani"
    assert formula.mention.lower() == "the prime minister"


def test_the_statement_speaks_for_whoever_issued_it():
    body = (
        "Truce\n\nThe Northern Alliance – a group of armed factions – released a statement on Tuesday.\n\n"
        "“We will continue to defend our people,” the statement reads.\n"
    )
    assert who(body) == [("We will continue to defend our people,", "Northern Alliance", "document_cue")]


def test_unnamed_speaker_keeps_its_description():
    body = "Talks\n\nA Pentagon spokeswoman said the meeting was “not a negotiation about withdrawal.”\n"
    assert who(body) == [("not a negotiation about withdrawal.", "Pentagon spokeswoman", "reporting_clause")]


def test_quote_only_paragraph_continues_the_previous_speaker():
    body = (
        "Davos\n\n\"The mission is over,\" Ana Ruiz said in Davos.\n\n"
        "\"It is also time for new relations.\"\n"
    )
    assert who(body)[1] == ("It is also time for new relations.", "Ana Ruiz", "continued_paragraph")


def test_quote_with_nobody_named_stays_unattributed():
    body = "Review\n\nThe meeting aimed at “reviewing the mission of the coalition against the group.”\n"
    assert who(body) == [("reviewing the mission of the coalition against the group.", None, "none")]


def test_scare_quotes_are_left_out():
    body = "Shift\n\nThe government hoped for a transition to an “advisory role.” Talks went on.\n"
    assert who(body) == []


def test_a_short_quote_that_is_a_sentence_of_its_own_is_kept():
    """Two words in marks mid-sentence are a scare quote; as a sentence of their own they are speech."""
    body = "Lab\n\nShe pauses. “Every day.” The work goes on.\n"
    assert who(body) == [("Every day.", None, "none")]


def test_quote_beside_a_cued_quote_in_the_same_paragraph():
    body = "Gaza\n\n“This is the only solution.” Otherwise, we will see conflict,” Ana Ruiz predicted.\n"
    assert [s for _, s, _ in who(body)] == ["Ana Ruiz", "Ana Ruiz"]
    assert who(body)[0][2] == "same_paragraph"


def test_name_in_an_appositive_beats_the_description_before_it():
    body = "Homes\n\nThe housing secretary, Angela Rayner, has insisted the target is “achievable” despite warnings.\n"
    assert who(body) == [("achievable", "Angela Rayner", "reporting_clause")]


def test_role_words_before_a_name_are_not_the_speaker():
    body = "Storm\n\n\"Conditions will remain hazardous,\" said Met Office chief forecaster Paul Gundersen.\n"
    assert who(body) == [("Conditions will remain hazardous,", "Paul Gundersen", "cue_after_quote")]


def test_the_company_is_the_organisation_named_before():
    body = (
        "Spills\n\nThames Water said it was working to reduce spills. "
        "“We recognise we need to do more,” the company said.\n"
    )
    assert who(body) == [("We recognise we need to do more,", "Thames Water", "cue_after_quote")]


def test_an_unresolved_common_noun_keeps_its_own_words():
    body = "Fire\n\n\"We ask people to stay away from the burn area,\" the department said in a statement.\n"
    assert who(body) == [("We ask people to stay away from the burn area,", "department", "cue_after_quote")]


def test_a_description_with_a_proper_modifier_names_itself():
    body = "Talks\n\nThe Ruritanian government said in a statement that “the talks will go on for a while.”\n"
    assert who(body)[0][1] == "Ruritanian government"


def test_colon_introduction_with_any_verb():
    body = (
        "Stadium\n\n\"This deal is a giveaway,\" said Councilwoman Rachel Kim.\n\n"
        "Councilman David Ortiz disagreed.\n\nKim shot back: \"I have read the study.\"\n"
    )
    assert who(body)[-1] == ("I have read the study.", "Rachel Kim", "colon_introduction")


def test_speakers_taking_turns_keep_their_own_quotes():
    body = (
        "Stadium\n\n\"This deal is a giveaway,\" said Councilwoman Rachel Kim. \"Taxpayers will pay.\"\n\n"
        "Councilman David Ortiz disagreed. \"It will bring jobs,\" he said.\n\n"
        "\"We listened to every side,\" Mayor Linda Park said.\n"
    )
    assert [s for _, s, _ in who(body)] == ["Rachel Kim", "Rachel Kim", "David Ortiz", "Linda Park"]


def test_a_dateline_is_not_an_organisation():
    body = (
        "Fire\n\nLOS ANGELES (AP) — Firefighters contained half of the fire.\n\n"
        "\"We ask people to stay away,\" the department said in a statement.\n"
    )
    assert who(body)[0][1] == "department"


def test_a_quote_running_over_paragraphs_takes_the_speaker_its_last_paragraph_names():
    body = (
        "Board\n\n“The last two years have been difficult. We lost trust.\n\n"
        "“Now we have to earn it back,” said Mr. John Smith, who joined in 2015.\n"
    )
    assert [(s, r) for _, s, r in who(body)] == [("John Smith", "quote_runs_on"), ("John Smith", "cue_after_quote")]


def test_the_official_is_the_unnamed_official_met_before():
    body = (
        "Deal\n\nAnna Cole said she disagreed.\n\n"
        "A senior official at the ministry, who asked not to be named, said the government was watching.\n\n"
        "'We are concerned,' the official said.\n"
    )
    assert who(body)[-1][1] == "senior official at the ministry"


def test_it_is_the_organisation_that_spoke_last():
    body = (
        "Deal\n\nThe ministry said in a statement that it would review the deal.\n\n"
        "\"This is a matter for shareholders,\" it added.\n"
    )
    assert who(body) == [("This is a matter for shareholders,", "ministry", "cue_after_quote")]


def test_a_clause_before_the_verb_is_not_a_speaker():
    body = (
        "Talks\n\nThe escalation came as the Ruritanian government was continuing efforts "
        "to move to an “advisory role for the foreign troops.”\n"
    )
    assert who(body) == [("advisory role for the foreign troops.", None, "none")]


def test_a_statement_from_someone_is_theirs():
    body = (
        "Deal\n\nThe Ruritanian Foreign Ministry met envoys on Monday.\n\n"
        "“We will not accept the terms,” according to a statement from the Ruritanian Foreign Ministry.\n"
    )
    assert who(body)[0][1] == "Ruritanian Foreign Ministry"


def test_a_role_points_back_to_the_person_just_named():
    body = (
        "Energy\n\nBRUSSELS — Ursula von der Leyen has a favourite phrase. "
        "\"We are not going back,\" the European Commission president says.\n"
    )
    assert who(body) == [("We are not going back,", "Ursula von der Leyen", "cue_after_quote")]


def test_a_spokeswoman_is_not_the_person_just_named():
    body = (
        "Troops\n\nLloyd Austin visited troops on Monday. "
        "\"No decision has been made,\" the Pentagon spokeswoman said.\n"
    )
    assert who(body)[0][1] == "Pentagon spokeswoman"


def test_a_verb_inside_the_appositive_is_not_the_cue():
    body = (
        "Vaccines\n\n\"This is a turning point,\" Bruno Lindqvist, a military official who asked not to be named, "
        "warned on Friday evening.\n"
    )
    assert who(body) == [("This is a turning point,", "Bruno Lindqvist", "cue_after_quote")]


def test_a_block_quote_introduced_by_the_paragraph_above():
    body = (
        "Speech\n\nIn a speech to the party conference, the prime minister, Keir Starmer, said:\n\n"
        "“We will rebuild this country brick by brick.”\n\n"
        "“And we will not stop until the job is done.”\n"
    )
    assert [(s, r) for _, s, r in who(body)] == [
        ("Keir Starmer", "introduced_above"),
        ("Keir Starmer", "continued_paragraph"),
    ]


def test_a_colon_above_without_a_speaker_names_nobody():
    body = "Rules\n\nThe new rules read as follows:\n\n“No vehicle may enter the park after dusk.”\n"
    assert who(body) == [("No vehicle may enter the park after dusk.", None, "none")]


def test_tabloid_single_marks_with_age_and_town_appositives():
    body = (
        "Bins\n\nSarah Jones, 34, from Leeds, said: 'It's disgusting. The bins are overflowing.'\n\n"
        "'We pay our council tax like everyone else,' she added.\n"
    )
    assert [s for _, s, _ in who(body)] == ["Sarah Jones", "Sarah Jones"]


def test_a_role_given_in_apposition_names_the_speaker_later():
    body = (
        "Budget\n\nTom Park, the company's chief executive, said the results were strong. "
        "Lena Ortiz, an analyst at Brightline, said the plan was ambitious.\n\n"
        "\"We are only getting started,\" the chief executive said.\n"
    )
    assert who(body) == [("We are only getting started,", "Tom Park", "cue_after_quote")]


def test_they_is_the_group_named_before_else_the_person():
    group = "Vote\n\nThe union said it would strike.\n\n\"We have no choice,\" they said.\n"
    person = "Vote\n\nAlex Morgan, the opposition leader, spoke first.\n\n\"We have no choice,\" they said.\n"
    assert who(group)[0][1] == "union"
    assert who(person)[0][1] == "Alex Morgan"


def test_groups_of_unnamed_people_speak_as_a_group():
    body = (
        "Rail strike goes on\n\n"
        "“We will not back down,” officials said.\n\n"
        "“The trains were empty,” two witnesses told reporters.\n\n"
        "“Talks broke down at midnight,” said Iraqi security sources.\n\n"
        "“We are united,” union leaders said on Monday.\n\n"
        "“We will strike again,” they added.\n"
    )
    assert who(body) == [
        ("We will not back down,", "officials", "cue_after_quote"),
        ("The trains were empty,", "witnesses", "cue_after_quote"),
        ("Talks broke down at midnight,", "Iraqi security sources", "cue_after_quote"),
        ("We are united,", "union leaders", "cue_after_quote"),
        ("We will strike again,", "union leaders", "cue_after_quote"),
    ]


def test_a_plural_surname_or_a_clause_is_no_group():
    body = (
        "Budget row\n\n"
        "Anna Sanders chairs the committee. “The numbers do not add up,” Sanders said.\n\n"
        "“It will pass,” the vote went ahead as officials said.\n"
    )
    found = who(body)
    assert found[0] == ("The numbers do not add up,", "Anna Sanders", "cue_after_quote")
    assert all(speaker != "officials" for _, speaker, _ in found[1:])


def test_an_indefinite_speaker_needs_no_listed_noun():
    body = (
        "Minister quits\n\n"
        "“A shambles from start to finish,” one Tory backbencher told the Mail.\n\n"
        "“We never saw it coming,” a local shopkeeper said.\n\n"
        "“It was chaos,” a lot of people said.\n\n"
        "“Nobody listens,” a week later said.\n"
    )
    assert who(body) == [
        ("A shambles from start to finish,", "Tory backbencher", "cue_after_quote"),
        ("We never saw it coming,", "local shopkeeper", "cue_after_quote"),
        ("It was chaos,", None, "none"),
        ("Nobody listens,", None, "none"),
    ]


def test_inverted_role_then_name_gives_the_name():
    body = (
        "Lab cuts\n\n"
        "“The funding cuts hurt,” said the lab's director, Helen Okoro. “There's no way around that.”\n\n"
        "“We will appeal,” said the ministry, Reuters.\n\n"
        "“It was a long day,” said the spokesman, Monday.\n"
    )
    found = who(body)
    assert found[:2] == [
        ("The funding cuts hurt,", "Helen Okoro", "cue_after_quote"),
        ("There's no way around that.", "Helen Okoro", "same_paragraph"),
    ]
    assert found[2][1] != "Reuters"  # an organisation's description is not a person's role
    assert found[3][1] not in ("Monday", None)  # a day after the comma is no name: the spokesman speaks


def test_action_beat_before_a_quote():
    body = (
        "Lab\n\n"
        "Dr Priya Natarajan runs the lab. Natarajan shrugs. “It's mostly paperwork.”\n\n"
        "Reuters reported the deal. “It is done.”\n\n"
        "The minister left early. “Goodbye.”\n"
    )
    assert who(body) == [
        ("It's mostly paperwork.", "Priya Natarajan", "action_beat"),
        ("It is done.", None, "none"),
        ("Goodbye.", None, "none"),
    ]


def test_a_role_noun_before_a_full_name_is_a_title_not_part_of_the_name():
    body = (
        "Fire\n\n\"Please, if you are told to go, go,\" Jackson County Sheriff Nathan Sickler told reporters.\n\n"
        "Resident Maria Lopez, 54, said she had minutes to pack. \"I grabbed the dog,\" she said.\n\n"
        "\"We fought to the end,\" said Son Heung-min.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Nathan Sickler", "Maria Lopez", "Son Heung-min"]


def test_an_organisation_keeps_the_words_before_its_noun():
    body = (
        "Storm\n\nEnergy Networks Association said engineers were working \"around the clock\".\n\n"
        "\"Supplies are coming back,\" the Health Ministry said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Energy Networks Association", "Health Ministry"]


def test_a_first_name_beside_a_noun_of_kin_takes_its_gender():
    body = (
        "The keeper\n\n\"Habit,\" Jim Cotter says. His wife, Peggy, remembers the storms.\n\n"
        "\"Some nights the whole tower shook,\" she tells me.\n"
    )
    assert who(body)[-1][:2] == ("Some nights the whole tower shook,", "Peggy")


def test_a_first_name_alone_gets_no_gender_from_a_noun_that_is_not_kin():
    body = (
        "The keeper\n\n\"Habit,\" Jim Cotter says. The keeper, Peggy, remembers the storms.\n\n"
        "\"Some nights the whole tower shook,\" she tells me.\n"
    )
    assert who(body)[-1][:2] == ("Some nights the whole tower shook,", None)


def test_a_partial_quote_in_a_participle_clause_goes_to_the_subject_opening_the_sentence():
    body = "Storm\n\nFirst Minister Eluned Morgan thanked emergency workers, saying they had \"gone above and beyond\".\n"
    assert who(body) == [("gone above and beyond", "Eluned Morgan", "reporting_clause")]


def test_a_participle_clause_with_no_name_opening_the_sentence_finds_no_speaker():
    body = "Storm\n\nAfter the storm, people complained bitterly, saying the response was \"far too slow\".\n"
    assert who(body) == [("far too slow", None, "none")]


def test_a_description_with_other_words_is_another_speaker():
    body = (
        "Strike\n\nThe port authority said it was \"monitoring the situation\".\n\n"
        "\"Services will be cut,\" the transport authority said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["port authority", "transport authority"]


def test_a_specific_organisation_noun_does_not_point_at_a_name_without_it():
    body = (
        "Markets\n\nThe World Health Organization warned of shortages.\n\n"
        "\"Rates will stay where they are,\" the central bank said.\n"
    )
    assert who(body)[0][1] == "central bank"


def test_a_byline_and_a_dateline_agency_are_nobody_a_pronoun_can_find():
    body = (
        "Budget row\n\nMorning Courier, 3 Jan 2024\n\n"
        "OSLO (Coastal Times) - The budget has fallen behind schedule.\n\n"
        "\"We are deeply concerned,\" he said.\n"
    )
    assert who(body) == [("We are deeply concerned,", None, "none")]


def test_a_full_stop_inside_a_run_of_capitals_ends_the_name():
    body = (
        "Talks\n\nThe minister flew to Ankara. Maria Lopez met him there.\n\n"
        "\"We talked for hours,\" she said.\n"
    )
    assert who(body)[0][1] == "Maria Lopez"


def test_letters_after_a_name_are_not_part_of_it():
    body = "Fraud\n\nMarsh's barrister, David Kerr KC, said: \"My client is deeply ashamed.\"\n"
    assert who(body) == [("My client is deeply ashamed.", "David Kerr", "cue_before_quote")]


def test_a_name_after_a_possessed_role_speaks():
    body = (
        "Frogs\n\nHer colleague, Professor Luis Mendoza of the National University, said the find mattered. "
        "\"There are many more species,\" he added.\n"
    )
    assert who(body) == [("There are many more species,", "Luis Mendoza", "cue_after_quote")]
    assert indirect_speakers(body) == ["Luis Mendoza"]


def test_a_possessed_role_alone_names_nobody():
    body = "Frogs\n\nHer colleague said the find mattered. \"There are many more species,\" he added.\n"
    assert indirect_speakers(body) == []


def test_a_month_before_a_particle_is_a_given_name():
    body = "Drought\n\n\"We've had nothing since April,\" says Jan de Vries, who farms near the border.\n"
    assert who(body) == [("We've had nothing since April,", "Jan de Vries", "cue_after_quote")]


def test_an_organisation_named_through_of_or_for_is_one_name():
    body = (
        "Rates\n\n\"Inflation is falling,\" the Bank of England said.\n\n"
        "A Department for Education spokesperson said: \"Strikes are in nobody's interest.\"\n\n"
        "\"We will respond,\" said Roger Hill of Capital Economics.\n\n"
        "\"No comment,\" said Health Ministry spokesman Ali Bayati.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == [
        "Bank of England",
        "Department for Education spokesperson",
        "Roger Hill",
        "Ali Bayati",
    ]


def test_the_subject_of_a_passive_verb_is_not_the_speaker():
    body = (
        "Row\n\nJohn Smith met the board. He was told the plan was \"unworkable\". "
        "He was described as \"a liability\".\n\n"
        "Ana Ruiz has been saying for weeks that the plan is \"doomed\".\n"
    )
    assert who(body) == [("unworkable", None, "none"), ("a liability", None, "none"), ("doomed", "Ana Ruiz", "reporting_clause")]


def test_an_accusation_quotes_the_accuser():
    body = "Unrest\n\nOpposition leader Nana Akufo accused the police of \"brutality\" on Sunday.\n"
    assert who(body) == [("brutality", "Nana Akufo", "reporting_clause")]


def test_a_role_nobody_holds_is_someone_new_not_the_last_speaker():
    body = (
        "Protest\n\nOne demonstrator, Ama Owusu, said: \"Enough is enough.\"\n\n"
        "The interior minister accused opposition leaders of \"inciting violence\".\n"
    )
    assert who(body)[-1][:2] == ("inciting violence", "interior minister")


def test_a_document_named_for_its_body_is_that_body_speaking():
    body = (
        "Manager out\n\nNorthfield United have parted company with manager Steve Rowe.\n\n"
        "A club statement read: \"We thank Steve for his hard work.\"\n"
    )
    assert who(body) == [("We thank Steve for his hard work.", "Northfield United", "cue_before_quote")]


def test_an_age_description_is_the_person_just_named():
    body = (
        "Tribute\n\nCaptain Lewis Grant paid tribute to his former boss. "
        "\"He gave me my chance,\" said the 24-year-old midfielder. \"I owe him a lot.\"\n\n"
        "Singer Kylie Dawson was furious. \"I was promised a spot,\" the 36-year-old said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Lewis Grant", "Lewis Grant", "Kylie Dawson"]


def test_an_age_description_far_from_any_name_stays_unresolved():
    body = "Tribute\n\n" + "The season ended badly for the club and its fans. " * 8 + "\"It hurts,\" said the 24-year-old midfielder.\n"
    assert who(body) == [("It hurts,", "24-year-old midfielder", "cue_after_quote")]


def test_a_role_no_list_holds_before_a_known_given_name_is_not_the_name():
    body = "Snub\n\nSinger Kylie Dawson was furious. \"I was promised a spot,\" she said.\n"
    assert who(body) == [("I was promised a spot,", "Kylie Dawson", "cue_after_quote")]


def test_a_name_particle_is_never_taken_for_a_given_name():
    body = "Drought\n\n\"It has not rained,\" said Zofia van der Berg.\n"
    assert who(body) == [("It has not rained,", "Zofia van der Berg", "cue_after_quote")]


def test_a_pronoun_skips_a_name_whose_given_name_has_the_other_gender():
    body = "Budget\n\nDolores Ferreira met the minister.\n\n\"We are concerned,\" he said.\n"
    assert who(body) == [("We are concerned,", None, "none")]


def test_the_full_stop_after_a_name_is_not_part_of_it():
    body = "Visit\n\nThe talks were held in São Paulo.\n\n\"It went well,\" she said.\n"
    assert all(speaker != "São Paulo." for _, speaker, _ in who(body))


def test_a_partial_quote_whose_own_cue_names_nobody_known_takes_no_speaker_from_its_paragraph():
    body = (
        "Strike\n\nTheir owners said the strike was 'unnecessary'. "
        "A spokeswoman for Harbour Group said: 'We've made a fair offer.'\n"
    )
    assert who(body) == [("unnecessary", None, "none"), ("We've made a fair offer.", "spokeswoman for Harbour Group", "cue_before_quote")]


def test_a_plural_possessive_describes_its_speaker():
    body = "Strike\n\nThe ports' owners said the strike was 'unnecessary'.\n"
    assert who(body) == [("unnecessary", "ports' owners", "reporting_clause")]
    assert indirect_speakers(body) == []  # a description alone reports no indirect speech


def test_a_wire_dateline_with_a_date_names_nobody():
    body = "Oil\n\nLONDON, Nov 4 (Coastal Times) - Oil prices rose on Monday.\n\n\"The market is tight,\" he said.\n"
    assert who(body) == [("The market is tight,", None, "none")]


def test_quoted_as_saying_quotes_the_subject():
    body = "Budget\n\nFinance minister Rachel Reeves was quoted as saying the plan was \"fully funded\".\n"
    assert who(body) == [("fully funded", "Rachel Reeves", "reporting_clause")]


def test_a_name_after_a_dash_closing_the_paragraph_is_the_speaker():
    body = (
        "Budget\n\n“Every penny is accounted for.” — Rachel Reeves, Chancellor of the Exchequer\n\n"
        "“We will win” — the slogan — was everywhere.\n\n"
        "Shares were “fully priced” - at least on paper - by Friday.\n"
    )
    assert who(body) == [("Every penny is accounted for.", "Rachel Reeves", "dash_credit"), ("We will win", None, "none")]


def test_a_nationality_noun_is_the_person_just_named():
    body = (
        "Late winner\n\nVilla boss Unai Emery was left frustrated. \"We switched off,\" the Spaniard said.\n\n"
        "United manager Erik ten Hag praised his side. \"We never gave up,\" the Dutchman told Sky Sports.\n\n"
        + "The match was played in heavy rain before a crowd of forty thousand. " * 6
        + "\"It was a fair result,\" the Frenchman said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Unai Emery", "Erik ten Hag", "Frenchman"]


def test_an_agent_noun_is_the_person_just_named_but_a_thing_is_nobody():
    body = (
        "Transfer\n\nJonas Berg scored twice on Saturday. \"The goals came from the team,\" the striker said.\n\n"
        "The plan says the stadium will be rebuilt by \"the end of 2027\".\n"
    )
    assert who(body) == [("The goals came from the team,", "Jonas Berg", "cue_after_quote"), ("the end of 2027", None, "none")]


def test_the_second_half_of_a_split_quote_keeps_the_speaker_of_the_first():
    body = (
        "Library\n\n\"This is not a decision we took lightly,\" said Councillor Priya Shah, who chairs the "
        "finance committee, \"but the numbers simply do not add up.\"\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Priya Shah", "Priya Shah"]


def test_a_class_noun_finds_the_organisation_named_inside_a_phrase():
    body = (
        "Oil\n\n\"Prices will hold,\" said Tamas Varga of oil broker PVM.\n\n"
        "Analysts at Goldman Sachs expect Brent to average $85. \"We remain cautious,\" the bank said.\n"
    )
    assert who(body)[-1][:2] == ("We remain cautious,", "Goldman Sachs")


def test_a_crowd_chanting_is_the_speaker():
    body = "Protest\n\n\"We want our country back,\" chanted the crowd as they neared parliament.\n"
    assert who(body) == [("We want our country back,", "crowd", "cue_after_quote")]


def test_she_may_be_an_unnamed_person_just_described():
    body = (
        "Cuts\n\nIn a memo, chief executive Priya Raman wrote: \"This is the hardest decision.\"\n\n"
        "A former employee, who asked not to be named, said the cuts were expected. "
        "\"Everyone knew it was coming,\" she said.\n"
    )
    assert who(body)[-1][:2] == ("Everyone knew it was coming,", "former employee")
    assert indirect_speakers(body) == ["former employee"]


def test_a_title_outranks_the_usual_gender_of_a_census_given_name():
    body = (
        "Trolleys\n\nINMO general secretary Phil Ní Sheaghdha said the figures were shocking.\n\n"
        "\"This cannot continue,\" Ms Ní Sheaghdha said.\n\n"
        "Mrs Hill met Roger Hill. \"We disagree,\" Mrs Hill said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Phil Ní Sheaghdha", "Mrs Hill"]


def test_a_title_with_of_or_for_runs_on_to_the_name():
    body = "Trolleys\n\nMinister for Health Stephen Donnelly said he was \"very concerned\".\n"
    assert who(body) == [("very concerned", "Stephen Donnelly", "reporting_clause")]


def test_a_name_after_a_verb_and_before_more_words_is_its_object():
    body = (
        "Debate\n\nDaniel Price defended his record. Omar Haddad was unimpressed. "
        "He accused Price of \"cooking the numbers\".\n\n\"People can't afford to live here,\" he said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Omar Haddad", "Omar Haddad"]


def test_a_possessed_role_after_an_opening_phrase_gives_the_name():
    body = "Verdict\n\nSpeaking outside court, his solicitor, Amanda Grey, said: \"He is innocent.\"\n"
    assert who(body) == [("He is innocent.", "Amanda Grey", "cue_before_quote")]


def test_two_roles_joined_by_and_then_the_name():
    body = "Funding\n\nCo-founder and chief executive Maya Chen said the money would pay for \"more engineers\".\n"
    assert who(body) == [("more engineers", "Maya Chen", "reporting_clause")]


def test_a_one_word_company_named_as_a_subject_is_found_by_its_class_noun():
    body = (
        "Chaos\n\nSkyways has apologised to passengers after a computer failure.\n\n"
        "\"We are deeply sorry,\" the airline said.\n\n"
        "Iraq has asked for talks. \"We will see,\" he said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Skyways", None]


def test_a_capitalised_common_word_is_no_company():
    body = "Talks\n\nTalks were paused in March. The talks resume today.\n\n\"We are ready,\" the group said.\n"
    assert who(body)[0][1] == "group"


def test_a_name_after_any_verb_is_its_object_not_the_one_she_refers_to():
    body = (
        "Comeback\n\nEmma Raducanu played on Tuesday. The 21-year-old beat Ukraine's Dayana Yastremska 6-3 6-4. "
        "\"I'm just happy to be playing again,\" she said.\n\n"
        "\"It was windy,\" said Yastremska.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Emma Raducanu", "Dayana Yastremska"]


def test_a_possessive_and_an_organisation_noun_stand_for_the_possessor():
    body = (
        "Race\n\nHer challenger, businessman Greg Tate, dismissed the event. In a statement, his campaign said "
        "the senator had \"nothing to show for six years\".\n"
    )
    assert who(body) == [("nothing to show for six years", "Greg Tate", "reporting_clause")]


def test_a_participle_after_a_dateline_belongs_to_the_subject_after_it():
    body = "Rally\n\nPHOENIX — Senator Maria Alvarez opened her campaign on Saturday, promising to \"fight for every family\".\n"
    assert who(body) == [("fight for every family", "Maria Alvarez", "reporting_clause")]


def test_as_x_writes_introduces_a_quote():
    body = "Work\n\nAs the economist Juliet Schor writes, \"Time is the new status symbol.\"\n"
    assert who(body)[0][1] == "Juliet Schor"


def test_the_verdict_in_the_next_sentence_names_the_speaker():
    body = (
        "Reviews\n\n\"A thrilling, if overlong, return to form.\" That was the verdict of the critic Peter Bradshaw, "
        "who gave it four stars.\n\n\"A bloated mess.\" That was the mood in the foyer.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Peter Bradshaw", None]


def test_an_agency_quoting_someone_as_saying_quotes_that_someone():
    body = "Plan\n\nThe RIA news agency quoted Kremlin spokesman Dmitry Peskov as saying the plan \"does not work\".\n"
    assert who(body) == [("does not work", "Dmitry Peskov", "reporting_clause")]


def test_dismissed_as_is_a_quote_frame_not_a_scare_quote():
    body = "Plan\n\nThe Kremlin on Friday dismissed the proposal as \"unrealistic\".\n"
    assert who(body) == [("unrealistic", "Kremlin", "reporting_clause")]


def test_a_colon_after_a_role_and_its_name_in_commas():
    body = "Shops\n\nAnother trader, Ali Hassan, was blunter: \"The high street is dying.\"\n"
    assert who(body) == [("The high street is dying.", "Ali Hassan", "colon_introduction")]


def test_a_quote_in_brackets_opens_a_new_sentence():
    body = "Shops\n\nKaren Whitely said she paid twice as much now. (\"I can't go on,\" she added.)\n"
    assert [text for text, _, _ in who(body, kind=("indirect",))] == ["she paid twice as much now"]


def test_a_name_and_a_colon_opening_a_list_item_is_the_speaker():
    body = (
        "Reactions\n\nHere is what they said:\n\n- Prime Minister Karen Doyle: \"This budget puts families first.\"\n\n"
        "- Opposition leader Tom Hartley: \"It's a con.\"\n\nEdith Crane turned 100.\n\nSays Edith: \"I don't feel a day over 80.\"\n\n"
        "Note: \"Figures are provisional.\"\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Karen Doyle", "Tom Hartley", "Edith Crane", None]


def test_a_hyphenated_noun_of_kin_gives_its_gender():
    body = "Party\n\nEdith turned 100. Her great-grandson, Leo, 7, made a card. \"She's the best,\" he said.\n"
    assert who(body) == [("She's the best,", "Leo", "cue_after_quote")]


def test_a_participle_after_a_description_opening_the_sentence():
    body = (
        "Hustings\n\nMayor Sandra Okoye spoke first.\n\n"
        "The mayor hit back, accusing her rival of having \"no plan and no numbers\".\n"
    )
    assert who(body) == [("no plan and no numbers", "Sandra Okoye", "reporting_clause")]


def test_so_says_in_the_next_paragraph_names_the_speaker():
    body = (
        "Brewery\n\n\"We never expected this. We just make beer we like to drink.\"\n\n"
        "So says Hannah Price, who founded Cowshed Ales in 2019.\n"
    )
    assert who(body) == [("We never expected this. We just make beer we like to drink.", "Hannah Price", "verdict_after")]


def test_the_one_name_a_described_speaker_gave_is_the_speaker():
    body = (
        "Camps\n\nOne mother in the camp, who gave her name only as Layla, said her children had been sick. "
        "\"We burn plastic to keep warm,\" she said.\n\n"
        "\"Nobody comes,\" said a shopkeeper who gave only his first name, Omar.\n\n"
        "A man identified only as Karim told reporters the shelling had stopped.\n"
    )
    assert who(body, kind=("direct", "indirect")) == [
        ("her children had been sick", "Layla", "reported_clause"),
        ("We burn plastic to keep warm,", "Layla", "cue_after_quote"),
        ("Nobody comes,", "Omar", "cue_after_quote"),
        ("the shelling had stopped", "Karim", "reported_clause"),
    ]


def test_a_name_the_speaker_gives_to_something_else_is_not_theirs():
    body = "Camps\n\n\"We are exhausted,\" said a nurse who named the hospital only as Al-Awda.\n"
    [(_, speaker, _)] = who(body)
    assert speaker is not None and "Al-Awda" not in speaker


def test_a_quote_alone_after_narration_about_one_person_is_theirs():
    body = (
        "Violins\n\nBack at the bench, Teodora Vasic holds the violin up to the window and plucks the open G.\n\n"
        "“Maybe it will sing. Maybe it will sound like a cat.”\n"
    )
    assert who(body) == [("Maybe it will sing. Maybe it will sound like a cat.", "Teodora Vasic", "narrated_above")]


def test_a_quote_alone_after_narration_about_two_people_or_none_stays_unattributed():
    body = (
        "Violins\n\nTeodora Vasic met Graham Pryce at a festival in 1990.\n\n“Everybody thinks that.”\n\n"
        "The workshop opened in 1994.\n\n“A client is a client.”\n\nTeodora Vasic\n\n“Look at the varnish.”\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == [None, None, None]


def test_a_long_title_and_agency_between_quote_and_verb_still_cue_it():
    body = (
        "Cyclone\n\n\"The toll is likely to rise,\" Colonel Hery Andrianarivelo Rasolofomanana, director general of the "
        "National Office for Risk and Disaster Management (BNGRC), told AFP.\n\n"
        "\"We lost everything,\" a fisherman cried out as the water rose over the harbour wall and the boats that had been "
        "tied up along the quay for the night broke loose, one witness said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Hery Andrianarivelo Rasolofomanana", None]


def test_a_statement_opening_the_sentence_is_issued_by_the_speaker_the_sentence_names():
    body = (
        "Fuel\n\nHajiya Zainab Lawal spoke first. In a statement on Thursday, she averred that prices were unjust.\n\n"
        "\"The people are hungry, and they are angry,\" the statement read.\n"
    )
    assert who(body) == [("The people are hungry, and they are angry,", "Zainab Lawal", "document_cue")]


def test_a_quote_alone_after_a_paragraph_of_reported_speech_is_the_last_speakers():
    body = (
        "Wildfire\n\nIncident commander Dale Oduya said crews had held the line. Marisol Quan, a fire officer, agreed.\n\n"
        "Oduya told Marisol Quan that the forecast was now the biggest concern.\n\n"
        "\"We've got a cold front coming through Wednesday afternoon.\"\n"
    )
    assert who(body) == [("We've got a cold front coming through Wednesday afternoon.", "Dale Oduya", "narrated_above")]


def test_a_one_word_name_described_as_a_company_issues_its_post_and_a_noun_after_the_is_no_verb():
    body = (
        "Dial\n\nHomewise, the smart home company best known for its thermostats, will shut down its servers.\n\n"
        "The company announced the change in a blog post. \"We didn't make this decision lightly,\" the post reads.\n"
    )
    assert who(body) == [("We didn't make this decision lightly,", "Homewise", "document_cue")]


def test_given_names_from_other_countries_carry_their_gender():
    body = (
        "Ferry\n\nMehmet Demir runs the ferry. His partner is Zeynep Kaya, a doctor.\n\n"
        "\"We work every day,\" he says. \"Nobody else will,\" she adds.\n\n"
        "Chukwuemeka Obi met Ngozi Eze at the port. \"It was chaos,\" he said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Mehmet Demir", "Zeynep Kaya", "Chukwuemeka Obi"]


def test_the_one_told_is_never_the_subject_an_epithet_points_back_to():
    body = (
        "Match\n\n\"I just hit it,\" Femi Okonjo told BBC Sport.\n\n"
        "The 20-year-old later posted a photo on Instagram with the caption: \"Dreamed about this since I was seven.\"\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Femi Okonjo", "Femi Okonjo"]


def test_that_was_how_the_next_sentence_names_the_speaker_and_how_it_ended_names_no_one():
    body = (
        "Crash\n\nRyan Colley, 27, was jailed.\n\n\"I panicked. I knew I was banned.\"\n\n"
        "That was how Colley explained his actions to detectives, the court was told.\n\n"
        "\"It is over.\" That was how it ended.\n"
    )
    assert [(speaker, rule) for _, speaker, rule in who(body)] == [("Ryan Colley", "verdict_after"), (None, "none")]


def test_a_family_speaks_as_the_family_of_the_person_named():
    body = (
        "Crash\n\nJamie Fenwick, 34, died in hospital. Ryan Colley, 27, was jailed.\n\n"
        "Detective Sergeant Paul Ridley read a statement on behalf of Mr Fenwick's family.\n\n"
        "“Jamie was the kind of man who would do anything for anyone,” it said.\n\n"
        "“He was our world,” his family added. The victim's family said they were “devastated”.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Fenwick family", "Fenwick family", "Fenwick family"]


def test_a_phrase_before_the_subject_and_as_someone_put_it():
    body = (
        "Dial\n\nIn a post on Threads, Homewise CEO Mirela Kovacs defended the decision, writing that the servers "
        "\"would mean asking newer customers to subsidize a platform we can't secure.\"\n\n"
        "Or, as one Reddit user put it, \"buy something with a screwdriver-compatible future.\"\n"
    )
    assert [(speaker, rule) for _, speaker, rule in who(body)] == [
        ("Mirela Kovacs", "reporting_clause"),
        ("Reddit user", "cue_before_quote"),
    ]


def test_it_after_a_sentence_about_a_document_is_the_document_of_whoever_issued_it():
    body = (
        "Fire\n\nThe Thompson-Fraser Regional District expanded an evacuation order late Monday.\n\n"
        "Crews worked through the night. Carla Mendes said the wind had turned.\n\n"
        "The expanded order, issued at 9:40 p.m., covers the valley. It reads, in part: \"Residents must leave now.\"\n\n"
        "The river rose overnight. \"It is still rising,\" she said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Thompson-Fraser Regional District", "Carla Mendes"]


def test_the_company_is_the_organisation_named_since_even_paragraphs_back():
    body = (
        "Dial\n\nThe company says the Dial can't be kept secure.\n\n"
        "Homewise, the smart home company best known for its round, brass-ringed thermostats, will shut down the "
        "cloud servers that power its first-generation Dial thermostat on March 31st. After that date, the Dial will "
        "no longer connect to the app, learn schedules, or respond to voice assistants, and will work only as a basic "
        "manual thermostat, which owners say is not what they paid for when they bought it years ago.\n\n"
        "\"We didn't make this decision lightly,\" the company said.\n"
    )
    assert who(body) == [("We didn't make this decision lightly,", "Homewise", "cue_after_quote")]


def test_a_social_media_user_name_is_a_speaker():
    body = (
        "Dial\n\n\"I bought this thing to learn my schedule,\" wrote the thread's author, u/coldbrew_dad.\n\n"
        "Another commenter, u/tessellate_44, was shorter: \"Never buying anything that needs a server again.\"\n\n"
        "\"Not again,\" @jsmith wrote.\n\nEmail us at news@example.com: \"Tips welcome.\"\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["u/coldbrew_dad", "u/tessellate_44", "@jsmith", None]


def test_and_inside_a_body_s_name_is_not_two_speakers():
    body = (
        "Arms\n\nDevelopment and Liberation bloc MP Ayman Chmeisani said the Speaker would not call a session "
        "\"for the time being.\"\n\n"
        "A spokesperson for the Ministry of Housing, Communities and Local Government said: 'We recognise the pressures.'\n\n"
        "The spokesperson added that the government would 'not hesitate to intervene' where there was mismanagement.\n\n"
        "\"It is safe,\" the Food and Drug Administration said. \"We agree,\" Ursula Reyes and Tom Fischer said.\n"
    )
    speakers = [speaker for _, speaker, _ in who(body)]
    ministry = "spokesperson for the Ministry of Housing Communities and Local Government"
    assert speakers == ["Ayman Chmeisani", ministry, ministry, "Food and Drug Administration", "Ursula Reyes"]


def test_the_tail_of_a_body_s_name_after_and_or_of_is_no_person_a_pronoun_finds():
    body = (
        "Iran\n\nBehnam Golshiri, an analyst who has advised the Institute for Political and International Studies "
        "(IPIS), said the Islamic Republic had gained.\n\n\"Our neighbors have seen that,\" he told Al-Monitor.\n\n"
        "Snow fell across northern England and Scotland. \"It will get colder,\" said Secretary of State Antony Blinken.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Behnam Golshiri", "Antony Blinken"]


def test_a_family_no_one_has_named_is_the_family():
    body = "Crash\n\nA man, 34, died in hospital.\n\n\"We miss him every day,\" his family said.\n"
    assert who(body) == [("We miss him every day,", "family", "cue_after_quote")]


def test_a_statement_read_out_speaks_for_whoever_it_is_from_not_the_reader():
    body = (
        "Verdict\n\nMs. Marisol Ferreira-Haynes was convicted on Friday.\n\n"
        "Mr. Jonathan Birnbaum then read a statement from Ms. Ferreira-Haynes, who did not speak to reporters.\n\n"
        "“I made mistakes in how I kept records,” the statement said.\n\n"
        "Amy Castellanos read a statement to reporters. “We are grateful,” the statement said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Marisol Ferreira-Haynes", "Amy Castellanos"]


def test_an_icelandic_daughter_s_name_is_a_woman_s():
    body = "Ice\n\nHalldóra Vigfúsdóttir met Jón Berg in 1963. \"I was cold,\" she said.\n"
    assert who(body) == [("I was cold,", "Halldóra Vigfúsdóttir", "cue_after_quote")]


def test_her_daughter_is_the_daughter_named_before_and_an_unnamed_lawyer_stays_a_lawyer():
    body = (
        "Ice\n\nHalldóra Vigfúsdóttir died. Her daughter, Sigrún Ólafsdóttir, said the cause was pneumonia.\n\n"
        "\"She never once told us to be careful,\" her daughter said.\n\n\"He was fine,\" his lawyer said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Sigrún Ólafsdóttir", "lawyer"]


def test_a_name_and_a_long_description_in_commas_before_a_colon():
    body = (
        "Copper\n\nTomás Echeverría, head of metals research at Bayview Partners in New York, was more cautious: "
        "“Buying at the top of the cycle is the oldest mistake.”\n\n"
        "The Treasurer, Jim Chalmers, has ruled out a rise, saying the government has “no plans whatsoever”.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Tomás Echeverría", "Jim Chalmers"]


def test_a_name_a_sentence_opens_on_is_its_topic_and_a_name_after_an_honorific_keeps_its_first_word():
    body = (
        "Iran\n\nKourosh Rahimian said the talks were useful. Hamad Al Busaidi told a forum the sultanate was ready.\n\n"
        "For Rahimian, the coming months will show whether the detente holds.\n\n"
        "\"Everyone in the region is hedging,\" he said.\n\n"
        "The delegation is headed by Dr. Aras Jalal Barzinji. \"We are ready,\" Barzinji said.\n\n"
        "An Opec+ delegate told reporters the talks were hard. \"There is no appetite for a price war,\" the delegate said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Kourosh Rahimian", "Aras Jalal Barzinji", "Opec+ delegate"]


def test_a_statement_opening_a_sentence_with_a_participle_after_it():
    body = (
        "Ceasefire\n\nThe Prime Minister's Office said in a brief statement that talks would go on.\n\n"
        "In a statement posted to its Telegram channel, Hamas said it had studied the proposal.\n\n"
        "“The movement has shown all the flexibility required,” the statement read.\n"
    )
    assert who(body) == [("The movement has shown all the flexibility required,", "Hamas", "document_cue")]


def test_the_actress_is_the_woman_just_named_not_the_man_of_unknown_gender_after_her():
    body = (
        "Film\n\nMarisol Keane walked the carpet. Theo Albright scored the film.\n\n"
        "\"It was the easiest yes of my life,\" the actress said.\n\nJohn Smith arrived. \"Great,\" the 34-year-old said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Marisol Keane", "John Smith"]


def test_a_us_politician_s_party_and_state_in_brackets_is_no_appositive():
    body = (
        "Base\n\n“Our troops have been attacked. Enough,” Sen. Roger Whitfield (R-Miss.), a member of the Armed "
        "Services Committee, wrote in a post on X.\n\n“It was legal,” Rep. Ana Ruiz (D-N.Y.) said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Roger Whitfield", "Ana Ruiz"]


def test_a_name_after_a_possessive_is_a_thing_and_only_say_verbs_invert():
    body = (
        "Premiere\n\nCallum Reyes, 29, missed the premiere. Reyes himself shared a video on his Instagram Story.\n\n"
        "\"Go see our movie or I'll cry,\" he wrote over the clip.\n\n"
        "Marisol Keane posted a carousel of photos from a fitting, writing, \"Fourth dress of the day.\"\n\n"
        "\"Proud,\" he said.\n\n\"Wrote her a song,\" Theo Albright captioned the post.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Callum Reyes", "Marisol Keane", "Callum Reyes", "Theo Albright"]


def test_an_inverted_senator_with_party_and_state_is_named():
    body = "Base\n\n\"It risks handing Tehran a victory,\" said Sen. Dale Whitacre (R-Ohio), who sits on the committee.\n"
    assert who(body) == [("It risks handing Tehran a victory,", "Dale Whitacre", "cue_after_quote")]


def test_an_epithet_reaches_back_over_a_long_paragraph_and_its_quote():
    body = (
        "Final\n\nBeatriz Almeida Souza, known as \"Bia\" to the fans who packed the Campo Centrale, had not dropped a "
        "set all week and led by a set and a break early in the second before her forehand deserted her and the "
        "match slipped away from her in front of a stunned crowd.\n\n"
        "\"I had my chances. In the second set I was playing well, and then I started to think too much about the "
        "finish line,\" the Brazilian told reporters.\n"
    )
    [(_, speaker, _)] = [q for q in who(body) if q[0] != "Bia"]
    assert speaker == "Beatriz Almeida Souza"


def test_what_he_called_and_an_ap_party_and_state_in_commas():
    body = (
        "Base\n\nIn a statement, government spokesman Adnan al-Zubaidi condemned what he called a “reckless act”.\n\n"
        "Rep. Dale Whitacre, R-Ohio, a member of the House Armed Services Committee, said the drawdown "
        "\"risks handing Tehran a victory.\"\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Adnan al-Zubaidi", "Dale Whitacre"]


def test_an_unnamed_official_with_an_initialism_is_the_official_and_as_she_puts_it():
    body = (
        "Drawdown\n\nMaj. Gen. Haider al-Karkhi said the convoys had left.\n\n"
        "A U.S. defense official confirmed that the drawdown had begun.\n\n"
        "\"This is a deliberate transition, not a retreat,\" the official said.\n\n"
        "But the truce, as Noor al-Hadithi puts it, ‘has always been conditional’.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["U.S. defense official", "Noor al-Hadithi"]


def test_a_question_closing_its_quote_and_a_capitalised_cue_after_it():
    body = (
        "Base\n\nFadhil al-Rikabi spoke.\n\n\"Erbil is not outside Iraq. What is the difference?\" Rikabi said.\n\n"
        "\"Why now?\" The crowd roared. Ana Ruiz said nothing.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Fadhil al-Rikabi", None]


def test_a_long_title_ending_in_a_body_then_a_name_and_a_verb_form_after_a_verb_is_a_noun():
    body = (
        "Iran\n\nSecretary of Iran's Supreme National Security Council Ali-Akbar Hosseinpour also reacted to the strike "
        "in a post on his X account, writing that \"the Americans will not find security.\"\n\n"
        "Democratic Rep. Alicia Montero of California, a member of the House Foreign Affairs Committee, urged caution.\n\n"
        "“We have to protect our troops, full stop,” she said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Ali-Akbar Hosseinpour", "Alicia Montero"]
    assert who(body, kind=("indirect",)) == []


def test_a_party_in_brackets_after_a_name_is_no_appositive_but_an_acronym_names_its_body():
    body = (
        "Israel\n\n“Dahiyeh is not immune,” Minister Ofer Lavi (Likud), a member of the security cabinet, told Army Radio.\n\n"
        "A report by the Syrian Network for Return and Property Rights (SNRPR), a monitoring group, was released.\n\n"
        "“Returnees are frequently required to present documents,” SNRPR said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Ofer Lavi", "SNRPR"]


def test_a_partial_after_but_said_belongs_to_the_subject_before_and_brig_gen_ends_no_sentence():
    body = (
        "Base\n\nKataib Hezbollah welcomed the move in a statement but said it would \"watch closely\" what happened.\n\n"
        "Minister Syed Jam Shahid Ali Shah termed the statement \"a pack of lies\".\n\n"
        "\"Our forces are on high alert,\" Brig. Gen. Sarbast Omar Rasul, the ministry's spokesperson, told Kurdistan24.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Kataib Hezbollah", "Jam Shahid Ali Shah", "Sarbast Omar Rasul"]


def test_titles_before_a_name_keep_its_first_word_and_a_name_after_when_is_the_subject():
    body = (
        "Canals\n\nSindh Irrigation Minister Syed Jam Shahid Ali Shah termed the statement \"a pack of lies\".\n\n"
        "\"We are on alert,\" Brig. Gen. Sarbast Omar Rasul, the ministry's spokesperson, told Kurdistan24.\n\n"
        "The debate gained urgency when Foreign Minister Fuad Hussein said the government \"was trying\".\n\n"
        "\"I love it,\" said Singer Kylie Dawson.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == [
        "Jam Shahid Ali Shah", "Sarbast Omar Rasul", "Fuad Hussein", "Kylie Dawson",
    ]


def test_a_titled_name_inside_an_of_phrase_is_an_object_and_an_infinitive_inverts_nothing():
    body = (
        "Speech\n\n\"They will leave,\" Hassan Nasrallah said in an address marking the assassination of top "
        "Hezbollah commander Imad Mughniyeh.\n\n\"Nobody in Tehran gives orders,\" he added.\n\n"
        "For Sarah Fournier, a researcher, the text allows the premier to claim a victory at home.\n\n"
        "\"Sudani needed a date,\" she said.\n\nLate on Monday, the Guard said it had hit a \"headquarters\".\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Hassan Nasrallah", "Hassan Nasrallah", "Sarah Fournier", "Guard"]


def test_a_name_after_a_or_an_is_a_modifier_not_a_person():
    body = (
        "Insurance\n\nGreg Tanaka, 67, lost his home in the fire.\n\n"
        "Tanaka has a FAIR Plan policy now, plus a separate policy.\n\n\"I want to believe her,\" he said.\n"
    )
    assert who(body) == [("I want to believe her,", "Greg Tanaka", "cue_after_quote")]


def test_the_father_of_two_and_the_mother_of_three_are_the_parent_just_named():
    body = (
        "Bins\n\nHer neighbour, Kyle Ashworth, 34, said he had seen rats in his garden.\n\n"
        "\"My little girl won't go out the back now,\" the father-of-two said.\n\n"
        "Grace Akinyi, 31, sells vegetables. \"We cannot afford private school,\" said the mother of three.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Kyle Ashworth", "Grace Akinyi"]


def test_a_councillor_with_a_capitalised_description_apologised_and_said():
    body = (
        "Bins\n\nCoun Rachel Bexley, Tameside Council's executive member for environment, apologised to residents and "
        "said the problems were the result of \"a perfect storm\" of staff shortages.\n\n"
        "The Treasurer, Jim Chalmers, has ruled it out, saying the government has \"no plans\".\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Rachel Bexley", "Jim Chalmers"]


def test_a_clause_that_reports_is_no_aside_to_skip_back_over():
    body = (
        "Timeline\n\nLeila Farouk Haddad, a senior fellow at the Middle East Institute in Washington, said the timing "
        "was driven as much by US politics as by Iraqi demands.\n\n\"There is fatigue with deployments,\" she said.\n\n"
        "Al Jazeera's Patrick Dunleavy, reporting from Washington, DC, said the administration was trying to balance "
        "deterrence.\n"
    )
    assert who(body) == [("There is fatigue with deployments,", "Leila Farouk Haddad", "cue_after_quote")]
    assert [speaker for _, speaker, _ in who(body, kind=("indirect",))] == ["Leila Farouk Haddad", "Patrick Dunleavy"]


def test_an_auxiliary_opening_a_question_is_no_name():
    body = (
        "Troops\n\nAre US troops really leaving Iraq?\n\nThe Pentagon said the drawdown would go on. "
        "\"We are on schedule,\" it said.\n"
    )
    assert who(body) == [("We are on schedule,", "Pentagon", "cue_after_quote")]


def test_an_unresolved_role_that_added_goes_on_for_the_last_speaker_and_her_neighbour_a_fisherman():
    body = (
        "Broadband\n\nThe committee's convener, Fiona Lachlan, told officials the delays were \"simply not acceptable\".\n\n"
        "The party's member for Argyll and Bute added: \"We have been patient.\"\n\n"
        "Her neighbour, a retired fisherman, put it more simply. \"We got the road first,\" he said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Fiona Lachlan", "Fiona Lachlan", "retired fisherman"]


def test_as_a_surname_put_it():
    body = (
        "Deal\n\nLeila Farouk Haddad, a senior fellow, said the timing was driven by politics.\n\n"
        "The deal, as Haddad put it, “lets everyone claim victory and nobody pay the bill”.\n"
    )
    assert who(body) == [("lets everyone claim victory and nobody pay the bill", "Leila Farouk Haddad", "cue_before_quote")]


def test_an_official_with_a_participle_after_the_noun_and_a_colon_before_the_quote():
    body = "Syria\n\nA senior U.S. official briefed on the call said the message to Sudani was blunt: “Keep your guys home.”\n"
    assert [speaker for _, speaker, _ in who(body)] == ["senior U.S. official briefed on the call"]
    assert who(body, kind=("indirect",)) == []  # an anonymous source's reported speech is no record


def test_a_quote_alone_after_narration_opening_with_she_is_hers():
    body = (
        "Lab\n\nDr Adelaide Voss restores lighthouse lenses in Maine.\n\n"
        "She holds up a vial, squints at the label, and puts it back.\n\n“Ask me in March.”\n"
    )
    assert who(body) == [("Ask me in March.", "Adelaide Voss", "narrated_above")]


def test_a_place_name_is_never_the_woman_a_pronoun_points_to():
    body = (
        "Clinic closes\n\n"
        "Hannah Vosburgh has delivered babies here for 26 years. She grew up on a farm, left for "
        "medical school in Kansas City, and came back.\n\n"
        "Kansas lawmakers have noticed, up to a point. A bill died in committee.\n\n"
        "She holds up a vial, squints at the label, and puts it back.\n\n"
        "“Ask me in March.”\n"
    )
    assert who(body) == [("Ask me in March.", "Hannah Vosburgh", "narrated_above")]


def test_a_square_where_a_crowd_chanted_is_no_speaker():
    body = (
        "Anniversary passes quietly\n\n"
        "In Baghdad’s Tahrir Square, where protesters once chanted “Iran out, America out”, the "
        "anniversary passed quietly. Tahrir Square was empty on Sunday.\n"
    )
    assert who(body) == [("Iran out, America out", "protesters", "cue_before_quote")]


def test_a_where_clause_closed_before_the_verb_leaves_the_subject_before_it():
    body = (
        "Talks\n\nKarim Saleh, who lives in Erbil, where he teaches, said the talks had “no future at all” "
        "and left.\n"
    )
    assert who(body) == [("no future at all", "Karim Saleh", "reporting_clause")]


def test_the_person_a_first_person_narrator_finds_is_who_she_is():
    body = (
        "The last delivery\n\n"
        "Hannah Vosburgh has delivered babies here for 26 years.\n\n"
        "“It’s the first domino,” says Amanda Kolb, a researcher at the university.\n\n"
        "On my last afternoon in town, I find Vosburgh back in the empty wing. She has been "
        "offered a job in Hays.\n\n"
        "She holds up a vial, squints at the label, and puts it back.\n\n"
        "“Ask me in March.”\n"
    )
    assert who(body)[-1] == ("Ask me in March.", "Hannah Vosburgh", "narrated_above")


def test_a_plural_noun_after_a_possessive_is_no_reporting_verb():
    body = (
        "Reactions\n\nLebanese Forces MP Georges Haddad said Nasrallah's remarks on Iraq showed that "
        "Hezbollah \"considers itself the spokesman\" of the whole axis.\n"
    )
    assert who(body) == [("considers itself the spokesman", "Georges Haddad", "reporting_clause")]


def test_a_clause_a_subordinator_opens_after_a_quote_is_no_cue():
    body = (
        "Speech\n\nHassan Nasrallah spoke for an hour. Hezbollah's leader also accused Washington of "
        "\"lying\" when it claims it wants to prevent a regional war.\n"
    )
    assert [rule for _, _, rule in who(body)] == ["reporting_clause"]  # not "it" of "when it claims"
    assert who("Talks\n\n\"We are ready,\" when asked, Omar Saleh said.\n")[0][1] == "Omar Saleh"


def test_a_name_in_the_possessive_is_the_person_its_surname_names_later():
    body = (
        "Kings win ugly\n\n"
        "The towel was still draped over Jalen Oyelaran's head when the cameras found him.\n\n"
        "\"Nobody saw that coming,\" said coach Terrence Halvorsen.\n\n"
        "With the arena emptying out, Oyelaran summed it up better than I can.\n\n"
        "\"Ugly counts,\" he said.\n"
    )
    assert who(body)[-1] == ("Ugly counts,", "Jalen Oyelaran", "cue_after_quote")


def test_an_arabic_name_of_three_parts_keeps_a_given_name_no_list_holds():
    body = (
        "Vote count\n\nRana Khalil al-Tamimi, a political scientist in Baghdad, argues the predicament is structural.\n\n"
        "“Every leader inside it has a veto,” she said.\n\n"
        "Rapper Ahmed al-Sayed said the vote was “a circus”.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Rana Khalil al-Tamimi", "Ahmed al-Sayed"]


def test_a_person_named_inside_reported_speech_is_not_the_he_who_says_the_next_quote():
    body = (
        "Town boss\n\n\"I heard it,\" Dean Marsh told reporters on Thursday.\n\n"
        "The 47-year-old confirmed that captain Kieran Doyle will miss Saturday's trip with a hamstring injury.\n\n"
        "\"Kieran's a big loss,\" he said.\n"
    )
    assert who(body)[-1] == ("Kieran's a big loss,", "Dean Marsh", "cue_after_quote")
    named_as_subject = (
        "Town boss\n\n\"I heard it,\" Dean Marsh told reporters on Thursday.\n\n"
        "Captain Kieran Doyle will miss Saturday's trip with a hamstring injury.\n\n"
        "\"It's frustrating,\" he said.\n"
    )
    assert who(named_as_subject)[-1] == ("It's frustrating,", "Kieran Doyle", "cue_after_quote")


def test_it_after_someone_issued_a_document_is_that_someone():
    body = (
        "Chairman backs manager\n\nRedbridge chairman Paul Okafor issued a statement on Wednesday evening "
        "giving his backing to the manager.\n\n"
        "\"Dean has the full support of the board,\" it read.\n"
    )
    assert who(body) == [("Dean has the full support of the board,", "Paul Okafor", "cue_after_quote")]
    resolution = (
        "Vote\n\nThat day, the Iraqi parliament passed a non-binding resolution in a session boycotted by most "
        "Kurdish legislators. It stated that the government \"must work to end the presence of any foreign troops\".\n"
    )
    assert [speaker for _, speaker, _ in who(resolution)] == ["Iraqi parliament"]


def test_dean_before_a_surname_alone_is_a_given_name():
    body = "Board\n\n\"I heard it,\" Dean Marsh told reporters.\n\nThe law school's dean, Ruth Amos, said it was \"a shame\".\n"
    assert [speaker for _, speaker, _ in who(body)] == ["Dean Marsh", "Ruth Amos"]


def test_a_word_and_a_role_before_a_name_open_the_sentence_for_its_colon():
    body = (
        "Defeat\n\nTop scorer Ben Whitfield, who has 14 goals this season, posted on Instagram after "
        "Saturday's defeat: \"Not good enough and we all know it.\"\n"
    )
    assert who(body) == [("Not good enough and we all know it.", "Ben Whitfield", "colon_introduction")]


def test_a_partial_quote_running_into_its_sentence_has_no_cue_after_it():
    body = (
        "Town boss\n\nRedbridge Town manager Dean Marsh says his players must \"stop feeling sorry for ourselves\" "
        "after a run of five games without a win left them two points above the relegation zone.\n"
    )
    assert [(speaker, rule) for _, speaker, rule in who(body)] == [("Dean Marsh", "reporting_clause")]
    british = "Row\n\nThe plan was 'a disaster', the mayor said.\n"
    assert [rule for _, _, rule in who(british)] == ["cue_after_quote"]


def test_a_name_joined_to_an_object_or_modifying_a_role_is_no_subject():
    body = (
        "Midfield\n\nMidfielder Lewis Carrick, the former Dunmore Athletic midfielder, insists the dressing room "
        "remains united.\n\nCarrick, who made more than 300 appearances for Wexham and Dunmore Athletic, admitted "
        "he had been frustrated with his form.\n\n\"I came here to help,\" he said.\n"
    )
    assert who(body)[-1] == ("I came here to help,", "Lewis Carrick", "cue_after_quote")


def test_party_initials_after_a_person_are_no_speaker_but_a_body_keeps_its_own():
    body = (
        "Closure\n\nLocal councillor Siobhán Ní Dhomhnaill (SF), who lives near the plant, said the closure "
        "would be felt in \"every shop and every pub\" in west Clare.\n"
    )
    assert who(body) == [("every shop and every pub", "Siobhán Ní Dhomhnaill", "reporting_clause")]
    body = "The World Health Organization (WHO), which met on Monday,"
    assert without_party(body) == body  # the letters name the body later: "WHO said"


def test_a_person_at_a_body_is_the_person_not_a_long_title():
    body = (
        "Results\n\nAnother analyst, Daniel Ashcroft at Morgan Stanley MUFG Securities, wrote in a note to "
        "clients that the quarter likely marked the bottom. He called the pullback \"an opportunity.\"\n"
    )
    assert who(body) == [("an opportunity.", "Daniel Ashcroft", "reporting_clause")]


def test_the_body_official_is_the_person_named_before_with_that_body_in_their_title():
    body = (
        "Cabinet stalls\n\nHezbollah deputy leader Sheikh Mohammad Hamadeh said in a televised speech that the party "
        "would not bow.\n\nUNIFIL spokesman Marco Bellini said peacekeepers had recorded 40 strikes.\n\n"
        "\"Every strike makes the job harder,\" said Bellini.\n\n"
        "The Hezbollah official also addressed the presidential vacuum.\n\n"
        "\"We extend our hand to everyone,\" he said.\n"
    )
    assert who(body)[-1] == ("We extend our hand to everyone,", "Mohammad Hamadeh", "cue_after_quote")


def test_a_role_in_apposition_before_a_name_is_their_title_but_not_a_bodys():
    body = (
        "Summit\n\nDutch Prime Minister Joost van Dalen said the pact was \"a start\".\n\n"
        "The Polish prime minister, Marek Wiśniowski, sided with the hardliners.\n\n"
        "\"Poland will not accept it,\" said the prime minister.\n"
    )
    assert who(body)[-1] == ("Poland will not accept it,", "Marek Wiśniowski", "cue_after_quote")
    hospital = (
        "Nurses walk out\n\nHospital chief executive Dr. Aisha Rahman said patient safety \"remains our top priority\".\n\n"
        "The hospital later confirmed that some operations had been postponed.\n"
    )
    assert [speaker for _, speaker, _ in who(hospital, kind=("indirect",))] == ["Hospital"]  # the body, not its chief


def test_a_party_label_before_the_verb_and_the_democrat_as_an_epithet():
    body = (
        "Stopgap passes\n\n\"We did our job tonight,\" House Majority Leader Dana Whitcomb, R-La., told reporters.\n\n"
        "Rep. Lena Okafor, D-Calif., who voted yes, said the choice was simple.\n\n"
        "\"I don't love this bill,\" the Democrat said.\n"
    )
    assert [(speaker, rule) for _, speaker, rule in who(body)] == [
        ("Dana Whitcomb", "cue_after_quote"),
        ("Lena Okafor", "cue_after_quote"),
    ]


def test_a_quote_below_a_paragraph_ending_in_a_colon_without_a_reporting_verb():
    body = (
        "Senate\n\nMajority Leader Tom Reardon said he hoped to vote before midnight.\n\n"
        "Reardon, in a statement released minutes after the House vote, took aim at Pruitt without naming him:\n\n"
        "\"The House has sent us a bill that keeps the lights on.\"\n"
    )
    assert who(body) == [("The House has sent us a bill that keeps the lights on.", "Tom Reardon", "introduced_above")]


def test_she_is_the_woman_a_paragraph_is_about_not_a_body_named_later_in_it():
    body = (
        "Storm\n\nState emergency director Carla Benning briefed reporters.\n\n"
        "Benning said 2,000 utility workers had been positioned before landfall. State officials also shut "
        "down the highway, according to the Florida Highway Patrol.\n\n"
        "\"We are going to be here for a long time,\" she said.\n"
    )
    assert who(body)[-1] == ("We are going to be here for a long time,", "Carla Benning", "cue_after_quote")


def test_a_surname_first_named_in_a_caption_is_a_person_and_a_practice_is_no_one():
    article_path = Path(__file__).resolve().parent / "blind" / "q2_nikkeiasia_earnings.txt"
    spoken = {q.text: q.speaker.name for q in process(read_article(article_path)) if q.speaker}
    assert spoken["Semiconductor equipment is a cyclical business. Everyone in this industry knows that,"] == "Ishikawa"
    practice = (
        "Schools close\n\nSuperintendent Alicia Moreno presented the plan. The district has drawn down its reserves, "
        "a practice state regulators have warned could hurt its rating.\n\n"
        "\"Nobody became an educator to close schools,\" she told trustees.\n"
    )
    assert who(practice) == [("Nobody became an educator to close schools,", "Alicia Moreno", "cue_after_quote")]


def test_a_reply_is_not_the_askers_and_a_role_as_subject_of_narration_is_who_he_is():
    body = (
        "Briefing\n\nState Department spokeswoman Miriam Castellanos took questions on Monday.\n\n"
        "\"So is that a threat to cut off Iraq?\" another reporter asked.\n\n"
        "\"It's a statement of our policy,\" she replied.\n"
    )
    assert who(body)[-1] == ("It's a statement of our policy,", "Miriam Castellanos", "cue_after_quote")
    minister = (
        "Strike\n\nDefense Minister Gideon Harpaz said the convoy had been tracked for days.\n\n"
        "Iranian spokesman Hamid-Reza Tavakoli said the strike was \"a crime\".\n\n"
        "Speaking at a memorial ceremony later in the evening, the defense minister returned to the subject.\n\n"
        "\"We learned the lessons of October 7,\" he said.\n"
    )
    assert who(minister)[-1] == ("We learned the lessons of October 7,", "Gideon Harpaz", "cue_after_quote")


def test_a_place_after_the_role_in_apposition_leaves_the_name_the_subject():
    body = (
        "Voicemails\n\nHanne Solberg, a clinical psychologist at the Norwegian Centre for Grief Research, in "
        "Trondheim, told me that voicemails occupy an unusual place.\n\n\"A photograph is a record,\" she said.\n"
    )
    assert who(body) == [("A photograph is a record,", "Hanne Solberg", "cue_after_quote")]
    assert who(body, kind=("indirect",))[0][1] == "Hanne Solberg"


def test_someones_response_before_a_colon_is_theirs():
    body = (
        "Ambulances\n\nBradford Sallis emailed the managers in March.\n\nTwo months later, a regional manager, Kyle "
        "Dunmore, replied that the post was uncovered. Sallis’ response, in full, was: “Not this quarter.”\n"
    )
    assert who(body) == [("Not this quarter.", "Bradford Sallis", "colon_introduction")]


def test_a_surname_stays_with_the_person_it_named_when_a_relative_is_named_later():
    body = (
        "Studio\n\nHer son, Teo Hale, 44, manages the studio's finances.\n\n"
        "\"My mother doesn't do retirement,\" Mr. Hale said.\n\n"
        "His father, Warren Hale, a transit mechanic, died in 2017.\n\n"
        "\"My father would already have been down there,\" Mr. Hale said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Teo Hale", "Teo Hale"]


def test_a_title_s_field_before_a_name_and_an_ampersand_inside_a_company_name():
    body = (
        "Grain\n\nIn a brief emailed statement, Brasilmar head of freight Lucas Ferreira said: ‘Our customers want "
        "to know the carbon footprint.’\n\n‘This contract reflects our delivery record,’ the yard said.\n"
    )
    assert [speaker for _, speaker, _ in who(body)] == ["Lucas Ferreira", "yard"]
    utility = (
        "Storm\n\nGulf Coast Power & Light said crews from 14 states had been staged in Tallahassee.\n\n"
        "\"Our crews will begin restoration work as soon as winds drop,\" the utility said.\n"
    )
    assert [speaker for _, speaker, _ in who(utility, kind=("direct", "indirect"))] == ["Gulf Coast Power & Light"] * 2
    regional = "Rail\n\nA spokesman for the North West region, Gareth Lindqvist, said: \"It is too early to say.\"\n"
    assert [speaker for _, speaker, _ in who(regional)] == ["Gareth Lindqvist"]


def test_an_unnamed_spokeswoman_of_a_body_named_with_of_is_a_woman_and_a_role_word_no_list_holds():
    body = (
        "Kelp\n\nCrayfisherman Rangi Pōtae, who has worked out of Milford Sound for 30 years, says he noticed the "
        "kelp thinning.\n\nA Department of Conservation spokeswoman says the department is reviewing the findings.\n\n"
        "“DOC will be working with researchers,” she said in a statement.\n"
    )
    assert who(body) == [("DOC will be working with researchers,", "Department of Conservation spokeswoman", "cue_after_quote")]
    assert who(body, kind=("indirect",)) == [
        ("he noticed the kelp thinning", "Rangi Pōtae", "reported_clause")
    ]


def test_a_bodys_initials_are_never_she():
    body = (
        "Returns\n\nThe Syrian Network for Return and Property Rights (SNRPR) said nearly half of returnees could "
        "not reclaim their homes.\n\nSNRPR said the figures were provisional.\n\n"
        "\"We will rebuild one room first,\" she said.\n"
    )
    assert who(body) == [("We will rebuild one room first,", None, "none")]


def test_a_one_word_body_before_a_reporting_verb_is_what_the_group_points_back_to():
    body = (
        "Border\n\nIsrael says it struck twelve sites overnight.\n\n"
        "Hezbollah denies rebuilding in the border area. In a statement on Tuesday, the group said the strikes were "
        "\"a flagrant violation\" of the ceasefire.\n\n"
        "Officials said Kansai Precision was in talks with two Indian state governments.\n"
    )
    assert who(body) == [("a flagrant violation", "Hezbollah", "reporting_clause")]


def test_a_source_close_to_a_body_is_the_source_the_next_cue_means():
    body = (
        "Weapons\n\nA political source close to the Framework told Shafaq News that the meeting witnessed "
        "\"heated discussions\".\n\n"
        "\"Some leaders believe the storm will pass,\" the source said, requesting anonymity.\n"
    )
    assert who(body)[-1] == ("Some leaders believe the storm will pass,", "political source close to the Framework", "cue_after_quote")


def test_a_title_no_list_holds_opening_the_sentence_leaves_its_name_the_subject():
    body = (
        "Derailment\n\nNetwork Rail's route director Gareth Lindqvist said engineers were at the scene.\n\n"
        "Our North of England correspondent Dan Whitcliffe is at the cordon near Shap.\n\n"
        "\"What strikes you here is how remote this is,\" he says.\n"
    )
    assert who(body) == [("What strikes you here is how remote this is,", "Dan Whitcliffe", "cue_after_quote")]
    game = (
        "Rockies win\n\nDanny Ortega homered.\n\nOrtega drove a slider from Padres reliever Tyler Beckett into the "
        "seats.\n\n\"I was just trying to get something up,\" the 28-year-old said.\n"
    )
    assert who(game) == [("I was just trying to get something up,", "Danny Ortega", "cue_after_quote")]


def test_an_age_given_beside_a_name_finds_the_age_epithet_later_and_a_hyphenated_surname_is_known():
    body = (
        "CPR\n\nLee Dunn, 34, went into cardiac arrest on an artificial pitch last October.\n\n"
        "His friend Craig Lowes, 36, performed CPR for seven minutes until paramedics arrived.\n\n"
        "On Sunday the pair completed the half marathon.\n\n"
        "\"I died for seven minutes on that pitch,\" the 34-year-old told the Mirror.\n"
    )
    assert who(body) == [("I died for seven minutes on that pitch,", "Lee Dunn", "cue_after_quote")]
    match = (
        "Draw\n\nKasey Obi-Palmer scored from the spot.\n\nManager Danny Pruitt said the side had been poor.\n\n"
        "Obi-Palmer, who was taking only his second penalty, was more relaxed. \"It's just tightness,\" said the "
        "22-year-old.\n"
    )
    assert who(match) == [("It's just tightness,", "Kasey Obi-Palmer", "cue_after_quote")]


def test_a_person_a_who_clause_follows_acts_next_though_named_after_a_preposition():
    body = (
        "CPR\n\nKerry Dunn posted the video on Friday.\n\n"
        "The pair's fundraising caught the eye of Strictly star Aimee Castro, who shared their story with her followers.\n\n"
        "\"These two lads are the best thing on the internet today,\" she wrote.\n"
    )
    assert who(body) == [("These two lads are the best thing on the internet today,", "Aimee Castro", "cue_after_quote")]


def test_a_participle_before_a_colon_takes_the_sentence_s_opening_subject():
    body = (
        "Vigil\n\nJaylen Brooks, 19, was shot on Saturday.\n\n"
        "Turner, his aunt, shared a photo of her nephew on Facebook early Sunday, writing: \"Rest easy nephew.\"\n"
    )
    assert who(body) == [("Rest easy nephew.", "Turner", "cue_before_quote")]


def test_the_one_told_is_never_the_speaker():
    body = (
        "Fire\n\nAt 3:40pm on Saturday, the fire authority issued an emergency warning for Moyston, telling "
        "residents: “It is too late to leave.”\n"
    )
    assert who(body) == [("It is too late to leave.", "fire authority", "cue_before_quote")]  # not "residents", not "fire"


def test_an_advertisement_line_names_no_one():
    body = (
        "Profile\n\nTheo Marchetti has played the friend in eleven films.\n\n"
        "Advertisement - Continue Reading Below\n\n"
        "\"I'd like to be somebody's first choice once,\" he says.\n"
    )
    assert who(body) == [("I'd like to be somebody's first choice once,", "Theo Marchetti", "cue_after_quote")]


def test_a_described_woman_selling_fish_is_a_woman():
    body = (
        "Herring\n\nBiologist Katharina Wendt says the stock has collapsed.\n\n"
        "A woman selling fish rolls from a kiosk at the harbor says tourists ask where the herring comes from. "
        "“I tell them the truth,” she says.\n"
    )
    assert who(body) == [("I tell them the truth,", "woman selling fish rolls from a kiosk at the harbor", "cue_after_quote")]


def test_an_unnamed_official_a_who_clause_describes_is_the_he_of_the_quote_after():
    body = (
        "Herring\n\nFisherman Uwe Lassahn says the quota cuts came too late.\n\n"
        "A senior official in the ministry, who asked not to be named, was more candid. “Nobody in Berlin wants "
        "to say it out loud,” he told DER SPIEGEL.\n"
    )
    assert who(body) == [("Nobody in Berlin wants to say it out loud,", "senior official in the ministry", "cue_after_quote")]


def test_a_role_after_a_name_and_a_nationality_before_a_role_find_the_commander():
    body = (
        "Handover\n\nMaj. Gen. Daniel Carrow, the commander of the U.S.-led coalition, walked the flight line.\n\n"
        "Spc. Jordan Reyes, a 24-year-old Army specialist from Ohio, loaded the last pallet.\n\n"
        "As the C-17 lifted off, the American commander turned back toward the hangars.\n\n"
        "“If the Iraqis ask us, we will be back,” he said.\n"
    )
    assert who(body)[-1] == ("If the Iraqis ask us, we will be back,", "Daniel Carrow", "cue_after_quote")
