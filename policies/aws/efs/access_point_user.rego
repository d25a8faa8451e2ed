# METADATA
# title: EFS access point does not enforce a user identity
# description: >-
#   Without a POSIX user on the access point, NFS clients act as whatever user and group
#   they claim, root included; an enforced identity makes every request through the
#   access point run as one fixed uid/gid.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/enforce-identity-access-points.html
# custom:
#   id: IAC-AWS-EFS-004
#   severity: medium
#   remediation: >-
#     Terraform: set `posix_user { uid = 1000, gid = 1000 }` on the `aws_efs_access_point`.
#     CloudFormation: set `PosixUser: { Uid: "1000", Gid: "1000" }` on the
#     `AWS::EFS::AccessPoint`.
#   frameworks: [AWS-FSBP-EFS.4]
#   forms:
#     - 'Terraform `aws_efs_access_point`: `posix_user` block absent or empty'
#     - 'CloudFormation `AWS::EFS::AccessPoint`: `PosixUser` absent or empty'
#   not_flagged:
#     - 'A `posix_user` with `uid = 0` (root): enforced, if unwise; the control only asks for an enforced identity.'
#     - A `posix_user` block produced by a `dynamic` block or an intrinsic (unknown).
package iac_guard.aws.efs.access_point_user

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_efs_access_point")
	not lib.has_block(r.values, "posix_user")
	not lib.is_unknown(r.values.posix_user)
	result := lib.finding(r, sprintf("EFS access point %s does not enforce a POSIX user identity", [r.address]), "posix_user")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EFS::AccessPoint")
	not lib.has_block(r.values, "PosixUser")
	not lib.is_unknown(r.values.PosixUser)
	result := lib.finding(r, sprintf("EFS access point %s does not enforce a POSIX user identity", [r.address]), "PosixUser")
}
