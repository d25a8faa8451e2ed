# METADATA
# title: DMS replication instance is publicly accessible
# description: >-
#   A publicly accessible replication instance gets a public IP address. It holds
#   credentials for source and target databases and streams their data: it should be
#   reachable only from inside the VPC.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html
# custom:
#   id: IAC-AWS-DMS-001
#   severity: high
#   remediation: >-
#     Set `publicly_accessible = false` on the `aws_dms_replication_instance`
#     (CloudFormation `PubliclyAccessible: false` on `AWS::DMS::ReplicationInstance`;
#     CloudFormation's default is true).
#   frameworks: [AWS-FSBP-DMS.1]
#   forms:
#     - 'Terraform `publicly_accessible` true or "true" (absent means false in Terraform)'
#     - 'CloudFormation `PubliclyAccessible` true, "true", or absent (CloudFormation and the API default to true)'
#   not_flagged:
#     - 'A value that cannot be resolved'
package iac_guard.aws.dms.public_instance

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_dms_replication_instance")
	lib.is_true(r.values.publicly_accessible)
	result := lib.finding(r, sprintf("DMS replication instance %s is publicly accessible", [r.address]), "publicly_accessible")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::DMS::ReplicationInstance")
	lib.true_or_missing(r.values, "PubliclyAccessible")
	result := lib.finding(r, sprintf("DMS replication instance %s is publicly accessible", [r.address]), "PubliclyAccessible")
}
