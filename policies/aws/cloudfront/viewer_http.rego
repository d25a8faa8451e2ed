# METADATA
# title: CloudFront distribution serves plain HTTP to viewers
# description: >-
#   A cache behaviour with viewer protocol policy `allow-all` serves content and cookies
#   over unencrypted HTTP, open to interception and tampering.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
# custom:
#   id: IAC-AWS-CF-001
#   severity: medium
#   remediation: >-
#     Set `viewer_protocol_policy = "redirect-to-https"` (or `"https-only"`) in
#     `default_cache_behavior` and every `ordered_cache_behavior` (CloudFormation
#     `ViewerProtocolPolicy` in `DefaultCacheBehavior` and `CacheBehaviors`).
#   forms:
#     - >-
#       `viewer_protocol_policy = "allow-all"` in `default_cache_behavior` and in each
#       `ordered_cache_behavior` block
#     - >-
#       CloudFormation `DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy` and
#       each `CacheBehaviors` entry
#   not_flagged:
#     - >-
#       `redirect-to-https` and `https-only`: both keep viewers on HTTPS
#     - >-
#       the origin side (`origin_protocol_policy`): CloudFront to origin traffic is a
#       separate concern
package iac_guard.aws.cloudfront.viewer_http

import data.iac_guard.lib
import rego.v1

message(r) := sprintf("CloudFront distribution %s allows plain HTTP (viewer_protocol_policy = allow-all)", [r.address])

deny contains lib.finding(r, message(r), sprintf("%s.%d.viewer_protocol_policy", [key, i])) if {
	lib.is_terraform
	some r in lib.managed("aws_cloudfront_distribution")
	some key in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, behavior in lib.items(r.values[key])
	behavior.viewer_protocol_policy == "allow-all"
}

deny contains lib.finding(r, message(r), "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy") if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	r.values.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy == "allow-all"
}

deny contains lib.finding(r, message(r), sprintf("DistributionConfig.CacheBehaviors.%d.ViewerProtocolPolicy", [i])) if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	some i, behavior in lib.items(r.values.DistributionConfig.CacheBehaviors)
	behavior.ViewerProtocolPolicy == "allow-all"
}
