"""The ceasefire detector on the language of the news, through `monitor replay`.

Each case is a class of wording seen in independently written reports, in
sentences of our own; the state moves as ALERTS.md says.
"""

from __future__ import annotations

import pytest

from helpers import alerts_of_each, stored_alerts


def ceasefire_alerts(monitor_env, rss, *summaries: str) -> list[tuple[str | None, str]]:
    """Replay each summary as its own document, a day apart, in order."""
    documents = [
        rss([{"title": "Border report", "summary": text, "guid": str(i), "published": f"2026-02-{10 + i:02d}T08:00:00Z"}])
        for i, text in enumerate(summaries)
    ]
    monitor_env.replay(*documents)
    return [(a["previous"], a["current"]) for a in stored_alerts(monitor_env, "ceasefire")]


# One report each, judged from the baseline: (summary, the (previous, current) alerts it raises).
ONE_REPORT = [
    ("Pakistan's defence minister said on Friday his country now regarded itself in open war with the Taliban government in Kabul.",
     [("in_effect", "collapsed")]),
    # told as the background of another report, it is still the state now
    ("Afghan refugees kept crossing at Torkham on Monday, days after Islamabad declared an open war on the Taliban administration.",
     [("in_effect", "collapsed")]),
    ("Analysts warned that the border skirmishes between Pakistan and Afghanistan could slide into open war.", []),
    ("The ceasefire between Pakistan and Afghanistan is not holding, Pakistan's foreign ministry spokesman said, citing attacks from Afghan soil.",
     [("in_effect", "violated")]),
    ("The truce with Pakistan has not been broken by Afghan forces and will be respected, the Taliban's spokesman said.", []),
    ("Afghan forces attacked Pakistani border posts in Kurram overnight, a month after the truce agreed in Doha.",
     [("in_effect", "violated")]),
    ("Pakistani and Afghan troops fired at each other near Chaman on Tuesday, testing the truce brokered by Qatar.",
     [("in_effect", "violated")]),
    # a condition after the words is no declaration
    ("Pakistan keeps the option of open war with Afghanistan should the Doha commitments be broken, its defence minister said.", []),
    # the TTP's own truce with Islamabad is another ceasefire
    ("Attacks in Khyber Pakhtunkhwa have risen since the TTP called off its ceasefire with the government, police in Peshawar said.", []),
    # an attack from Afghan soil on a third country is not this conflict
    ("Gunmen who crossed from Afghanistan killed three Chinese workers in Tajikistan in a cross-border attack, Tajik officials said.", []),
    # events named by their month, and how a conflict began, are background
    ("Talks in Doha ended without a deal, the first since the October clashes between Pakistan and Afghanistan, a truce official said.", []),
    ("The fighting began when Pakistan launched air strikes on hideouts in Afghanistan's Paktika province, a report on the crisis recalled.", []),
    # an agreement told as the earlier of two events
    ("Border clashes left dozens dead on both sides of the Durand Line before Qatar and Turkey brokered a truce.", []),
    # "the truce that ended the fighting" ended the fighting, not itself
    ("Shelling across the Chaman border overnight tested the truce that ended October's border fighting, Afghan officials said.",
     [("in_effect", "violated")]),
    ("Pakistani forces bombed a house in Khost province overnight, the Taliban said.", [("in_effect", "violated")]),
    ("Islamabad declared the ceasefire with Afghanistan void on Sunday after attacks in Bajaur, officials said.",
     [("in_effect", "collapsed")]),
    # the TTP's truce with the government, told with "a"
    ("Violence in Bannu has risen since the TTP ended a ceasefire with the government, police said.", []),
    # history: a past year, an early date, a month; talks that ended are not the truce
    ("UNAMA said Pakistani forces killed 70 civilians inside Afghanistan in the last three months of 2025.", []),
    ("When Pakistani jets hit hideouts in Kabul and Khost on October 9, few expected the week that followed.", []),
    ("All crossings were shut in early October after Afghan forces attacked Pakistani posts along the border.", []),
    ("Qatar and Turkey brokered the Doha truce, and three rounds of talks in Istanbul ended in deadlock.", []),
    # one side's strikes named as its own; both sides' forces trading fire; rockets at the other's army
    ("The Taliban's spokesman said a Pakistani strike on a house in Khost's Gurbuz district killed ten civilians.",
     [("in_effect", "violated")]),
    ("Pakistani and Afghan forces exchanged heavy fire across the Kurram border overnight, officials said.",
     [("in_effect", "violated")]),
    ("Kabul said its forces fired rockets at Pakistani army locations in Abbottabad in response to Pakistani air raids.",
     [("in_effect", "violated")]),
    # a strike on "sites", a party that bombed, fire from across the line; "to" before a noun is no infinitive
    ("Islamabad said its aircraft struck five 'militant' sites in Afghanistan's Kunar province overnight.",
     [("in_effect", "violated")]),
    ("A Taliban spokesman said Pakistan had shelled villages in Dangam district of Kunar on Wednesday.",
     [("in_effect", "violated")]),
    ("Doctors in Khost traced the injuries to mortar rounds fired from across the border.",
     [("in_effect", "violated")]),
    ("The UN mission attributed most of the deaths to drone strikes in Paktika over the weekend.",
     [("in_effect", "violated")]),
    # strikes on hideouts however many words name them; the other side's posts destroyed, told in the passive;
    # one side's operations inside the other's territory
    ("Pakistan struck at least seven militant hideouts inside Afghanistan overnight, officials said.", [("in_effect", "violated")]),
    ("The ISPR said 27 Afghan Taliban posts had been destroyed and nine others taken over.", [("in_effect", "violated")]),
    ("Islamabad said it had carried out retaliatory operations inside Afghanistan.", [("in_effect", "violated")]),
    # talks that "broke down" break no truce; clashes named as the start of a period are an earlier event
    ("The defence minister said the talks with Kabul had broken down, but that the ceasefire would stand.", []),
    ("Torkham has been shut to trade since the recent clashes, traders said, although the truce with Kabul holds.", []),
    # the two parties as the subject of a reciprocal verb; a claim by a party that it struck
    ("Taliban fighters patrolled the Torkham border area on Friday as Pakistan and Afghanistan traded attacks.", [("in_effect", "violated")]),
    ("His comments followed a claim by Afghanistan's Defence Ministry that it had carried out air strikes on a military base in Nowshera.",
     [("in_effect", "violated")]),
    ("The ceasefire with Kabul came apart on Monday, Pakistan's foreign office said.", [("in_effect", "collapsed")]),
    # the Afghan side's and Pakistan's forces as the subject of "clashed" is fighting
    # between the parties; the Pakistani Taliban's is not
    ("Pakistani Taliban fighters and Pakistani troops clashed overnight in Bajaur, police said.", []),
    ("Taliban fighters and Pakistani troops clashed on Friday evening in Kandahar's Spin Boldak district, local sources said.",
     [("in_effect", "violated")]),
    # "killed 34 between 1 February and 9 February", told on the 10th: counted up to now
    ("UNAMA says Pakistani attacks inside Afghanistan killed 34 civilians between 1 February and 9 February.", [("in_effect", "violated")]),
    # "the Qatar-brokered ceasefire" names the truce; the clash told beside it is the news
    ("The talks ground to a halt on Tuesday, a day after fresh fighting along the border put the Qatar-brokered ceasefire under strain. "
     "An Afghan official said four civilians were killed when Afghan and Pakistani forces clashed.", [("in_effect", "violated")]),
    # a full-scale battle, whatever qualifies it, is full fighting resumed
    ("A full-scale border battle broke out between Pakistani and Afghan troops in Kurram on Thursday.", [("in_effect", "collapsed")]),
    # "the clashes of early October", told in February: a month after "of" dates the clashes it follows
    ("Qatar and Turkey helped broker a fragile ceasefire between Pakistan and Afghanistan after the cross-border clashes of early October, "
     "but a spokesman recently called the truce unstable.", []),
    # one state opening a military operation against the other is war
    ("Pakistan launched a large-scale military offensive against Afghanistan on Friday, the information minister said.", [("in_effect", "collapsed")]),
    # the militants' deeds named to say who they are are no fighting between the sides
    ("Islamabad has long accused Kabul of giving refuge to fighters behind cross-border attacks, a charge the Taliban deny.", []),
    # a truce that "has become inoperative" or "is now defunct" is over
    ("The Qatar-brokered ceasefire between Pakistan and Afghanistan has become inoperative, a Pakistani official said.", [("in_effect", "collapsed")]),
    # a party's strikes named by the party's possessive, as by its adjective
    ("The UN envoy deplored the killing of women and children in Pakistan's attacks in Khost and Kunar.", [("in_effect", "violated")]),
    # the truce a breach is told against ("despite a ceasefire in force") is no news that it holds,
    # and "opening fire" is fire opened; the other's land attacked is fighting
    ("On Saturday, Kabul accused Islamabad of shelling Afghan villages despite a ceasefire in force since October.", [("in_effect", "violated")]),
    ("Pakistan's foreign office blamed Afghan troops for opening fire along the border, a week into the truce.", [("in_effect", "violated")]),
    ("Kabul's defence ministry accused Pakistan of attacking Afghan territory, calling it a breach of trust.", [("in_effect", "violated")]),
    # "no longer in force" and "not bound by any ceasefire" are the negation the news is made of
    ("Kabul's spokesman said the Doha truce was no longer in force after the night's strikes.", [("in_effect", "collapsed")]),
    ("Pakistan and the Afghan Taliban are not currently bound by any ceasefire, Pakistan's foreign office said.", [("in_effect", "collapsed")]),
    # "announced that its truce … has ended" announces the end, not a truce
    ("Islamabad announced that its ceasefire arrangement with Kabul has effectively ended.", [("in_effect", "collapsed")]),
    # one side's forces opening fire is fire across the line, truce named or not
    ("Afghan border forces opened heavy fire in the Bajaur sector late on Monday, Pakistani officials said.", [("in_effect", "violated")]),
    ("Pakistani forces opened fire on TTP militants in Bajaur, police said.", []),
    # a period's start that is itself the fighting ("since deadly border clashes in October") is dated by it
    ("Islamabad and Kabul have had frosty ties since deadly border clashes in November, which ended in a truce brokered by Qatar.", []),
    # what a report "came after" is the earlier event: the truce agreed then is not the news
    ("Zabihullah Mujahid said Pakistani forces had shelled parts of Kandahar overnight. The charge came two days after Reuters reported that the two sides, meeting in Riyadh, had agreed to keep their ceasefire.",
     [("in_effect", "violated")]),
    # how the fighting began, told with a time before its "after" ("began this month after …"), is its origin
    ("The talks are meant to firm up the truce. The clashes began this month after Islamabad pressed Kabul to rein in militants; "
     "the fighting caused dozens of casualties and shut the main crossings.", []),
    # a headline's "ceasefire … 'not holding'", and "its recently agreed ceasefire" is the truce named, no agreement told
    ("Pakistan says ceasefire with Afghanistan 'not holding'", [("in_effect", "violated")]),
    ("Pakistan said on Friday that its recently agreed ceasefire with Afghanistan was not holding.", [("in_effect", "violated")]),
    # fighters killed in clashes "over the past three to four months": a tally over months, no breach now
    ("The truce holds. The army spokesman said 112 foreign fighters had been killed in clashes over the past three to four months, most of them Afghan nationals.", []),
    ("Talks between Pakistan and Afghanistan in Istanbul broke down without agreement on Tuesday. Islamabad accuses Kabul of giving sanctuary to the TTP, "
     "which Afghanistan denies. Cross-border attacks have killed dozens in recent weeks, among them more than two dozen Pakistani soldiers.", []),
    # what an event named by its month followed is older still; what today's fighting followed is news
    ("The talks resumed on Monday. The January fighting followed Pakistani air strikes on Kabul earlier that month.", []),
    ("Clashes near Chaman on Monday followed Pakistani air strikes on Kabul, Afghan officials said.", [("in_effect", "violated")]),
    # attacks named as what soil is charged with being used for are the militants', no breach
    ("Islamabad accuses Kabul of allowing its soil to be used for cross-border attacks on Pakistan.", []),
    ("Pakistan has long accused the Taliban of letting militants use Afghan territory to launch cross-border attacks.", []),
]
ONE_REPORT_IDS = ["open-war", "open-war-told-as-background", "open-war-feared", "not-holding", "negated-breach", "posts-attacked", "fired-at",
    "open-war-conditional", "ttp-truce", "third-country", "month-named-event", "origin-story", "earlier-agreement",
    "truce-ended-the-fighting", "forces-bombed", "declared-void", "ttp-truce-with-the-government",
    "past-year", "early-date", "early-month", "talks-ended",
    "a-sides-own-strike", "both-forces-exchanged-fire", "rockets-at-the-army",
    "struck-sites", "a-party-shelled", "fire-from-across-the-border", "attributed-to-strikes",
    "hideouts-after-four-words", "posts-destroyed-passive", "operations-inside", "talks-broke-down", "since-the-recent-clashes", "traded-attacks", "a-claim-by", "came-apart", "pakistani-taliban-clashed", "taliban-and-pakistani-troops-clashed",
    "period-start-dates-no-breach", "truce-named-by-its-broker", "full-scale-battle", "clashes-of-a-month", "operation-against-the-other-state",
    "militants-deeds-name-them", "truce-become-inoperative", "a-partys-attacks", "despite-the-truce", "opening-fire", "attacking-the-others-territory", "no-longer-in-force", "not-bound-by-any-truce", "announced-that-it-ended", "forces-opened-fire", "forces-fired-on-militants", "since-clashes-in-a-month", "truce-the-news-came-after", "began-this-month-after", "not-holding-in-a-headline", "recently-agreed-truce-not-holding", "tally-over-months", "tally-in-recent-weeks",
    "what-a-month-named-event-followed", "what-todays-fighting-followed",
    "soil-used-for-attacks", "letting-militants-use-territory-to-launch-attacks"]


