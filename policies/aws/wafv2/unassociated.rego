# METADATA
# title: WAF web ACL protects nothing
# description: >-
#   A web ACL only inspects traffic of the resources associated with it. A regional web
#   ACL with no `aws_wafv2_web_acl_association`, or a CloudFront one that no distribution
#   names, is declared, paid for, and protects nothing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
# custom:
#   id: IAC-AWS-WAF-003
#   severity: low
#   remediation: >-
#     Associate the web ACL: an `aws_wafv2_web_acl_association` with `web_acl_arn` and the
#     load balancer, API stage, AppSync API or user pool as `resource_arn` (CloudFormation
#     `AWS::WAFv2::WebACLAssociation`); for scope CLOUDFRONT, the distribution's
#     `web_acl_id` (`DistributionConfig.WebACLId`).
#   forms:
#     - 'Terraform `aws_wafv2_web_acl_association.web_acl_arn` and `aws_cloudfront_distribution.web_acl_id` as references or literal ARNs'
#     - 'CloudFormation `AWS::WAFv2::WebACLAssociation.WebACLArn` and `AWS::CloudFront::Distribution` `DistributionConfig.WebACLId` as `!GetAtt`/`!Ref`'
#   not_flagged:
#     - 'Web ACLs in a root module (template) where some association points at something that cannot be resolved (a module output, a variable, an import): it may be this one'
#     - 'Web ACLs of a root module that declares no association at all and no distribution: a module that only builds the web ACL for others to attach'
package iac_guard.aws.wafv2.unassociated

import data.iac_guard.lib
import rego.v1

tf_associations := lib.pointers("aws_wafv2_web_acl_association", "web_acl_arn") | lib.pointers("aws_cloudfront_distribution", "web_acl_id")

cfn_associations := lib.pointers("AWS::WAFv2::WebACLAssociation", "WebACLArn") | {key |
	some d in lib.resources("AWS::CloudFront::Distribution")
	value := d.values.DistributionConfig.WebACLId
	some key in lib.pointer_keys(d, value)
}

acl_keys := {lib.address_key(r) | some r in lib.resources("aws_wafv2_web_acl")} | {lib.address_key(r) | some r in lib.resources("AWS::WAFv2::WebACL")}

# Scopes with something that attaches web ACLs, and scopes where one of them points at
# something unresolved: nothing is concluded there.
attaching contains lib.scope(a) if {
	some rtype in ["aws_wafv2_web_acl_association", "aws_cloudfront_distribution", "AWS::WAFv2::WebACLAssociation", "AWS::CloudFront::Distribution"]
	some a in lib.resources(rtype)
}

uncertain contains lib.scope(a) if {
	some [rtype, attr] in [["aws_wafv2_web_acl_association", "web_acl_arn"], ["aws_cloudfront_distribution", "web_acl_id"], ["AWS::WAFv2::WebACLAssociation", "WebACLArn"]]
	some a in lib.resources(rtype)
	value := a.values[attr]
	value != null
	value != ""
	not resolves(a, value)
}

uncertain contains lib.scope(d) if {
	some d in lib.resources("AWS::CloudFront::Distribution")
	value := d.values.DistributionConfig.WebACLId
	value != ""
	not resolves(d, value)
}

# A reference to a web ACL this input declares.
resolves(a, value) if {
	lib.is_unknown(value)
	acl_keys[lib.scoped(a, lib.reference_target(a, value))]
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_wafv2_web_acl")
	attaching[lib.scope(r)]
	not uncertain[lib.scope(r)]
	not lib.pointed_at(r, tf_associations, "arn")
	result := lib.finding(r, sprintf("WAF web ACL %s is not associated with any resource", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::WAFv2::WebACL")
	attaching[lib.scope(r)]
	not uncertain[lib.scope(r)]
	not lib.pointed_at(r, cfn_associations, "Arn")
	result := lib.finding(r, sprintf("WAF web ACL %s is not associated with any resource", [r.address]), "")
}
