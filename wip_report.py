"""Section of helpers.py: the shareable report (work in progress module)."""