@pytest.fixture(scope="module")
def one_report_alerts(tmp_path_factory) -> dict[str, list[tuple]]:
    found = alerts_of_each(tmp_path_factory, [summary for summary, _ in ONE_REPORT], "ceasefire", published="2026-02-10T08:00:00Z")
    return {text: [(a["previous"], a["current"]) for a in alerts] for text, alerts in found.items()}


@pytest.mark.parametrize("summary,expected", ONE_REPORT, ids=ONE_REPORT_IDS)
def test_one_report(one_report_alerts, summary, expected):
    assert one_report_alerts[summary] == expected


def test_a_collapsed_truce_stays_collapsed_until_a_new_one(monitor_env, rss):
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan declared open war on Afghanistan's Taliban government on Friday, its defence minister said.",
        "Pakistani artillery shelled Afghan border villages in Kunar overnight, Afghan officials said.",
        "Pakistan and Afghanistan paused military operations for the Eid holiday on Wednesday at the request of Saudi Arabia.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect")]


def test_a_pause_declared_or_a_truce_confirmed_ends_a_collapse(monitor_env, rss):
    # The pause as a noun ("declared a brief pause in their fighting") and a
    # truce confirmed by a side are a truce now, outweighing the fighting the
    # same report retells.
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister said the country was now in open war with the Taliban government.",
        "Islamabad and Kabul announced a three-day halt to their cross-border strikes on Thursday, a week after Pakistani jets bombed Kandahar.",
        "Afghan forces shelled Pakistani posts in Kurram on Sunday, officials said.",
        "Pakistan declared open war on Kabul again after the shelling, its information minister said.",
        "Kabul's spokesman confirmed the new truce with Pakistan on X on Monday.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect"), ("in_effect", "violated"), ("violated", "collapsed"),
          ("collapsed", "in_effect")]


