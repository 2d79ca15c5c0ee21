"""Drawing the world: camera, map, fog, units, animations and the stealth overlays.

Everything here only reads the simulation's state (and data derived from it per version).
"""
