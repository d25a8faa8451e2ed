package iac_guard.aws.cloudfront.tls_version_test

import data.iac_guard.aws.cloudfront.tls_version
import data.iac_guard.testing
import rego.v1

test_old_minimum_version_is_denied if {
	tls_version.deny == {{
		"msg": "CloudFront distribution aws_cloudfront_distribution.cdn accepts TLSv1",
		"resource": "aws_cloudfront_distribution.cdn",
		"file": "main.tf",
		"attribute": "viewer_certificate.0.minimum_protocol_version",
	}} with input as testing.tf([testing.tf_resource("aws_cloudfront_distribution", "cdn", {"viewer_certificate": [{"acm_certificate_arn": "arn:aws:acm:us-east-1:1:certificate/x", "ssl_support_method": "sni-only"}]})])
}

test_modern_or_default_certificate_passes if {
	count(tls_version.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_cloudfront_distribution", "a", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}]}),
		testing.tf_resource("aws_cloudfront_distribution", "b", {"viewer_certificate": [{"cloudfront_default_certificate": true}]}),
		testing.tf_resource("aws_cloudfront_distribution", "c", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": testing.unknown("var.tls")}]}),
	])
}

test_cloudformation_old_version_is_denied if {
	testing.located(tls_version.deny) == {["Cdn", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion"]} with input as testing.cfn([testing.cfn_resource("AWS::CloudFront::Distribution", "Cdn", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": "arn", "MinimumProtocolVersion": "TLSv1.1_2016"}}})])
}
