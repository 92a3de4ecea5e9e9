"""figcheck.wording.story: why an article is off story, the sentence for a folder without a story,
and notebook 01's summary of the check, in German and English."""
from figcheck.wording.story import no_story_sentence, off_story_reason, story_summary


def test_off_story_reasons_say_what_the_article_shares():
    assert off_story_reason("no_ties", [], "en") == (
        "off story: shares no names, measure words or figures with the articles that tell the folder's story")
    assert off_story_reason("no_ties", ["Priya", "cost", "12.4 GBP", "more"], "en") == (
        "off story: shares only “Priya”, “cost” and “12.4 GBP” with the articles that tell the folder's story")
    assert off_story_reason("no_story", ["Yukos"], "de") == (
        "nicht Teil der Geschichte: der Ordner enthält keine gemeinsame Geschichte, und dieser Artikel teilt nur "
        "„Yukos“ mit den anderen")
    assert off_story_reason("kept", [], "en").startswith("kept by the parameter include, although it shares no")


def test_the_no_story_sentence_is_one_sentence_in_the_storys_language():
    en, de = no_story_sentence(400, "en"), no_story_sentence(6, "de")
    assert en.startswith("The 400 articles in this folder do not tell one story") and en.count(".") == 1
    assert de.startswith("Die 6 Artikel in diesem Ordner erzählen keine gemeinsame Geschichte") and de.count(".") == 1


def test_story_summary():
    assert story_summary(5, [], (4, 4), "en") == (
        "All 5 articles tell one story: each shares names, figures or measure words with 4 of the others.")
    assert story_summary(6, [], (1, 5), "de").endswith("mit 1 bis 5 der anderen.")
    many = [f"{i:02d}.txt" for i in range(12)]
    line = story_summary(20, many, (2, 7), "en")
    assert line.startswith("8 of 20 articles tell one story; 12 are off story and left out of the comparison: 00.txt")
    assert line.endswith("08.txt, 09.txt and 2 more.")
