"""generator/worldmap.py and templates/_map.j2: the sister cities on a map drawn at build
time, from Natural Earth's land decoded here, on the home, cities and city pages."""

from __future__ import annotations

import gzip
import math
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import maplabels, worldmap
from generator.build import build_site
from generator.errors import DataErrors

from .conftest import FIXTURES, REPO, SITE_URL

CITIES = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((FIXTURES / "cities").glob("*.yml"))
}
LATIN_DIGIT = re.compile(r"[0-9]")
PERSIAN_DIGIT = re.compile(r"[۰-۹]")


def where(city: str) -> tuple[float, float]:
    lat, lon = CITIES[city]["coordinates"]
    return lat, lon


# decoding and projecting


def test_a_topology_is_decoded_from_quantized_deltas_with_reversed_arcs() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 2], "translate": [10, -20]},
        # arc 0: (0,0) → (2,0) → (2,2), in deltas; arc 1: (0,0) → (2,2)
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [2, 2]]],
        "objects": {"land": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, ~1]]},
            {"type": "MultiPolygon", "arcs": [[[1, ~0]], [[0, ~1], [1, ~0]]]},
        ]}},
    }  # fmt: skip
    # ~i walks arc i backwards; the point where two arcs meet is written once.
    anticlockwise = [(10, -20), (11, -20), (11, -16), (10, -20)]
    clockwise = [(10, -20), (11, -16), (11, -20), (10, -20)]
    assert worldmap.decode(topology) == [[anticlockwise], [clockwise], [anticlockwise, clockwise]]


def test_the_projection_is_equal_earth() -> None:
    assert worldmap.project(0, 0) == (0, 0)
    # Published extent of Equal Earth on the unit sphere: x ±2.7066, y ±1.3174.
    assert worldmap.equal_earth(0, 180)[0] == pytest.approx(2.70663, abs=1e-4)
    assert worldmap.equal_earth(90, 0)[1] == pytest.approx(1.31736, abs=1e-4)
    assert worldmap.equal_earth(-45, -90) == pytest.approx(
        tuple(-v for v in worldmap.equal_earth(45, 90))
    )
    # The drawn map: longitude 180 on the equator at half the world's width; north is up.
    assert worldmap.project(0, 180)[0] == pytest.approx(worldmap.WORLD_WIDTH / 2)
    assert worldmap.project(60, 0)[1] < 0 < worldmap.project(-60, 0)[1]


def test_isfahan_is_drawn_east_of_freiburg_and_south_of_saint_petersburg() -> None:
    isfahan = worldmap.project(*worldmap.ISFAHAN)
    freiburg = worldmap.project(*where("freiburg"))
    petersburg = worldmap.project(*where("saint-petersburg"))
    havana = worldmap.project(*where("havana"))
    assert isfahan[0] > freiburg[0] and isfahan[1] > freiburg[1]
    assert isfahan[1] > petersburg[1]
    assert havana[0] < freiburg[0] < isfahan[0]


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    hits = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hits = not hits
    return hits


def _on_land(lon: float, lat: float) -> bool:
    return any(
        _inside((lon, lat), polygon[0]) and not any(_inside((lon, lat), h) for h in polygon[1:])
        for polygon in worldmap.land()
    )


def test_the_decoded_land_is_where_the_land_is() -> None:
    lat, lon = worldmap.ISFAHAN
    assert _on_land(lon, lat)
    for inland in ("freiburg", "kazan", "samarkand", "xian", "lahore", "yerevan", "hyderabad"):
        lat, lon = where(inland)
        assert _on_land(lon, lat), inland
    assert not _on_land(-30, 0)  # the Atlantic
    assert not _on_land(-150, 20)  # the Pacific
    assert not _on_land(50.5, 42)  # the Caspian Sea, a hole in Asia
    assert not _on_land(0, -80)  # Antarctica is left out


