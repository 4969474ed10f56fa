"""How the crossing detector reads the language of border news (ALERTS.md,
`crossing`), through the public interface: a feed replayed, alerts read back.

Each test is one class of wording; its sentences are invented and vary the
wording, so that a rule passes only if it holds for the next outlet's
phrasing too. Within one test every sentence names a different crossing, so
their states do not interfere and one replay runs them all.
"""

from __future__ import annotations

import pytest

from helpers import stored_alerts

NOW = "2025-11-24T08:00:00Z"


def replay_items(monitor_env, rss, summaries: list[str], published: str = NOW) -> list[tuple[str, str]]:
    items = [
        {"title": f"Border report {n}", "summary": text, "guid": f"item-{n}", "link": f"https://news.example/{n}",
         "published": published}
        for n, text in enumerate(summaries)
    ]
    monitor_env.replay(rss(items))
    return sorted((a["subject"], a["current"]) for a in stored_alerts(monitor_env, "crossing"))


def test_words_of_fighting_open_no_crossing(monitor_env, rss):
    # "opened fire", "open war", "shelling resumed", "calm was restored": the
    # verb opens or resumes the fighting, not the crossing.
    assert replay_items(monitor_env, rss, [
        "Border guards opened heavy fire near the Torkham crossing late on Sunday, officials said.",
        "The Taliban's defence ministry said Pakistani troops opened fire without provocation on Afghan posts near Angoor Adda.",
        "Shelling resumed around Ghulam Khan on Monday morning, residents said.",
        "Calm was restored at Kharlachi after hours of firing, local officials said.",
        "Pakistan's defence minister said the country was now in open war with Kabul, as fighting raged near Chaman.",
        "Exchanges of fire across the frontier resumed near Badini at dawn, villagers said.",
        "Pakistani forces resumed firing across the border near Arandu on Monday.",
        "Gunfire near Gursal left two people dead on Monday, reopening fears of a wider conflict.",
    ]) == []


def test_an_opening_after_fighting_still_opens(monitor_env, rss):
    assert replay_items(monitor_env, rss, [
        "Trade resumed at Chaman on Monday after the firing stopped, customs officials said.",
        "The crossing at Angoor Adda reopened to all traffic on Sunday, a day after the shelling ended, officials said.",
    ]) == [("Angoor Adda", "open"), ("Chaman", "open")]


def test_restricted_traffic_is_partially_open(monitor_env, rss):
    # Whom the opening lets through, in many wordings: "but only for",
    # "solely to", "for X alone", "to send Y home", "the only traffic
    # allowed", "only Z may cross", returns or aid cargo going through.
    assert replay_items(monitor_env, rss, [
        "Pakistan reopened the Ghulam Khan crossing on Monday, but only for Afghans being deported, officials said.",
        "The Angoor Adda gate was opened on Monday solely to let stranded students go back to their colleges.",
        "Kharlachi was reopened on Sunday for relief convoys alone, while commercial trucks were still being turned back.",
        "Afghan families streamed home through Torkham on Monday, with the crossing otherwise shut.",
        "Authorities let World Food Programme trucks through the Chaman crossing on Monday; ordinary trade remains barred.",
        "Only deportees are being let across at Badini, a border official said on Monday.",
        "Pakistan reopened Arandu on Sunday to allow the repatriation of Afghan refugees.",
        "For now the only vehicles permitted through Nawa Pass are ambulances, a district official said on Monday.",
        "Gursal stayed open on Monday for Afghans heading home, officials said.",
    ]) == sorted((name, "partially_open") for name in (
        "Ghulam Khan", "Angoor Adda", "Kharlachi", "Torkham", "Chaman", "Badini", "Arandu", "Nawa Pass", "Gursal"))


def test_people_forced_back_through_a_shut_crossing_make_it_partially_open(monitor_env, rss):
    assert replay_items(monitor_env, rss, [
        "About 300 Afghan families a day are being forced back through Spin Boldak, the UN refugee agency says.",
        "Hundreds of Afghans were forcibly returned via Torkham on Monday, provincial officials said.",
        "The repatriation drive has also been widened to Kharlachi on Monday, provincial officials said.",
    ]) == [("Chaman", "partially_open"), ("Kharlachi", "partially_open"), ("Torkham", "partially_open")]


