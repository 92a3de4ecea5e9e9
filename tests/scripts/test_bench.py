"""scripts/bench.py: the folder the whole-run benchmark generates from a corpus (written by the test:
invented sentences, no corpus from outside the repository)."""
from __future__ import annotations

from figcheck.ingest.story import ingest_folder

from .support import ROOT, load_script

bench = load_script(ROOT / "scripts" / "bench.py")

TEXTS = [f"Headline number {k}\n" + " ".join(
    f"Sentence {i} of text {k} says that Quillon pays {k * 10 + i} million dollars for the plant." for i in range(20))
    for k in range(5)]


def test_a_small_corpus_is_mixed_into_distinct_articles(tmp_path):
    written = bench.generate_folder(TEXTS, 40, tmp_path / "a")
    assert [p.name for p in written] == [f"{i:03d}_bench.txt" for i in range(40)]
    bodies = [p.read_text(encoding="utf-8") for p in written]
    assert len(set(bodies)) == 40
    for body in bodies:
        head, text = body.split("\n\n", 1)
        assert head.startswith("Headline number") and 6 <= text.count("Sentence") <= 12
    # ingestion sees 40 articles, none a near duplicate of another
    assert (ingest_folder(tmp_path / "a").articles["duplicate_of"] == "").all()


def test_the_folder_is_the_same_every_time_and_made_anew(tmp_path):
    a = bench.generate_folder(TEXTS, 12, tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "stale.txt").write_text("old", encoding="utf-8")
    b = bench.generate_folder(TEXTS, 12, tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert not (tmp_path / "b" / "stale.txt").exists()


def test_a_big_corpus_gives_its_first_texts_one_file_each(tmp_path):
    written = bench.generate_folder(TEXTS, 3, tmp_path / "c")
    assert [p.read_text(encoding="utf-8") for p in written] == [t + "\n" for t in TEXTS[:3]]
