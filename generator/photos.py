"""Portraits: decoded by content, re-encoded without metadata, in the sizes pages use."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .lifetime import die_with_parent
from .messages import define, say
from .write import DuplicateOutput

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_SOURCE_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
# (CSS size, kinds): cards show 64 px, profiles 160 px; each also at 2x for sharp screens.
# WebP everywhere; one JPEG as the <img> fallback for browsers without WebP.
SIZES = {320: ("webp", "jpg"), 160: ("webp",), 128: ("webp",), 64: ("webp",)}
# Bump when the output of portrait_files or the form of the cache changes, so that
# cached results are not reused.
PIPELINE_VERSION = b"portraits-3"


class PhotoError(ValueError):
    """The file cannot be used as a portrait; the message (`args[0]`) says why."""


define(
    "photo_bytes",
    "photo is {size} bytes; the limit is {limit}",
    "حجم عکس {size} بایت است؛ بیشترین حجم پذیرفته {limit} بایت است",
)
define(
    "photo_format",
    "photo must be a JPEG, PNG or WebP image, found {found}",
    "عکس باید JPEG یا PNG یا WebP باشد، اما {found} است",
)
define(
    "photo_pixels",
    "photo has {width}×{height} pixels; too large",
    "عکس {width}×{height} پیکسل دارد؛ بیش از اندازه بزرگ است",
)
define(
    "photo_unreadable",
    "photo cannot be read as an image ({reason})",
    "این پرونده به شکل تصویر خوانده نمی‌شود ({reason})",
)


def portrait_files(diplomat_id: str, source: Path) -> dict[str, bytes]:
    """Every output file for one portrait: `photos/<id>-<size>.<ext>` → bytes."""
    image = open_portrait(source)
    squares = {320: ImageOps.fit(image, (320, 320), Image.Resampling.LANCZOS)}
    # Halving is an exact 2×2 average (Image.reduce), a tenth of the cost of resampling.
    squares[160] = squares[320].reduce(2)
    squares[128] = squares[160].resize((128, 128), Image.Resampling.LANCZOS)
    squares[64] = squares[128].reduce(2)
    out = {}
    for size, kinds in SIZES.items():
        square = squares[size]
        for kind in kinds:
            buffer = io.BytesIO()
            # A fresh image carries no EXIF, GPS, ICC text or comments from the source.
            clean = Image.new("RGB", square.size)
            clean.paste(square)
            if kind == "webp":
                clean.save(buffer, "WEBP", quality=80, method=2)
            else:
                clean.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
            out[f"photos/{diplomat_id}-{size}.{kind}"] = buffer.getvalue()
    return out


def open_portrait(source: Path, size: int = max(SIZES)) -> Image.Image:
    """Decode a portrait by its content, or raise PhotoError saying why it cannot be used.

    A JPEG is decoded at the smallest scale that still gives `size` pixels a side (at
    most 1/8): every byte of it is still read and checked. Validation passes size=1,
    which finds the same faults as a full decode in a fraction of the time.
    """
    length = source.stat().st_size
    if length > MAX_SOURCE_BYTES:
        raise PhotoError(say("photo_bytes", size=length, limit=MAX_SOURCE_BYTES))
    try:
        with Image.open(source) as probe:
            kind = probe.format
            if kind not in ACCEPTED_FORMATS:
                raise PhotoError(say("photo_format", found=str(kind)))
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(say("photo_pixels", width=probe.width, height=probe.height))
            probe.verify()
        with Image.open(source) as image:
            image.draft("RGB", (size, size))  # JPEG only: decode at a reduced scale
            image.load()
            ImageOps.exif_transpose(image, in_place=True)  # no copy: one less pass
            return image if image.mode == "RGB" else image.convert("RGB")
    except PhotoError:
        raise
    # ValueError: a PNG text chunk that inflates past Pillow's limit, among others.
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise PhotoError(say("photo_unreadable", reason=exc.__class__.__name__)) from None


def cached_portraits(jobs: list[tuple[str, Path]], cache: Path) -> dict[str, bytes]:
    """portrait_files for many people, reusing results for sources seen before."""
    out: dict[str, bytes] = {}
    for batch in portrait_batches(jobs, cache):
        out.update(batch)
    return out


def portrait_batches(
    jobs: list[tuple[str, Path]], cache: Path, batch: int = 256, workers: int | None = None
) -> Iterator[dict[str, bytes]]:
    """portrait_files for many people, `batch` people at a time.

    Results are kept under `cache` by the hash of the source file, so only new or
    changed photos are decoded and encoded again; those run in `workers` processes
    (default: one per core; 1: in this process).
    """
    workers = workers or os.cpu_count() or 1
    cache.mkdir(parents=True, exist_ok=True)
    present = {entry.name for entry in os.scandir(cache)}  # one listing, not one per photo
    with contextlib.ExitStack() as stack:
        pool = None
        for start in range(0, len(jobs), batch):
            out: dict[str, bytes] = {}
            todo = []
            for diplomat_id, source in jobs[start : start + batch]:
                key = _cache_key(source)
                kept = _load(cache / key) if key in present else None
                if kept:
                    out.update(_named(diplomat_id, kept))
                else:
                    todo.append((diplomat_id, source, key))
            if len(todo) > 8 and workers > 1:
                if pool is None:
                    pool = stack.enter_context(_pool(workers))
                sources = [t[1] for t in todo]
                results = list(pool.map(_portraits, sources))
            else:
                results = [_portraits(t[1]) for t in todo]
            for (diplomat_id, _, key), images in zip(todo, results, strict=True):
                _store(cache / key, images)
                out.update(_named(diplomat_id, images))
            yield out


# One portrait's files, in this order, by the end of their names: "320.webp", "320.jpg", …
SUFFIXES = [f"{size}.{kind}" for size, kinds in SIZES.items() for kind in kinds]


def _portraits(source: Path) -> list[bytes]:
    """portrait_files' contents, in the order of SUFFIXES."""
    files = portrait_files("x", source)
    return [files[f"photos/x-{suffix}"] for suffix in SUFFIXES]


