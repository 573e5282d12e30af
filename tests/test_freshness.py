"""freshness.py: approved people whose details were checked too long ago are warned about."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.build import check_freshness
from generator.freshness import months_before

from .conftest import REPO, write

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 6, 15), 12, date(2025, 6, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
        (date(2026, 1, 10), 25, date(2023, 12, 10)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def person(root: Path, name: str, status: str, approved: str | None, verified: str | None) -> None:
    lines = [f"name: {{fa: الف, en: {name}}}", f"status: {status}"]
    if approved:
        lines.append(f'approved_on: "{approved}"')
    if verified:
        lines.append(f'verified_on: "{verified}"')
    write(root, f"diplomats/{name}.yml", "\n".join(lines) + "\n")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A data tree with only these people, and the shipped cities and pages."""
    from .conftest import copy_data

    root = copy_data(tmp_path / "repo")
    for path in (root / "diplomats").glob("*.yml"):
        path.unlink()
    person(root, "fresh", "approved", "2020-01-01", "2025-06-15")  # exactly 12 months: fine
    person(root, "old", "approved", "2020-01-01", "2025-06-14")
    person(root, "never", "approved", "2019-05-01", None)
    person(root, "recent", "approved", "2026-01-01", None)
    person(root, "paused", "suspended", "2019-01-01", "2019-01-01")  # not published
    person(root, "applying", "pending", None, None)
    return root


def test_only_approved_people_checked_before_the_cutoff_are_overdue(tree: Path) -> None:
    _, overdue, _ = check_freshness(tree, TODAY, 12)
    assert [(o.diplomat.id, o.field, o.last_checked.isoformat()) for o in overdue] == [
        ("never", "approved_on", "2019-05-01"),
        ("old", "verified_on", "2025-06-14"),
    ]


def test_the_age_is_configurable(tree: Path) -> None:
    _, overdue, _ = check_freshness(tree, TODAY, 6)
    assert [o.diplomat.id for o in overdue] == ["never", "old", "fresh"]
    _, overdue, _ = check_freshness(tree, TODAY, 120)
    assert overdue == []


def test_each_warning_points_at_the_date_that_is_too_old(tree: Path) -> None:
    _, _, warnings = check_freshness(tree, TODAY, 12)
    assert [str(w) for w in warnings] == [
        "diplomats/never.yml:3: approved_on: approved on 2019-05-01 and not verified since, more "
        "than 12 months ago: check the details with the person, then add verified_on with the day you did",
        "diplomats/old.yml:4: verified_on: last verified on 2025-06-14, more than 12 months ago: "
        "check the details with the person, then set verified_on to the day you did",
    ]
    assert {w.level for w in warnings} == {"warning"}


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "--lang", "en", *args],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip


@pytest.fixture
def tree_now(tree: Path) -> Path:
    """The same tree with dates counted back from the real today, for the command line."""
    today = date.today()
    for path in (tree / "diplomats").glob("*.yml"):
        path.unlink()
    person(tree, "never", "approved", months_before(today, 30).isoformat(), None)
    person(tree, "old", "approved", "2020-01-01", months_before(today, 13).isoformat())
    person(tree, "fresh", "approved", "2020-01-01", months_before(today, 11).isoformat())
    return tree


def test_warnings_do_not_change_the_exit_code_of_check(tree_now: Path) -> None:
    result = run(tree_now, "check")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == [
        f"warning: diplomats/never.yml:3: approved_on: approved on "
        f"{months_before(date.today(), 30)} and not verified since, more than 12 months ago: "
        "check the details with the person, then add verified_on with the day you did",
        f"warning: diplomats/old.yml:4: verified_on: last verified on "
        f"{months_before(date.today(), 13)}, more than 12 months ago: check the details with "
        "the person, then set verified_on to the day you did",
        "2 warning(s): they stop nothing, but each asks for a look.",
    ]
    quiet = run(tree_now, "check", "--max-age-months", "40")
    assert quiet.returncode == 0 and "warning" not in quiet.stdout


def test_stale_lists_who_needs_re_verification(tree_now: Path) -> None:
    result = run(tree_now, "stale", "--max-age-months", "40")
    assert result.returncode == 0
    assert result.stdout.startswith("Every approved person was verified on or after ")
    result = run(tree_now, "stale", "--max-age-months", "24")
    cutoff = months_before(date.today(), 24)
    assert result.stdout.splitlines() == [
        f"1 approved people were last checked before {cutoff}:",
        f"  {months_before(date.today(), 30)} (approved, never verified)  diplomats/never.yml  never · الف",
    ]


def test_a_nonsense_age_is_refused(tree: Path) -> None:
    result = run(tree, "stale", "--max-age-months", "twelve")
    assert result.returncode == 2
    assert "expected a whole number of months, found 'twelve'" in result.stderr
    assert "شمار ماه‌ها باید عددی درست باشد، اما «twelve» آمده است" in result.stderr
