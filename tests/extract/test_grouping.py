"""figcheck.extract.grouping through the story path of notebook 02 (extract_story_figures): which figures,
across the articles of a story, are one quantity (issue 10, "What to build" 2).

Grouping: figures that measure the same thing with different words (synonyms, both languages) are one
quantity; a measure no table knows, used by two articles, is one quantity named from its words.
Non-grouping: a loan that finances the deal, a break fee, an earlier deal years before, a premium, a
bank's stake beside the state's, a share price beside a euro conversion: each its own quantity; a figure
whose frame is empty stays unclassified.

INVENTED TEST MATERIAL: the stories (Orbis buys Quillon; the state and Nordbank hold shares of the airline
Aerona; Larsen bids for a shipyard) and every sentence and number are written for these tests.
"""
import pandas as pd
import pytest

from figcheck.common.params import default_params
from figcheck.extract.grouping import figure_key, name_quantities, slug, story_year
from figcheck.extract.table import FIGURE_COLUMNS, extract_story_figures


def bug(reason):
    return pytest.mark.xfail(strict=True, reason=reason)


def articles(*texts, published=None):
    """articles.csv for texts given as 'de|...' or 'en|...', files 00_a.txt, 01_a.txt, ..."""
    rows = []
    for i, t in enumerate(texts):
        lang, text = t.split("|", 1)
        rows.append({"file": f"{i:02d}_a.txt", "article_id": f"{i:02d}_a", "outlet": f"Outlet {i}",
                     "published": published[i] if published else "", "language": lang, "text": text,
                     "segments": "[]", "cites": "[]", "duplicate_of": ""})
    return pd.DataFrame(rows)


def story(*texts, published=None, **params):
    p = default_params()
    p.update(params)
    return extract_story_figures(articles(*texts, published=published), p)


def q(df, article, span):
    """The quantity of the figure of article number `article` whose text contains `span`."""
    rows = df[(df["file"] == f"{article:02d}_a.txt") & df["text"].str.contains(span, regex=False)]
    assert len(rows) == 1, (article, span, df[df["file"] == f"{article:02d}_a.txt"]["text"].tolist())
    return rows.iloc[0]["quantity"]


# ---------------------------------------------------------------------------
# the same thing in other words: one quantity
# ---------------------------------------------------------------------------
BILINGUAL = (
    "de|Der Kaufpreis für Quillon liegt bei 12 Milliarden Dollar. Die Bewertung von Quillon steigt damit auf "
    "30 Milliarden Dollar. Larsen zahlt einen Aufschlag von 25 Prozent. Die Hausbank gewährt einen Kredit über "
    "3 Milliarden Dollar.",
    "en|The purchase price of $12 billion was agreed on Monday. The deal gives Quillon a valuation of $30 "
    "billion. Larsen pays a premium of 25%. A $3 billion loan from its house bank finances the deal.",
    "en|The deal value of $12 billion was agreed after talks. Quillon's valuation of $30 billion doubled in a "
    "year. It is a 25% premium. Larsen took out a loan of $3 billion.",
    "de|Das Geschäft hat einen Transaktionswert von 12 Milliarden Dollar. Die Prämie beträgt 25 Prozent. Larsen "
    "nimmt ein Darlehen über 3 Milliarden Dollar auf. Quillon wird mit 30 Milliarden Dollar bewertet.",
)


def test_synonyms_in_german_and_english_articles_are_one_quantity_each():
    """Kaufpreis / purchase price / deal value / Transaktionswert; Bewertung / valuation / bewertet;
    Aufschlag / premium / Prämie; Kredit / loan / Darlehen: four quantities, each over all four articles."""
    df = story(*BILINGUAL)
    price = {q(df, i, s) for i, s in ((0, "12"), (1, "$12"), (2, "$12"), (3, "12"))}
    value = {q(df, i, s) for i, s in ((0, "30"), (1, "$30"), (2, "$30"), (3, "30"))}
    premium = {q(df, i, s) for i, s in ((0, "25"), (1, "25%"), (2, "25%"), (3, "25"))}
    loan = {q(df, i, s) for i, s in ((0, "3 Milliarden"), (1, "$3 billion"), (2, "$3 billion"), (3, "3 Milliarden"))}
    assert (price, value, premium, loan) == ({"deal_amount"}, {"valuation"}, {"premium"}, {"loan"})


