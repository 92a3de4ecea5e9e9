"""figcheck.extract.hedges: approximate values, lower and upper bounds, read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from .support import INF, close, one


@pytest.mark.parametrize("text,lang,hedge", [
    ("Der Deal hat rund 10 Milliarden Euro gekostet.", "de", "rund"),
    ("Der Deal hat etwa 10 Milliarden Euro gekostet.", "de", "etwa"),
    ("Der Deal hat ca. 10 Milliarden Euro gekostet.", "de", "ca."),
    ("Der Deal hat ungefähr 10 Milliarden Euro gekostet.", "de", "ungefähr"),
    ("The deal cost about 10 billion euros.", "en", "about"),
    ("The deal cost around 10 billion euros.", "en", "around"),
    ("The deal cost roughly 10 billion euros.", "en", "roughly"),
    ("The deal cost some 10 billion euros.", "en", "some"),
])
def test_approx_band(text, lang, hedge):
    f = one(text, lang)
    assert f["qualifier"] == "approx" and f["text"].startswith(hedge)
    assert close(f["low"], 9e9) and close(f["high"], 11e9)


def test_approx_band_widens_for_a_single_written_digit():
    f = one("Die Summe wird auf rund eine Milliarde US-Dollar geschätzt.")
    assert f["text"] == "rund eine Milliarde US-Dollar" and f["unit"] == "USD"
    assert close(f["low"], 0.75e9) and close(f["high"], 1.25e9)


@pytest.mark.parametrize("text,lang,hedge", [
    ("Meta will über 10 Milliarden Dollar investieren.", "de", "über"),
    ("Meta will mehr als 10 Milliarden Dollar investieren.", "de", "mehr als"),
    ("Meta will mindestens 10 Milliarden Dollar investieren.", "de", "mindestens"),
    ("Meta plans to invest more than 10 billion dollars.", "en", "more than"),
    ("Meta plans to invest over 10 billion dollars.", "en", "over"),
    ("Meta plans to invest at least 10 billion dollars.", "en", "at least"),
])
def test_lower_bound(text, lang, hedge):
    f = one(text, lang)
    assert f["qualifier"] == "lower" and f["text"].startswith(hedge)
    assert close(f["low"], 10e9) and f["high"] == INF


@pytest.mark.parametrize("text,lang,hedge,low", [
    ("Meta will bis zu 65 Milliarden Dollar ausgeben.", "de", "bis zu", 0.0),
    ("Meta will höchstens 65 Milliarden Dollar ausgeben.", "de", "höchstens", 0.0),
    ("Meta will fast 65 Milliarden Dollar ausgeben.", "de", "fast", 58.5e9),
    ("Meta will nahezu 65 Milliarden Dollar ausgeben.", "de", "nahezu", 58.5e9),
    ("Meta will knapp 65 Milliarden Dollar ausgeben.", "de", "knapp", 58.5e9),
    ("Meta will beinahe 65 Milliarden Dollar ausgeben.", "de", "beinahe", 58.5e9),
    ("Meta will weniger als 65 Milliarden Dollar ausgeben.", "de", "weniger als", 0.0),
    ("Meta will spend up to 65 billion dollars.", "en", "up to", 0.0),
    ("Meta will spend nearly 65 billion dollars.", "en", "nearly", 58.5e9),
    ("Meta will spend almost 65 billion dollars.", "en", "almost", 58.5e9),
    ("Meta will spend just under 65 billion dollars.", "en", "just under", 58.5e9),
    ("Meta will spend less than 65 billion dollars.", "en", "less than", 0.0),
])
def test_upper_bound(text, lang, hedge, low):
    f = one(text, lang)
    assert f["qualifier"] == "upper" and f["text"].startswith(hedge)
    assert close(f["low"], low) and close(f["high"], 65e9)


@pytest.mark.parametrize("text,lang", [
    ("Die Bank gewährte einen Kredit über drei Milliarden Euro.", "de"),
    ("Die Firma stellte eine Rechnung über 500 Euro aus.", "de"),
    ("Der Konzern erhielt einen Auftrag über 2 Millionen Euro.", "de"),
])
def test_ueber_after_a_noun_means_of(text, lang):
    f = one(text, lang)
    assert f["qualifier"] == "exact" and f["low"] == f["high"] == f["value"]
    assert not f["text"].startswith("über")


def test_post_hedges():
    f = one("The firm hired 500 or more new staff.", "en")
    assert f["qualifier"] == "lower" and f["high"] == INF


def test_fast_die_haelfte_is_an_upper_share():
    f = one("Der Investor übernimmt fast die Hälfte des Unternehmens.")
    assert f["text"] == "fast die Hälfte" and f["unit"] == "percent" and f["value"] == 50
    assert f["qualifier"] == "upper" and close(f["low"], 45) and f["high"] == 50
    assert f["quantity"] == "stake"


def test_ueber_einer_milliarde_nutzern_is_a_lower_count_of_users():
    f = one("Der Assistent wird von über einer Milliarde Nutzern verwendet.")
    assert f["unit"] == "count" and f["value"] == 1e9 and f["qualifier"] == "lower"
    assert f["quantity"] == "users" and f["high"] == INF


@pytest.mark.parametrize("text,lang,value,low,high", [
    ("The bank failed within 48 hours.", "en", 48, 0, 48),
    ("Die Entscheidung fällt binnen zwei Wochen.", "de", 2, 0, 2),
    ("Die Prüfung endet innerhalb von 30 Tagen.", "de", 30, 0, 30),
    ("Der Bund darf bis auf 29,9 Prozent aufstocken.", "de", 29.9, 0, 29.9),
])
def test_within_and_bis_auf_are_upper_bounds(text, lang, value, low, high):
    f = one(text, lang)
    assert f["qualifier"] == "upper" and close(f["value"], value) and close(f["low"], low) and close(f["high"], high)


def test_bis_auf_weiteres_is_no_hedge():
    assert one("Der Bund behält 12 Prozent bis auf Weiteres.")["qualifier"] == "exact"


def test_over_before_a_span_of_time():
    f = one("It is the biggest deal in over 20 years.", "en")
    assert f["qualifier"] == "lower" and f["value"] == 20
    f = one("Clients withdrew most deposits over two days.", "en")
    assert f["qualifier"] == "exact" and f["value"] == 2     # "over two days": during, not more than


def test_copy_hedge_bounds_on_the_copy():
    from figcheck.extract.hedges import copy_hedge
    src = {"qualifier": "approx", "_hedge_rule": "approx", "value": 64.5e9}
    dst = {"qualifier": "exact", "value": 52e9, "_digit_unit": 1e9}
    copy_hedge(src, dst)
    assert dst["qualifier"] == "approx" and dst["low"] < 52e9 < dst["high"]
