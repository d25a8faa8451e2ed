# METADATA
# title: EMR block public access is turned off
# description: >-
#   EMR block public access stops clusters from launching with security groups that open
#   ports to 0.0.0.0/0 or ::/0. Turning it off for the account and region lets any
#   cluster expose its master node's web UIs and SSH to the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html
# custom:
#   id: IAC-AWS-EMR-003
#   severity: high
#   remediation: >-
#     Set `block_public_security_group_rules = true` on the
#     `aws_emr_block_public_access_configuration` and allow public access only to port 22
#     through `permitted_public_security_group_rule_range` if at all. (CloudFormation has
#     no resource for this account setting: set it with the CLI or console.)
#   frameworks: [AWS-FSBP-EMR.2]
#   kinds: [terraform]
#   forms:
#     - '`block_public_security_group_rules` false or "false"'
#     - 'Account-level: judged only where the code declares the setting'
#   not_flagged:
#     - 'Accounts and repositories that do not declare the setting (it is on by default for new accounts)'
#     - 'Which port ranges are permitted (`permitted_public_security_group_rule_range`)'
package iac_guard.aws.emr.block_public_access

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_emr_block_public_access_configuration")
	lib.is_false(r.values.block_public_security_group_rules)
	result := lib.finding(r, sprintf("%s turns EMR block public access off", [r.address]), "block_public_security_group_rules")
}
