"""The world's one random generator.

SplitMix64 written out in integer arithmetic: its output depends on nothing but the seed,
so a recording made today replays the same with any Python or NumPy version. NumPy's own
``Generator`` does not promise stable distributions across versions, hence this.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1


class WorldRandom:
    """A seeded, serialisable random source. Its whole state is one 64-bit integer."""

    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next_u64(self) -> int:
        """The next raw 64-bit output."""
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def randint(self, low: int, high: int) -> int:
        """A uniform integer in ``[low, high]`` (both inclusive), without modulo bias."""
        if high < low:
            raise ValueError(f"empty range [{low}, {high}]")
        span = high - low + 1
        limit = (1 << 64) - ((1 << 64) % span)
        while True:
            value = self.next_u64()
            if value < limit:
                return low + value % span

    def chance(self, numerator: int, denominator: int) -> bool:
        """True with probability ``numerator / denominator``, in exact integer arithmetic."""
        return self.randint(0, denominator - 1) < numerator

    def choice(self, items: list):
        """One item of a non-empty list, uniformly."""
        return items[self.randint(0, len(items) - 1)]
