"""What every stage shares: paths, story parameters, atomic writes, table cells, the story's language."""
