"""What a change to the data does: `python -m generator diff <base-ref>`.

Both sides go through the same `load → validate` as a build, so the comparison is of
validated records, not of text: reformatting a file changes nothing, and a phone number
written differently but normalised to the same value is no change. The base side is
taken from git (`git archive`) into a temporary folder; the other side is the working
tree, or another ref.

Besides people and cities, the summary covers what else reaches the public pages: the
pictures in `diplomats/photos/` (compared by content), the activity areas, the content
pages and the site's settings. A record whose file was renamed (its id changed) is paired
with its old self, from git's rename detection or from an unchanged name: its public
address changes, which breaks links and shared QR codes.
"""

from __future__ import annotations

import difflib
import filecmp
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .errors import DataError, DataErrors
from .load import load_sources
from .messages import Message, define, quoted, say
from .models import Directory, publishable
from .schema import Contact, Diplomat, SisterCity, Text
from .validate import validate

DATA_FOLDERS = ("diplomats", "cities", "content")

Record = Diplomat | SisterCity


class GitError(Exception):
    """git could not give the data at a ref; the message (`args[0]`) says why, in both languages."""


define(
    "diff_unsafe_file",
    "at {ref}, {path} is a link or file that would land outside the data folders: the "
    "summary cannot be made (the check refuses such links)",
    "در {ref}، {path} پیوند یا پرونده‌ای است که بیرون از پوشه‌های داده می‌افتد: خلاصه ساخته "
    "نمی‌شود (بررسی خودکار چنین پیوندهایی را نمی‌پذیرد)",
)
define(
    "diff_not_a_commit",
    "{ref} is not a branch, tag or commit of this repository (for example origin/main)",
    "{ref} شاخه، برچسب یا commit این مخزن نیست (برای نمونه origin/main)",
)
define("diff_git_failed", "git {command}: {detail}", "git {command} انجام نشد: {detail}")
define("diff_no_git", "cannot run git: {reason}", "git اجرا نشد: {reason}")


@dataclass(frozen=True)
class ValueChange:
    """One value that differs: `path` is like `occupation.en`, `cities` or `history[2].date`.

    `old` and `new` are JSON values; None means not set on that side.
    """

    path: str
    old: object
    new: object


@dataclass(frozen=True)
class ChannelChange:
    """A contact channel added, removed, changed in value or made private.

    Only what the `newly_public` and `no_longer_public` lines of a Change do not already say.
    """

    type: str
    old: Contact | None
    new: Contact | None

    @property
    def private(self) -> bool:
        """The channel is private on one side at least: its value must never be shown."""
        return any(c is not None and not c.public for c in (self.old, self.new))


@dataclass(frozen=True)
class Change:
    """One diplomat or city that differs between the two sides."""

    kind: str  # "diplomat" or "city"
    id: str
    before: Record | None  # None: added
    after: Record | None  # None: removed
    fields: tuple[str, ...] = ()  # fields whose value changed, status aside
    newly_public: tuple[Contact, ...] = ()  # channels going public: consent must be on record
    no_longer_public: tuple[Contact, ...] = ()  # channels taken off a published page
    renamed_from: str | None = None  # the old id, when the file was renamed
    values: tuple[ValueChange, ...] = ()  # the changed values, contacts aside
    channels: tuple[ChannelChange, ...] = ()  # contact changes the two lists above leave out
    photo: str | None = None  # "new": another picture (or a first one); "removed"
    photo_public: bool = False  # the new picture, or the person's photo, goes on the site

    @property
    def event(self) -> str:
        """added, removed, status (the status changed) or changed (other fields only)."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "status" if self.before.status != self.after.status else "changed"

    @property
    def address_changes(self) -> bool:
        """Renamed while its page is public on both sides: the old address stops working."""
        if self.renamed_from is None:
            return False
        if self.kind == "city":  # every city has a page
            return True
        return publishable(self.before) and publishable(self.after)


@dataclass(frozen=True)
class AreaChange:
    """An activity area of `content/fields.yml` added, removed, relabelled or re-identified."""

    id: str
    before: Text | None  # None: added
    after: Text | None  # None: removed
    renamed_from: str | None = None  # the old id, when the id changed (its label did not)
    carriers: int = 0  # approved people with the area: before a removal, after otherwise

    @property
    def event(self) -> str:
        """added, removed or changed (a label, the id, or both)."""
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


@dataclass(frozen=True)
class PageChange:
    """A content page (`content/<name>.<lang>.md`) added, removed or edited."""

    name: str
    lang: str
    event: str  # added, removed or edited
    lines: int = 0  # lines changed, for an edit


@dataclass(frozen=True)
class PhotoChange:
    """A file in `diplomats/photos/` that nobody's record names, added, removed or replaced."""

    file: str
    event: str  # added, removed or replaced


