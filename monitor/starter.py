"""`monitor init`: a commented starter sources.yaml for a show."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote_plus

from monitor.exceptions import MonitorError

TEMPLATE = """\
# monitor config for {show_yaml}: what to watch and what you already know.
# Check it with `monitor check`; reference: the README's "Configuration" section.

topic:
  name: {show_yaml}
  aliases: [{show_yaml}]          # how articles name the show
  context: []                     # words that mark a mention as this show (network, creators, stars)
  exclude: []                     # words that mark another thing with the same name
  known_facts: []                 # the baseline: facts you know, e.g.
  #  - {{kind: episode_count, value: 10}}
  #  - {{kind: cast, person: Jane Doe, role: Detective}}
  #  - {{kind: premiere_window, value: "late 2026"}}

sources:
  # News search feeds for the show's name: they catch everything, relevance sorts it out.
  - name: {google_yaml}
    url: https://news.google.com/rss/search?q={query}&hl=en-US&gl=US&ceid=US:en
    kind: feed
    every: 1h
  - name: {bing_yaml}
    url: https://www.bing.com/news/search?q={query}&format=rss
    kind: feed
    every: 1h
  # The trade press.
  - name: Deadline
    url: https://deadline.com/feed/
    kind: feed
    every: 30m
  - name: Variety
    url: https://variety.com/feed/
    kind: feed
    every: 30m
  - name: The Hollywood Reporter
    url: https://www.hollywoodreporter.com/feed/
    kind: feed
    every: 30m
  - name: TVLine
    url: https://tvline.com/feed/
    kind: feed
    every: 1h
  # An HTML page: follow its article links (CSS selector) and read each article.
  # - name: Network press
  #   url: https://example.com/press/
  #   kind: page
  #   links: "a.article-link"
  #   body: "article"
  #   every: 6h

storage: monitor.db        # SQLite file, relative to this file
digests: digests           # where digests are written

digest:
  schedule: "0 7 * * *"    # `monitor serve` writes a digest at 07:00 ...
  timezone: UTC            # ... in this time zone

# mail:                    # send each digest by email (see the README)
#   host: smtp.example.com
#   port: 587
#   security: starttls
#   user: me@example.com
#   password_env: MONITOR_SMTP_PASSWORD
#   from: monitor@example.com
#   to: [me@example.com]
"""


def starter_text(show: str) -> str:
    """The starter config for a show."""
    return TEMPLATE.format(
        show_yaml=json.dumps(show, ensure_ascii=False),
        google_yaml=json.dumps(f"Google News: {show}", ensure_ascii=False),
        bing_yaml=json.dumps(f"Bing News: {show}", ensure_ascii=False),
        query=quote_plus(f'"{show}"'),
    )


def write_starter(folder: Path, show: str, *, force: bool = False) -> Path:
    """Write ``folder/sources.yaml``; refuse to overwrite unless ``force``."""
    if not show.strip():
        raise MonitorError("--show needs the show's name")
    path = folder / "sources.yaml"
    if path.exists() and not force:
        raise MonitorError(f"{path} exists already: pass --force to overwrite it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(starter_text(show.strip()), encoding="utf-8")
    except OSError as e:
        raise MonitorError(f"cannot write {path}: {e.strerror or e}") from e
    return path
