"""Synthesise Rififi's sound effects by hand: noise bursts, filters, decaying sines, FM.

Run ``python tools/make_sounds.py``. Writes 16-bit mono 22050 Hz WAV files to
``assets/sounds/``. Only NumPy and the standard library are used, and every
sound draws from its own generator seeded by its name, so the output is the same
on every run and one sound can be changed without disturbing the others.

Each sound is peak-normalised to its own level (quiet things such as sneaking
or UI clicks stay quieter than a gunshot), starts with a short fade-in to avoid
a click and ends with a fade-out.
"""

from __future__ import annotations

import sys
import wave
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"
Signal = NDArray[np.float64]
Rng = np.random.Generator


# --- building blocks ----------------------------------------------------------


def times(seconds: float) -> Signal:
    return np.arange(int(seconds * RATE)) / RATE


def decay(t: Signal, tau: float) -> Signal:
    """Exponential decay envelope with time constant ``tau`` seconds."""
    return np.exp(-t / tau)


def noise(rng: Rng, t: Signal) -> Signal:
    return rng.standard_normal(len(t))


def band(x: Signal, lo: float, hi: float, soft: float = 0.15) -> Signal:
    """Band-pass by shaping the spectrum: smooth edges, zero phase, exact and fast."""
    spec = np.fft.rfft(x)
    f = np.fft.rfftfreq(len(x), 1 / RATE)
    w_lo = 1 / (1 + np.exp(-(f - lo) / max(lo * soft, 1.0)))
    w_hi = 1 / (1 + np.exp((f - hi) / max(hi * soft, 1.0)))
    return np.fft.irfft(spec * w_lo * w_hi, len(x))


def tone(t: Signal, freq: Signal | float, phase: float = 0.0) -> Signal:
    """A sine whose frequency may glide (integrated phase, no discontinuities)."""
    f = np.broadcast_to(np.asarray(freq, dtype=np.float64), t.shape)
    return np.sin(2 * np.pi * np.cumsum(f) / RATE + phase)


def at(t: Signal, start: float) -> Signal:
    """Time since ``start``, zero before it: to place an event inside a sound."""
    return np.maximum(t - start, 0.0)


def gate(t: Signal, start: float) -> Signal:
    return (t >= start).astype(np.float64)


def click(rng: Rng, t: Signal, start: float, lo: float, hi: float, tau: float) -> Signal:
    """A short filtered noise tick starting at ``start``."""
    return band(noise(rng, t), lo, hi) * decay(at(t, start), tau) * gate(t, start)


def unit(x: Signal) -> Signal:
    """Scale a component to peak 1, so mixes are written in relative loudness."""
    return x / max(np.max(np.abs(x)), 1e-9)


def finish(x: Signal, peak: float, fade: float = 0.05) -> Signal:
    """3 ms fade-in, linear fade-out over ``fade`` seconds, then normalise to ``peak``."""
    x = x - np.mean(x)
    n_in, n_out = int(0.003 * RATE), min(int(fade * RATE), len(x))
    x[:n_in] *= np.linspace(0, 1, n_in)
    x[len(x) - n_out :] *= np.linspace(1, 0, n_out)
    return x / max(np.max(np.abs(x)), 1e-9) * peak


# --- the sounds -----------------------------------------------------------------


def footstep(rng: Rng) -> Signal:
    """Heel then sole on wooden boards: a thump with a woody knock."""
    t = times(0.22)
    thump = tone(t, 95 - 35 * t / 0.22) * decay(t, 0.03)
    knock = band(noise(rng, t), 300, 1800) * decay(t, 0.012)
    sole = click(rng, t, 0.045, 500, 2500, 0.015) * 0.5
    return finish(thump + 0.6 * knock + sole, 0.85)


def footstep_sneak(rng: Rng) -> Signal:
    """A careful step: muffled, soft attack, no heel."""
    t = times(0.18)
    env = (1 - decay(t, 0.01)) * decay(t, 0.04)
    body = band(noise(rng, t), 90, 600) * env
    return finish(body + 0.3 * tone(t, 70) * env, 0.45)