@dataclass(frozen=True)
class Changes:
    """Every change between two sides: diplomats, cities, then what surrounds them."""

    diplomats: tuple[Change, ...]
    cities: tuple[Change, ...]
    areas: tuple[AreaChange, ...] = ()
    pages: tuple[PageChange, ...] = ()
    site: tuple[ValueChange, ...] = ()  # content/site.yml
    photos: tuple[PhotoChange, ...] = ()  # photo files that no record names

    @property
    def empty(self) -> bool:
        """Nothing that reaches the site changed."""
        return not any(
            (self.diplomats, self.cities, self.areas, self.pages, self.site, self.photos)
        )


def compare(
    before: Directory, after: Directory, renamed: Mapping[str, str] | None = None
) -> Changes:
    """What changed from `before` to `after`, in a stable order.

    `renamed` maps old file paths to new ones (`diplomats/a.yml` → `diplomats/b.yml`), as
    git's rename detection found them; an added and a removed record with the same name
    are paired as a rename too.
    """
    renamed = renamed or {}
    same_picture = _picture_comparer(before.photos, after.photos)
    old_d = {d.id: d for d in before.diplomats}
    new_d = {d.id: d for d in after.diplomats}
    return Changes(
        diplomats=_changes("diplomat", old_d, new_d, _hints(renamed, "diplomats"), same_picture),
        cities=_changes(
            "city", dict(before.cities), dict(after.cities), _hints(renamed, "cities"), None
        ),
        areas=_areas(before, after),
        pages=_pages(before.pages, after.pages),
        site=_values(before.site, after.site) if before.site and after.site else (),
        photos=_orphan_photos(before, after, same_picture),
    )


_ORDER = {"added": 0, "status": 1, "changed": 2, "removed": 3}
SameId = Callable[[str | None, str | None], bool]


def _changes(
    kind: str,
    old: dict[str, Record],
    new: dict[str, Record],
    hints: set[tuple[str, str]],
    same_picture: SameId | None,
) -> tuple[Change, ...]:
    gone = {id_: r for id_, r in old.items() if id_ not in new}
    came = {id_: r for id_, r in new.items() if id_ not in old}
    moved = _pair(gone, came, hints, lambda a, b: _overlap(a.name, b.name))
    pairs = [(id_, id_) for id_ in old.keys() & new.keys()] + list(moved.items())
    pairs += [(id_, None) for id_ in gone if id_ not in moved]
    pairs += [(None, id_) for id_ in came if id_ not in moved.values()]
    found = []
    for old_id, new_id in pairs:
        before, after = old.get(old_id or ""), new.get(new_id or "")
        change = _change(kind, old_id, new_id, before, after, same_picture)
        if change is not None:
            found.append(change)
    return tuple(sorted(found, key=lambda c: (_ORDER[c.event], c.id)))


def _change(
    kind: str,
    old_id: str | None,
    new_id: str | None,
    before: Record | None,
    after: Record | None,
    same_picture: SameId | None,
) -> Change | None:
    photo, photo_public = _photo(before, after, same_picture) if same_picture else (None, False)
    if before == after and old_id == new_id and photo is None:
        return None
    both = before is not None and after is not None
    shown, hidden = _public_channels(before, after) if kind == "diplomat" else ((), ())
    return Change(
        kind,
        new_id or old_id or "",
        before,
        after,
        fields=_changed_fields(before, after) if both else (),
        newly_public=shown,
        no_longer_public=hidden,
        renamed_from=old_id if both and old_id != new_id else None,
        values=_values(before, after, skip=("status", "contacts")) if both else (),
        channels=_channels(before, after, shown, hidden) if both and kind == "diplomat" else (),
        photo=photo,
        photo_public=photo_public,
    )


