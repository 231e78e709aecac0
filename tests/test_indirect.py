"""Indirect speech: reported clauses, fronted clauses, participles, and where none is."""

from __future__ import annotations

import pytest

from quotes.pipeline import process
from quotes.records import Article


def indirect(body: str) -> list[tuple[str, str | None, str]]:
    art = Article(path="t.txt", name="t.txt", body=body, sha256="x")
    return [(q.text, q.speaker.name if q.speaker else None, q.rule) for q in process(art) if q.kind == "indirect"]


@pytest.mark.parametrize(
    "sentence, text, speaker",
    [
        ("Ana Ruiz said on 7 February that the talks had failed.", "the talks had failed", "Ana Ruiz"),
        ("Ana Ruiz said in a speech on Friday that the strikes would stop.", "the strikes would stop", "Ana Ruiz"),
        ("Ana Ruiz told reporters that the vote was fair.", "the vote was fair", "Ana Ruiz"),
        ("Ana Ruiz, the party leader, has repeatedly said in recent weeks she would stay.", "she would stay", "Ana Ruiz"),
        ("The Pentagon said it was unaware of any such plans.", "it was unaware of any such plans", "Pentagon"),
        ("The plant will close next year, Ana Ruiz said, describing the decision as painful.", "The plant will close next year", "Ana Ruiz"),
    ],
)
def test_reported_speech_shapes(sentence, text, speaker):
    assert indirect("Head\n\n" + sentence + "\n") [0][:2] == (text, speaker)


def test_participle_clause_goes_to_the_main_speaker():
    body = "Head\n\n“Let’s agree on a time frame,” Ana Ruiz added, saying that only peace will prevent escalation.\n"
    assert indirect(body) == [("only peace will prevent escalation", "Ana Ruiz", "participle_clause")]


def test_clause_is_cut_at_a_trailing_participle_phrase():
    body = "Head\n\nAna Ruiz said the exit should be handled through “dialogue,” providing the first details.\n"
    assert indirect(body)[0][0] == "the exit should be handled through “dialogue,”"


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics claim that the groups use the force as a cover.",  # nobody named
        "Mr Ruiz reiterated the government's rejection of the attacks.",  # a noun object, no clause
        "Ana Ruiz said in a statement.",  # no clause at all
        "The US has pushed back and publicly said the talks are not aimed at withdrawal.",  # subject not beside the verb
        "Ana Ruiz said: “We will stay.”",  # a direct quote, not reported speech
    ],
)
def test_no_indirect_speech(sentence):
    assert indirect("Head\n\n" + sentence + "\n") == []


def test_told_with_an_object_and_a_bare_clause():
    assert indirect("Head\n\nSteve Reed told MPs the government would act.\n") == [
        ("the government would act", "Steve Reed", "reported_clause")
    ]


def test_a_place_after_told_is_not_a_clause():
    assert indirect("Head\n\nMr Tom Baker told reporters outside the plant in Sunderland.\n") == []


def test_a_bare_noun_clause_needs_a_finite_verb_close_by():
    assert indirect("Head\n\nAnthony Marrone said crews had been helped by cooler weather.\n")[0][0] == (
        "crews had been helped by cooler weather"
    )


def test_fronted_clause_in_wire_copy_with_dateline_and_day():
    body = (
        "Cuts\n\nSAN FRANCISCO, March 3 (Reuters) - Acme Corp will cut 10,000 jobs, the company said on Monday, "
        "as it grapples with slowing demand.\n"
    )
    assert indirect(body) == [("Acme Corp will cut 10,000 jobs", "Acme Corp", "fronted_clause")]


