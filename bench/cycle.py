"""The poll-cycle benchmark: `monitor poll` against the network floor, at scale.

    python bench/cycle.py [--n 200,1000] [--latency MS] [--change 0.1] [--profile DIR]

For each N it serves N synthetic RSS/Atom feeds (25 items, 20-80 KB) and N/100
listing pages (at least 2) from a loopback server with ETag/Last-Modified, then
runs, each as a fresh process: the floor (plain async httpx, conditional GET,
same concurrency, no parsing) and ``python -m monitor poll``, cold (all new),
warm (all 304) and after ``--change`` of the feeds got three new stories. It
prints wall time, ratio to the floor, requests, bytes, CPU seconds and peak RSS
(of the whole process tree), plus extraction throughput, store size per 1,000
articles and start-up time; JSON goes to bench/results/cycle.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from monitor import loopback  # noqa: E402

CONCURRENCY = 32
LINKS = 10
TOPIC = """topic:
  name: Star City
  aliases: ["Star City"]
  context: ["Apple TV", "For All Mankind", "cosmonaut", "Soviet", "Nedivi", "Wolpert"]
  exclude: ["Arrow", "Oliver Queen", "casino", "Star City Games", "Roanoke"]
  known_facts:
    - {kind: episode_count, value: 10}
    - {kind: premiere_window, value: late 2026}
"""


class CountingServer(loopback.LoopbackServer):
    """The loopback server, counting the body bytes of the static routes it sends."""

    body_bytes = 0

    def _serve_static(self, h: Any, route: Any) -> None:
        if not (route.status == 200 and loopback._not_modified(h, route)):
            with self._lock:
                self.body_bytes += len(route.body)
        super()._serve_static(h, route)


@dataclass
class Site:
    """What the server publishes: feeds and listings at their current versions."""

    server: CountingServer
    n: int
    pages: int
    latency: float
    versions: dict[str, int]

    def publish(self, path: str, version: int) -> list[str]:
        """Serve ``path`` at ``version``; the article paths a listing links to."""
        base = self.server.base_url
        self.versions[path] = version
        if path.startswith("/feeds/"):
            body, kind = synth.feed(int(path.split("/")[2]), version, base)
            self.server.add(path, body, content_type=kind, delay=self.latency)
            return []
        page = int(path.split("/")[2])
        body, links = synth.listing(page, version, base, LINKS)
        self.server.add(path, body, content_type="text/html; charset=utf-8", delay=self.latency)
        for link in links:
            item = int(link.rsplit("-", 1)[1].split(".")[0])
            self.server.add(link, synth.article_page(page, item), delay=self.latency)
        return links

    def feed_paths(self) -> list[str]:
        return [f"/feeds/{i}/rss.xml" for i in range(self.n)]

    def page_paths(self) -> list[str]:
        return [f"/pages/{i}/" for i in range(self.pages)]


def write_config(folder: Path, site: Site) -> Path:
    """A sources.yaml with every feed and listing of the site."""
    base = site.server.base_url
    lines = [TOPIC, "sources:"]
    for path in site.feed_paths():
        lines += [
            f"  - name: feed {path.split('/')[2]}",
            f"    url: {base}{path}",
            "    kind: feed",
        ]
    for path in site.page_paths():
        lines += [
            f"  - name: desk {path.split('/')[2]}",
            f"    url: {base}{path}",
            "    kind: page",
            '    links: "a.story"',
            "    allow_private: true",
        ]
    lines += [
        "storage: monitor.db",
        "digests: digests",
        "fetch:",
        f"  max_connections: {CONCURRENCY}",
        f"  max_per_host: {CONCURRENCY}",
    ]
    path = folder / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- measuring a child process ---------------------------------------------------


def _tree_rss(pid: int, hwm: dict[int, int]) -> int:
    """Resident set of a process and its descendants, in kB; notes each one's VmHWM."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
            if "VmHWM:" in status:
                hwm[current] = int(status.split("VmHWM:")[1].split()[0])
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_child(argv: list[str], cwd: Path) -> dict[str, Any]:
    """Run a command; wall, CPU (user+system, its children included) and peak tree RSS.

    Peak RSS: the largest sum of VmRSS over the process tree, sampled every 5 ms, or the
    largest single VmHWM if higher. Not ``ru_maxrss``: the kernel carries the forking
    parent's high-water mark (this script, holding every feed) across ``exec`` into it.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, env=_env())
        peak, hwm, done = [0], dict[int, int](), threading.Event()

        def sample() -> None:
            while not done.wait(0.005):
                peak[0] = max(peak[0], _tree_rss(proc.pid, hwm))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {stderr[-2000:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": max(peak[0], *hwm.values(), 0) / 1024,
        "stdout": stdout,
    }


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("MONITOR_CONFIG", None)
    # As an installed monitor runs: compiled modules cached (pip writes them at install;
    # the source tree's caches are written by the first cycle).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# -- one cycle -------------------------------------------------------------------


def cycle(site: Site, argv: list[str], cwd: Path) -> dict[str, Any]:
    """One measured run of ``argv`` with the server's request and byte counts."""
    requests, body_bytes = len(site.server.requests), site.server.body_bytes
    result = run_child(argv, cwd)
    result["requests"] = len(site.server.requests) - requests
    result["bytes"] = site.server.body_bytes - body_bytes
    return result


