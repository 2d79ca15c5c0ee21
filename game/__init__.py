"""Rififi: a turn-based heist tactics game.

Layers, each using only the ones before it: ``game.sim`` (pure rules) <- ``game.tiled``
(maps) <- ``game.replay`` (recordings) <- ``game.ui`` (pygame).
"""

__version__ = "0.1.0"
