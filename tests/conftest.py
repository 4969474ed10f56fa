"""The fixtures plugin authors get (monitor_env, rss) come from monitor.testing
through the pytest11 entry point, exactly as in their own suites."""

import sys


def pytest_collection_modifyitems(config, items):
    # The checkout's plugins/ must never be imported as a top-level package:
    # the built-ins are monitor.plugins.
    assert "plugins" not in sys.modules


import pytest


@pytest.fixture(scope="session")
def httpserver_listen_address():
    # Tests only ever talk to the loopback address.
    return ("127.0.0.1", 0)
