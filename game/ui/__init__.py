"""The pygame client: window, scenes, renderer, overlays, HUD, input and audio."""

import os

# pygame prints a greeting on import unless told not to; every module that imports pygame is
# in this package, or (the command line) imports it only after this package, so this runs
# first (``rififi render`` and ``replay`` print nothing extra).
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
