"""docs/writing-plugins.md, followed as a new user would."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, feed_config

PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
SHORTAGE = {"title": "Fuel queues in Kabul", "guid": "fuel-1", "link": "https://news.example/fuel-1",
            "published": "2025-11-05T08:00:00Z", "summary": "A fuel shortage hit Kabul on Tuesday, traders said."}


def test_scaffold_install_test_run_on_a_feed_and_see_the_alert(monitor_env, rss, httpserver, tmp_path):
    guide = (ROOT / "docs" / "writing-plugins.md").read_text()
    assert "monitor plugin new fuel-prices --dir ~/src" in guide
    created = monitor_env.run("plugin", "new", "fuel-prices", "--dir", str(tmp_path)).stdout
    package = tmp_path / "monitor-fuel-prices"
    assert f"created {package}" in created
    assert {p.name for p in package.iterdir()} >= {"pyproject.toml", "monitor_fuel_prices", "tests", "scenarios.jsonl"}
    subprocess.run([*PIP, "install", "--no-build-isolation", "-e", str(package)], check=True, capture_output=True)
    try:
        own_tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package)], capture_output=True, text=True, cwd=package)
        assert own_tests.returncode == 0, own_tests.stdout + own_tests.stderr
        assert "2 passed" in own_tests.stdout
        assert "fuel_prices 0.1.0  [package]  enabled" in monitor_env.run("plugins").stdout
        httpserver.expect_request("/feed.xml").respond_with_data(rss([SHORTAGE]), content_type="application/rss+xml")
        monitor_env.configure(feed_config(httpserver.url_for("/"), [("Pajhwok", "/feed.xml")]))
        monitor_env.run("once")
        [alert] = monitor_env.alerts(detector="fuel_prices")
        assert (alert["subject"], alert["current"], alert["article"]["feed"]) == ("Fuel prices", "reported", "Pajhwok")
        scored = monitor_env.run("eval", str(package / "scenarios.jsonl")).stdout
        assert "fuel_prices      1.000   1.000  1.000" in scored
    finally:
        subprocess.run([*PIP, "uninstall", "-y", "monitor-fuel-prices"], check=True, capture_output=True)


RULES = '''
[[rule]]
name = "kabul-fuel-shortage"
subject = "Kabul fuel supply"
value = "shortage"
all = ["fuel", "Kabul"]
any = ["shortage", "queues", "ran out"]
none = ["Iran"]
severity = "medium"
'''


def test_a_rule_without_code_observes_with_the_shared_language_handling(monitor_env, rss, httpserver):
    (monitor_env.root / "rules.toml").write_text(RULES)
    monitor_env.configure('[plugins.rules]\nfile = "rules.toml"\n' + feed_config(httpserver.url_for("/"), [("Khaama", "/k.xml")]))
    # Relative to monitor.toml, as the guide says.
    negated = {**SHORTAGE, "title": "Ministry statement", "guid": "n", "link": "https://news.example/n", "published": "2025-11-04T08:00:00Z",
               "summary": "Officials said there was no fuel shortage in Kabul."}
    hoped = {**SHORTAGE, "title": "Winter outlook", "guid": "h", "link": "https://news.example/h", "published": "2025-11-04T09:00:00Z",
             "summary": "Traders hope queues for fuel in Kabul will ease."}
    again = {**SHORTAGE, "guid": "a", "link": "https://news.example/a", "published": "2025-11-06T08:00:00Z",
             "summary": "Queues for fuel in Kabul grew longer on Wednesday."}
    httpserver.expect_request("/k.xml").respond_with_data(rss([negated, hoped, SHORTAGE, again]), content_type="application/rss+xml")
    monitor_env.run("once")
    alerts = monitor_env.alerts(detector="rules")
    assert [(a["subject"], a["previous"], a["current"], a["severity"]) for a in alerts] == [("Kabul fuel supply", None, "shortage", "medium")]
    assert "fuel shortage hit Kabul" in alerts[0]["evidence"]


def test_a_bad_rule_is_one_line_naming_it(monitor_env):
    (monitor_env.root / "rules.toml").write_text('[[rule]]\nname = "broken"\nsubject = "x"\nvalue = "y"\nregex = ["(unclosed"]\n')
    monitor_env.configure('[plugins.rules]\nfile = "rules.toml"\n')
    result = monitor_env.run("check-config", check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "plugin rules: invalid configuration: [plugins.rules] rule 'broken': regex '(unclosed' is invalid" in line
    (monitor_env.root / "rules.toml").write_text('[[rule]]\nname = "nameless-subject"\nvalue = "y"\nall = ["x"]\n')
    line = monitor_env.run("check-config", check=False).stderr.strip()
    assert "rule 'nameless-subject': missing subject" in line


def test_lowered_patterns_find_exactly_what_the_case_insensitive_ones_find():
    # monitor.text.lowered is how the built-ins run their hottest patterns; a
    # plugin author may wrap theirs the same way and must get the same matches.
    import re

    from monitor.text import lowered

    patterns = [
        r"\b(?:Torkham|Chaman) (?:crossing|border)\b",
        r"(?P<n>\d+|TWO|Three)\s+(?:SOLDIERS|militants)(?P=n)?",  # named groups keep their names
        r"\bDoha\S*\s+\w+",  # \S and \w keep their meaning
        r"(?-i:TTP) fighters",  # case-sensitive parts: the original pattern is used
    ]
    texts = [
        "Torkham Crossing reopened; the CHAMAN BORDER stayed shut.",
        "ISPR said 23 Soldiers and three MILITANTS were killed.",
        "The Doha-brokered truce held; DOHA's mediators met.",
        "TTP fighters crossed; ttp fighters is not the acronym.",
        "İstanbul talks: Torkham crossing and 2 soldiers",  # lower-casing "İ" changes the length
    ]
    for source in patterns:
        pattern = re.compile(source, re.I)
        for text in texts:
            expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
            assert [(m.start(), m.end()) for m in lowered(pattern).finditer(text)] == expected, (source, text)
            assert bool(lowered(pattern).search(text)) == bool(expected)


def test_gazetteer_finds_every_alias_and_its_quick_test_never_misses_one():
    from monitor.text import Gazetteer

    names = Gazetteer({
        "Torkham": ["Torkham Gate", "Torkhum", "طورخم"],
        "Chaman": ["Bab-e-Dosti", "Spin Boldak"],
        "Tor Ghar": [],  # shares its beginning with Torkham
        "TTP": ["Tehrik-i-Taliban Pakistan"],  # an acronym: as written only
    })
    cases = {
        "The Torkham Gate reopened.": ["Torkham"],
        "Trucks waited at Torkhum and at Bab e Dosti.": ["Torkham", "Chaman"],
        "Near SPIN-BOLDAK, and in Tor Ghar.": ["Chaman", "Tor Ghar"],
        "Queues at Spin-Boldak.": ["Chaman"],
        "Queues at BabeDosti.": ["Chaman"],
        "طورخم بند ہے": ["Torkham"],
        "The TTP and the Tehrik i Taliban Pakistan; ttp is not it.": ["TTP", "TTP"],
        "Torkhamabad and Chamanistan are not crossings.": [],
    }
    for text, expected in cases.items():
        found = [m.name for m in names.find(text)]
        assert found == expected, text
        if found:
            assert names.mentioned(text), text
    assert not names.mentioned("The cricket board met in Lahore.")


SPEAKER_PLUGIN = '''
import monitor
from monitor.text import Gazetteer, Speakers, as_aliases, load_officials, load_scope, load_table, read

DATA = "monitor.plugins.data"
SCOPE = load_scope(DATA, "scope.toml")
PARTIES = Gazetteer(load_table(DATA, "parties.toml", "parties")).extended(as_aliases(load_officials(DATA, "officials.toml")))


@monitor.hookimpl
def detect(article):
    found = []
    for reading in read(article, SCOPE, speakers=Speakers(PARTIES, {"Pakistan": "Afghanistan", "Afghanistan": "Pakistan"})):
        at = reading.text.lower().find("fuel")
        if at >= 0 and reading.speaker and not reading.elsewhere and reading.asserted_now(at):
            found.append(monitor.Observation(subject="Fuel said by", value=reading.speaker, evidence=reading.text))
    return found
'''


def test_a_plugin_reads_speakers_modality_and_scope_as_the_built_ins_do(monitor_env, rss):
    """The guide's monitor.text.read: the same answers the built-in detectors get."""
    (monitor_env.plugins_dir / "fuel_speakers.py").write_text(SPEAKER_PLUGIN)
    items = [
        {"title": "Fuel", "guid": "1", "link": "https://news.example/1", "published": "2025-11-04T08:00:00Z",
         "summary": "Would fuel reach Kabul before winter, the Taliban's spokesman Zabihullah Mujahid asked."},
        {"title": "Fuel", "guid": "2", "link": "https://news.example/2", "published": "2025-11-05T08:00:00Z",
         "summary": "Afghan trucks carried no fuel through Torkham this week, says Tarar."},
        {"title": "Fuel", "guid": "3", "link": "https://news.example/3", "published": "2025-11-06T08:00:00Z",
         "summary": "Fuel convoys for Kabul are stuck at the Torkham border, says Information Minister Attaullah Tarar."},
    ]
    monitor_env.replay(rss(items))
    assert [(a["current"], a["article"]["url"]) for a in monitor_env.alerts(detector="fuel_speakers")] == [
        ("Pakistan", "https://news.example/3")]


