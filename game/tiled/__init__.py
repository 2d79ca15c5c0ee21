"""Tiled maps -> the simulation's world, and validation with precise errors."""
