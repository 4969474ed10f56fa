"""monitor: a plugin-based news-monitoring daemon.

The public API for plugins is what this module exports; built-in plugins use
nothing else (a test keeps it so).
"""

from importlib.metadata import PackageNotFoundError, version

import pluggy

from monitor.errors import (
    ConfigError,
    PermanentDeliveryError,
    PluginConfigError,
    TransientDeliveryError,
    UserError,
    check_keys,
    config_error,
)
from monitor.models import Alert, Article, Channel, Delivery, Feed, Observation, StateEntry

try:
    __version__ = version("monitor")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0"

hookimpl = pluggy.HookimplMarker("monitor")

__all__ = [
    "Alert",
    "Article",
    "Channel",
    "ConfigError",
    "Delivery",
    "Feed",
    "Observation",
    "StateEntry",
    "PermanentDeliveryError",
    "PluginConfigError",
    "TransientDeliveryError",
    "UserError",
    "__version__",
    "check_keys",
    "config_error",
    "hookimpl",
]
