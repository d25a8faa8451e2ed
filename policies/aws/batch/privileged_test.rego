package iac_guard.aws.batch.privileged_test

import data.iac_guard.aws.batch.privileged
import data.iac_guard.testing
import rego.v1

test_privileged_job_is_denied if {
	testing.located(privileged.deny) == {["aws_batch_job_definition.a", "container_properties"], ["aws_batch_job_definition.ecs", "ecs_properties"]} with input as testing.tf([
		testing.tf_resource("aws_batch_job_definition", "a", {"container_properties": `{"image":"busybox","privileged":true}`}),
		testing.tf_resource("aws_batch_job_definition", "ecs", {"ecs_properties": `{"taskProperties":[{"containers":[{"name":"a"},{"name":"b","privileged":true}]}]}`}),
		testing.tf_resource("aws_batch_job_definition", "b", {"container_properties": `{"image":"busybox","privileged":false}`}),
		testing.tf_resource("aws_batch_job_definition", "c", {"container_properties": testing.unknown("templatefile(\"job.json\", {})")}),
	])
}

test_message if {
	privileged.deny == {{
		"msg": "Batch job definition aws_batch_job_definition.a runs a privileged container",
		"resource": "aws_batch_job_definition.a",
		"file": "main.tf",
		"attribute": "container_properties",
	}} with input as testing.tf([testing.tf_resource("aws_batch_job_definition", "a", {"container_properties": `{"privileged":"true"}`})])
}

test_cloudformation_privileged_job_is_denied if {
	testing.located(privileged.deny) == {["A", "ContainerProperties.Privileged"], ["E", "EcsProperties.TaskProperties.0.Containers.1.Privileged"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Batch::JobDefinition", "A", {"ContainerProperties": {"Image": "x", "Privileged": true}}),
		testing.cfn_resource("AWS::Batch::JobDefinition", "E", {"EcsProperties": {"TaskProperties": [{"Containers": [{"Name": "a"}, {"Name": "b", "Privileged": "true"}]}]}}),
		testing.cfn_resource("AWS::Batch::JobDefinition", "B", {"ContainerProperties": {"Image": "x"}}),
	])
}

test_partly_unknown_jsonencode_is_read if {
	testing.addresses(privileged.deny) == {"aws_batch_job_definition.a"} with input as testing.tf([
		testing.tf_resource("aws_batch_job_definition", "a", {"container_properties": testing.unknown(`{"image":"${var.image}","privileged":true}`)}),
		testing.tf_resource("aws_batch_job_definition", "b", {"container_properties": testing.unknown(`{"image":"${var.image}","privileged":"${var.p}"}`)}),
	])
}
