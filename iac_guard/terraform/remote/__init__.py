"""Remote Terraform module sources for --download-modules: registry, git and HTTP archives (see resolve.py)."""