def _changed_fields(before: BaseModel, after: BaseModel) -> tuple[str, ...]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return tuple(name for name in new if name != "status" and old.get(name) != new[name])


# ---------------------------------------------------------------------------- renames


def _hints(renamed: Mapping[str, str], folder: str) -> set[tuple[str, str]]:
    """The (old id, new id) pairs of git's renames inside `folder`."""
    pairs = set()
    for old, new in renamed.items():
        old_path, new_path = Path(old), Path(new)
        if old_path.parent == new_path.parent == Path(folder) and old_path.suffix == ".yml":
            pairs.add((old_path.stem, new_path.stem))
    return pairs


def _pair(
    gone: Mapping[str, object],
    came: Mapping[str, object],
    hints: set[tuple[str, str]],
    same: Callable[[object, object], bool],
) -> dict[str, str]:
    """Old id → new id for the removed records that reappear under another id.

    git's renames first; then a removed and an added record that `same` says are one,
    when neither side has another candidate (two people of one name are never guessed).
    """
    moved = {old: new for old, new in hints if old in gone and new in came}
    left_old = [id_ for id_ in gone if id_ not in moved]
    left_new = [id_ for id_ in came if id_ not in moved.values()]
    for old in left_old:
        matches = [new for new in left_new if same(gone[old], came[new])]
        if len(matches) == 1:
            rivals = [other for other in left_old if same(gone[other], came[matches[0]])]
            if rivals == [old]:
                moved[old] = matches[0]
    return moved


def _overlap(a: BaseModel, b: BaseModel) -> bool:
    """The Persian or the English text of two names (or labels) is the same."""
    return a.fa == b.fa or a.en == b.en  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- values


def _values(
    before: BaseModel, after: BaseModel, skip: tuple[str, ...] = ()
) -> tuple[ValueChange, ...]:
    """Every value that differs, as a flat path; a part removed whole is one change."""
    old_dump, new_dump = before.model_dump(mode="json"), after.model_dump(mode="json")
    found = []
    for name in new_dump.keys() | old_dump.keys():
        if name in skip or old_dump.get(name) == new_dump.get(name):
            continue
        if old_dump.get(name) and not new_dump.get(name):
            found.append(ValueChange(name, old_dump[name], None))
            continue
        old, new = _leaves(old_dump.get(name), name), _leaves(new_dump.get(name), name)
        for path in dict.fromkeys([*old, *new]):  # the order of the fields, old ones first
            if old.get(path) != new.get(path):
                found.append(ValueChange(path, old.get(path), new.get(path)))
    order = list(dict.fromkeys([*new_dump, *old_dump]))
    return tuple(sorted(found, key=lambda v: order.index(_top(v.path))))


def _top(path: str) -> str:
    return path.split(".")[0].split("[")[0]


def _leaves(value: object, path: str) -> dict[str, object]:
    """`{'alt': {'en': 'x'}}` at `photo` → `{'photo.alt.en': 'x'}`; empty values are left out.

    A list of parts (a city's history) is taken entry by entry; a list of plain values
    (cities, languages, coordinates) stays whole.
    """
    if value is None or value == [] or value == {}:
        return {}
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            out.update(_leaves(item, f"{path}.{key}"))
        return out
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        out = {}
        for index, item in enumerate(value):
            out.update(_leaves(item, f"{path}[{index}]"))
        return out
    return {path: value}


# ---------------------------------------------------------------------------- contacts


def _public_channels(
    before: Diplomat | None, after: Diplomat | None
) -> tuple[tuple[Contact, ...], tuple[Contact, ...]]:
    """Channels going public (or going live with an approval), and those taken off."""
    was = set(before.public_contacts) if before else set()
    now = list(after.public_contacts) if after else []
    goes_live = after is not None and publishable(after) and not (before and publishable(before))
    shown = tuple(c for c in now if goes_live or c not in was)
    stays_live = bool(before and after and publishable(before) and publishable(after))
    hidden = tuple(c for c in before.public_contacts if c not in now) if stays_live else ()
    return shown, hidden


