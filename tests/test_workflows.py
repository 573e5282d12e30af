"""The GitHub Actions workflows: actionlint passes, actions are pinned, the jobs do their part."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jstyleson
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


def step(workflow: dict, job: str, action: str) -> dict:
    """The job's one step that uses `action` (owner/name, without the pin)."""
    (found,) = [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]
    return found


def pins() -> list[tuple[str, str, str, str]]:
    """(workflow, action, commit, release) for every `uses:` line."""
    found = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := re.search(r"uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # (v[\d.]+)$", line):
                found.append((path.name, *match.groups()))
    return found


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


# For each action, a major release known to run on Node 24 (Node 20 is leaving GitHub's
# runners): the first one, from its release notes, or for the artifact actions the one pinned
# (no earlier one was checked). An action missing here must be looked up before it is used.
NODE_24_FROM = {
    "actions/checkout": 5,
    "actions/cache": 5,
    "actions/cache/restore": 5,
    "actions/upload-artifact": 7,
    "actions/download-artifact": 8,
    "actions/github-script": 8,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,  # a composite action; v5 runs upload-artifact v7
    "actions/deploy-pages": 5,
}


def test_every_action_runs_on_node_24_and_is_pinned_alike_everywhere() -> None:
    found = pins()
    assert len(found) == sum(
        len(re.findall(r"^\s*(?:-\s*)?uses:", p.read_text(encoding="utf-8"), re.M))
        for p in WORKFLOWS.glob("*.yml")
    )
    commits: dict[str, set[tuple[str, str]]] = {}
    for workflow, action, commit, release in found:
        assert action in NODE_24_FROM, (workflow, action)
        assert int(release[1:].split(".")[0]) >= NODE_24_FROM[action], (workflow, action, release)
        commits.setdefault(action.split("/")[1], set()).add((commit, release))
    assert all(len(pinned) == 1 for pinned in commits.values()), commits


# --------------------------------------------------------------------- virtual environments


def caches() -> list[tuple[str, str, dict]]:
    """(workflow, job, cache step) for every step that restores .venv."""
    found = []
    for name in ("pull-request.yml", "publish.yml"):
        flow = load(name)
        for job in flow["jobs"]:
            for s in steps(flow, job):
                if s.get("uses", "").startswith("actions/cache"):
                    found.append((name, job, s))
    return found


def test_each_set_of_dependencies_is_cached_under_a_key_of_its_own() -> None:
    """A .venv with the build's packages only must never be restored where the tests run."""
    keys = {}
    for name, job, cache in caches():
        assert cache["with"]["path"] == ".venv"
        key = cache["with"]["key"]
        assert "${{ steps.python.outputs.version }}" in key  # a new Python, a new environment
        python = next(s for s in steps(load(name), job) if s.get("id") == "python")
        assert "platform.python_version()" in python["run"]
        if "make test" in runs(load(name), job):
            assert key.startswith("venv-dev-")
            assert "hashFiles('requirements.txt', 'requirements-dev.txt')" in key
        else:
            assert key.startswith("venv-build-")
            assert key.endswith("hashFiles('requirements.txt') }}")
        keys.setdefault(key.split("-")[1], set()).add(key)
    assert {kind: len(found) for kind, found in keys.items()} == {"build": 1, "dev": 1}


def test_no_step_passes_a_restored_environment_off_as_complete() -> None:
    """The Makefile compares its stamps by content (tests/test_makefile.py): none is touched."""
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "touch .venv" not in text and ".dev-deps" not in text, path.name
        assert "make .venv/" not in text, path.name


# --------------------------------------------------------------------------- pull requests


def test_the_data_is_checked_first_in_a_job_of_its_own() -> None:
    flow = load("pull-request.yml")
    assert set(flow[True]) == {"pull_request"}  # PyYAML reads the key `on` as true
    assert flow["permissions"] == {"contents": "read"}
    data = flow["jobs"]["data"]
    assert "needs" not in data and data["timeout-minutes"] <= 10
    assert [s.get("run") for s in steps(flow, "data")][-1] == (
        'make check CHECK_ARGS="--format github --changed-since HEAD^1"'
    )
    # HEAD is the pull request merged into its base, HEAD^1 the base: both are fetched.
    assert step(flow, "data", "actions/checkout")["with"]["fetch-depth"] == 2
    # Only the build's packages: no test tools, browser or Java before the annotations.
    assert "make test" not in runs(flow, "data") and "make site" not in runs(flow, "data")


