"""Makefile: it refuses a Python too old for the pins, remakes a .venv that another Python made
(or that is broken), and keeps one whose pins are unchanged, whatever the files' dates.

Each test runs `make` on a copy of the Makefile in a folder of its own, with fake Pythons
(shell scripts) that answer as a given version would: the shared .venv is never touched.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from .conftest import REPO

MAKEFILE = REPO / "Makefile"


def minimum() -> str:
    return re.search(r"^PYTHON_MIN := (\S+)$", MAKEFILE.read_text(encoding="utf-8"), re.M)[1]


def pins() -> list[Requirement]:
    found = []
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                found.append(Requirement(line))
    return found


def test_the_minimum_python_is_the_one_the_pinned_packages_need() -> None:
    lowest = Version(minimum())
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={lowest}"' in pyproject
    needs = {}
    for pin in pins():
        dist = importlib.metadata.distribution(pin.name)
        assert pin.specifier.contains(dist.version), (pin, dist.version)  # metadata of the pin
        needs[pin.name] = SpecifierSet(dist.metadata.get("Requires-Python") or "")
    refusing = [name for name, spec in needs.items() if not spec.contains(lowest)]
    assert refusing == []
    # ...and no lower: one patch release earlier, some pin refuses to install.
    earlier = f"{lowest.major}.{lowest.minor}.{lowest.micro - 1}"
    assert {n for n, spec in needs.items() if not spec.contains(earlier)} >= {"pymdown-extensions"}
    assert not SpecifierSet(f">={lowest}").contains("3.11.2")  # Debian 12's own Python


def test_the_readme_and_both_staff_guides_name_the_minimum() -> None:
    for name in ("README.md", "docs/staff-guide.en.md"):
        assert f"Python {minimum()}" in (REPO / name).read_text(encoding="utf-8"), name
    assert f"پایتون {minimum()}" in (REPO / "docs/staff-guide.fa.md").read_text(encoding="utf-8")
    assert "Python 3.11+" not in (REPO / "README.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------------- running make


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the Makefile and requirements without a package in them."""
    (tmp_path / "Makefile").write_bytes(MAKEFILE.read_bytes())
    (tmp_path / "requirements.txt").write_text("# the build's pins\n", encoding="utf-8")
    (tmp_path / "requirements-dev.txt").write_text("-r requirements.txt\n", encoding="utf-8")
    for npm_file in ("package.json", "package-lock.json"):  # the map data and axe-core
        (tmp_path / npm_file).write_text("{}\n", encoding="utf-8")
    return tmp_path


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=project, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def fake_python(folder: Path, version: str, prefix: str = "/opt/python") -> Path:
    """A script answering the Makefile's question as a Python `version` in `prefix` would;
    `-m venv DIR` makes a .venv whose python answers the same and whose pip records its
    arguments in DIR/pip-calls."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / f"python{version}"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -m ] && [ "$2" = venv ]; then\n'
        f'  mkdir -p "$3/bin" && ln -s "{script}" "$3/bin/python"\n'
        '  printf \'#!/bin/sh\\necho "$*" >> "$(dirname "$0")/../pip-calls"\\n\' > "$3/bin/pip"\n'
        '  chmod +x "$3/bin/pip"; exit 0\n'
        "fi\n"
        f'echo "{version} {prefix}"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def pip_calls(project: Path) -> list[str]:
    calls = project / ".venv" / "pip-calls"
    return calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def refusal(python: str, found: str) -> str:
    return (
        f"پایتون 3.11.5 یا تازه‌تر لازم است، ولی «{python}» نسخهٔ {found} است: پایتون تازه‌تری "
        "نصب کنید و نامش را بدهید، مانند make PYTHON=python3.12 · "
        f"Python 3.11.5 or newer is needed, but '{python}' is {found}: install a newer Python "
        "and name it, as in make PYTHON=python3.12"
    )


@pytest.mark.parametrize("target", ["check", "site", "test", "serve"])
def test_debians_own_python_is_refused_in_one_line_before_anything_is_made(
    project: Path, target: str
) -> None:
    python = fake_python(project / "fake", "3.11.2", "/usr")
    result = make(project, target, f"PYTHON={python}")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == refusal(str(python), "3.11.2")
    assert "Traceback" not in result.stderr
    assert not (project / ".venv").exists()


def test_a_refused_python_leaves_a_working_venv_as_it_was(project: Path) -> None:
    good = fake_python(project / "good", "3.11.9")
    assert make(project, "venv", f"PYTHON={good}").returncode == 0
    (project / ".venv/marker").touch()
    old = fake_python(project / "old", "3.11.2", "/usr")
    assert make(project, "check", f"PYTHON={old}").returncode != 0
    assert (project / ".venv/marker").exists()


def test_a_missing_python_is_named(project: Path) -> None:
    result = make(project, "check", "PYTHON=/nowhere/python3")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "پایتون 3.11.5 یا تازه‌تر لازم است، ولی «/nowhere/python3» اجرا نشد: پایتون را نصب کنید "
        "یا نامش را بدهید، مانند make PYTHON=python3.12 · Python 3.11.5 or newer is needed, but "
        "'/nowhere/python3' did not run: install Python, or name it, as in make PYTHON=python3.12"
    )
    assert not (project / ".venv").exists()


@pytest.mark.parametrize(
    "version, accepted",
    [
        ("3.10.14", False),
        ("3.11.4", False),
        ("3.11.5", True),
        ("3.11.10", True),  # compared as numbers, not as text
        ("3.12.0", True),
        ("3.13.7", True),
    ],
)
def test_versions_are_compared_as_numbers(project: Path, version: str, accepted: bool) -> None:
    python = fake_python(project / "fake", version)
    result = make(project, "venv", f"PYTHON={python}")
    assert (result.returncode == 0) is accepted, result.stderr
    assert (project / ".venv/.build-deps").exists() is accepted


def test_a_venv_made_by_another_python_is_made_again(project: Path) -> None:
    old = fake_python(project / "old", "3.12.1", "/opt/python3.12")
    assert make(project, "venv", f"PYTHON={old}").returncode == 0
    (project / ".venv/marker").touch()
    new = fake_python(project / "new", "3.11.9", "/usr/local")
    result = make(project, "venv", f"PYTHON={new}")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "پوشهٔ .venv را پایتون دیگری ساخته بود یا خراب بود؛ دوباره با "
        f"«{new}» ساخته می‌شود · .venv was made by another Python, or is broken: "
        f"it is made again with '{new}'"
    ]
    assert not (project / ".venv/marker").exists()
    assert (project / ".venv/bin/python").resolve() == new
    assert pip_calls(project) == ["install --quiet --disable-pip-version-check -r requirements.txt"]


def test_a_venv_whose_python_no_longer_runs_is_made_again(project: Path) -> None:
    python = fake_python(project / "fake", "3.11.9")
    assert make(project, "dev-venv", f"PYTHON={python}").returncode == 0
    # The Python it was made from was removed or upgraded away: its link leads nowhere.
    link = project / ".venv/bin/python"
    link.unlink()
    link.symlink_to(project / "gone/python3")
    result = make(project, "dev-venv", f"PYTHON={python}")
    assert result.returncode == 0, result.stderr
    assert "is broken" in result.stderr
    assert link.resolve() == python
    assert len(pip_calls(project)) == 2  # both sets of pins installed again


def test_a_venv_with_the_same_pins_is_kept_whatever_the_dates(project: Path) -> None:
    """As in CI: a .venv restored from a cache is older than the fresh checkout's files."""
    python = fake_python(project / "fake", "3.11.9")
    assert make(project, "dev-venv", f"PYTHON={python}").returncode == 0
    assert len(pip_calls(project)) == 2
    for stamp in (project / ".venv").glob(".*-deps"):
        os.utime(stamp, (0, 0))
    result = make(project, "dev-venv", f"PYTHON={python}")
    assert result.returncode == 0 and result.stderr == "" and result.stdout == ""
    assert len(pip_calls(project)) == 2  # nothing installed again
    # A changed pin is installed, and only the set it is in.
    with (project / "requirements-dev.txt").open("a", encoding="utf-8") as f:
        f.write("# a new test tool\n")
    assert make(project, "dev-venv", f"PYTHON={python}").returncode == 0
    assert pip_calls(project)[2:] == [
        "install --quiet --disable-pip-version-check -r requirements-dev.txt"
    ]


