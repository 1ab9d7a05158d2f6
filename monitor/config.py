"""``sources.yaml`` → :class:`Config`.

Every problem is collected and reported at once, each named by its key path
(``sources[2].every: "5x" is not a duration``). Unknown keys are errors.
Relative paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from monitor.exceptions import ConfigError
from monitor.models import PERSON_KINDS, Fact, FactKind, Source, Topic

DEFAULT_PATH = Path("sources.yaml")
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
_WINDOW = re.compile(
    r"^(?:(?:early|mid|late|spring|summer|fall|autumn|winter) )?\d{4}$|^\d{4}-\d{2}$"
)
_SECURITY = ("starttls", "tls", "none")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Tunables of the fetcher that a user may set under ``fetch:``."""

    timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_connections: int = 32
    max_per_host: int = 4
    retries: int = 2


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """When ``monitor serve`` writes digests, and whether empty ones are written."""

    schedule: str = "0 7 * * *"
    timezone: str = "UTC"
    always: bool = False


@dataclass(frozen=True, slots=True)
class MailOptions:
    """SMTP delivery of digests; the password comes from the environment only."""

    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    security: str = "starttls"
    user: str | None = None
    password_env: str | None = None
    send: bool = True

    def password(self) -> str | None:
        """The password from the environment variable the config names."""
        return os.environ.get(self.password_env) if self.password_env else None


@dataclass(frozen=True, slots=True)
class Config:
    """A validated monitor configuration."""

    path: Path
    topic: Topic
    sources: tuple[Source, ...]
    storage: Path
    digests: Path
    fetch: FetchOptions = field(default_factory=FetchOptions)
    digest: DigestOptions = field(default_factory=DigestOptions)
    mail: MailOptions | None = None


