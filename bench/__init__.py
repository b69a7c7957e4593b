"""Benchmarks: `make bench` runs `python -m bench.credential_read`."""
