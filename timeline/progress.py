"""A progress bar on stderr for long builds: drawn only on a terminal, and only once the work has
taken more than a moment, so short builds and logs stay clean."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """Counts steps of `total` and draws `label [#####-----] 12/40` on `stream` (default stderr)
    when `enabled` (default: when the stream is a terminal).

    Nothing is drawn before `delay` seconds have passed; redraws are at most every `interval`
    seconds; `close()` clears the line so the summary that follows starts clean.
    """

    def __init__(self, total: int, label: str = "building", *, stream: TextIO | None = None,
                 enabled: bool | None = None, delay: float = 0.5, interval: float = 0.1, width: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = max(total, 1)
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)()) if enabled is None else enabled
        self.delay = delay
        self.interval = interval
        self.width = width
        self.clock = clock
        self.done = 0
        self.started = clock()
        self.last_draw: float | None = None

    def advance(self, steps: int = 1) -> None:
        """Record `steps` more steps done and redraw if it is time."""
        self.done = min(self.total, self.done + steps)
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.last_draw is not None and now - self.last_draw < self.interval and self.done < self.total:
            return
        self.last_draw = now
        self._draw()

    def fraction(self, done: float) -> None:
        """Record that `done` (0 to 1) of the work is done."""
        self.advance(max(0, round(done * self.total) - self.done))

    def _draw(self) -> None:
        filled = self.width * self.done // self.total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\rtimeline: {self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar (if one was drawn)."""
        if self.enabled and self.last_draw is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