def test_the_tests_and_the_preview_come_after_the_check() -> None:
    flow = load("pull-request.yml")
    tests, preview = flow["jobs"]["tests"], flow["jobs"]["preview"]
    assert tests["needs"] == "data" and preview["needs"] == "data"
    assert tests["if"] == "${{ !cancelled() }}"  # their own data: they run whatever the check says
    assert "if" not in preview  # bad data stops the build anyway
    assert runs(flow, "tests").splitlines()[-1] == "make test"
    assert "make site" in runs(flow, "preview")
    upload = step(flow, "preview", "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"


def test_the_reviewer_gets_a_summary() -> None:
    flow = load("pull-request.yml")
    summary = runs(flow, "summary")
    assert "make venv" in summary
    assert '.venv/bin/python -m generator diff "$BASE_SHA"' in summary
    assert flow["jobs"]["summary"]["permissions"]["pull-requests"] == "write"
    post = step(flow, "summary", "actions/github-script")
    # Forks and Dependabot get a read-only token: posting would fail.
    assert "head.repo.full_name == github.repository" in post["if"]
    assert "github.actor != 'dependabot[bot]'" in post["if"]


# ------------------------------------------------------------------------------ publishing

ON_PAGES = "vars.PUBLISH_REPOSITORY == ''"
ELSEWHERE = "vars.PUBLISH_REPOSITORY != ''"


def test_main_is_published_on_pages_unless_another_repository_is_named() -> None:
    flow = load("publish.yml")
    assert flow[True]["push"] == {"branches": ["main"]}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert step(flow, "build", "actions/configure-pages")["if"] == ON_PAGES
    assert step(flow, "build", "actions/upload-pages-artifact")["if"] == ON_PAGES
    build = next(s for s in steps(flow, "build") if s.get("run") == "make site")
    assert build["env"]["SITE_URL"] == (
        "${{ vars.PUBLISH_REPOSITORY == '' && steps.pages.outputs.base_url || vars.SITE_URL }}"
    )
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["if"] == ON_PAGES
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(flow, "deploy") == ["actions/deploy-pages"]


def test_or_pushed_to_the_public_repository_with_a_deploy_key() -> None:
    flow = load("publish.yml")
    upload = step(flow, "build", "actions/upload-artifact")
    assert upload["if"] == ELSEWHERE and upload["with"]["path"] == "site/"
    push = flow["jobs"]["push"]
    assert push["needs"] == "build" and push["if"] == ELSEWHERE
    assert "permissions" not in push  # the workflow's: contents read; the key does the writing
    # Nothing of the repository is checked out where the key is: only the built site.
    assert uses(flow, "push") == ["actions/download-artifact"]
    assert step(flow, "push", "actions/download-artifact")["with"]["name"] == upload["with"]["name"]
    env = steps(flow, "push")[-1]["env"]
    assert env["DEPLOY_KEY"] == "${{ secrets.PUBLISH_DEPLOY_KEY }}"
    assert env["REPOSITORY"] == "${{ vars.PUBLISH_REPOSITORY }}"
    assert env["BRANCH"] == "${{ vars.PUBLISH_BRANCH || 'gh-pages' }}"
    assert env["GITHUB_HOST_KEY"].startswith("github.com ssh-ed25519 AAAA")
    script = steps(flow, "push")[-1]["run"]
    assert "secrets." not in script  # the key reaches the script only through its environment
    assert "StrictHostKeyChecking=yes" in script


def push_script(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the push step's script in `tmp_path` (which holds site/), with `env`."""
    flow = load("publish.yml")
    given = steps(flow, "push")[-1]
    values = {
        "DEPLOY_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n",
        "BRANCH": "gh-pages",
        "CNAME": "",
        "KNOWN_HOSTS": "",
        "GITHUB_HOST_KEY": given["env"]["GITHUB_HOST_KEY"],
        "SOURCE": "office/diplomats@0123abc",
        **env,
    }
    return subprocess.run(
        ["bash", "-c", given["run"]],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GIT_CONFIG_GLOBAL": os.devnull,
             **values},
    )  # fmt: skip


def published(public: Path, branch: str) -> tuple[list[str], list[str]]:
    def git(*args: str) -> list[str]:
        out = subprocess.run(["git", "--git-dir", str(public), *args], capture_output=True,
                             text=True, check=True)  # fmt: skip
        return out.stdout.splitlines()

    return git("log", "--format=%s", branch), git("ls-tree", "-r", "--name-only", branch)


def test_the_push_replaces_the_branch_with_one_commit_of_the_site(tmp_path: Path) -> None:
    public = tmp_path / "public.git"
    subprocess.run(["git", "init", "-q", "--bare", str(public)], check=True)
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>سلام</p>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>Hello</p>", encoding="utf-8")
    first = push_script(tmp_path, REPOSITORY=f"file://{public}", CNAME="diplomats.example.org")
    assert first.returncode == 0, first.stderr
    assert published(public, "gh-pages") == (
        ["Publish office/diplomats@0123abc"],
        [".nojekyll", "CNAME", "en/index.html", "index.html"],
    )
    # The next publication leaves no trace of the previous one: a withdrawn page is gone.
    shutil.rmtree(site)
    site.mkdir()
    (site / "index.html").write_text("<p>دوباره</p>", encoding="utf-8")
    second = push_script(tmp_path, REPOSITORY=f"file://{public}", SOURCE="office/diplomats@4567def")
    assert second.returncode == 0, second.stderr
    assert published(public, "gh-pages") == (
        ["Publish office/diplomats@4567def"],
        [".nojekyll", "index.html"],
    )


@pytest.mark.parametrize(
    "env, said",
    [
        (
            {"DEPLOY_KEY": "", "REPOSITORY": "office/site"},
            "::error::کلید انتشار در راز PUBLISH_DEPLOY_KEY نیست (docs/hosting.fa.md) · The secret "
            "PUBLISH_DEPLOY_KEY, the deploy key, is not set (docs/hosting.en.md)",
        ),
        (
            {"REPOSITORY": "site"},
            "::error::متغیر PUBLISH_REPOSITORY باید owner/name یا نشانی git باشد، نه «site» · "
            "PUBLISH_REPOSITORY must be owner/name or a git address, not 'site'",
        ),
    ],
)
def test_a_missing_key_or_a_malformed_repository_stops_the_push(
    tmp_path: Path, env: dict, said: str
) -> None:
    (tmp_path / "site").mkdir()
    result = push_script(tmp_path, **env)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [said]
    assert not (tmp_path / "site/.git").exists()


def test_dependabot_proposes_new_actions_python_pins_and_npm_packages() -> None:
    config = yaml.safe_load((REPO / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert {(u["package-ecosystem"], u["directory"]) for u in config["updates"]} == {
        ("github-actions", "/"),
        ("pip", "/"),
        ("npm", "/"),
    }
    assert all(u["schedule"]["interval"] == "weekly" for u in config["updates"])


# ---------------------------------------------------------------------------- dev container


def test_the_dev_container_is_the_ci_machine_with_the_editors_schemas() -> None:
    config = jstyleson.loads((REPO / ".devcontainer/devcontainer.json").read_text("utf-8"))
    containers = {job["container"] for name in ("pull-request.yml", "publish.yml")
                  for job in load(name)["jobs"].values() if "container" in job}  # fmt: skip
    assert containers == {config["image"]} == {"python:3.11-bookworm"}
    assert config["postCreateCommand"] == "make check"
    assert config["forwardPorts"] == [8000]
    vscode = config["customizations"]["vscode"]
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text("utf-8"))
    assert vscode["extensions"] == recommended["recommendations"] == ["redhat.vscode-yaml"]
    workspace = json.loads((REPO / ".vscode/settings.json").read_text("utf-8"))
    assert vscode["settings"]["yaml.schemas"] == workspace["yaml.schemas"]
    for pattern in workspace["yaml.schemas"]:
        assert (REPO / pattern).is_file(), pattern


def test_jsonc_is_read_strictly_enough_to_catch_a_mistake() -> None:
    text = (REPO / ".devcontainer/devcontainer.json").read_text("utf-8")
    with pytest.raises(ValueError):
        jstyleson.loads(text.replace('"make check",', '"make check"'))
