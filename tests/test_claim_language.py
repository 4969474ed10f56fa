"""The claim detector on the language of the news, through `monitor replay`:
who speaks, several figures in one sentence, what a strike is."""

from __future__ import annotations

import pytest

from helpers import alerts_of_each, stored_alerts


def claims(monitor_env, rss, summary: str, guid: str = "1") -> list[tuple]:
    monitor_env.replay(rss([{"title": "Border report", "summary": summary, "guid": guid, "link": f"https://news.example/{guid}",
                            "published": "2026-02-20T08:00:00Z"}]))
    return sorted((a["claimant"], a["claim_type"], a["target"], a["figure"]) for a in stored_alerts(monitor_env, "claim"))


# One report each, judged from the baseline: (summary, the claims it raises).
ONE_REPORT = [
    # a named official speaks for their party, also after the verb
    ("61 Afghan Taliban fighters were killed in the clashes near Angoor Adda, says Tarar.",
     [("Pakistan", "casualties", "Afghanistan", 61)]),
    # an office that names no party: the side that counts the other's losses
    ("The army said on Saturday that 130 Afghan Taliban fighters had been killed and 310 wounded along the border.",
     [("Pakistan", "casualties", "Afghanistan", 130), ("Pakistan", "casualties", "Afghanistan", 310)]),
    # several figures, each with its own verb: never the wounded as killed
    ("Pakistani shelling killed six Afghan civilians and wounded 17 in Dangam, the Taliban's spokesman Zabihullah Mujahid said.",
     [("Afghanistan", "casualties", "civilians", 6), ("Afghanistan", "casualties", "civilians", 17),
      ("Afghanistan", "strike", "Dangam", None)]),
    # a number that counts posts is no toll
    ("Pakistani troops destroyed four Afghan Taliban posts near Chaman, Pakistani security sources said.",
     [("Pakistan", "territory", "Afghanistan", 4)]),
    # a militants' bombing inside Pakistan is no strike, whoever tells it
    ("Suicide bombers of the TTP struck a police station in Bannu, killing nine policemen, Pakistan's interior minister Mohsin Naqvi said.",
     [("Pakistan", "casualties", "Pakistan", 9)]),
    # the side that was struck claims the strike on the place, beside its toll
    ("Pakistani drones struck a house in Paktika's Barmal district, killing five people, Afghan officials said.",
     [("Afghanistan", "casualties", "civilians", 5), ("Afghanistan", "strike", "Paktika", None)]),
    # both sides charging each other are two accusations
    ("Pakistan and Afghanistan accused each other of starting the firing near Kharlachi on Monday.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Pakistan", "accusation", "Afghanistan", None)]),
    # a toll from a disaster is no claim, whoever gives it
    ("Afghanistan's health ministry said 31 people were killed and 400 injured by the earthquake in Kunar.", []),
    # each clause has its own speaker
    ("Pakistani officials put their losses at 12 soldiers, while the Taliban claimed that 70 Pakistani troops were killed.",
     [("Afghanistan", "casualties", "Pakistan", 70), ("Pakistan", "casualties", "Pakistan", 12)]),
    # a charge named by what the speaker calls the act, and the strike it suffered
    ("Zabihullah Mujahid condemned the night raids on Khost as a violation of Afghanistan's airspace.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Khost", None)]),
    # a third party's account of strikes gives only its tolls
    ("UNAMA said Pakistani air strikes in Kunar killed 9 civilians on Tuesday.",
     [("United Nations", "casualties", "civilians", 9)]),
    # blame for a named attack
    ("The attackers took orders from handlers in Afghanistan, the ISPR said after the assault on the Wana cadet college.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a charge reported inside the other side's denial is still its author's
    # (the allegation tells a strike on a place by the side struck: Kabul's strike claim too, as ALERTS.md keys strikes)
    ("Pakistan's information minister rejected as baseless the Taliban government's allegations that Pakistan had deliberately targeted a clinic in Kabul.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Kabul", None)]),
    # the author of the charged act after "by"
    ("Kabul's defence ministry said its forces answered repeated violations by Pakistani troops along the Durand Line.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # fire across the border onto a named town, told by the side fired on; its number of targets
    ("Pakistan's Foreign Office said Afghan forces opened fire on Torkham from the Afghan side overnight.",
     [("Pakistan", "strike", "Torkham", None)]),
    ("Pakistan struck six militant hideouts in Afghanistan's Khost province, the information ministry said.",
     [("Pakistan", "strike", "Khost", 6)]),
    # each verb its own figure; 'others' after posts are posts
    ("Tarar said troops had destroyed 140 Taliban checkpoints and captured 26 others.",
     [("Pakistan", "territory", "Afghanistan", 26), ("Pakistan", "territory", "Afghanistan", 140)]),
    # blame for a named attack is its own charge, also when it names the harbouring
    ("Islamabad accuses Kabul of sheltering the militants behind the Bajaur attack.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    ("The interior minister said the suicide bomber who attacked the Quetta court was an Afghan national.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # "by his count": the speaker before; a list whose parts each have their verb and figure
    ("Information Minister Attaullah Tarar said on Saturday that the operation was going on. By his count, 352 Taliban fighters had been killed "
     "and more than 535 wounded, 130 of their check posts destroyed and 26 taken over.",
     [("Pakistan", "casualties", "Afghanistan", 352), ("Pakistan", "casualties", "Afghanistan", 535),
      ("Pakistan", "territory", "Afghanistan", 26), ("Pakistan", "territory", "Afghanistan", 130)]),
    # a clause joined by "and that" keeps the speaker's verb of saying for its tense
    ("The DG ISPR said 61 Afghan posts had been destroyed, and that 274 Afghan Taliban had been killed.",
     [("Pakistan", "casualties", "Afghanistan", 274), ("Pakistan", "territory", "Afghanistan", 61)]),
    # targets hit in named places, told by the side that struck
    ("Tarar said Taliban military targets had been hit in Paktia and Kandahar.",
     [("Pakistan", "strike", "Kandahar", None), ("Pakistan", "strike", "Paktia", None)]),
    # a date far from the figures dates another event
    ("As the war declared on February 10 entered its tenth day, Information Minister Attaullah Tarar said 583 Afghan Taliban had been killed so far.",
     [("Pakistan", "casualties", "Afghanistan", 583)]),
    # a breakdown of a figure is part of it
    ("Mujahid said Pakistani drones had bombed a house in Khost, killing nine people, all of them children except for one woman.",
     [("Afghanistan", "casualties", "civilians", 9), ("Afghanistan", "strike", "Khost", None)]),
    # an office that names its party by itself; an attack's dead are the speaker's own
    ("The provincial police chief said the TTP assault on the checkpost in Bajaur killed 14 soldiers.",
     [("Pakistan", "casualties", "Pakistan", 14)]),
    # the other side's rockets on army sites in named cities; a capital that speaks is its government
    ("Kabul said its forces fired rockets at Pakistani army locations in Abbottabad and Nowshera, in what Islamabad called a provocation.",
     [("Afghanistan", "strike", "Abbottabad", None), ("Afghanistan", "strike", "Nowshera", None)]),
    # blame for attacks named by their places, and "the work of"
    ("The interior minister said the bombings in Bannu and Wana were the work of Afghan Taliban proxies.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a capital charged is its government, not a place struck
    ("Zabihullah Mujahid said a Pakistani air strike hit a clinic in Kabul, killing 40 people, and accused Islamabad of deliberately killing civilians.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "casualties", "civilians", 40), ("Afghanistan", "strike", "Kabul", None)]),
    # what a figure counts: tanks are no posts, "a post on X" is no post
    ("Tarar said 130 Taliban check posts had been destroyed, and 171 tanks and armoured vehicles destroyed.",
     [("Pakistan", "territory", "Afghanistan", 130)]),
    ("In a post on X, Mujahid said Pakistani shelling hit a house in Kunar and destroyed it.",
     [("Afghanistan", "strike", "Kunar", None)]),
    # camps "near the border" name no place; Pakistan's operations at home are their tolls only
    ("Islamabad said its jets had hit seven militant camps near the border.", []),
    ("Security forces raided TTP hideouts in Bannu and killed 17 militants, the ISPR said.",
     [("Pakistan", "casualties", "TTP", 17)]),
    # "on X." ends a sentence; "he said" is the one who spoke last; a total and then its parts
    ("Zabihullah Mujahid wrote on X. He said Pakistani jets also struck Kunar, wounding four civilians.",
     [("Afghanistan", "casualties", "civilians", 4), ("Afghanistan", "strike", "Kunar", None)]),
    ("Ten civilians, five boys, four girls and a woman, were killed when a Pakistani strike hit a house in Khost, the Taliban said.",
     [("Afghanistan", "casualties", "civilians", 10), ("Afghanistan", "strike", "Khost", None)]),
    # "opened unprovoked fire on" posts at a named place: the strike the side fired on tells
    ("The ISPR said Afghan Taliban forces opened unprovoked fire on Pakistani positions at Chaman.",
     [("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Chaman", None)]),
    # an official by distinctive surname alone; "groups that attack Pakistan" names no attack
    ("Zaidi said 27 Afghan Taliban posts had been destroyed and nine more captured.",
     [("Pakistan", "territory", "Afghanistan", 9), ("Pakistan", "territory", "Afghanistan", 27)]),
    ("The defence minister accused the Taliban of letting Afghan soil become a base for armed groups that attack Pakistan.", []),
    # a period counted up to now is dated by its end, not its start
    ("Between the night of 8 February and 19 February, UNAMA said, it recorded 61 civilians killed in Paktika and Khost.",
     [("United Nations", "casualties", "civilians", 61)]),
    # several places struck: the count of targets is no one place's figure
    ("The army said its jets had hit 14 targets across Afghanistan, among them sites in Kunar, Laghman and Nuristan.",
     [("Pakistan", "strike", "Kunar", None), ("Pakistan", "strike", "Laghman", None), ("Pakistan", "strike", "Nuristan", None)]),
    # "put the number of X killed at N"; "N of its soldiers and M militants had been killed": one verb, two figures
    ("The ISPR said its jets struck the camps again and put the number of Afghan Taliban fighters killed in the week at 310.",
     [("Pakistan", "casualties", "Afghanistan", 310)]),
    ("Pakistan's military said three of its soldiers and 17 militants had died in the fighting in Kurram.",
     [("Pakistan", "casualties", "Pakistan", 3), ("Pakistan", "casualties", "TTP", 17)]),
    # "N others" counts the same people as the figure before it; a semicolon ends the speaker's reach
    ("Kabul said eight civilians were killed and eight others wounded in Kunar; two soldiers were reported hurt in Bajaur.",
     [("Afghanistan", "casualties", "civilians", 8)]),
    # "had alleged that jets struck X": the strike told, no charge named; grenades thrown into a place,
    # in the passive or told actively ("threw grenades into"), by the side struck
    ("The ISPR rejected the Taliban's account. Taliban spokesman Zabihullah Mujahid had alleged that Pakistani jets bombed Khost and Paktia.",
     [("Afghanistan", "strike", "Khost", None), ("Afghanistan", "strike", "Paktia", None)]),
    ("Afghan border officials said Pakistani troops threw grenades into the Spin Boldak bazaar overnight.",
     [("Afghanistan", "strike", "Spin Boldak", None)]),
    ("Afghan border officials said Pakistani troops lobbed mortars and grenades thrown into Spin Boldak hit a school.",
     [("Afghanistan", "strike", "Spin Boldak", None)]),
    # each clause's own speaker tells its own strike
    ("Islamabad blames Kabul for 'unprovoked firing' at Kharlachi; Kabul says Pakistani shells hit Dand-e-Patan homes.",
     [("Afghanistan", "strike", "Dand-e-Patan", None), ("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Kharlachi", None)]),
    # "'… Pakistani forces bombed …,' he wrote": the one who spoke before, not a name inside the quotation
    ("Mujahid spoke to reporters in Kabul. 'Three boys and a woman were martyred when Pakistani forces bombed a house in Dangam,' he wrote.",
     [("Afghanistan", "casualties", "civilians", 4), ("Afghanistan", "strike", "Dangam", None)]),
    # "on alleged hideouts" is an adjective; "according to various reports" is no party's account
    ("Pakistani jets hit alleged TTP hideouts in Nuristan, with at least twelve dead according to local media reports.",
     []),
    # a bombing by militants "operating from Afghan territory" is their attack at home, no strike
    ("Pakistan's interior ministry said last week's bombings in Peshawar and Quetta were carried out by TTP cells operating from Afghan territory.",
     []),
    # a third party that attributes harm charges no one
    ("UNAMA said 35 civilians were killed in Kunar by attacks by Pakistani forces along the border.",
     [("United Nations", "casualties", "civilians", 35)]),
    # an unnamed office after the words, then a clause of time: the party named before still speaks
    ("Pakistan's army has seized 40 Afghan Taliban posts, the defence minister says as the fighting enters a second week.",
     [("Pakistan", "territory", "Afghanistan", 40)]),
    # the places before a passive "were among the targets"
    ("Taliban depots in Zabul and Ghazni were among the targets, according to Tarar.",
     [("Pakistan", "strike", "Ghazni", None), ("Pakistan", "strike", "Zabul", None)]),
    # a capital that speaks past the cue's reach is not struck
    ("Afghan forces attacked Pakistani troops at several points along the frontier on Thursday, the Taliban government said, in an offensive Islamabad said was being repulsed.",
     []),
    # the other side as the subject of the fire, at a place inside Pakistan
    ("Pakistan's information ministry said Afghanistan had 'opened unprovoked fire' on villages in Bajaur.",
     [("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Bajaur", None)]),
    # the party that heads a clause of its own ("after Kabul said …") speaks in it
    ("Relations soured further after Kabul said Pakistani drones had struck a house in Nangarhar, killing seven civilians.",
     [("Afghanistan", "casualties", "civilians", 7), ("Afghanistan", "strike", "Nangarhar", None)]),
    # a denial does not reach across another speaker's verb of saying
    ("Kabul called the charges baseless, hours after Pakistan's interior minister said on X that he blamed Afghanistan for the Wana bombing.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # state media speak for their state; aircraft in the other's airspace is a charge
    ("Pakistani state television said Afghan forces fired mortars into Chitral overnight.",
     [("Pakistan", "strike", "Chitral", None)]),
    ("Mujahid said Pakistani drones were still patrolling Afghan airspace over Khost on Monday.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # words that begin like a month are no dates: "martyring ten", "10 martyrs"
    ("Mujahid said Pakistani jets bombed a house in Dangam district of Kunar at midnight, martyring nine civilians.",
     [("Afghanistan", "casualties", "civilians", 9), ("Afghanistan", "strike", "Kunar", None)]),
    # "resorted to unprovoked firing": "to" before an -ed word is no infinitive; "once again" is no condition
    ("Pakistan's foreign office said the Afghan Taliban regime had resorted to unprovoked firing on Pakistani posts in Bajaur.",
     [("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Bajaur", None)]),
    # a clause's "he said" is the sentence's named speaker; a crossing town is not folded into its province
    ("Zaidi spoke first. Mujahid, the Taliban's spokesman, told a different story: he said Pakistani forces had once again shelled Spin Boldak district of Kandahar.",
     [("Afghanistan", "strike", "Spin Boldak", None)]),
    ("Mujahid wrote on X that the Pakistani side had begun attacking Kandahar's Spin Boldak district overnight.",
     [("Afghanistan", "strike", "Spin Boldak", None)]),
    # a denial, then the speaker's own charge after "and say"
    ("Afghan authorities reject the charge and say Pakistan is violating Afghanistan's sovereignty with its drones.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    ("Islamabad denied any role and accused the Afghan side of breaking the truce by firing first.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # an after-clause that ends at its comma is no narration of the main clause
    ("Mujahid said that after Afghan strikes on Pakistani posts in the east, Pakistan carried out air strikes on Laghman and Nuristan.",
     [("Afghanistan", "strike", "Laghman", None), ("Afghanistan", "strike", "Nuristan", None)]),
    # "put the toll of the court blast at …"; an army captain among the dead is the army's own
    ("Interior Minister Mohsin Naqvi put the toll of the bombing in Wana at 9 dead and 31 injured, and blamed Afghanistan for it.",
     [("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "casualties", None, 9), ("Pakistan", "casualties", None, 31)]),
    ("A Pakistani army major was among four soldiers killed in a clash with militants near the Afghan border in Bajaur, the military said.",
     [("Pakistan", "casualties", "Pakistan", 4)]),
    # "27 Afghan Taliban military posts" count posts, not people
    ("Zaidi said Pakistani strikes destroyed 31 Afghan Taliban military posts and captured 6.",
     [("Pakistan", "territory", "Afghanistan", 6), ("Pakistan", "territory", "Afghanistan", 31)]),
    # a capital followed by "would" is its government; attacks "inside Pakistan" name no attack
    ("Mujahid condemned the strikes on Paktia as a violation of Afghanistan's sovereignty and said Kabul would respond in time.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Paktia", None)]),
    # "each accusing the other of breaching the truce"; "13 of their soldiers" are the speaker's own;
    # talks that failed with each side blaming the other charge nothing
    ("The sides traded fire near Kharlachi on Thursday night, each accusing the other of breaching last month's Qatar-brokered ceasefire.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Pakistan", "accusation", "Afghanistan", None)]),
    ("Afghan authorities said 11 of their soldiers and 40 civilians had been killed in Kunar since the fighting began.",
     [("Afghanistan", "casualties", "Afghanistan", 11), ("Afghanistan", "casualties", "civilians", 40)]),
    ("Pakistan and Afghanistan ended their talks in Riyadh without agreement, and each blamed the other.", []),
    # an unnamed local office speaks for the side the report is datelined from
    ("JALALABAD: Seven people were killed when Pakistani drones struck a house in Shinwar district of Nangarhar, provincial police said.",
     [("Afghanistan", "casualties", "civilians", 7), ("Afghanistan", "strike", "Nangarhar", None)]),
    # "18 members of the family" are civilians; a charge told as what officials regularly say is no charge now
    ("A Taliban spokesman said 18 members of the family were killed when the house in Khost was hit.",
     [("Afghanistan", "casualties", "civilians", 18)]),
    ("Pakistani officials routinely blame such bombings on the TTP and say the group operates from Afghan soil.", []),
    # the side that struck a Pakistani camp inside Pakistan tells its strike; "launched the assault on"
    ("Afghanistan's defence ministry said its drones had hit a Pakistani military camp in Bajaur overnight.",
     [("Afghanistan", "strike", "Bajaur", None)]),
    ("Mujahid said Pakistan had launched the assault on Dand-e-Patan and that Afghan forces were only answering it.",
     [("Afghanistan", "strike", "Dand-e-Patan", None)]),
    # "the UN's first estimate is that …", and the other clause's "put the death toll at more than N"
    ("The UN's first estimate is that at least 61 people were killed in Kunar, while Afghan officials put the death toll at more than 90.",
     [("Afghanistan", "casualties", None, 90), ("United Nations", "casualties", "civilians", 61)]),
    # a charge against a state outside the conflict is another conflict's
    ("The ISPR said the militants killed in Kech were part of an Indian proxy network sponsored by New Delhi.", []),
    # (the harbouring charge it makes is known from the baseline: silent)
    ("Islamabad blames Afghan-based TTP militants for recent attacks inside Pakistan and has urged Kabul to rein them in.",
     []),
    # the targets of a strike, then where they were, then "had been hit"
    ("Pakistan's information minister said Taliban installations in Kunar, Nangarhar and Laghman had been struck overnight.",
     [("Pakistan", "strike", "Kunar", None), ("Pakistan", "strike", "Laghman", None), ("Pakistan", "strike", "Nangarhar", None)]),
    # the name a party gives what the other did is its charge
    ("Pakistan launched the operation after what it called unprovoked shelling by Afghan forces.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # aiming at a school is a charge of its own, beside the strike
    ("Afghan officials say Pakistan targeted a school in Kunar.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Kunar", None)]),
    # "…, an accusation X denies": the charge is the other side's, whoever tells it
    # (and a pronoun in a relative clause without "that" is the party named nearest before it)
    ("Trade has long given Islamabad leverage over the TTP fighters it says shelter in Afghanistan, a charge Kabul rejects.", []),
    # unnamed officials after a place are no apposition: the side the story was filed from
    ("ISLAMABAD: Pakistani jets struck militant hideouts in Kunar near the border with Afghanistan, officials said.",
     [("Pakistan", "strike", "Kunar", None)]),
    ("PESHAWAR: At least 12 people were killed when a suicide bomber struck a market in Bannu, according to the authorities.",
     [("Pakistan", "casualties", "civilians", 12)]),
    # "it said" after an office spoke, named in the sentence before
    ("Security forces raided TTP hideouts in two districts of Khyber Pakhtunkhwa, the ISPR said. Four militants were killed in Bannu, it said.",
     [("Pakistan", "casualties", "TTP", 4)]),
    # known charges in other words: a colony of India is the proxy charge, exporting terrorism the harbouring one
    ("Khawaja Asif accused the Taliban of turning Afghanistan into an Indian colony.", []),
    ("Pakistan's foreign office accused Kabul of exporting terrorism to its neighbours.", []),
    # who started the firing is the charge
    ("The Afghan defence ministry said Pakistan had miscalculated by starting cross-border firing in Kunar.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # "according to security officials quoted by state media": the officials, the side it was filed from
    ("ISLAMABAD: At least 15 Afghan Taliban fighters were killed in Kurram, according to security officials quoted by state media.",
     [("Pakistan", "casualties", "Afghanistan", 15)]),
    # "no fewer than" is a figure's floor, like "at least", not a negation
    ("UNAMA said on Tuesday that no fewer than 42 civilians had been killed in the clashes between Afghan and Pakistani forces.",
     [("United Nations", "casualties", "civilians", 42)]),
    # people cornered, arrested or rescued are not killed, whatever verb came before
    ("The ISPR said security forces killed two attackers and cornered three others inside the college.",
     [("Pakistan", "casualties", "TTP", 2)]),
    ("The ISPR said troops killed 12 militants and arrested five others in the raid.",
     [("Pakistan", "casualties", "TTP", 12)]),
    # "the earthquakes of August, which killed 1,400": a disaster's toll, plural too
    ("UNAMA said the fighting with Pakistan was worsening life for Afghans still recovering from the earthquakes of August and September, which killed more than 1,400 people.", []),
    # who started the attack is the charge
    ("Mujahid wrote on X that Pakistani forces had started the attack at Spin Boldak and Afghan forces were compelled to respond.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Spin Boldak", None)]),
    # a date set off by commas is its participle's: "has so far killed" is a tally now
    ("According to Information Minister Attaullah Tarar, the operation, launched on February 12, has so far killed 641 Afghan Taliban operatives.",
     [("Pakistan", "casualties", "Afghanistan", 641)]),
    # "KABUL - …": a dateline with a dash, where it was filed; the UN mission speaks
    ("KABUL - The UN mission in Afghanistan says Pakistani attacks killed 34 civilians in Kunar.",
     [("United Nations", "casualties", "civilians", 34)]),
    # the toll's own noun after a figure; "multiple" is a number nobody gave
    ("Taliban authorities confirmed at least five deaths in clashes with Pakistani forces near the border.",
     [("Afghanistan", "casualties", None, 5)]),
    ("A Taliban spokesperson blamed Pakistan for the air strike and reported multiple casualties.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "casualties", None, None)]),
    # "writing online that …" reports; an aside between a figure and its verb; "indiscriminate bombing" condemned is a charge
    ("Mujahid condemned what he called the indiscriminate bombing of villages in Nangarhar, writing online that dozens of innocent people, children and mothers among them, had been killed.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "casualties", "civilians", None), ("Afghanistan", "strike", "Nangarhar", None)]),
    # "by its count" after "according to X" is X's count; "50 of the dead"
    ("According to the United Nations, the clashes between Afghan and Pakistani forces killed more than 70 people, and by its count about 50 of the dead were Afghan civilians.",
     [("United Nations", "casualties", None, 50), ("United Nations", "casualties", "civilians", 70)]),
    ("Islamabad countered that the Afghan side had started the firing and that its troops had only responded.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a crossing town named with the province it lies in is the place struck
    ("Haqmal, a Taliban district spokesman, said Pakistani fire had struck the border area near the Afghan town of Spin Boldak in Kandahar province.",
     [("Afghanistan", "strike", "Spin Boldak", None)]),
    # ", and Pakistani officials said …": a second speaker's clause
    ("Afghan officials said five Afghan civilians were killed in the clashes, and Pakistani officials said three civilians were hurt on their side.",
     [("Afghanistan", "casualties", "civilians", 5), ("Pakistan", "casualties", "civilians", 3)]),
    # "11 p.m. on Saturday": a stop before a lower-case word ends no sentence
    ("Fitrat, the Taliban's deputy spokesman, said the attacks came at about 11 p.m. on Saturday, when drone strikes on Nangarhar killed two people.",
     [("Afghanistan", "casualties", "civilians", 2), ("Afghanistan", "strike", "Nangarhar", None)]),
    # two attacks named together, each its own charge
    ("Interior Minister Mohsin Naqvi said both the Islamabad bombing and Monday's assault on the cadet college in Wana had links to militants operating from Afghanistan.",
     [("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "accusation", "Afghanistan", None)]),
    # a district is read as its province; "one person" is a figure ("per" is not "per cent")
    ("The Afghan Taliban's spokesman Mujahid said Pakistani forces bombed a house in the Mughalgai area of Gurbuz district.",
     [("Afghanistan", "strike", "Khost", None)]),
    ("The Afghan Taliban's deputy spokesman said Pakistani forces shelled a civilian house in Kamdesh district, killing one person.",
     [("Afghanistan", "casualties", "civilians", 1), ("Afghanistan", "strike", "Nuristan", None)]),
    # one post named singly is a figure of one
    ("A spokesman for the Taliban's 201st Corps said its forces had fired mortars at a Pakistani border post near Nangarhar province and that the post was completely destroyed.",
     [("Afghanistan", "strike", "Nangarhar", None), ("Afghanistan", "territory", "Pakistan", 1)]),
    # "… and five more in Bannu": the toll before, continued; but "35 more taken over" has a verb of its own
    ("The ISPR said security forces killed TTP militants near the Afghan border. Four were killed in Dera Ismail Khan district and five more in Bannu, it said.",
     [("Pakistan", "casualties", None, 4), ("Pakistan", "casualties", None, 5)]),
    ("Information Minister Attaullah Tarar said 481 operatives of the Afghan Taliban regime had been killed so far and more than 696 wounded, 226 of its checkposts destroyed and 35 more taken over.",
     [("Pakistan", "casualties", "Afghanistan", 481), ("Pakistan", "casualties", "Afghanistan", 696),
      ("Pakistan", "territory", "Afghanistan", 226), ("Pakistan", "territory", "Afghanistan", 35)]),
    # "the other two were shot dead"
    ("The ISPR said one attacker blew himself up at the gate near the Afghan border and the other two were shot dead by soldiers.",
     [("Pakistan", "casualties", None, 2)]),
    # civilians killed or hurt told with no number: a toll of no figure, by whoever tells it
    ("Kabul said the Pakistani strikes on Khost had caused civilian casualties, women and children among them.",
     [("Afghanistan", "casualties", "civilians", None), ("Afghanistan", "strike", "Khost", None)]),
    ("Pakistan said its air strikes killed at least 70 fighters in Afghanistan; Afghanistan rejected that figure and said civilians were among the dead.",
     [("Afghanistan", "casualties", "civilians", None), ("Pakistan", "casualties", "Afghanistan", 70)]),
    ("Residents said civilians were killed when Pakistani shells hit Kunar.", []),
    # the charge ends where the speaker goes on to say something else (not "sovereignty" as a charge)
    ("Tarar accused the Afghan Taliban of giving terrorists room to operate from their soil, and said Islamabad would protect its people and sovereignty.", []),
    # a capital that acts ("said Islamabad had launched …") is its government, not a place struck
    ("Information Minister Attaullah Tarar accused the Afghan Taliban regime of unprovoked firing along the border and said Islamabad had launched Operation Ghazab lil-Haq and carried out strikes inside Afghanistan in response.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # accusations called baseless are denied, not made
    ("Information Minister Attaullah Tarar called the Taliban's accusations 'entirely baseless' and said the strikes had targeted militant sites in Afghanistan.", []),
    # targeting residential neighbourhoods is the charge of killing civilians
    ("Afghanistan's defence ministry accused Pakistan of deliberately targeting residential neighbourhoods and said dozens of civilians had been killed.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "casualties", "civilians", None)]),
    # "deliberately hit" a civilian site is a charge
    ("Taliban officials say Pakistan deliberately hit a civilian health facility in Kabul.", [("Afghanistan", "accusation", "Pakistan", None)]),
    # a crossing town hit by Pakistan's arms is the Afghan side's
    ("Afghan officials said Pakistani mortar rounds hit civilian areas of Torkham.", [("Afghanistan", "strike", "Torkham", None)]),
    # "a claim by X that it had carried out air strikes on …": X's strike
    ("His comments followed a claim by Afghanistan's Defence Ministry that it had carried out air strikes on a military base in Nowshera.",
     [("Afghanistan", "strike", "Nowshera", None)]),
    # "accused X of opening fire on PLACE": the charge and the strike the side fired on tells
    ("Mujahid accused Pakistani forces of opening fire on Spin Boldak.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Spin Boldak", None)]),
    ("Kunar's information chief said more than 100 rockets had hit areas of Manogai district.", [("Afghanistan", "strike", "Kunar", None)]),
    # a count "recorded" or "documented" is its recorder's claim
    ("UNAMA recorded 75 civilians killed in Afghanistan by Pakistani strikes.", [("United Nations", "casualties", "civilians", 75)]),
    # "nine others" after posts counted further back are posts
    ("Tarar said at least 27 posts belonging to the Afghan Taliban regime had been destroyed and nine others captured.",
     [("Pakistan", "territory", "Afghanistan", 27), ("Pakistan", "territory", "Afghanistan", 9)]),
    # "…, saying at least 250 people had been injured": the participle reports
    ("Deputy government spokesman Hamdullah Fitrat gave a heavier toll, saying at least 250 people had been injured in the Pakistani strike on Kabul.",
     [("Afghanistan", "casualties", "civilians", 250), ("Afghanistan", "strike", "Kabul", None)]),
    # a count given now ("said in a report on Wednesday") of last year's dead is a claim now;
    # the same count told as last year's words is background
    ("UNAMA said in a report on Wednesday that last year's border clashes between Afghan and Pakistani forces killed at least 70 civilians.",
     [("United Nations", "casualties", "civilians", 70)]),
    ("Last year UNAMA said the border clashes between Afghan and Pakistani forces killed 70 civilians.", []),
    # claiming an attack named by its day is responsibility, not a count of its dead
    ("The TTP has claimed Monday's suicide attack on a police post in Bannu, which killed seven people.", []),
    # "X reported dead": what was reported of them, by nobody named
    ("Dozens of Pakistani soldiers reported dead as fighting spreads along the Kurram border.", []),
    # a body that counts the dead gives its count
    ("The UN mission counted at least 14 civilians killed and 20 wounded in Paktika after the strikes.",
     [("United Nations", "casualties", "civilians", 14), ("United Nations", "casualties", "civilians", 20)]),
    # the police of the place the sentence names
    ("A suicide bomber struck a market in Bannu on Sunday, killing six people, according to police.",
     [("Pakistan", "casualties", "civilians", 6)]),
    # members of one family are civilians, however the family is qualified
    ("Taliban officials said 12 members of a single family were killed when Pakistani jets bombed a house in Khost.",
     [("Afghanistan", "casualties", "civilians", 12), ("Afghanistan", "strike", "Khost", None)]),
    # "the hand of X behind", "a network operating out of X": an attack's author
    ("Interior Minister Mohsin Naqvi said he saw the hand of Afghanistan behind the Quetta bombing.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    ("The defence minister said a network operating out of Afghanistan was behind the attack on the police training school in Dera Ismail Khan.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # what a relative clause tells of a month's fighting is that fighting's, told as background
    ("Fresh strikes hit Khost on Monday, on top of October's clashes, in which the UN said 50 civilians were killed.", []),
    # "According to X," heads every clause of its sentence, past a semicolon too
    ("According to the Taliban's spokesman, nine people were killed in Khost; a clinic was also hit, wounding three children.",
     [("Afghanistan", "casualties", "civilians", 9), ("Afghanistan", "casualties", "civilians", 3)]),
    # a figure whose noun has a verb of its own ("14 people was hit") counts those people, not the dead
    ("Afghan officials said a house sheltering 14 people was hit in Paktika, where nine were killed.",
     [("Afghanistan", "casualties", None, 9)]),
    # blaming the other side for strikes on one's own places is the strike claim, not another charge
    ("The Taliban government blamed Pakistan for the air strikes on Kunar and Nangarhar.",
     [("Afghanistan", "strike", "Kunar", None), ("Afghanistan", "strike", "Nangarhar", None)]),
    # the attackers told by their verb ("every militant who stormed …") were Afghans: a named attack's author
    ("Every militant who stormed the Bannu cantonment was an Afghan national, Pakistani security officials said.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # "had again hit": a blow repeated on the places named
    ("Mujahid said Pakistan had again hit parts of Kunar and Khost.",
     [("Afghanistan", "strike", "Khost", None), ("Afghanistan", "strike", "Kunar", None)]),
    # people of a place hit by fire "from Afghan territory": the place struck, told by the side hit
    ("Pakistani health officials said three civilians in Kurram were wounded by gunfire from Afghan territory.",
     [("Pakistan", "casualties", "civilians", 3), ("Pakistan", "strike", "Kurram", None)]),
    # "to" before a figure is a preposition ("injuries to 30 others"), no infinitive that hedges it
    ("UNAMA said it recorded the deaths of nine civilians and injuries to 30 others in Paktika this week.",
     [("United Nations", "casualties", "civilians", 9), ("United Nations", "casualties", "civilians", 30)]),
    # a charge told as the motive of what was done ("over allegations that it shelters …") is no charge of the speaker's
    ("Pakistan struck Kabul and Kandahar, Mujahid said, in attacks on the Afghan government over allegations that it shelters militants who threaten Islamabad.",
     [("Afghanistan", "strike", "Kabul", None), ("Afghanistan", "strike", "Kandahar", None)]),
    # a count moved to a figure ("the number killed had risen past 350")
    ("Information Minister Attaullah Tarar said the number of Afghan Taliban killed had climbed past 410.",
     [("Pakistan", "casualties", "Afghanistan", 410)]),
    # the agent of a passive ("shells fired by Afghan forces hit homes") acts; the unnamed officials who tell it are the side hit
    ("Two people were killed after mortar shells fired by Afghan forces hit homes in Pakistan's Kurram district, security officials said.",
     [("Pakistan", "casualties", "civilians", 2), ("Pakistan", "strike", "Kurram", None)]),
    # a participle's aside between a speaker and the verb ("…, attributing the raids to Pakistani officers, accused …") names no speaker
    ("Taliban spokesman Zabihullah Mujahid, attributing the strikes to 'a small group' of Pakistani army officers, accused Pakistan of hitting civilian homes.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # after a denial, "saying …" is the speaker's own account; a report called false after it is told is denied
    ("The Afghan defence ministry rejected Islamabad's version, saying Pakistani drones had bombed two villages in Kunar overnight.",
     [("Afghanistan", "strike", "Kunar", None)]),
    ("The ISPR denied that any soldiers had died at the border, saying that reports of 40 dead were baseless.", []),
    ("Pakistan's army denied hitting a market, saying its jets had struck militant compounds in Nangarhar and had killed 35 fighters.",
     [("Pakistan", "casualties", "Afghanistan", 35), ("Pakistan", "strike", "Nangarhar", None)]),
    # "each side said" speaks for its own part of the sentence: the toll before the semicolon is nobody's
    ("Three traders were killed near the Chaman crossing on Sunday; each side said the other had fired first.", []),
    # "non-combatants" are civilians; "maintains that" reports; "X putting Y's deaths at N" is X's count, in its own clause
    ("Kabul's defence ministry said 14 non-combatants had been killed in the overnight raids on Khost.",
     [("Afghanistan", "casualties", "civilians", 14), ("Afghanistan", "strike", "Khost", None)]),
    ("Islamabad maintains that nearly 90 militants died in the fighting near Angoor Adda.", [("Pakistan", "casualties", "TTP", 90)]),
    ("The two sides traded figures, with Islamabad saying 45 attackers were killed and Kabul putting Pakistani military deaths at 31.",
     [("Pakistan", "casualties", "TTP", 45), ("Afghanistan", "casualties", "Pakistan", 31)]),
    # a capital that attributes a strike is its government, not a place struck
    ("A drone strike that Kabul attributes to the Pakistani military hit a house in Paktika, Taliban spokesman Zabihullah Mujahid said.",
     [("Afghanistan", "strike", "Paktika", None)]),
    # an aside after a strike's noun ("the raids, part of what Islamabad calls …, hit …") does not take the places out of its reach
    ("According to Pakistan's information ministry, the air raids, which Islamabad has named Operation Sarkob, destroyed Taliban camps, arms stores and command posts in Paktia and Kunar.",
     [("Pakistan", "strike", "Kunar", None), ("Pakistan", "strike", "Paktia", None), ("Pakistan", "territory", "Afghanistan", None)]),
    # "held X responsible for" a named attack charges X with it
    ("Interior Minister Mohsin Naqvi held the Afghan Taliban responsible for the bombing of a police station in Bannu.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a clause told before ", and X said …" is the outlet's; a state's "citizens" are civilians
    ("Doctors in Spin Boldak treated nine wounded people overnight, and Afghan officials said two of their citizens had been killed by Pakistani fire.",
     [("Afghanistan", "casualties", "civilians", 2)]),
    # a count over a period ("from late on 14 February to …") is told now
    ("From late on 12 February to 19 February, UNAMA said, it recorded at least 23 civilians killed and 61 wounded in Kunar.",
     [("United Nations", "casualties", "civilians", 23), ("United Nations", "casualties", "civilians", 61)]),
    # posts taken, told in the passive; a tally "given" is a count told
    ("Kabul's defence ministry said 31 Pakistani outposts had been taken along the Durand Line overnight.",
     [("Afghanistan", "territory", "Pakistan", 31)]),
    ("Information Minister Attaullah Tarar gave a fresh tally of 264 Afghan Taliban fighters dead and 390 wounded.",
     [("Pakistan", "casualties", "Afghanistan", 264), ("Pakistan", "casualties", "Afghanistan", 390)]),
    # an aside that a quotation closes sits between the figure and its verb too
    ("The Taliban's defence ministry said 'dozens of innocent villagers, including women and children' had been killed or wounded in the raids on Kunar.",
     [("Afghanistan", "casualties", "civilians", None), ("Afghanistan", "strike", "Kunar", None)]),
    # two speakers side by side ("Kabul says …, Islamabad says …"): each figure is its own speaker's
    ("Rival tolls: Kabul says 36 dead, Islamabad says 29 militants killed.",
     [("Afghanistan", "casualties", None, 36), ("Pakistan", "casualties", "TTP", 29)]),
    # "deplored the killing of … civilians": a third party's count of civilian dead, with no figure
    ("UNAMA's acting head deplored the killing of women, children and other civilians in Pakistani strikes on Khost.",
     [("United Nations", "casualties", "civilians", None)]),
    # what was struck, named civilian by the side struck, in its own clause: its charge against the side that struck
    ("Islamabad said its jets had hit seven militant camps; Kabul's defence ministry said the sites bombed were homes.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # a second party charging, named as its verb's subject: each charge its own
    ("Islamabad blamed the Afghan side for starting the firing at Ghulam Khan, hours after Kabul accused Pakistan of shelling its territory despite the truce.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Ghulam Khan", None)]),
    # a count from the start of a period told by a clause of "since" ("since the fighting flared last week") is told now
    ("UNAMA said that since the fighting flared last week, 41 civilians had been killed in Kunar and Nangarhar.",
     [("United Nations", "casualties", "civilians", 41)]),
    # a party's claim that a strike hit a place, rejected by the other: still its own account of the strike
    ("Islamabad firmly rejected Kabul's claim that Pakistani drones had struck a market in Khost.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Khost", None)]),
    # ", where X say …": a clause with a speaker of its own
    ("Pakistan's defence minister told reporters that the army had struck militant hideouts in Barmal, where Afghan officials say 12 children were killed.",
     [("Afghanistan", "casualties", "civilians", 12), ("Pakistan", "strike", "Barmal", None)]),
    # a date worn by the attack's noun names the attack; the charge about it is told now
    ("The interior ministry said the 3 February bombing of a police station in Bannu had been planned by handlers in Afghanistan.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # "Reports say …" is nobody's account, whoever speaks in the next clause
    ("Reports say 14 sites were struck, among them Kabul and parts of Khost, while Afghan officials say their forces hit back at Pakistani border posts.", []),
    # the other side's fire called "unprovoked" by the party that names it so
    ("Afghan forces fired on several posts overnight, an attack Islamabad termed unprovoked and said had been repulsed.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # an office named by its place, after the verb or as a commissioner before it, is that place's side
    ("Three Afghan posts destroyed in Kurram exchange, says Parachinar official.",
     [("Pakistan", "territory", "Afghanistan", 3)]),
    ("Five Afghan Taliban checkposts were destroyed overnight, Upper Dir Deputy Commissioner Khalid Mehmood told reporters.",
     [("Pakistan", "territory", "Afghanistan", 5)]),
    # "they" after "…, the sources said" are the sources, not the party their words named
    ("ISLAMABAD: Pakistani forces hit an arms depot overnight, security sources said. The operation has killed 320 Afghan Taliban fighters, "
     "the sources said. They put the number of Taliban positions destroyed at 118.",
     [("Pakistan", "casualties", "Afghanistan", 320), ("Pakistan", "territory", "Afghanistan", 118)]),
    # the sectors fired on are the places struck, not the province they lie in; the prime minister's spokesman speaks for Pakistan
    ("Afghan forces opened fire in the Bajaur and Mohmand sectors of Khyber Pakhtunkhwa, according to the prime minister's spokesman.",
     [("Pakistan", "strike", "Bajaur", None), ("Pakistan", "strike", "Mohmand", None)]),
    # a bare name in apposition after the office: the office's party speaks
    # "Kabul's alleged support for the Pakistani Taliban": the possessor is charged (the known charge), not the TTP
    ("Pakistani officials say the reason for the closure, Kabul's alleged support for the Pakistani Taliban, has still not been addressed.", []),
    # an auxiliary after an apposition ("…, UNAMA, has recorded") heads no phrase; "it counts" reports;
    # "denies it and in turn accuses": a charge of its own after the denial
    ("The UN mission in Afghanistan, UNAMA, has recorded 31 civilians killed in Kunar this week. It counts 88 wounded.",
     [("United Nations", "casualties", "civilians", 31), ("United Nations", "casualties", None, 88)]),
    ("Kabul denies it and in turn accuses Pakistan of backing the regional branch of the Islamic State.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    # "the mission says": an unnamed office, resolved to the one that spoke before
    ("UNAMA said 40 civilians were killed in Kunar last month. The mission says 12 more civilians were killed in Pakistani air strikes this week.",
     [("United Nations", "casualties", "civilians", 12), ("United Nations", "casualties", "civilians", 40)]),
    # "condemned the raids, saying they had deliberately targeted civilians": the side that raided is charged
    ("Kabul's defence ministry condemned the raids, saying they had deliberately targeted a mosque and homes in Nuristan.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Nuristan", None)]),
    # a party's "claim that" strikes killed civilians tells a strike and its toll, not a charge ("allegations" would be one)
    ("The ISPR denied Kabul's claim that Pakistani strikes in Paktia had killed nine civilians overnight.",
     [("Afghanistan", "strike", "Paktia", None)]),
    ("Pakistan's special envoy, Mohammad Sadiq, said Kabul's rulers had broken the ceasefire by letting fighters cross from Afghan soil.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # an attack that "originated in Afghanistan" is laid at Kabul's door, also beside a charge against India,
    # which is another conflict's and keeps no charge of this one from being read
    ("Prime Minister Shehbaz Sharif said in a post on X that the Wana suicide attack had originated in Afghanistan, and accused India of backing it.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # "enabling terrorism" is the known charge of harbouring militants, no new one
    ("Defence Minister Khawaja Asif accused Kabul of enabling terrorism inside Pakistan for four years.",
     []),
    # a headline's present tense: the side whose forces act is the army that says it
    ("Pakistani forces kill 23 TTP militants in Kurram near Afghan border, army says",
     [("Pakistan", "casualties", "TTP", 23)]),
    # hideouts "inside Afghanistan": the country is no place struck, so only the toll is a claim
    ("Pakistan said its forces had killed 70 militants in strikes on seven militant hideouts inside Afghanistan.",
     [("Pakistan", "casualties", "TTP", 70)]),
    # "five Afghans were killed": a side's people, counted by their nationality
    ("Pakistani forces shelled the Afghan side of the border overnight, and five Afghans were killed, Zabihullah Mujahid said.",
     [("Afghanistan", "casualties", "Afghanistan", 5)]),
    # "replied that … had launched": what was said, not the past perfect of old news
    ("The Taliban replied that the 'cowardly Pakistani army' had launched air strikes on parts of Kandahar and Paktia.",
     [("Afghanistan", "strike", "Kandahar", None), ("Afghanistan", "strike", "Paktia", None)]),
    # a figure that counts the wounded does not count the posts told after it
    ("The ministry said 133 Afghan Taliban had been killed and more than 90 wounded, and several of their check posts targeted and destroyed.",
     [("Pakistan", "casualties", "Afghanistan", 133), ("Pakistan", "casualties", "Afghanistan", 90), ("Pakistan", "territory", "Afghanistan", None)]),
    # "going after innocent people" is the charge of killing civilians; "each capital accused the other" is both sides'
    ("Zabihullah Mujahid accused Pakistan of deliberately going after innocent people.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
    ("Forces exchanged fire near Chaman late on Friday, and each capital accused the other of provoking the clash.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Pakistan", "accusation", "Afghanistan", None)]),
    # Bagram is a place struck; sources named beside eyewitnesses are locals, no side's office
    ("Afghanistan's defence ministry confirmed Pakistani jets had struck Bagram.",
     [("Afghanistan", "strike", "Bagram", None)]),
    ("Pakistani jets reportedly bombed the Bagram air base area early Sunday, according to local sources and eyewitnesses.",
     []),
    # "the targets were …": the places struck, told by the side that struck; military sites inside Pakistan
    # that Kabul says it hit are its strikes, a militants' targets told by Pakistan's police are not
    ("The Taliban's defence ministry said its air force struck inside Pakistani territory. According to the ministry, "
     "the targets were a military base near Islamabad and military installations in Nowshera.",
     [("Afghanistan", "strike", "Islamabad", None), ("Afghanistan", "strike", "Nowshera", None)]),
    ("Peshawar police said the targets were a school and a market in Peshawar.", []),
    # a denial, then the speaker's own charge: "rejected Kabul's version …, saying Afghan forces had opened fire first"
    ("Foreign Office spokesperson Tahir Andrabi rejected Kabul's version of the latest firing incident, saying Afghan forces had opened fire first.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # "Islamabad and Kabul each accused the other": both speak, neither alone tells the fire as its strike
    ("Pakistani and Afghan troops exchanged artillery fire close to the Chaman crossing late on Friday, and Islamabad and Kabul each accused the other of provoking it.",
     [("Afghanistan", "accusation", "Pakistan", None), ("Pakistan", "accusation", "Afghanistan", None)]),
    # "By the UN's count": the possessor after "by" is cited
    ("By the UN's count, at least seventy-five civilians have been killed in Afghanistan and 193 injured this week in Pakistani strikes.",
     [("United Nations", "casualties", "civilians", 193), ("United Nations", "casualties", "civilians", 75)]),
    # "linked the attack to Afghanistan": the attack laid at Kabul's door
    ("Pakistan's defence minister linked the Islamabad mosque attack to Afghanistan, saying the bomber had travelled through the neighbouring country.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a bare figure in a list after a comma counts the same people as the figure before it
    ("A Pakistani government spokesman said 133 Taliban fighters had been killed, more than ninety wounded and dozens of Afghan posts destroyed.",
     [("Pakistan", "casualties", "Afghanistan", 133), ("Pakistan", "casualties", "Afghanistan", 90), ("Pakistan", "territory", "Afghanistan", None)]),
    # ", and Afghan authorities gave a first toll of 18 killed": a second speaker's clause, its verb a toll given
    ("Pakistan said on Sunday it had launched air strikes on armed groups along the Afghan border, and Afghan authorities gave a first toll of 18 people killed.",
     [("Afghanistan", "casualties", "civilians", 18)]),
    # "…, while 31 more had been taken over": the posts of the clause before
    ("Information Minister Attaullah Tarar said troops had destroyed 188 Afghan Taliban check posts, while 31 more had been taken over.",
     [("Pakistan", "territory", "Afghanistan", 188), ("Pakistan", "territory", "Afghanistan", 31)]),
    # "… had also claimed it": responsibility for the attack named, no words of the militants' base
    ("ISLAMABAD: The bombing campaign, the ministry said, was carried out on the orders of handlers based in Afghanistan, "
     "and Afghanistan-based TTP factions had also claimed it.",
     [("Pakistan", "accusation", "Afghanistan", None)]),
    # a district told in apposition with its province is one place, as "Barmal district of Paktika"
    ("Pakistani jets struck Barmal, a district in eastern Paktika province, overnight, the Taliban government said.",
     [("Afghanistan", "strike", "Paktika", None)]),
    # past a semicolon, the other side speaks its own charge
    ("Pakistan said the raids answered attacks on its border posts; the Taliban government condemned the raids as a breach of Afghan airspace.",
     [("Afghanistan", "accusation", "Pakistan", None)]),
]
ONE_REPORT_IDS = ["official-after-verb", "office-without-party", "killed-and-wounded", "posts-not-people", "bombing-no-strike", "strike-and-toll",
    "reciprocal", "quake-toll", "clause-speakers", "called-a-violation", "third-party-no-strike", "attack-blame",
    "charge-inside-a-denial", "charge-by", "fire-on-a-crossing-town", "strike-count", "territory-each-verb",
    "named-attack-behind", "attacker-was-afghan",
    "by-his-count", "and-that-clause", "targets-hit-in", "date-of-another-event",
    "breakdown", "police-chief-and-own-dead", "rockets-on-army-sites", "named-attacks-work-of",
    "capital-charged", "tanks-are-no-posts", "post-on-x", "camps-near-the-border", "operation-at-home",
    "he-said-after-on-x", "total-then-parts", "opened-unprovoked-fire",
    "surname-alone", "attack-as-a-verb", "period-counted-to-now",
    "several-places-no-count", "number-killed-at", "one-verb-two-figures", "others-and-semicolon",
    "had-alleged-a-strike", "threw-grenades-into", "grenades-thrown-into", "clause-strikes",
    "he-after-a-quotation", "alleged-adjective-and-media-reports", "bombings-from-afghan-territory", "third-party-attributes",
    "office-then-clause-of-time", "among-the-targets", "capital-speaks-past-the-window", "kabul-fired",
    "speaker-heads-its-clause", "denial-stops-at-another-speaker", "state-media-speak", "airspace-patrolled",
    "month-like-words", "resorted-to-unprovoked-firing", "clause-he-said-and-crossing-town",
    "possessive-crossing-town", "sovereignty-after-a-denial", "denied-and-accused", "after-clause-ended",
    "toll-of-the-blast-at", "army-major-own", "military-posts", "capital-would", "each-accusing-the-other", "of-their-soldiers", "talks-blame-charges-nothing",
    "dateline-local-office", "members-of-the-family", "habitual-blame", "camp-struck-inside-pakistan", "assault-on", "estimate-is-that", "charge-against-india",
    "attacks-inside-a-country", "targets-then-places-hit", "what-it-called", "targeted-a-school", "an-accusation-x-denies",
    "officials-after-a-place", "according-to-the-authorities-dateline", "it-said-after-the-office",
    "indian-colony", "exporting-terrorism", "starting-the-firing", "officials-quoted-by",
    "no-fewer-than", "cornered-others", "arrested-others", "earthquakes-plural", "started-the-attack", "launched-on-a-date-so-far",
    "dateline-with-a-dash", "deaths-counted", "multiple-casualties", "aside-and-writing-that", "by-its-count-after-according-to",
    "countered-that", "town-in-its-province", "and-a-second-speaker", "p-m-on-saturday", "two-attacks-named-together", "district-as-its-province", "one-person", "one-post", "five-more-in", "more-taken-over", "shot-dead", "civilian-casualties-uncounted", "civilians-among-the-dead", "residents-say-civilians-killed", "charge-ends-at-and-said", "capital-that-acts", "accusations-called-baseless", "residential-neighbourhoods", "deliberately-hit", "crossing-town-hit-by-pakistani-arms", "a-claim-by-that-it-struck", "accused-of-opening-fire-on", "manogai-is-kunar", "recorded-a-count", "others-after-posts-further-back", "saying-without-that", "count-given-now-of-last-year", "count-given-last-year",
    "claimed-a-days-attack", "reported-dead", "counted", "police-of-the-place", "members-of-a-single-family", "hand-behind",
    "operating-out-of", "in-which-of-a-months-fighting",
    "according-to-heads-every-clause", "figure-with-a-verb-of-its-own", "blamed-for-strikes", "militant-who-stormed", "again-hit", "hit-by-fire-from-afghan-territory", "injuries-to-a-figure", "over-allegations-that", "count-risen-past", "agent-of-a-passive", "participle-aside",
    "own-account-after-denial", "report-called-false", "strike-and-toll-after-denial", "each-side-in-its-own-part",
    "non-combatants", "maintains-that", "putting-deaths-at-in-its-own-clause", "capital-that-attributes", "aside-after-a-strike",
    "held-responsible", "narrated-clause-before-and-said", "period-from-late-on", "posts-taken-passive", "tally-given",
    "aside-closed-by-a-quotation", "two-speakers-side-by-side", "deplored-the-killing-of-civilians", "sites-struck-were-civilian", "a-second-party-charges", "since-a-clause-with-last-week", "a-rejected-claim-of-a-strike", "where-x-say", "a-date-that-names-the-attack", "reports-say", "termed-unprovoked", "says-place-official", "place-deputy-commissioner", "they-after-the-sources-said", "sectors-of-a-province", "possessors-alleged-support", "auxiliary-after-apposition-and-it-counts", "denies-and-in-turn-accuses", "the-mission-says", "they-deliberately-targeted", "a-claim-of-a-strikes-toll", "bare-name-in-apposition",
    "originated-in-beside-a-charge-against-india", "enabling-terrorism-is-harbouring",
    "headline-present-forces-kill-army-says", "hideouts-inside-afghanistan-no-place", "afghans-killed",
    "replied-that-had-launched", "posts-counted-by-no-number",
    "going-after-innocent-people", "each-capital-accused-the-other", "bagram-struck", "local-sources-and-eyewitnesses",
    "the-targets-were-military-sites", "the-targets-of-militants",
    "own-charge-after-denial",
    "two-capitals-each-accused", "by-the-uns-count",
    "linked-the-attack-to", "bare-figure-after-a-comma",
    "and-x-gave-a-first-toll", "n-more-of-the-posts-before",
    "factions-claimed-it", "district-in-apposition-with-its-province", "the-other-sides-charge-past-a-semicolon"]


@pytest.fixture(scope="module")
def one_report_claims(tmp_path_factory) -> dict[str, list[tuple]]:
    found = alerts_of_each(tmp_path_factory, [summary for summary, _ in ONE_REPORT], "claim", published="2026-02-20T08:00:00Z")
    # (sorted by their text: a target may be None beside a named one)
    return {text: sorted(((a["claimant"], a["claim_type"], a["target"], a["figure"]) for a in alerts), key=repr)
            for text, alerts in found.items()}


@pytest.mark.parametrize("summary,expected", ONE_REPORT, ids=ONE_REPORT_IDS)
def test_one_report(one_report_claims, summary, expected):
    assert one_report_claims[summary] == sorted(expected, key=repr)


def test_officials_are_data_a_user_extends(monitor_env, rss):
    summary = "Major General Ruhullah Zarif told reporters that 40 Pakistani soldiers were killed near Kharlachi."
    assert claims(monitor_env, rss, summary) == []
    monitor_env.configure('[plugins.claim]\nofficials = [{ name = "Ruhullah Zarif", title = "corps commander", party = "Afghanistan" }]\n')
    # the same story from another outlet, read with the new official
    assert claims(monitor_env, rss, summary + " Fighting continued.", guid="2") == [("Afghanistan", "casualties", "Pakistan", 40)]


def test_a_wrong_official_is_one_line_naming_the_key(monitor_env, rss):
    monitor_env.configure('[plugins.claim]\nofficials = [{ title = "corps commander" }]\n')
    result = monitor_env.run("plugins", check=False)
    assert "[plugins.claim] officials[1]: needs a name and a party (text)" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def claims_in_one_feed(monitor_env, rss, summaries: list[str], published: str = "2026-02-20T08:00:00Z") -> list[tuple]:
    """Several reports in one replay (one process): each case's claims have keys of their own."""
    monitor_env.replay(rss([{"title": f"Border report {n}", "summary": text, "guid": f"many-{n}", "link": f"https://news.example/many-{n}",
                             "published": published} for n, text in enumerate(summaries)]))
    return sorted((a["claimant"], a["claim_type"], a["target"], a["figure"]) for a in stored_alerts(monitor_env, "claim"))


def test_a_charge_told_inside_the_other_sides_rejection_is_its_authors(monitor_env, rss):
    # A relative clause ("a spokesman, who had accused …"), "an allegation by X
    # that …", "rejected … and accused …", and "…, an accusation Y rejects"
    # (the party after the noun rejects; the charge is the speaker's).
    assert claims_in_one_feed(monitor_env, rss, [
        "Islamabad dismissed remarks by a Kabul spokesman, who had accused Pakistan of breaching the truce near Chaman.",
        "The Foreign Office rejected an allegation by the Taliban's deputy spokesman that Pakistani jets had violated Afghan airspace.",
        "Pakistani officials rejected the Taliban's version and accused Afghan troops of shooting first.",
        "Kabul says Pakistani jets deliberately bombed homes in Kunar, an accusation Islamabad rejects.",
    ]) == [("Afghanistan", "accusation", "Pakistan", None)] * 3 + [
        ("Afghanistan", "strike", "Kunar", None), ("Pakistan", "accusation", "Afghanistan", None)]


def test_who_struck_where_and_who_started_it(monitor_env, rss):
    # the speaker's own drones striking inside Pakistan; "not only … but also"
    # keeps one clause (Kabul itself is a known strike); a charge of strikes is
    # the strike claim; who started the firing, and who operates from where.
    assert claims_in_one_feed(monitor_env, rss, [
        "Pakistan's military said the exchange of fire at Angoor Adda had been started by Afghan forces.",
        "Kabul's defence ministry said its drones had hit army installations near Kohat.",
        "The ISPR confirmed strikes not only in Kabul but also in Ghazni and Zabul provinces.",
        "Kabul accuses Islamabad of overnight air strikes in Paktia.",
        "Pakistan's interior minister said militants operating from Afghan soil were behind the bombing in Peshawar.",
    ]) == [("Afghanistan", "strike", "Kohat", None), ("Afghanistan", "strike", "Paktia", None),
           ("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "accusation", "Afghanistan", None),
           ("Pakistan", "strike", "Ghazni", None), ("Pakistan", "strike", "Zabul", None)]


def test_words_that_are_no_partys_claim(monitor_env, rss):
    # responsibility claimed for an attack is not a toll told; a hospital in a
    # party's town, and a shopkeeper's "he said", speak for no party; "allegedly
    # backed by" names a backer who is no party here.
    assert claims_in_one_feed(monitor_env, rss, [
        "A TTP faction claimed the bombing in Bannu, in which 9 people were killed.",
        "Hospitals in the Afghan province of Kunar reported receiving 14 wounded people.",
        "Pakistan's defence minister spoke of war. 'We ran for our lives,' said Gul Khan, a shopkeeper in Spin Boldak. "
        "Mortar rounds hit the bazaar, he said, wounding four people.",
        "Mujahid said groups inside Pakistan, allegedly funded by foreign powers, wanted the talks to fail.",
    ]) == []


def test_dates_in_a_toll(monitor_env, rss):
    # the night of March 18-19 is a date, not a figure; a toll from attacks of
    # the past week is still news
    assert claims_in_one_feed(monitor_env, rss, [
        "Pakistani strikes on the night of March 18-19 killed 14 civilians in Nangarhar, the Taliban's spokesman said.",
        "In attacks in Kurram on March 14 and 15, Pakistan's military said 6 of its soldiers were killed.",
    ], published="2026-03-20T10:00:00Z") == [("Afghanistan", "casualties", "civilians", 14), ("Afghanistan", "strike", "Nangarhar", None),
                                             ("Pakistan", "casualties", "Pakistan", 6)]


def test_each_named_attack_is_its_own_charge(monitor_env, rss):
    # Blame for a named attack is keyed by the attack's place: a second attack
    # blamed on Kabul is a new charge, the same attack again is not; a charge
    # about something other than the conflict is no claim.
    assert claims_in_one_feed(monitor_env, rss, [
        "Pakistan's interior minister said the bombers who attacked the Bannu cantonment had come from Afghanistan.",
        "The ISPR said the Quetta attack bore Afghan footprints.",
        "The interior minister said again that the Bannu cantonment attackers were Afghan nationals.",
        "Pakistan's foreign minister accused the Taliban of denying girls an education.",
    ]) == [("Pakistan", "accusation", "Afghanistan", None)] * 2


def test_who_counts_and_what_a_bare_figure_counts(monitor_env, rss):
    # a place's police chief or official speaks for that place's side; a bare
    # figure takes the verb after it ("seven were wounded"); "both sides claimed"
    # is each side's claim; "by its count" after a party named; "citing UNAMA".
    assert claims_in_one_feed(monitor_env, rss, [
        "Two Afghan civilians died and seven were wounded in the shelling, Paktia's police chief said.",
        "A Khost police official said the raid killed six civilians and wounded three more.",
        "Both sides claimed to have killed scores of fighters in the clashes near Kharlachi.",
        "UNAMA urged restraint on Monday. By its initial count, 15 civilians were killed in Kunar.",
        "Citing UNAMA, the agency reported that 21 civilians were wounded in Khost.",
    ]) == [("Afghanistan", "casualties", "Pakistan", None), ("Afghanistan", "casualties", "civilians", 2),
           ("Afghanistan", "casualties", "civilians", 3), ("Afghanistan", "casualties", "civilians", 6),
           ("Afghanistan", "casualties", "civilians", 7), ("Pakistan", "casualties", "Afghanistan", None),
           ("United Nations", "casualties", "civilians", 15), ("United Nations", "casualties", "civilians", 21)]


def test_strikes_told_by_the_side_that_struck_or_was_hit(monitor_env, rss):
    # places hit, told in the passive by the side hit; Kabul's own air force or
    # its own "it had struck" inside Pakistan
    assert claims_in_one_feed(monitor_env, rss, [
        "The Afghan defence ministry said homes in Khost and a school in Kunar had been hit.",
        "Taliban say their air force hit army posts near Kohat and Bannu.",
        "Kabul's defence ministry said it had struck a military camp near Mardan.",
    ]) == [("Afghanistan", "strike", place, None) for place in ("Bannu", "Khost", "Kohat", "Kunar", "Mardan")]


def test_offices_named_with_their_place_and_pronouns_that_are_people(monitor_env, rss):
    # "Police in Nangarhar", "Spin Boldak district governor …": the place's side;
    # "he said" is the one who spoke before, not the country his words name;
    # filed from Islamabad, "senior officials said" are Pakistan's.
    assert claims_in_one_feed(monitor_env, rss, [
        "Police in Nangarhar said the raid killed 4 civilians.",
        "Spin Boldak district governor Abdul Karim Jahad told AFP that two civilians were wounded.",
        "Pakistan's information minister said on Thursday that the army had responded. "
        "According to early reports, 36 Afghan fighters were killed, he said.",
        "ISLAMABAD: Nine worshippers were killed when a suicide bomber struck a mosque, senior officials said.",
    ]) == [("Afghanistan", "casualties", "civilians", 2), ("Afghanistan", "casualties", "civilians", 4),
           ("Pakistan", "casualties", "Afghanistan", 36), ("Pakistan", "casualties", "civilians", 9)]


def test_charges_in_other_words_and_drones_across_the_border(monitor_env, rss):
    assert claims_in_one_feed(monitor_env, rss, [
        "Mujahid wrote that the strikes had hit homes in Khost, calling them a criminal act.",
        "The defence minister said the bomber who attacked the Peshawar mosque had travelled to and from Afghanistan.",
        "Pakistan's military said the Taliban regime had flown three drones across the border into Zhob.",
    ]) == [("Afghanistan", "accusation", "Pakistan", None), ("Afghanistan", "strike", "Khost", None),
           ("Pakistan", "accusation", "Afghanistan", None), ("Pakistan", "strike", "Zhob", None)]


def statements(monitor_env, rss, summary: str, claim_type: str | None = None) -> list[str]:
    """What the claim alerts for one report say (their "current"), sorted."""
    monitor_env.replay(rss([{"title": "Border report", "guid": "1", "link": "https://news.example/1",
                             "published": "2026-02-20T08:00:00Z", "summary": summary}]))
    return sorted(a["current"] for a in stored_alerts(monitor_env, "claim") if claim_type in (None, a["claim_type"]))


def test_each_figure_takes_the_verb_after_its_own_noun(monitor_env, rss):
    # "42 … had been killed and 104 others injured": the 104 are wounded, as the alert says
    assert statements(monitor_env, rss, "UNAMA said on Tuesday that at least 42 civilians had been killed and 104 others injured "
                                        "in the clashes between Afghan and Pakistani forces.") == [
        "United Nations: 104 civilians wounded", "United Nations: 42 civilians killed"]


def test_the_charge_a_statement_names(monitor_env, rss):
    # "residential neighbourhoods" targeted: the alert says which charge
    assert statements(monitor_env, rss, "Afghanistan's defence ministry accused Pakistan of deliberately targeting residential "
                                        "neighbourhoods in Khost.", claim_type="accusation") == [
        "Afghanistan accuses Pakistan of killing civilians"]


def test_a_truce_not_kept_is_the_charge_of_breaking_it(monitor_env, rss):
    assert statements(monitor_env, rss, "Pakistan's Foreign Office accused Kabul of failing to honour the ceasefire.",
                      claim_type="accusation") == ["Pakistan accuses Afghanistan of breaking the ceasefire"]


def test_a_strike_told_in_plain_verbs_beside_a_party(monitor_env, rss):
    # "targeted", "hit": said of polio drives and inflation as often as of
    # strikes, so they let the detectors read a report only beside a party; a
    # report told in nothing else is read all the same
    monitor_env.replay(rss([{"title": "Pakistan targets Kabul, Khost: Taliban", "guid": "1", "link": "https://news.example/1",
                             "published": "2026-02-20T08:00:00Z",
                             "summary": "Pakistan targeted Kabul and Khost overnight, Taliban spokesman Zabihullah Mujahid said."}]))
    assert sorted(a["current"] for a in stored_alerts(monitor_env, "claim")) == [
        "Afghanistan: strike on Kabul", "Afghanistan: strike on Khost"]


@pytest.mark.parametrize("summary,charge", [
    # blame that names nothing but the fire it is about is for starting it
    ("Gunfire at Spin Boldak as talks open; Taliban spokesman blames Pakistani troops.", "breaking the ceasefire"),
    # a deed named is its own charge, though the sentence tells of shelling
    ("Kabul says Pakistani shelling killed seven in Khost, accuses Islamabad of targeting nomads.", "another charge"),
], ids=["blame-for-gunfire", "a-deed-named-beside-shelling"])
def test_blame_for_an_exchange_of_fire_is_for_breaking_the_truce(monitor_env, rss, summary, charge):
    assert statements(monitor_env, rss, summary, claim_type="accusation") == [f"Afghanistan accuses Pakistan of {charge}"]


def test_a_list_of_what_a_named_person_said(monitor_env, rss):
    # "Asif … accused Kabul of …, said …, and alleged …": the verbs share the person who spoke last;
    # the charge ends where the next thing said begins, and sabotaging the peace talks is this conflict's
    assert statements(monitor_env, rss, "Defence Minister Khawaja Asif said on Tuesday the two sides had come close to a deal. "
                                        "Asif complimented the Afghan team but accused Kabul of sabotaging the talks, said the delegation "
                                        "lacked authority, and alleged that India uses Afghanistan to wage a proxy war against Pakistan.",
                      claim_type="accusation") == ["Pakistan accuses Afghanistan of another charge"]
