# METADATA
# title: WorkSpaces root volume is not encrypted
# description: >-
#   A WorkSpace's root volume (the C: drive or /) holds cached credentials, documents and application data.
#   Without encryption, snapshots and the underlying storage hold them in clear text.
# related_resources:
#   - ref: https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html
# custom:
#   id: IAC-AWS-WORKSPACES-001
#   severity: medium
#   remediation: >-
#     Set `root_volume_encryption_enabled = true` and `volume_encryption_key` (a symmetric KMS key) on the
#     `aws_workspaces_workspace` (CloudFormation `RootVolumeEncryptionEnabled: true` and
#     `VolumeEncryptionKey` on `AWS::WorkSpaces::Workspace`). Existing WorkSpaces must be
#     rebuilt to be encrypted.
#   frameworks: [AWS-FSBP-WorkSpaces.2]
#   forms:
#     - 'Terraform `root_volume_encryption_enabled`, CloudFormation `RootVolumeEncryptionEnabled`: absent (off by default), null, false or "false"'
#   not_flagged:
#     - 'A value that cannot be resolved'
package iac_guard.aws.workspaces.root_volume_encryption

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_workspaces_workspace")
	lib.false_or_missing(r.values, "root_volume_encryption_enabled")
	result := lib.finding(r, sprintf("WorkSpace %s does not encrypt its root volume", [r.address]), "root_volume_encryption_enabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::WorkSpaces::Workspace")
	lib.false_or_missing(r.values, "RootVolumeEncryptionEnabled")
	result := lib.finding(r, sprintf("WorkSpace %s does not encrypt its root volume", [r.address]), "RootVolumeEncryptionEnabled")
}
