# Ingress rules open to the world, across every Terraform and CloudFormation shape.
# Import with `import data.iac_guard.lib_network as network`.
#
# Helper packages are siblings of iac_guard.lib, never nested under it: Regorus 0.13
# mis-evaluates a package that imports its own parent package (rules come back empty).
package iac_guard.lib_network

import data.iac_guard.lib
import rego.v1

# world_ingress(port) is the set of {resource, attribute} pairs whose ingress admits `port`
# from 0.0.0.0/0 or ::/0.
world_ingress(port) := {[r, attr] |
	some [r, attr, rule] in ingress_rules
	lib.any_world(array.concat(lib.as_array(object.get(rule, "cidr_blocks", [])), lib.as_array(object.get(rule, "ipv6_cidr_blocks", []))))
	admits(rule, port)
}

admits(rule, port) if lib.all_protocols(rule.protocol)

admits(rule, port) if {
	not lib.all_protocols(rule.protocol)
	rule.protocol in {"tcp", "6", 6, "TCP"}
	lib.includes_port(rule.from_port, rule.to_port, port)
}

# Every ingress rule normalised to {protocol, from_port, to_port, cidr_blocks, ipv6_cidr_blocks}.
ingress_rules contains [r, sprintf("ingress.%d", [i]), rule] if {
	lib.is_terraform
	some r in lib.managed("aws_security_group")
	some i, rule in r.values.ingress
	is_object(rule)
}

ingress_rules contains [r, "cidr_blocks", rule] if {
	lib.is_terraform
	some r in lib.managed("aws_security_group_rule")
	r.values.type == "ingress"
	rule := r.values
}

ingress_rules contains [r, "cidr_ipv4", rule] if {
	lib.is_terraform
	some r in lib.managed("aws_vpc_security_group_ingress_rule")
	rule := {
		"protocol": r.values.ip_protocol,
		"from_port": object.get(r.values, "from_port", -1),
		"to_port": object.get(r.values, "to_port", -1),
		"cidr_blocks": [c | some c in [object.get(r.values, "cidr_ipv4", ""), object.get(r.values, "cidr_ipv6", "")]; c != ""],
	}
}

ingress_rules contains [r, sprintf("SecurityGroupIngress.%d", [i]), rule] if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::SecurityGroup")
	some i, entry in r.values.SecurityGroupIngress
	rule := cfn_rule(entry)
}

ingress_rules contains [r, "CidrIp", rule] if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::SecurityGroupIngress")
	rule := cfn_rule(r.values)
}

cfn_rule(entry) := {
	"protocol": lower(sprintf("%v", [entry.IpProtocol])),
	"from_port": to_number(object.get(entry, "FromPort", -1)),
	"to_port": to_number(object.get(entry, "ToPort", -1)),
	"cidr_blocks": [c | some c in [object.get(entry, "CidrIp", ""), object.get(entry, "CidrIpv6", "")]; is_string(c); c != ""],
}
