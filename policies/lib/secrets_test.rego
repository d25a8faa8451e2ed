# Tests of secrets.rego (package iac_guard.lib_secrets): which names hold secrets, which
# values are literal secrets (not references, unknown values, dynamic references or
# ARNs), AWS access key ids, and where managed resources hold them.
package iac_guard.lib_secrets_test

import data.iac_guard.lib_secrets as secrets
import data.iac_guard.testing
import rego.v1

test_secret_name if {
	secrets.secret_name("password")
	secrets.secret_name("master_password")
	secrets.secret_name("MasterUserPassword")
	secrets.secret_name("DB_PASSWORD")
	secrets.secret_name("client_secret")
	secrets.secret_name("api_key")
	secrets.secret_name("auth_token")
	secrets.secret_name("private_key")
	not secrets.secret_name("secret_arn")
	not secrets.secret_name("password_length")
	not secrets.secret_name("key_name")
	not secrets.secret_name("description")
	not secrets.secret_name(0) # a list index
	not secrets.secret_name(null)
}

test_literal_secret if {
	secrets.literal_secret("hunter2")
	secrets.literal_secret(" s3cr3t ")
	not secrets.literal_secret("")
	not secrets.literal_secret("   ")
	not secrets.literal_secret("{{resolve:secretsmanager:db:SecretString:password}}")
	not secrets.literal_secret("arn:aws:secretsmanager:eu-west-1:1:secret:db")
	not secrets.literal_secret("/prod/db/password")
	not secrets.literal_secret("${var.password}")
	not secrets.literal_secret(testing.unknown("var.password"))
	not secrets.literal_secret({"Ref": "DbPassword"})
	not secrets.literal_secret(12345)
	not secrets.literal_secret(true)
}

test_aws_access_key if {
	secrets.aws_access_key("AKIAIOSFODNN7EXAMPLE")
	secrets.aws_access_key("export KEY=ASIAIOSFODNN7EXAMPLE;")
	not secrets.aws_access_key("AKIAIOSFODNN7EXAMPL") # 15 characters after the prefix
	not secrets.aws_access_key("XAKIAIOSFODNN7EXAMPLE") # part of a longer word
	not secrets.aws_access_key("akiaiosfodnn7example")
	not secrets.aws_access_key(testing.unknown("var.key"))
	not secrets.aws_access_key(null)
}

test_hardcoded if {
	secrets.hardcoded({
		"password": "hunter2",
		"environment": [{"variables": {"DB_PASSWORD": "pw", "MODE": "prod"}}],
		"user_data": "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
		"master_password": testing.unknown("var.password"),
		"token": {"Ref": "Token"},
		"secret_arn": "arn:aws:secretsmanager:eu-west-1:1:secret:x",
		"count": 3,
	}) == {
		["password", "a plain-text secret"],
		["environment.0.variables.DB_PASSWORD", "a plain-text secret"],
		["user_data", "an AWS access key id"],
	}
	secrets.hardcoded({}) == set()
	secrets.hardcoded("a string is no values object") == set()
}

test_secret_reason if {
	secrets.secret_reason("anything", "AKIAIOSFODNN7EXAMPLE") == "an AWS access key id"
	secrets.secret_reason("password", "AKIAIOSFODNN7EXAMPLE") == "an AWS access key id" # one reason, not two
	secrets.secret_reason("password", "hunter2") == "a plain-text secret"
	not secrets.secret_reason("name", "hunter2")
	not secrets.secret_reason("password", "${var.password}")
}

db := testing.tf_resource("aws_db_instance", "db", {"password": "hunter2", "tags": {"secret": "yes"}})

fn := testing.tf_resource("aws_lambda_function", "f", {"environment": [{"variables": {"API_KEY": "k", "ID": "AKIAIOSFODNN7EXAMPLE"}}], "description": "ASIAIOSFODNN7EXAMPLE"})

cfn_fn := testing.cfn_resource("AWS::Lambda::Function", "F", {"Environment": {"Variables": {"TOKEN": "t"}}, "Code": {"ZipFile": "x"}})

ref_db := testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"MasterUserPassword": {"Ref": "Password"}})

test_resource_secrets if {
	found := secrets.resource_secrets with input as testing.tf([db, fn, testing.tf_data("aws_db_instance", "d", {"password": "x"})])
	found == {[db, "password"]} # not the tag, not Lambda's environment, not a data source
	secrets.resource_secrets == set() with input as testing.cfn([cfn_fn, ref_db])
}

test_resource_access_keys if {
	found := secrets.resource_access_keys with input as testing.tf([db, fn])
	found == {[fn, "description"]} # Lambda's environment is IAC-AWS-LAMBDA-001's
	secrets.resource_access_keys == set() with input as testing.tf([db])
}

test_scanned if {
	unknown_values := testing.cfn_resource("AWS::RDS::DBInstance", "U", {"__unknown__": "!If [...]"})
	found := secrets.scanned with input as testing.cfn([ref_db, unknown_values, object.union(ref_db, {"address": "S", "values": "text"})])
	found == {ref_db}
}

test_owned_elsewhere if {
	secrets.owned_elsewhere("aws_lambda_function", "environment.0.variables.KEY")
	secrets.owned_elsewhere("AWS::Lambda::Function", "Environment.Variables.KEY")
	not secrets.owned_elsewhere("aws_lambda_function", "description")
	not secrets.owned_elsewhere("aws_ecs_task_definition", "environment.0.variables.KEY")
}

test_tag_path if {
	secrets.tag_path("tags.secret")
	secrets.tag_path("tags_all.password")
	secrets.tag_path("labels.token")
	secrets.tag_path("Tags.0.Value")
	not secrets.tag_path("tags")
	not secrets.tag_path("metadata.tags.secret")
	not secrets.tag_path("password")
}

build_env(type) := testing.cfn_resource("AWS::CodeBuild::Project", "Build", {"Environment": {"EnvironmentVariables": [{"Name": "GITHUB_TOKEN", "Type": type, "Value": "ci/github-token"}]}})

# A CodeBuild variable of Type PARAMETER_STORE / SECRETS_MANAGER names where the secret
# lives; a PLAINTEXT one (or one without Type) holds it.
test_reference_entry if {
	secrets.reference_entry({"Type": "SECRETS_MANAGER"})
	secrets.reference_entry({"Type": "parameter_store"})
	not secrets.reference_entry({"Type": "PLAINTEXT"})
	not secrets.reference_entry({})
	not secrets.reference_entry({"Type": 3})
	by_ref := secrets.resource_secrets with input as testing.cfn([build_env("SECRETS_MANAGER")])
	by_ref == set()
	plain := build_env("PLAINTEXT")
	by_value := secrets.resource_secrets with input as testing.cfn([plain])
	by_value == {[plain, "Environment.EnvironmentVariables.0.Value"]}
}