def test_people_sent_home_on_a_day_told_the_sentence_before(monitor_env, rss):
    # The day is told once; the next sentence says which crossings they used.
    # A tally since years before dates no flow now.
    assert replay_items(monitor_env, rss, [
        "Some 3,100 Afghans were deported from Pakistan on Sunday, the refugee ministry said. Most of them re-entered the country through Ghulam Khan.",
        "Around 900 families were sent back from Pakistan on Wednesday, officials said. They crossed home through Kharlachi and the Islam Qala crossing.",
        "More than a million Afghans have gone home from Pakistan since 2023. Most of them came back through Angoor Adda.",
    ]) == [("Ghulam Khan", "partially_open"), ("Kharlachi", "partially_open")]


def test_an_earlier_restricted_opening_with_other_traffic_still_stopped_is_partial(monitor_env, rss):
    # The opening is told as background, but "still closed to trade" says it stands now;
    # told alone, the earlier opening is no news.
    assert replay_items(monitor_env, rss, [
        "Earlier this month Islamabad reopened Ghulam Khan and Kharlachi for Afghan families going home, but both are still shut to commercial traffic.",
        "Earlier this month Islamabad reopened Angoor Adda for Afghan families going home.",
    ]) == [("Ghulam Khan", "partially_open"), ("Kharlachi", "partially_open")]


def test_a_time_between_an_opening_and_its_restriction_is_the_openings(monitor_env, rss):
    # "earlier this month" dates the opening; the restriction after it goes with it.
    assert replay_items(monitor_env, rss, [
        "Islamabad opened Ghulam Khan and Kharlachi earlier this month for UN aid trucks.",
    ]) == [("Ghulam Khan", "partially_open"), ("Kharlachi", "partially_open")]


def test_an_opening_for_named_goods_is_partial(monitor_env, rss):
    # What may go through, named by the goods: "for deliveries of food and medicine".
    assert replay_items(monitor_env, rss, [
        "The government opened Torkham and Chaman on Tuesday for shipments of medicines and other essentials.",
    ]) == [("Chaman", "partially_open"), ("Torkham", "partially_open")]


def test_some_traffic_still_stopped_makes_an_opening_partial(monitor_env, rss):
    # In the same sentence or later in the article: "…; passenger traffic
    # remains suspended", "it stays closed to trade".
    assert replay_items(monitor_env, rss, [
        "The crossing at Torkham reopened for people on foot on Monday, while goods vehicles stayed halted.",
        "Pakistan reopened Chaman on Monday after 40 days. Passenger traffic remains suspended, officials said.",
        # (not when the traffic still stopped is at the other crossings: see the full-opening test)
        "Pakistan on Monday allowed thousands of stranded Afghan students to cross back through Kharlachi, "
        "though the border stays closed to trade.",
        "Dozens of lorries with emergency supplies were cleared through Ghulam Khan on Monday, while commercial cargo stayed on hold.",
        "Angoor Adda reopened for cargo trucks on Monday, but travellers will have to wait, officials said.",
        "Pakistan has allowed Afghan transit goods held at Karachi port to move on through Badini, the commerce ministry "
        "said on Monday, although bilateral trade remains suspended.",
        # the next clause goes on about the same crossing
        "Arandu has stayed closed to trade since October but is open to Afghan families going home, officials said on Monday.",
        "Only UN-marked lorries crossed Gursal on Monday, a customs agent said.",
        # "commercial movement": Pakistani officials' word for trade
        "Pakistan reopened Nawa Pass on Monday, but it is still closed to commercial movement.",
    ]) == [("Angoor Adda", "partially_open"), ("Arandu", "partially_open"), ("Badini", "partially_open"),
           ("Chaman", "partially_open"), ("Ghulam Khan", "partially_open"), ("Gursal", "partially_open"),
           ("Kharlachi", "partially_open"), ("Nawa Pass", "partially_open"), ("Torkham", "partially_open")]


