"""Extract (notebook 02): every figure of an article, its hedge, its interval and what it measures."""
