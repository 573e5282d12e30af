"""photos.py: portraits are decoded by content and come out without any metadata."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

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