def test_fronted_clause_not_taken_after_a_statement_phrase():
    body = "Call\n\nThe minister discussed the matter with her counterpart, the Ruritanian Foreign Ministry said in a statement.\n"
    assert indirect(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Ruiz said Tuesday that the plan had failed.",
        "Ana Ruiz said Jan. 5 that the plan had failed.",
        "Ana Ruiz told The Associated Press on Tuesday that the plan had failed.",
    ],
)
def test_days_and_dates_after_the_verb_are_skipped(sentence):
    assert indirect("Head\n\n" + sentence + "\n")[0][:2] == ("the plan had failed", "Ana Ruiz")


def test_an_anonymous_source_reports_nothing_but_a_described_person_does():
    body = (
        "Head\n\nAsked about sanctions, a senior administration official said: \"Everything is on the table.\"\n\n"
        "The official, who spoke on condition of anonymity, added that a decision could come within days.\n\n"
        "A 64-year-old restaurant owner said the fees had doubled.\n"
    )
    assert indirect(body) == [("the fees had doubled", "64-year-old restaurant owner", "reported_clause")]
    quoted = [(q.text, q.speaker.name) for q in process(Article(path="t.txt", name="t.txt", body=body, sha256="x"))
              if q.kind == "direct"]
    assert quoted == [("Everything is on the table.", "senior administration official")]


def test_an_anonymous_source_the_article_names_later_reports_under_the_name():
    body = (
        "Erbil and Baghdad reach deal on oil exports\n\nThe two governments have reached an agreement to resume "
        "oil exports, a KRG spokesperson told Rudaw on Sunday.\n\n"
        "\"The two sides agreed on all the technical details,\" Peshawa Hawramani, the KRG spokesperson, said.\n"
    )
    assert indirect(body) == [
        ("The two governments have reached an agreement to resume oil exports", "Peshawa Hawramani", "fronted_clause")
    ]


def test_an_unresolved_description_reports_nothing():
    assert indirect("Head\n\nThe Ruritanian government has frequently stated that the attacks were unlawful.\n") == []


def test_a_group_reports_no_indirect_speech():
    """'Officials said the talks failed': a group is no source a journalist can cite."""
    body = "Talks fail\n\nOfficials said the talks had failed. Critics claim that the plan was never funded.\n"
    assert indirect(body) == []


def test_a_day_ends_the_phrase_after_the_verb():
    body = "Oil\n\nSaudi Energy Minister Prince Abdulaziz bin Salman said on Sunday the group would do more to support the market.\n"
    assert indirect(body) == [("the group would do more to support the market", "Abdulaziz bin Salman", "reported_clause")]


def test_a_participle_clause_after_a_verb_that_reports_nothing_belongs_to_the_opening_subject():
    body = "Storm\n\nFirst Minister Eluned Morgan thanked emergency workers, saying they had worked through the night.\n"
    assert indirect(body) == [("they had worked through the night", "Eluned Morgan", "participle_clause")]


def test_a_number_after_the_verb_counts_unless_a_month_is_beside_it():
    assert indirect("Riot\n\nPolice said 23 officers were injured in the clashes.\n") == [
        ("23 officers were injured in the clashes", "Police", "reported_clause")
    ]
    assert indirect("Riot\n\nAna Ruiz said 7 February that the talks had failed.\n")[0][:2] == ("the talks had failed", "Ana Ruiz")


def test_a_reporting_verb_joined_by_but_or_and_ends_the_clause():
    body = (
        "Storm\n\nPaul Gundersen said the worst of the weather had passed but warned of further disruption.\n\n"
        "Victoria Atkins said the figures were disappointing — but insisted the plan was working.\n\n"
        "Ana Ruiz said the talks and the vote had gone well.\n"
    )
    assert [text for text, _, _ in indirect(body)] == [
        "the worst of the weather had passed",
        "the figures were disappointing",
        "the plan was working",
        "the talks and the vote had gone well",
    ]


def test_a_participle_clause_after_a_role_and_name_opening_the_sentence():
    body = (
        "Resignation\n\nTransport minister Helen Carr resigned on Friday, telling Prime Minister David Lane "
        "that she had let the government down.\n"
    )
    assert indirect(body) == [("she had let the government down", "Helen Carr", "participle_clause")]


