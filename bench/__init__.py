"""Benchmarks (issue 7): generated content at three scales, our build against a plain
Material for MkDocs build of the same pages, and our validator against check-jsonschema.
Run with `make bench`; CI runs a one-run smoke at the shipped scale."""
