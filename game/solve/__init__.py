"""The machine that plays maps: the balance probes (lazy scripted players) and the solver.

It sits above the replay layer (a solved game is written as an ordinary recording) and below
the screen and the command line (``rififi solve``). Everything here plays the real rules
through the same commands and candidates as a player: nothing knows a particular map.
"""
