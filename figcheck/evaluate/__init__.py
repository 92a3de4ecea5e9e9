"""Evaluation: run annotated stories and score figures, grouping and alarms against their gold."""
