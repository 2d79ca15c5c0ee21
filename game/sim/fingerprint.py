"""Fingerprints of the world's state: canonical JSON and blake2b digests.

:meth:`World.part_hashes` hashes each part of the state after every recorded turn (and
verification after every turn it replays), so :class:`Encodings` keeps what it worked out
and reuses it while a value stays exactly the same. The digests are the same as hashing
from scratch, always: ``tests/test_sim_caches.py`` checks it under random play.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from typing import Any

import numpy as np


def canonical(value: Any) -> bytes:
    """JSON-ready data as canonical JSON: sorted keys, no spaces, ASCII."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def digest(value: Any) -> str:
    """A 128-bit blake2b digest (hex) of the canonical JSON of ``value``."""
    return hash_bytes(canonical(value))


def hash_bytes(data: bytes) -> str:
    """The 128-bit blake2b digest (hex) of some bytes (canonical JSON already made)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def array_digest(array: np.ndarray) -> str:
    """A 128-bit blake2b digest (hex) of an array's type, shape and contents."""
    data = np.ascontiguousarray(array)
    header = f"{data.dtype.str}{data.shape}".encode()
    return hashlib.blake2b(header + data.tobytes(), digest_size=16).hexdigest()


class Encodings:
    """Digests of state parts, and canonical JSON of the things in list parts, reused while
    a value stays exactly the same.

    A value is recognised by its ``marshal`` serialisation, which is much cheaper than JSON:
    marshal writes every value with its exact type (``True`` is not ``1``, ``1`` is not
    ``1.0``) and refuses anything else (subclasses, objects), and reading the bytes back gives
    the same value. So two values with the same marshal bytes are the same JSON data, with the
    same canonical encoding. A value marshal refuses is encoded every time. A part that
    changed and is a list (units, doors, devices) is encoded thing by thing, joined as
    canonical JSON joins a list, so only the things that changed are encoded again.

    Keys depend only on values, never on a world, so forks share one ``Encodings``; each
    slot (a part, or one place in a list part) keeps its latest value only.
    """

    def __init__(self) -> None:
        self._parts: dict[str, tuple[bytes, str]] = {}
        self._items: dict[tuple[str, int], tuple[bytes, bytes]] = {}

    def digest(self, name: str, value: Any) -> str:
        """``digest(value)``, for the state part called ``name``."""
        key = _marshalled(value)
        kept = self._parts.get(name)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        if isinstance(value, list):
            data = b"[" + b",".join(self._item(name, i, v) for i, v in enumerate(value)) + b"]"
        else:
            data = canonical(value)
        hashed = hashlib.blake2b(data, digest_size=16).hexdigest()
        if key is not None:
            self._parts[name] = (key, hashed)
        return hashed

    def _item(self, name: str, index: int, value: Any) -> bytes:
        """``canonical(value)`` for the thing at ``index`` of a list part."""
        key = _marshalled(value)
        kept = self._items.get((name, index))
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        data = canonical(value)
        if key is not None:
            self._items[name, index] = (key, data)
        return data


def _marshalled(value: Any) -> bytes | None:
    """``value`` in marshal's format, or None when marshal refuses it."""
    try:
        return marshal.dumps(value)
    except (ValueError, TypeError):
        return None
