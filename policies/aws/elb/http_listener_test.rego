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

test_listener_without_protocol_is_http if {
	testing.located(http_listener.deny) == {["aws_lb_listener.bare", "protocol"], ["aws_lb_listener.null", "protocol"], ["aws_lb_listener.empty", "protocol"], ["aws_lb_listener.external", "protocol"]} with input as testing.tf([
		testing.tf_resource("aws_lb", "app", {"load_balancer_type": "application"}),
		testing.tf_resource("aws_lb", "nlb", {"load_balancer_type": "network"}),
		testing.tf_resource("aws_lb_listener", "bare", {"port": 80, "load_balancer_arn": testing.unknown("aws_lb.app.arn"), "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "null", {"port": 80, "protocol": null, "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "empty", {"port": 80, "protocol": "", "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "external", {"port": 80, "load_balancer_arn": testing.unknown("var.lb_arn"), "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "on_nlb", {"port": 80, "load_balancer_arn": testing.unknown("aws_lb.nlb.arn"), "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "literal_nlb", {"port": 80, "load_balancer_arn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/n/50dc6c495c0c9188", "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "unknown_protocol", {"port": 80, "protocol": testing.unknown("var.protocol"), "default_action": [{"type": "forward"}]}),
		testing.tf_resource("aws_lb_listener", "redirect", {"port": 80, "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS"}]}]}),
	])
}

test_cloudformation_listener_without_protocol_is_http if {
	testing.located(http_listener.deny) == {["Bare", "Protocol"], ["Empty", "Protocol"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "Nlb", {"Type": "network"}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Bare", {"Port": 80, "LoadBalancerArn": {"Ref": "Alb"}, "DefaultActions": [{"Type": "forward"}]}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Empty", {"Port": 80, "Protocol": "", "DefaultActions": [{"Type": "forward"}]}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "OnNlb", {"Port": 80, "LoadBalancerArn": {"Ref": "Nlb"}, "DefaultActions": [{"Type": "forward"}]}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Intrinsic", {"Port": 80, "Protocol": {"Fn::If": ["Secure", "HTTPS", "HTTP"]}, "DefaultActions": [{"Type": "forward"}]}),
	])
}