def test_a_fronted_clause_may_end_with_whom_the_speaker_told():
    assert indirect("Talks\n\nThe talks failed over trust, Ana Ruiz told the BBC on Sunday.\n") == [
        ("The talks failed over trust", "Ana Ruiz", "fronted_clause")
    ]
    assert indirect("Talks\n\nThe talks failed over trust, Ana Ruiz told colleagues who had doubts.\n") == []


def test_an_age_between_commas_does_not_end_the_one_told():
    body = "Court\n\nJudge Sarah Whitfield told Peter Marsh, 52, that he had shown no remorse at all.\n"
    assert indirect(body) == [("he had shown no remorse at all", "Sarah Whitfield", "reported_clause")]


def test_a_verb_joined_by_but_reports_for_the_subject_of_the_verb_before():
    body = "Strike\n\nDr Layla McCay said the admission was welcome but warned that staff were exhausted.\n"
    assert indirect(body) == [
        ("the admission was welcome", "Layla McCay", "reported_clause"),
        ("staff were exhausted", "Layla McCay", "reported_clause"),
    ]


def test_a_plural_noun_then_a_past_tense_starts_the_clause():
    assert indirect("Shares\n\nAnalyst Ben Thornton said investors welcomed the move.\n") == [
        ("investors welcomed the move", "Ben Thornton", "reported_clause")
    ]
    assert indirect("Shares\n\nAnalyst Ben Thornton said investors at length.\n") == []


def test_a_clause_mostly_in_quote_marks_is_a_quote_not_reported_speech():
    body = (
        "Talks\n\nA Pentagon spokeswoman said the meeting was \"not a negotiation about the withdrawal of forces.\"\n\n"
        "Ana Ruiz said the exit should be handled through \"a process of dialogue\".\n"
    )
    assert indirect(body) == [("the exit should be handled through \"a process of dialogue\"", "Ana Ruiz", "reported_clause")]


def test_a_straight_single_mark_opens_a_new_sentence():
    body = (
        "Tax\n\nSpeaking in Brisbane, Dr Jim Chalmers said households were already under pressure. "
        "'The last thing families need is another hit,' he said.\n"
    )
    assert indirect(body) == [("households were already under pressure", "Jim Chalmers", "reported_clause")]


def test_a_participle_after_a_role_and_its_name_in_commas():
    body = "Tax\n\nThe Treasurer, Jim Chalmers, has ruled out raising the tax, saying the government had no such plans.\n"
    assert indirect(body) == [("the government had no such plans", "Jim Chalmers", "participle_clause")]


def test_an_agency_telling_what_a_person_did_is_no_speech_of_its_own():
    body = (
        "Call\n\nForeign Minister Prince Faisal bin Farhan received a call from his counterpart on Sunday, "
        "the Saudi Press Agency reported.\n\nIraq wants a swift withdrawal of forces, Prime Minister Ana Ruiz said.\n"
    )
    assert indirect(body) == [("Iraq wants a swift withdrawal of forces", "Ana Ruiz", "fronted_clause")]


def test_clauses_joined_by_and_that_or_but_that_are_one_record_of_their_verb():
    """One reporting verb, one reported clause, however many "that"s it coordinates (as PARC and an
    annotator who had not seen the engine both read it)."""
    body = (
        "Health\n\nStephen Donnelly said the wards were full and that extra funding had been provided.\n\n"
        "Pierre Dumas said several clubs had been interested but that the player wanted to stay in London.\n"
    )
    assert indirect(body) == [
        ("the wards were full and that extra funding had been provided", "Stephen Donnelly", "reported_clause"),
        ("several clubs had been interested but that the player wanted to stay in London", "Pierre Dumas", "reported_clause"),
    ]


