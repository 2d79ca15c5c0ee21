"""Rififi: a turn-based heist tactics game.

Layers, each using only the ones before it: ``game.sim`` (pure rules) <- ``game.tiled``
(maps) <- ``game.replay`` (recordings, the game session) <- ``game.ui`` (pygame) <-
``game.cli`` (the command line); ``docs/architecture.md`` places the top-level helpers.
"""

__version__ = "0.1.0"
