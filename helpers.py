"""The notebooks' one import: `import helpers`, then `helpers.<name>` in every cell.

This file holds no logic. It lists, grouped by notebook, what the four notebooks in
notebooks/ call (and what a reporter exploring a story in JupyterLab reaches for), each
name imported from the figcheck package, where the logic lives: one module per step, laid
out in docs/architecture.md. Scripts, tests and the package itself import from figcheck
directly; nothing may depend on a name this file does not list.

A notebook that needs something new: add the name here, in its notebook's group, and to
`__all__` (tests/test_helpers_facade.py checks both and the notebooks' calls). The names
checks outside the notebooks rely on (extract_figures, story_paths, ...) are a contract:
extend the list, never rename them.
"""
# Common: paths, story parameters, tables, the story's language (figcheck/common/)
from figcheck.common.files import write_csv_atomic
from figcheck.common.language import story_language
from figcheck.common.params import notebook_params
from figcheck.common.paths import ROOT, ParameterError, StoryError, require_story, story_paths
from figcheck.common.tables import read_table

# 01 Ingest: read, clean and describe the articles (figcheck/ingest/)
from figcheck.ingest.story import ingest_story, write_ingest_outputs
from figcheck.ingest.views import boilerplate_by_article, ingest_summary, show_article_segments

# 01 Ingest, the story check: how much each article shares with the others, which are off story
from figcheck.extract.offstory import mark_off_story, story_check_summary, story_check_view

# 02 Extract: every figure, its hedge, interval and quantity (figcheck/extract/)
from figcheck.extract.figures import extract_figures
from figcheck.extract.table import extract_story_figures, write_figures
from figcheck.extract.views import figure_counts, figures_summary, highlight_story_html

# 03 Compare: consensus, outliers, contradictions, derived checks, citations (figcheck/compare/)
from figcheck.compare.story import compare_load_inputs, compare_story, write_comparison
from figcheck.compare.views import (
    compare_evidence_table, compare_findings_text, compare_quantities_shown, compare_table_view
)

# 04 Charts: which charts, drawn, saved and shown (figcheck/charts/)
from figcheck.charts.plan import chart_plan, chart_selection, make_charts
from figcheck.charts.save import chart_bytes, chart_preview, save_charts
from figcheck.charts.tables import load_chart_tables
from figcheck.charts.views import escape_markdown
from figcheck.extract.offstory import no_common_story
from figcheck.wording.charts import cap_status

# Report: output/<story>/report.html, one page to share (figcheck/report.py)
from figcheck.report import write_report

__all__ = [
    # Common
    "ROOT", "ParameterError", "StoryError", "notebook_params", "read_table", "require_story", "story_language",
    "story_paths", "write_csv_atomic",
    # 01 Ingest
    "boilerplate_by_article", "ingest_story", "ingest_summary", "mark_off_story", "show_article_segments",
    "story_check_summary", "story_check_view", "write_ingest_outputs",
    # 02 Extract
    "extract_figures", "extract_story_figures", "figure_counts", "figures_summary", "highlight_story_html",
    "write_figures",
    # 03 Compare
    "compare_evidence_table", "compare_findings_text", "compare_load_inputs", "compare_quantities_shown",
    "compare_story", "compare_table_view",
    "write_comparison",
    # 04 Charts
    "cap_status", "chart_bytes", "chart_plan", "chart_preview", "chart_selection", "escape_markdown", "load_chart_tables",
    "make_charts", "no_common_story", "save_charts",
    # Report
    "write_report",
]
