package iac_guard.aws.acm.key_algorithm_test

import data.iac_guard.aws.acm.key_algorithm
import data.iac_guard.testing
import rego.v1

test_short_rsa_key_is_denied if {
	key_algorithm.deny == {{
		"msg": "ACM certificate aws_acm_certificate.a uses the weak key algorithm RSA_1024",
		"resource": "aws_acm_certificate.a",
		"file": "main.tf",
		"attribute": "key_algorithm",
	}} with input as testing.tf([
		testing.tf_resource("aws_acm_certificate", "a", {"key_algorithm": "RSA_1024"}),
		testing.tf_resource("aws_acm_certificate", "b", {"key_algorithm": "RSA_2048"}),
		testing.tf_resource("aws_acm_certificate", "c", {"key_algorithm": "EC_prime256v1"}),
		testing.tf_resource("aws_acm_certificate", "d", {}),
		testing.tf_resource("aws_acm_certificate", "e", {"key_algorithm": testing.unknown("var.alg")}),
	])
}

test_cloudformation_short_rsa_key_is_denied if {
	testing.located(key_algorithm.deny) == {["A", "KeyAlgorithm"]} with input as testing.cfn([
		testing.cfn_resource("AWS::CertificateManager::Certificate", "A", {"KeyAlgorithm": "rsa_1024"}),
		testing.cfn_resource("AWS::CertificateManager::Certificate", "B", {"KeyAlgorithm": "RSA_4096"}),
	])
}
