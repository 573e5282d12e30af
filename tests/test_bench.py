"""The benchmark works end to end on a small N (its targets are checked by `make bench`)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from bench import run as bench_run
from bench.run import render_report, run
from bench.synthetic import make_tree
from generator.build import check

from .conftest import FIXTURES


def test_synthetic_data_passes_the_real_contract(tmp_path: Path) -> None:
    directory = check(make_tree(tmp_path / "repo", 40, data=FIXTURES))
    assert len(directory.public().diplomats) == 40
    assert len(directory.diplomats) > 40  # some pending, suspended or withdrawn too


def test_benchmark_smoke_run_reports_every_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_run, "make_tree", partial(make_tree, data=FIXTURES))
    results = run(tmp_path, 20, with_baseline=True)
    assert results["cold"]["seconds"] > 0 and results["baseline"]["seconds"] > 0
    assert 0 < results["cold"]["peak memory (MB)"] < 2000
    stages = {"load and validate", "fa: render", "en: mkdocs", "en: search index"}
    assert stages | {"alongside: photos"} <= set(results["cold"]["stages"])
    assert results["profile page HTML (KB)"] > 1
    assert results["directory download (KB)"] > results["profile page HTML (KB)"]
    report = render_report(20, results)
    for row in ("| full build (s) |", "| peak memory (MB) |", "| profile page HTML (KB) |",
                "| generator share (%) |", "| speed-up over the baseline |", "Machine:",
                "| stage of a lane | fa | en |", "| made alongside | seconds |",
                "| first visit, heaviest page type (KB) |", "| second page, heaviest page type (KB) |",
                "## Page weight on a phone", "| profile (`/diplomats/"):  # fmt: skip
        assert row in report
    weights = {k.kind: k for k in results["page weight"]}
    assert weights["directory"].first_bytes > weights["directory"].second_bytes > 0
    assert results["directory page HTML gzip (KB)"] < results["directory page HTML (KB)"]


def test_facet_file_would_stay_under_a_megabyte_at_ten_thousand(tmp_path: Path) -> None:
    from generator.facets import facet_json

    public = check(make_tree(tmp_path / "repo", 1000, data=FIXTURES)).public()
    per_person = len(facet_json(public)) / len(public.diplomats)
    assert per_person * 10_000 < 1_000_000, per_person
