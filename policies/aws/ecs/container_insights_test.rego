package iac_guard.aws.ecs.container_insights_test

import data.iac_guard.aws.ecs.container_insights
import data.iac_guard.testing
import rego.v1

test_cluster_without_insights_is_denied if {
	container_insights.deny == {
		{
			"msg": "ECS cluster aws_ecs_cluster.a does not turn on Container Insights",
			"resource": "aws_ecs_cluster.a",
			"file": "main.tf",
			"attribute": "setting",
		},
		{
			"msg": "ECS cluster aws_ecs_cluster.b turns Container Insights off",
			"resource": "aws_ecs_cluster.b",
			"file": "main.tf",
			"attribute": "setting.0",
		},
	} with input as testing.tf([
		testing.tf_resource("aws_ecs_cluster", "a", {"name": "a"}),
		testing.tf_resource("aws_ecs_cluster", "b", {"setting": [{"name": "containerInsights", "value": "disabled"}]}),
		testing.tf_resource("aws_ecs_cluster", "c", {"setting": [{"name": "containerInsights", "value": "enhanced"}]}),
		testing.tf_resource("aws_ecs_cluster", "d", {"setting": testing.unknown("var.settings")}),
		testing.tf_resource("aws_ecs_cluster", "e", {"setting": [{"name": "containerInsights", "value": testing.unknown("var.v")}]}),
	])
}

test_account_default_covers_clusters_that_do_not_set_it if {
	testing.addresses(container_insights.deny) == {"aws_ecs_cluster.b"} with input as testing.tf([
		testing.tf_resource("aws_ecs_account_setting_default", "insights", {"name": "containerInsights", "value": "enabled"}),
		testing.tf_resource("aws_ecs_cluster", "a", {}),
		testing.tf_resource("aws_ecs_cluster", "b", {"setting": [{"name": "containerInsights", "value": "disabled"}]}),
	])
}

test_account_default_off_does_not_cover if {
	testing.addresses(container_insights.deny) == {"aws_ecs_cluster.a"} with input as testing.tf([
		testing.tf_resource("aws_ecs_account_setting_default", "insights", {"name": "containerInsights", "value": "disabled"}),
		testing.tf_resource("aws_ecs_cluster", "a", {}),
	])
}

test_cloudformation_cluster_without_insights_is_denied if {
	testing.located(container_insights.deny) == {["Cluster", "ClusterSettings"], ["Off", "ClusterSettings.0"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ECS::Cluster", "Cluster", {}),
		testing.cfn_resource("AWS::ECS::Cluster", "Off", {"ClusterSettings": [{"Name": "containerInsights", "Value": "disabled"}]}),
		testing.cfn_resource("AWS::ECS::Cluster", "On", {"ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]}),
	])
}
