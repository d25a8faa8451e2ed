package iac_guard.aws.elb.http_listener_test

import data.iac_guard.aws.elb.http_listener
import data.iac_guard.testing
import rego.v1

test_http_forward_listener_is_denied if {
	http_listener.deny == {{
		"msg": "listener aws_lb_listener.http serves plain HTTP instead of redirecting to HTTPS",
		"resource": "aws_lb_listener.http",
		"file": "main.tf",
		"attribute": "protocol",
	}} with input as testing.tf([testing.tf_resource("aws_lb_listener", "http", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward", "target_group_arn": testing.unknown("aws_lb_target_group.app.arn")}]})])
}

test_redirect_https_and_unknown_listeners_pass if {
	count(http_listener.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_lb_listener", "redirect", {"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]}),
		testing.tf_resource("aws_lb_listener", "https", {"protocol": "HTTPS", "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_alb_listener", "unknown", {"protocol": "HTTP", "default_action": testing.unknown("local.actions")}),
		testing.tf_resource("aws_elb", "classic", {"listener": [{"lb_protocol": "https", "lb_port": 443, "instance_protocol": "http", "instance_port": 80}]}),
	])
}

test_classic_http_listener_is_denied if {
	testing.located(http_listener.deny) == {["aws_elb.classic", "listener.0.lb_protocol"]} with input as testing.tf([testing.tf_resource("aws_elb", "classic", {"listener": [{"lb_protocol": "http", "lb_port": 80}]})])
}

test_cloudformation_http_listeners_are_denied if {
	testing.located(http_listener.deny) == {["Http", "Protocol"], ["Classic", "Listeners.0.Protocol"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Http", {"Protocol": "HTTP", "DefaultActions": [{"Type": "forward"}]}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Redirect", {"Protocol": "HTTP", "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}]}),
		testing.cfn_resource("AWS::ElasticLoadBalancing::LoadBalancer", "Classic", {"Listeners": [{"Protocol": "HTTP", "LoadBalancerPort": "80"}]}),
	])
}