def _named(diplomat_id: str, images: list[bytes]) -> dict[str, bytes]:
    return {f"photos/{diplomat_id}-{s}": data for s, data in zip(SUFFIXES, images, strict=True)}


def _cache_key(source: Path) -> str:
    return hashlib.sha256(PIPELINE_VERSION + source.read_bytes()).hexdigest()


def _store(entry: Path, images: list[bytes]) -> None:
    """Keep one portrait's files in one cache file: each one's length (8 bytes), then it.

    One file, not five, is a fifth of the file operations; written under another name
    and renamed, it appears whole or not at all, even if the build is killed midway.
    """
    partial = entry.with_name(f".{entry.name}.{os.getpid()}")
    partial.write_bytes(b"".join(len(data).to_bytes(8, "big") + data for data in images))
    os.replace(partial, entry)


def _load(entry: Path) -> list[bytes] | None:
    """The files `_store` kept in `entry`; None if it does not hold exactly them."""
    blob, images, at = entry.read_bytes(), [], 0
    while at + 8 <= len(blob):
        length = int.from_bytes(blob[at : at + 8], "big")
        images.append(blob[at + 8 : at + 8 + length])
        at += 8 + length
    return images if at == len(blob) and len(images) == len(SUFFIXES) else None


def warm_cache(folder: Path, cache: Path, workers: int = 1) -> int:
    """Make and keep the portraits of every photo in `folder` not cached yet, in `workers`
    processes; return how many were made. A file that cannot be used (unreadable, too
    large, not an image) is passed over: validation reports it if anyone names it.

    It runs before the data is checked, so a symbolic link (the folder, the folder above
    it, diplomats/, or a file) is passed over too, never followed: the check refuses it
    (load.py)."""
    cache.mkdir(parents=True, exist_ok=True)
    present = {entry.name for entry in os.scandir(cache)}
    todo: dict[str, Path] = {}
    linked = folder.is_symlink() or folder.parent.is_symlink()
    for source in sorted(folder.iterdir()) if folder.is_dir() and not linked else []:
        try:
            if source.is_symlink() or not source.is_file():
                continue
            if source.stat().st_size > MAX_SOURCE_BYTES:
                continue
            key = _cache_key(source)
        except OSError:
            continue
        if key not in present:
            todo[key] = source
    with contextlib.ExitStack() as stack:
        run: Callable = map
        if workers > 1 and len(todo) > 8:
            run = stack.enter_context(_pool(workers)).map
        made = 0
        for key, images in zip(todo, run(_usable_portraits, todo.values()), strict=True):
            if images is not None:
                _store(cache / key, images)
                made += 1
    return made


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes that end with this one, even if it is killed."""
    return ProcessPoolExecutor(workers, initializer=die_with_parent)


def _usable_portraits(source: Path) -> list[bytes] | None:
    try:
        return _portraits(source)
    except PhotoError:
        return None


def write_portraits(
    jobs: list[tuple[str, Path]], cache: Path, folder: Path, workers: int | None = None
) -> None:
    """Write every portrait's files under `folder`, a batch at a time; never over a file."""
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    for batch in portrait_batches(jobs, cache, workers=workers):
        for rel, content in batch.items():
            try:
                with open(folder / rel, "xb") as out:
                    out.write(content)
            except FileExistsError:
                raise DuplicateOutput(f"two outputs would be written to {rel!r}") from None


def main() -> None:
    """`python -m generator.photos PHOTOS CACHE`, for the build.

    The build starts it before the data is even loaded, at the lowest priority, so that
    the portraits use the core that loading leaves idle, and later whatever the pages
    leave: it first makes the portraits of every photo in the PHOTOS folder into the
    CACHE, one worker per core. Then it reads one line from standard input, JSON:
    {"jobs": file holding [[id, photo], …] for the people published, "folder": where
    their portraits go}, and writes them from the cache. An empty line means the build
    stopped: nothing is written.

    A process started afresh, not forked: forked from the build it would carry the
    build's memory while Pagefind, the build's peak, runs beside it.
    """
    photos, cache = Path(sys.argv[1]), Path(sys.argv[2])
    warm_cache(photos, cache, workers=os.cpu_count() or 1)
    line = sys.stdin.readline().strip()
    if not line:
        return
    order = json.loads(line)
    jobs = [(ident, Path(source)) for ident, source in json.loads(Path(order["jobs"]).read_text())]
    write_portraits(jobs, cache, Path(order["folder"]), workers=1)


if __name__ == "__main__":
    main()
