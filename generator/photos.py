"""Portraits: decoded by content, re-encoded without metadata, in the sizes pages use."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_SOURCE_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
# (CSS size, kinds): cards show 64 px, profiles 160 px; each also at 2x for sharp screens.
SIZES = {64: ("webp",), 128: ("webp", "jpg"), 160: ("webp",), 320: ("webp", "jpg")}


class PhotoError(ValueError):
    """The file cannot be used as a portrait; the message says why."""


def portrait_files(diplomat_id: str, source: Path) -> dict[str, bytes]:
    """Every output file for one portrait: `photos/<id>-<size>.<ext>` → bytes."""
    image = open_portrait(source)
    out = {}
    for size, kinds in SIZES.items():
        square = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS)
        for kind in kinds:
            buffer = io.BytesIO()
            # A fresh image carries no EXIF, GPS, ICC text or comments from the source.
            clean = Image.new("RGB", square.size)
            clean.paste(square)
            if kind == "webp":
                clean.save(buffer, "WEBP", quality=80, method=4)
            else:
                clean.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
            out[f"photos/{diplomat_id}-{size}.{kind}"] = buffer.getvalue()
    return out


def open_portrait(source: Path) -> Image.Image:
    """Decode a portrait by its content, or raise PhotoError saying why it cannot be used."""
    size = source.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise PhotoError(f"photo is {size:,} bytes; the limit is {MAX_SOURCE_BYTES:,}")
    try:
        with Image.open(source) as probe:
            kind = probe.format
            if kind not in ACCEPTED_FORMATS:
                raise PhotoError(f"photo must be a JPEG, PNG or WebP image, found {kind}")
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(f"photo has {probe.width}×{probe.height} pixels; too large")
            probe.verify()
        with Image.open(source) as image:
            image.load()
            return ImageOps.exif_transpose(image).convert("RGB")
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise PhotoError(f"photo cannot be read as an image ({exc.__class__.__name__})") from None
