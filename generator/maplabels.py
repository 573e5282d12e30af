"""Where the names go on a map: beside each dot where they overlap nothing else, farther off
with a leader line, or nowhere (the list beside the map names every place).

Sizes are in the map's own units; a name's width is estimated from its length, which is
close enough for Latin and Persian letters in the site's fonts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Label:
    """Where a place's name goes: its anchor point, text-anchor, and a leader line's end."""

    x: float
    y: float
    anchor: str  # start, middle or end (the SVG is always drawn left to right)
    leader: tuple[float, float] | None = None


@dataclass(frozen=True)
class Spot:
    """A place on a map: the point drawn and its label, when there is room for one."""

    x: float
    y: float
    label: Label | None


def place(
    points: Sequence[tuple[float, float, str]], frame: Box, size: float, dot: float
) -> list[Spot]:
    """Each point (x, y, label text) with a label inside `frame` where it overlaps no other
    label or dot; the first points get the first choice. Without room, no label: the list
    beside the map names every place. `size` is the letters' height, `dot` a dot's radius."""
    taken = [_box(x, y, dot * 2.5, dot * 2.5) for x, y, _ in points]
    spots = []
    for x, y, text in points:
        width, label = len(text) * size * 0.55, None  # a letter's average width, about
        for label_ in _candidates(x, y, dot, size):
            box = _label_box(label_, width, size)
            if _inside(box, frame) and not any(_overlap(box, t) for t in taken):
                label = label_
                taken.append(box)
                break
        spots.append(Spot(x, y, label))
    return spots


def _candidates(x: float, y: float, dot: float, size: float) -> Iterable[Label]:
    """Label positions by preference: beside the dot, then farther off with a leader line."""
    for reach in (dot * 1.6, size * 2.2, size * 3.6):
        far = reach > dot * 2
        for dx, dy, anchor in ((1, 0, "start"), (-1, 0, "end"), (0, -1, "middle"),
                               (0, 1, "middle"), (1, -1, "start"), (-1, -1, "end"),
                               (1, 1, "start"), (-1, 1, "end")):  # fmt: skip
            lx, ly = x + dx * reach, y + dy * reach
            leader = (lx, ly) if far else None
            baseline = ly + size * (0.35 if dy == 0 else 0.8 if dy > 0 else -0.1)
            yield Label(round(lx, 1), round(baseline, 1), anchor, leader)


def _label_box(label: Label, width: float, size: float) -> Box:
    left = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}
    top = label.y - size * 0.8
    return left[label.anchor], top, left[label.anchor] + width, top + size


def _box(x: float, y: float, w: float, h: float) -> Box:
    return x - w / 2, y - h / 2, x + w / 2, y + h / 2


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(a: Box, frame: Box) -> bool:
    return a[0] >= frame[0] and a[1] >= frame[1] and a[2] <= frame[2] and a[3] <= frame[3]
