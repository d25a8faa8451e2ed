package iac_guard.aws.dms.endpoint_ssl_test

import data.iac_guard.aws.dms.endpoint_ssl
import data.iac_guard.testing
import rego.v1

test_database_endpoint_without_ssl_is_denied if {
	endpoint_ssl.deny == {
		{
			"msg": "DMS endpoint aws_dms_endpoint.a connects to its postgres database without SSL",
			"resource": "aws_dms_endpoint.a",
			"file": "main.tf",
			"attribute": "ssl_mode",
		},
		{
			"msg": "DMS endpoint aws_dms_endpoint.b connects to its mysql database without SSL",
			"resource": "aws_dms_endpoint.b",
			"file": "main.tf",
			"attribute": "ssl_mode",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_dms_endpoint", "a", {"engine_name": "postgres"}),
		testing.tf_resource("aws_dms_endpoint", "b", {"engine_name": "mysql", "ssl_mode": "none"}),
		testing.tf_resource("aws_dms_endpoint", "c", {"engine_name": "oracle", "ssl_mode": "verify-ca"}),
		testing.tf_resource("aws_dms_endpoint", "s3", {"engine_name": "s3"}),
		testing.tf_resource("aws_dms_endpoint", "d", {"engine_name": testing.unknown("var.engine")}),
		testing.tf_resource("aws_dms_endpoint", "e", {"engine_name": "sqlserver", "ssl_mode": testing.unknown("var.ssl")}),
	])
}

test_cloudformation_database_endpoint_without_ssl_is_denied if {
	testing.located(endpoint_ssl.deny) == {["A", "SslMode"]} with input as testing.cfn([
		testing.cfn_resource("AWS::DMS::Endpoint", "A", {"EngineName": "aurora-postgresql", "SslMode": "NONE"}),
		testing.cfn_resource("AWS::DMS::Endpoint", "B", {"EngineName": "aurora", "SslMode": "require"}),
		testing.cfn_resource("AWS::DMS::Endpoint", "C", {"EngineName": "dynamodb"}),
	])
}
