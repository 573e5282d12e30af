"""Benchmarks: synthetic data, the measured build, and the baseline it is compared with."""