def test_demands_and_clauses_about_something_else(monitor_env, rss):
    # A bare verb opening its clause is a demand ("Reopen Chaman"); a relative
    # clause belongs to the name it follows ("unlike Torkham, which remains shut");
    # shops, schools or airspace opening near a crossing, or what usually happens,
    # say nothing of the crossing now.
    assert replay_items(monitor_env, rss, [
        "Editorial: Reopen Chaman before winter.",
        "Traders' plea to Islamabad: open Kharlachi to fruit lorries.",
        "Iran reopened its Milak crossing with Afghanistan on Monday for trade, unlike Torkham, which remains shut.",
        "Officials said trade resumed at Ghulam Khan, which reopened on Monday to all traffic.",
        # a reopening as a topic or an aim; aid blocked
        "The district chief said Gursal was being readied for reopening, with refugees to go first.",
        "Kabul accused Pakistan on Monday of blocking humanitarian aid at Arandu.",
        # something else opened near a crossing; what tends to happen
        "Schools in Badini reopened on Monday after the winter break.",
        "Markets near the Angoor Adda crossing opened on Monday for the first time since the clashes.",
        "Pakistan has reopened its airspace to Afghan flights, officials at Nawa Pass said.",
        "Traders say Gursal usually reopens within days after such clashes.",
        # a protest to press for an opening is a demand
        "Transporters staged a sit-in on Monday to press for a reopening of the Kharlachi crossing.",
        # who "will be let through" is as planned as the opening
        "During the first phase only Afghan refugees will be let through Nawa Pass, officials said.",
    ]) == [("Ghulam Khan", "open")]


def test_an_opening_for_everyone_is_open(monitor_env, rss):
    # Restriction words do not narrow an opening said to be for all traffic,
    # and a bare "reopened" from closed is an opening.
    assert replay_items(monitor_env, rss, [
        "Pakistan reopened the Torkham crossing to all traffic on Monday, and thousands of Afghan families crossed home.",
        "Ghulam Khan reopened for trade and travel on Sunday after six weeks.",
        "Pakistan reopened Badini on Monday after talks in Doha, officials said.",
        "Kharlachi was reopened on Monday for traders and travellers alike after 40 days.",
        # traffic seen crossing, or the crossing working as usual
        "Buses and trucks began crossing Arandu on Monday for the first time in 40 days.",
        "The Chaman crossing is operating normally, officials said on Monday.",
        "Pakistan reopened Gursal to traffic on Monday. Trade through the other crossings remains suspended.",
    ]) == [("Arandu", "open"), ("Badini", "open"), ("Chaman", "open"), ("Ghulam Khan", "open"), ("Gursal", "open"),
           ("Kharlachi", "open"), ("Torkham", "open")]


def test_background_against_now(monitor_env, rss):
    # An opening recounted from earlier ("following last week's reopening",
    # "since … reopened two weeks ago") is not news; a closure told as how
    # long it lasted ("closed since the October clashes") yields to the change;
    # a year before the article's is history.
    assert replay_items(monitor_env, rss, [
        "Following last week's reopening of Ghulam Khan for refugees, aid groups set up camps near the border.",
        "Since Kharlachi reopened to all traffic two weeks ago, exports have recovered, traders said.",
        "Chaman, closed since the October clashes, reopened on Monday for trade and travellers.",
        "Torkham, shut for six weeks, was reopened on Sunday to trucks and passengers, officials said.",
        "Traders at Badini are counting their losses. The crossing was opened for a week of trade back in 2023.",
        # a verb of its own after "after" tells today's news
        "Hundreds of lorries crossed into Afghanistan on Monday after Pakistan reopened Angoor Adda for trade and travel.",
    ]) == [("Angoor Adda", "open"), ("Chaman", "open"), ("Torkham", "open")]


def test_the_crossing_means_the_ones_just_named(monitor_env, rss):
    # "either crossing", "the gate": the crossings the sentences before named.
    assert replay_items(monitor_env, rss, [
        "Trucks have queued for weeks outside Chaman and Torkham. Since Sunday the only people allowed through "
        "either crossing have been Afghan refugees going home, officials said.",
        "Kharlachi was shut in October. The gate reopened on Monday for all traffic, officials said.",
    ]) == [("Chaman", "partially_open"), ("Kharlachi", "open"), ("Torkham", "partially_open")]


