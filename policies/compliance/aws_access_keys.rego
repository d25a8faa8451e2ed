# METADATA
# title: AWS access key hard-coded in a resource
# description: >-
#   An AWS access key id (AKIA..., ASIA...) in a resource argument, user data, tags or
#   environment means a credential pair has been committed to the repository; anyone
#   with read access can use it until it is deactivated.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#securing_access-keys
# custom:
#   id: IAC-GEN-SECRET-002
#   severity: critical
#   remediation: >-
#     Deactivate and delete the key in IAM now, then give the workload an IAM role
#     (instance profile, `role` of the Lambda function, IRSA) instead of keys.
#   frameworks: [CWE-798]
#   forms:
#     - >-
#       an AWS access key id (AKIA, ASIA, ABIA, ACCA + 16 characters) under any name in any
#       resource, user data and variable defaults included
#   not_flagged:
#     - >-
#       Lambda environment variables (IAC-AWS-LAMBDA-001)
#     - >-
#       secret access keys alone: IAC-GEN-SECRET-001 reads them by name
package iac_guard.compliance.aws_access_keys

import data.iac_guard.lib
import data.iac_guard.lib_secrets.resource_access_keys
import rego.v1

deny contains result if {
	some [r, path] in resource_access_keys
	result := lib.finding(r, sprintf("%s has an AWS access key id in %s", [r.address, path]), path)
}