def test_a_reporting_verb_joined_to_any_verb_reports_for_the_sentence_subject():
    body = "Rates\n\nAna Ruiz held interest rates on Thursday but said she could cut them in June.\n"
    assert indirect(body) == [("she could cut them in June", "Ana Ruiz", "reported_clause")]


def test_an_account_of_what_happened_to_someone_is_no_speech_of_the_police():
    body = "Crash\n\nThe 45-year-old man was taken to hospital with serious injuries, West Yorkshire Police said.\n"
    assert indirect(body) == []


def test_afterwards_after_the_verb_does_not_stop_the_clause():
    body = "Rivers\n\nFeargal Sharkey said afterwards that the session had been an exercise in evasion.\n"
    assert indirect(body) == [("the session had been an exercise in evasion", "Feargal Sharkey", "reported_clause")]


def test_heard_saying_reports_a_clause():
    body = "Row\n\nIn the recording, Lee Rowley can be heard saying that some tenants do not deserve help.\n"
    assert indirect(body) == [("some tenants do not deserve help", "Lee Rowley", "reported_clause")]


def test_a_comma_before_the_subject_with_nothing_before_it_is_no_clause():
    """Found by Hypothesis: an empty stretch before the comma once raised IndexError."""
    assert indirect(",B<said.") == []


def test_an_organisation_introduced_by_its_field_opens_the_sentence():
    body = "Recall\n\nRoad safety charity Brake welcomed the recall but said it should have come much sooner.\n"
    assert indirect(body) == [("it should have come much sooner", "Brake", "reported_clause")]


def test_a_relative_clause_inside_the_one_told():
    body = "Court\n\nJudge Martin Lowe told the boy, who cannot be named, that carrying a knife ruins lives.\n"
    assert indirect(body) == [("carrying a knife ruins lives", "Martin Lowe", "reported_clause")]


def test_around_a_number_starts_a_clause_but_on_a_date_does_not():
    assert indirect("Tax\n\nThe Treasury said around 500 farms a year would pay the tax.\n") == [
        ("around 500 farms a year would pay the tax", "Treasury", "reported_clause")
    ]
    assert indirect("Tax\n\nAna Ruiz said on 7 February that the talks had failed.\n")[0][0] == "the talks had failed"
    assert indirect("Rally\n\nAna Ruiz told the crowd of about 2,000.\n") == []


def test_a_plural_noun_then_a_present_verb_starts_a_clause():
    body = "Cuts\n\nChristopher Luxon defended the cuts, saying taxpayers expect good value for their money.\n"
    assert indirect(body) == [("taxpayers expect good value for their money", "Christopher Luxon", "participle_clause")]
    assert indirect("Cuts\n\nChristopher Luxon said thanks to everyone.\n") == []


def test_a_decimal_point_does_not_stop_the_clause():
    body = "Outage\n\nMicrosoft said about 8.5 million Windows devices had been affected.\n"
    assert indirect(body) == [("about 8.5 million Windows devices had been affected", "Microsoft", "reported_clause")]


def test_a_fronted_clause_with_a_modifier_before_the_subject_and_a_place_after_the_verb():
    body = (
        "Kharkiv\n\nDebris fell on buildings in Kharkiv, injuring three people, regional Governor Oleh Syniehubov "
        "said on Telegram.\n\nFour in ten universities will be in deficit this year, the Office for Students has warned.\n"
    )
    assert indirect(body) == [
        ("Debris fell on buildings in Kharkiv, injuring three people", "Oleh Syniehubov", "fronted_clause"),
        ("Four in ten universities will be in deficit this year", "Office for Students", "fronted_clause"),
    ]


def test_a_clause_of_time_after_the_one_told_is_not_what_was_said():
    assert indirect("River\n\nRuth Alder tells me as we walk along the towpath at Teddington.\n") == []
    assert indirect("River\n\nRuth Alder told me that the river had risen fast.\n")[0][0] == "the river had risen fast"