def footstep_stone(rng: Rng) -> Signal:
    """A heel on stone, cement tiles or paving: a hard click and a short gritty scrape."""
    t = times(0.2)
    heel = click(rng, t, 0.0, 1500, 6500, 0.006)
    grit = band(noise(rng, t), 2500, 8000) * decay(at(t, 0.04), 0.03) * gate(t, 0.04)
    body = tone(t, 160) * decay(t, 0.015)
    return finish(heel + 0.35 * grit + 0.4 * body, 0.8)


def footstep_gravel(rng: Rng) -> Signal:
    """A step on gravel: a crunch of many small stones shifting."""
    t = times(0.26)
    crunch = np.zeros_like(t)
    for start in np.sort(rng.uniform(0.0, 0.12, 18)):
        crunch += click(rng, t, start, 1200, 7000, rng.uniform(0.003, 0.01)) * rng.uniform(0.3, 1)
    return finish(crunch + 0.3 * band(noise(rng, t), 200, 900) * decay(t, 0.05), 0.75)


def footstep_grass(rng: Rng) -> Signal:
    """A step on a lawn: a soft swish of wet blades, a dull thud under it."""
    t = times(0.24)
    env = (1 - decay(t, 0.02)) * decay(t, 0.06)
    swish = band(noise(rng, t), 1500, 6000) * env
    return finish(swish + 0.5 * tone(t, 65) * decay(t, 0.03), 0.5)


def footstep_carpet(rng: Rng) -> Signal:
    """A step on a thick carpet: almost nothing, a muffled pad."""
    t = times(0.18)
    env = (1 - decay(t, 0.008)) * decay(t, 0.035)
    return finish(band(noise(rng, t), 80, 450) * env + 0.4 * tone(t, 60) * env, 0.4)


def _loop(x: Signal, overlap: float = 0.5) -> Signal:
    """A seamless loop: the last ``overlap`` seconds are cross-faded into the start."""
    n = int(overlap * RATE)
    head, body, tail = x[:n], x[n:-n], x[-n:]
    fade = np.linspace(0, 1, n)
    return np.concatenate([tail * (1 - fade) + head * fade, body])


def traffic(rng: Rng) -> Signal:
    """Paris far off at night, looped: a low rumble of the city, a car passing in the distance,
    a faint horn."""
    t = times(8.5)
    rumble = band(noise(rng, t), 40, 260) * (0.8 + 0.2 * np.sin(2 * np.pi * 0.13 * t))
    passing = np.exp(-(((t - 3.5) / 1.2) ** 2))
    car = band(noise(rng, t), 120, 900) * passing + 0.3 * tone(t, 55 + 8 * passing) * passing
    horn = (tone(t, 392) + 0.5 * tone(t, 466)) * gate(t, 6.2) * decay(at(t, 6.2), 0.25)
    mix = unit(rumble) + 0.8 * unit(car) + 0.12 * horn
    return _loop(mix - np.mean(mix)) / max(np.max(np.abs(mix)), 1e-9) * 0.5


def rain(rng: Rng) -> Signal:
    """Rain on the roofs and the pavement, looped: a steady hiss and drops on a gutter."""
    t = times(6.5)
    hiss = band(noise(rng, t), 1200, 9000) * (0.85 + 0.15 * np.sin(2 * np.pi * 0.21 * t))
    drops = np.zeros_like(t)
    for start in np.sort(rng.uniform(0.0, 6.4, 90)):
        drops += click(rng, t, start, 1500, 5000, rng.uniform(0.002, 0.006)) * rng.uniform(0.1, 1)
    mix = unit(hiss) + 0.5 * unit(drops)
    return _loop(mix - np.mean(mix)) / max(np.max(np.abs(mix)), 1e-9) * 0.5


def drill(rng: Rng) -> Signal:
    """A drill at work, rising and falling: the motor spins up, its pitch sags each time the
    bit bites into the plaster and climbs again as it frees, then it runs down."""
    t = times(1.8)
    up = 1 - decay(t, 0.12)
    down = np.clip((1.8 - t) / 0.4, 0, 1) ** 1.5  # the run-down over the last 0.4 s
    bite = gate(t, 0.3) * (1 - decay(at(t, 0.3), 0.1)) * down
    load = 0.5 + 0.5 * np.sin(2 * np.pi * 1.4 * at(t, 0.3) - np.pi / 2)  # bites and frees
    f0 = (70 + 120 * up * down) - 38 * bite * load + 3 * np.sin(2 * np.pi * 5.3 * t)
    motor = sum(tone(t, f0 * k) / k**1.2 for k in range(1, 9))
    whine = 0.25 * tone(t, f0 * 11.5)
    grind = band(noise(rng, t), 800, 4200) * (0.5 + 0.5 * np.sin(2 * np.pi * 31 * t) ** 2)
    return finish(up * down * (motor + whine) * 0.5 + 0.9 * grind * bite * load, 0.9, 0.1)


