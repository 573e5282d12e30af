"""The GitHub Actions workflows: actionlint passes, actions are pinned, the jobs do their part."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent  # actionlint and shellcheck come with requirements-dev.txt


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    tool = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert tool, "actionlint is missing: install requirements-dev.txt"
    return subprocess.run(
        [tool, "-no-color", *map(str, files)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},  # so that it finds shellcheck for run: scripts
    )  # fmt: skip


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict, job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow, job))


def uses(workflow: dict, job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow, job) if "uses" in step]


def test_actionlint_passes_with_shellcheck() -> None:
    assert shutil.which("shellcheck", path=str(BIN)), "shellcheck is missing"
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["publish.yml", "pull-request.yml"]
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / ".github/workflows/broken.yml"
    broken.parent.mkdir(parents=True)
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("steps.pages.outputs", "steps.page.outputs"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "page" is not defined' in result.stdout
    # shellcheck runs on the scripts too: an unquoted variable is reported (SC2086)
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace('"$GITHUB_WORKSPACE"', "$GITHUB_WORKSPACE"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert "SC2086" in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_release_named() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(-\s*)?uses:", line):
                assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
                    path.name,
                    line,
                )


def test_pull_requests_are_checked_tested_built_and_summarised() -> None:
    flow = load("pull-request.yml")
    assert set(flow[True]) == {"pull_request"}  # PyYAML reads the key `on` as true
    assert flow["permissions"] == {"contents": "read"}
    check = runs(flow, "check")
    assert 'make check CHECK_ARGS="--format github"' in check
    assert "make test" in check and "make site" in check
    upload = next(s for s in steps(flow, "check") if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    summary = runs(flow, "summary")
    assert '.venv/bin/python -m generator diff "$BASE_SHA"' in summary
    assert flow["jobs"]["summary"]["permissions"]["pull-requests"] == "write"
    assert "actions/github-script" in uses(flow, "summary")


def test_main_is_published_on_pages_under_its_own_url() -> None:
    flow = load("publish.yml")
    assert flow[True]["push"] == {"branches": ["main"]}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert uses(flow, "build")[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    build = next(s for s in steps(flow, "build") if s.get("run") == "make site")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(flow, "deploy") == ["actions/deploy-pages"]


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_the_virtual_environment_is_cached_by_its_requirements(name: str) -> None:
    flow = load(name)
    for job in flow["jobs"]:
        for step in steps(flow, job):
            if step.get("uses", "").startswith("actions/cache"):
                assert step["with"]["path"] == ".venv"
                assert (
                    "hashFiles('requirements.txt', 'requirements-dev.txt')" in step["with"]["key"]
                )