def test_anteil_beteiligung_and_stake_of_the_state_are_one_quantity():
    df = story("de|Der Anteil des Staates an Aerona liegt bei 20 Prozent.",
               "de|Die Beteiligung des Staates beträgt 20 Prozent.",
               "en|The state's stake in Aerona is 20%.",
               "de|Der Staatsanteil von 20 Prozent soll bleiben.")
    assert {q(df, i, "20") for i in range(4)} == {"stake"}
    assert set(df["holder"]) == {"state"}


def test_a_measure_no_table_knows_used_by_two_articles_is_one_quantity_named_from_its_words():
    df = story("de|Ein Rettungsfonds von 500 Millionen Euro soll den Zulieferern helfen.",
               "de|Der Bund legt einen Rettungsfonds über 500 Millionen Euro auf.",
               "en|Orbis set up a retention pool of $300 million for staff.",
               "en|A $300 million retention pool will keep engineers at Quillon.")
    assert q(df, 0, "500") == q(df, 1, "500") == "rettungsfonds"
    assert q(df, 2, "$300") == q(df, 3, "$300") == "retention_pool"


def test_measures_the_table_translates_are_named_by_it_and_kept_apart():
    """'Hilfspaket', 'break fee', 'equity commitment': each one quantity across articles, none the deal."""
    df = story("en|Orbis will pay $62 billion for Quillon. Harrow Capital made a $8 billion equity commitment. "
               "A break fee of $2 billion is payable.",
               "en|The takeover of Quillon is worth $62 billion. Harrow Capital adds an $8 billion equity "
               "commitment. Orbis agreed to a $2 billion break fee.",
               "de|Die Regierung schnürt ein Hilfspaket von sechs Milliarden Euro für Quillon.",
               "de|Das Hilfspaket umfasst sechs Milliarden Euro.")
    assert q(df, 0, "$62") == q(df, 1, "$62") == "deal_amount"
    assert q(df, 0, "$8") == q(df, 1, "$8") == "commitment"
    assert q(df, 0, "$2") == q(df, 1, "$2") == "fee"
    assert q(df, 2, "sechs") == q(df, 3, "sechs") == "aid"


def test_an_offer_that_moved_is_one_quantity_so_that_the_move_can_be_found():
    """'zunächst 30 Euro je Aktie' and 'nun 36 Euro je Aktie' in other articles: one price per share (the
    comparison shows it as a progression), not two quantities."""
    df = story("de|Zunächst hatte Larsen 30 Euro je Aktie geboten.",
               "de|Nun bietet Larsen 36 Euro je Aktie.",
               "de|Larsen bietet 36 Euro je Aktie für die Werft.")
    assert {q(df, 0, "30"), q(df, 1, "36"), q(df, 2, "36")} == {"price_per_share"}


def test_would_does_not_split_a_quantity():
    df = story("en|Orbis would pay $41 per share under the offer.", "en|Orbis pays $41 a share.",
               "en|Orbis will pay $41 per share in cash.")
    assert {q(df, i, "$41") for i in range(3)} == {"price_per_share"}


# ---------------------------------------------------------------------------
# look-alikes: different things, different quantities
# ---------------------------------------------------------------------------
TAKEOVER = (
    "en|Orbis agreed to buy Quillon for $62 billion (€57 billion) on Monday. Quillon shares closed at €57 on "
    "Friday. Orbis owns a 9% stake in Quillon. The offer is a 38% premium to the closing price. A break fee of "
    "$2 billion is payable. Harrow Bank will provide a $4 billion loan to finance the deal.",
    "en|Orbis will pay $62 billion for Quillon. The bid carries a 38% premium. Orbis agreed to a $2 billion "
    "break fee. The buyer lined up $4 billion in loans. Orbis holds 9% of Quillon. That left 12 on the list.",
    "en|The takeover of Quillon is worth $62 billion. Orbis, which holds 9% of Quillon, offers a premium of "
    "38%. The break fee is $2 billion. Quillon stock ended at €57.",
)


@pytest.fixture(scope="module")
def takeover():
    return story(*TAKEOVER)


def test_the_deal_amount_is_one_quantity(takeover):
    assert {q(takeover, i, "$62") for i in range(3)} == {"deal_amount"}


def test_a_loan_that_finances_the_deal_is_not_the_deal_amount(takeover):
    assert q(takeover, 0, "$4") == q(takeover, 1, "$4") == "loan"


