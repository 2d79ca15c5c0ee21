"""Machines that play maps: the balance probes (lazy scripted players) and the solver's search.

They are pure computation over the rules, so they live with them: no files, no clock (the
search's budget is read from a clock its caller passes), nothing above ``game.sim``. Loading
a map, running searches on both cores and writing the win as a recording is the replay
layer's (:mod:`game.replay.solving`). Everything here plays the real rules through the same
commands and candidates as a player: nothing knows a particular map.
"""
