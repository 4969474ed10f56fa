"""Exceptions. A ``UserError`` is a user's mistake: the CLI prints its message
as one line and exits non-zero, never a traceback."""


class UserError(Exception):
    """A mistake the user can fix; the message says where and how."""


class ConfigError(UserError):
    """monitor.toml, or a file it names, is invalid."""


class BaselineError(UserError):
    """The baseline file is missing or malformed."""


class StorageError(UserError):
    """The database cannot be opened or written."""


class PluginConfigError(UserError):
    """A plugin's configuration section is invalid (raise it from ``startup``)."""


class TransientDeliveryError(Exception):
    """A notifier could not send now; the outbox retries with backoff."""


class PermanentDeliveryError(Exception):
    """A notifier can never send this message; the outbox records it and stops."""


def config_error(section: str, key: str, problem: str, fix: str) -> PluginConfigError:
    """The one-line error for a plugin's settings: "[notifiers.x] key: problem; fix"."""
    return PluginConfigError(f"{section} {key}: {problem}; {fix}")


def check_keys(config: dict, section: str, allowed: set[str]) -> None:
    """Raise the one-line error for the first key of ``config`` not in ``allowed``."""
    unknown = sorted(set(config) - allowed)
    if unknown:
        raise config_error(section, unknown[0], "unknown key", f"use one of: {', '.join(sorted(allowed))}")
