"""The sister cities on a map, drawn at build time as SVG: nothing is fetched by the browser.

The land is Natural Earth's (1:110 million), shipped as TopoJSON by the npm package
world-atlas (package.json); it is decoded and projected here, with the Equal Earth
projection, once per process. The templates (`_map.j2`) draw what these functions measure:
the world with every city, or a locator around Isfahan and one city; maplabels.py places
the names.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import DataError, DataErrors
from .maplabels import Spot, place
from .messages import define, say

# From the generator's own repository, never from the data root: tests build copies of the
# data elsewhere, and the map data is a dependency of the code, like the Python packages.
LAND_FILE = Path(__file__).resolve().parents[1] / "node_modules" / "world-atlas" / "land-110m.json"

ISFAHAN = (32.6546, 51.6680)  # latitude, longitude of Naqsh-e Jahan Square
WORLD_WIDTH = 2000  # drawn units from longitude -180 to 180 at the equator
SOUTH_LIMIT = -60.0  # Antarctica is left out: no sister city is near it
STATUSES = ("active", "dormant", "suspended", "proposed")

define(
    "map_data_missing",
    "the world map's data {path} is missing: run `make site`, which installs it from npm "
    "(package.json)",
    "دادهٔ نقشهٔ جهان، {path}، نیست: `make site` را اجرا کنید تا آن را از npm نصب کند (package.json)",
)

# Equal Earth (Šavrič, Patterson and Jenny, 2018).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_X_MAX = 2 * math.sqrt(3) * math.pi / (3 * _A1)  # x of longitude 180 on the equator
_SCALE = WORLD_WIDTH / (2 * _X_MAX)


def equal_earth(lat: float, lon: float) -> tuple[float, float]:
    """The Equal Earth projection of a point in degrees, unit sphere, y pointing north."""
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2 * math.sqrt(3) * math.radians(lon) * math.cos(theta)
        / (3 * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    )  # fmt: skip
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def project(lat: float, lon: float) -> tuple[float, float]:
    """Where a point is drawn: SVG units, (0, 0) at latitude 0 and longitude 0, y down."""
    x, y = equal_earth(lat, lon)
    return x * _SCALE, -y * _SCALE


def decode(topology: dict) -> list[list[list[tuple[float, float]]]]:
    """The polygons of a TopoJSON topology's first object: rings of (longitude, latitude).

    Arcs are quantized and delta-encoded; a ring lists arc indices, ~i for arc i reversed,
    and consecutive arcs share their joining point.
    """
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    polygons = []
    for geometry in next(iter(topology["objects"].values()))["geometries"]:
        shapes = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        polygons += [[ring(r) for r in shape] for shape in shapes]
    return polygons


@cache
def land() -> list[list[list[tuple[float, float]]]]:
    """Natural Earth's land polygons without Antarctica; a bilingual error when missing."""
    try:
        topology = json.loads(LAND_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        shown = LAND_FILE.relative_to(LAND_FILE.parents[2]).as_posix()
        raise DataErrors([DataError(shown, 0, "", say("map_data_missing", path=shown))]) from None
    return [
        polygon for polygon in decode(topology) if max(lat for _, lat in polygon[0]) > SOUTH_LIMIT
    ]


@cache
def _drawn_rings() -> list[list[tuple[float, float]]]:
    rings = (ring for polygon in land() for ring in polygon)
    return [[project(lat, lon) for lon, lat in piece] for ring in rings for piece in _at_180(ring)]


def _at_180(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses longitude 180 (Russia's, Fiji's) as its pieces either side of it:
    drawn as it is, it would cross the whole map."""
    unwrapped, shift = [ring[0]], 0.0
    for (lon0, _), (lon, lat) in zip(ring, ring[1:], strict=False):
        if abs(lon - lon0) > 180:
            shift -= 360 * (1 if lon > lon0 else -1)
        unwrapped.append((lon + shift, lat))
    if all(-180 <= lon <= 180 for lon, _ in unwrapped):
        return [ring]
    pieces = [[(lon + turn, lat) for lon, lat in unwrapped] for turn in (-360, 0, 360)]
    cut = [_clip(piece, (-180, -90, 180, 90)) for piece in pieces]
    return [piece for piece in cut if len(piece) > 2]


@cache
def land_path(window: tuple[float, float, float, float] | None = None) -> str:
    """The land as one SVG path: whole units, relative moves, repeated points dropped.
    With a window (left, top, right, bottom), only what lies in it: a page carries no
    coastline that its map does not show."""
    parts = []
    for ring, (left, top, right, bottom) in zip(_drawn_rings(), _ring_boxes(), strict=True):
        if window is not None:
            if left > window[2] or right < window[0] or top > window[3] or bottom < window[1]:
                continue
            ring = _clip(ring, window)
        if len(ring) > 2:
            parts.append(_relative_path(ring) + "z")
    return "".join(parts)


@cache
def _ring_boxes() -> list[tuple[float, float, float, float]]:
    return [
        (min(x for x, _ in r), min(y for _, y in r), max(x for x, _ in r), max(y for _, y in r))
        for r in _drawn_rings()
    ]


def _clip(ring: list[tuple[float, float]], window: tuple) -> list[tuple[float, float]]:
    """The part of a ring inside a rectangle (Sutherland-Hodgman), cut along its edges."""
    left, top, right, bottom = window
    for axis, limit, sign in ((0, left, 1), (1, top, 1), (0, right, -1), (1, bottom, -1)):
        values = [p[axis] for p in ring]
        if (min(values) if sign > 0 else -max(values)) >= limit * sign:
            continue  # the whole ring is on the inner side of this edge
        out = []
        for before, here in zip(ring[-1:] + ring[:-1], ring, strict=True):
            was_in, is_in = (before[axis] - limit) * sign >= 0, (here[axis] - limit) * sign >= 0
            if was_in != is_in:
                f = (limit - before[axis]) / (here[axis] - before[axis])
                out.append(tuple(b + f * (h - b) for b, h in zip(before, here, strict=True)))
            if is_in:
                out.append(here)
        ring = out
        if not ring:
            break
    return ring


@cache
def land_bounds() -> tuple[float, float, float, float]:
    """The drawn land's box: left, top, right, bottom."""
    points = [point for ring in _drawn_rings() for point in ring]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _relative_path(points: Iterable[tuple[float, float]]) -> str:
    out, last = [], None
    for x, y in points:
        here = (round(x), round(y))
        if last is None:
            out.append(f"M{_pair(*here)}l")
        elif here != last:
            out.append(_pair(here[0] - last[0], here[1] - last[1], joined=len(out) > 1))
        last = here
    return "".join(out)


def _pair(x: int, y: int, joined: bool = False) -> str:
    """ "3 -4" as SVG writes it shortest: "3-4"; a space before unless a minus separates."""
    text = f"{x}{'' if y < 0 else ' '}{y}"
    return (" " if joined and x >= 0 else "") + text


def great_circle(a: tuple[float, float], b: tuple[float, float], steps: int = 0) -> list:
    """Points (latitude, longitude) along the shortest way on the globe from a to b: `steps`
    pieces, or without it one per 4 degrees of arc (from 4 to 32), straight enough to see."""
    p, q = _vector(*a), _vector(*b)
    angle = math.acos(max(-1.0, min(1.0, sum(i * j for i, j in zip(p, q, strict=True)))))
    if angle < 1e-9:
        return [a, b]
    steps = steps or max(4, min(32, round(math.degrees(angle) / 4)))
    out = []
    for k in range(steps + 1):
        f = k / steps
        s1, s2 = math.sin((1 - f) * angle), math.sin(f * angle)
        v = [(s1 * i + s2 * j) / math.sin(angle) for i, j in zip(p, q, strict=True)]
        out.append((math.degrees(math.asin(v[2])), math.degrees(math.atan2(v[1], v[0]))))
    return out


def _vector(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points (latitude, longitude), in kilometres."""
    p, q = _vector(*a), _vector(*b)
    dot = max(-1.0, min(1.0, sum(i * j for i, j in zip(p, q, strict=True))))
    return 6371.0 * math.acos(dot)


def line_path(a: tuple[float, float], b: tuple[float, float]) -> str:
    """The great circle from a to b as an SVG path, broken where it crosses longitude 180."""
    out, previous = [], None
    for lat, lon in great_circle(a, b):
        x, y = project(lat, lon)
        jump = previous is None or abs(lon - previous) > 180
        out.append(f"{'M' if jump else 'L'}{x:.0f} {y:.0f}")
        previous = lon
    return "".join(out)


@dataclass(frozen=True)
class View:
    """A map's window: its viewBox and the sizes of dots and letters in its units."""

    left: float
    top: float
    width: float
    height: float
    letters: float = 60  # letter heights across the map's width
    dots: float = 170  # dot radii across the map's width

    @property
    def box(self) -> str:
        return f"{self.left:.0f} {self.top:.0f} {self.width:.0f} {self.height:.0f}"

    def outside(self) -> tuple[float, float, float, float]:
        """The window a little beyond the view, so that land cut at it ends out of sight."""
        edge = self.width / 50
        right, bottom = self.left + self.width, self.top + self.height
        return (
            round(self.left - edge),
            round(self.top - edge),
            round(right + edge),
            round(bottom + edge),
        )

    @property
    def font(self) -> float:
        return round(self.width / self.letters, 1)

    @property
    def dot(self) -> float:
        return round(self.width / self.dots, 1)


def world_view(points: Sequence[tuple[float, float]] = ()) -> View:
    """The part of the world that holds `points` (latitude, longitude), with room around
    them for labels, and never beyond the land's box; without points, all the land."""
    left, top, right, bottom = land_bounds()
    if points:
        drawn = [project(lat, lon) for lat, lon in points]
        xs, ys = [p[0] for p in drawn], [p[1] for p in drawn]
        x_room, y_room = WORLD_WIDTH * 0.07, WORLD_WIDTH * 0.05
        left, right = max(left, min(xs) - x_room), min(right, max(xs) + x_room)
        top, bottom = max(top, min(ys) - y_room), min(bottom, max(ys) + y_room)
    edge = WORLD_WIDTH / 200
    return View(left - edge, top - edge, right - left + 2 * edge, bottom - top + 2 * edge)


def region_view(points: Sequence[tuple[float, float]], least: float = WORLD_WIDTH / 4) -> View:
    """A window around `points` (latitude, longitude), at least `least` units wide, in the
    proportions 16:10, so that a locator map shows where the two places are."""
    drawn = [project(lat, lon) for lat, lon in points]
    xs, ys = [p[0] for p in drawn], [p[1] for p in drawn]
    width = max(least, (max(xs) - min(xs)) * 1.5, (max(ys) - min(ys)) * 1.5 * 1.6)
    height = width / 1.6
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return View(cx - width / 2, cy - height / 2, width, height, letters=32, dots=90)


@dataclass(frozen=True)
class Drawing:
    """What a map template draws: its window, the land, Isfahan, and each city with its
    spot and the line from Isfahan to it."""

    view: View
    land: str
    home: Spot
    cities: list[tuple[object, Spot, str]]
    km: int = 0  # a locator's distance from Isfahan, rounded


def _where(city: object) -> tuple[float, float]:
    lat, lon = city.coordinates  # type: ignore[attr-defined]
    return lat, lon


def world(cities: Sequence, name: object, home_name: str) -> Drawing:
    """The world with Isfahan and every city in `cities`; `name(city.name)` is its label.
    Active partnerships get the first choice of label places, proposed ones the last."""
    ordered = sorted(cities, key=lambda city: STATUSES.index(city.status))
    view = world_view([ISFAHAN, *(_where(city) for city in cities)])
    return _drawing(view, ordered, name, home_name)


def locator(city: object, name: object, home_name: str) -> Drawing:
    """The region around Isfahan and one city, with the line between them."""
    view = region_view([ISFAHAN, _where(city)])
    drawing = _drawing(view, [city], name, home_name)
    km = distance_km(ISFAHAN, _where(city))
    rounded = int(round(km, -2 if km >= 1000 else -1))
    return Drawing(drawing.view, drawing.land, drawing.home, drawing.cities, rounded)


def _drawing(view: View, cities: Sequence, name: object, home_name: str) -> Drawing:
    points = [(*ISFAHAN, home_name)] + [(*_where(city), name(city.name)) for city in cities]
    drawn = [(*project(lat, lon), text) for lat, lon, text in points]
    frame = (view.left, view.top, view.left + view.width, view.top + view.height)
    home, *spots = place(drawn, frame, view.font, view.dot)
    lines = [line_path(ISFAHAN, _where(city)) for city in cities]
    return Drawing(
        view, land_path(view.outside()), home, list(zip(cities, spots, lines, strict=True))
    )