def _absolute(path: str) -> list[tuple[int, int]]:
    """The points of a path written as worldmap writes it: M x y l dx dy … z, repeated."""
    points = []
    for ring in re.findall(r"M([^Mz]+)z", path):
        start, _, moves = ring.partition("l")
        numbers = [int(n) for n in re.findall(r"-?\d+", start + " " + moves)]
        x, y = numbers[0], numbers[1]
        points.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_the_land_path_spans_the_projection_and_nothing_south_of_the_limit() -> None:
    path = worldmap.land_path()
    assert re.fullmatch(r"(M-?\d+ ?-?\d+l[-\d ]*z)+", path)
    points = _absolute(path)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    half = worldmap.WORLD_WIDTH / 2
    assert -half - 1 <= min(xs) < -0.97 * half and 0.97 * half < max(xs) <= half + 1
    # Northernmost land: Greenland at 83.645°N (the file's own box); south: Tierra del Fuego.
    assert min(ys) == pytest.approx(worldmap.project(83.645, 0)[1], abs=1)
    assert max(ys) < worldmap.project(worldmap.SOUTH_LIMIT, 0)[1]
    assert max(ys) == pytest.approx(worldmap.project(-55.6, 0)[1], abs=3)
    left, top, right, bottom = worldmap.land_bounds()
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx((left, top, right, bottom), abs=1)
    # Coasts that cross longitude 180 (Chukotka, Fiji) are cut there, not drawn across.
    for ring in re.findall(r"M[^Mz]+z", path):
        steps = [int(n) for n in re.findall(r"-?\d+", ring.partition("l")[2])][::2]
        assert max(map(abs, steps), default=0) < worldmap.WORLD_WIDTH / 10, ring[:40]


def test_a_maps_land_is_cut_to_its_window() -> None:
    window = worldmap.region_view([worldmap.ISFAHAN, where("freiburg")]).outside()
    cut = worldmap.land_path(window)
    points = _absolute(cut)
    left, top, right, bottom = window
    assert all(left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1 for x, y in points)
    assert len(cut) < len(worldmap.land_path()) / 3
    # Inside the window the coastline is the same: the Caspian's points are all there.
    caspian = {(x, y) for x, y in _absolute(worldmap.land_path()) if _near_caspian(x, y)}
    assert caspian and caspian <= set(points)


def _near_caspian(x: int, y: int) -> bool:
    cx, cy = worldmap.project(42, 50.5)
    return abs(x - cx) < 40 and abs(y - cy) < 40


def test_great_circles_and_distances() -> None:
    assert worldmap.distance_km((0, 0), (0, 90)) == pytest.approx(10007.5, abs=1)
    assert worldmap.distance_km((90, 0), (-90, 0)) == pytest.approx(20015, abs=1)
    line = worldmap.great_circle((0, 0), (0, 90), steps=2)
    assert [v for point in line for v in point] == pytest.approx([0, 0, 0, 45, 0, 90])
    # Madrid → Beijing goes north of both, the way a great circle bends.
    route = worldmap.great_circle((40.4, -3.7), (39.9, 116.4))
    assert max(lat for lat, _ in route) > 55


def test_a_line_across_longitude_180_is_broken_not_drawn_across_the_map() -> None:
    path = worldmap.line_path((35.7, 139.7), (21.3, -157.9))  # Tokyo → Honolulu
    assert path.count("M") == 2