def floor_argv(plan: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--floor-client", str(plan)]


def monitor_argv(config: Path, profile: Path | None) -> list[str]:
    if profile is None:
        return [sys.executable, "-m", "monitor", "--config", str(config), "poll"]
    prof = ["-m", "cProfile", "-o", str(profile)]
    return [sys.executable, *prof, "-m", "monitor", "--config", str(config), "poll"]


def write_plan(path: Path, urls: list[str], follow: dict[str, list[str]]) -> None:
    state = json.loads(path.read_text())["state"] if path.exists() else {}
    path.write_text(json.dumps({"urls": urls, "follow": follow, "state": state}))


def bench_n(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Floor and monitor, cold, warm and changed, at N feeds."""
    pages = max(2, n // 100)
    requests = 8 * (n + pages * (LINKS + 1)) + 100
    server = CountingServer(max_requests=requests, lifetime=args.lifetime)
    with server:
        site = Site(server, n, pages, args.latency / 1000, {})
        base = server.base_url
        links = {p: site.publish(p, 0) for p in site.page_paths()}
        for path in site.feed_paths():
            site.publish(path, 0)
        config = write_config(work, site)
        urls = [base + p for p in site.feed_paths() + site.page_paths()]
        plan = work / "floor.json"
        out: dict[str, Any] = {"n": n, "pages": pages}
        follow = {base + p: [base + link for link in ls] for p, ls in links.items()}
        for name in ("cold", "warm", "changed"):
            if name == "changed":
                follow = change(site, args.change)
            write_plan(plan, urls, follow if name != "warm" else {})
            floor = cycle(site, floor_argv(plan), work)
            prof = args.profile / f"poll-{n}-{name}.prof" if args.profile else None
            mon = cycle(site, monitor_argv(config, prof), work)
            mon["ratio"] = mon["wall"] / floor["wall"]
            out[name] = {"floor": _clean(floor), "monitor": _clean(mon)}
        out["store"] = store_size(work / "monitor.db")
    return out


def change(site: Site, fraction: float) -> dict[str, list[str]]:
    """Give ``fraction`` of the feeds and listings a new version; the new article URLs."""
    base = site.server.base_url
    follow: dict[str, list[str]] = {}
    for paths in (site.feed_paths(), site.page_paths()):
        step = max(1, round(1 / fraction)) if fraction > 0 else 0
        for path in paths[::step] if step else []:
            version = site.versions[path]
            old = set(synth.listing(int(path.split("/")[2]), version, base, LINKS)[1])
            links = site.publish(path, version + 1)
            if links:
                follow[base + path] = [base + link for link in links if link not in old]
    return follow


def _clean(result: dict[str, Any]) -> dict[str, Any]:
    return {
        k: round(v, 3) if isinstance(v, float) else v for k, v in result.items() if k != "stdout"
    }


def store_size(db: Path) -> dict[str, Any]:
    """The store's size on disk and per 1,000 stored articles."""
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.suffix != ".lock")
    with sqlite3.connect(db) as conn:
        documents = conn.execute("SELECT COUNT(*) FROM document").fetchone()[0]
        sightings = conn.execute("SELECT COUNT(*) FROM sighting").fetchone()[0]
    conn.close()
    per_k = size / documents * 1000 / 1e6 if documents else 0.0
    return {"bytes": size, "documents": documents, "sightings": sightings, "mb_per_1k": per_k}


# -- the floor: plain httpx, conditional GET, no parsing ---------------------------


def floor_client(plan_path: Path) -> None:
    """Fetch every URL of the plan (and, for a listing that changed, its new articles)."""
    import asyncio

    import httpx

    if not _importable("sniffio"):  # as monitor.fetch does: cache the failed import
        sys.modules["sniffio"] = None  # type: ignore[assignment]
    plan = json.loads(plan_path.read_text())
    state: dict[str, list[str | None]] = plan["state"]

    async def get(client: httpx.AsyncClient, slots: asyncio.Semaphore, url: str) -> int:
        etag, modified = state.get(url, [None, None])
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        async with slots:
            response = await client.get(url, headers=headers)
        if response.status_code == 200:
            state[url] = [response.headers.get("etag"), response.headers.get("last-modified")]
            follow = plan["follow"].get(url, [])
            await asyncio.gather(*(get(client, slots, u) for u in follow))
        return response.status_code

    async def main() -> None:
        slots = asyncio.Semaphore(CONCURRENCY)
        limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            await asyncio.gather(*(get(client, slots, u) for u in plan["urls"]))

    asyncio.run(main())
    plan_path.write_text(json.dumps({**plan, "state": state}))


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


# -- extraction, start-up ----------------------------------------------------------


def extraction_rate(count: int = 300) -> dict[str, float]:
    """Articles per second on one core: relevance + extraction of show articles,
    and relevance alone over ordinary (not relevant) stories."""
    from monitor.extract import extract
    from monitor.models import Document, Topic
    from monitor.relevance import assess

    topic = Topic(
        name="Star City",
        aliases=("Star City",),
        context=("Apple TV", "For All Mankind", "cosmonaut", "Soviet", "Nedivi", "Wolpert"),
        exclude=("Arrow", "Oliver Queen", "casino", "Star City Games", "Roanoke"),
    )
    shows: list[Document] = []
    others: list[Document] = []
    item = 0
    while len(shows) < count or len(others) < count:
        title, paragraphs, published = synth.article(7, item)
        doc = Document(f"https://x.test/{item}", "bench", title, "\n\n".join(paragraphs), published)
        (shows if title.startswith("Star City") else others).append(doc)
        item += 1
    started = time.process_time()
    facts = sum(len(extract(d, topic)) for d in shows[:count] if assess(d, topic).relevant)
    show_rate = count / (time.process_time() - started)
    started = time.process_time()
    for d in others[:count]:
        assess(d, topic)
    other_rate = count / (time.process_time() - started)
    return {"show_articles_per_s": show_rate, "other_articles_per_s": other_rate, "facts": facts}


def startup(repeat: int = 5) -> float:
    """Best wall time of ``python -m monitor --help``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "monitor", "--help"], env=_env(), capture_output=True, check=True
        )
        best = min(best, time.perf_counter() - started)
    return best


# -- report ------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    """The results as a fixed-width table."""
    head = f"{'N':>5} {'cycle':<8} {'who':<8} {'wall s':>7} {'ratio':>6} {'requests':>8} "
    head += f"{'MB down':>8} {'CPU s':>6} {'RSS MB':>7}"
    rows = [head, "-" * len(head)]
    for run in results["runs"]:
        for name in ("cold", "warm", "changed"):
            for who in ("floor", "monitor"):
                r = run[name][who]
                ratio = f"{r['ratio']:.2f}" if "ratio" in r else ""
                rows.append(
                    f"{run['n']:>5} {name:<8} {who:<8} {r['wall']:>7.2f} {ratio:>6} "
                    f"{r['requests']:>8} {r['bytes'] / 1e6:>8.1f} {r['cpu']:>6.2f} "
                    f"{r['rss_mb']:>7.0f}"
                )
    x = results["extraction"]
    store = results["runs"][-1]["store"]
    rows += [
        "",
        f"extraction: {x['show_articles_per_s']:.0f} show articles/s (relevance + facts), "
        f"{x['other_articles_per_s']:.0f} other articles/s (relevance), one core",
        f"store: {store['mb_per_1k']:.2f} MB per 1,000 articles "
        f"({store['documents']} articles, {store['sightings']} sightings)",
        f"start-up: monitor --help {results['startup_s']:.3f} s (best of 5)",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="200,1000", help="feed counts, comma-separated")
    parser.add_argument("--latency", type=float, default=0.0, help="ms added to each response")
    parser.add_argument("--change", type=float, default=0.1, help="fraction changed")
    parser.add_argument("--lifetime", type=float, default=600.0, help="server lifetime, s")
    parser.add_argument("--profile", type=Path, help="write cProfile files of each poll here")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "cycle.json")
    parser.add_argument("--floor-client", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_client:
        floor_client(args.floor_client)
        return
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    runs = []
    for n in (int(x) for x in args.n.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"cycle-{n}-") as work:
            runs.append(bench_n(n, args, Path(work)))
    results = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "settings": {"latency_ms": args.latency, "change": args.change, "concurrency": CONCURRENCY},
        "runs": runs,
        "extraction": extraction_rate(),
        "startup_s": startup(),
    }
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nJSON: {args.out}")


if __name__ == "__main__":
    main()
