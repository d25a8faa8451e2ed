"""Parsers: one module per IaC kind, one registry (``parse.registry.PARSERS``)."""
