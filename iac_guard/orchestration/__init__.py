"""Dagster wiring: thin ops over the plain stage modules, one job, one resource."""
