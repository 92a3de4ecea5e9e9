"""The logic of the collection, in sections that follow the pipeline's four stages.

    0. Common     paths, story parameters, atomic writes
    1. Ingest     read, decode, clean and describe the articles      (notebook 01)
    2. Extract    find every figure, its hedge and what it measures   (notebook 02)
    3. Compare    consensus, outliers, contradictions, citations      (notebook 03)
    4. Charts     narrative charts and the shareable report           (notebook 04)

WORK IN PROGRESS: while the sections are being written in parallel they live in
wip_*.py and are gathered here; they are merged into this one file afterwards.
"""
import wip_common as _c
import wip_ingest as _i
import wip_extract as _e
import wip_compare as _k
import wip_charts as _h
import wip_report as _r

for _m in (_c, _i, _e, _k, _h, _r):
    globals().update({_n: _v for _n, _v in vars(_m).items() if not _n.startswith("__")})
del _m
