"""A progress bar for polls on a terminal (rich); never used under cron."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from monitor.models import PollResult


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[PollResult], None]]:
    """Yield a callback that advances the bar by one polled source."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, no_color="NO_COLOR" in os.environ)
    columns = (
        TextColumn("polling"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=total)

        def advance(result: PollResult) -> None:
            note = f"{result.source}: {result.error}" if result.error else result.source
            bar.update(task, advance=1, description=note[:60])

        yield advance
