"""The fault matrix: every hostile-web fault beside a good source; a table of outcomes.

    python bench/faults.py [--jobs 2] [--only ID]... [--markdown]

One loopback server (127.0.0.1 only) serves every fault. Each fault gets its own
child process that polls two sources (a good feed and the faulty one) and writes
a digest, with ``fetch: {timeout: 2, retries: 0}``; the table shows the reason
the user reads in ``monitor sources`` and the digest, the time of the cycle and
the child's peak memory (RSS). tests/test_faults.py runs the same table
in-process, with assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.config import Config, load
from monitor.digest import publish
from monitor.loopback import LoopbackServer
from monitor.poll import poll
from monitor.store import Store

TIMEOUT = 2.0
DEADLINE = TIMEOUT + 3.0  # the whole cycle (poll and digest), with room for a slow machine
GOOD = "Good Wire"
BAD = "Faulty"
SECRET = "S3CRET-do-not-leak"

ITEM = """<item><title>{title}</title><link>{link}</link>
<pubDate>Thu, 26 Feb 2026 14:00:00 +0000</pubDate>
<description>{text}</description></item>"""


def rss(items: str, encoding: str = "utf-8", doctype: str = "") -> str:
    """An RSS 2.0 document around some items."""
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>{doctype}\n<rss version="2.0"><channel>'
        f"<title>Wire</title><link>https://wire.example/</link>{items}</channel></rss>"
    )


def item(title: str, slug: str, text: str) -> str:
    return ITEM.format(title=title, link=f"https://wire.example/{slug}", text=text)


GOOD_FEED = rss(
    item(
        "Star City books its flight director",
        "flight-director",
        "Star City, the For All Mankind spinoff about the Soviet space programme, "
        "has cast Mira Kolesnikova as Vera Lunina.",
    )
).encode()


def _bomb() -> bytes:
    levels = ['<!ENTITY e0 "Star City cosmonauts ">']
    levels += [f'<!ENTITY e{i} "{f"&e{i - 1};" * 20}">' for i in range(1, 8)]
    doctype = f"<!DOCTYPE rss [{''.join(levels)}]>"
    return rss(item("Star City &e7;", "bomb", "&e7;"), doctype=doctype).encode()


def _external(target: str) -> bytes:
    doctype = f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "{target}">]>'
    return rss(item("Star City leak &leak;", "leak", "Cosmonauts &leak;"), doctype=doctype).encode()


@dataclass(frozen=True)
class Site:
    """Where the faults live: the server and a folder with a file that must never leak."""

    server: LoopbackServer
    folder: Path

    @property
    def secret_file(self) -> Path:
        return self.folder / "secret.txt"


Serve = Callable[[Site, str], str]


@dataclass(frozen=True)
class Fault:
    """One row of the matrix: how to serve it and what the user must be told."""

    id: str
    serve: Serve
    reason: str | None  # regex the source's error matches; None: no failure, it parses
    gone: bool = False  # 410: never polled again
    waits: bool = False  # Retry-After: skipped by the next poll
    title: str | None = None  # a title that must come out of the faulty feed intact
    forbid: str | None = None  # text that must appear in no stored document
    probe: str | None = None  # a path that must never be requested


def fault(name: str, **params: Any) -> Serve:
    def serve(site: Site, path: str) -> str:
        site.server.add_fault(path, name, **params)
        return site.server.url(path)

    return serve


def status(code: int, **params: Any) -> Serve:
    return fault("status", status=code, **params)


def body(data: bytes | Callable[[Site], bytes], content_type: str = "application/rss+xml") -> Serve:
    def serve(site: Site, path: str) -> str:
        payload = data(site) if callable(data) else data
        site.server.add(path, payload, content_type=content_type)
        return site.server.url(path)

    return serve


def closed_port(site: Site, path: str) -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def unknown_host(site: Site, path: str) -> str:
    return f"http://news.example.invalid{path}"


def later(seconds: float) -> str:
    return formatdate(time.time() + seconds, usegmt=True)


def _file_entity(site: Site) -> bytes:
    site.secret_file.write_text(SECRET)
    return _external(site.secret_file.as_uri())


def _url_entity(site: Site) -> bytes:
    return _external(site.server.url("/xxe-probe"))


def _cp1252(site: Site) -> bytes:
    return rss(item("Agnes O’Casey joins “Star City”", "cp", "Cosmonauts."), "utf-8").encode(
        "cp1252"
    )


TIMED_OUT = rf"^(timed out after {TIMEOUT:g} s|no data for {TIMEOUT:g} s)$"
FAULTS: tuple[Fault, ...] = (
    Fault("hang", fault("hang"), TIMED_OUT),
    Fault("trickle", fault("trickle", size=100, interval=1.0), rf"^timed out after {TIMEOUT:g} s$"),
    Fault("stall after headers", fault("stall_body"), TIMED_OUT),
    Fault("reset mid-body", fault("reset"), r"^connection (reset|closed before the body)"),
    Fault("closed port", closed_port, r"^connection refused$"),
    Fault("DNS failure", unknown_host, r"^host not found: news\.example\.invalid$"),
    Fault("100 MB body", fault("huge", mb=100), r"^body over 5 MB$"),
    Fault("gzip bomb 10 GB", fault("gzip_bomb", gb=10), r"^body over 5 MB$"),
    Fault("lying Content-Length", fault("lying_length"), r"^connection closed before the body"),
    Fault(
        "broken chunked",
        fault("broken_chunked"),
        r"^malformed HTTP response: broken chunked encoding$",
    ),
    Fault("404", status(404), r"^HTTP 404 Not Found$"),
    Fault("410", status(410), r"^gone \(HTTP 410\)$", gone=True),
    Fault("403", status(403), r"^HTTP 403 Forbidden$"),
    Fault("500", status(500), r"^HTTP 500 Internal Server Error$"),
    Fault("502", status(502), r"^HTTP 502 Bad Gateway$"),
    Fault("503", status(503), r"^HTTP 503 Service Unavailable$"),
    Fault(
        "429 Retry-After seconds",
        status(429, retry_after=120),
        r"^rate limited \(HTTP 429\), retry after 120 s$",
        waits=True,
    ),
    Fault(
        "429 Retry-After date",
        lambda site, path: status(429, retry_after=later(7200))(site, path),
        r"^rate limited \(HTTP 429\), retry after 2 h$",
        waits=True,
    ),
    Fault("redirect loop", fault("redirect_loop"), r"^too many redirects \(more than 5\)$"),
    Fault("long redirect chain", fault("redirect_chain", n=12), r"^too many redirects"),
    Fault(
        "redirect to file:",
        fault("redirect_scheme"),
        r"^redirect to a non-http URL: file:///etc/passwd$",
        forbid="root:",
    ),
    Fault(
        "redirect to javascript:",
        fault("redirect_scheme", location="javascript:alert(1)"),
        r"^redirect to a non-http URL: javascript:alert\(1\)$",
    ),
    Fault(
        "malformed XML",
        body(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><<<'),
        r"^malformed XML: ",
    ),
    Fault(
        "HTML, not a feed",
        body(b"<!DOCTYPE html><html><body><p>Welcome</p></body></html>", "text/html"),
        r"^not a feed: HTML page$",
    ),
    Fault("JSON", body(b'{"items": []}', "application/json"), r"^not a feed: JSON"),
    Fault("empty body", body(b""), r"^empty body$"),
    Fault(
        "wrong charset (latin-1 label, UTF-8 bytes)",
        body(
            rss(item("Première de Star City à Vilnius", "fr", "Cosmonautes.")).encode(),
            "application/rss+xml; charset=iso-8859-1",
        ),
        None,
        title="Première de Star City à Vilnius",
    ),
    Fault(
        "missing charset",
        body(
            rss(item("Vilnius — Star City", "nocs", "Cosmonauts."))
            .replace(' encoding="utf-8"', "")
            .encode(),
            "text/xml",
        ),
        None,
        title="Vilnius — Star City",
    ),
    Fault(
        "UTF-16",
        body(
            rss(item("Première de «Star City»", "u16", "Cosmonautes."), "utf-16").encode("utf-16")
        ),
        None,
        title="Première de «Star City»",
    ),
    Fault(
        "cp1252 sent as UTF-8",
        body(_cp1252, "application/rss+xml; charset=utf-8"),
        None,
        title="Agnes O’Casey joins “Star City”",
    ),
    Fault(
        "1 MB title",
        body(rss(item("Star City " + "x" * 1_000_000, "long", "Cosmonauts.")).encode()),
        None,
    ),
    Fault(
        "entity-expansion bomb",
        body(_bomb()),
        r"^(malformed XML: .*)?$",
        forbid="cosmonauts " * 50,
    ),
    Fault("external entity: file", body(_file_entity), r"^(malformed XML: .*)?$", forbid=SECRET),
    Fault(
        "external entity: URL",
        body(_url_entity),
        r"^(malformed XML: .*)?$",
        probe="/xxe-probe",
    ),
)
BY_ID = {f.id: f for f in FAULTS}


def slug(fault_id: str) -> str:
    return "/" + re.sub(r"[^a-z0-9]+", "-", fault_id.lower()).strip("-")


def serve_all(site: Site, faults: tuple[Fault, ...] = FAULTS) -> dict[str, str]:
    """Serve the good feed and the given faults; the faulty source URL of each."""
    site.server.add("/good.xml", GOOD_FEED, content_type="application/rss+xml")
    site.server.add("/xxe-probe", SECRET, content_type="text/plain")
    return {f.id: f.serve(site, slug(f.id)) for f in faults}


def config_for(folder: Path, good_url: str, bad_url: str) -> Config:
    """sources.yaml with two feeds (the good one first), a small deadline, no retries."""
    data = {
        "topic": {
            "name": "Star City",
            "aliases": ["Star City"],
            "context": ["For All Mankind", "Soviet", "cosmonaut", "cosmonauts"],
        },
        "sources": [
            {"name": GOOD, "url": good_url, "kind": "feed"},
            {"name": BAD, "url": bad_url, "kind": "feed"},
        ],
        "storage": "monitor.db",
        "digests": "digests",
        "fetch": {"timeout": TIMEOUT, "retries": 0},
    }
    path = folder / "sources.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load(path)


@dataclass
class Outcome:
    """What one cycle did with one fault, as the user would see it."""

    fault: str
    error: str | None  # the faulty source's error in `monitor sources`
    digest_line: str | None  # the digest's line about the faulty source
    good_ok: bool  # the good source was polled and its article stored
    bad_documents: int
    titles: list[str]
    second_poll: list[str]  # sources the next poll fetched (waits/gone)
    seconds: float
    peak_mb: float = 0.0


def run_case(fault: Fault, folder: Path, good_url: str, bad_url: str) -> Outcome:
    """Poll both sources, write a digest, and (for waits/gone) poll again."""
    config = config_for(folder, good_url, bad_url)
    started = time.monotonic()
    results = {r.source: r for r in poll(config)}
    report = publish(config)
    seconds = time.monotonic() - started
    second = [r.source for r in poll(config)] if fault.gone or fault.waits else []
    with Store(config.storage) as store:
        error = next(h.last_error for h in store.health() if h.source == BAD)
        rows = store.db.execute("SELECT source, title FROM document ORDER BY id").fetchall()
    text = report.path.read_text(encoding="utf-8") if report.path else ""
    line = next((x.strip() for x in text.splitlines() if x.startswith(f"- {BAD} ")), None)
    good = results.get(GOOD)
    return Outcome(
        fault=fault.id,
        error=error,
        digest_line=line,
        good_ok=bool(good and good.error is None and any(s == GOOD for s, _ in rows)),
        bad_documents=sum(s == BAD for s, _ in rows),
        titles=[t for s, t in rows if s == BAD],
        second_poll=second,
        seconds=seconds,
    )


def _child(args: argparse.Namespace) -> None:
    outcome = run_case(BY_ID[args.child], Path(args.folder), args.good, args.bad)
    outcome.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcome.titles = [t[:80] for t in outcome.titles]
    print(json.dumps(asdict(outcome)))


def _spawn(fault: Fault, folder: Path, good: str, bad: str) -> Outcome:
    command = [sys.executable, __file__, "--child", fault.id, "--folder", str(folder)]
    done = subprocess.run(
        [*command, "--good", good, "--bad", bad],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{fault.id}: child failed:\n{done.stderr}")
    return Outcome(**json.loads(done.stdout.strip().splitlines()[-1]))


def verdict(fault: Fault, outcome: Outcome, requested: set[str]) -> list[str]:
    """What is wrong with an outcome (empty when the monitor behaved)."""
    problems = []
    shown = outcome.error or ""
    if fault.reason is None and outcome.error is not None:
        problems.append(f"expected no failure, got {outcome.error!r}")
    if fault.reason is not None and not re.search(fault.reason, shown):
        problems.append(f"reason {outcome.error!r} does not match {fault.reason!r}")
    if outcome.error and outcome.digest_line is None:
        problems.append("the digest does not mention the failing source")
    if not outcome.good_ok:
        problems.append("the good source was not processed")
    if outcome.seconds > DEADLINE:
        problems.append(f"the cycle took {outcome.seconds:.1f} s (deadline {DEADLINE:g} s)")
    if (fault.gone or fault.waits) and BAD in outcome.second_poll:
        problems.append("the next poll fetched the source again")
    if fault.title is not None and fault.title not in outcome.titles:
        problems.append(f"title {fault.title!r} not among {outcome.titles!r}")
    if fault.forbid and any(fault.forbid in t for t in outcome.titles):
        problems.append("forbidden text reached the store")
    if fault.probe and fault.probe in requested:
        problems.append(f"{fault.probe} was requested")
    return problems


def _row(fault: Fault, o: Outcome, problems: list[str]) -> str:
    shown = o.error if o.error is not None else f"ok: {o.bad_documents} article(s) parsed"
    if fault.gone or fault.waits:
        shown += "; next poll skips it"
    mark = "ok" if not problems else "FAIL: " + "; ".join(problems)
    return f"| {fault.id} | {shown.replace('|', '/')} | {o.seconds:.2f} s | {o.peak_mb:.0f} MB | {mark} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="children at once (default 2)")
    parser.add_argument("--only", action="append", help="run only this fault id (repeatable)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--good", help=argparse.SUPPRESS)
    parser.add_argument("--bad", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return 0
    faults = tuple(BY_ID[i] for i in args.only) if args.only else FAULTS
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer() as server:
        site = Site(server, Path(tmp))
        urls = serve_all(site, faults)
        good = server.url("/good.xml")

        def one(pair: tuple[int, Fault]) -> Outcome:
            n, f = pair
            (folder := Path(tmp) / f"case-{n}").mkdir()
            return _spawn(f, folder, good, urls[f.id])

        with ThreadPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(one, enumerate(faults)))
        requested = {r.route for r in server.requests}
    print("| fault | what the user is told | cycle | peak RSS | verdict |")
    print("|---|---|---|---|---|")
    failed = 0
    for f, o in zip(faults, outcomes, strict=True):
        problems = verdict(f, o, requested)
        failed += bool(problems)
        print(_row(f, o, problems))
    total = time.monotonic() - started
    print(f"\n{len(faults)} faults, {failed} failed, {total:.0f} s with {args.jobs} jobs")
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    sys.exit(main())
