"""The noir palette: a few named colours shared by tiles, sprites and portraits.

Keeping them in one place is what makes the separately drawn pieces look like one
film: night blues and greys everywhere, warm gold only where there is loot or
lamplight, red only where there is danger.
"""

from __future__ import annotations

INK = (8, 9, 13)
NIGHT = (24, 30, 44)
NAVY = (34, 44, 70)
STEEL = (84, 92, 104)
SMOKE = (128, 128, 126)
ASH = (176, 172, 162)
PAPER = (226, 218, 198)
WHITE = (244, 240, 228)

WOOD = (126, 90, 60)
WOOD_DARK = (74, 52, 38)
WOOD_LIGHT = (166, 124, 82)
BRICK = (116, 70, 56)
MORTAR = (78, 72, 68)
PLASTER = (140, 120, 86)
STONE = (112, 114, 118)
CONCRETE = (134, 128, 116)
COBBLE = (96, 100, 110)
GRASS = (78, 100, 60)
LEAF = (48, 74, 50)
EARTH = (66, 56, 46)
CREAM = (200, 192, 172)
CHARCOAL = (46, 48, 54)
WINE = (96, 34, 42)
LEATHER = (112, 68, 46)
GLASS = (120, 150, 176)
GLASS_DARK = (30, 40, 56)

GOLD = (222, 176, 72)
GOLD_LIGHT = (255, 226, 146)
GOLD_DARK = (150, 104, 36)
BRASS = (190, 150, 80)
RED = (186, 36, 34)
RED_LIGHT = (236, 84, 70)
RED_DARK = (110, 20, 22)
LAMP = (255, 214, 130)

SKIN = (214, 176, 142)
SKIN_SHADOW = (150, 112, 90)
