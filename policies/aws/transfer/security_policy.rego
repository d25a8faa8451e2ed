# METADATA
# title: Transfer Family server uses an outdated security policy
# description: >-
#   The 2018-11 and 2020-06 security policies still offer SHA-1 MACs, CBC ciphers and other
#   algorithms that current guidance retires; `TransferSecurityPolicy-2018-11` is what a
#   server gets when no policy is named.
# related_resources:
#   - ref: https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html
# custom:
#   id: IAC-AWS-TRANSFER-002
#   severity: medium
#   remediation: >-
#     Terraform: set `security_policy_name = "TransferSecurityPolicy-2024-01"` (or a newer
#     or FIPS policy) on the `aws_transfer_server`. CloudFormation: set `SecurityPolicyName`
#     on the `AWS::Transfer::Server`.
#   forms:
#     - 'Terraform `aws_transfer_server.security_policy_name`: absent (TransferSecurityPolicy-2018-11), null, "", or a 2018-11 / 2020-06 policy (FIPS variants included)'
#     - 'CloudFormation `AWS::Transfer::Server` `SecurityPolicyName`: the same values'
#   not_flagged:
#     - Policies from 2022 on (2022-03, 2023-05, 2024-01, PQ-SSH and FIPS variants), and unknown values.
package iac_guard.aws.transfer.security_policy

import data.iac_guard.lib
import rego.v1

outdated(values, key) if not lib.has_key(values, key)

outdated(values, key) if values[key] in {null, ""}

outdated(values, key) if {
	is_string(values[key])
	regex.match(`^TransferSecurityPolicy-(FIPS-)?(2018-11|2020-06)$`, values[key])
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_transfer_server")
	outdated(r.values, "security_policy_name")
	result := lib.finding(r, sprintf("Transfer Family server %s uses an outdated security policy", [r.address]), "security_policy_name")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Transfer::Server")
	outdated(r.values, "SecurityPolicyName")
	result := lib.finding(r, sprintf("Transfer Family server %s uses an outdated security policy", [r.address]), "SecurityPolicyName")
}
