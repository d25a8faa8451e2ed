# METADATA
# title: Load balancer listener accepts plain HTTP
# description: >-
#   An HTTP listener that serves traffic (rather than redirecting it to HTTPS) sends
#   sessions, credentials and data across the internet in the clear.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html
# custom:
#   id: IAC-AWS-ELB-001
#   severity: medium
#   remediation: >-
#     Serve on an HTTPS listener (`protocol = "HTTPS"` with `certificate_arn`;
#     CloudFormation `Protocol: HTTPS` with `Certificates`) and give the HTTP listener a
#     `default_action { type = "redirect" redirect { protocol = "HTTPS" port = "443"
#     status_code = "HTTP_301" } }` (CloudFormation `DefaultActions` of `Type: redirect`
#     with `RedirectConfig.Protocol: HTTPS`). Classic ELBs: use `lb_protocol = "https"` /
#     `Protocol: HTTPS`.
#   forms:
#     - >-
#       `aws_lb_listener` / `aws_alb_listener` `protocol = "HTTP"` in any case, or
#       `protocol` absent, null or "" (HTTP on an Application Load Balancer), whose
#       `default_action` does not redirect to HTTPS
#     - >-
#       CloudFormation `AWS::ElasticLoadBalancingV2::Listener` `Protocol` (same defaults)
#       and `DefaultActions[].RedirectConfig`
#     - >-
#       classic `aws_elb` `listener.lb_protocol` and CloudFormation
#       `AWS::ElasticLoadBalancing::LoadBalancer` `Listeners[].Protocol`
#   not_flagged:
#     - >-
#       a listener without protocol on a Network or Gateway Load Balancer (named by
#       reference in the scanned code, or by a `net/` / `gwy/` ARN): those require a
#       protocol
#     - >-
#       listener rules (`aws_lb_listener_rule`) that redirect some paths: the default action
#       decides
#     - >-
#       a protocol or default action given by an unknown value
package iac_guard.aws.elb.http_listener

import data.iac_guard.lib
import rego.v1

http(protocol) if lib.lowercase(protocol) == "http"

# A listener without `protocol` (Terraform) or `Protocol` (CloudFormation), or with
# null or "": the Elastic Load Balancing API then uses HTTP on an Application Load
# Balancer. A Network or Gateway Load Balancer requires a protocol, so a listener of one
# named by reference in the same scope (`load_balancer_arn = aws_lb.nlb.arn`,
# `LoadBalancerArn: !Ref Nlb`) or by a literal `net/` or `gwy/` ARN is left alone; a
# load balancer outside the scanned code is taken to be an Application Load Balancer,
# the only kind on which the call succeeds without a protocol.
listener_http(r, key, lb_key) if http(r.values[key])

listener_http(r, key, lb_key) if {
	not lib.is_set(r.values, key)
	not lib.is_unknown(r.values[key])
	not non_application_lb(r, r.values[lb_key])
}

non_application_lb(r, arn) if non_application_lbs[lib.scoped(r, lib.reference_target(r, arn))]

non_application_lb(_, arn) if {
	is_string(arn)
	regex.match(`:loadbalancer/(net|gwy)/`, arn)
}

non_application_lbs contains lib.address_key(lb) if {
	some rtype in ["aws_lb", "aws_alb", "AWS::ElasticLoadBalancingV2::LoadBalancer"]
	some lb in lib.resources(rtype)
	lb_type := object.get(lb.values, "load_balancer_type", object.get(lb.values, "Type", "application"))
	not lib.lowercase(lb_type) == "application"
}

redirects_to_https(action) if {
	lib.lowercase(action.type) == "redirect"
	lib.block(action, "redirect").protocol == "HTTPS"
}

redirects_to_https(action) if lib.is_unknown(action)

cfn_redirects_to_https(action) if {
	lib.lowercase(action.Type) == "redirect"
	action.RedirectConfig.Protocol == "HTTPS"
}

cfn_redirects_to_https(action) if lib.is_unknown(action)

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_lb_listener", "aws_alb_listener"]
	some r in lib.managed(rtype)
	listener_http(r, "protocol", "load_balancer_arn")
	not lib.is_unknown(r.values.default_action)
	not some_redirect(r.values.default_action)
	result := lib.finding(r, sprintf("listener %s serves plain HTTP instead of redirecting to HTTPS", [r.address]), "protocol")
}

some_redirect(actions) if {
	some action in lib.items(actions)
	redirects_to_https(action)
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elb")
	some i, listener in lib.items(r.values.listener)
	http(listener.lb_protocol)
	result := lib.finding(r, sprintf("classic load balancer %s has a plain HTTP listener", [r.address]), sprintf("listener.%d.lb_protocol", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElasticLoadBalancingV2::Listener")
	listener_http(r, "Protocol", "LoadBalancerArn")
	not lib.is_unknown(r.values.DefaultActions)
	not cfn_some_redirect(r.values.DefaultActions)
	result := lib.finding(r, sprintf("listener %s serves plain HTTP instead of redirecting to HTTPS", [r.address]), "Protocol")
}

cfn_some_redirect(actions) if {
	some action in lib.items(actions)
	cfn_redirects_to_https(action)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElasticLoadBalancing::LoadBalancer")
	some i, listener in lib.items(r.values.Listeners)
	http(listener.Protocol)
	result := lib.finding(r, sprintf("classic load balancer %s has a plain HTTP listener", [r.address]), sprintf("Listeners.%d.Protocol", [i]))
}
