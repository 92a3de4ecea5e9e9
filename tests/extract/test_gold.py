"""The default story against the hand-made gold (ingest -> extract -> score with tests/score_figures.py)."""
import contextlib
import importlib.util
import io
from pathlib import Path

SCORER = Path(__file__).resolve().parents[1] / "score_figures.py"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_figures", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_default_story_meets_the_quality_bar(story_figures, fixtures_dir, tmp_path):
    _articles, df = story_figures
    out = tmp_path / "figures.csv"
    df.to_csv(out, index=False)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = _load_scorer().main([str(out), str(fixtures_dir / "meta-scale-ai.gold.csv"), "--not-figures",
                                  str(fixtures_dir / "meta-scale-ai.not-figures.csv"), "--show-misses"])
    line = buf.getvalue().strip().splitlines()[-1]
    score = dict(kv.split("=") for kv in line.split())
    assert rc == 0, buf.getvalue()
    assert float(score["recall"]) >= 0.98, buf.getvalue()
    assert float(score["precision"]) >= 0.95, buf.getvalue()
    assert int(score["traps"]) == 0, buf.getvalue()
    assert float(score["qualifier_acc"]) >= 0.95, buf.getvalue()
    assert float(score["grouping_f1"]) >= 0.9, buf.getvalue()
