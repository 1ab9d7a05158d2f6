"""sources.yaml → Config: every problem at once, by key path."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from monitor.config import load, parse, parse_duration
from monitor.exceptions import ConfigError
from monitor.models import Fact, FactKind

ROOT = Path(__file__).parent.parent


def problems(data: object) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse(data, Path("sources.yaml"))
    return caught.value.problems


def test_shipped_config_is_valid() -> None:
    config = load(ROOT / "sources.yaml")
    assert config.topic.name == "Star City"
    assert Fact(FactKind.EPISODE_COUNT, value=10) in config.topic.known_facts
    kinds = {s.kind for s in config.sources}
    assert kinds == {"feed", "page"} and len(config.sources) >= 6
    assert config.storage == (ROOT / "monitor.db").resolve()


def test_readme_config_is_valid(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Configuration", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    config = parse(yaml.safe_load(block), tmp_path / "sources.yaml")
    assert config.mail is not None and config.mail.password_env == "MONITOR_SMTP_PASSWORD"


def test_every_problem_at_once_by_key_path() -> None:
    found = problems(
        {
            "topic": {
                "name": "X",
                "colour": "red",
                "known_facts": [{"kind": "episode_count", "value": "ten"}],
            },
            "sources": [
                {"name": "A", "url": "https://a.example/feed", "every": "5x"},
                {"name": "A", "url": "ftp://b.example/", "kind": "page"},
                "not a mapping",
            ],
            "storage": 5,
            "extra": True,
        }
    )
    assert 'sources[0].every: "5x" is not a duration (like 30m, 2h, 1d)' in found
    assert "sources[1].url: 'ftp://b.example/' is not an http(s) URL" in found
    assert any(p.startswith("sources[1].links: a page source needs") for p in found)
    assert any(p.startswith("sources[1].name: 'A' is used") for p in found)
    assert any(p.startswith("sources[2]: expected a mapping") for p in found)
    assert any(p.startswith("topic.colour: unknown key") for p in found)
    assert any(p.startswith("extra: unknown key") for p in found)
    assert any(p.startswith("topic.known_facts[0].value: expected a number") for p in found)
    assert any(p.startswith("storage: expected text") for p in found)


def test_mail_password_never_in_the_file() -> None:
    found = problems(
        {
            "topic": {"name": "X"},
            "sources": [],
            "mail": {"host": "smtp.example", "from": "a@b.c", "to": ["d@e.f"], "password": "x"},
        }
    )
    assert found == ["mail.password: never put a password here: use password_env"]


def test_bad_selector_schedule_and_timezone() -> None:
    found = problems(
        {
            "topic": {"name": "X"},
            "sources": [{"name": "P", "url": "https://p.example/", "kind": "page", "links": "a[["}],
            "digest": {"timezone": "Mars/Olympus"},
        }
    )
    assert any(p.startswith("sources[0].links: 'a[[' is not a CSS selector") for p in found)
    assert any(p.startswith("digest.timezone:") for p in found)
    for bad in ("every day", "61 * * * *", "0 7 * * funday"):
        found = problems({"topic": {"name": "X"}, "sources": [], "digest": {"schedule": bad}})
        assert len(found) == 1 and found[0].startswith(f"digest.schedule: {bad!r} is not a crontab")


def test_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="monitor init"):
        load(tmp_path / "sources.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("1h30m", timedelta(minutes=90)),
        ("2d", timedelta(days=2)),
        ("45s", timedelta(seconds=45)),
        ("5x", None),
        ("", None),
        ("m", None),
    ],
)
def test_durations(text: str, expected: timedelta | None) -> None:
    assert parse_duration(text) == expected
