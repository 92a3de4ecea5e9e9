"""The clean text of an article and its segments (headline, caption, body), from its classified lines."""
from __future__ import annotations


from figcheck.ingest.lines import IngestLine


# ---------------------------------------------------------------------------
# Assemble the clean text and its segments
# ---------------------------------------------------------------------------
def assemble_clean_text(lines: list[IngestLine]) -> tuple[str, list[list]]:
    """The clean text (kept lines; a blank line in the raw text becomes one paragraph break) and
    its segments: [[start, end, kind], ...] with kind headline / caption / body, consecutive lines
    of one kind merged. Offsets are character offsets into the clean text."""
    parts: list[str] = []
    segments: list[list] = []
    pos = 0
    pending_blank = False
    for ln in lines:
        if ln.kind == "blank":
            pending_blank = True
            continue
        if ln.kind == "removed":
            continue
        if parts:
            sep = "\n\n" if pending_blank or ln.kind != "body" or segments[-1][2] != "body" else "\n"
            parts.append(sep)
            pos += len(sep)
        pending_blank = False
        start = pos
        parts.append(ln.text)
        pos += len(ln.text)
        if segments and segments[-1][2] == ln.kind == "body":
            segments[-1][1] = pos
        else:
            segments.append([start, pos, ln.kind])
    return "".join(parts), segments
