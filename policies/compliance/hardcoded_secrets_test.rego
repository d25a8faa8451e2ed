package iac_guard.compliance.hardcoded_secrets_test

import data.iac_guard.compliance.hardcoded_secrets
import data.iac_guard.testing
import rego.v1

test_literal_password_is_denied if {
	hardcoded_secrets.deny == {{
		"msg": "aws_db_instance.db has a hard-coded secret in password",
		"resource": "aws_db_instance.db",
		"file": "main.tf",
		"attribute": "password",
	}} with input as testing.tf([testing.tf_resource("aws_db_instance", "db", {"username": "admin", "password": "Sup3rS3cret!", "password_length": "16"})])
}

test_nested_and_cloudformation_secrets_are_denied if {
	testing.located(hardcoded_secrets.deny) == {["aws_mq_broker.mq", "user.0.password"], ["Cache", "AuthToken"]} with input as object.union(testing.tf([testing.tf_resource("aws_mq_broker", "mq", {"user": [{"username": "app", "password": "broker-pass-1"}]})]), {"resources": [
		testing.tf_resource("aws_mq_broker", "mq", {"user": [{"username": "app", "password": "broker-pass-1"}]}),
		testing.cfn_resource("AWS::ElastiCache::ReplicationGroup", "Cache", {"AuthToken": "t0ken-value-123456"}),
	]})
}

test_references_generated_and_resolved_secrets_pass if {
	count(hardcoded_secrets.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_db_instance", "a", {"password": testing.unknown("random_password.db.result")}),
		testing.tf_resource("aws_db_instance", "b", {"manage_master_user_password": true, "password": ""}),
		testing.tf_resource("aws_s3_bucket", "c", {"tags": {"secret": "no"}}),
		testing.tf_resource("aws_lambda_function", "d", {"environment": [{"variables": {"PASSWORD": "owned-by-lambda-policy"}}]}),
		testing.tf_resource("aws_secretsmanager_secret", "e", {"name": "db-password"}),
		testing.cfn_resource("AWS::RDS::DBInstance", "F", {"MasterUserPassword": "{{resolve:secretsmanager:db:SecretString:password}}"}),
		testing.tf_data("http", "g", {"request_headers": {"token": "not-a-managed-resource"}}),
	])
}
