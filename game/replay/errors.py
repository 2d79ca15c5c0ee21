"""The one error type of the replay layer.

Every problem with a recording (damaged, tampered, from a newer game, made on a map that
changed or went missing) becomes a :class:`RecordingError` whose text is the one line the
player or the command line shows, so callers never need to format anything themselves.
"""

from __future__ import annotations


class RecordingError(Exception):
    """A recording that cannot be used; ``str(error)`` is one line naming file and cause."""


class WorldSourceError(RecordingError):
    """The world a recording was made in cannot be rebuilt (missing or changed map...)."""
