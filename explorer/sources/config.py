"""`sources.toml`: the named sources a refresh brings up to date.

    [defaults]                 # optional; any source option, applied to every source
    timeout = 15

    [sources.exports]          # the table name is the source's name
    type = "folder"            # folder | files | urls | feed
    location = "/data/exports" # folder: a directory; files: paths/globs; urls: URLs
                               # (or a text file of URLs); feed: a feed URL (or several)
    include = ["**/*.txt", "**/*.html"]
    prune = true

See sources.example.toml for every option. Relative paths are resolved against the
directory of the sources file. Unknown keys are an error, so typos do not go unnoticed.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from explorer.errors import ConfigError
from explorer.sources.folder import DEFAULT_INCLUDE
from explorer.sources.web import FetchOptions, is_url

SOURCE_TYPES = ("folder", "files", "urls", "feed")
DEFAULT_SOURCES_FILE = "sources.toml"
ENV_SOURCES_FILE = "EXPLORER_SOURCES"


@dataclass(frozen=True)
class SourceConfig:
    name: str
    type: str
    location: tuple[str, ...]  # one or more paths / URLs
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    prune: bool = False  # retract articles that disappeared (folder and files sources)
    schedule: str | None = None  # a crontab line for `explorer schedule`
    enabled: bool = True
    id_prefix: str = ""  # prepended to file ids, to keep two folders' ids apart
    max_entries: int = 200  # feed entries considered per run
    refetch: bool = False  # feeds: fetch pages of entries already in the graph again
    timeout: float = 15.0
    deadline: float = 60.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 5_000_000
    concurrency: int = 4  # pages fetched at once (urls, feed)
    user_agent: str | None = None

    @property
    def fetch_options(self) -> FetchOptions:
        base = FetchOptions()
        return FetchOptions(
            timeout=self.timeout,
            deadline=self.deadline,
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff=self.backoff,
            user_agent=self.user_agent or base.user_agent,
        )

    @property
    def display_location(self) -> str:
        return self.location[0] if len(self.location) == 1 else f"{self.location[0]} (+{len(self.location) - 1})"


_OPTIONS = {f.name: f for f in fields(SourceConfig)} | {"urls_file": None}
_TUPLES = {"location", "include", "exclude"}


def _check_cron(name: str, line: str) -> str:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(line)
    except ValueError as exc:
        raise ConfigError(f"source {name!r}: schedule {line!r} is not a crontab line ({exc})") from None
    return line


def _as_tuple(name: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"source {name!r}: {key} must be a string or a list of strings")


def _resolve(base: Path, value: str) -> str:
    if is_url(value):
        return value
    path = Path(os.path.expanduser(value))
    return str(path if path.is_absolute() else (base / path))


def source_from_dict(
    name: str, data: dict[str, Any], base: Path, defaults: dict[str, Any] | None = None
) -> SourceConfig:
    """Validate one source table (with defaults merged under it)."""
    merged = {**(defaults or {}), **data}
    unknown = sorted(set(merged) - set(_OPTIONS) - {"name"})
    if unknown:
        raise ConfigError(f"source {name!r}: unknown option(s) {', '.join(unknown)}")
    kind = merged.get("type")
    if kind not in SOURCE_TYPES:
        raise ConfigError(f"source {name!r}: type must be one of {', '.join(SOURCE_TYPES)} (got {kind!r})")
    location = list(_as_tuple(name, "location", merged.get("location", [])))
    if "urls_file" in merged:  # urls: a text file with one URL a line (# comments allowed)
        path = Path(_resolve(base, str(merged.pop("urls_file"))))
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"source {name!r}: cannot read urls_file {path}: {exc.strerror}") from None
        location += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not location:
        raise ConfigError(f"source {name!r}: location is missing")
    if kind in ("urls", "feed"):
        bad = [u for u in location if not is_url(u)]
        if bad:
            raise ConfigError(f"source {name!r}: not an http(s) URL: {bad[0]}")
    else:
        location = [_resolve(base, p) for p in location]
        if kind == "folder" and len(location) != 1:
            raise ConfigError(f"source {name!r}: a folder source has one location")
    values: dict[str, Any] = {"name": name, "type": kind, "location": tuple(location)}
    for key, value in merged.items():
        if key in ("type", "location", "name", "urls_file"):
            continue
        spec = _OPTIONS[key]
        if key in _TUPLES:
            values[key] = _as_tuple(name, key, value)
            continue
        want = spec.type if isinstance(spec.type, str) else getattr(spec.type, "__name__", "")
        ok = {
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, int | float) and not isinstance(value, bool),
        }.get(want.split(" ")[0], isinstance(value, str))
        if not ok:
            raise ConfigError(f"source {name!r}: {key} has the wrong type ({type(value).__name__})")
        values[key] = float(value) if want == "float" else value
    config = SourceConfig(**values)
    if config.schedule:
        _check_cron(name, config.schedule)
    for key in ("timeout", "deadline", "max_bytes", "max_entries", "concurrency"):
        if getattr(config, key) <= 0:
            raise ConfigError(f"source {name!r}: {key} must be positive")
    if config.retries < 0:
        raise ConfigError(f"source {name!r}: retries cannot be negative")
    return config


@dataclass
class SourcesFile:
    path: Path | None
    sources: list[SourceConfig] = field(default_factory=list)
    schedule: str | None = None  # [defaults] schedule: the global crontab line

    def select(self, names: list[str] | None) -> list[SourceConfig]:
        if not names:
            return [s for s in self.sources if s.enabled]
        known = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in known]
        if missing:
            raise ConfigError(f"no source named {', '.join(missing)} in {self.path} (known: {', '.join(known)})")
        return [known[n] for n in names]


def parse_sources(text: str, base: Path, path: Path | None = None) -> SourcesFile:
    where = path or "the sources file"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"defaults", "sources"})
    if unknown:
        raise ConfigError(f"{where}: unknown table(s) {', '.join(unknown)} (expected [defaults] and [sources.NAME])")
    defaults = data.get("defaults", {})
    tables = data.get("sources", {})
    if not isinstance(defaults, dict) or not isinstance(tables, dict):
        raise ConfigError(f"{where}: [defaults] and [sources.NAME] must be tables")
    if not tables:
        raise ConfigError(f"{where} defines no sources (add a [sources.NAME] table)")
    schedule = defaults.get("schedule")
    if schedule is not None:
        if not isinstance(schedule, str):
            raise ConfigError(f"{where}: [defaults] schedule must be a crontab string")
        _check_cron("[defaults]", schedule)
    sources = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: sources.{name} must be a table")
        sources.append(source_from_dict(name, table, base, {k: v for k, v in defaults.items() if k != "schedule"}))
    return SourcesFile(path, sources, schedule)


def sources_path(path: Path | str | None = None) -> Path:
    """The sources file to use: the argument, else $EXPLORER_SOURCES, else ./sources.toml."""
    return Path(path or os.environ.get(ENV_SOURCES_FILE) or DEFAULT_SOURCES_FILE)


def load_sources(path: Path | str | None = None) -> SourcesFile:
    path = sources_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no sources file at {path} (copy sources.example.toml to sources.toml, or pass --sources FILE)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    return parse_sources(text, path.resolve().parent, path)


def adhoc_source(name: str, kind: str, locations: list[str], **options: Any) -> SourceConfig:
    """A source built from command-line arguments (`explorer ingest`)."""
    return replace(SourceConfig(name=name, type=kind, location=tuple(locations)), **options)
