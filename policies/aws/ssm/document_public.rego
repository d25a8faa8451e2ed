# METADATA
# title: SSM document is shared publicly
# description: >-
#   A document shared with `All` can be read and run by every AWS account. Documents
#   often reveal internal hostnames, paths, bucket names and the exact steps of your
#   operations, and a public document can be misused under your name.
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html
# custom:
#   id: IAC-AWS-SSM-001
#   severity: high
#   remediation: >-
#     Remove `All` from `permissions.account_ids` of the `aws_ssm_document` and share with
#     named account ids only; block public sharing for the account with an
#     `aws_ssm_service_setting` for `/ssm/documents/console/public-sharing-permission` set
#     to `Disable`. (CloudFormation cannot share documents.)
#   frameworks: [AWS-FSBP-SSM.4]
#   kinds: [terraform]
#   forms:
#     - '`permissions = { type = "Share", account_ids = "All" }`, `account_ids` as a comma-separated string or a list, `All` in any case'
#     - 'The account-level block: an `aws_ssm_service_setting` for `/ssm/documents/console/public-sharing-permission` (id or full ARN) set to `Enable`, reported on the setting'
#   not_flagged:
#     - 'Documents shared with named accounts, and permissions that cannot be resolved'
package iac_guard.aws.ssm.document_public

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ssm_document")
	some permissions in lib.as_array(r.values.permissions)
	is_object(permissions)
	lib.lowercase(object.get(permissions, "type", "Share")) == "share"
	some id in account_ids(permissions.account_ids)
	lower(trim_space(id)) == "all"
	result := lib.finding(r, sprintf("SSM document %s is shared with every AWS account", [r.address]), "permissions")
}

account_ids(value) := split(value, ",") if is_string(value)

account_ids(value) := [id | some id in value; is_string(id)] if is_array(value)

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ssm_service_setting")
	is_string(r.values.setting_id)
	endswith(r.values.setting_id, "/ssm/documents/console/public-sharing-permission")
	lib.lowercase(r.values.setting_value) == "enable"
	result := lib.finding(r, sprintf("%s allows SSM documents to be shared publicly", [r.address]), "setting_value")
}