def test_a_looser_retelling_keeps_a_partial_reopening(monitor_env, rss):
    day = {"title": "Torkham", "link": None}
    monitor_env.replay(rss([
        {**day, "guid": "a", "published": "2025-11-22T08:00:00Z",
         "summary": "Pakistan reopened Torkham on Saturday so that stranded Afghan families could go home, officials said."},
        # Another outlet the next day, in looser words: the same event.
        {**day, "guid": "b", "published": "2025-11-23T08:00:00Z",
         "summary": "The Torkham crossing reopened on Saturday after five weeks, and long queues formed at the gate."},
        # Weeks later, trade named: a real widening.
        {**day, "guid": "c", "published": "2025-12-10T08:00:00Z",
         "summary": "Trade resumed through Torkham on Wednesday as goods trucks crossed in both directions."},
    ]))
    assert [(a["previous"], a["current"], a["evidence"][:13]) for a in stored_alerts(monitor_env, "crossing")] == [
        ("closed", "partially_open", "Pakistan reop"), ("partially_open", "open", "Trade resumed")]


@pytest.mark.parametrize("summary", [
    "Iran reopened the Taftan crossing for pilgrims on Monday after a week.",
    "Pakistan and India reopened the Wagah border for Sikh pilgrims on Monday.",
    "Iran closed the Islam Qala crossing with Afghanistan on Monday, leaving hundreds of trucks stranded.",
])
def test_other_borders_raise_nothing(monitor_env, rss, summary):
    assert replay_items(monitor_env, rss, [summary]) == []


def test_retellings_that_fit_the_state_raise_nothing(monitor_env, rss):
    # A closure of one kind of traffic fits a crossing open only to refugees;
    # people seen crossing home fit a crossing open to everyone.
    items = [
        ("Chaman", "2025-11-01T08:00:00Z", "Pakistan reopened Chaman on Saturday so that Afghan refugees could go home, "
                                           "officials said, while trade stayed suspended."),
        ("Chaman", "2025-11-02T08:00:00Z", "Commerce through Chaman remains halted for a 21st day, customs officials said."),
        ("Chaman", "2025-11-03T08:00:00Z", "Fruit exporters said Chaman stayed closed to goods lorries on Monday."),
        ("Kharlachi", "2025-11-01T08:00:00Z", "Kharlachi was reopened to all traffic on Saturday, district officials said."),
        ("Kharlachi", "2025-11-02T08:00:00Z", "Hundreds of Afghan families went back home through Kharlachi on Sunday, "
                                              "the UN refugee agency said."),
        ("Kharlachi", "2025-11-03T08:00:00Z", "Elders met on Monday but said nothing about reopening Kharlachi at night."),
    ]
    monitor_env.replay(rss([{"title": "Border report", "summary": text, "guid": str(n), "published": when}
                            for n, (_, when, text) in enumerate(items)]))
    assert sorted((a["subject"], a["current"]) for a in stored_alerts(monitor_env, "crossing")) == [
        ("Chaman", "partially_open"), ("Kharlachi", "open")]


def test_a_full_closure_still_closes_a_partial_opening(monitor_env, rss):
    monitor_env.replay(rss([
        {"title": "Border report", "guid": "a", "published": "2025-11-01T08:00:00Z",
         "summary": "Pakistan reopened Gursal on Saturday for students going back to Afghan colleges, officials said."},
        {"title": "Border report", "guid": "b", "published": "2025-11-02T08:00:00Z",
         "summary": "Pakistan sealed Gursal to all movement on Sunday after an exchange of fire, halting the students' return."},
    ]))
    assert [(a["previous"], a["current"]) for a in stored_alerts(monitor_env, "crossing")] == [
        ("closed", "partially_open"), ("partially_open", "closed")]