def test_the_earlier_event_a_story_comes_after_is_no_breach(monitor_env, rss):
    assert ceasefire_alerts(
        monitor_env, rss,
        "Chaman reopened for traders on Monday; the move comes after Pakistani air strikes on militant camps in Kunar, Afghan officials said.",
        "Talks resumed in Doha in the wake of cross-border shelling near Torkham that Kabul blamed on Pakistan.",
    ) == []


def test_a_pause_declared_as_a_plan_of_its_own_ends_a_collapse(monitor_env, rss):
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister said the country was now in open war with the Taliban government.",
        "At the request of Qatar, Islamabad announced it would halt military operations in Afghanistan from midnight on Friday for Eid.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect")]


def test_fighting_on_an_earlier_weekday_yields_to_a_truce_that_holds(monitor_env, rss):
    # Replayed on 2026-02-10, a Tuesday: "on Sunday" is two days before.
    assert ceasefire_alerts(
        monitor_env, rss,
        "The truce between Pakistan and Afghanistan is still in place, Kabul's spokesman said. On Sunday, Afghan and Pakistani forces briefly exchanged fire near Torkham.",
    ) == []


def test_another_states_breach_and_clashes_with_militants_at_the_border_are_no_breach(monitor_env, rss):
    # A third state's troops breaking their own truce, told beside this one; and
    # Pakistan's fight with the TTP "near the Afghan border" (ALERTS.md scope).
    assert ceasefire_alerts(
        monitor_env, rss,
        "Talks with Kabul on the truce stalled in Doha, while Indian troops violated the ceasefire in the Neelum valley, an editorial said.",
        "As the truce with Kabul held, Pakistan's army said six soldiers and 14 TTP militants were killed in clashes near the Afghan border.",
        # a breach told as a condition: "any cross-border attack would …"
        "Pakistan said its truce with Kabul was conditional: any cross-border attack from Afghanistan would end it at once.",
    ) == []


