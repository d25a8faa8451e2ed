package iac_guard.compliance.required_tags_test

import data.iac_guard.compliance.required_tags
import data.iac_guard.testing
import rego.v1

settings := {
	"required_tags": ["owner", "environment", "data-classification"],
	"taggable_types": ["aws_s3_bucket", "google_storage_bucket", "AWS::S3::Bucket"],
}

test_missing_tags_are_denied if {
	required_tags.deny == {{
		"msg": "aws_s3_bucket.b is missing required tags: environment, data-classification",
		"resource": "aws_s3_bucket.b",
		"file": "main.tf",
		"attribute": "tags",
	}} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {"tags": {"owner": "data-team", "environment": ""}}),
		testing.tf_resource("aws_iam_role", "untaggable_here", {}),
	]) with data.iac_guard_settings as settings
}

test_complete_unknown_and_default_tags_pass if {
	count(required_tags.deny) == 0 with input as object.union(testing.tf([
		testing.tf_resource("aws_s3_bucket", "a", {"tags": {"owner": "x", "environment": testing.unknown("var.env"), "data-classification": "internal"}}),
		testing.tf_resource("aws_s3_bucket", "b", {"tags": testing.unknown("local.tags")}),
		testing.tf_resource("aws_s3_bucket", "c", {"tags": {"data-classification": "public"}}),
	]), {"files": {"providers.tf": {"provider": {"aws": {"region": "eu-west-1", "default_tags": {"tags": {"owner": "platform", "environment": "prod"}}}}}}}) with data.iac_guard_settings as settings
}

test_labels_and_the_required_set_come_from_data if {
	testing.located(required_tags.deny) == {["google_storage_bucket.g", "labels"]} with input as testing.tf([
		testing.tf_resource("google_storage_bucket", "g", {"labels": {"team": "x"}}),
		testing.tf_resource("aws_s3_bucket", "b", {"tags": {"team": "y"}}),
	]) with data.iac_guard_settings as {"required_tags": ["team", "cost-center"], "taggable_types": ["google_storage_bucket"]}
}

test_cloudformation_missing_tags_are_denied if {
	testing.located(required_tags.deny) == {["Bucket", "Tags"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::Bucket", "Bucket", {"Tags": [{"Key": "owner", "Value": "x"}]}),
		testing.cfn_resource("AWS::S3::Bucket", "Tagged", {"Tags": [{"Key": "owner", "Value": "x"}, {"Key": "environment", "Value": "prod"}, {"Key": "data-classification", "Value": "internal"}]}),
	]) with data.iac_guard_settings as settings
}

# EFS, Backup vaults and Cognito user pools: their own tag properties are read and reported.
test_cloudformation_own_tag_properties if {
	all_tags := [{"Key": "owner", "Value": "x"}, {"Key": "environment", "Value": "prod"}, {"Key": "data-classification", "Value": "internal"}]
	testing.located(required_tags.deny) == {["Fs", "FileSystemTags"], ["Vault", "BackupVaultTags"], ["Pool", "UserPoolTags"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EFS::FileSystem", "Fs", {"Encrypted": true}),
		testing.cfn_resource("AWS::EFS::FileSystem", "TaggedFs", {"FileSystemTags": all_tags}),
		testing.cfn_resource("AWS::Backup::BackupVault", "Vault", {"BackupVaultTags": {"owner": "x"}}),
		testing.cfn_resource("AWS::Backup::BackupVault", "TaggedVault", {"BackupVaultTags": {"owner": "x", "environment": "prod", "data-classification": "internal"}}),
		testing.cfn_resource("AWS::Cognito::UserPool", "Pool", {"UserPoolTags": {}}),
		testing.cfn_resource("AWS::Cognito::UserPool", "UnknownPool", {"UserPoolTags": {"Ref": "PoolTags"}}),
	]) with data.iac_guard_settings as object.union(settings, {"taggable_types": ["AWS::EFS::FileSystem", "AWS::Backup::BackupVault", "AWS::Cognito::UserPool"]})
}

# Provider default tags apply to the root module whose files declare the provider (and
# the modules it calls), not to another environment's resources.
test_provider_default_tags_count_in_their_own_root_module_only if {
	testing.addresses(required_tags.deny) == {"aws_s3_bucket.prod"} with input as object.union(testing.tf([
		object.union(testing.tf_resource("aws_s3_bucket", "dev", {"tags": {"data-classification": "internal"}}), {"root": "envs/dev", "file": "modules/b/main.tf"}),
		object.union(testing.tf_resource("aws_s3_bucket", "prod", {"tags": {"data-classification": "internal"}}), {"root": "envs/prod", "file": "envs/prod/main.tf"}),
	]), {"files": {"envs/dev/providers.tf": {"provider": {"aws": {"default_tags": {"tags": {"owner": "platform", "environment": "dev"}}}}}}}) with data.iac_guard_settings as settings
}

# The types checked are data.iac_guard_settings.taggable_types (policies/data.yaml) and
# nothing else: the policy names no type of its own, so changing the data changes the result.
test_checked_types_come_from_data if {
	resources := testing.tf([
		testing.tf_resource("aws_s3_bucket", "b", {}),
		testing.tf_resource("aws_iam_role", "r", {}),
	])
	bundled := testing.addresses(required_tags.deny) with input as resources
	bundled == {"aws_s3_bucket.b"}
	roles := testing.addresses(required_tags.deny) with input as resources with data.iac_guard_settings.taggable_types as ["aws_iam_role"]
	roles == {"aws_iam_role.r"}
	both := testing.addresses(required_tags.deny) with input as resources with data.iac_guard_settings.taggable_types as ["aws_iam_role", "aws_s3_bucket"]
	both == {"aws_iam_role.r", "aws_s3_bucket.b"}
	count(required_tags.deny) == 0 with input as resources with data.iac_guard_settings.taggable_types as []
}

# Every type of the bundled list is checked, Terraform and CloudFormation alike.
test_every_bundled_taggable_type_is_checked if {
	types := data.iac_guard_settings.taggable_types
	count(types) > 0
	terraform_types := {t | some t in types; not startswith(t, "AWS::")}
	terraform := testing.addresses(required_tags.deny) with input as testing.tf([testing.tf_resource(t, "x", {}) | some t in terraform_types])
	terraform == {sprintf("%s.x", [t]) | some t in terraform_types}
	cloudformation_types := {t | some t in types; startswith(t, "AWS::")}
	cloudformation := testing.addresses(required_tags.deny) with input as testing.cfn([testing.cfn_resource(t, replace(t, "::", ""), {}) | some t in cloudformation_types])
	cloudformation == {replace(t, "::", "") | some t in cloudformation_types}
}