def test_stopping_the_only_traffic_closes(monitor_env, rss):
    # The returns were the partial opening; "suspended the repatriation
    # through X" and "deportations through X were halted" stop them.
    monitor_env.replay(rss([
        {"title": "Border report", "guid": "a", "published": "2025-11-01T08:00:00Z",
         "summary": "Afghans being deported were sent home through Nawa Pass on Saturday while trade stayed barred."},
        {"title": "Border report", "guid": "b", "published": "2025-11-02T08:00:00Z",
         "summary": "Deportations through Nawa Pass were halted on Sunday after a brawl at the gate, officials said."},
        {"title": "Border report", "guid": "c", "published": "2025-11-02T08:00:00Z",
         "summary": "Thousands of Afghan families went home through Badini on Sunday, with trade still suspended."},
        {"title": "Border report", "guid": "d", "published": "2025-11-03T08:00:00Z",
         "summary": "Pakistan suspended the return of Afghans through Badini on Monday, citing security."},
    ]))
    assert sorted((a["subject"], a["previous"], a["current"]) for a in stored_alerts(monitor_env, "crossing")) == [
        ("Badini", "closed", "partially_open"), ("Badini", "partially_open", "closed"),
        ("Nawa Pass", "closed", "partially_open"), ("Nawa Pass", "partially_open", "closed")]


def test_the_later_of_two_events_in_one_sentence(monitor_env, rss):
    # "closed again" after an opening told in the same sentence; a closure in
    # an "after" clause is the earlier event.
    monitor_env.replay(rss([
        {"title": "Border report", "guid": "a", "published": "2025-11-22T08:00:00Z",
         "summary": "Kharlachi reopened on Saturday for students going home to Afghanistan."},
        {"title": "Border report", "guid": "b", "published": "2025-11-24T08:00:00Z",
         "summary": "Kharlachi, opened for students on Saturday, was shut again on Monday after a clash."},
        {"title": "Border report", "guid": "c", "published": "2025-11-24T09:00:00Z",
         "summary": "Pakistan reopened Arandu for Afghan families going home on Monday, a day after it was closed again."},
    ]))
    assert sorted((a["subject"], a["previous"], a["current"]) for a in stored_alerts(monitor_env, "crossing")) == [
        ("Arandu", "closed", "partially_open"),
        ("Kharlachi", "closed", "partially_open"), ("Kharlachi", "partially_open", "closed")]


def test_whom_a_permission_names_inside_it(monitor_env, rss):
    # "allowed UN containers to cross": the restricted traffic sits between the
    # verb and the crossing, not after the opening.
    assert replay_items(monitor_env, rss, [
        "Islamabad allows WFP relief trucks to pass through Torkham from Tuesday, officials said.",
    ]) == [("Torkham", "partially_open")]


def test_people_crossing_into_their_country_through_a_shut_crossing(monitor_env, rss):
    assert replay_items(monitor_env, rss, [
        "Hundreds of Afghan families crossed into Afghanistan through Angoor Adda on Thursday, with the border otherwise closed to trade.",
    ]) == [("Angoor Adda", "partially_open")]


def test_restrictions_told_in_a_concessive_clause_and_states_since_last_month(monitor_env, rss):
    # "reopened, although for now it is used only by refugees going home"; "since last
    # month … have been open only to refugees" is a state that goes on, not history;
    # "two-way trade and pedestrian movement from both sides remain suspended" is no full opening.
    assert replay_items(monitor_env, rss, [
        "The Ghulam Khan crossing has been reopened after a month-long closure, although for now it is being used only by Afghan refugees going back.",
        "Since last month, Kharlachi has been open only to Afghan refugees returning home, officials said.",
        "The Angoor Adda gate has been opened solely for Afghan families heading home, while two-way trade and pedestrian movement from both sides remain suspended.",
    ]) == [("Angoor Adda", "partially_open"), ("Ghulam Khan", "partially_open"), ("Kharlachi", "partially_open")]


def test_people_counted_going_over_a_crossing_is_a_partial_flow(monitor_env, rss):
    # Returns told by their count or by where they were extended, in headline
    # grammar or as a relative clause: people going home through a crossing
    # that is otherwise shut (ALERTS.md: returning refugees only).
    assert replay_items(monitor_env, rss, [
        "Deportations resume at Torkham; some 6,200 Afghans cross home in one day",
        "The government widened the repatriation drive to the Ghulam Khan crossing, where 3,400 people crossed into Afghanistan on Monday, officials said.",
        "Nearly 2,000 cross at Angoor Adda on Sunday as returns restart, while trade stays suspended.",
        "Torkham reopens for Afghan families; thousands cross via Chaman on Monday",
        # trade shut, people still sent out through it
        "At Kharlachi all trade is still suspended, though undocumented Afghans are still being sent out through the gate, officials said.",
        "Pakistan has let consignments from two UN agencies transit the Badini crossing into Afghanistan, officials said on Monday.",
        # an instruction in force is no hope: "instructs customs to let … through"
        "A government letter instructs the customs authorities and the transit directorate to let consignments of two UN agencies move through Arandu.",
    ]) == [("Angoor Adda", "partially_open"), ("Arandu", "partially_open"), ("Badini", "partially_open"), ("Chaman", "partially_open"),
           ("Ghulam Khan", "partially_open"), ("Kharlachi", "partially_open"), ("Torkham", "partially_open")]


