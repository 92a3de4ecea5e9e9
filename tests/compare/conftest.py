"""Fixtures of the comparison tests: the fixture stories of tests/fixtures/compare/, compared once.

Test material (see its README): the default story's figures transcribed by hand over its real
articles, and invented German and English stories that make each kind of finding arise — and not
arise where the outlets agree.
"""
import pytest

from ..support import story


@pytest.fixture(scope="session")
def default():
    """The default story's hand-transcribed figures, compared with the default parameters."""
    return story("meta-scale-ai")


@pytest.fixture(scope="session")
def english():
    """en-test-acquisition: a scale slip, a euro figure, an early bound, a shared source, a progression."""
    return story("en-test-acquisition")


@pytest.fixture(scope="session")
def agreeing():
    """de-test-einig: three outlets that agree."""
    return story("de-test-einig")


@pytest.fixture(scope="session")
def conflicting():
    """de-test-widerspruch: an outlier, a contradiction, a self-contradiction, a failed derived check."""
    return story("de-test-widerspruch")