def label_box(spot: maplabels.Spot, text: str, size: float) -> tuple[float, ...]:
    """The box a label's letters take, worked out here: 0.55 em a letter, 0.8 em above the
    baseline, 0.2 em below."""
    width = len(text) * size * 0.55
    left = {"start": 0, "middle": -width / 2, "end": -width}[spot.label.anchor] + spot.label.x
    return left, spot.label.y - 0.8 * size, left + width, spot.label.y + 0.2 * size


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("crowd", ["fixture cities", "one crowded spot"])
def test_labels_never_overlap_each_other_or_a_dot_and_stay_in_the_frame(crowd: str) -> None:
    if crowd == "fixture cities":
        view = worldmap.world_view([where(c) for c in CITIES] + [worldmap.ISFAHAN])
        places = [(*worldmap.ISFAHAN, "Isfahan")]
        places += [(*where(c), city["name"]["en"]) for c, city in CITIES.items()]
        points = [(*worldmap.project(lat, lon), text) for lat, lon, text in places]
        frame = (view.left, view.top, view.left + view.width, view.top + view.height)
        size, dot = view.font, view.dot
    else:  # nine places in a 30-unit square, and one far off
        points = [(100 + 10 * (i % 3), 100 + 10 * (i // 3), f"Place {i}") for i in range(9)]
        points.append((400, 250, "Alone"))
        frame, size, dot = (0, 0, 500, 300), 12.0, 2.0
    spots = maplabels.place(points, frame, size, dot)
    assert [(s.x, s.y) for s in spots] == [(x, y) for x, y, _ in points]
    boxes = [
        label_box(s, text, size) for s, (_, _, text) in zip(spots, points, strict=True) if s.label
    ]
    assert spots[0].label is not None and spots[-1].label is not None
    assert spots[-1].label.leader is None  # room right beside it
    assert len(boxes) >= len(points) * 2 // 3
    for i, box in enumerate(boxes):
        assert frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2]
        assert box[3] <= frame[3] + 0.2 * size
        assert not any(overlap(box, other) for other in boxes[i + 1 :])
        dots = [(x - dot, y - dot, x + dot, y + dot) for x, y, _ in points]
        assert not any(overlap(box, d) for d in dots)


# Everything worldmap computes once per process from the data file.
CACHED = (worldmap.land, worldmap._drawn_rings, worldmap._ring_boxes, worldmap.land_path,
          worldmap.land_bounds)  # fmt: skip


def test_without_the_map_data_the_build_says_to_run_make_site(
    data_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "checkout" / "node_modules" / "world-atlas" / "land-110m.json"
    monkeypatch.setattr(worldmap, "LAND_FILE", missing)
    for cached in CACHED:
        cached.cache_clear()
    try:
        with pytest.raises(DataErrors) as caught:
            build_site(data_tree, site_dir=tmp_path / "site", site_url=SITE_URL)
    finally:
        monkeypatch.undo()
        for cached in CACHED:
            cached.cache_clear()
    (error,) = caught.value.errors
    assert error.message.key == "map_data_missing"
    assert str(error) == (
        "node_modules/world-atlas/land-110m.json: the world map's data "
        "node_modules/world-atlas/land-110m.json is missing: run `make site`, which installs "
        "it from npm (package.json)"
    )
    assert "make site" in error.text("fa") and "نقشهٔ جهان" in error.text("fa")
    assert not (tmp_path / "site").exists()


def test_the_map_data_is_a_pinned_dependency_that_make_site_installs() -> None:
    import json

    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["dependencies"]["world-atlas"])
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/world-atlas"]["version"]
    assert version == package["dependencies"]["world-atlas"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site: .*node_modules/\.package-lock\.json", makefile, flags=re.M)
    assert worldmap.LAND_FILE == REPO / "node_modules/world-atlas/land-110m.json"


# the built pages

PAGES = {"home": "index.html", "cities": "cities/index.html"}


def page(site: Path, lang: str, name: str) -> BeautifulSoup:
    path = site / ("en/" if lang == "en" else "") / name
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(element) -> str:
    """The text a reader meets: every text node, <title> and <desc> included."""
    return " ".join(element.stripped_strings)


def status_colours() -> dict[str, str]:
    css = (REPO / "theme/assets/stylesheets/directory.css").read_text(encoding="utf-8")
    return dict(re.findall(r"\.cd-status--(\w+) \{ color: (#[0-9a-f]{6}); \}", css))


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_the_world_map_links_every_city_in_the_pages_language(
    built_site: Path, lang: str, name: str
) -> None:
    html_file = (built_site / ("en" if lang == "en" else "") / PAGES[name]).resolve()
    figure = page(built_site, lang, PAGES[name]).select_one("figure.cd-map")
    svg = figure.find("svg")
    assert svg.get("role") != "img"  # it holds links
    assert svg.title.get_text() and svg.desc.get_text()
    links = svg.find_all("a")
    assert len(links) == len(CITIES)
    colours = status_colours()
    assert len(set(colours.values())) == 4 == len(colours)
    for link in links:
        target = (html_file.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), link["href"]
        city_id = link["href"].rstrip("/").rsplit("/", 1)[1]
        city = CITIES[city_id]
        name_here = city["name"][lang]
        assert link["aria-label"].startswith(name_here)
        label = link.find("text")
        if label is not None:
            assert label.get_text() == name_here
        # The dot and the list's swatch are coloured as the city's status badge.
        assert link.circle["class"] == [f"cd-status--{city['status']}"]
        assert city["status"] in colours
        listed = figure.figcaption.find("a", href=link["href"])
        assert listed.get_text() == name_here
        swatch = listed.find_parent("li").select_one(".cd-map__swatch")
        assert swatch["class"] == ["cd-map__swatch", f"cd-status--{city['status']}"]
    labels = [t.get_text() for t in svg.find_all("text")]
    assert len(labels) >= len(CITIES) * 2 // 3
    assert ("اصفهان" if lang == "fa" else "Isfahan") in labels
    text = visible_text(figure)
    if lang == "fa":
        assert not LATIN_DIGIT.search(text), text
        assert PERSIAN_DIGIT.search(svg.desc.get_text())
        assert not re.search("[A-Za-z]", text), text


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("city_id", sorted(CITIES))
def test_every_city_page_has_its_locator_map(built_site: Path, lang: str, city_id: str) -> None:
    figure = page(built_site, lang, f"cities/{city_id}/index.html").select_one("figure.cd-map")
    svg = figure.find("svg")
    name = CITIES[city_id]["name"][lang]
    assert svg["role"] == "img" and name in svg.title.get_text()
    assert [t.get_text() for t in svg.find_all("text")] == [
        name, "اصفهان" if lang == "fa" else "Isfahan"
    ]  # fmt: skip
    assert svg.find("circle", class_=f"cd-status--{CITIES[city_id]['status']}")
    caption = figure.figcaption.get_text()
    if lang == "fa":
        assert not LATIN_DIGIT.search(visible_text(figure))
        caption = caption.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٬", "0123456789,"))
    else:
        assert " km" in caption
    (shown,) = re.findall(r"\d[\d,]*", caption)
    km = int(shown.replace(",", ""))
    assert km % 10 == 0
    assert km == pytest.approx(haversine(worldmap.ISFAHAN, where(city_id)), abs=55)  # to the 100 km


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two points by the haversine formula (worldmap uses another)."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(p[0]), math.radians(p[1])) for p in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize(
    "name", [*PAGES.values(), "cities/freiburg/index.html", "cities/havana/index.html"]
)
def test_a_pages_map_is_small_and_fetches_nothing(built_site: Path, lang: str, name: str) -> None:
    figure = page(built_site, lang, name).select_one("figure.cd-map")
    markup = str(figure)
    assert len(gzip.compress(markup.encode())) < 60_000
    assert re.findall(r"https?://[^\"'\s<>)]+", markup) == ["http://www.w3.org/2000/svg"]
    assert not re.search(r"\b(?:xlink:)?href=\"(?!\.\./|\./|cities/)", str(figure.find("svg")))


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_map_is_not_mirrored_on_persian_pages_and_fits_a_phone(
    built_site: Path, browser, viewport: str
) -> None:
    from .browser_support import opened, serve

    with serve(built_site) as base, opened(browser, base + "cities/", viewport) as (page, log):
        boxes = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('a.cd-map__city')].map(
                 a => [a.getAttribute('href'), a.querySelector('circle').getBoundingClientRect()]))"""
        )
        svg = page.locator("svg.cd-map__svg").bounding_box()
        labels = page.locator("svg.cd-map__svg .cd-map__label").first.is_visible()
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    # West stays on the left on a right-to-left page: Havana, Freiburg, Isfahan's east.
    assert boxes["../cities/havana/"]["x"] < boxes["../cities/freiburg/"]["x"]
    assert boxes["../cities/freiburg/"]["x"] < boxes["../cities/xian/"]["x"]
    assert not wide and svg["width"] <= (390 if viewport == "phone" else 1280)
    # On a phone the world's labels would be unreadably small: the list names the cities.
    assert labels == (viewport == "desktop")
    assert not [url for url in log["requests"] if not url.startswith(base)]
