"""figcheck.extract.quantities: the story's own quantities add to and override the vocabulary."""
from .support import one


def test_story_quantities_add_and_override_the_vocabulary():
    text = "Die EU verhängte eine Kartellstrafe von 4 Milliarden Euro."
    assert one(text)["quantity"] == "fine"
    own = {"antitrust_fine": {"cues": ["kartellstrafe"], "unit": "EUR"}}
    assert one(text, quantities=own)["quantity"] == "antitrust_fine"
    override = {"valuation": {"cues": ["kartellstrafe"], "unit": "EUR"}}
    assert one(text, quantities=override)["quantity"] == "valuation"
    # a unit constraint keeps a money cue from labelling a percentage
    assert one("Die Kartellstrafe stieg um 4 Prozent.", quantities=own)["quantity"] != "antitrust_fine"
