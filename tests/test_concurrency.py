"""Two writers on one store: two `monitor run`s at once, and `run` beside `serve`.

Whatever the interleaving, the store stays sound and every change of a reference
run is told exactly once across all the digests written.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from test_crash import (
    STEPS,
    assert_sound,
    command,
    environment,
    headlines,
    monitor,
    new_site,
    publish_news,
)

from monitor import service
from monitor.config import load
from monitor.loopback import LoopbackServer
from monitor.store import Store


def reference_headlines(folder: Path, server: LoopbackServer) -> Counter[str]:
    publish_news(server, STEPS)
    site = new_site(folder, server)
    assert monitor(site, "run").returncode == 0
    expected = headlines(site)
    assert len(expected) >= STEPS // 2
    return expected


def run_both(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start the commands at the same moment; wait for all."""
    processes = [
        subprocess.Popen(
            c, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for c in commands
    ]
    done = []
    for p in processes:
        out, err = p.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def test_two_runs_at_once_tell_each_change_once(tmp_path: Path, server: LoopbackServer) -> None:
    expected = reference_headlines(tmp_path / "reference", server)
    site = new_site(tmp_path / "site", server)
    for upto in (STEPS // 3, 2 * STEPS // 3, STEPS):
        publish_news(server, upto)
        for done in run_both(command(site, "run"), command(site, "run")):
            assert done.returncode == 0, done.stderr
            assert "Traceback" not in done.stderr
    told = headlines(site)
    assert [h for h, n in told.items() if n > 1] == []
    assert set(told) == set(expected)
    assert_sound(site)


def test_run_beside_serve_and_its_digest_job(tmp_path: Path, server: LoopbackServer) -> None:
    """`serve` polls every second while `run`s and serve's digest job write digests."""
    expected = reference_headlines(tmp_path / "reference", server)
    publish_news(server, 1)
    site = new_site(tmp_path / "site", server)
    config_file = site / "sources.yaml"
    text = config_file.read_text().replace("kind: feed}", "kind: feed, every: 1s}")
    text = re.sub(r"(kind: page, .*?)\}", r"\1, every: 1s}", text)
    config_file.write_text(text + 'digest: {schedule: "* * * * *"}\n')
    config = load(config_file)
    with subprocess.Popen(
        command(site, "serve"),
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as serve:
        try:
            for upto in (STEPS // 3, 2 * STEPS // 3, STEPS):
                publish_news(server, upto)
                runner = threading.Thread(target=monitor, args=(site, "run"))
                runner.start()
                while runner.is_alive():  # serve's digest job, from another process
                    service.digest_job(config)
                runner.join()
            serve.send_signal(signal.SIGTERM)
            _, err = serve.communicate(timeout=30)
        finally:
            if serve.poll() is None:
                serve.kill()
                serve.communicate()
    assert serve.returncode == 0, err
    assert "Traceback" not in err and "ok, " in err
    assert monitor(site, "run").returncode == 0
    told = headlines(site)
    assert [h for h, n in told.items() if n > 1] == []
    assert set(told) == set(expected)
    assert_sound(site)


OPEN = "import sys; from pathlib import Path; from monitor.store import Store; Store(Path(sys.argv[1])).close()"


def test_a_new_store_opened_by_many_processes_at_once(tmp_path: Path) -> None:
    """Every process sees schema 0 and migrates: only one may, the others must wait and see."""
    for round_ in range(6):
        path = tmp_path / f"round-{round_}" / "monitor.db"
        opened = run_both(*([sys.executable, "-c", OPEN, str(path)] for _ in range(4)))
        assert [(p.returncode, p.stderr) for p in opened] == [(0, "")] * 4
        assert_store_ok(path)


def assert_store_ok(path: Path) -> None:
    with Store(path) as store:
        assert store.integrity_ok()
        assert store.health() == []
