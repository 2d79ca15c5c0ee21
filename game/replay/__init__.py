"""Recordings: file format, recording, verification, seeking and saves."""