def _channels(
    before: Diplomat,
    after: Diplomat,
    shown: Iterable[Contact],
    hidden: Iterable[Contact],
) -> tuple[ChannelChange, ...]:
    """The other contact changes: each type's leftover channels paired in their order."""
    old = [c for c in before.contacts if c not in after.contacts]
    new = [c for c in after.contacts if c not in before.contacts]
    found = []
    for kind in dict.fromkeys(c.type for c in [*old, *new]):
        olds = [c for c in old if c.type == kind]
        news = [c for c in new if c.type == kind]
        for index in range(max(len(olds), len(news))):
            was = olds[index] if index < len(olds) else None
            now = news[index] if index < len(news) else None
            if _already_said(was, now, shown, hidden):
                continue
            found.append(ChannelChange(kind, was, now))
    return tuple(found)


def _already_said(
    was: Contact | None, now: Contact | None, shown: Iterable[Contact], hidden: Iterable[Contact]
) -> bool:
    """Going public, or off a published page, with the same value: said on a line of its own."""
    same_value = was is not None and now is not None and was.value == now.value
    if was is None or same_value and now.public:
        return now in shown
    if now is None or same_value:
        return was in hidden
    return False


# ---------------------------------------------------------------------------- photos


def _picture_comparer(old: Mapping[str, str], new: Mapping[str, str]) -> SameId:
    """A test: is photo file `a` before the same picture as photo file `b` after?"""

    def same(a: str | None, b: str | None) -> bool:
        if a is None or b is None or a not in old or b not in new:
            return a is None and b is None
        return filecmp.cmp(old[a], new[b], shallow=False)

    return same


def _photo(
    before: Record | None, after: Record | None, same_picture: SameId
) -> tuple[str | None, bool]:
    """What happens to the person's picture, and whether a picture goes on the site."""
    old = before.photo.file if isinstance(before, Diplomat) and before.photo else None
    new = after.photo.file if isinstance(after, Diplomat) and after.photo else None
    event = None
    if new and not same_picture(old, new):
        event = "new"
    elif old and not new:
        event = "removed"
    live = isinstance(after, Diplomat) and publishable(after)
    was_live = isinstance(before, Diplomat) and publishable(before)
    return event, bool(new and live and (event == "new" or not was_live))


def _orphan_photos(before: Directory, after: Directory, same_picture: SameId) -> tuple:
    """Photo files added, removed or replaced that no record names, before or after."""
    named = {d.photo.file for d in (*before.diplomats, *after.diplomats) if d.photo}
    found = []
    for name in sorted((before.photos.keys() | after.photos.keys()) - named):
        if name not in before.photos:
            found.append(PhotoChange(name, "added"))
        elif name not in after.photos:
            found.append(PhotoChange(name, "removed"))
        elif not same_picture(name, name):
            found.append(PhotoChange(name, "replaced"))
    return tuple(found)


# ---------------------------------------------------------------------------- areas, pages


def _areas(before: Directory, after: Directory) -> tuple[AreaChange, ...]:
    old, new = dict(before.fields), dict(after.fields)
    gone = {id_: t for id_, t in old.items() if id_ not in new}
    came = {id_: t for id_, t in new.items() if id_ not in old}
    moved = _pair(gone, came, set(), _overlap)

    def carriers(directory: Directory, area: str) -> int:
        return sum(publishable(d) for d in directory.diplomats_of_field(area))

    found = [
        AreaChange(id_, old[id_], new[id_], carriers=carriers(after, id_))
        for id_ in old.keys() & new.keys()
        if old[id_] != new[id_]
    ]
    found += [
        AreaChange(new_id, old[old_id], new[new_id], old_id, carriers(after, new_id))
        for old_id, new_id in moved.items()
    ]
    found += [AreaChange(id_, t, None, carriers=carriers(before, id_))
              for id_, t in gone.items() if id_ not in moved]  # fmt: skip
    found += [AreaChange(id_, None, t) for id_, t in came.items() if id_ not in moved.values()]
    order = {"added": 0, "changed": 1, "removed": 2}
    return tuple(sorted(found, key=lambda a: (order[a.event], a.id)))


