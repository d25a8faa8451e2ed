package iac_guard.aws.ec2.imdsv1_test

import data.iac_guard.aws.ec2.imdsv1
import data.iac_guard.testing
import rego.v1

test_instance_without_metadata_options_is_denied if {
	imdsv1.deny == {{
		"msg": "aws_instance.web allows IMDSv1 (metadata_options.http_tokens is not \"required\")",
		"resource": "aws_instance.web",
		"file": "main.tf",
		"attribute": "metadata_options.http_tokens",
	}} with input as testing.tf([
		testing.tf_resource("aws_instance", "web", {"ami": "ami-1"}),
		testing.tf_resource("aws_instance", "v2", {"metadata_options": [{"http_tokens": "required"}]}),
		testing.tf_resource("aws_instance", "off", {"metadata_options": [{"http_endpoint": "disabled"}]}),
		testing.tf_resource("aws_instance", "unknown", {"metadata_options": [{"http_tokens": testing.unknown("var.tokens")}]}),
	])
}

test_launch_template_with_optional_tokens_is_denied if {
	testing.addresses(imdsv1.deny) == {"aws_launch_template.lt"} with input as testing.tf([testing.tf_resource("aws_launch_template", "lt", {"metadata_options": [{"http_tokens": "optional"}]})])
}

test_cloudformation_launch_template if {
	testing.located(imdsv1.deny) == {["Optional", "LaunchTemplateData.MetadataOptions.HttpTokens"]} with input as testing.cfn([
		testing.cfn_resource("AWS::EC2::LaunchTemplate", "Optional", {"LaunchTemplateData": {"ImageId": "ami-1"}}),
		testing.cfn_resource("AWS::EC2::LaunchTemplate", "Required", {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}}),
	])
}

test_every_metadata_form if {
	testing.addresses(imdsv1.deny) == {"aws_instance.none", "aws_launch_template.optional", "aws_launch_configuration.empty_block"} with input as testing.tf([
		testing.tf_resource("aws_instance", "none", {"ami": "ami-1"}),
		testing.tf_resource("aws_launch_template", "optional", {"metadata_options": [{"http_tokens": "optional"}]}),
		testing.tf_resource("aws_launch_configuration", "empty_block", {"metadata_options": [{"http_endpoint": "enabled"}]}),
		testing.tf_resource("aws_instance", "required", {"metadata_options": [{"http_tokens": "required"}]}),
		testing.tf_resource("aws_instance", "disabled", {"metadata_options": [{"http_endpoint": "disabled"}]}),
		testing.tf_resource("aws_instance", "unknown", {"metadata_options": [{"http_tokens": testing.unknown("var.tokens")}]}),
	])
}
