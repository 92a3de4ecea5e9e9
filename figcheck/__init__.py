"""figcheck: the package behind the notebooks that check the figures in a news story across outlets.

The modules follow the pipeline, and imports point down it: `common` <- `ingest` <- `extract`
<- `compare` <- `charts` <- `report` <- `evaluate`, with `wording` (every text a reader sees)
beside them, importing only `common`. `helpers.py` at the top of the repository is the
notebooks' one import, a short facade over this package. docs/architecture.md maps every
module; tests/test_architecture.py checks the import rule."""
