"""The tables the charts are drawn from (comparison, evidence, findings, figures, articles): loading them
from output/<story>/, and reading one safely when it is missing."""
from __future__ import annotations

import pandas as pd

from figcheck.charts.style import CHART_TABLES
from figcheck.common.tables import read_table


def chart_table(tables: dict, name: str) -> pd.DataFrame:
    """One of the tables, or an empty frame when it is missing."""
    df = tables.get(name)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def load_chart_tables(paths) -> dict:
    """Read the tables the charts need from output/<story>/ (figures.csv is optional)."""
    tables = {}
    for name in CHART_TABLES:
        path = paths.out(f"{name}.csv")
        if name == "figures" and not path.exists():
            tables[name] = pd.DataFrame()
            continue
        tables[name] = read_table(path)
    return tables
