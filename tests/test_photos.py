"""photos.py: portraits are decoded by content and come out without any metadata."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from generator.photos import (
    PhotoError,
    cached_portraits,
    open_portrait,
    portrait_batches,
    portrait_files,
    warm_cache,
)

from .conftest import FIXTURES


def photo_with_gps(path: Path) -> Path:
    image = Image.new("RGB", (400, 300), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SampleCam"  # Make
    exif[0x8825] = {1: "N", 2: (32.0, 39.0, 0.0), 3: "E", 4: (51.0, 40.0, 0.0)}  # GPS
    image.save(path, "JPEG", exif=exif, comment=b"secret comment")
    assert Image.open(path).getexif().get_ifd(0x8825)  # the test photo really has GPS
    return path


def test_outputs_carry_no_metadata(tmp_path: Path) -> None:
    files = portrait_files("sara", photo_with_gps(tmp_path / "in.jpg"))
    assert set(files) == {
        "photos/sara-64.webp", "photos/sara-128.webp",
        "photos/sara-160.webp", "photos/sara-320.webp", "photos/sara-320.jpg",
    }  # fmt: skip
    for name, data in files.items():
        image = Image.open(io.BytesIO(data))
        assert image.size[0] == image.size[1] == int(name.rsplit("-", 1)[1].split(".")[0])
        assert not image.getexif(), name
        assert "comment" not in image.info and "exif" not in image.info, name
        assert b"SampleCam" not in data and b"secret comment" not in data


def test_svg_and_text_are_refused_whatever_their_extension(tmp_path: Path) -> None:
    svg = tmp_path / "x.jpg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    with pytest.raises(PhotoError, match="cannot be read as an image"):
        open_portrait(svg)


def test_other_image_formats_are_refused(tmp_path: Path) -> None:
    gif = tmp_path / "x.png"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(PhotoError, match="must be a JPEG, PNG or WebP image, found GIF"):
        open_portrait(gif)


def test_huge_pixel_counts_are_an_error_not_a_crash(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("1", (9000, 9000)).save(big, "PNG")  # small file, 81 million pixels
    with pytest.raises(PhotoError, match="too large"):
        open_portrait(big)


def test_cache_gives_the_same_files_and_skips_known_sources(tmp_path: Path) -> None:
    source = photo_with_gps(tmp_path / "in.jpg")
    first = cached_portraits([("sara", source)], tmp_path / "cache")
    assert first == portrait_files("sara", source)
    stored = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    again = cached_portraits([("reza", source)], tmp_path / "cache")
    assert again == {k.replace("sara", "reza"): v for k, v in first.items()}
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stored


def test_batches_in_one_process_equal_the_files_made_on_every_core(tmp_path: Path) -> None:
    sources = sorted((FIXTURES / "diplomats" / "photos").iterdir())
    jobs = [(f"person-{i}", sources[i % len(sources)]) for i in range(12)]  # > 8: a pool
    everywhere = cached_portraits(jobs, tmp_path / "pool")
    batches = list(portrait_batches(jobs, tmp_path / "alone", batch=5, workers=1))
    assert [len(b) for b in batches] == [5 * 5, 5 * 5, 2 * 5]  # 5 files per portrait
    assert {k: v for b in batches for k, v in b.items()} == everywhere
    assert len(everywhere) == 12 * 5


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("size", [1, 320])  # validation's quick check, and the real decode
def test_a_cut_short_photo_is_refused(tmp_path: Path, kind: str, size: int) -> None:
    noise = Image.effect_noise((600, 600), 60).convert("RGB")  # no run of bytes to spare
    whole = io.BytesIO()
    noise.save(whole, kind)
    cut = tmp_path / "cut.img"
    cut.write_bytes(whole.getvalue()[: len(whole.getvalue()) * 2 // 3])
    with pytest.raises(PhotoError, match="cannot be read as an image"):
        open_portrait(cut, size=size)
    (tmp_path / "whole.img").write_bytes(whole.getvalue())
    assert open_portrait(tmp_path / "whole.img", size=size).size[0] >= min(size, 600 // 8)


def test_a_photo_taken_sideways_is_turned_upright(tmp_path: Path) -> None:
    # Stored 600×300: left half red, right half blue. EXIF orientation 6: "turn 90°
    # clockwise to view", so upright the red half is on top and the blue at the bottom.
    image = Image.new("RGB", (600, 300), (220, 0, 0))
    image.paste((0, 0, 220), (300, 0, 600, 300))
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(tmp_path / "side.jpg", "JPEG", exif=exif)
    upright = open_portrait(tmp_path / "side.jpg")
    assert upright.size == (300, 600)
    assert upright.getpixel((150, 40))[0] > 180 and upright.getpixel((150, 560))[2] > 180
    files = portrait_files("s", tmp_path / "side.jpg")
    square = Image.open(io.BytesIO(files["photos/s-320.webp"])).convert("RGB")
    top, bottom = square.getpixel((160, 5)), square.getpixel((160, 315))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # half red over half blue


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path) -> None:
    source = photo_with_gps(tmp_path / "in.jpg")
    first = cached_portraits([("sara", source)], tmp_path / "cache")
    (entry,) = (tmp_path / "cache").iterdir()
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-10])  # e.g. a disk that filled up
    assert cached_portraits([("sara", source)], tmp_path / "cache") == first
    assert entry.read_bytes() == whole  # mended


def test_warming_the_cache_passes_over_files_it_cannot_use(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    photo_with_gps(folder / "good.jpg")
    (folder / "notes.txt").write_text("not a photo")
    (folder / "huge.jpg").write_bytes(b"\xff\xd8" + bytes(9 * 1024 * 1024))
    (folder / "locked.jpg").write_bytes((folder / "good.jpg").read_bytes() + b"x")
    (folder / "locked.jpg").chmod(0)
    (folder / "a folder").mkdir()
    assert warm_cache(folder, tmp_path / "cache") == 1 + (os.geteuid() == 0)  # root reads all
    assert warm_cache(folder, tmp_path / "cache") == 0  # all cached now


# ---------------------------------------------------------------------------- text-chunk bombs


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def text_bomb(path: Path, kind: bytes = b"zTXt", where: bytes = b"IDAT") -> Path:
    """A real 400×400 PNG of a few kilobytes with a compressed text chunk that inflates past
    Pillow's limit (PngImagePlugin.MAX_TEXT_CHUNK), placed before the chunk `where`."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), (10, 120, 200)).save(buffer, "PNG")
    png = buffer.getvalue()
    inflates = zlib.compress(b"x" * (2 * PngImagePlugin.MAX_TEXT_CHUNK), 9)
    header = b"Comment\0\0" if kind == b"zTXt" else b"Comment\0\x01\x00\0\0"  # iTXt: compressed
    at = png.index(where) - 4  # the chunk's length comes first
    path.write_bytes(png[:at] + _chunk(kind, header + inflates) + png[at:])
    assert path.stat().st_size < 8 * 1024
    return path


