"""Terraform semantics, independent of the parse stage (nothing here imports
``iac_guard.parse``; the stage passes its Terraform parser in where module directories
are read from disk). Each module imports only those listed before it:

- ``hcl``: the HCL syntax tree (expression and body nodes with line numbers)
- ``templates``: string templates, ``%{ if }``/``%{ for }`` directives
- ``native_syntax``: ``.tf``/``.tfvars`` text to the tree (over python-hcl2's Lark tree)
- ``json_syntax``: ``.tf.json`` to the tree
- ``values``: what expressions evaluate to (Unknown, TfSet, Scope, Namespace, FileAccess)
- ``functions``: the built-in functions (``FUNCTIONS``)
- ``expressions``: expression evaluation (``evaluate``)
- ``variables``: root module variable values and type conversion
- ``modules``: module directories, overrides, call sources, the module loader
- ``instances``: modules and resources expanded to instances (``build_resources``)
- ``plan``: a plan's resources mapped back to their HCL (``plan_resources``)
"""
