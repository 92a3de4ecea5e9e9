"""figcheck.extract.sentences: the sentence each figure stands in, with exact offsets."""
from .support import one


def test_sentence_and_offsets():
    text = "Erster Satz ohne Zahl. Meta zahlt 5 Mio. Euro an den Verein. Danach nichts."
    f = one(text)
    assert f["sentence"] == "Meta zahlt 5 Mio. Euro an den Verein."
    assert text[f["sentence_start"]:f["sentence_start"] + len(f["sentence"])] == f["sentence"]
    assert text[f["start"]:f["end"]] == f["text"] == "5 Mio. Euro"