def plaster(rng: Rng) -> Signal:
    """Ceiling giving way: crumbs pattering, chunks hitting the floor, a last thud."""
    t = times(1.1)
    rumble = band(noise(rng, t), 60, 500) * decay(t, 0.35)
    crumbs = np.zeros_like(t)
    for start in np.sort(rng.uniform(0.02, 0.85, 26)):
        crumbs += click(rng, t, start, 600, 5000, rng.uniform(0.004, 0.02)) * rng.uniform(0.2, 1)
    thud = tone(at(t, 0.55), 70) * decay(at(t, 0.55), 0.08) * gate(t, 0.55)
    return finish(0.4 * unit(rumble) + 0.8 * unit(crumbs) + 0.8 * unit(thud), 0.9, 0.2)


def bell(rng: Rng) -> Signal:
    """An electric alarm bell: FM bell tone struck by a hammer twenty times a second."""
    t = times(1.2)
    strikes = t * 20.0 % 1.0 / 20.0  # time since the last hammer blow
    index = 3.0 * decay(strikes, 0.02) + 0.6
    carrier = 1180.0
    fm = np.sin(2 * np.pi * carrier * t + index * np.sin(2 * np.pi * carrier * 1.41 * t))
    partials = sum(np.sin(2 * np.pi * carrier * r * t) * a for r, a in ((2.76, 0.35), (5.40, 0.15)))
    hammer = decay(strikes, 0.035)
    ring = 0.55 + 0.45 * hammer
    clank = band(noise(rng, t), 2000, 6000) * decay(strikes, 0.003)
    return finish((fm + partials) * ring + 0.3 * clank, 0.9, 0.25)


def door_open(rng: Rng) -> Signal:
    """Latch clack, then a hinge creak: stick-slip pulses through a wooden resonance."""
    t = times(0.7)
    latch = click(rng, t, 0.0, 1200, 5000, 0.008)
    rate = 28 + 40 * np.clip((t - 0.08) / 0.5, 0, 1)
    phase = np.cumsum(rate) / RATE
    pulses = (np.diff(np.floor(phase), prepend=0) > 0).astype(np.float64)
    pulses *= 1 + 0.4 * rng.standard_normal(len(t))
    creak = band(pulses, 500, 1400, 0.05) + 0.5 * band(pulses, 1800, 2600, 0.05)
    env = gate(t, 0.08) * np.clip((t - 0.08) / 0.05, 0, 1) * decay(at(t, 0.08), 0.35)
    return finish(0.5 * unit(latch) + unit(creak * env), 0.8, 0.15)


def door_close(rng: Rng) -> Signal:
    """The door meets its frame: a low thud, the latch snapping home."""
    t = times(0.45)
    thud = tone(t, 75 - 20 * t) * decay(t, 0.06)
    slap = band(noise(rng, t), 150, 1200) * decay(t, 0.02)
    latch = click(rng, t, 0.03, 1500, 6000, 0.006) * 0.6
    return finish(thud + 0.8 * slap + latch, 0.85, 0.1)


def lockpick(rng: Rng) -> Signal:
    """Picks working pins: small irregular metallic ticks and a scrape."""
    t = times(0.6)
    out = 0.08 * band(noise(rng, t), 3000, 7000) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))
    for start in np.sort(rng.uniform(0.0, 0.5, 9)):
        out += click(rng, t, start, 2500, 8000, 0.004) * rng.uniform(0.3, 1.0)
        ping = tone(at(t, start), 3200 + rng.uniform(-300, 300)) * decay(at(t, start), 0.01)
        out += 0.3 * ping * gate(t, start)
    return finish(out, 0.6, 0.08)


def shot(rng: Rng) -> Signal:
    """A pistol shot in a room: crack, boom, and the room ringing after."""
    t = times(0.9)
    crack = noise(rng, t) * decay(t, 0.006)
    boom = tone(t, 120 * decay(t, 0.05) + 45) * decay(t, 0.09)
    tail = band(noise(rng, t), 200, 2500) * decay(t, 0.22) * 0.35
    return finish(crack + 1.2 * boom + tail, 0.95, 0.3)


