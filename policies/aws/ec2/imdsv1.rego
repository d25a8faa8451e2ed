# METADATA
# title: EC2 instance allows IMDSv1
# description: >-
#   Instance metadata reachable without a session token (IMDSv1) lets an SSRF bug read
#   the instance role's credentials.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html
# custom:
#   id: IAC-AWS-EC2-001
#   severity: medium
#   remediation: 'Set `metadata_options { http_tokens = "required" }` (CloudFormation `MetadataOptions.HttpTokens: required` on the launch template), or `http_endpoint = "disabled"`.'
#   frameworks: [CIS-AWS-5.6]
#   forms:
#     - >-
#       `aws_instance`, `aws_launch_template` and `aws_launch_configuration`
#       `metadata_options.http_tokens` not "required" (absent: optional)
#     - >-
#       CloudFormation `AWS::EC2::LaunchTemplate`
#       `LaunchTemplateData.MetadataOptions.HttpTokens`
#   not_flagged:
#     - >-
#       `http_endpoint = "disabled"`: no metadata service at all
#     - >-
#       CloudFormation `AWS::EC2::Instance`, which has no metadata options (AMIs registered
#       with `ImdsSupport: v2.0` default to IMDSv2, which the template cannot show)
package iac_guard.aws.ec2.imdsv1

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
	some r in lib.managed(rtype)
	not protected(lib.block(r.values, "metadata_options"))
	not lib.block_unknown(r.values, "metadata_options", "http_tokens")
	result := lib.finding(r, sprintf("%s allows IMDSv1 (metadata_options.http_tokens is not \"required\")", [r.address]), "metadata_options.http_tokens")
}

protected(options) if options.http_tokens == "required"

protected(options) if options.http_endpoint == "disabled"

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::LaunchTemplate")
	options := object.get(r.values, ["LaunchTemplateData", "MetadataOptions"], {})
	not lib.is_unknown(options)
	not lib.is_unknown(object.get(options, "HttpTokens", ""))
	not cfn_protected(options)
	result := lib.finding(r, sprintf("launch template %s allows IMDSv1 (HttpTokens is not required)", [r.address]), "LaunchTemplateData.MetadataOptions.HttpTokens")
}

cfn_protected(options) if options.HttpTokens == "required"

cfn_protected(options) if options.HttpEndpoint == "disabled"
