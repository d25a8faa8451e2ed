"""GitHub integration: the Actions environment, workflow-step side effects (annotations,
step summary, step outputs) and publishing to a pull request through PyGithub (one
sticky summary comment, optional line comments), with fallbacks that never change the
exit code."""
