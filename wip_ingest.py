"""Section of helpers.py: ingest (work in progress module)."""
