"""Section of helpers.py: compare (work in progress module)."""