def parse_duration(text: str) -> timedelta | None:
    """``"30m"``, ``"1h30m"``, ``"2d"``, ``"45s"`` → timedelta; None when not a duration."""
    match = _DURATION.match(text.strip().lower()) if text else None
    if not match or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def config_path(explicit: str | Path | None = None) -> Path:
    """The config file to use: ``--config``, else ``$MONITOR_CONFIG``, else ``./sources.yaml``."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("MONITOR_CONFIG") or DEFAULT_PATH)


def load(path: str | Path | None = None) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem."""
    file = config_path(path)
    if not file.exists():
        raise ConfigError(
            [f"no {file} here: run `monitor init` to write one, or pass --config PATH"]
        )
    try:
        data = read_yaml(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError([f"{file}: cannot read as YAML: {e}"]) from e
    return parse(data, file)


def read_yaml(text: str) -> Any:
    """YAML's safe subset, read by libyaml when PyYAML has it (a 1,000-source file: 1 s → 0.1 s)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parse(data: Any, path: Path) -> Config:
    """Validate already-loaded YAML data; raise ConfigError listing every problem."""
    checker = _Checker()
    config = checker.config(data, path)
    if checker.problems or config is None:
        raise ConfigError(checker.problems or ["the config is empty"])
    return config


class _Checker:
    """Walks the YAML, collecting problems by key path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def mapping(self, value: Any, where: str, allowed: tuple[str, ...]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.problem(where, f"expected a mapping, got {_shown(value)}")
            return {}
        for key in value:
            if key not in allowed:
                self.problem(
                    f"{where}.{key}" if where else str(key),
                    f"unknown key (expected one of: {', '.join(allowed)})",
                )
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(f"{where}.{key}" if where else key, "missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{where}.{key}" if where else key, f"expected text, got {_shown(value)}")
            return ""
        return value.strip()

    def texts(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(f"{where}.{key}", f"expected a list of words, got {_shown(value)}")
            return ()
        return tuple(v.strip() for v in value)

    def number(self, data: Mapping[str, Any], key: str, where: str, default: float) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.problem(f"{where}.{key}", f"expected a positive number, got {_shown(value)}")
            return default
        return float(value)

    def flag(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"{where}.{key}", f"expected true or false, got {_shown(value)}")
            return default
        return value

    def config(self, data: Any, path: Path) -> Config | None:
        if data is None:
            self.problem(str(path), "the file is empty")
            return None
        top = self.mapping(
            data, "", ("topic", "sources", "storage", "digests", "fetch", "digest", "mail")
        )
        if not top:
            return None
        if "topic" not in top:
            self.problem("topic", "missing")
        if "sources" not in top:
            self.problem("sources", "missing")
        topic = self.topic(top.get("topic", {}))
        sources = self.sources(top.get("sources", []))
        base = path.resolve().parent
        storage = base / (self.text(top, "storage", "") or "monitor.db")
        digests = base / (self.text(top, "digests", "") or "digests")
        return Config(
            path=path,
            topic=topic,
            sources=sources,
            storage=storage,
            digests=digests,
            fetch=self.fetch(top.get("fetch", {})),
            digest=self.digest(top.get("digest", {})),
            mail=self.mail(top["mail"]) if "mail" in top else None,
        )

    def topic(self, value: Any) -> Topic:
        data = self.mapping(
            value, "topic", ("name", "aliases", "context", "exclude", "known_facts")
        )
        name = self.text(data, "name", "topic", required=True)
        aliases = self.texts(data, "aliases", "topic") or ((name,) if name else ())
        facts = data.get("known_facts", []) or []
        if not isinstance(facts, list):
            self.problem("topic.known_facts", f"expected a list of facts, got {_shown(facts)}")
            facts = []
        known = tuple(
            fact
            for i, item in enumerate(facts)
            if (fact := self.fact(item, f"topic.known_facts[{i}]")) is not None
        )
        return Topic(
            name=name,
            aliases=aliases,
            context=self.texts(data, "context", "topic"),
            exclude=self.texts(data, "exclude", "topic"),
            known_facts=known,
        )

    def fact(self, value: Any, where: str) -> Fact | None:
        data = self.mapping(value, where, ("kind", "person", "role", "value"))
        kind_name = data.get("kind")
        if kind_name not in {k.value for k in FactKind}:
            kinds = ", ".join(k.value for k in FactKind)
            self.problem(f"{where}.kind", f"{_shown(kind_name)} is not a fact kind ({kinds})")
            return None
        kind = FactKind(kind_name)
        if kind in PERSON_KINDS:
            person = self.text(data, "person", where, required=True)
            role = self.text(data, "role", where) or None if kind == FactKind.CAST else None
            return Fact(kind, person=person, role=role) if person else None
        value_problem = _VALUE_CHECKS.get(kind, _is_text)(data.get("value"))
        if value_problem:
            self.problem(f"{where}.value", value_problem)
            return None
        raw = data["value"]
        return Fact(kind, value=raw.isoformat() if isinstance(raw, date) else raw)

    def sources(self, value: Any) -> tuple[Source, ...]:
        if not isinstance(value, list):
            self.problem("sources", f"expected a list of sources, got {_shown(value)}")
            return ()
        sources = [s for i, item in enumerate(value) if (s := self.source(item, i))]
        seen: set[str] = set()
        for i, source in enumerate(sources):
            if source.name in seen:
                self.problem(f"sources[{i}].name", f"{source.name!r} is used by another source")
            seen.add(source.name)
        return tuple(sources)

    def source(self, value: Any, index: int) -> Source | None:
        where = f"sources[{index}]"
        keys = ("name", "url", "kind", "every", "links", "body", "max_links")
        data = self.mapping(value, where, (*keys, "follow_offsite", "allow_private"))
        name = self.text(data, "name", where, required=True)
        url = self.text(data, "url", where, required=True)
        if url and urlsplit(url).scheme not in ("http", "https"):
            self.problem(f"{where}.url", f"{url!r} is not an http(s) URL")
        kind = data.get("kind", "feed")
        if kind not in ("feed", "page"):
            self.problem(f"{where}.kind", f"{_shown(kind)} is neither feed nor page")
        every_text = str(data.get("every", "1h"))
        every = parse_duration(every_text)
        if every is None:
            self.problem(f"{where}.every", f'"{every_text}" is not a duration (like 30m, 2h, 1d)')
        links = self.text(data, "links", where) or None
        if kind == "page" and not links:
            self.problem(f"{where}.links", "a page source needs a CSS selector of article links")
        if kind == "feed" and links:
            self.problem(f"{where}.links", "only page sources follow links")
        self.selector(links, f"{where}.links")
        body = self.text(data, "body", where) or None
        self.selector(body, f"{where}.body")
        if not (name and url):
            return None
        return Source(
            name=name,
            url=url,
            kind="page" if kind == "page" else "feed",
            every=every or timedelta(hours=1),
            links=links,
            body=body,
            max_links=int(self.number(data, "max_links", where, 20)),
            follow_offsite=self.flag(data, "follow_offsite", where, False),
            allow_private=self.flag(data, "allow_private", where, False),
        )

    def selector(self, selector: str | None, where: str) -> None:
        if not selector:
            return
        import soupsieve  # bs4's selector engine; imported only when a selector is set

        try:
            soupsieve.compile(selector)
        except Exception as e:  # soupsieve raises its own SelectorSyntaxError
            self.problem(where, f"{selector!r} is not a CSS selector ({str(e).splitlines()[0]})")

    def fetch(self, value: Any) -> FetchOptions:
        keys = ("timeout", "max_bytes", "max_connections", "max_per_host", "retries")
        data = self.mapping(value, "fetch", keys)
        default = FetchOptions()
        retries = data.get("retries", default.retries)
        if isinstance(retries, bool) or not isinstance(retries, int) or not 0 <= retries <= 10:
            self.problem("fetch.retries", f"expected a whole number 0–10, got {_shown(retries)}")
            retries = default.retries
        return FetchOptions(
            timeout=self.number(data, "timeout", "fetch", default.timeout),
            max_bytes=int(self.number(data, "max_bytes", "fetch", default.max_bytes)),
            max_connections=int(self.number(data, "max_connections", "fetch", 32)),
            max_per_host=int(self.number(data, "max_per_host", "fetch", 4)),
            retries=retries,
        )

    def digest(self, value: Any) -> DigestOptions:
        data = self.mapping(value, "digest", ("schedule", "timezone", "always"))
        default = DigestOptions()
        schedule = self.text(data, "schedule", "digest") or default.schedule
        timezone = self.text(data, "timezone", "digest") or default.timezone
        if not _is_timezone(timezone):
            self.problem("digest.timezone", f"{timezone!r} is not a time zone like Europe/London")
        elif "schedule" in data:
            from monitor.schedule import crontab_trigger  # apscheduler: only when asked

            try:
                crontab_trigger(schedule, timezone)
            except ValueError as e:
                self.problem("digest.schedule", f"{schedule!r} is not a crontab line ({e})")
        return DigestOptions(schedule, timezone, self.flag(data, "always", "digest", False))

    def mail(self, value: Any) -> MailOptions | None:
        keys = ("host", "port", "security", "user", "password_env", "from", "to", "send")
        data = self.mapping(value, "mail", (*keys, "password"))
        host = self.text(data, "host", "mail", required=True)
        sender = self.text(data, "from", "mail", required=True)
        recipients = self.texts(data, "to", "mail")
        if not recipients:
            self.problem("mail.to", "name at least one recipient")
        security = data.get("security", "starttls")
        if security not in _SECURITY:
            self.problem(
                "mail.security", f"{_shown(security)} is not one of {', '.join(_SECURITY)}"
            )
        port = data.get("port", 465 if security == "tls" else 587)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            self.problem("mail.port", f"expected a port number, got {_shown(port)}")
        if "password" in data:
            self.problem("mail.password", "never put a password here: use password_env")
        for address, where in [(sender, "mail.from"), *((r, "mail.to") for r in recipients)]:
            if address and "@" not in address:
                self.problem(where, f"{address!r} is not an email address")
        if not (host and sender and recipients) or security not in _SECURITY:
            return None
        return MailOptions(
            host=host,
            port=port if isinstance(port, int) else 587,
            sender=sender,
            recipients=recipients,
            security=str(security),
            user=self.text(data, "user", "mail") or None,
            password_env=self.text(data, "password_env", "mail") or None,
            send=self.flag(data, "send", "mail", True),
        )


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_text(value: Any) -> str | None:
    return (
        None if isinstance(value, str) and value.strip() else f"expected text, got {_shown(value)}"
    )


def _is_count(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 1000
    return None if ok else f"expected a number of episodes, got {_shown(value)}"


def _is_iso_date(value: Any) -> str | None:
    if isinstance(value, date):
        return None
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return f"{_shown(value)} is not a date (YYYY-MM-DD)"
    return None


def _is_window(value: Any) -> str | None:
    ok = _WINDOW.match(str(value).strip().lower()) is not None
    return None if ok else f'{_shown(value)} is not a window like "2026", "late 2026", "2026-05"'


def _is_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_VALUE_CHECKS: dict[FactKind, Callable[[Any], str | None]] = {
    FactKind.EPISODE_COUNT: _is_count,
    FactKind.PREMIERE_DATE: _is_iso_date,
    FactKind.FINALE_DATE: _is_iso_date,
    FactKind.PREMIERE_WINDOW: _is_window,
}
