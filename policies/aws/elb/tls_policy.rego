# METADATA
# title: Load balancer listener allows TLS older than 1.2
# description: >-
#   A TLS listener whose security policy still accepts TLS 1.0 or 1.1 (including the
#   default ELBSecurityPolicy-2016-08 used when `ssl_policy` is not set) lets clients
#   negotiate protocols with known weaknesses.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: IAC-AWS-ELB-002
#   severity: medium
#   remediation: >-
#     Set `ssl_policy` (CloudFormation `SslPolicy`) to a TLS 1.2+ policy such as
#     `ELBSecurityPolicy-TLS13-1-2-2021-06`.
#   forms:
#     - >-
#       HTTPS/TLS listeners whose `ssl_policy` is absent, null or ""
#       (ELBSecurityPolicy-2016-08) or a policy that is not a TLS 1.2/1.3 one;
#       CloudFormation `SslPolicy`
#   not_flagged:
#     - >-
#       classic load balancers (`aws_elb`), whose policies are separate
#       `aws_load_balancer_policy` resources
#     - >-
#       an unknown policy name
package iac_guard.aws.elb.tls_policy

import data.iac_guard.lib
import rego.v1

# Policies whose minimum protocol is TLS 1.2 or 1.3.
modern(policy) if regex.match(`^ELBSecurityPolicy-(TLS-1-2|FS-1-2|TLS13-1-2|TLS13-1-3)`, policy)

tls(protocol) if lib.lowercase(protocol) in {"https", "tls"}

weak(values, key) if {
	not lib.is_set(values, key) # absent, null or "": ELBSecurityPolicy-2016-08 (TLS 1.0)
	not lib.is_unknown(values[key])
}

weak(values, key) if {
	is_string(values[key])
	not modern(values[key])
}

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_lb_listener", "aws_alb_listener"]
	some r in lib.managed(rtype)
	tls(r.values.protocol)
	weak(r.values, "ssl_policy")
	result := lib.finding(r, sprintf("listener %s accepts TLS older than 1.2 (ssl_policy %v)", [r.address, object.get(r.values, "ssl_policy", "ELBSecurityPolicy-2016-08 by default")]), "ssl_policy")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElasticLoadBalancingV2::Listener")
	tls(r.values.Protocol)
	weak(r.values, "SslPolicy")
	result := lib.finding(r, sprintf("listener %s accepts TLS older than 1.2 (SslPolicy %v)", [r.address, object.get(r.values, "SslPolicy", "ELBSecurityPolicy-2016-08 by default")]), "SslPolicy")
}
