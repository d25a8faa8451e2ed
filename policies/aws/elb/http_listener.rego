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
package iac_guard.aws.elb.http_listener

import data.iac_guard.lib
import rego.v1

http(protocol) if lib.lowercase(protocol) == "http"

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
	http(r.values.protocol)
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
	http(r.values.Protocol)
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
