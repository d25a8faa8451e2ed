"""Policies: loading, METADATA, engines (one registry), evaluation to findings."""
