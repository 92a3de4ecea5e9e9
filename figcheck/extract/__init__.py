"""Extract (notebook 02): every figure of an article, its hedge, its interval and what it measures; and
notebook 01's story check (`offstory`), which reads the same figures to tell which articles share a story."""