def test_read_gives_each_sentence_its_speaker_whichever_sentence_is_asked_first():
    # "He said" is who spoke before: asking about a later sentence first, or
    # about one sentence only, gives the answers reading them in order gives.
    from datetime import datetime, timezone

    from monitor.parse import make_article
    from monitor.text import Gazetteer, Speakers, as_aliases, load_officials, load_scope, load_table, read

    data = "monitor.plugins.data"
    parties = Gazetteer(load_table(data, "parties.toml", "parties")).extended(as_aliases(load_officials(data, "officials.toml")))
    article = make_article("f", "1", "https://news.example/1", "Strikes", (
        "Pakistan's military said its jets struck camps in Khost. He said 20 militants were killed. "
        "Separately, the Taliban's spokesman Zabihullah Mujahid said 30 civilians died. "
        "He added that Kabul would respond, while Islamabad claimed 40 militants died."), datetime(2025, 11, 5, tzinfo=timezone.utc))

    def readings():
        return read(article, load_scope(data, "scope.toml"), speakers=Speakers(parties, {"Pakistan": "Afghanistan", "Afghanistan": "Pakistan"}))

    def answers(reading):
        return reading.speaker, reading.speaker_span, [who for _, _, who in reading.clause_speakers]

    in_order = [answers(r) for r in readings()]
    assert [speaker for speaker, _, _ in in_order] == [None, "Pakistan", "Pakistan", "Afghanistan", "Afghanistan"]
    assert in_order[-1][2] == ["Afghanistan", "Pakistan"]  # "…, while Islamabad claimed": the clause's own speaker
    assert [answers(r) for r in reversed(readings())][::-1] == in_order
    assert answers(readings()[2]) == in_order[2]