def test_a_flow_that_would_restart_is_a_plan(monitor_env, rss):
    # The verb after the flow says when: "would restart", "is to resume",
    # "will begin" are plans, not reports (ALERTS.md: plans are not observations).
    assert replay_items(monitor_env, rss, [
        "Officials said on Sunday that the return of Afghan families through Kharlachi would restart on Tuesday.",
        "Deportations via Badini are set to begin next week, a provincial official said on Monday.",
        "A customs officer said the repatriation of refugees through Ghulam Khan will resume once written orders arrive.",
        # a restriction is as planned as the opening it limits
        "Pakistan signals reopening Kharlachi for UN relief convoys",
        "Islamabad has decided to reopen the Angoor Adda crossing in the South Waziristan tribal district exclusively for UN humanitarian cargo, officials said on Monday.",
    ]) == []


def test_the_main_clause_after_a_relative_clause_and_flows_with_their_own_verb(monitor_env, rss):
    # "Chaman, which remains closed to trade, was opened …": the main clause
    # says what happened; people who "made it back" through a crossing are a
    # flow, although the sentence dates the closure they waited through; a flow
    # that "will be allowed" is a plan.
    assert replay_items(monitor_env, rss, [
        "Chaman, which remains closed to trade, was opened on Monday for stranded students only.",
        "Dozens of families, stuck since the border was sealed on October 12, made it back through Torkham on Monday.",
        "Pakistan has decided that UN aid convoys will be allowed through Ghulam Khan.",
    ]) == [("Chaman", "partially_open"), ("Torkham", "partially_open")]


def test_a_present_perfect_state_is_now_whatever_dates_come_before_it(monitor_env, rss):
    monitor_env.replay(
        rss([{"title": "Kharlachi open", "summary": "Kharlachi reopened for trade and travellers on Thursday, officials said.",
              "guid": "k1", "published": "2025-11-20T08:00:00Z"}]),
        rss([{"title": "Kharlachi", "summary": "A first group crossed at Kharlachi on November 12; a second was turned back on "
              "November 19, and Kharlachi has been closed to all traffic since.", "guid": "k2", "published": NOW}]),
    )
    assert [(a["subject"], a["current"]) for a in stored_alerts(monitor_env, "crossing")] == [("Kharlachi", "open"), ("Kharlachi", "closed")]


def test_a_round_of_talks_opens_no_crossing_and_a_group_let_through_is_partial(monitor_env, rss):
    assert replay_items(monitor_env, rss, [
        "Afghan and Pakistani troops exchanged fire near Chaman as the Doha round opens.",
        # the relative clause's past perfect is not the sentence's tense
        "Forty Afghan students who had been stranded in Peshawar since the border was sealed were allowed to cross through Torkham on Monday.",
    ]) == [("Torkham", "partially_open")]


def test_how_shut_it_was_does_not_make_an_opening_full(monitor_env, rss):
    # "completely" qualifies the closure it stands before, not the opening after it
    assert replay_items(monitor_env, rss, [
        "The deputy commissioner said Torkham, completely shut since October 11, had been partially reopened to let deportations continue.",
        "Chaman, fully closed for three weeks, was reopened on Monday only for refugees returning home, officials said.",
    ]) == [("Chaman", "partially_open"), ("Torkham", "partially_open")]


def test_used_only_by_returnees_is_partial(monitor_env, rss):
    # "closed to trade … and used only by returning Afghans": open to some traffic
    assert replay_items(monitor_env, rss, [
        "Ghulam Khan and Angoor Adda remain closed to trade and ordinary travellers and are being used only by returning Afghans.",
    ]) == [("Angoor Adda", "partially_open"), ("Ghulam Khan", "partially_open")]
