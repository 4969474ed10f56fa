"""The plugin host: loading, isolation, disabling, and third-party packages."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points


from helpers import ROOT, TORKHAM_OPEN

KEYWORD_PLUGIN = '''
import monitor

@monitor.hookimpl
def detect(article):
    if "fuel price" in article.text.lower():
        level = "high" if "doubled" in article.text.lower() else "normal"
        return [monitor.Observation(subject="Kabul fuel", value=level, evidence=article.text[:120])]
    return []
'''
BROKEN_PLUGIN = '''
import monitor

@monitor.hookimpl
def detect(article):
    raise RuntimeError("boom in detect")
'''
GARBAGE_PLUGIN = '''
import monitor

@monitor.hookimpl
def detect(article):
    return "not a list of observations"
'''


def fuel(guid: str, published: str, doubled: bool) -> dict:
    word = "doubled" if doubled else "stayed flat"
    return {"title": f"Fuel {guid}", "guid": guid, "link": f"https://news.example/{guid}", "published": published,
            "summary": f"The fuel price in Kabul {word} this week, traders said."}


def test_a_single_file_plugin_gets_the_state_rules_under_its_own_name(monitor_env, rss):
    (monitor_env.plugins_dir / "fuel.py").write_text(KEYWORD_PLUGIN)
    monitor_env.replay(rss([
        fuel("a", "2025-11-01T00:00:00Z", doubled=False),
        fuel("b", "2025-11-02T00:00:00Z", doubled=False),  # same value: silent
        fuel("c", "2025-11-03T00:00:00Z", doubled=True),
    ]))
    monitor_env.replay(rss([fuel("d", "2025-11-02T12:00:00Z", doubled=False)]))  # older than the state: silent
    alerts = monitor_env.alerts(detector="fuel")
    assert [(a["subject"], a["previous"], a["current"]) for a in alerts] == [("Kabul fuel", None, "normal"), ("Kabul fuel", "normal", "high")]
    listing = monitor_env.run("plugins").stdout
    assert "fuel -  [file]  enabled" in listing and "hooks   detect" in listing


def test_a_raising_plugin_is_named_counted_and_the_others_go_on(monitor_env, rss):
    (monitor_env.plugins_dir / "broken.py").write_text(BROKEN_PLUGIN)
    (monitor_env.plugins_dir / "garbage.py").write_text(GARBAGE_PLUGIN)
    result = monitor_env.replay(rss([TORKHAM_OPEN]))
    errors = [json.loads(l) for l in result.stderr.splitlines() if l.startswith("{") and '"plugin_failed"' in l]
    by_plugin = {e["plugin"]: e for e in errors}
    assert by_plugin["broken"]["error"] == "RuntimeError: boom in detect"
    assert by_plugin["broken"]["article"] == TORKHAM_OPEN["link"] and by_plugin["broken"]["feed"] == "test"
    assert "expected a list of monitor.Observation" in by_plugin["garbage"]["error"]
    assert [a["subject"] for a in monitor_env.alerts()] == ["Torkham"]  # the built-ins still worked
    listing = monitor_env.run("plugins").stdout
    assert "errors  1 in detect" in listing and "RuntimeError: boom in detect" in listing


def test_a_plugin_that_fails_to_import_does_not_stop_the_others(monitor_env, rss):
    (monitor_env.plugins_dir / "syntax.py").write_text("def oops(:\n")
    monitor_env.replay(rss([TORKHAM_OPEN]))
    assert len(monitor_env.alerts()) == 1
    assert "syntax -  [file]  disabled (failed to load: SyntaxError" in monitor_env.run("plugins").stdout


def test_plugins_can_be_disabled_by_config_or_environment(monitor_env, rss):
    (monitor_env.plugins_dir / "broken.py").write_text(BROKEN_PLUGIN)
    monitor_env.configure('[plugins.crossing]\n').write_text(
        monitor_env.config.read_text().replace("[plugins]\n", '[plugins]\ndisable = ["crossing"]\n')
    )
    monitor_env.env["MONITOR_DISABLE_PLUGINS"] = "broken"
    result = monitor_env.replay(rss([TORKHAM_OPEN]))
    assert "plugin_failed" not in result.stderr
    assert monitor_env.alerts() == []
    listing = monitor_env.run("plugins").stdout
    assert "crossing 0.1.0  [built-in]  disabled (disabled in configuration)" in listing


def test_a_third_party_package_with_an_entry_point(monitor_env, rss, tmp_path):
    # (its own plugin name: while installed, it must not stand in for the single-file "fuel" another test writes)
    package = tmp_path / "monitor-fuel"
    (package / "monitor_fuel").mkdir(parents=True)
    (package / "monitor_fuel" / "__init__.py").write_text(KEYWORD_PLUGIN)
    (package / "pyproject.toml").write_text(textwrap.dedent('''
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "monitor-fuel-test"
        version = "1.2.3"
        [project.entry-points.monitor]
        fuel_package = "monitor_fuel"
        [tool.setuptools]
        packages = ["monitor_fuel"]
    '''))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--no-deps", "--no-build-isolation", str(package)], check=True, capture_output=True)
    try:
        monitor_env.replay(rss([fuel("x", "2025-11-05T00:00:00Z", doubled=True)]))
        [alert] = monitor_env.alerts(detector="fuel_package")
        assert (alert["subject"], alert["current"]) == ("Kabul fuel", "high")
        assert "fuel_package 1.2.3  [package]  enabled" in monitor_env.run("plugins").stdout
    finally:
        subprocess.run([*pip, "uninstall", "-y", "monitor-fuel-test"], check=True, capture_output=True)


# -- the plugin API stays in step with its docs and the built-ins -------------------

PUBLIC = {"monitor", "monitor.text"}


def test_built_in_plugins_import_only_the_public_api():
    for path in (ROOT / "plugins").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name == "monitor" or name.startswith("monitor."):
                    assert name in PUBLIC, f"{path.relative_to(ROOT)} imports {name}; use the public API ({', '.join(sorted(PUBLIC))})"


def test_every_built_in_module_has_its_entry_point_and_back():
    declared = {ep.value for ep in entry_points(group="monitor") if ep.value.startswith("monitor.plugins.")}
    modules = {
        "monitor.plugins." + ".".join(p.relative_to(ROOT / "plugins").with_suffix("").parts)
        for sub in ("detectors", "notifiers")
        for p in (ROOT / "plugins" / sub).glob("*.py")
        if p.name != "__init__.py"
    }
    assert declared == modules


def test_every_hook_is_documented_and_in_the_guide():
    from monitor import hookspecs

    readme = (ROOT / "README.md").read_text()
    guide = (ROOT / "docs" / "writing-plugins.md").read_text()
    hooks = [name for name, f in vars(hookspecs).items() if callable(f) and hasattr(f, "monitor_spec")]
    assert {"startup", "shutdown", "detect", "baseline", "channels", "deliver", "preview"} <= set(hooks)
    for name in hooks:
        assert (getattr(hookspecs, name).__doc__ or "").strip(), f"hook {name} has no docstring"
        assert f"`{name}(" in guide or f"`{name}`" in guide, f"docs/writing-plugins.md does not describe the {name} hook"
    assert "writing-plugins.md" in readme


HANGING_PLUGIN = '''
import time
import monitor

@monitor.hookimpl
def detect(article):
    if "Torkham" in article.text:
        time.sleep(3600)
    return []
'''


def test_a_plugin_that_hangs_past_its_budget_is_named_and_the_rest_go_on(monitor_env, rss):
    (monitor_env.plugins_dir / "sleepy.py").write_text(HANGING_PLUGIN)
    monitor_env.configure().write_text(monitor_env.config.read_text().replace("[plugins]\n", "[plugins]\nhook_timeout_seconds = 1\n"))
    from helpers import TORKHAM_CLOSED

    result = monitor_env.replay(rss([TORKHAM_OPEN, TORKHAM_CLOSED]))
    assert "2 new articles, 2 alerts" in result.stdout  # the built-ins judged both
    errors = [json.loads(l) for l in result.stderr.splitlines() if '"plugin_failed"' in l]
    assert [e["plugin"] for e in errors] == ["sleepy"]  # reported once, then disabled
    assert "did not return within 1 s" in errors[0]["error"] and errors[0]["article"] == TORKHAM_OPEN["link"]


STDLIB_LOGGING_PLUGIN = '''
import logging

import monitor

log = logging.getLogger("fuelwatch")


@monitor.hookimpl
def detect(article):
    log.info("looked at %s", article.guid)  # below the default level of WARNING for libraries
    log.warning("no price in %s", article.guid)
    return []
'''


def test_a_plugin_logging_through_the_standard_library_lands_in_the_same_json_log(monitor_env, rss):
    # Plugins and libraries (APScheduler, httpx) log with `logging`; each such
    # record must be one whole JSON line like ours, or `jq` on the journal breaks.
    (monitor_env.plugins_dir / "fuelwatch.py").write_text(STDLIB_LOGGING_PLUGIN)
    path = monitor_env.root / "feed.xml"
    path.write_bytes(rss([TORKHAM_OPEN]))
    result = monitor_env.run("--log-format", "json", "replay", str(path), "--no-notify")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    events = [json.loads(line) for line in lines]  # every line is JSON
    [warning] = [e for e in events if e.get("logger") == "fuelwatch"]
    assert warning["event"] == "no price in torkham-open" and warning["level"] == "warning" and "timestamp" in warning
