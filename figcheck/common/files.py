"""Atomic, deterministic output: a failed run never leaves a half-written file, and the same
inputs give the same bytes."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pandas as pd


# ---------------------------------------------------------------------------
# Atomic, deterministic output: a failed run never leaves a half-written file,
# and the same inputs give the same bytes.
# ---------------------------------------------------------------------------
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_csv_atomic(df: pd.DataFrame, path: Path) -> Path:
    """Write a table as UTF-8 CSV with \\n line ends, all or nothing."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return write_text_atomic(path, buf.getvalue())
