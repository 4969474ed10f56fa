"""Finding, loading and calling plugins, one at a time.

pluggy isolates nothing: one raising implementation ends a whole hook call and
the other plugins' results are lost, and one broken entry point stops loading.
So entry points are loaded one by one, and every hook call goes to each
plugin's implementation separately (with only the arguments it declares),
generators consumed inside the error handler. A failure is logged with the
plugin's name and the feed and article in hand, counted in the database, and
shown by ``monitor plugins``.

Where plugins come from: the ``monitor`` entry-point group (the built-ins are
registered there too), and every ``*.py`` in ``[plugins] dir``. ``[plugins]
disable`` or ``$MONITOR_DISABLE_PLUGINS`` (comma-separated names, or ``*`` for
every plugin that is not built in) turns any of them off.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import GeneratorType
from typing import Any

import pluggy

from monitor import hookspecs
from monitor.config import Config
from monitor.errors import PluginConfigError
from monitor.log import get_logger

ENTRY_POINT_GROUP = "monitor"
BUILTIN_PREFIX = "monitor.plugins."

log = get_logger("monitor.plugins")


class PluginHung(Exception):
    """A plugin overran its time budget (already reported and disabled)."""


class _Worker:
    """One daemon thread per untrusted plugin: calls run there, one at a time."""

    def __init__(self, name: str):
        self.jobs: queue.Queue = queue.Queue()
        threading.Thread(target=self._run, name=f"plugin-{name}", daemon=True).start()

    def submit(self, fn) -> Future:
        future: Future = Future()
        self.jobs.put((fn, future))
        return future

    def _run(self) -> None:
        while True:
            fn, future = self.jobs.get()
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to the caller, who reports it
                future.set_exception(exc)


@dataclass
class PluginInfo:
    name: str
    origin: str  # "built-in", "package" or "file"
    version: str = ""
    source: str = ""  # module or file path
    hooks: list[str] = field(default_factory=list)
    enabled: bool = True
    why_disabled: str = ""


class PluginManager:
    def __init__(self, config: Config, store=None):
        self.config = config
        self.store = store
        self.pm = pluggy.PluginManager("monitor")
        self.pm.add_hookspecs(hookspecs)
        self.info: dict[str, PluginInfo] = {}
        self._sections: dict[str, dict] = {}
        self._workers: dict[str, _Worker] = {}
        self._sections_of: Config | None = None

    # -- loading ---------------------------------------------------------------

    def disabled_names(self) -> set[str]:
        names = set(self.config.plugins_disable)
        names |= {n.strip() for n in os.environ.get("MONITOR_DISABLE_PLUGINS", "").split(",") if n.strip()}
        return names

    def load(self) -> PluginManager:
        disabled = self.disabled_names()
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            origin = "built-in" if ep.value.startswith(BUILTIN_PREFIX) else "package"
            version = ep.dist.version if ep.dist else ""
            info = PluginInfo(ep.name, origin, version, ep.value)
            if self._skip(info, disabled):
                continue
            try:
                module = ep.load()
            except Exception as exc:  # a broken install must not stop the others
                self._load_failed(info, exc)
                continue
            self._register(info, module)
        if self.config.plugins_dir is not None:
            self._load_folder(self.config.plugins_dir, disabled)
        return self

    def _skip(self, info: PluginInfo, disabled: set[str]) -> bool:
        if info.name in self.info:
            log.warning("plugin_name_taken", plugin=info.name, source=info.source)
            return True
        if info.name in disabled or ("*" in disabled and info.origin != "built-in"):
            info.enabled, info.why_disabled = False, "disabled in configuration"
            self.info[info.name] = info
            return True
        return False

    def _load_folder(self, folder: Path, disabled: set[str]) -> None:
        if not folder.is_dir():
            log.warning("plugins_dir_missing", dir=str(folder))
            return
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            info = PluginInfo(path.stem, "file", "", str(path))
            if self._skip(info, disabled):
                continue
            module_name = f"monitor_file_plugin_{path.stem}"
            try:
                spec = importlib.util.spec_from_file_location(module_name, path)
                module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
                # In sys.modules before executing, or dataclasses in it break.
                sys.modules[module_name] = module
                spec.loader.exec_module(module)  # type: ignore[union-attr]
            except Exception as exc:
                sys.modules.pop(module_name, None)
                self._load_failed(info, exc)
                continue
            info.version = str(getattr(module, "__version__", ""))
            self._register(info, module)

    def _register(self, info: PluginInfo, module: Any) -> None:
        try:
            self.pm.register(module, name=info.name)
        except Exception as exc:  # e.g. a hook name that is not in hookspecs
            self._load_failed(info, exc)
            return
        info.hooks = sorted(impl.name for impl in self.pm.get_hookcallers(module) or [])
        self.info[info.name] = info

    def _load_failed(self, info: PluginInfo, exc: BaseException) -> None:
        info.enabled, info.why_disabled = False, f"failed to load: {type(exc).__name__}: {exc}"
        self.info[info.name] = info
        log.error("plugin_load_failed", plugin=info.name, source=info.source, error=f"{type(exc).__name__}: {exc}")
        self._record(info.name, "load", exc, {})

    def enabled(self) -> list[str]:
        return [name for name, info in self.info.items() if info.enabled]

    # -- lifecycle -------------------------------------------------------------

    def start(self) -> None:
        """Call every ``startup``; a plugin whose configuration is invalid is disabled."""
        for impl in self.pm.hook.startup.get_hookimpls():
            try:
                self._invoke(impl, "startup", {})
            except PluginConfigError as exc:
                self.disable(impl.plugin_name, f"invalid configuration: {exc}")
                log.error("plugin_config_invalid", plugin=impl.plugin_name, error=str(exc))
            except Exception as exc:
                self.report_failure(impl.plugin_name, "startup", exc, {})

    def stop(self) -> None:
        self.call("shutdown")

    def disable(self, name: str, why: str) -> None:
        plugin = self.pm.get_plugin(name)
        if plugin is not None:
            self.pm.unregister(plugin)
        if name in self.info:
            self.info[name].enabled, self.info[name].why_disabled = False, why

    # -- calling ----------------------------------------------------------------

    def implementers(self, hook: str) -> list[str]:
        return [impl.plugin_name for impl in getattr(self.pm.hook, hook).get_hookimpls()]

    def call(self, hook: str, context: dict[str, Any] | None = None, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call ``hook`` on every plugin separately; return [(plugin, result)] of those that succeeded."""
        results = []
        # pluggy's own order is last-registered first; ours is load order.
        for impl in reversed(getattr(self.pm.hook, hook).get_hookimpls()):
            try:
                if self._trusted(impl.plugin_name):
                    results.append((impl.plugin_name, self._invoke(impl, hook, kwargs)))
                else:
                    results.append((impl.plugin_name, self._invoke_with_budget(impl, hook, kwargs, context or {})))
            except PluginHung:
                continue
            except Exception as exc:
                self.report_failure(impl.plugin_name, hook, exc, context or {})
        return results

    def _trusted(self, name: str) -> bool:
        info = self.info.get(name)
        return info is None or info.origin == "built-in"

    def _invoke_with_budget(self, impl: pluggy.HookImpl, hook: str, kwargs: dict[str, Any], context: dict[str, Any]) -> Any:
        """Run a plugin that is not built in on its own worker thread, within
        ``[plugins] hook_timeout_seconds``. A thread cannot be killed: one that
        overruns is reported and the plugin is disabled for the rest of the run,
        so a hung plugin costs one idle thread, never the pipeline."""
        worker = self._workers.get(impl.plugin_name)
        if worker is None:
            worker = self._workers[impl.plugin_name] = _Worker(impl.plugin_name)
        future = worker.submit(lambda: self._invoke(impl, hook, kwargs))
        try:
            return future.result(timeout=self.config.hook_timeout_seconds)
        except TimeoutError:
            error = TimeoutError(f"{hook} did not return within {self.config.hook_timeout_seconds:g} s; plugin disabled until restart")
            self.report_failure(impl.plugin_name, hook, error, context)
            self.disable(impl.plugin_name, f"hung in {hook} (more than {self.config.hook_timeout_seconds:g} s)")
            raise PluginHung(impl.plugin_name) from None

    def call_plugin(self, name: str, hook: str, **kwargs: Any) -> Any:
        """Call one plugin's implementation; its exceptions are the caller's to judge."""
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            if impl.plugin_name == name:
                return self._invoke(impl, hook, kwargs)
        raise LookupError(f"plugin {name!r} does not implement {hook}")

    def _invoke(self, impl: pluggy.HookImpl, hook: str, kwargs: dict[str, Any]) -> Any:
        args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
        if "config" in impl.argnames and "config" not in kwargs:
            args["config"] = self._section(impl.plugin_name)
        started = time.monotonic()
        result = impl.function(**args)
        if type(result) is GeneratorType:  # inspect.isgenerator, less a call per hook
            result = list(result)
        elapsed = time.monotonic() - started
        if elapsed > self.config.slow_hook_seconds:
            log.warning("plugin_slow", plugin=impl.plugin_name, hook=hook, duration_ms=round(elapsed * 1000))
        return result

    def _section(self, plugin: str) -> dict:
        """The plugin's own settings; a fresh copy per configuration, not per call."""
        if self._sections_of is not self.config:  # reloaded: start afresh
            self._sections, self._sections_of = {}, self.config
        if plugin not in self._sections:
            self._sections[plugin] = self.config.section(plugin)
        return self._sections[plugin]

    def report_failure(self, plugin: str, hook: str, exc: BaseException, context: dict[str, Any]) -> None:
        """Log a plugin's failure with its name and context, and count it."""
        log.error(
            "plugin_failed",
            plugin=plugin,
            hook=hook,
            error=f"{type(exc).__name__}: {exc}",
            traceback="".join(traceback.format_exception(exc)),
            **context,
        )
        self._record(plugin, hook, exc, context)

    def _record(self, plugin: str, hook: str, exc: BaseException, context: dict[str, Any]) -> None:
        if self.store is not None:
            self.store.record_plugin_error(plugin, hook, f"{type(exc).__name__}: {exc}", context)
