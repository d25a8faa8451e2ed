package iac_guard.aws.cloudfront.viewer_http_test

import data.iac_guard.aws.cloudfront.viewer_http
import data.iac_guard.testing
import rego.v1

test_allow_all_behaviors_are_denied if {
	viewer_http.deny == {
		{
			"msg": "CloudFront distribution aws_cloudfront_distribution.cdn allows plain HTTP (viewer_protocol_policy = allow-all)",
			"resource": "aws_cloudfront_distribution.cdn",
			"file": "main.tf",
			"attribute": "default_cache_behavior.0.viewer_protocol_policy",
		},
		{
			"msg": "CloudFront distribution aws_cloudfront_distribution.cdn allows plain HTTP (viewer_protocol_policy = allow-all)",
			"resource": "aws_cloudfront_distribution.cdn",
			"file": "main.tf",
			"attribute": "ordered_cache_behavior.1.viewer_protocol_policy",
		},
	} with input as testing.tf([testing.tf_resource("aws_cloudfront_distribution", "cdn", {
		"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}],
		"ordered_cache_behavior": [{"viewer_protocol_policy": "https-only"}, {"viewer_protocol_policy": "allow-all"}],
	})])
}

test_https_behaviors_pass if {
	count(viewer_http.deny) == 0 with input as testing.tf([testing.tf_resource("aws_cloudfront_distribution", "cdn", {"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}]})])
}

test_cloudformation_allow_all_is_denied if {
	testing.located(viewer_http.deny) == {["Cdn", "DistributionConfig.CacheBehaviors.0.ViewerProtocolPolicy"]} with input as testing.cfn([testing.cfn_resource("AWS::CloudFront::Distribution", "Cdn", {"DistributionConfig": {
		"DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"},
		"CacheBehaviors": [{"PathPattern": "/img/*", "ViewerProtocolPolicy": "allow-all"}],
	}})])
}

test_every_behavior_form if {
	testing.located(viewer_http.deny) == {["aws_cloudfront_distribution.d", "ordered_cache_behavior.1.viewer_protocol_policy"]} with input as testing.tf([testing.tf_resource("aws_cloudfront_distribution", "d", {
		"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}],
		"ordered_cache_behavior": [{"viewer_protocol_policy": "https-only"}, {"viewer_protocol_policy": "allow-all"}],
	})])
}

test_cloudformation_cache_behaviors if {
	testing.located(viewer_http.deny) == {["Cdn", "DistributionConfig.CacheBehaviors.0.ViewerProtocolPolicy"]} with input as testing.cfn([testing.cfn_resource("AWS::CloudFront::Distribution", "Cdn", {"DistributionConfig": {
		"DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"},
		"CacheBehaviors": [{"PathPattern": "/legacy/*", "ViewerProtocolPolicy": "allow-all"}],
	}})])
}