def _pages(old: Mapping[tuple[str, str], str], new: Mapping[tuple[str, str], str]) -> tuple:
    """The content pages added, removed or edited, with the number of lines changed."""
    found = []
    for name, lang in sorted(old.keys() | new.keys()):
        was, now = old.get((name, lang)), new.get((name, lang))
        if was == now:
            continue
        if was is None or now is None:
            found.append(PageChange(name, lang, "added" if was is None else "removed"))
            continue
        steps = difflib.SequenceMatcher(None, was.splitlines(), now.splitlines()).get_opcodes()
        lines = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in steps if tag != "equal")
        found.append(PageChange(name, lang, "edited", lines))
    return tuple(found)


# ---------------------------------------------------------------------------- git


def compare_refs(root: Path, base: str, head: str | None = None) -> Changes:
    """Changes from the data at git ref `base` to `head` (default: the working tree)."""
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as tmp:
        before = _directory_at(root, base, Path(tmp) / "base")
        if head is None:
            after = validate(load_sources(root))
        else:
            after = _directory_at(root, head, Path(tmp) / "head")
        # inside the `with`: the photos of both sides are compared by their bytes
        return compare(before, after, renamed_files(root, base, head))


def renamed_files(root: Path, base: str, head: str | None = None) -> dict[str, str]:
    """git's renames of data files from `base` to `head` (or the working tree), old → new.

    Paths are relative to `root`. A file renamed with `git mv` is found before it is
    committed; a new file that git does not track yet is not (a same name pairs it then).
    """
    out = _git(
        root, "diff", "--find-renames", "--name-status", "-z", "--relative", "--no-color",
        base, *([head] if head else []), "--", "diplomats", "cities",
    )  # fmt: skip
    parts = out.split("\0")
    renamed, index = {}, 0
    while index < len(parts) and parts[index]:
        status = parts[index]
        if status.startswith(("R", "C")):
            if status.startswith("R"):
                renamed[parts[index + 1]] = parts[index + 2]
            index += 3
        else:
            index += 2
    return renamed


def _directory_at(root: Path, ref: str, into: Path) -> Directory:
    data_tree_at(root, ref, into)
    try:
        return validate(load_sources(into))
    except DataErrors as exc:  # name the ref, so that nobody looks for it in the working tree
        raise DataErrors(
            [DataError(f"{ref}:{e.path}", e.line, e.field, e.message) for e in exc.errors]
        ) from None


def data_tree_at(root: Path, ref: str, into: Path) -> None:
    """Write the data folders (diplomats, cities, content) as they are at `ref` into `into`."""
    unknown = say("diff_not_a_commit", ref=quoted(ref))
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", missing=unknown)
    commit = commit.strip()
    # `root` may be a subfolder of the repository: git then reads paths relative to it,
    # so the tree is named `<commit>:<prefix>` and read from the top of the repository.
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    tree = f"{commit}:{_git(root, 'rev-parse', '--show-prefix').strip()}"
    listed = _git(top, "ls-tree", "--name-only", tree).split()
    present = [name for name in DATA_FOLDERS if name in listed]
    into.mkdir(parents=True, exist_ok=True)
    if not present:
        return
    archive = subprocess.run(
        ["git", "-C", str(top), "archive", "--format=tar", tree, *present],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode != 0:
        detail = archive.stderr.decode(errors="replace").strip()
        raise GitError(say("diff_git_failed", command=f"archive {ref}", detail=detail))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(into, filter="data")
    except tarfile.FilterError as exc:  # e.g. a link at `ref` that points out of the tree
        raise GitError(say("diff_unsafe_file", ref=quoted(ref), path=exc.tarinfo.name)) from None


def _git(root: Path, *args: str, missing: Message | None = None) -> str:
    """git's output; `missing` is the error when git fails without a word (rev-parse --quiet)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise GitError(say("diff_no_git", reason=str(exc))) from None
    if result.returncode != 0:
        detail = result.stderr.strip()
        if not detail and missing is not None:
            raise GitError(missing)
        raise GitError(say("diff_git_failed", command=args[0], detail=detail))
    return result.stdout