def test_one_member_of_a_group_is_a_speaker_the_group_is_not():
    body = (
        "Talks\n\nRover is in talks to buy Castlepoint, two people familiar with the matter said.\n\n"
        "A deal could be announced next week, one of the people said.\n\n"
        "One of his aides told Reuters the plan was dead. People said they were afraid.\n"
    )
    assert indirect(body) == [
        ("A deal could be announced next week", "one of the people", "fronted_clause"),
        ("the plan was dead", "one of his aides", "reported_clause"),
    ]


def test_the_forecaster_is_the_weather_service_named_before_a_forecaster_named_is_a_person():
    body = (
        "Snow\n\nThe Met Office has issued warnings for snow.\n\n"
        "Up to 10cm of snow could fall on high ground, the forecaster said.\n\n"
        "BBC forecaster Carol Kirkwood said roads would be icy.\n"
    )
    assert [(text, speaker) for text, speaker, _ in indirect(body)] == [
        ("Up to 10cm of snow could fall on high ground", "Met Office"),
        ("roads would be icy", "Carol Kirkwood"),
    ]


def test_a_preposition_in_ing_does_not_end_the_clause_a_participle_does():
    body = (
        "Polls\n\nChief Electoral Officer Anitha Rao said polling had been largely peaceful, barring minor scuffles in Jangaon.\n\n"
        "Ravi Menon said Iraq is open to security cooperation with coalition states, including the United States.\n\n"
        "Rao said turnout had risen, adding that counting would start on Sunday.\n"
    )
    assert [text for text, _, _ in indirect(body)] == [
        "polling had been largely peaceful, barring minor scuffles in Jangaon",
        "Iraq is open to security cooperation with coalition states, including the United States",
        "turnout had risen",
        "counting would start on Sunday",
    ]


def test_indian_and_west_african_honorifics_open_a_name():
    body = (
        "Polls\n\nThe party's state president, Smt. P. Aruna Kumari, told reporters in Nalgonda that the party would win 45 seats.\n\n"
        "Alhaji Musa Bello said prices had doubled at the depot.\n\nShamima Begum said she had been groomed online.\n"
    )
    assert [speaker for _, speaker, _ in indirect(body)] == ["P. Aruna Kumari", "Musa Bello", "Shamima Begum"]


def test_verbs_of_other_house_styles_and_verbs_told_to_someone():
    body = (
        "Fuel\n\nOlaniyan-Eze disclosed that three new refineries would begin supplying the market.\n\n"
        "Hajiya Zainab Lawal averred that the government had abandoned ordinary Nigerians.\n\n"
        "The authority assured Nigerians that there was enough petrol in all depots.\n\n"
        "Musa Bello assured the committee of his support.\n"
    )
    assert indirect(body) == [
        ("three new refineries would begin supplying the market", "Olaniyan-Eze", "reported_clause"),
        ("the government had abandoned ordinary Nigerians", "Zainab Lawal", "reported_clause"),
    ]


def test_an_adverb_in_commas_a_longer_subject_and_and_after_a_fronted_clause():
    body = (
        "Spray\n\nDr Lars Feldmann cautioned, however, that six months was too short to judge long-term safety.\n\n"
        "Priya Desai-Holt said too many young people were told to live with the condition.\n\n"
        "Highway 24 remains closed between Bridge Creek and Clearmont, DriveBC said Tuesday, and there is no estimate.\n\n"
        "Ms Ross told the environmental audit committee that the company was \"not where we want to be\".\n"
    )
    assert indirect(body) == [
        ("six months was too short to judge long-term safety", "Lars Feldmann", "reported_clause"),
        ("too many young people were told to live with the condition", "Priya Desai-Holt", "reported_clause"),
        ("Highway 24 remains closed between Bridge Creek and Clearmont", "DriveBC", "fronted_clause"),
    ]


