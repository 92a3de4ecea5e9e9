"""figcheck: the package behind the notebooks that check the figures in a news story across outlets.

The modules follow the pipeline, and imports point down it: `common` <- `ingest` <- `extract`
<- `compare` <- `charts` <- `report`, with `wording` (every text a reader sees) beside them.
`helpers.py` at the top of the repository is the notebooks' one import, a short facade over
this package. docs/architecture.md maps every module."""
