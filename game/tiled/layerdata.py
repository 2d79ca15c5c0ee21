"""Decoding a tile layer's ``<data>``: CSV, XML tiles, or base64 (raw, zlib, gzip, zstd).

Current Tiled may save any of these (a designer picks the layer format in the map's
properties), so the loader reads them all and refuses anything else with a clear message.
Decompression is capped at the size the layer must have, so a crafted "zip bomb" cannot
exhaust memory.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from xml.etree.ElementTree import Element

import numpy as np
import zstandard

FLIP_FLAGS = 0xF0000000  # Tiled's flip/rotation bits on a gid: the rules ignore them, the art not
GID_MASK = 0x0FFFFFFF


class LayerDataError(ValueError):
    """The layer's data cannot be decoded; the message says why and what to do."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


def decode_layer(data: Element, width: int, height: int) -> np.ndarray:
    """The layer's gids as Tiled wrote them (flip bits kept) as a ``[y, x]`` uint32 array.

    The rules mask the flip bits off (``& GID_MASK``); the renderer needs them to turn tiles.
    """
    if data.find("chunk") is not None:
        raise LayerDataError(
            "the layer is stored in chunks (an infinite map)",
            "untick 'Infinite' in the map's properties and save again",
        )
    encoding = data.get("encoding", "")
    compression = data.get("compression", "")
    count = width * height
    if encoding == "csv":
        values = _csv(data.text or "")
    elif encoding == "base64":
        values = _base64(data.text or "", compression, count)
    elif encoding == "":
        values = np.array([_int(t.get("gid", "0")) for t in data.findall("tile")], dtype=np.uint64)
    else:
        raise LayerDataError(
            f"unsupported layer encoding '{encoding}'",
            "set the map's 'Tile Layer Format' to CSV or Base64 in Tiled",
        )
    if encoding != "base64" and compression:
        raise LayerDataError(
            f"compression '{compression}' with encoding '{encoding or 'xml'}'",
            "only base64 layers can be compressed; re-save the map from Tiled",
        )
    if values.size != count:
        raise LayerDataError(
            f"the layer has {values.size} tiles but the map is {width}x{height} = {count}",
            "resize the layer to the map (Map > Resize Map) or re-save it in Tiled",
        )
    if values.size and int(values.max()) > 0xFFFFFFFF:
        raise LayerDataError("a tile number is too large", "re-save the map in Tiled")
    return values.astype(np.uint32).reshape(height, width)


def _int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise LayerDataError(
            f"'{text[:20]}' is not a tile number", "re-save the map in Tiled"
        ) from None
    if value < 0:
        raise LayerDataError(f"negative tile number {value}", "re-save the map in Tiled")
    return value


def _csv(text: str) -> np.ndarray:
    cleaned = text.strip()
    if not cleaned:
        return np.zeros(0, dtype=np.uint64)
    fields = cleaned.replace("\n", "").replace("\r", "").split(",")
    try:
        values = np.array(fields, dtype=np.int64)
    except (ValueError, OverflowError):
        bad = next(f for f in fields if not f.strip().isdigit())
        raise LayerDataError(
            f"'{bad.strip()[:20]}' in the CSV data is not a tile number", "re-save the map in Tiled"
        ) from None
    if values.size and int(values.min()) < 0:
        raise LayerDataError("negative tile number in the CSV data", "re-save the map in Tiled")
    return values.astype(np.uint64)


def _base64(text: str, compression: str, count: int) -> np.ndarray:
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise LayerDataError(
            "the base64 layer data is corrupt", "re-save the map in Tiled"
        ) from None
    expected = count * 4
    raw = _decompress(raw, compression, expected)
    if len(raw) != expected:
        raise LayerDataError(
            f"the layer data holds {len(raw) // 4} tiles, expected {count}",
            "re-save the map in Tiled",
        )
    return np.frombuffer(raw, dtype="<u4").astype(np.uint64)


def _decompress(raw: bytes, compression: str, expected: int) -> bytes:
    limit = expected + 1  # one byte more than allowed tells "too much" from "just right"
    try:
        if compression == "":
            return raw
        if compression in ("zlib", "gzip"):
            inflater = zlib.decompressobj(zlib.MAX_WBITS | (16 if compression == "gzip" else 0))
            return inflater.decompress(raw, limit)
        if compression == "zstd":
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            with reader:
                return reader.read(limit)
    except (zlib.error, zstandard.ZstdError) as error:
        raise LayerDataError(
            f"the {compression} layer data is corrupt ({error})", "re-save the map in Tiled"
        ) from None
    raise LayerDataError(
        f"unsupported layer compression '{compression}'",
        "choose Base64 (uncompressed, zlib, gzip or zstd) or CSV as the layer format",
    )
