# METADATA
# title: S3 bucket policy allows anyone
# description: >-
#   A bucket policy statement that allows Principal "*" (or {"AWS": "*"}) without a
#   condition restricting the caller (source IP, VPC, endpoint, account, organization)
#   opens the bucket to every AWS account and to anonymous requests. aws:Referer and
#   aws:UserAgent are sent by the caller and restrict nothing.
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
#   forms:
#     - >-
#       an Allow statement for Principal `*`, `{"AWS": "*"}` or `["*"]` in
#       `aws_s3_bucket_policy` / inline `aws_s3_bucket.policy` (JSON text, `jsonencode`,
#       heredoc with interpolations, `aws_iam_policy_document`) and CloudFormation
#       `AWS::S3::BucketPolicy`
#     - >-
#       exempt only under a condition that restricts the caller with a fixed value:
#       aws:SourceIp (not a world CIDR), aws:SourceVpc, aws:SourceVpce, aws:SourceArn,
#       aws:SourceAccount, aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount,
#       aws:PrincipalArn, aws:userid and the like
#   not_flagged:
#     - >-
#       conditions that restrict nothing are not an exemption: aws:Referer, aws:UserAgent,
#       aws:SecureTransport, negated operators (`StringNotEquals`), `...IfExists`,
#       `ForAllValues:`, a lone `*`
#     - >-
#       Deny statements
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
