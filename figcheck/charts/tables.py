"""The tables the charts are drawn from (comparison, evidence, findings, figures, articles): loading them
from output/<story>/, reading one safely when it is missing, and reading their rows once.

A story with hundreds of quantities asks for the rows of one quantity, one kind of finding or one
file many times; `table_rows` and `rows_by` turn a table into records (and group them) once per
tables dict, keeping the result beside the tables under the key `_index`.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from figcheck.charts.style import CHART_TABLES
from figcheck.common.tables import cell_text, read_table

_INDEX = "_index"   # the key in a tables dict under which rows already read are kept


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


def remember(tables: dict, name: str, what: str, build: Callable[[pd.DataFrame], object]):
    """build(table) computed once per table object and kept in the tables dict; computed again when
    the table has been replaced. The result is shared: callers read it and never change it."""
    df = chart_table(tables, name)
    index = tables.setdefault(_INDEX, {})
    kept = index.get((name, what))
    if kept is None or kept[0] is not df:
        kept = (df, build(df))
        index[(name, what)] = kept
    return kept[1]


def table_rows(tables: dict, name: str) -> list[dict]:
    """The rows of one table as dicts (raw cells), in table order."""
    return remember(tables, name, "rows", lambda df: df.to_dict("records") if not df.empty else [])


def rows_by(tables: dict, name: str, column: str) -> dict[str, list[dict]]:
    """The rows of one table grouped by the text of one column, each group in table order."""
    def build(_df: pd.DataFrame) -> dict[str, list[dict]]:
        groups: dict[str, list[dict]] = {}
        for rec in table_rows(tables, name):
            groups.setdefault(cell_text(rec.get(column)), []).append(rec)
        return groups
    return remember(tables, name, f"by:{column}", build)
