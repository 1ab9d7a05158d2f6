"""The ``monitor`` command line: every command is one library call; all printing is here.

Exit codes (shared/spec/interface.md): 0 the command did its job (a run where
some sources failed is still 0: the digest says which); 1 the monitor itself
failed (storage, writing, mail, another run holds the lock); 2 bad usage or
bad config.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from monitor import __version__
from monitor.exceptions import ConfigError, MonitorError

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.digest import DigestReport
    from monitor.models import PollResult

F = TypeVar("F", bound=Callable[..., Any])
EPILOG_URL = "https://github.com/star-city-monitor/monitor"


class State:
    """Options shared by every command."""

    def __init__(self, config: str | None, verbose: bool, quiet: bool) -> None:
        self.config_path = config
        self.verbose = verbose
        self.quiet = quiet
        self.tty = sys.stdout.isatty() and not quiet

    def config(self) -> Config:
        from monitor.config import load

        return load(self.config_path)


def fail(error: MonitorError) -> NoReturn:
    """Print a monitor error in plain words and exit with its code."""
    if isinstance(error, ConfigError):
        for problem in error.problems:
            click.echo(f"config: {problem}", err=True)
        sys.exit(2)
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


def guarded(func: F) -> F:
    """Turn MonitorErrors into their exit codes."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MonitorError as e:
            fail(e)

    return wrapper  # type: ignore[return-value]


def setup_logging(verbose: bool, quiet: bool) -> None:
    """Errors only by default (cron stays silent), INFO with --verbose."""
    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)