def _lowered_patterns():
    """Every pattern the built-ins run through ``lowered``, and a few written
    to try what its quick pre-test reads from a pattern: an optional first
    word, a lookbehind, a small class, a possessive, a name and a back-reference."""
    import importlib
    import re

    from monitor.text import Lowered

    found = {}
    modules = ["monitor.text.attribution", "monitor.text.cues", "monitor.text.numbers",
               "monitor.plugins.detectors.ceasefire", "monitor.plugins.detectors.crossing", "monitor.plugins.detectors.claim"]
    for name in modules:
        for value in vars(importlib.import_module(name)).values():
            items = [value] if isinstance(value, Lowered) else [v for entry in value if isinstance(entry, tuple) for v in entry] if isinstance(value, list) else []
            for item in items:
                if isinstance(item, Lowered):
                    found[(item.pattern, item.flags)] = item
    assert len(found) > 40  # the built-ins' patterns were found
    written = [
        r"\b(?:the )?(?:work|handiwork) of\b",
        r"(?<!not )(?<!the )\bonly\s+(?:for|to)\b",
        r"\bneutrali[sz]ed\b|\bharbou?r\w*",
        r"(?:'s|’s)\s+(?:\w+\s+)?(?:claims?|charges?)\s+(?:that|of)\b",
        r"\bspin[\s-]*boldak\b|\bchaman\b",
        r"\b(?P<word>kill|shell)(?:ed|ing)\b.{0,20}?(?P=word)",
        r"\bnot\b|n't\b|\bceasefire",  # a word's beginning, and the same letters anywhere
    ]
    return [re.compile(p.pattern, p.flags) for p in found.values()] + [re.compile(p, re.I) for p in written]


def _assert_lowered_finds_the_same(patterns, texts):
    from monitor.text import lowered

    def spans(m):
        return None if m is None else tuple(m.span(g) for g in range(len(m.groups()) + 1))

    for pattern in patterns:
        fast = lowered(pattern)
        for text in texts:
            every = list(pattern.finditer(text))
            assert [spans(m) for m in fast.finditer(text)] == [spans(m) for m in every], (pattern.pattern, text)
            third = len(text) // 3
            for pos, endpos in ((0, len(text)), (third, len(text)), (1, 2 * third), (third + 1, third + 40)):
                assert spans(fast.search(text, pos, endpos)) == spans(pattern.search(text, pos, endpos)), (pattern.pattern, text, pos, endpos)
            for at in [m.start() for m in every[:3]] + [third]:
                assert spans(fast.match(text, at)) == spans(pattern.match(text, at)), (pattern.pattern, text, at)
            if not fast.may_occur(text):  # then no slice of it matches either
                assert not any(pattern.search(text[i:i + 80]) for i in range(0, len(text), 50)), (pattern.pattern, text)


