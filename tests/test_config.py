"""Configuration: where it comes from, and one clear line for every mistake."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import ROOT


def run(args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=cwd)


MISTAKES = [
    ('[[feeds]]\nurl = "https://a.example/feed"\nintervall = "1h"\n', "feeds[0].intervall: unknown key"),
    ('[[feeds]]\nurl = "https://a.example/feed"\ninterval = "soon"\n', "feeds[0].interval: 'soon' is not a duration"),
    ('[[feeds]]\nurl = "ftp://a.example/feed"\n', "feeds[0].url: 'ftp://a.example/feed' is not an http(s) URL"),
    ('[[feeds]]\nname = "x"\n', "feeds[0].url: missing"),
    ('[fetch]\nconcurrency = "eight"\n', "fetch.concurrency: expected int"),
    ('[storage]\npathh = "x.db"\n', "storage.pathh: unknown key"),
    ('[plugins]\ndisable = "claim"\n', "plugins.disable: expected list"),
    ("[feeds\n", "not valid TOML"),
    ('[notifiers.email]\nhost = "smtp.example"\nfrom = "a@example"\nto = ["b@example"]\nsecurity = "ssl"\n', "security: 'ssl' is not known"),
]


@pytest.mark.parametrize("text,expected", MISTAKES)
def test_each_config_mistake_is_one_line_naming_file_and_key(tmp_path, text, expected):
    config = tmp_path / "monitor.toml"
    config.write_text(text)
    result = run(["check-config", "--config", str(config), "--db", str(tmp_path / "m.db")])
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines, result.stdout
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert str(config) in result.stderr


def test_missing_config_file_names_it(tmp_path):
    result = run(["feeds", "--config", str(tmp_path / "nope.toml")])
    assert result.returncode == 2
    assert result.stderr.strip() == f"monitor: {tmp_path / 'nope.toml'}: no such file; pass --config with an existing file"


def test_defaults_are_embedded_and_equal_to_the_shipped_file(tmp_path):
    shipped = (ROOT / "config" / "monitor.toml").read_text()
    from importlib import resources

    assert resources.files("monitor.defaults").joinpath("monitor.toml").read_text() == shipped
    assert resources.files("monitor.defaults").joinpath("baseline.json").read_text() == (ROOT / "config" / "baseline.json").read_text()
    # Without --config, $MONITOR_CONFIG or ./config/monitor.toml: the embedded defaults.
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}
    result = subprocess.run([sys.executable, "-m", "monitor", "check-config", "--db", str(tmp_path / "m.db")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<embedded defaults>: ok (9 feeds)" in result.stdout


def test_monitor_config_environment_variable_is_used(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('[[feeds]]\nname = "One"\nurl = "https://one.example/rss"\n')
    result = run(["check-config", "--db", str(tmp_path / "m.db")], env={"MONITOR_CONFIG": str(config)})
    assert result.returncode == 0, result.stderr
    assert f"{config}: ok (1 feeds)" in result.stdout


def test_malformed_baseline_gets_one_clear_line(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"format": 1, "published": "2025-10-24", "state": [{"detector": "crossing"}]}')
    config = tmp_path / "monitor.toml"
    config.write_text(f'[baseline]\npath = "{baseline}"\n')
    result = run(["check-config", "--config", str(config), "--db", str(tmp_path / "m.db")])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{baseline}: state[0].subject: missing or not a string" in result.stderr


def test_unusable_database_is_one_line(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = run(["alerts", "--db", str(bad)], cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a usable monitor database" in result.stderr


def test_python_dash_m_and_console_script_agree(tmp_path):
    import shutil

    script = shutil.which("monitor") or str(os.path.join(os.path.dirname(sys.executable), "monitor"))
    a = subprocess.run([script, "--version"], capture_output=True, text=True)
    b = run(["--version"])
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and "monitor, version" in a.stdout


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    command = readme.split("Run the tests")[1].split("```sh\n")[1].split("\n```")[0].strip()
    assert command.splitlines()[-1] in (ROOT / ".ci" / "run").read_text().splitlines()
