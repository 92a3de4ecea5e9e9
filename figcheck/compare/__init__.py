"""Compare (notebook 03): consensus, outliers, contradictions, progressions, derived checks and
citations, across the outlets of a story."""
