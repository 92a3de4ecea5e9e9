"""Ingest (notebook 01): read, decode, clean and describe the articles of a story folder."""