def test_a_break_fee_is_not_the_takeover_price(takeover):
    assert {q(takeover, i, "$2") for i in range(3)} == {"fee"}


def test_a_percent_premium_is_not_a_percent_stake(takeover):
    assert {q(takeover, i, "38") for i in range(3)} == {"premium"}
    assert {q(takeover, i, "9%") for i in range(3)} == {"stake"}


def test_a_euro_conversion_of_the_deal_is_not_a_share_price(takeover):
    assert q(takeover, 0, "€57 billion") == "deal_amount"
    sp = takeover[(takeover["unit"] == "EUR") & (takeover["value"] == 57.0)]
    assert len(sp) == 2 and set(sp["quantity"]) == {"share_price"}


def test_a_figure_whose_frame_is_empty_stays_unclassified(takeover):
    f = takeover[takeover["text"] == "12"].iloc[0]
    assert (f["measure"], f["frame"], f["quantity"]) == ("", "", "unclassified")


def test_the_states_stake_and_a_banks_stake_are_two_quantities():
    df = story("de|Der Anteil des Staates an Aerona liegt bei 20 Prozent. Die Nordbank hält 5 Prozent an Aerona.",
               "de|Die Beteiligung des Staates beträgt 20 Prozent. Die Nordbank besitzt 5 Prozent der Fluglinie.",
               "en|The state's stake in Aerona is 20%. Northbank holds 5% of Aerona.")
    state = {q(df, 0, "20"), q(df, 1, "20"), q(df, 2, "20%")}
    bank = {q(df, 0, "5"), q(df, 1, "5")}
    assert len(state) == 1 and len(bank) == 1 and state != bank


def test_an_earlier_separate_deal_years_before_is_not_this_deal():
    df = story("en|Orbis agreed to buy Quillon for $62 billion on Monday. Orbis paid $5 billion for its first "
               "stake in Quillon in 2016.",
               "en|Orbis will pay $62 billion for Quillon.",
               "en|Orbis is paying $62 billion. Back in 2016 Orbis had invested $5 billion in Quillon.",
               published=["2025-03-01", "2025-03-02", "2025-03-03"])
    now = {q(df, i, "$62") for i in range(3)}
    then = {q(df, 0, "$5"), q(df, 2, "$5")}
    assert now == {"deal_amount"} and len(then) == 1 and then != now


def test_an_earlier_deal_dated_at_the_sentence_start_is_not_this_deal():
    df = story("en|Orbis agreed to buy Quillon for $62 billion on Monday.",
               "en|Orbis will pay $62 billion for Quillon. In 2016, Orbis paid $5 billion for a first stake.",
               published=["2025-03-01", "2025-03-02"])
    assert q(df, 1, "$5") != q(df, 0, "$62")


def test_money_put_into_projects_or_places_is_an_investment_not_the_deal():
    # invented: the deal buys Quillon; the money for plants, projects and a country is spent, not paid
    df = story("en|Orbis will invest $6 billion in Quillon. Orbis also plans to invest $2 billion in data centers.",
               "de|Orbis investiert 6 Milliarden Dollar in Quillon und will 3 Milliarden Euro in Deutschland "
               "investieren.",
               "de|Orbis kündigt an, 4 Milliarden Euro in KI-bezogene Initiativen zu investieren.")
    assert q(df, 0, "$6") == q(df, 1, "6 Milliarden") == "deal_amount"
    spent = {q(df, 0, "$2"), q(df, 1, "3 Milliarden"), q(df, 2, "4 Milliarden")}
    assert all(s.startswith("investment") for s in spent), spent   # each split by what it goes into


def test_a_plain_noun_object_does_not_split_a_holders_stake():
    df = story("en|Northbank holds 5% of Aerona.", "en|Northbank owns 5% of the airline.",
               "en|Northbank holds a 5% stake.")
    assert len({q(df, i, "5%") for i in range(3)}) == 1


def test_a_bank_named_with_a_generic_word_is_not_the_state():
    df = story("en|The state's stake in Aerona is 20%. Harrow Bank holds 5% of Aerona.",
               "en|The government's 20% stake will not be sold. Harrow Bank holds 5% of the carrier.")
    assert q(df, 0, "20%") != q(df, 0, "5%")


