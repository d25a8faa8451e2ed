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

test_modern_or_unknown_version_passes if {
	count(tls_version.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_cloudfront_distribution", "a", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}]}),
		testing.tf_resource("aws_cloudfront_distribution", "c", {"viewer_certificate": [{"acm_certificate_arn": "arn", "minimum_protocol_version": testing.unknown("var.tls")}]}),
		testing.tf_resource("aws_cloudfront_distribution", "d", {"viewer_certificate": [{"iam_certificate_id": "ASCA1", "minimum_protocol_version": "TLSv1.2_2019"}]}),
		testing.tf_resource("aws_cloudfront_distribution", "e", {"viewer_certificate": testing.unknown("local.cert")}),
		testing.tf_resource("aws_cloudfront_distribution", "f", {"viewer_certificate": [{"cloudfront_default_certificate": testing.unknown("var.default_cert"), "acm_certificate_arn": testing.unknown("var.cert"), "minimum_protocol_version": "TLSv1.2_2021"}]}),
	])
}

# The default certificate accepts TLSv1 and its minimum cannot be raised.
test_default_certificate_accepts_tlsv1 if {
	testing.located(tls_version.deny) == {
		["aws_cloudfront_distribution.default", "viewer_certificate.0.cloudfront_default_certificate"],
		["aws_cloudfront_distribution.default_with_version", "viewer_certificate.0.cloudfront_default_certificate"],
		["aws_cloudfront_distribution.none", "viewer_certificate"],
	} with input as testing.tf([
		testing.tf_resource("aws_cloudfront_distribution", "default", {"viewer_certificate": [{"cloudfront_default_certificate": true}]}),
		testing.tf_resource("aws_cloudfront_distribution", "default_with_version", {"viewer_certificate": [{"cloudfront_default_certificate": "true", "minimum_protocol_version": "TLSv1.2_2021"}]}),
		testing.tf_resource("aws_cloudfront_distribution", "none", {"origin": []}),
	])
}

test_cloudformation_default_certificate if {
	testing.located(tls_version.deny) == {
		["Default", "DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate"],
		["NoCertificate", "DistributionConfig"],
		["Missing", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion"],
	} with input as testing.cfn([
		testing.cfn_resource("AWS::CloudFront::Distribution", "Default", {"DistributionConfig": {"ViewerCertificate": {"CloudFrontDefaultCertificate": "true"}}}),
		testing.cfn_resource("AWS::CloudFront::Distribution", "NoCertificate", {"DistributionConfig": {"Enabled": true}}),
		testing.cfn_resource("AWS::CloudFront::Distribution", "Missing", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": {"Ref": "Cert"}, "SslSupportMethod": "sni-only"}}}),
		testing.cfn_resource("AWS::CloudFront::Distribution", "Modern", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": {"Ref": "Cert"}, "MinimumProtocolVersion": "TLSv1.2_2021"}}}),
		testing.cfn_resource("AWS::CloudFront::Distribution", "IfCert", {"DistributionConfig": {"ViewerCertificate": {"Fn::If": ["Custom", {"AcmCertificateArn": "a"}, {"CloudFrontDefaultCertificate": true}]}}}),
	])
}

test_cloudformation_old_version_is_denied if {
	testing.located(tls_version.deny) == {["Cdn", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion"]} with input as testing.cfn([testing.cfn_resource("AWS::CloudFront::Distribution", "Cdn", {"DistributionConfig": {"ViewerCertificate": {"AcmCertificateArn": "arn", "MinimumProtocolVersion": "TLSv1.1_2016"}}})])
}
