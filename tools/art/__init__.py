"""Procedural art for Rififi: every tile, sprite, icon and portrait is drawn by code.

The machine that builds the game has no internet and no artist, so the art is a
deterministic function of this package: change a drawing, rerun
``python tools/draw_assets.py``, and the PNGs and Tiled tilesets under ``assets/``
are rewritten identically on every run.
"""