def test_an_agreement_to_keep_the_truce_ends_a_breach(monitor_env, rss):
    assert ceasefire_alerts(
        monitor_env, rss,
        "Afghanistan accused Pakistan of breaking the ceasefire with drone strikes in Paktika on Sunday.",
        "Delegations of Pakistan and Afghanistan met in Riyadh and agreed to maintain the ceasefire, officials from both sides said.",
    ) == [("in_effect", "violated"), ("violated", "in_effect")]


def test_what_holds_now_outweighs_an_earlier_day_retold(monitor_env, rss):
    """Present tense against a dated past: the breach of the 10th is known, and
    the next day's report that the truce is holding restores it."""
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistani and Afghan troops exchanged fire near Chaman on Tuesday, breaking the truce agreed in Doha, officials said.",
        "The ceasefire between the two neighbours is still holding, Taliban officials said, although troops traded fire near Chaman on February 10.",
    ) == [("in_effect", "violated"), ("violated", "in_effect")]


def test_a_truce_declared_and_a_past_perfect_retelling(monitor_env, rss):
    """A truce declared moves a collapse on; the same truce retold in the past
    perfect ("had announced") is background and does not undo a breach."""
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister declared open war on the Taliban government on Friday.",
        "Afghanistan on Wednesday declared a truce with Pakistan for Eid, the Taliban's spokesman said.",
        "Pakistani artillery fire on Kunar killed a civilian on Sunday, the Taliban's deputy spokesman said. "
        "The two sides had announced a temporary ceasefire before Eid.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect"), ("in_effect", "violated")]