def test_a_venv_with_only_the_build_pins_gets_the_test_tools(project: Path) -> None:
    """A .venv made by `make site` (or a cache of one) is completed by `make test`."""
    python = fake_python(project / "fake", "3.11.9")
    assert make(project, "venv", f"PYTHON={python}").returncode == 0
    assert not (project / ".venv/.dev-deps").exists()
    assert make(project, "dev-venv", f"PYTHON={python}").returncode == 0
    assert pip_calls(project)[-1].endswith("-r requirements-dev.txt")
    assert (project / ".venv/.dev-deps").read_text(encoding="utf-8") == (
        "# the build's pins\n-r requirements.txt\n"
    )


def test_a_real_venv_is_made_once_and_then_kept(project: Path) -> None:
    python = Path(sys.executable)
    first = make(project, "venv", f"PYTHON={python}")
    assert first.returncode == 0, first.stderr
    made = subprocess.run(
        [project / ".venv/bin/python", "-c", "import sys; print(sys.prefix != sys.base_prefix)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert made.stdout.strip() == "True"
    (project / ".venv/marker").touch()
    again = make(project, "venv", f"PYTHON={python}")
    assert again.returncode == 0 and again.stderr == ""
    assert (project / ".venv/marker").exists()


def test_the_preview_port_is_chosen_with_port(project: Path) -> None:
    assert "-m generator serve --port 8000" in make(project, "-n", "serve").stdout
    assert "-m generator serve --port 8001" in make(project, "-n", "serve", "PORT=8001").stdout