def test_more_groups_report_nothing_at_the_start_of_a_sentence():
    body = (
        "Thermostats\n\nOwners say they bought a thermostat, not a subscription.\n\n"
        "Marketers, for their part, insist they are not to blame. Commuters said fares had doubled.\n"
    )
    assert indirect(body) == []


def test_a_verb_denied_or_refused_reports_nothing():
    body = (
        "Dial\n\nHomewise has not said whether it will open up the firmware. Kovacs did not say when the servers "
        "would close. Kovacs declined to say how many units were sold. He didn't say the plan was over.\n\n"
        "Theo Marchetti said the controls would keep working.\n"
    )
    assert indirect(body) == [("the controls would keep working", "Theo Marchetti", "reported_clause")]


def test_a_named_family_reports_speech_and_the_family_is_the_one_named_before():
    body = (
        "Crash\n\nJamie Fenwick, 34, died in hospital.\n\n"
        "In a statement, Mr Fenwick's family said he was a devoted father to his two girls.\n\n"
        "The victim's family said they were grateful to the police.\n\nA family said the road was unsafe.\n"
    )
    assert indirect(body) == [
        ("he was a devoted father to his two girls", "Fenwick family", "reported_clause"),
        ("they were grateful to the police", "Fenwick family", "reported_clause"),  # the family named before
    ]


def test_a_participle_after_a_quote_closing_with_its_comma():
    body = (
        "Arms\n\nPierre Abi Khalil told Reuters that the government must act “without delay and without exceptions,” "
        "warning that any hesitation would expose Lebanon to renewed escalation.\n"
    )
    assert indirect(body)[-1] == ("any hesitation would expose Lebanon to renewed escalation", "Pierre Abi Khalil", "participle_clause")


def test_the_bloc_is_the_bloc_named_before():
    body = (
        "Arms\n\nIn a statement, the Strong Republic bloc said the decision served a foreign agenda.\n\n"
        "The bloc said it would not cooperate with any committee formed to implement the decision.\n"
    )
    assert indirect(body) == [
        ("it would not cooperate with any committee formed to implement the decision", "Strong Republic bloc", "reported_clause")
    ]


def test_last_week_after_the_verb_is_a_time_not_the_start_of_a_place():
    body = (
        "Copper\n\nChanda Mwale said last week the government would welcome new investment.\n\n"
        "Mwale told the committee last month that prices had peaked.\n"
    )
    assert [text for text, _, _ in indirect(body)] == ["the government would welcome new investment", "prices had peaked"]


def test_a_subordinate_clause_opening_the_sentence_reports_up_to_the_main_clause():
    body = (
        "Councils\n\nWhen Ashworth borough council admitted in November that it could no longer balance its books, "
        "its leader resigned.\n\nKeisha Montgomery was there. She said nobody from the school told parents what was happening.\n"
    )
    assert indirect(body) == [
        ("it could no longer balance its books", "Ashworth borough council", "reported_clause"),
        ("nobody from the school told parents what was happening", "Keisha Montgomery", "reported_clause"),
    ]


def test_a_long_object_before_that_a_quote_right_after_that_and_a_title_running_through_for_the():
    body = (
        "Talks\n\nZiad al-Masri told the Qatari Al-Araby TV channel that the group had not received any guarantees.\n\n"
        "US Special Envoy for the Middle East Brian Holloway told reporters in Doha that the gaps between the sides "
        "were “bridgeable,” but cautioned against hope.\n\n"
        "The Hostages and Missing Families Forum said in a statement that “every day of delay is a death sentence” "
        "for the remaining captives.\n"
    )
    assert indirect(body) == [
        ("the group had not received any guarantees", "Ziad al-Masri", "reported_clause"),
        ("the gaps between the sides were “bridgeable,”", "Brian Holloway", "reported_clause"),
    ]