def test_a_pause_of_a_named_operation_and_a_charge_rejected(monitor_env, rss):
    # A pause announced for Eid ends a collapse, also of an operation by its
    # name; a warning about "any act of terror, cross-border raid or drone
    # strike" is a condition; the other side's charge that the truce was
    # violated is a breach reported, even inside a rejection.
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister said the country was now in open war with the Taliban government.",
        "Information Minister Tarar announced on Tuesday that, for Eid, Pakistan would temporarily pause Operation Azm against Afghanistan.",
        "Pakistan warned it would end the pause if the Taliban carried out any act of terror, cross-border raid or drone strike.",
        "Islamabad rejected an allegation by the Taliban's defence ministry that Pakistan had violated the truce.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect"), ("in_effect", "violated")]


def test_a_charge_of_striking_is_a_breach_and_a_demand_is_not(monitor_env, rss):
    assert ceasefire_alerts(
        monitor_env, rss,
        "Kabul put forward a proposal calling for an end to Pakistani air strikes on Afghan soil.",
        "The Taliban government accused Pakistan of striking a clinic in Kabul on Tuesday.",
    ) == [("in_effect", "violated")]


def test_a_fronted_clause_of_time_qualifies_nothing_after_its_comma(monitor_env, rss):
    # "While negotiators met …": the talks are when, not a hope for the fire after the comma
    assert ceasefire_alerts(
        monitor_env, rss,
        "While negotiators met in Doha, Pakistani forces fired mortars across the border into Kunar, Afghan officials said.",
    ) == [("in_effect", "violated")]