@click.group(
    epilog=f"Start with `monitor demo`, then `monitor init`. Docs: {EPILOG_URL}",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--config",
    "-c",
    metavar="PATH",
    envvar="MONITOR_CONFIG",
    help="Config file (default ./sources.yaml, or $MONITOR_CONFIG).",
)
@click.option("--verbose", "-v", is_flag=True, help="Log one line per source polled.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: bool, quiet: bool) -> None:
    """Tell what changed in the facts about a TV show, with evidence, once.

    \b
    Example, a daily cron line:
        0 7 * * *  cd ~/star-city && monitor run
    """
    setup_logging(verbose, quiet)
    ctx.obj = State(config, verbose, quiet)


pass_state = click.make_pass_decorator(State)


def digest_options(func: F) -> F:
    """--always and --email/--no-email, shared by `run` and `digest`."""
    func = click.option(
        "--email/--no-email",
        default=None,
        help="Mail the digest (default: the config's mail.send).",
    )(func)
    return click.option("--always", is_flag=True, help="Write a digest even when nothing changed.")(
        func
    )


@main.command()
@pass_state
@guarded
def check(state: State) -> None:
    """Validate the config: every problem at once, by key path. Exit 0 or 2.

    \b
    Example:
        monitor --config shows/severance.yaml check
    """
    config = state.config()
    if not state.quiet:
        click.echo(
            f"{config.path}: ok: {config.topic.name!r}, {len(config.sources)} sources, "
            f"{len(config.topic.known_facts)} known facts"
        )


@main.command()
@digest_options
@pass_state
@guarded
def run(state: State, always: bool, email: bool | None) -> None:
    """Poll every source, then write a digest of what changed: the cron entry point.

    \b
    Example:
        monitor run            # silent under cron unless something is wrong
    """
    config = state.config()
    results = _poll(state, config)
    report = _publish(state, config, always or None, email)
    _report_poll(state, results)
    _report_digest(state, report)


@main.command()
@click.argument("names", nargs=-1, metavar="[SOURCE]...")
@pass_state
@guarded
def poll(state: State, names: tuple[str, ...]) -> None:
    """Poll sources (all, or the named ones) and store what they say; no digest.

    \b
    Example:
        monitor poll "Apple TV Press"
    """
    config = state.config()
    unknown = set(names) - {s.name for s in config.sources}
    if unknown:
        raise click.UsageError(f"no source named {', '.join(sorted(unknown))} in {config.path}")
    _report_poll(state, _poll(state, config, names or None))


@main.command()
@digest_options
@pass_state
@guarded
def digest(state: State, always: bool, email: bool | None) -> None:
    """Write a digest of what changed since the last one (and mail it).

    \b
    Example:
        monitor digest --always --email
    """
    _report_digest(state, _publish(state, state.config(), always or None, email))


@main.command()
@pass_state
@guarded
def serve(state: State) -> None:
    """Run as a service: poll each source on its `every`, digest on `digest.schedule`.

    \b
    Example (systemd runs this; SIGTERM stops it cleanly):
        monitor --config /etc/monitor/sources.yaml serve
    """
    from monitor.service import serve as run_service

    sys.exit(run_service(state.config()))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
@guarded
def sources(state: State, as_json: bool) -> None:
    """Each source's health: last success, last error, failing since.

    \b
    Example:
        monitor sources
    """
    from monitor.store import Store

    config = state.config()
    with Store(config.storage) as store:
        health = {h.source: h for h in store.health()}
    rows = []
    for source in config.sources:
        h = health.get(source.name)
        status = "never polled" if h is None or h.last_attempt is None else "ok"
        if h and h.last_error:
            status = "gone" if h.gone else "failing"
        rows.append(
            {
                "name": source.name,
                "url": source.url,
                "status": status,
                "last_success": _iso(h.last_success if h else None),
                "failing_since": _iso(h.failing_since if h else None),
                "last_error": h.last_error if h else None,
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        line = f"{row['status']:<12} {row['name']}  last success {row['last_success'] or 'never'}"
        if row["last_error"]:
            line += f"\n{'':<12} failing since {row['failing_since']}: {row['last_error']}"
        click.echo(line)


@main.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print facts.md JSON.")
@click.option("--all", "show_all", is_flag=True, help="Include superseded and rejected values.")
@click.pass_context
@guarded
def facts(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """What the store knows: each fact with status, value, first/last seen, sources.

    \b
    Examples:
        monitor facts
        monitor facts --json
        monitor facts show 12
        monitor facts reject 12     # never report it again
        monitor facts confirm 7     # it wins conflicts
    """
    if ctx.invoked_subcommand:
        return
    from monitor.knowledge import fact_rows

    state: State = ctx.obj
    rows = fact_rows(state.config())
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    shown = [r for r in rows if show_all or r["status"] not in ("superseded", "rejected")]
    for row in shown:
        click.echo(
            f"{row['id']:>4}  {row['status']:<10} {_fact_text(row):<52} "
            f"{_sources(row):<10} "
            f"seen {row['first_seen'][:10]} … {row['last_seen'][:10]}"
        )
    hidden = len(rows) - len(shown)
    if hidden:
        click.echo(f"({hidden} superseded or rejected values hidden: --all shows them)")


@facts.command("show")
@click.argument("fact_id", type=int)
@pass_state
@guarded
def facts_show(state: State, fact_id: int) -> None:
    """The history of one fact: every sighting with source, date and evidence."""
    from monitor.knowledge import fact_rows

    row = next((r for r in fact_rows(state.config()) if r["id"] == fact_id), None)
    if row is None:
        raise click.UsageError(f"no fact {fact_id}: `monitor facts --all` lists them")
    click.echo(f"#{row['id']} {_fact_text(row)} ({row['status']})")
    click.echo(f"first seen {row['first_seen']}, last seen {row['last_seen']}")
    if row.get("baseline"):
        click.echo("from the baseline (known_facts)")
    for s in row["sources"]:
        click.echo(f"- {s['published'] or 'undated'}  {s['source']}  {s['url']}")
        click.echo(f"    “{s['evidence']}”")


def _judge(judgement: str | None) -> Callable[[State, int], None]:
    def command(state: State, fact_id: int) -> None:
        from monitor.knowledge import judge

        fact = judge(state.config(), fact_id, judgement)
        if fact is None:
            raise click.UsageError(f"no fact {fact_id}: `monitor facts --all` lists them")
        if not state.quiet:
            click.echo(f"#{fact_id} {judgement or 'no longer judged'}: {_fact_text(fact)}")

    return command


for _name, _judgement, _help in (
    ("confirm", "confirmed", "Confirm a fact: it wins conflicts with other values."),
    ("reject", "rejected", "Reject a fact: it is never reported again, however often seen."),
    ("unjudge", None, "Forget a confirm or reject."),
):
    facts.command(_name, help=_help)(
        click.argument("fact_id", type=int)(pass_state(guarded(_judge(_judgement))))
    )


@main.command()
@click.argument("target", metavar="PATH_OR_URL")
@click.option("--json", "as_json", is_flag=True, help="Print facts.md JSON.")
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date (for dates without a year), if the document has none.",
)
@pass_state
@guarded
def extract(state: State, target: str, as_json: bool, published: datetime | None) -> None:
    """Relevance and facts of one document (HTML or text, a file or a URL).

    \b
    Example:
        monitor extract article.html --json --published 2026-02-26
    """
    from monitor.knowledge import extract_one

    topic = _topic_for_extract(state)
    when = published.replace(tzinfo=UTC) if published else None
    result = extract_one(target, topic, when)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    verdict = "relevant" if result["relevant"] else "not relevant"
    click.echo(f"{verdict} ({result['score']:.2f}): {result['reason']}")
    for fact in result["facts"]:
        click.echo(f"- {_fact_text(fact)}\n    “{fact['evidence']}”")


def _topic_for_extract(state: State) -> Any:
    """The config's topic when there is a config, else Star City's."""
    from monitor.config import config_path, load
    from monitor.knowledge import default_topic

    if state.config_path or config_path().exists():
        return load(state.config_path).topic
    return default_topic()


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the digests (default: a new temp folder).",
)
@click.option("--steps", type=int, default=None, help="Stop after this many steps of the timeline.")
@pass_state
@guarded
def demo(state: State, out: Path | None, steps: int | None) -> None:
    """Run the whole pipeline offline on a built-in news timeline; print the last digest.

    A loopback server publishes Star City news from the 2024 announcement to the
    2026 finale, step by step; the monitor polls after each step and writes a
    digest. No network needed.

    \b
    Example:
        monitor demo --out /tmp/star-city-demo
    """
    from monitor.demo.run import run_demo

    run_demo(out, steps=steps, echo=None if state.quiet else click.echo)


@main.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--show", default="Star City", show_default=True, help="The show to monitor.")
@click.option("--force", is_flag=True, help="Overwrite an existing sources.yaml.")
@pass_state
@guarded
def init(state: State, folder: Path | None, show: str, force: bool) -> None:
    """Write a starter sources.yaml (commented) for a show.

    \b
    Example:
        monitor init shows/severance --show "Severance"
    """
    from monitor.starter import write_starter

    path = write_starter(folder or Path(), show, force=force)
    if not state.quiet:
        click.echo(
            f"wrote {path}: check it with `monitor --config {path} check`, then `monitor run`"
        )


# -- helpers --------------------------------------------------------------------


def _poll(state: State, config: Config, names: tuple[str, ...] | None = None) -> list[PollResult]:
    from monitor.poll import poll as run_poll

    count = len(names) if names else len(config.sources)
    if not state.tty or count < 5:
        return run_poll(config, names=names)
    from monitor.progress import progress_bar

    with progress_bar(count) as advance:
        return run_poll(config, names=names, progress=advance)


def _publish(state: State, config: Config, always: bool | None, email: bool | None) -> DigestReport:
    from monitor.digest import publish

    return publish(config, always=always, email=email)


def _report_poll(state: State, results: list[PollResult]) -> None:
    if not (state.tty or state.verbose):
        return
    failed = [r for r in results if r.error]
    documents = sum(r.new_documents for r in results)
    facts = sum(r.new_facts for r in results)
    click.echo(
        f"polled {len(results)} sources ({len(failed)} failing): "
        f"{documents} new documents, {facts} facts seen"
    )
    for r in failed:
        click.echo(f"  {r.source}: {r.error}")


def _report_digest(state: State, report: DigestReport) -> None:
    if not (state.tty or state.verbose) or report.digest is None:
        return
    from monitor.render import words

    line = words.summary(report.digest)
    if report.path:
        click.echo(f"wrote {report.path}: {line}")
    else:
        click.echo("nothing new since the last digest (--always writes one anyway)")
    if report.sent:
        click.echo(f"mailed {report.sent} digest(s)")


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else None


def _sources(row: dict[str, Any]) -> str:
    n = len({s["source"] for s in row["sources"]})
    return f"{n} source" + ("" if n == 1 else "s")


def _fact_text(row: dict[str, Any]) -> str:
    """A facts.md row in words: "cast: Agnes O'Casey as Irina", "episode_count: 8"."""
    if row.get("person"):
        role = row.get("role")
        return f"{row['kind']}: {row['person']}" + (f" as {role}" if role else "")
    return f"{row['kind']}: {row.get('value')}"


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUTF8", "1")
    main()
