"""Progress output of the `asb` commands that can take more than a few seconds (rich, on
stderr so that what a command prints on stdout stays machine-readable): a bar when the amount
of work is known, a spinner when it is not. On a terminal they redraw in place; elsewhere (CI,
a log file) rich prints nothing until the work is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

_console = Console(stderr=True)


@contextmanager
def bar(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """Yields `done(n)`: n items of `total` are done so far."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.update(task, completed=n)


@contextmanager
def spinner(description: str) -> Iterator[None]:
    with _console.status(description):
        yield