def _texts_of(jsonl) -> list[str]:
    import json

    return [f"{a['title']}. {a['summary']}" for line in jsonl.read_text("utf-8").splitlines() if line.strip() for a in json.loads(line)["articles"]]


def test_lowered_patterns_find_exactly_what_the_originals_find_in_news():
    # lowered() tries a pattern only where the words its matches begin with
    # occur: on the datasets' articles, the bench corpus's stories and word
    # pieces ("skilled", "deadline"), every match, search and match is the
    # original pattern's.
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import stories
    finally:
        sys.path.remove(str(ROOT / "bench"))
    # (some three hundred of the batches' articles, spread over all of them: their number grows with each batch,
    # and this test's time with it)
    texts = [t for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")) for t in _texts_of(path)]
    texts = texts[::max(2, len(texts) // 300)]
    texts += [f"{s.title}. {' '.join(s.paragraphs)}" for s in stories(50, 0.3, seed=5)]
    texts += ["Unskilled workers' deadline: 'the ministry's claims that' KILLED; SHELLING, shelled then shell.",
              "İstanbul: the work of militants, only for refugees, not only to traders; neutralised, harboured.",
              "Spin-Boldak and CHAMAN'S charges of the Taliban’s claims that Kabul killed them, killing."]
    _assert_lowered_finds_the_same(_lowered_patterns(), texts)


def test_lowered_patterns_find_exactly_what_the_originals_find_in_the_shared_datasets_and_feeds():
    from helpers import shared_path

    from monitor.parse import parse_feed

    texts = [t for name in ("dev.jsonl", "dev2.jsonl") for t in _texts_of(shared_path("eval", name))]
    for path in sorted(shared_path("corpora", "feedparser").rglob("*.xml"))[::2]:
        texts += [a.full_text[:3000] for a in parse_feed(path.read_bytes(), "corpus").articles[:5] if a.full_text]
    _assert_lowered_finds_the_same(_lowered_patterns(), texts)


def test_the_conflict_gate_passes_every_article_with_an_alert_and_stops_general_news():
    # Scope.about_the_conflict is the gate the built-in detectors open with
    # (and the guide offers plugins): an article it stops is never read. Every
    # labelled article that expects an alert must pass it; the stories the
    # default feeds carry most, which name Kabul or Pakistan but are not about
    # the conflict, must not.
    import json

    from monitor.text import load_scope

    scope = load_scope("monitor.plugins.data", "scope.toml")
    stopped = []
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            scenario = json.loads(line)
            for article in scenario["articles"]:
                text = f"{article['title']}.\n\n{article.get('summary') or ''}"
                if article["expected"] and not scope.about_the_conflict(text):
                    stopped.append((path.name, scenario["id"], article["title"]))
    assert stopped == []
    for title in ("Rashid Khan ruled out of the Kabul series with a hamstring injury, the Afghanistan Cricket Board said.",
                  "The IMF said Pakistan's inflation eased to 4 per cent in Islamabad's latest figures.",
                  "Afghan refugees in Peshawar queued for winter aid, the disaster authority said.",
                  "Floods killed 12 people in Swat, Afghan refugees among them, the disaster authority said.",
                  "Polio teams targeted 2 million children in Kandahar and Peshawar, officials said.",
                  # words said of other things as often as of the fighting: only beside a party, never beside a disaster
                  "Polio teams on both sides of the border reached nine in ten children in Khost, the WHO said.",
                  "An earthquake struck Afghanistan's Kunar province, destroying 300 homes, the disaster authority said.",
                  "The National Emergency Operations Centre counted 3 new polio cases in Khost."):
        assert not scope.about_the_conflict(title), title
    for title in ("Torkham reopened on Monday.", "Afghan forces shelled posts in Kurram, the ISPR said.",
                  "Kabul accused Islamabad of violating Afghan airspace.", "The truce with Afghanistan is over, Asif said.",
                  "Tarar: 410 Afghan Taliban killed.", "Pakistan targets Kabul, Khost: Taliban.",
                  "Khost.\n\nPakistan launched an operation against Afghanistan.", "The Taliban struck Pakistani positions in Kurram."):
        assert scope.about_the_conflict(title), title
