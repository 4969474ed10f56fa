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
