"""figcheck.wording.findings: quantity names in both languages (the sentences of findings.csv are
checked on whole stories in tests/compare/test_story.py).
"""
from __future__ import annotations

from figcheck.extract.quantities import EXTRACT_QUANTITIES
from figcheck.wording import de as de_words, en as en_words
from figcheck.wording.findings import quantity_name


def test_quantity_label_prefers_the_storys_label():
    assert quantity_name("deal_amount", "de") == "Investitionssumme"
    assert quantity_name("deal_amount", "en", {"deal_amount": {"label": "Kaufpreis"}}) == "Kaufpreis"
    assert quantity_name("widget_count", "en") == "Widget count"


def test_every_built_in_quantity_has_a_german_and_english_name():
    """A quantity extraction can assign is named in both languages in messages and charts."""
    for quantity in EXTRACT_QUANTITIES:
        assert quantity in de_words.QUANTITY_NAMES and quantity in en_words.QUANTITY_NAMES, quantity
        de, en = quantity_name(quantity, "de"), quantity_name(quantity, "en")
        assert de and en, quantity
        assert "_" not in de and "_" not in en, (quantity, de, en)


def test_every_concept_of_the_measure_table_has_a_german_and_english_name():
    """Frames name quantities by the concepts of extract/measures.py (and a verb's concept): each has
    a name in both languages, so a German chart never says 'Shareholder rank' or 'Growth'."""
    from figcheck.extract.measures import CONCEPTS, VERBS
    concepts = set(CONCEPTS) | {c for by_unit in VERBS.values() for c in by_unit.values()}
    for quantity in sorted(concepts):
        assert quantity in de_words.QUANTITY_NAMES and quantity in en_words.QUANTITY_NAMES, quantity


def test_a_split_off_quantity_is_named_in_the_readers_words():
    assert quantity_name("stake__state_before", "de") == "Anteil (Staat, zuvor)"
    assert quantity_name("stake__state_3", "de") == "Anteil (Staat)"
    assert quantity_name("stake__state_3", "en") == "Stake (state)"
    assert quantity_name("stake__unicredit", "en") == "Stake (unicredit)"
    assert quantity_name("stake_added", "de") == "Anteil (weitere)"
    assert quantity_name("stake_sold_added", "en") == "Stake sold (added)"
    assert quantity_name("hilfspaket", "de") == "Hilfspaket"
