"""figcheck.ingest.dates: publication dates in the forms articles write them."""
import pytest

from figcheck.ingest.dates import parse_date_line, parse_published


@pytest.mark.parametrize("line, iso", [
    ("2025-06-11", "2025-06-11"), ("11.06.2025", "2025-06-11"), ("11.06.2025, 14:32 Uhr", "2025-06-11"),
    ("Veröffentlicht am 11. Juni 2025", "2025-06-11"), ("Mittwoch, 11. Juni 2025", "2025-06-11"),
    ("June 11, 2025", "2025-06-11"), ("Published 11 June 2025 at 10:30 BST", "2025-06-11"),
    ("Stand: 1.3.2024 | 09:15", "2024-03-01"), ("2025-06-11T08:30:00+02:00", "2025-06-11"),
    ("2025-13-45", ""), ("Am 11. Juni 2025 stieg der Kurs.", ""), ("Juni 2025", ""), ("12.400 Beschäftigte", ""),
])
def test_parse_date_line(line, iso):
    assert parse_date_line(line) == iso


@pytest.mark.parametrize("value, iso", [
    ("11. Juni 2025", "2025-06-11"), ("3. Mai 2024", "2024-05-03"), ("5 March 2024", "2024-03-05"),
    ("Wed, 11 Jun 2025", "2025-06-11"), ("gestern", ""), ("", ""), ("kein Datum", ""),
])
def test_parse_published(value, iso):
    assert parse_published(value) == iso