def knockout(rng: Rng) -> Signal:
    """A cosh on a skull, then a body slumping to the floor."""
    t = times(0.5)
    hit = band(noise(rng, t), 150, 2000) * decay(t, 0.015)
    knock = tone(t, 160 - 80 * t) * decay(t, 0.04)
    fall = tone(at(t, 0.18), 60) * decay(at(t, 0.18), 0.07) * gate(t, 0.18)
    rustle = band(noise(rng, t), 200, 1500) * decay(at(t, 0.18), 0.05) * gate(t, 0.18)
    return finish(hit + knock + 1.2 * fall + 0.5 * rustle, 0.85, 0.1)


def safe_click(rng: Rng) -> Signal:
    """A tumbler dropping into place: two tight clicks and a small steel ping."""
    t = times(0.3)
    clicks = click(rng, t, 0.0, 2000, 7000, 0.003) + 0.7 * click(rng, t, 0.035, 2000, 7000, 0.003)
    ping = tone(at(t, 0.035), 2350) * decay(at(t, 0.035), 0.05) * gate(t, 0.035)
    return finish(clicks + 0.35 * ping, 0.7, 0.1)


def foam(rng: Rng) -> Signal:
    """The extinguisher: valve pop, then a wet hiss of foam with bubbling."""
    t = times(1.1)
    pop = click(rng, t, 0.0, 300, 3000, 0.01)
    swell = np.clip(t / 0.12, 0, 1)
    hiss = band(noise(rng, t), 1800, 9000) * swell
    bubbles = band(noise(rng, t), 300, 1200) * (0.5 + 0.5 * np.sin(2 * np.pi * 13 * t)) * swell
    return finish(pop + 0.8 * hiss + 0.35 * bubbles, 0.75, 0.3)


def alert(rng: Rng) -> Signal:
    """A guard has seen something: a short brass stab, a rising minor second."""
    t = times(0.6)
    out = np.zeros_like(t)
    for start, f in ((0.0, 311.1), (0.14, 329.6)):
        env = gate(t, start) * (1 - decay(at(t, start), 0.01)) * decay(at(t, start), 0.16)
        out += sum(tone(t, f * k) / k for k in range(1, 7)) * env
    return finish(out, 0.8, 0.15)


def ui_click(rng: Rng) -> Signal:
    """A soft, dry interface tick."""
    t = times(0.08)
    return finish(
        tone(t, 1800) * decay(t, 0.008) + 0.3 * click(rng, t, 0, 2000, 6000, 0.003), 0.5, 0.03
    )


def ui_turn(rng: Rng) -> Signal:
    """The night moves on: a mellow two-note clock chime."""
    t = times(0.9)
    out = np.zeros_like(t)
    for start, f in ((0.0, 523.3), (0.22, 392.0)):
        env = gate(t, start) * decay(at(t, start), 0.25)
        out += (tone(t, f) + 0.3 * tone(t, 2 * f) + 0.1 * tone(t, 3.01 * f)) * env
    return finish(out, 0.55, 0.3)


SOUNDS: dict[str, Callable[[Rng], Signal]] = {
    "footstep": footstep, "footstep_sneak": footstep_sneak, "drill": drill,
    "plaster": plaster, "bell": bell, "door_open": door_open, "door_close": door_close,
    "lockpick": lockpick, "shot": shot, "knockout": knockout, "safe_click": safe_click,
    "foam": foam, "alert": alert, "ui_click": ui_click, "ui_turn": ui_turn,
    "footstep_stone": footstep_stone, "footstep_gravel": footstep_gravel,
    "footstep_grass": footstep_grass, "footstep_carpet": footstep_carpet,
    "traffic": traffic, "rain": rain,
}  # fmt: skip


def write_wav(path: Path, x: Signal) -> None:
    """16-bit little-endian mono PCM; rounded, never clipped (peaks are below 1)."""
    pcm = np.round(np.clip(x, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        rng = np.random.default_rng(zlib.crc32(name.encode("utf-8")))
        x = make(rng)
        write_wav(OUT / f"{name}.wav", x)
        print(f"{name:16s} {len(x) / RATE:5.2f} s  peak {np.max(np.abs(x)):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
