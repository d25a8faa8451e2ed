package iac_guard.aws.route53.query_logging_test

import data.iac_guard.aws.route53.query_logging
import data.iac_guard.testing
import rego.v1

test_public_zone_without_query_log_is_denied if {
	query_logging.deny == {{
		"msg": "Route 53 public hosted zone aws_route53_zone.b does not log DNS queries",
		"resource": "aws_route53_zone.b",
		"file": "main.tf",
		"attribute": "",
	}} with input as testing.tf([
		testing.tf_resource("aws_route53_zone", "a", {"name": "a.example"}),
		testing.tf_resource("aws_route53_zone", "b", {"name": "b.example"}),
		testing.tf_resource("aws_route53_zone", "internal", {"name": "corp.internal", "vpc": [{"vpc_id": testing.unknown("aws_vpc.main.id")}]}),
		testing.tf_resource("aws_route53_query_log", "a", {"zone_id": testing.unknown("aws_route53_zone.a.zone_id")}),
	])
}

test_unresolved_query_log_passes if {
	count(query_logging.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_route53_zone", "a", {}),
		testing.tf_resource("aws_route53_query_log", "q", {"zone_id": "Z0123456789"}),
	])
}

test_cloudformation_public_zone_without_query_log_is_denied if {
	testing.located(query_logging.deny) == {["Public", "QueryLoggingConfig"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Route53::HostedZone", "Public", {"Name": "example.com"}),
		testing.cfn_resource("AWS::Route53::HostedZone", "Logged", {"Name": "example.org", "QueryLoggingConfig": {"CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["Group", "Arn"]}}}),
		testing.cfn_resource("AWS::Route53::HostedZone", "Private", {"Name": "corp.internal", "VPCs": [{"VPCId": {"Ref": "Vpc"}, "VPCRegion": "eu-west-1"}]}),
	])
}
