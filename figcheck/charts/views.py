"""What notebook 04 shows: a chart's title and alt text as Markdown that reads as written.

JupyterLab renders Markdown output with LaTeX math: a `$` in a title ("10 bis 15 Mrd. $",
"$10bn to $15bn") would start a formula and swallow the words up to the next one; `*`, `_`,
backticks, brackets and `<` would turn into emphasis, code, links or HTML. `escape_markdown`
puts a backslash before each of them. A dollar sign needs two: JupyterLab turns the Markdown
into HTML first (where `\\$` would become a bare `$`) and typesets the math after, so the `$`
must reach MathJax as `\\$`, which it shows as a plain dollar sign (`\\\\$` in the Markdown;
jupyterlab/jupyterlab#8645).
"""
from __future__ import annotations

# Markdown's characters with a meaning inside a line; `$` is escaped for MathJax on its own
MARKDOWN_SPECIAL = frozenset("\\`*_[]<>#|")


def escape_markdown(text: str) -> str:
    """`text` for display(Markdown(...)) in JupyterLab, shown as written: no emphasis, no link,
    no HTML and no LaTeX math."""
    out = []
    for ch in str(text):
        if ch == "$":
            out.append("\\\\$")  # Markdown gives MathJax "\$": a dollar sign, not the start of math
        elif ch in MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
