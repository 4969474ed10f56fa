"""Feeds shaped like the default ones: Dawn, The Express Tribune, TOLOnews,
Pajhwok, Khaama Press and Ariana News.

Most of what these outlets publish names Pakistan or Afghanistan, their cities
and their officials without being about the conflict between them: cricket,
inflation, the IMF, floods, politics, polio, the courts, Kabul's economy,
girls' schools. A share (5 % by default) is about the conflict: crossings
closed or reopened, the ceasefire, strikes, casualty claims. Every benchmark
reads its feeds from here.

Every story is unique, and so is every sentence in it: the detectors keep
answers keyed by text (sentence splits, name lookups), and a corpus that
repeats itself would let them answer from memory, as no real feed does.

    from corpus import documents, stories
    documents(feeds=200, entries=50, conflict_share=0.05, seed=7)  # RSS bytes, one per feed
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

CONFLICT_SHARE = 0.05


@dataclass(frozen=True)
class Outlet:
    name: str
    site: str
    utc_offset_minutes: int
    afghan: bool  # writes mostly about Afghanistan
    full_text: bool  # WordPress-style: the whole story in content:encoded
    path: str  # how its article links look


OUTLETS = [
    Outlet("Dawn", "https://www.dawn.com", 300, False, False, "/news/{id}/{slug}"),
    Outlet("The Express Tribune", "https://tribune.com.pk", 300, False, False, "/story/{id}/{slug}"),
    Outlet("TOLOnews", "https://tolonews.com", 270, True, False, "/afghanistan-{id}"),
    Outlet("Pajhwok", "https://pajhwok.com", 270, True, True, "/{year}/{month:02d}/{day:02d}/{slug}-{id}/"),
    Outlet("Khaama Press", "https://www.khaama.com", 270, True, True, "/{slug}-{id}/"),
    Outlet("Ariana News", "https://www.ariananews.af", 270, True, True, "/{slug}-{id}/"),
]


@dataclass
class Story:
    outlet: Outlet
    kind: str  # "other" (names the countries, not about the conflict) or "conflict"
    topic: str
    title: str
    paragraphs: list[str]
    author: str
    category: str
    published: datetime
    link: str
    guid: str


# -- the words the stories are made of -----------------------------------------

SLOTS: dict[str, list[str]] = {
    "pk_city": ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Peshawar", "Quetta", "Multan", "Faisalabad", "Hyderabad",
                "Sukkur", "Gwadar", "Abbottabad", "Mardan", "Bannu", "Sialkot", "Gujranwala", "Larkana", "Mingora"],
    "af_city": ["Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz", "Ghazni", "Bamyan", "Faizabad",
                "Pul-i-Khumri", "Charikar", "Lashkar Gah", "Maimana", "Sheberghan"],
    "pk_province": ["Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Gilgit-Baltistan"],
    "af_province": ["Balkh", "Herat", "Kandahar", "Badakhshan", "Takhar", "Helmand", "Parwan", "Baghlan", "Jawzjan",
                    "Faryab", "Ghor", "Daikundi", "Samangan"],
    "pk_official": ["Prime Minister Shehbaz Sharif", "Finance Minister Muhammad Aurangzeb", "Interior Minister Mohsin Naqvi",
                    "Deputy Prime Minister Ishaq Dar", "Information Minister Attaullah Tarar", "Planning Minister Ahsan Iqbal",
                    "Punjab Chief Minister Maryam Nawaz", "Sindh Chief Minister Murad Ali Shah",
                    "State Bank Governor Jameel Ahmad", "Health Minister Mustafa Kamal", "Law Minister Azam Nazeer Tarar"],
    "af_official": ["Acting Commerce Minister Nooruddin Azizi", "Deputy Prime Minister Abdul Ghani Baradar",
                    "Acting Economy Minister Qari Din Mohammad Hanif", "Kabul Mayor Hamdullah Nomani",
                    "Acting Health Minister Qalandar Ebad", "Acting Education Minister Habibullah Agha",
                    "the Ministry of Agriculture's spokesman Misbahuddin Mustaeen", "the Ministry of Mines' spokesman Humayoun Afghan"],
    "pk_cricketer": ["Babar Azam", "Shaheen Shah Afridi", "Mohammad Rizwan", "Fakhar Zaman", "Naseem Shah", "Saim Ayub",
                     "Salman Ali Agha", "Abrar Ahmed", "Saud Shakeel", "Haris Rauf"],
    "af_cricketer": ["Rashid Khan", "Mohammad Nabi", "Rahmanullah Gurbaz", "Ibrahim Zadran", "Azmatullah Omarzai",
                     "Fazalhaq Farooqi", "Hashmatullah Shahidi", "Noor Ahmad", "Gulbadin Naib"],
    "opponent": ["Sri Lanka", "New Zealand", "South Africa", "England", "Bangladesh", "the West Indies", "Zimbabwe",
                 "Australia", "Ireland"],
    "venue": ["the Gaddafi Stadium", "the National Stadium", "the Rawalpindi Cricket Stadium", "the Multan Cricket Stadium",
              "Sharjah", "Abu Dhabi", "the Arbab Niaz Stadium"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "party": ["the PTI", "the PML-N", "the PPP", "the MQM-P", "the JUI-F", "the Jamaat-i-Islami", "the ANP"],
    "commodity": ["wheat flour", "sugar", "ghee", "rice", "tomatoes", "onions", "cooking oil", "petrol", "LPG", "pulses"],
    "af_goods": ["dried fruit", "saffron", "pomegranates", "coal", "carpets", "cotton", "raisins", "pine nuts", "talc",
                 "fresh grapes", "cumin"],
    "river": ["the Indus", "the Swat river", "the Kabul river", "the Chenab", "the Jhelum", "the Ravi", "the Helmand river"],
    "court": ["the Supreme Court", "the Islamabad High Court", "the Lahore High Court", "the Sindh High Court",
              "the Peshawar High Court", "an anti-terrorism court", "an accountability court", "the Federal Constitutional Court"],
    "company": ["Pakistan Petroleum", "PIA", "K-Electric", "Engro", "Lucky Cement", "Systems Ltd", "OGDCL", "Sui Northern",
                "Afghan Wireless", "Roshan", "Kam Air", "Ariana Afghan Airlines", "Da Afghanistan Breshna Sherkat"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"],
    "reporter": ["Staff Reporter", "Our Correspondent", "News Desk", "APP", "Reuters", "AFP", "Web Desk", "Pajhwok Reporter",
                 "Khaama Press News Agency", "Ariana News Correspondent", "TOLOnews Reporter"],
    "crossing": ["Torkham", "Chaman", "Ghulam Khan", "Angoor Adda", "Kharlachi", "Badini"],
    "af_border_province": ["Paktika", "Khost", "Kunar", "Nangarhar", "Paktia", "Kandahar", "Nuristan", "Zabul"],
    "pk_border_district": ["Kurram", "North Waziristan", "South Waziristan", "Bajaur", "Khyber", "Mohmand", "Chitral", "Zhob"],
    "mediator": ["Qatar", "Turkiye", "Saudi Arabia", "China"],
    "talks_city": ["Doha", "Istanbul", "Riyadh", "Urumqi"],
}

# Each topic: the outlets that would carry it, a category, titles, and sentences
# (the first is the lead). {n}, {m}, {pct}, {bn} are numbers drawn per use.
TOPICS: dict[str, dict] = {
    "cricket": dict(afghan=None, category="Sport", titles=[
        "{pk_cricketer} stars as Pakistan beat {opponent} in {pk_city}",
        "Pakistan name {n}-man squad for {opponent} series, {pk_cricketer} recalled",
        "{af_cricketer} leads Afghanistan to {n}-run win over {opponent}",
        "PCB confirms {venue} as venue for {opponent} series in {month}",
    ], sentences=[
        "{pk_cricketer} scored {m} off {n} balls as Pakistan chased down {opponent}'s total with {k} overs to spare at {venue} on {day}.",
        "Afghanistan's {af_cricketer} took {k} wickets for {m} runs to bowl {opponent} out for {r} in {n} overs.",
        "The Pakistan Cricket Board said on {day} that tickets for the matches in {pk_city} would go on sale online from {month} {k}.",
        "Captain {pk_cricketer} told reporters in {pk_city} that the side had worked on its fielding after the defeat in the last series.",
        "Chasing {r}, Afghanistan were steadied by {af_cricketer}, who made {m} before falling to a catch at deep midwicket.",
        "The selectors dropped {pk_cricketer} for the {opponent} series and called up {k} uncapped players from the domestic season.",
        "Rain delayed the start by {n} minutes in {pk_city}, and the match was reduced to {k2} overs a side.",
        "The Afghanistan Cricket Board said {af_cricketer} had recovered from a hamstring injury and would travel with the squad to {opponent}.",
        "Spinner {af_cricketer} finished the tournament with {n} wickets, the most by any bowler, at an economy rate of {k}.{k}.",
        "The PCB chairman said {venue} would host {k} matches of the season after its floodlights were replaced at a cost of Rs{n} million.",
        "{pk_cricketer}'s century was his {ord} in one-day internationals and his first since the tour of {opponent} in {month}.",
    ]),
    "inflation": dict(afghan=False, category="Business", titles=[
        "Inflation eases to {pct}pc in {month}, says PBS",
        "Prices of {commodity} rise in {pk_city} markets ahead of budget",
        "SBP keeps policy rate at {n}pc as inflation slows",
        "Weekly inflation up {pct}pc as {commodity} gets costlier",
    ], sentences=[
        "Consumer prices in Pakistan rose {pct} per cent year-on-year in {month}, down from {pct2} per cent a month earlier, the Pakistan Bureau of Statistics said on {day}.",
        "The price of {commodity} rose by Rs{n} a kilogram in {pk_city} over the week, traders said, blaming higher transport costs.",
        "{pk_official} said the government expected inflation to stay between {k} and {k2} per cent for the rest of the fiscal year.",
        "The State Bank of Pakistan left its key policy rate unchanged at {n} per cent, citing risks from global oil prices.",
        "In {pk_city}, the district administration fixed the retail price of {commodity} at Rs{r} and warned shopkeepers of fines.",
        "Analysts at a Karachi brokerage said core inflation of {pct} per cent left room for a cut of {n} basis points in {month}.",
        "The sensitive price indicator, which tracks {n} essential items, rose {pct} per cent in the week to {day}.",
        "Food inflation in rural areas of {pk_province} reached {pct} per cent, higher than in the cities for a {ord} straight month.",
        "Electricity tariffs were raised by Rs{k}.{k2} per unit from {month}, adding to household costs in {pk_city} and {pk_city2}.",
        "The rupee closed at {r}.{k} against the US dollar in the interbank market on {day}, little changed from the previous session.",
    ]),
    "imf": dict(afghan=False, category="Business", titles=[
        "IMF staff reach agreement with Pakistan on ${bn}bn review",
        "{pk_official} says IMF targets on track",
        "Pakistan seeks IMF nod for relief on {commodity} tax",
        "IMF mission arrives in Islamabad for {month} talks on ${bn}bn tranche",
    ], sentences=[
        "An International Monetary Fund mission reached a staff-level agreement with Pakistan on {day} on the {ord} review of its ${bn} billion loan programme.",
        "{pk_official} told a news conference in Islamabad that the country had met {n} of the {n2} structural benchmarks set by the Fund.",
        "The agreement, once approved by the IMF's executive board, would release about ${bn} billion to Pakistan.",
        "The Fund asked Islamabad to raise its tax-to-GDP ratio by {k}.{k2} percentage points and to end new tax amnesties.",
        "Pakistan's foreign exchange reserves held by the State Bank stood at ${bn} billion on {day}, enough for about {k} months of imports.",
        "The IMF said Pakistan's economy was expected to grow {k}.{k2} per cent this fiscal year, with risks from floods and weak exports.",
        "Officials said the mission would meet the provincial finance departments of {pk_province} and {pk_province2} before leaving.",
        "The Federal Board of Revenue collected Rs{n} billion in {month}, short of its target by Rs{m} billion.",
        "{pk_official} said the government would not impose new taxes on salaried people in the next budget, despite the Fund's demands.",
        "A spokesman for the Fund said talks on energy sector reforms, including circular debt of Rs{n} billion, would continue virtually.",
    ]),
    "floods": dict(afghan=None, category="Pakistan", titles=[
        "Flash floods kill {k} in {pk_province}, NDMA warns of more rain",
        "{river} swells as monsoon rains lash {pk_city}",
        "Floods in {af_province} wash away {n} homes, officials say",
        "PDMA issues alert for low-lying areas of {pk_city}",
    ], sentences=[
        "Flash floods triggered by heavy rain killed {k} people and injured {n} in {pk_province} over the past {k2} days, the provincial disaster management authority said.",
        "The National Disaster Management Authority warned that {river} could reach a high flood level near {pk_city} by {day}.",
        "In Afghanistan's {af_province} province, floods destroyed {n} houses and {m} hectares of farmland, the local disaster department said.",
        "Rescue 1122 teams evacuated {r} people from villages near {pk_city} in boats, a spokesman said.",
        "The Met Office forecast more rain for {pk_province} and {pk_province2} until {day}, with the heaviest falls in the hills.",
        "{pk_official} visited relief camps in {pk_city} and announced compensation of Rs{k} million for each family that lost a member.",
        "Aid agencies in Kabul said more than {n} families in {af_province} needed food, clean water and shelter after the floods.",
        "The flood cut the road between {pk_city} and {pk_city2} in {k} places, stranding hundreds of vehicles overnight.",
        "Officials in {af_city} said the flood had damaged {k} bridges and a main irrigation canal built in the {month} of last year.",
        "Water levels at the Tarbela dam rose to {r} feet, officials of the water authority said on {day}.",
    ]),
    "politics": dict(afghan=False, category="Pakistan", titles=[
        "{party} announces protest in {pk_city} on {day}",
        "Senate passes bill on {commodity} pricing as {party} walks out",
        "{pk_official} meets {party} leaders over by-elections",
        "By-election in {pk_city}: {party} candidate wins by {n} votes",
    ], sentences=[
        "{party} announced on {day} that it would hold a rally in {pk_city} next week to press for fresh elections.",
        "{pk_official} told the National Assembly that the government was ready to talk to the opposition on electoral reforms.",
        "The Election Commission of Pakistan said polling in {k} constituencies of {pk_province} would be held on {month} {k2}.",
        "Leaders of {party} and {party2} met in Islamabad for {k} hours and agreed to field joint candidates in {pk_city}.",
        "The Senate passed the bill by {n} votes to {k}, with members of {party} walking out in protest.",
        "Police in {pk_city} arrested {k} workers of {party} who tried to reach the press club despite a ban on gatherings.",
        "The provincial assembly of {pk_province} approved a budget of Rs{n} billion for development schemes in the next fiscal year.",
        "{pk_official} said the federal cabinet had approved a plan to merge {k} ministries to cut costs by Rs{m} billion.",
        "The party's central executive committee met in {pk_city} on {day} and named a new provincial president for {pk_province}.",
        "Addressing workers in {pk_city2}, the party chairman said inflation had made life hard for ordinary Pakistanis.",
    ]),
    "polio": dict(afghan=None, category="Health", titles=[
        "Polio campaign to target {n} million children in {pk_province}",
        "Pakistan reports {ord} polio case of the year from {pk_city}",
        "Afghanistan launches house-to-house polio drive in {af_province}",
        "Health workers' security tightened for vaccination drive in {pk_city}",
    ], sentences=[
        "A {k}-day polio vaccination campaign began on {day} to reach {n} million children under five across Pakistan.",
        "The National Emergency Operations Centre said the new case, a {k}-year-old girl from {pk_city}, took the year's tally to {n}.",
        "Environmental samples from {k} sites in {pk_city} and {pk_city2} tested positive for the wild poliovirus in {month}.",
        "Afghanistan's health ministry said {n} thousand vaccinators would take part in the campaign in {af_province} and {af_province2}.",
        "{pk_official} urged parents to have their children vaccinated, saying Pakistan and Afghanistan were the last two countries where the virus was endemic.",
        "Police deployed {r} officers to protect vaccination teams in {pk_city} after threats to health workers last year.",
        "The World Health Organization said synchronised campaigns on both sides of the border had cut transmission by {pct} per cent.",
        "Officials in {af_city} said parents in {k} districts had refused vaccination for {n} children, fewer than in the last round.",
        "UNICEF said it had delivered {n} million doses of oral polio vaccine to {af_city} for the next round.",
        "District health officers in {pk_province} said {pct} per cent of targeted children were reached in the first {k} days.",
    ]),
    "courts": dict(afghan=False, category="Pakistan", titles=[
        "{court} adjourns hearing on {party} plea till {day}",
        "{court} grants bail to former minister in graft case",
        "{court} orders release of detained journalist in {pk_city}",
        "{court} seeks reply from government on {commodity} price hike",
    ], sentences=[
        "{court} on {day} adjourned the hearing of a petition filed by {party} against the delimitation of constituencies in {pk_city}.",
        "A {k}-member bench of {court} granted bail to the former minister against surety bonds of Rs{n},000.",
        "The court directed the federal government to submit a reply within {k} days and adjourned the hearing till {month} {k2}.",
        "The chief justice remarked that the case had been pending for {k} years and ordered day-to-day hearings.",
        "{court} ordered police in {pk_city} to produce the journalist before it on {day}, saying his detention appeared unlawful.",
        "The accountability court in {pk_city} indicted {k} people in a reference involving Rs{n} million in a housing scheme.",
        "Counsel for the petitioner argued that the notification issued in {month} violated Article {n2} of the Constitution.",
        "The attorney general told {court} that the government had formed a committee to review the {commodity} pricing policy.",
        "{court} dismissed the appeal and upheld the sentence of {k} years handed down by the trial court in {pk_city2}.",
        "The bench observed that the provincial government of {pk_province} had failed to implement its earlier order on {commodity} prices.",
    ]),
    "af_economy": dict(afghan=True, category="Economy", titles=[
        "Afghani gains {k} per cent against dollar in {af_city} money markets",
        "Afghanistan exports {af_goods} worth ${n}m to Central Asia",
        "{af_official} says {n} new factories opened in {af_city}",
        "Kabul traders complain of falling demand for {af_goods}",
    ], sentences=[
        "The afghani traded at {n}.{k} to the US dollar in Kabul's Sarai Shahzada market on {day}, money changers said.",
        "{af_official} said Afghanistan had exported {af_goods} worth ${n} million to Uzbekistan and Kazakhstan in the past {k} months.",
        "Traders in {af_city} said demand for {af_goods} had fallen by {pct} per cent because of high transport costs to Central Asia.",
        "The Islamic Emirate's ministry of economy said {n} investment contracts worth ${m} million had been signed this year.",
        "Officials in {af_province} said a new cold storage for {af_goods} with a capacity of {n} tonnes would open in {month}.",
        "The World Bank said in a report that Afghanistan's economy grew {k}.{k2} per cent last year but that household incomes remained low.",
        "{af_official} told TOLOnews that work on the TAPI gas pipeline in Herat province had reached {pct} per cent of the first phase.",
        "Shopkeepers in {af_city} said prices of {commodity} had risen by {k} afghanis a kilogram over the past week.",
        "Da Afghanistan Bank auctioned ${n} million on {day} to support the afghani, the central bank said in a statement.",
        "The chamber of commerce in {af_city} said {n} traders had applied for permits to export {af_goods} by air to India and the Gulf.",
    ]),
    "af_society": dict(afghan=True, category="Afghanistan", titles=[
        "{n} schools rebuilt in {af_province} with donor funds",
        "Drought leaves {n} families in need in {af_province}, aid groups say",
        "Kabul municipality begins work on {k}-km road",
        "Girls in {af_city} mark {n} days out of secondary school",
    ], sentences=[
        "The Kabul municipality said work on a {k}-kilometre road in the city's {ord} district would be finished by {month}.",
        "Aid groups said {n} families in {af_province} faced food shortages after a {k}-year drought dried up wells.",
        "Residents of {af_city} said girls above the sixth grade had now been barred from school for {n} days.",
        "The UN agency for refugees said {n} people had returned to {af_province} from Iran in the past week alone.",
        "{af_official} said {k} hospitals in {af_province} would receive new equipment from a Japanese grant of ${m} million.",
        "Teachers in {af_city} said they had not been paid for {k} months and called on the ministry to release their salaries.",
        "An earthquake of magnitude {k}.{k2} struck {af_province} on {day}, damaging {n} homes, the disaster ministry said.",
        "The Islamic Emirate said {n} graduates of religious schools in {af_city} had been hired as teachers this year.",
        "The World Food Programme said it had cut rations for {n} thousand people in {af_province} because of a shortfall in funding.",
        "Residents of {af_city2} said the city had electricity for only {k} hours a day after imports from Uzbekistan fell.",
    ]),
    "af_cricket": dict(afghan=True, category="Sport", titles=[
        "{af_cricketer} named Afghanistan captain for {opponent} tour",
        "Afghanistan beat {opponent} by {k} wickets in Sharjah",
        "ACB announces domestic T20 league in {af_city}",
    ], sentences=[
        "Afghanistan beat {opponent} by {k} wickets in Sharjah on {day}, with {af_cricketer} making an unbeaten {m}.",
        "The Afghanistan Cricket Board said the domestic league would be played in {af_city} and Kabul from {month} {k}.",
        "{af_cricketer} said the team's spinners had learned a lot from playing franchise cricket abroad.",
        "Fans gathered in {af_city} to watch the match on big screens, and celebrated in the streets after the win.",
        "The board named {af_cricketer} as captain and {af_cricketer2} as his deputy for the series against {opponent}.",
        "Afghanistan are {ord} in the one-day rankings, {n} points behind {opponent}, the International Cricket Council said.",
        "{af_cricketer} took {k} wickets for {m} runs in his {ord} match, the best figures by an Afghan bowler this year.",
        "The ACB said it had signed an agreement with Pakistan's cricket board for a three-match series in {pk_city} in {month}.",
    ]),
    "energy": dict(afghan=False, category="Business", titles=[
        "Petrol price cut by Rs{k} a litre from {day}",
        "{company} reports Rs{n}bn profit for the quarter",
        "Gas load-shedding hits {pk_city} as demand peaks",
        "Power outages in {pk_city} last up to {k} hours",
    ], sentences=[
        "The government cut the price of petrol by Rs{k}.{k2} a litre for the next fortnight, the finance division said on {day}.",
        "{company} posted a profit of Rs{n} billion for the quarter to {month}, up {pct} per cent from a year earlier.",
        "Residents of {pk_city} said gas supply was suspended for {k} hours a day as demand rose with the cold weather.",
        "{pk_official} said circular debt in the power sector had been cut to Rs{n} billion from Rs{m} billion in {month}.",
        "The regulator approved a fuel cost adjustment of Rs{k}.{k2} per unit for electricity consumers except lifeline users.",
        "Load-shedding of up to {k} hours was reported in parts of {pk_city} and {pk_city2} after a fault at a grid station.",
        "{company} said it would invest ${m} million in solar projects in {pk_province} over the next {k} years.",
        "Oil marketing companies warned of shortages in {pk_province} because of delays in imports at Karachi port.",
    ]),
}

CONFLICT: dict[str, dict] = {
    "crossing": dict(category="Pakistan", titles=[
        "{crossing} border crossing closed after firing, traders stranded",
        "Pakistan reopens {crossing} crossing for trade after {k} days",
        "{crossing} opened for returning refugees only",
        "{n} trucks pile up as {crossing} stays shut",
    ], sentences=[
        "Pakistani authorities closed the {crossing} border crossing with Afghanistan on {day} after an exchange of fire between the two sides' forces.",
        "Officials said the {crossing} crossing was reopened for trade and travellers on {day} after {k} days of closure.",
        "More than {n} trucks carrying {af_goods} and fresh fruit were stranded on both sides of {crossing}, traders said.",
        "The {crossing} crossing was opened for Afghan refugees returning home, while trade remained suspended, a customs official said.",
        "Afghan officials in {af_border_province} said they had asked Pakistan to allow {n} patients and students to cross at {crossing}.",
        "The closure of {crossing} has cost traders on both sides about ${m} million, the Pakistan-Afghanistan Joint Chamber of Commerce said.",
        "A Pakistani official in {pk_border_district} said the crossing would remain closed until security at the border improved.",
        "Taliban border officials said the gates at {crossing} were shut without notice and that they were in contact with the Pakistani side.",
    ]),
    "ceasefire": dict(category="World", titles=[
        "Pakistan, Afghanistan agree to extend ceasefire after {talks_city} talks",
        "Taliban accuse Pakistan of violating truce in {af_border_province}",
        "Ceasefire holds along Durand Line for {k2} days, officials in {pk_border_district} say",
        "Islamabad and Kabul to meet again in {talks_city} on truce",
    ], sentences=[
        "Pakistan and Afghanistan agreed on {day} to extend their ceasefire after a round of talks in {talks_city} mediated by {mediator}.",
        "Taliban spokesman Zabihullah Mujahid said Pakistani forces had violated the ceasefire by shelling villages in {af_border_province}.",
        "The ceasefire has largely held along the border since it was agreed in {month}, officials on both sides said.",
        "{mediator}'s foreign ministry said the two sides would meet again in {talks_city} to set up a mechanism to monitor the truce.",
        "Defence Minister Khawaja Asif said Pakistan would respond to any attack from Afghan soil despite the truce.",
        "Residents of {pk_border_district} said the border had been quiet for {k} days, and that shops had reopened.",
        "The Islamic Emirate said it remained committed to the ceasefire and wanted good relations with all its neighbours.",
        "Diplomats said the talks in {talks_city} had stalled over Pakistan's demand that Kabul act against the TTP.",
    ]),
    "strike": dict(category="World", titles=[
        "Airstrikes hit {af_border_province}, Taliban say {k} killed",
        "Border clash in {pk_border_district} leaves soldiers dead",
        "Taliban forces attack Pakistani posts in {pk_border_district}",
    ], sentences=[
        "Pakistani aircraft struck targets in Afghanistan's {af_border_province} province overnight, killing {k} people, Taliban officials said.",
        "The ISPR said {k} soldiers were martyred when Afghan Taliban forces attacked border posts in {pk_border_district} on {day}.",
        "Taliban forces said they had captured {k} Pakistani posts along the Durand Line in {af_border_province}.",
        "Local residents in {af_border_province} said the strikes hit houses in {k} villages, and that women and children were among the dead.",
        "Pakistani security officials said the strikes targeted hideouts of the TTP in {af_border_province}, not civilians.",
        "Heavy firing was reported along the border in {pk_border_district} for {k} hours on {day}, residents said.",
    ]),
    "claims": dict(category="Pakistan", titles=[
        "ISPR says {n} militants killed in {pk_border_district} operation",
        "Mujahid says {n} Pakistani soldiers killed in border fighting",
        "Kabul and Islamabad trade casualty claims after {day}'s clashes in {pk_border_district}",
    ], sentences=[
        "The military's media wing said {n} militants were killed in an operation in {pk_border_district} after they tried to cross from Afghanistan.",
        "Zabihullah Mujahid said {n} Pakistani soldiers were killed and {k} posts destroyed in retaliatory attacks.",
        "Pakistan's information minister said more than {m} Taliban fighters had been killed in the clashes along the border.",
        "The Taliban said {k} of their fighters were killed and {n} wounded in the fighting in {af_border_province}.",
        "Pakistan accused Kabul of sheltering the TTP, a charge the Islamic Emirate denied.",
        "Neither claim could be independently verified, and journalists were not allowed into the area.",
    ]),
}


# -- putting stories together ---------------------------------------------------

def _fill(template: str, rng: random.Random) -> str:
    numbers = {
        "n": lambda: str(rng.randint(3, 950)), "n2": lambda: str(rng.randint(3, 950)), "m": lambda: str(rng.randint(10, 480)),
        "k": lambda: str(rng.randint(2, 19)), "k2": lambda: str(rng.randint(2, 29)), "r": lambda: str(rng.randint(100, 390)),
        "pct": lambda: f"{rng.randint(1, 38)}.{rng.randint(0, 9)}", "pct2": lambda: f"{rng.randint(1, 38)}.{rng.randint(0, 9)}",
        "bn": lambda: f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
    }

    chosen: dict[str, str] = {}

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name in numbers:
            return numbers[name]()
        if name == "ord":
            n = rng.randint(2, 40)
            return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
        base = name.rstrip("2")
        choices = [c for c in SLOTS[base] if c != chosen.get(base)]  # "{pk_city} and {pk_city2}": two cities
        chosen[base] = value = rng.choice(choices)
        return value

    text = re.sub(r"\{(\w+)\}", one, template)
    return text[0].upper() + text[1:]


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]


class _Writer:
    """Stories, no sentence ever written twice."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()
        self.seed = seed
        self.count = 0

    def unique(self, template: str) -> str:
        for _ in range(50):
            text = _fill(template, self.rng)
            if text not in self.used:
                self.used.add(text)
                return text
        # The template's slots are exhausted: a dateline, as the agencies write them.
        for _ in range(50):
            city = self.rng.choice(SLOTS["pk_city"] + SLOTS["af_city"]).upper()
            text = f"{city}, Nov {self.rng.randint(1, 28)}: {_fill(template, self.rng)}"
            if text not in self.used:
                self.used.add(text)
                return text
        text = f"{_fill(template, self.rng)[:-1]} (report {self.seed}-{self.count}-{len(self.used)})."
        self.used.add(text)
        return text

    def story(self, outlet: Outlet, kind: str, published: datetime) -> Story:
        rng = self.rng
        self.count += 1
        if kind == "conflict":
            topic = rng.choice(list(CONFLICT))
            spec = CONFLICT[topic]
        else:
            # Afghan outlets mostly write about Afghanistan, Pakistani ones about Pakistan.
            fitting = [t for t, s in TOPICS.items() if s["afghan"] in (None, outlet.afghan)]
            others = [t for t in TOPICS if t not in fitting]
            topic = rng.choice(fitting if rng.random() < 0.85 else others)
            spec = TOPICS[topic]
        title = self.unique(rng.choice(spec["titles"]))
        count = rng.randint(4, 9) if outlet.full_text else rng.randint(1, 3)
        sentences = spec["sentences"]
        chosen = [sentences[0]] + rng.sample(sentences[1:], min(count - 1, len(sentences) - 1)) if count else []
        if rng.random() < 0.5:
            chosen = rng.sample(chosen, len(chosen))
        written = [self.unique(s) for s in chosen]
        paragraphs = []
        while written:  # one to three sentences a paragraph
            take = rng.randint(1, 3)
            paragraphs.append(" ".join(written[:take]))
            written = written[take:]
        link_id = 1_900_000 + self.seed * 100_000 + self.count
        link = outlet.site + outlet.path.format(
            id=link_id, slug=_slug(title), year=published.year, month=published.month, day=published.day
        )
        # WordPress gives each post a permanent "?p=ID" guid; the others use the link.
        guid = f"{outlet.site}/?p={link_id}" if outlet.full_text else link
        return Story(outlet, kind, topic, title, paragraphs, rng.choice(SLOTS["reporter"]), spec["category"], published, link, guid)


