"""Benchmarks: synthetic data at scale and what the site costs a reader (see README)."""
