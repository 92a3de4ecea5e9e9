"""Charts: which charts a story gets, their data, their facts and their drawing.

`plan` picks them (chart_selection, at most QUANTITY_CHARTS of single quantities) and draws them
(make_charts), `tables` reads the tables' rows once per run, one module per chart kind draws it (`dotplot`,
`progression`, `citations`, `overview`), `layout` and `style` give the house look, `save`
writes the files, `views` escapes titles and alt text for notebook 04's Markdown. Every word
a chart shows is written in wording/charts.py, from facts these modules compute.
"""
