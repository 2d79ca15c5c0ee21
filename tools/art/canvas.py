"""Anti-aliased drawing on small float RGBA canvases, with tileable noise.

Every shape is a signed distance evaluated at pixel centres and turned into
coverage, so edges are anti-aliased identically at any size and the output is a
pure function of the inputs (no rasteriser quirks, bit-for-bit repeatable).
Canvases can *wrap*, which makes textures tile seamlessly when a terrain tile is
repeated across a map, and can be *transformed* (moved, scaled, rotated) so that
one figure drawing serves a child, an adult or a body lying on the floor.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
Color = Sequence[float] | Array  # 0..255 RGB, or an (h, w, 3) array of those


def rng_for(name: str) -> np.random.Generator:
    """A generator seeded from a stable hash of ``name`` (never Python's ``hash``)."""
    return np.random.default_rng(zlib.crc32(name.encode("utf-8")))


class Canvas:
    """Premultiplied-alpha float canvas; ``x``/``y`` are the current drawing frame."""

    def __init__(self, w: int, h: int, wrap: bool = False) -> None:
        self.w, self.h, self.wrap = w, h, wrap
        self.rgb = np.zeros((h, w, 3))
        self.a = np.zeros((h, w))
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
        self.px, self.py = xs, ys
        self.x, self.y, self.unit = xs, ys, 1.0

    @contextmanager
    def frame(self, ox: float, oy: float, scale: float = 1.0, angle: float = 0.0) -> Iterator[None]:
        """Draw in a frame whose origin is pixel (ox, oy), scaled and rotated (degrees)."""
        saved = (self.x, self.y, self.unit)
        c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
        dx, dy = self.px - ox, self.py - oy
        self.x = (c * dx + s * dy) / scale
        self.y = (-s * dx + c * dy) / scale
        self.unit = scale
        try:
            yield
        finally:
            self.x, self.y, self.unit = saved

    def rel(self, cx: float, cy: float) -> tuple[Array, Array]:
        """Offsets from (cx, cy), taken modulo the canvas size when wrapping."""
        dx, dy = self.x - cx, self.y - cy
        if self.wrap:
            dx = (dx + self.w / 2) % self.w - self.w / 2
            dy = (dy + self.h / 2) % self.h - self.h / 2
        return dx, dy

    def cover(self, dist: Array, soft: float = 0.0) -> Array:
        """Coverage of a shape from its signed distance (negative inside)."""
        d = dist * self.unit
        if soft > 0:
            return np.clip(0.5 - d / soft, 0.0, 1.0)
        return np.clip(0.5 - d, 0.0, 1.0)

    def paint(self, cov: Array | float, color: Color, alpha: float = 1.0) -> None:
        """Composite ``color`` over the canvas where ``cov`` is non-zero."""
        a = np.clip(np.broadcast_to(cov, (self.h, self.w)) * alpha, 0.0, 1.0)
        col = np.asarray(color, dtype=np.float64) / 255.0
        self.rgb = col * a[..., None] + self.rgb * (1.0 - a[..., None])
        self.a = a + self.a * (1.0 - a)

    def fill(self, color: Color) -> None:
        self.paint(1.0, color)

    def shade(self, factor: Array | float, cov: Array | float = 1.0) -> None:
        """Multiply the colour (not the alpha) by ``factor`` where ``cov`` says."""
        f = 1.0 + (np.asarray(factor) - 1.0) * np.asarray(cov)
        self.rgb = self.rgb * np.broadcast_to(f, (self.h, self.w))[..., None]

    def under(self, cov: Array, color: Color, alpha: float = 1.0) -> None:
        """Composite ``color`` *behind* what is drawn (outlines, drop shadows)."""
        a = np.clip(cov * alpha, 0.0, 1.0) * (1.0 - self.a)
        col = np.asarray(color, dtype=np.float64) / 255.0
        self.rgb = self.rgb + col * a[..., None]
        self.a = self.a + a

    def rgba8(self) -> NDArray[np.uint8]:
        """Straight-alpha 8-bit RGBA, the form PNG stores."""
        a = self.a[..., None]
        rgb = np.where(a > 1e-6, self.rgb / np.maximum(a, 1e-6), 0.0)
        out = np.concatenate([rgb, a], axis=2)
        return (np.clip(out, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


# --- signed distances -------------------------------------------------------


def circle(cv: Canvas, cx: float, cy: float, r: float) -> Array:
    dx, dy = cv.rel(cx, cy)
    return cv.cover(np.hypot(dx, dy) - r)


def ring(cv: Canvas, cx: float, cy: float, r: float, width: float) -> Array:
    dx, dy = cv.rel(cx, cy)
    return cv.cover(np.abs(np.hypot(dx, dy) - r) - width / 2)


def ellipse_dist(cv: Canvas, cx: float, cy: float, rx: float, ry: float) -> Array:
    """Gradient-normalised ellipse distance: exact enough for anti-aliasing."""
    dx, dy = cv.rel(cx, cy)
    k = np.hypot(dx / rx, dy / ry)
    g = np.hypot(dx / rx**2, dy / ry**2)
    return k * (k - 1.0) / np.maximum(g, 1e-6)


def ellipse(cv: Canvas, cx: float, cy: float, rx: float, ry: float) -> Array:
    return cv.cover(ellipse_dist(cv, cx, cy, rx, ry))


def box_dist(cv: Canvas, x0: float, y0: float, x1: float, y1: float, r: float = 0.0) -> Array:
    dx, dy = cv.rel((x0 + x1) / 2, (y0 + y1) / 2)
    qx = np.abs(dx) - ((x1 - x0) / 2 - r)
    qy = np.abs(dy) - ((y1 - y0) / 2 - r)
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
    return outside + np.minimum(np.maximum(qx, qy), 0) - r


def box(cv: Canvas, x0: float, y0: float, x1: float, y1: float, r: float = 0.0) -> Array:
    """A (rounded) rectangle given by its corners in the current frame."""
    return cv.cover(box_dist(cv, x0, y0, x1, y1, r))


def segment(cv: Canvas, x0: float, y0: float, x1: float, y1: float, width: float) -> Array:
    """A thick line with round caps."""
    dx, dy = cv.rel(x0, y0)
    ex, ey = x1 - x0, y1 - y0
    t = np.clip((dx * ex + dy * ey) / max(ex * ex + ey * ey, 1e-9), 0.0, 1.0)
    return cv.cover(np.hypot(dx - t * ex, dy - t * ey) - width / 2)


def polyline(cv: Canvas, pts: Sequence[tuple[float, float]], width: float) -> Array:
    cov = np.zeros((cv.h, cv.w))
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        cov = np.maximum(cov, segment(cv, x0, y0, x1, y1, width))
    return cov


def polygon_dist(cv: Canvas, pts: Sequence[tuple[float, float]]) -> Array:
    """Exact polygon distance (after Inigo Quilez), negative inside."""
    x, y = cv.x, cv.y
    best = np.full(x.shape, np.inf)
    inside = np.zeros(x.shape, dtype=bool)
    n = len(pts)
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[(i + 1) % n]
        ex, ey = bx - ax, by - ay
        wx, wy = x - ax, y - ay
        t = np.clip((wx * ex + wy * ey) / max(ex * ex + ey * ey, 1e-9), 0.0, 1.0)
        best = np.minimum(best, np.hypot(wx - t * ex, wy - t * ey))
        crosses = (ay > y) != (by > y)
        xint = ax + (y - ay) * ex / np.where(ey == 0, 1e-9, ey)
        inside ^= crosses & (x < xint)
    return np.where(inside, -best, best)


def polygon(cv: Canvas, pts: Sequence[tuple[float, float]]) -> Array:
    return cv.cover(polygon_dist(cv, pts))


def glow(cv: Canvas, cx: float, cy: float, r: float) -> Array:
    """A soft radial falloff, 1 at the centre and 0 at radius ``r``."""
    dx, dy = cv.rel(cx, cy)
    return np.clip(1.0 - np.hypot(dx, dy) / r, 0.0, 1.0) ** 2


# --- noise ------------------------------------------------------------------


def value_noise(rng: np.random.Generator, h: int, w: int, cy: int, cx: int) -> Array:
    """Smooth periodic noise in [-1, 1] with ``cy`` x ``cx`` lattice cells.

    Periodic so that a tile textured with it repeats without seams.
    """
    grid = rng.random((cy, cx)) * 2.0 - 1.0
    v = (np.arange(h) + 0.5) / h * cy
    u = (np.arange(w) + 0.5) / w * cx
    i0, j0 = np.floor(v).astype(int), np.floor(u).astype(int)
    tv, tu = v - i0, u - j0
    tv, tu = tv * tv * (3 - 2 * tv), tu * tu * (3 - 2 * tu)
    i0, j0 = i0 % cy, j0 % cx
    i1, j1 = (i0 + 1) % cy, (j0 + 1) % cx
    top = grid[i0][:, j0] * (1 - tu) + grid[i0][:, j1] * tu
    bot = grid[i1][:, j0] * (1 - tu) + grid[i1][:, j1] * tu
    return top * (1 - tv)[:, None] + bot * tv[:, None]


def fbm(rng: np.random.Generator, h: int, w: int, base: int = 2, octaves: int = 4) -> Array:
    """Fractal sum of periodic value noise: cloudy texture in about [-1, 1]."""
    out, amp, total = np.zeros((h, w)), 1.0, 0.0
    for o in range(octaves):
        n = base * 2**o
        out += amp * value_noise(rng, h, w, n, n)
        total += amp
        amp *= 0.5
    return out / total


def grain(rng: np.random.Generator, h: int, w: int) -> Array:
    """Per-pixel noise in [-1, 1]: film grain and surface grit."""
    return rng.random((h, w)) * 2.0 - 1.0


def textured(base: Color, variation: Array, amount: float) -> Array:
    """``base`` colour brightened/darkened per pixel by ``variation`` * ``amount``."""
    col = np.asarray(base, dtype=np.float64)
    return col * (1.0 + amount * variation)[..., None]


# --- colour grading -----------------------------------------------------------

SEPIA = np.array([1.07, 0.98, 0.84])
MOON = np.array([0.70, 0.82, 1.22])


def luminance(rgb: Array) -> Array:
    return rgb @ np.array([0.299, 0.587, 0.114])


def sepia(cv: Canvas, amount: float = 0.15) -> None:
    """Pull colours a little towards sepia: the film-stock look of the whole set."""
    tone = luminance(cv.rgb)[..., None] * SEPIA
    cv.rgb = cv.rgb * (1 - amount) + tone * amount


def unlit(cv: Canvas, brightness: float = 0.46) -> None:
    """Night version of a lit tile: darker, desaturated, moonlight blue."""
    tone = luminance(cv.rgb)[..., None] * MOON
    cv.rgb = (cv.rgb * 0.35 + tone * 0.65) * brightness


def outline(cv: Canvas, color: Color, alpha: float = 1.0) -> None:
    """A one-pixel outline behind the drawing, so sprites read on any floor."""
    a = cv.a
    grown = a.copy()
    for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        grown = np.maximum(grown, np.roll(np.roll(a, dy, 0), dx, 1))
    for dy, dx in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
        grown = np.maximum(grown, 0.6 * np.roll(np.roll(a, dy, 0), dx, 1))
    cv.under(grown, color, alpha)


def blit(dst: NDArray[np.uint8], src: NDArray[np.uint8], x: int, y: int) -> None:
    """Copy an RGBA8 tile into an atlas array at pixel (x, y)."""
    h, w = src.shape[:2]
    dst[y : y + h, x : x + w] = src
