"""figcheck.ingest.duplicates: same and nearly the same articles (invented test material)."""
from __future__ import annotations

import time

from figcheck.ingest.duplicates import find_duplicate_articles


def test_find_duplicate_articles():
    base = " ".join(f"Satz {i} über die Lage am Markt mit {i * 3} Prozent." for i in range(60))
    near = base.replace("Satz 59 über", "Satz neunundfünfzig über")
    other = " ".join(f"Anderer Text {i} ganz ohne Bezug zu {i + 7} Dingen." for i in range(60))
    dups = find_duplicate_articles({"a.txt": base, "b.txt": base.upper(), "c.txt": near, "d.txt": other,
                                            "e.txt": ""})
    assert dups["b.txt"] == ("a.txt", 1.0)
    assert dups["c.txt"][0] == "a.txt" and 0.8 <= dups["c.txt"][1] < 1.0
    assert "d.txt" not in dups and "a.txt" not in dups and "e.txt" not in dups


_DUP_PARAS = [
    "The harbour authority of Nordhaven said on Tuesday that cargo volumes rose by {n} percent in the spring.",
    "Officials expect the new crane terminal, which cost {n} million euros, to open before the winter storms.",
    "A spokeswoman for the dockworkers' union said members would vote on the wage offer within {n} days.",
    "Shipping lines have added {n} weekly calls since the canal reopened, according to the port's own figures.",
    "Local shops report that visitors from cruise ships spent around {n} euros each during the first weekend.",
    "The council plans to review the rail link to the inland depot after {n} complaints about night noise.",
]


def _dup_story(seed: int, paras: int) -> list[str]:
    """Invented paragraphs: the templates above with numbers that depend on the seed."""
    return [_DUP_PARAS[i % len(_DUP_PARAS)].replace("{n}", str(seed * 31 + i * 7)) + f" Paragraph marker {seed}-{i}."
            for i in range(paras)]


def test_near_duplicate_with_new_headline_and_added_paragraph():
    body = _dup_story(1, 12)
    original = "Port of Nordhaven grows\n\n" + "\n\n".join(body)
    # another headline, one paragraph cut and three new ones added: Jaccard below 0.8, containment above
    copy = ("Cargo boom lifts Nordhaven harbour\n\n" + "\n\n".join(body[:5] + body[6:])
            + "\n\n" + "\n\n".join(_dup_story(9, 3)))
    dups = find_duplicate_articles({"a.txt": original, "b.txt": copy})
    assert dups["b.txt"][0] == "a.txt" and 0.8 <= dups["b.txt"][1] < 1.0


def test_near_duplicate_lightly_edited_throughout():
    body = _dup_story(2, 10)
    edited = [p.replace("said", "told reporters").replace(" the ", " a ", 1) if i % 3 == 0 else p
              for i, p in enumerate(body)]
    dups = find_duplicate_articles({"x1.txt": "Headline one\n\n" + "\n\n".join(body),
                                            "x2.txt": "Quite another headline\n\n" + "\n\n".join(edited)})
    assert dups.get("x2.txt", ("", 0))[0] == "x1.txt"


def test_short_article_inside_a_long_one_is_not_a_duplicate():
    short = "\n\n".join(_dup_story(3, 4))
    long = short + "\n\n" + "\n\n".join(_dup_story(4, 12))      # quotes the short one, adds three times as much
    assert find_duplicate_articles({"a.txt": short, "b.txt": long}) == {}
    assert find_duplicate_articles({"a.txt": long, "b.txt": short}) == {}


def test_duplicate_check_is_fast_on_many_articles():
    texts = {f"{i:04d}.txt": "\n\n".join(_dup_story(i + 10, 8)) for i in range(3000)}
    texts["9999.txt"] = "New headline\n\n" + texts["0042.txt"]
    t0 = time.perf_counter()
    dups = find_duplicate_articles(texts)
    elapsed = time.perf_counter() - t0
    assert dups == {"9999.txt": ("0042.txt", dups["9999.txt"][1])} and dups["9999.txt"][1] >= 0.95
    assert elapsed < 15, f"3000 articles took {elapsed:.1f} s"