def test_a_long_title_before_a_name_and_whose_role_in_apposition():
    body = (
        "Strike\n\nSpokesman for the Commander-in-Chief of the Iraqi Armed Forces Major General Kadhim al-Shammari "
        "said the coalition had gone too far.\n\n"
        "Member of the Security and Defense Committee of the Iraqi Parliament Ali al-Bandawi told Press TV that "
        "lawmakers would call for a session.\n\n"
        "The drivers are represented by the Johor Transport Workers' Union, whose general secretary, "
        "Mr Ravindran Subramaniam, said the strike would continue.\n"
    )
    assert [speaker for _, speaker, _ in indirect(body)] == ["Kadhim al-Shammari", "Ali al-Bandawi", "Ravindran Subramaniam"]


def test_a_role_with_a_nationality_is_the_person_last_heard_and_phrasal_verbs_report():
    body = (
        "Iran\n\nIranian Foreign Ministry Spokesman Nasser Rahmanzadeh has condemned a US drone strike.\n\n"
        "In a statement released on Thursday, Rahmanzadeh stressed that the United States is the main source of "
        "insecurity in the region and beyond.\n\n"
        "The Iranian diplomat also pointed out that the assassination came only days after US airstrikes.\n\n"
        "She pointed to the map. He pointed out the flaws in the plan.\n"
    )
    assert [(text, speaker) for text, speaker, _ in indirect(body)] == [
        ("the United States is the main source of insecurity in the region and beyond", "Nasser Rahmanzadeh"),
        ("the assassination came only days after US airstrikes", "Nasser Rahmanzadeh"),
    ]


def test_a_nationality_before_a_group_noun_opening_the_sentence_is_no_speaker():
    body = (
        "Iraq\n\nIraqi officials and lawmakers have repeatedly called for the withdrawal of US-led forces, "
        "saying Iraqi forces are capable of maintaining security.\n\n"
        "Eluned Morgan thanked the crews, saying they had worked all night.\n"
    )
    assert indirect(body) == [("they had worked all night", "Eluned Morgan", "participle_clause")]


def test_an_infinitive_has_its_subject_elsewhere_but_used_to_keeps_it_and_a_woman_named_luz_is_luz():
    body = (
        "Fish\n\nLayla Hamoudi, a political analyst at the Tigris Policy Forum, told Al Jazeera the factions were "
        "divided over how to respond to events in Lebanon.\n\n"
        "One of them, a woman from Cebu named Luz, used to tell the new girls that the fish would still be there.\n"
    )
    assert indirect(body) == [
        ("the factions were divided over how to respond to events in Lebanon", "Layla Hamoudi", "reported_clause"),
        ("the fish would still be there", "Luz", "reported_clause"),
    ]


def test_the_company_is_not_a_public_body_named_since():
    body = (
        "Recall\n\nNorwegian drugmaker Halvorsen Pharma said on Wednesday it was recalling its medicine after "
        "testing found an impurity above the limit set by the U.S. Food and Drug Administration.\n\n"
        "The recall covers 38 lots of tablets distributed between January and March, the company said.\n"
    )
    assert [speaker for _, speaker, _ in indirect(body)] == ["Halvorsen Pharma", "Halvorsen Pharma"]


def test_a_capitalised_role_before_a_name_in_commas_is_the_role_of_that_name():
    body = (
        "Loan\n\nThe Chief Press Secretary to the governor, Mr Femi Olabisi-Cole, said the loan was approved.\n\n"
        "The Executive Director of the centre, Dr Halima Yusuf-Bello, said states needed to publish their debts.\n\n"
        "The Treasury said the changes would affect only the largest estates.\n"
    )
    assert [speaker for _, speaker, _ in indirect(body)] == ["Femi Olabisi-Cole", "Halima Yusuf-Bello", "Treasury"]


def test_counsel_submitted_that():
    body = "Lake\n\nAppearing for the petitioners, senior counsel T. Mohanasundaram submitted that 1,100 plots had been carved out.\n"
    assert indirect(body) == [("1,100 plots had been carved out", "T. Mohanasundaram", "reported_clause")]


