"""iac-guard: a policy-as-code gate for Terraform and CloudFormation."""

__version__ = "0.1.0"
