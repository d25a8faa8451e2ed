package iac_guard.aws.elb.tls_policy_test

import data.iac_guard.aws.elb.tls_policy
import data.iac_guard.testing
import rego.v1

test_old_policy_is_denied if {
	tls_policy.deny == {{
		"msg": "listener aws_lb_listener.https accepts TLS older than 1.2 (ssl_policy ELBSecurityPolicy-TLS13-1-0-2021-06)",
		"resource": "aws_lb_listener.https",
		"file": "main.tf",
		"attribute": "ssl_policy",
	}} with input as testing.tf([testing.tf_resource("aws_lb_listener", "https", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-0-2021-06"})])
}

test_default_policy_is_denied if {
	testing.addresses(tls_policy.deny) == {"aws_lb_listener.tls"} with input as testing.tf([testing.tf_resource("aws_lb_listener", "tls", {"protocol": "TLS", "port": 443})])
}

test_modern_unknown_and_plain_listeners_pass if {
	count(tls_policy.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_lb_listener", "a", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}),
		testing.tf_resource("aws_lb_listener", "b", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"}),
		testing.tf_resource("aws_lb_listener", "c", {"protocol": "HTTPS", "ssl_policy": testing.unknown("var.policy")}),
		testing.tf_resource("aws_lb_listener", "d", {"protocol": "HTTP"}),
	])
}

test_cloudformation_old_policy_is_denied if {
	testing.located(tls_policy.deny) == {["Https", "SslPolicy"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Https", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-2016-08"}),
		testing.cfn_resource("AWS::ElasticLoadBalancingV2::Listener", "Modern", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS-1-2-2017-01"}),
	])
}

test_null_or_empty_policy_is_the_default if {
	testing.addresses(tls_policy.deny) == {"aws_lb_listener.null", "aws_lb_listener.empty", "aws_lb_listener.tls"} with input as testing.tf([
		testing.tf_resource("aws_lb_listener", "null", {"protocol": "HTTPS", "ssl_policy": null}),
		testing.tf_resource("aws_lb_listener", "empty", {"protocol": "https", "ssl_policy": ""}),
		testing.tf_resource("aws_lb_listener", "tls", {"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-2016-08"}),
		testing.tf_resource("aws_lb_listener", "modern", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}),
		testing.tf_resource("aws_lb_listener", "unknown", {"protocol": "HTTPS", "ssl_policy": testing.unknown("var.policy")}),
	])
}