@pytest.mark.parametrize("where", [b"IDAT", b"IEND"], ids=["before-pixels", "after-pixels"])
@pytest.mark.parametrize("kind", [b"zTXt", b"iTXt"])
@pytest.mark.parametrize("size", [1, 320])
def test_a_text_chunk_that_inflates_too_far_is_refused(
    tmp_path: Path, kind: bytes, where: bytes, size: int
) -> None:
    bomb = text_bomb(tmp_path / "bomb.png", kind, where)
    with pytest.raises(ValueError, match="MAX_TEXT_CHUNK"):  # what Pillow itself raises
        Image.open(bomb).load()
    with pytest.raises(PhotoError, match=r"cannot be read as an image \(ValueError\)"):
        open_portrait(bomb, size=size)


def test_warming_the_cache_passes_over_a_text_chunk_bomb(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    photo_with_gps(folder / "good.jpg")
    text_bomb(folder / "bomb.png")
    text_bomb(folder / "late.png", b"iTXt", b"IEND")
    assert warm_cache(folder, tmp_path / "cache", workers=1) == 1


def test_the_build_s_photo_process_survives_a_bomb_it_is_not_asked_to_write(
    tmp_path: Path,
) -> None:
    """`python -m generator.photos`, as the build starts it: every photo in the folder is
    made ahead, named or not; a bomb among them is passed over without a traceback."""
    folder = tmp_path / "photos"
    folder.mkdir()
    photo_with_gps(folder / "good.jpg")
    text_bomb(folder / "bomb.png")
    run = subprocess.run(
        [sys.executable, "-m", "generator.photos", str(folder), str(tmp_path / "cache")],
        input="\n", capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_warming_the_cache_never_follows_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    photo_with_gps(elsewhere / "outside.jpg")
    folder = tmp_path / "repo" / "diplomats" / "photos"
    folder.mkdir(parents=True)
    (folder / "linked.jpg").symlink_to(elsewhere / "outside.jpg")
    assert warm_cache(folder, tmp_path / "cache") == 0
    linked_folder = tmp_path / "repo2" / "diplomats" / "photos"
    linked_folder.parent.mkdir(parents=True)
    linked_folder.symlink_to(elsewhere, target_is_directory=True)
    assert warm_cache(linked_folder, tmp_path / "cache") == 0
    assert warm_cache(elsewhere, tmp_path / "cache") == 1  # the same photo, not linked
