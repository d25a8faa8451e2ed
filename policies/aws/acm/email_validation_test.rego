package iac_guard.aws.acm.email_validation_test

import data.iac_guard.aws.acm.email_validation
import data.iac_guard.testing
import rego.v1

test_email_validation_is_denied if {
	email_validation.deny == {{
		"msg": "ACM certificate aws_acm_certificate.a is validated by email and will not renew by itself",
		"resource": "aws_acm_certificate.a",
		"file": "main.tf",
		"attribute": "validation_method",
	}} with input as testing.tf([
		testing.tf_resource("aws_acm_certificate", "a", {"validation_method": "EMAIL"}),
		testing.tf_resource("aws_acm_certificate", "b", {"validation_method": "DNS"}),
		testing.tf_resource("aws_acm_certificate", "c", {"private_key": testing.unknown("var.key")}),
	])
}

test_cloudformation_email_validation_is_denied if {
	testing.located(email_validation.deny) == {["A", "ValidationMethod"], ["C", "ValidationMethod"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CertificateManager::Certificate", "A", {"ValidationMethod": "email"}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "B", {"ValidationMethod": "DNS"}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "C", {}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "Private", {"CertificateAuthorityArn": {"Ref": "Ca"}}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "Param", {"ValidationMethod": {"Ref": "Method"}}),
	])
}
