"""Section of helpers.py: extract (work in progress module)."""
