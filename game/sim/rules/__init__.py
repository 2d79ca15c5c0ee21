"""Every tunable number of the game, read once into frozen, typed sections.

The numbers live in ``game/data/rules.toml``; :func:`game.content.load_rules` reads that file.
Each section of the file is a frozen dataclass (:mod:`game.sim.rules.sections`) whose fields
are its keys, so ``rules.crew.ap_per_turn`` is an ``int``, nothing can change a rule
mid-game, and a key that is unknown, missing or of the wrong type is refused at load with its
name (:mod:`game.sim.rules.load`). To add a rule number, add it to the file and a field to
its section.
"""

from game.sim.rules.load import RuleError
from game.sim.rules.rulebook import Rules
from game.sim.rules.sections import DrillSpeed

__all__ = ["DrillSpeed", "RuleError", "Rules"]