def test_a_stake_that_names_no_holder_is_not_the_states():
    # the state's share is named with the state; an unattributed stake is the buyer's
    df = story("de|Der Anteil des Bundes an Aerona sinkt auf 12 Prozent. Larsen hält nun 9 Prozent.",
               "de|Der Staatsanteil beträgt 12 Prozent.",
               "de|Die Beteiligung des Staates liegt bei 12 Prozent.",
               "de|Larsen kontrolliert jetzt rund 9 Prozent. Das Institut hat seinen Anteil zuletzt von 5 "
               "Prozent auf 9 Prozent erhöht. Der Anteil des Bundes lag zuvor bei 16 Prozent.")
    state = {q(df, i, "12") for i in range(3)}
    assert len(state) == 1
    assert q(df, 3, "rund 9") not in state and q(df, 3, "rund 9") == q(df, 0, "9 Prozent")
    assert q(df, 3, "5 Prozent") != q(df, 3, "16")          # the bank's earlier stake is not the state's


def test_a_package_sold_is_not_the_holding_and_fractions_stay_in_their_article():
    df = story("de|Larsen beteiligt sich mit zusammen etwa 11 Prozent an Aerona. Die Stiftung veräußerte im Zuge "
               "einer lange geplanten und mehrfach verschobenen Auktion das komplette Paket von 6 Prozent an Larsen.",
               "de|Larsen hält rund 9 Prozent. Rund die Hälfte davon kaufte Larsen von der Stiftung.",
               "de|Larsen hält 20 Prozent. Knapp ein Drittel davon hält Larsen direkt.")
    assert q(df, 0, "6 Prozent") != q(df, 0, "11") and q(df, 0, "6 Prozent").startswith("stake_sold")
    assert q(df, 1, "Hälfte") != q(df, 2, "Drittel")       # fractions of different wholes


def test_a_planned_threshold_a_ceiling_and_a_target_are_three_quantities():
    df = story("de|Larsen besitzt 8 Prozent an Aerona. Für einen Anteil von über 15 Prozent an Aerona zu erwerben, "
               "braucht Larsen eine Freigabe.",
               "de|Larsen besitzt 8 Prozent. Um die Quote auf mehr als 15 Prozent zu erhöhen, fehlt noch die Freigabe. "
               "Danach könnte Larsen die Beteiligung bis auf 24,5 Prozent zu steigern versuchen.",
               "de|Larsen besitzt 12 Prozent. Das Ziel lautet, die Beteiligung auf 24,5 Prozent auszubauen. Ein Antrag, "
               "den Anteil auf bis zu 24,5 Prozent aufzustocken, liegt vor.")
    threshold = {q(df, 0, "15"), q(df, 1, "15")}
    ceiling = {q(df, 1, "bis auf 24,5"), q(df, 2, "bis zu 24,5")}
    target = df[(df["file"] == "02_a.txt") & (df["text"] == "24,5 Prozent")].iloc[0]["quantity"]
    assert len(threshold) == 1 and len(ceiling) == 1
    assert len(threshold | ceiling | {target}) == 3


def test_names_written_with_and_without_a_space_are_one():
    from figcheck.extract.names import same_name
    assert same_name("orbis quillon", "orbisquillon")
    assert not same_name("harrow bank", "norland bank")
    assert not same_name("vessel energy", "plume energy")     # a word many names end with is no name
    assert same_name("vessel energy", "vessel")


def test_a_multiple_and_its_target_are_two_figures_not_a_range():
    df = story("en|Quillon expects its output to more than double to 0.8 million tonnes a year.")
    assert len(df) == 2, df["text"].tolist()


def test_a_pronoun_opening_a_sentence_stands_for_the_name_before_it():
    # invented: two banks, each "the second-largest failure" at its time
    # the sentence before opens with a possessive, no name: the pronoun is the name it ends with
    df = story("en|Harrow's collapse ranked as the fourth-biggest bank failure of the decade before supervisors "
               "closed Norland Savings in May. It is now the fourth-biggest bank failure, ahead of Harrow.",
               "en|Harrow remains the fourth-biggest bank failure of the decade.")
    ranks = df[df["text"].str.contains("fourth")]
    norland = ranks[ranks["sentence"].str.startswith("It is now")].iloc[0]
    assert norland["holder"] == "norland savings"
    assert norland["quantity"] != q(df, 1, "fourth")


