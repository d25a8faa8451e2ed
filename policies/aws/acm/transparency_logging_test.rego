package iac_guard.aws.acm.transparency_logging_test

import data.iac_guard.aws.acm.transparency_logging
import data.iac_guard.testing
import rego.v1

test_opt_out_is_denied if {
	transparency_logging.deny == {{
		"msg": "ACM certificate aws_acm_certificate.a opts out of certificate transparency logging",
		"resource": "aws_acm_certificate.a",
		"file": "main.tf",
		"attribute": "options.0.certificate_transparency_logging_preference",
	}} with input as testing.tf([
		testing.tf_resource("aws_acm_certificate", "a", {"options": [{"certificate_transparency_logging_preference": "DISABLED"}]}),
		testing.tf_resource("aws_acm_certificate", "b", {"options": [{"certificate_transparency_logging_preference": "ENABLED"}]}),
		testing.tf_resource("aws_acm_certificate", "c", {}),
		testing.tf_resource("aws_acm_certificate", "private", {"certificate_authority_arn": testing.unknown("aws_acmpca_certificate_authority.ca.arn"), "options": [{"certificate_transparency_logging_preference": "DISABLED"}]}),
	])
}

test_cloudformation_opt_out_is_denied if {
	testing.located(transparency_logging.deny) == {["A", "CertificateTransparencyLoggingPreference"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CertificateManager::Certificate", "A", {"CertificateTransparencyLoggingPreference": "disabled"}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "B", {"CertificateTransparencyLoggingPreference": "ENABLED"}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "P", {"CertificateAuthorityArn": "arn:aws:acm-pca:eu-west-1:1:certificate-authority/x", "CertificateTransparencyLoggingPreference": "DISABLED"}),
	])
}
