"""The pygame client: window, scenes, renderer, overlays, HUD, input and audio.

Every module here imports pygame, and this package runs first, so pygame is imported here,
once, lean:

- it prints a greeting on import unless told not to (``rififi render`` and ``replay`` print
  nothing extra);
- ``pygame.pkgdata`` tries setuptools' ``pkg_resources`` first, about 100 ms of every start
  spent on a package index the game never asks for a file (pygame falls back to its own
  loader when that import fails), so that one import is refused while pygame loads.
"""

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

if "pygame" not in sys.modules and "pkg_resources" not in sys.modules:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ImportError, quickly
    try:
        import pygame  # noqa: F401
    finally:
        del sys.modules["pkg_resources"]  # anyone else who wants it may import it
