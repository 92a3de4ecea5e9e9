"""Section of helpers.py: charts (work in progress module)."""
