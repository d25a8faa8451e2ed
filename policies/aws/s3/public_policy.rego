# METADATA
# title: S3 bucket policy allows anyone
# description: >-
#   A bucket policy statement that allows Principal "*" (or {"AWS": "*"}) without a
#   condition opens the bucket to every AWS account and to anonymous requests.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-policy-language-overview.html
# custom:
#   id: IAC-AWS-S3-004
#   severity: critical
#   remediation: >-
#     Name the principals that need access in the statement's `Principal` (Terraform
#     `aws_s3_bucket_policy.policy` or `principals` of the `aws_iam_policy_document`;
#     CloudFormation `AWS::S3::BucketPolicy.PolicyDocument`), or narrow it with a
#     `Condition` such as `aws:SourceVpce` or `aws:PrincipalOrgID`.
#   frameworks: [CIS-AWS-2.1.4]
package iac_guard.aws.s3.public_policy

import data.iac_guard.lib
import data.iac_guard.lib_iam as iam
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_s3_bucket_policy", "aws_s3_bucket"]
	some r in lib.managed(rtype)
	some stmt in iam.statements(r, r.values.policy)
	iam.public(stmt)
	result := lib.finding(r, sprintf("%s allows %v to any principal", [r.address, stmt.actions]), "policy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::S3::BucketPolicy")
	some stmt in iam.statements(r, r.values.PolicyDocument)
	iam.public(stmt)
	result := lib.finding(r, sprintf("%s allows %v to any principal", [r.address, stmt.actions]), "PolicyDocument")
}