def stories(count: int, conflict_share: float = CONFLICT_SHARE, seed: int = 7, outlet: Outlet | None = None) -> list[Story]:
    """``count`` unique stories; ``conflict_share`` of them about the conflict (each drawn at random)."""
    writer = _Writer(seed)
    start = datetime(2025, 11, 1, tzinfo=timezone.utc)
    result = []
    for i in range(count):
        source = outlet or OUTLETS[i % len(OUTLETS)]
        kind = "conflict" if writer.rng.random() < conflict_share else "other"
        published = start + timedelta(minutes=writer.rng.randint(0, 28 * 24 * 60))
        result.append(writer.story(source, kind, published))
    return result


def rss(outlet: Outlet, items: list[Story]) -> bytes:
    """An RSS 2.0 document as the outlet's CMS writes it: HTML in CDATA, dc:creator,
    categories, local-time pubDates, and for WordPress sites content:encoded."""
    tz = timezone(timedelta(minutes=outlet.utc_offset_minutes))
    parts = []
    for story in items:
        html = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
        lead = escape(story.paragraphs[0]) if story.paragraphs else ""
        if outlet.full_text:
            description = (f"<p>{lead}</p><p>The post <a href=\"{story.link}\">{escape(story.title)}</a>"
                           f" appeared first on {escape(outlet.name)}.</p>")
            body = f"<content:encoded><![CDATA[{html}]]></content:encoded>"
        else:
            description, body = html, ""
        parts.append(
            f"<item><title>{escape(story.title)}</title><link>{story.link}</link>"
            f"<guid isPermaLink=\"{'false' if outlet.full_text else 'true'}\">{story.guid}</guid>"
            f"<pubDate>{format_datetime(story.published.astimezone(tz))}</pubDate>"
            f"<dc:creator><![CDATA[{story.author}]]></dc:creator><category><![CDATA[{story.category}]]></category>"
            f"<description><![CDATA[{description}]]></description>{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>{escape(outlet.name)}</title><link>{outlet.site}</link>"
        f"<description>{escape(outlet.name)}: latest news</description><language>en-US</language>"
        + "".join(parts) + "</channel></rss>"
    ).encode("utf-8")


def documents(feeds: int = 200, entries: int = 50, conflict_share: float = CONFLICT_SHARE, seed: int = 7) -> list[bytes]:
    """``feeds`` RSS documents of ``entries`` unique stories each, the outlets in turn."""
    writer = _Writer(seed)
    start = datetime(2025, 11, 1, tzinfo=timezone.utc)
    result = []
    for index in range(feeds):
        outlet = OUTLETS[index % len(OUTLETS)]
        items = []
        for _ in range(entries):
            kind = "conflict" if writer.rng.random() < conflict_share else "other"
            items.append(writer.story(outlet, kind, start + timedelta(minutes=writer.rng.randint(0, 28 * 24 * 60))))
        items.sort(key=lambda s: s.published, reverse=True)  # newest first, as feeds list them
        result.append(rss(outlet, items))
    return result


if __name__ == "__main__":
    sample = stories(12, conflict_share=0.25, seed=1)
    for s in sample:
        print(f"[{s.outlet.name} / {s.kind} / {s.topic}] {s.title}")
        for p in s.paragraphs:
            print("   ", p)
