"""bench/: synthetic data goes through the real data contract; the facet file stays small."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import make_tree
from generator.build import check
from generator.facets import facet_json


def test_synthetic_diplomats_pass_the_data_contract(tmp_path: Path) -> None:
    directory = check(make_tree(tmp_path / "repo", 300))
    assert len(directory.diplomats) == 300
    statuses = {d.status for d in directory.diplomats}
    assert statuses == {"approved", "pending", "suspended", "withdrawn"}


def test_facet_file_would_stay_under_a_megabyte_at_ten_thousand(tmp_path: Path) -> None:
    public = check(make_tree(tmp_path / "repo", 1000)).public()
    per_person = len(facet_json(public)) / len(public.diplomats)
    assert per_person * 10_000 < 1_000_000, per_person
