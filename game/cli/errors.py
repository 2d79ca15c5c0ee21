"""The command line's two kinds of failure and its exit statuses.

A command raises :class:`UsageError` (exit 2: the command was given wrongly) or
:class:`ContentError` (exit 1: a map or a recording is bad); :func:`game.cli.main` prints the
message as one line. Kept apart from ``game/cli/__init__.py`` so the command modules need not
import the package that imports them.
"""

from __future__ import annotations

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: exit status 2 with the message."""


class ContentError(Exception):
    """Bad content (a map, a recording): exit status 1 with the message."""