def test_an_aside_between_double_hyphens():
    body = (
        "Kings\n\nTerrence Halvorsen coaches the Kings. Halvorsen -- a former assistant in three cities, for reasons "
        "he will not explain -- said before the season that his defense would be built on annoyance.\n"
    )
    assert indirect(body) == [("his defense would be built on annoyance", "Terrence Halvorsen", "reported_clause")]


def test_a_line_with_no_full_stop_is_a_headline_not_reported_speech():
    body = (
        "Drawdown\n\nThe Pentagon said the talks were on track.\n\n"
        "Pentagon says Iraq drawdown talks on track after rocket attack on US base\n\n"
        "US-led coalition to wind down Iraq mission by 2026, officials say\n"
    )
    assert indirect(body) == [("the talks were on track", "Pentagon", "reported_clause")]


def test_a_bare_clause_with_a_long_subject_before_its_verb():
    body = (
        "Sargassum\n\nDr Lucía Ferreyra, a marine biologist in Bermuda, says nutrient run-off from rivers such as the "
        "Amazon and the Congo is likely to be a major factor.\n\nDr Patrice Worrell said goodbye to her colleagues at the observatory on Friday.\n"
    )
    assert indirect(body) == [
        (
            "nutrient run-off from rivers such as the Amazon and the Congo is likely to be a major factor",
            "Lucía Ferreyra",
            "reported_clause",
        )
    ]


def test_a_common_noun_opening_the_sentence_is_no_one_named():
    body = (
        "Shooting\n\nPolice said the suspect had a protection order filed against him. A police spokesman "
        "declined to comment.\n\nForecasters said the storm could still produce flash flooding.\n\n"
        "Detective Anna Berg said the suspect had fled on foot.\n"
    )
    assert indirect(body) == [("the suspect had fled on foot", "Anna Berg", "reported_clause")]


def test_a_bodys_account_of_a_deed_is_no_reported_speech_but_a_persons_is():
    body = (
        "Call\n\nSecretary of State Antony Blinken spoke with Sudani by phone Tuesday about the attacks, the "
        "State Department said.\n\nThe two sides signed 12 memoranda of understanding, the Saudi Press Agency "
        "reported.\n\nAmbassador Laura Kent said the two leaders had met twice this year.\n"
    )
    assert indirect(body) == [("the two leaders had met twice this year", "Laura Kent", "reported_clause")]


def test_a_verb_that_drops_that_only_before_a_finite_verb():
    body = (
        "Returns\n\nUnification Minister Choi Dong-hyun spoke on Tuesday. He noted the North has never publicly "
        "acknowledged the returns.\n\nForeign Minister Fuad Hussein stressed the need for an immediate halt to "
        "the fighting.\n"
    )
    assert indirect(body) == [("the North has never publicly acknowledged the returns", "Choi Dong-hyun", "reported_clause")]


def test_a_title_of_twenty_words_with_a_ministrys_fields_closed_by_a_name():
    body = (
        "Solar\n\nKuwait's Minister of Electricity, Water and Renewable Energy and Minister of State for Municipal "
        "Affairs Dr. Khaled Fahad Al-Ajmi affirmed on Tuesday that the signing marks \"a qualitative leap\" for the "
        "country.\n"
    )
    assert [speaker for _, speaker, _ in indirect(body)] == ["Khaled Fahad Al-Ajmi"]


def test_a_time_of_day_after_the_one_told_ends_the_phrase():
    body = (
        "Returns\n\nUnification Minister Choi Dong-hyun told lawmakers earlier in the day the government will "
        "handle such cases on humanitarian principles.\n"
    )
    assert indirect(body) == [
        ("the government will handle such cases on humanitarian principles", "Choi Dong-hyun", "reported_clause")
    ]