def test_clashes_between_the_forces_and_what_is_not_a_breach(monitor_env, rss):
    # the two sides' forces clashing is a breach; relations that soured after
    # strikes "that October", and militants who came from Afghan soil, are not
    assert ceasefire_alerts(
        monitor_env, rss,
        "Relations soured after Pakistani air strikes on Kabul that October, traders said.",
        "The truce with Kabul is holding. Five soldiers were killed in clashes in Kurram after militants tried to cross in from Afghan soil, the ISPR said.",
        "UNAMA said it was worried by continuing clashes between Afghan and Pakistani forces.",
    ) == [("in_effect", "violated")]


def test_a_pause_told_in_the_passive_and_a_truce_told_as_agreed(monitor_env, rss):
    # "Operation X … was paused": the pause, told without its author, still ends
    # a collapse; so does a truce named with when it was agreed ("…, agreed after
    # appeals from …"), after a second collapse.
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister said the country was now in open war with the Taliban government.",
        "Pakistan's military said Operation Ghazab lil-Haq against the Taliban was paused on Friday for Eid.",
        "Afghanistan's defence minister said his country was in open war with Pakistan.",
        "Traders in Peshawar welcomed the Eid ceasefire between Pakistan and Afghanistan, agreed after appeals from Qatar and Turkey.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect"), ("in_effect", "collapsed"), ("collapsed", "in_effect")]


def test_a_truce_declared_for_a_span_of_days_ends_a_collapse(monitor_env, rss):
    # "the ceasefire announced for the Eid days": a truce for a time, told by its
    # participle; "the ceasefire agreed in Doha" alone names the old one.
    assert ceasefire_alerts(
        monitor_env, rss,
        "Afghanistan's defence minister said his country was in open war with Pakistan.",
        "Analysts recalled the ceasefire agreed in Doha as strikes went on.",
        "The Saudi foreign minister welcomed the truce declared for the three days of Eid al-Adha between Pakistan and Afghanistan.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect")]


def test_positions_hit_beside_a_party_are_a_breach(monitor_env, rss):
    # "hit" is said of quakes and prices as often as of the fighting: beside a
    # party it is read, and a blow on the other side's positions is a breach
    monitor_env.replay(rss([{"title": "Taliban hit Pakistani positions", "guid": "1", "published": "2026-02-10T08:00:00Z",
                             "summary": "The Taliban hit Pakistani positions in Kurram overnight, Taliban spokesman Zabihullah Mujahid said."}]))
    assert [(a["previous"], a["current"]) for a in stored_alerts(monitor_env, "ceasefire")] == [("in_effect", "violated")]


def test_a_pause_told_now_beside_the_wars_start_told_as_past(monitor_env, rss):
    # "said it was suspending its operations …, a lull in a war declared on
    # February 2": the pause is the news; the war's dated start is its background
    assert ceasefire_alerts(
        monitor_env, rss,
        "Pakistan's defence minister said the country was now in open war with the Taliban government.",
        "Pakistan said on Monday that it was suspending its military operations in Afghanistan for three days, a brief lull in what "
        "Islamabad called open war when it began on February 2.",
    ) == [("in_effect", "collapsed"), ("collapsed", "in_effect")]


def test_a_truce_announced_between_the_sides_for_eid(monitor_env, rss):
    # after a collapse, a third country welcoming "the truce announced between Pakistan and Afghanistan for Eid" tells it agreed
    assert ceasefire_alerts(monitor_env, rss,
                            "Pakistan's defence minister said it is now open war with Afghanistan.",
                            "Saudi Arabia welcomed the temporary truce announced between Pakistan and Afghanistan for Eid al-Fitr.") == [
        ("in_effect", "collapsed"), ("collapsed", "in_effect")]
