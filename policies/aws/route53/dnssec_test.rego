package iac_guard.aws.route53.dnssec_test

import data.iac_guard.aws.route53.dnssec
import data.iac_guard.testing
import rego.v1

test_unsigned_public_zone_is_denied if {
	dnssec.deny == {
		{
			"msg": "Route 53 public hosted zone aws_route53_zone.b is not signed with DNSSEC",
			"resource": "aws_route53_zone.b",
			"file": "main.tf",
			"attribute": "",
		},
		{
			"msg": "Route 53 public hosted zone aws_route53_zone.c is not signed with DNSSEC",
			"resource": "aws_route53_zone.c",
			"file": "main.tf",
			"attribute": "",
		},
		{
			"msg": "aws_route53_hosted_zone_dnssec.c turns DNSSEC signing off",
			"resource": "aws_route53_hosted_zone_dnssec.c",
			"file": "main.tf",
			"attribute": "signing_status",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_route53_zone", "a", {}),
		testing.tf_resource("aws_route53_zone", "b", {}),
		testing.tf_resource("aws_route53_zone", "c", {}),
		testing.tf_resource("aws_route53_zone", "internal", {"vpc": [{"vpc_id": "vpc-1"}]}),
		testing.tf_resource("aws_route53_hosted_zone_dnssec", "a", {"hosted_zone_id": testing.unknown("aws_route53_zone.a.id")}),
		testing.tf_resource("aws_route53_hosted_zone_dnssec", "c", {"hosted_zone_id": testing.unknown("aws_route53_zone.c.id"), "signing_status": "NOT_SIGNING"}),
	])
}

test_cloudformation_unsigned_public_zone_is_denied if {
	testing.located(dnssec.deny) == {["Unsigned", ""]} with input as testing.cfn([
		testing.cfn_resource("AWS::Route53::HostedZone", "Signed", {}),
		testing.cfn_resource("AWS::Route53::HostedZone", "Unsigned", {}),
		testing.cfn_resource("AWS::Route53::HostedZone", "Private", {"VPCs": [{"VPCId": "vpc-1"}]}),
		testing.cfn_resource("AWS::Route53::DNSSEC", "Dnssec", {"HostedZoneId": {"Ref": "Signed"}}),
	])
}

test_reference_through_the_key_signing_key_is_followed if {
	testing.addresses(dnssec.deny) == {"aws_route53_zone.b"} with input as testing.tf([
		testing.tf_resource("aws_route53_zone", "a", {}),
		testing.tf_resource("aws_route53_zone", "b", {}),
		testing.tf_resource("aws_route53_key_signing_key", "a", {"hosted_zone_id": testing.unknown("aws_route53_zone.a.id")}),
		testing.tf_resource("aws_route53_hosted_zone_dnssec", "a", {"hosted_zone_id": testing.unknown("aws_route53_key_signing_key.a.hosted_zone_id")}),
	])
}

test_key_signing_key_of_an_unresolved_zone_passes if {
	count(dnssec.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_route53_zone", "a", {}),
		testing.tf_resource("aws_route53_key_signing_key", "k", {"hosted_zone_id": "Z0123"}),
		testing.tf_resource("aws_route53_hosted_zone_dnssec", "d", {"hosted_zone_id": testing.unknown("aws_route53_key_signing_key.k.hosted_zone_id")}),
	])
}
