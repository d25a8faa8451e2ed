package iac_guard.aws.ecs.service_public_ip_test

import data.iac_guard.aws.ecs.service_public_ip
import data.iac_guard.testing
import rego.v1

test_public_ip_is_denied if {
	service_public_ip.deny == {
		{
			"msg": "aws_ecs_service.a assigns public IP addresses to its tasks",
			"resource": "aws_ecs_service.a",
			"file": "main.tf",
			"attribute": "network_configuration.0.assign_public_ip",
		},
		{
			"msg": "aws_ecs_task_set.t assigns public IP addresses to its tasks",
			"resource": "aws_ecs_task_set.t",
			"file": "main.tf",
			"attribute": "network_configuration.0.assign_public_ip",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_ecs_service", "a", {"network_configuration": [{"assign_public_ip": true}]}),
		testing.tf_resource("aws_ecs_task_set", "t", {"network_configuration": [{"assign_public_ip": "true"}]}),
		testing.tf_resource("aws_ecs_service", "b", {"network_configuration": [{"assign_public_ip": false}]}),
		testing.tf_resource("aws_ecs_service", "c", {"network_configuration": [{"subnets": ["s"]}]}),
		testing.tf_resource("aws_ecs_service", "d", {"network_configuration": [{"assign_public_ip": testing.unknown("var.p")}]}),
		testing.tf_resource("aws_ecs_service", "e", {}),
	])
}

test_cloudformation_public_ip_is_denied if {
	testing.located(service_public_ip.deny) == {["Service", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"], ["Set", "NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::Service", "Service", {"NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED"}}}),
		testing.cfn_resource("AWS::ECS::TaskSet", "Set", {"NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "ENABLED"}}}),
		testing.cfn_resource("AWS::ECS::Service", "Private", {"NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED"}}}),
		testing.cfn_resource("AWS::ECS::Service", "Bridge", {}),
	])
}
