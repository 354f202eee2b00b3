"""Progress bars for long ingests and refreshes on a terminal (rich.progress): one bar
per source, one for the articles of the source in hand. Off when stderr is not a
terminal (cron, systemd, Kubernetes), where the log lines tell the story instead."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from explorer.ingest import FAILED, ProgressFn
from explorer.ingest import Progress as Event


@contextmanager
def progress_bars(console: Console, sources: int, enabled: bool = True) -> Iterator[ProgressFn]:
    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        console=console,
        disable=not (enabled and console.is_terminal),
        transient=False,
    )
    overall = bars.add_task("sources", total=sources, note="")
    current: dict[str, TaskID] = {}

    def on_progress(event: Event) -> None:
        if event.event == "source-start":
            task = current.get(event.source)
            if task is None:
                current[event.source] = bars.add_task(f"  {event.source}", total=event.total, note=event.message or "")
            else:
                bars.update(task, total=event.total, note=event.message or "")
        elif event.event == "item":
            task = current.get(event.source)
            if task is not None:
                failed = event.result is not None and event.result.status == FAILED
                note = f"{event.result.status} {event.result.id}" if event.result else ""
                bars.update(task, completed=event.done, total=event.total, note=("[red]" if failed else "") + note)
        elif event.event == "source-end":
            task = current.get(event.source)
            if task is not None:
                done = max(event.done, 1)
                bars.update(task, total=done, completed=done, note=event.message or "done")
            bars.advance(overall)

    with bars, _logs_above(bars):
        yield on_progress


class _ConsoleStream:
    """A stream for log handlers that prints above live progress bars instead of through them."""

    def __init__(self, console: Console):
        self.console = console

    def write(self, text: str) -> int:
        if text.strip():
            self.console.print(text.rstrip("\n"), markup=False, highlight=False, soft_wrap=True)
        return len(text)

    def flush(self) -> None:
        pass


@contextmanager
def _logs_above(bars: Progress) -> Iterator[None]:
    if bars.disable:
        yield
        return
    swapped = []
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and handler.stream in (sys.stderr, sys.__stderr__):
            swapped.append((handler, handler.setStream(_ConsoleStream(bars.console))))
    try:
        yield
    finally:
        for handler, stream in swapped:
            handler.setStream(stream)
