"""Whether an offset lies inside any of a set of character spans, by bisection over their union:
a long article has thousands of spans (names, dates, tickets), and scanning them all for every
number or word made extraction grow with the square of its length."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Covered:
    """The offsets covered by half-open spans (start, end); empty spans cover nothing."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(span for span in spans if span[0] < span[1]):
            if self.ends and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def __contains__(self, offset: int) -> bool:
        run = bisect_right(self.starts, offset) - 1  # the run of the union starting last at or before it
        return run >= 0 and offset < self.ends[run]