def test_a_figure_restated_after_or_takes_the_first_ones_measure():
    df = story("en|Shares of Harrow Bank fell sharply, falling by $61.20, or 40.5%, to $90.")
    row = df[df["text"] == "40.5%"].iloc[0]
    assert row["measure"] == "fall"


def test_a_units_material_tells_quantities_apart_only_where_both_name_one():
    df = story("en|After the merger the Orbis mines turn out 45,000 tonnes of copper a year.",
               "en|Orbis will produce 45,000 tonnes a year once the merger closes.",
               "en|The combined Orbis group will mine 45,000 tonnes of copper a year.",
               "en|Quillon also digs 12,000 tonnes of zinc a year.")
    copper, plain, zinc = q(df, 0, "45,000"), q(df, 1, "45,000"), q(df, 3, "12,000")
    assert copper == plain == q(df, 2, "45,000") and zinc != copper and zinc.endswith("zinc")


# ---------------------------------------------------------------------------
# the pieces: keys, names, the story's present
# ---------------------------------------------------------------------------
def test_figure_key_reads_measure_verb_and_part():
    assert figure_key({"measure": "anteil", "frame": "noun_of"}, "percent") == ("stake", True)
    assert figure_key({"measure": "halten", "frame": "verb"}, "percent") == ("stake", True)
    assert figure_key({"measure": "anteil", "frame": "noun_of", "part": "added"}, "percent") == \
        ("stake_added", True)
    assert figure_key({"measure": "rettungsfonds", "frame": "noun_of"}, "money") == ("rettungsfonds", False)
    assert figure_key({"measure": "", "frame": ""}, "money") == ("", False)
    # '5.000 Stellen abbauen' is the cut, not the jobs
    assert figure_key({"measure": "stelle", "frame": "noun_after", "verb": "abbauen"}, "count") == \
        ("job_cuts", True)


def test_slug_names_a_quantity_from_its_words():
    assert slug("equity commitment") == "equity_commitment"
    assert slug("Hilfspaket") == "hilfspaket"
    assert slug("  ") == "unclassified"


def test_story_year_is_the_latest_publication_else_the_most_named_year():
    assert story_year([{"published": "2024-05-01"}, {"published": "2025-01-02"}]) == 2025
    assert story_year([{"unit": "year", "value": 2019.0}, {"unit": "year", "value": 2023.0},
                       {"unit": "year", "value": 2023.0}]) == 2023
    assert story_year([{"unit": "USD", "value": 5.0}]) is None


def test_name_quantities_splits_by_holder_only_for_shares_and_counts():
    """Two money figures of one key with different holders stay one quantity (who pays is not what is paid);
    two stakes with different holders become two."""
    def f(file, unit, measure, holder):
        return {"file": file, "start": 0, "unit": unit, "measure": measure, "frame": "noun_of", "holder": holder,
                "object": "", "when": "", "part": "", "verb": "", "cue": "unclassified"}
    money = [f("a", "USD", "kaufpreis", "orbis"), f("b", "USD", "purchase price", "larsen")]
    stakes = [f("a", "percent", "anteil", "state"), f("b", "percent", "stake", "nordbank")]
    name_quantities(money)
    name_quantities(stakes)
    assert money[0]["quantity"] == money[1]["quantity"] == "deal_amount"
    assert stakes[0]["quantity"] != stakes[1]["quantity"]
    assert {s["quantity"].split("__")[0] for s in stakes} == {"stake"}


def test_a_quantity_split_off_by_its_holder_is_named_by_the_holder():
    def f(file, measure, frame, holder, obj):
        return {"file": file, "start": 0, "unit": "percent", "measure": measure, "frame": frame, "holder": holder,
                "object": obj, "when": "", "part": "", "verb": "", "cue": "unclassified"}
    figs = [f("a", "anteil", "subject", "state", ""), f("b", "beteiligung", "subject", "state", ""),
            f("c", "staatsanteil", "noun_of", "state", ""),
            f("a", "halten", "verb", "nordbank", "aerona"), f("b", "besitzen", "verb", "nordbank", "aerona")]
    name_quantities(figs)
    assert [g["quantity"] for g in figs] == ["stake"] * 3 + ["stake__nordbank"] * 2


def test_the_story_table_has_the_frame_columns():
    df = story(*BILINGUAL[:2])
    assert list(df.columns) == FIGURE_COLUMNS
    for col in ("measure", "holder", "object", "when", "frame", "measure_text", "verb", "part"):
        assert col in df.columns
