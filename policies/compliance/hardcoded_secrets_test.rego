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

user_data_script := "#!/bin/bash\nexport DB_HOST=db.internal\nexport DB_PASSWORD=Pr0d-Passw0rd!\nsystemctl start app\n"

# Secrets in user data scripts and Name/Value environment lists, and private keys or
# vendor tokens under any name.
test_secrets_found_by_value if {
	testing.located(hardcoded_secrets.deny) == {
		["aws_instance.plain", "user_data"],
		["aws_launch_template.encoded", "user_data"],
		["tls_self_signed_cert.c", "private_key_pem_text"],
		["aws_ssm_document.d", "content"],
	} with input as testing.tf([
		testing.tf_resource("aws_instance", "plain", {"user_data": user_data_script}),
		testing.tf_resource("aws_launch_template", "encoded", {"user_data": base64.encode(user_data_script)}),
		testing.tf_resource("aws_instance", "clean", {"user_data": "#!/bin/bash\nexport DB_PASSWORD=$(aws ssm get-parameter --name /db/password --with-decryption)\nexport API_KEY=\"${api_key}\"\necho password_file=/etc/app/pw\n"}),
		testing.tf_resource("aws_instance", "clean_encoded", {"user_data": base64.encode("#!/bin/bash\nyum install -y httpd\n")}),
		testing.tf_resource("tls_self_signed_cert", "c", {"private_key_pem_text": "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"}),
		testing.tf_resource("aws_ssm_document", "d", {"content": "{\"token\": \"glpat-abcdefghij0123456789\"}"}),
		testing.tf_resource("aws_iam_user_ssh_key", "pub", {"public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host"}),
	])
}

test_cloudformation_user_data_and_environment_lists if {
	testing.located(hardcoded_secrets.deny) == {
		["Instance", "UserData.Fn::Base64.Fn::Sub"],
		["Template", "LaunchTemplateData.UserData.Fn::Base64"],
		["Task", "ContainerDefinitions.0.Environment.1.Value"],
	} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::Instance", "Instance", {"UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/bash\necho 'api_key: 8f2b1c9d7e6a5f4b' > /etc/app.yaml\naws s3 cp s3://${Bucket}/app .\n"}}}),
		testing.cfn_resource("AWS::EC2::LaunchTemplate", "Template", {"LaunchTemplateData": {"UserData": {"Fn::Base64": "#!/bin/bash\nmysql --password hunter2secret -e 'select 1'\n"}}}),
		testing.cfn_resource("AWS::ECS::TaskDefinition", "Task", {"ContainerDefinitions": [{"Name": "app", "Environment": [
			{"Name": "STAGE", "Value": "prod"},
			{"Name": "DB_PASSWORD", "Value": "Pr0d-Passw0rd!"},
			{"Name": "API_TOKEN", "Value": "{{resolve:secretsmanager:api:SecretString:token}}"},
		]}]}),
		testing.cfn_resource("AWS::EC2::Instance", "Clean", {"UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/bash\nexport DB_PASSWORD=${DbPassword}\n"}}}),
	])
}

test_terraform_container_definitions if {
	testing.located(hardcoded_secrets.deny) == {["aws_ecs_task_definition.app", "container_definitions"]} with input as testing.tf([
		testing.tf_resource("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": json.marshal([{"name": "app", "image": "app:1", "environment": [{"name": "STAGE", "value": "prod"}, {"name": "DB_PASSWORD", "value": "Pr0d-Passw0rd!"}]}])}),
		testing.tf_resource("aws_ecs_task_definition", "safe", {"family": "safe", "container_definitions": json.marshal([{"name": "app", "image": "app:1", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"}], "environment": [{"name": "API_TOKEN_PARAM", "value": "/app/token"}]}])}),
	])
}
