"""Terraform semantics: HCL syntax tree, expression evaluation, modules and instances."""
