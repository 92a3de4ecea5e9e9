"""figcheck.wording.charts: the lines a capped chart adds (what was left out), and a source line that
names at most twelve outlets."""
from figcheck.wording.charts import cap_line, cap_status, shown_note, source_line


def test_source_line_names_twelve_outlets_then_counts_the_rest():
    names = [f"Outlet {i}" for i in range(15)]
    assert source_line(names[:2], "en") == "Source: Outlet 0, Outlet 1; analysis of the articles"
    assert source_line(names, "en") == ("Source: " + ", ".join(names[:12]) + " and 3 more; analysis of the articles")
    assert source_line(names, "de").endswith("Outlet 11 und 3 weitere; eigene Auswertung der Artikel")
    assert source_line([], "en") == "Source: analysis of the articles"


def test_shown_notes_only_when_rows_were_left_out():
    assert shown_note("dotplot", (25, 122), "en") == "; 25 of 122 outlets shown, half of them those that contradict"
    assert shown_note("overview", (25, 40), "de") == ". Gezeigt: 25 von 40 verglichenen Größen, die umstrittenen zuerst"
    assert shown_note("citations", (5, 5), "en") == "" and shown_note("dotplot", None, "en") == ""


def test_cap_lines():
    sel = {"cap": 12, "drawn": 12, "candidates": 40}
    assert cap_line(sel, "de") == ("12 der 40 Größen, die mehrere Medien nennen, haben ein eigenes Diagramm, die "
                                   "wichtigsten zuerst (höchstens 12 je Geschichte); alle Größen stehen in "
                                   "comparison.csv.")
    assert cap_line(dict(sel, candidates=12), "en") == ""
    assert cap_status(dict(sel, drawn=0, candidates=0), "en") == ""
