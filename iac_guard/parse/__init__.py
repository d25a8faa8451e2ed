"""The parse stage: one parser per IaC kind, one registry.

- ``base``: the parser interface (``Parser``, ``BuildOptions``, ``read_text``)
- ``cloudformation``, ``tfconfig`` (Terraform ``.tf``/``.tf.json``), ``tfplan``: the parsers
- ``registry``: ``PARSERS`` (kind -> parser), ``parser_for``, ``classify``; only the
  modules above the parsers (discovery, the runner, the pipeline) import it
- ``cache``: ``ParseCache``, made by the caller
- ``runner``: parse a kind's files (in parallel, through the cache) and build its input
"""
