# Lets pytest (unit tests and nbval) import helpers.py from the repository root.
