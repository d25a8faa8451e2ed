# METADATA
# title: EFS access point does not enforce a root directory
# description: >-
#   An access point without a root directory (or with `/`) exposes the whole file
#   system to every client that mounts through it; a dedicated directory confines each
#   application to its own part of the file system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/enforce-root-directory-access-point.html
# custom:
#   id: IAC-AWS-EFS-003
#   severity: medium
#   remediation: >-
#     Terraform: set `root_directory { path = "/app" }` on the `aws_efs_access_point`
#     (with `creation_info` so EFS creates it). CloudFormation: set `RootDirectory.Path`
#     on the `AWS::EFS::AccessPoint`.
#   frameworks: [AWS-FSBP-EFS.3]
#   forms:
#     - 'Terraform `aws_efs_access_point`: no `root_directory` block, a block without `path`, `path = "/"` or `""`'
#     - 'CloudFormation `AWS::EFS::AccessPoint`: no `RootDirectory`, no `RootDirectory.Path`, `Path: /`'
#   not_flagged:
#     - A path that is unknown (a variable or an intrinsic).
#     - Paths such as `/./` or `//` that resolve to the root - EFS rejects non-normalised paths.
package iac_guard.aws.efs.access_point_root

import data.iac_guard.lib
import rego.v1

# The root directory block (or {}) confines nothing: no path, or the file system's root.
at_root(b) if not lib.has_key(b, "path")

at_root(b) if b.path in {"/", "", null}

cfn_at_root(b) if not lib.has_key(b, "Path")

cfn_at_root(b) if b.Path in {"/", "", null}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_efs_access_point")
	not lib.block_unknown(r.values, "root_directory", "path")
	at_root(lib.block_or_empty(r.values, "root_directory"))
	result := lib.finding(r, sprintf("EFS access point %s does not confine clients to a root directory", [r.address]), "root_directory.0.path")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EFS::AccessPoint")
	not lib.block_unknown(r.values, "RootDirectory", "Path")
	cfn_at_root(lib.block_or_empty(r.values, "RootDirectory"))
	result := lib.finding(r, sprintf("EFS access point %s does not confine clients to a root directory", [r.address]), "RootDirectory.Path")
}
