# Firewall rules of every cloud in one shape, and which of them admit the world.
# Import with `import data.iac_guard.lib_network as network`.
#
# Helper packages are siblings of iac_guard.lib, never nested under it: Regorus 0.13
# mis-evaluates a package that imports its own parent package (rules come back empty).
package iac_guard.lib_network

import data.iac_guard.lib
import rego.v1

# world_ingress(cloud, port): the [resource, attribute] pairs ("aws", "azure" or "gcp")
# whose inbound rule admits TCP `port` from 0.0.0.0/0, ::/0 or Azure's "Internet"/"*".
world_ingress(cloud, port) := {[r, attr] |
	some [c, r, attr, rule] in ingress_rules
	c == cloud
	lib.any_world(rule.sources)
	admits(rule, port)
}

# world_all_ports(cloud): inbound rules open to the world on every port (any protocol,
# or TCP 0-65535).
world_all_ports(cloud) := {[r, attr] |
	some [c, r, attr, rule] in ingress_rules
	c == cloud
	lib.any_world(rule.sources)
	opens_all(rule)
}

admits(rule, port) if {
	tcp_or_all(rule.protocol)
	some range in rule.ranges
	lib.includes_port(range[0], range[1], port)
}

opens_all(rule) if {
	tcp_or_all(rule.protocol)
	some range in rule.ranges
	lib.all_ports(range)
}

tcp_or_all(protocol) if protocol in {"tcp", "6"}

tcp_or_all(protocol) if lib.all_protocols(protocol)

ingress_rules contains [c, r, attr, rule] if {
	some [c, r, attr, rule] in rules
	rule.direction == "ingress"
}

# Every firewall rule as [cloud, resource, attribute, rule], the rule normalised to
# {direction, protocol (lower case), ranges ([[from, to], ...]), sources, description}.
# Values that are unknown stay unknown, so no test on them succeeds.
rules contains ["aws", r, sprintf("%s.%d", [direction, i]), aws_rule(direction, entry)] if {
	lib.is_terraform
	some rtype in ["aws_security_group", "aws_default_security_group"]
	some r in lib.managed(rtype)
	some direction in ["ingress", "egress"]
	some i, entry in lib.items(r.values[direction])
	is_object(entry)
}

rules contains ["aws", r, "cidr_blocks", aws_rule(r.values.type, r.values)] if {
	lib.is_terraform
	some r in lib.managed("aws_security_group_rule")
}

rules contains ["aws", r, "cidr_ipv4", vpc_rule(direction, r.values)] if {
	lib.is_terraform
	some [rtype, direction] in [["aws_vpc_security_group_ingress_rule", "ingress"], ["aws_vpc_security_group_egress_rule", "egress"]]
	some r in lib.managed(rtype)
}

rules contains ["aws", r, sprintf("%s.%d", [key, i]), cfn_rule(direction, entry)] if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::SecurityGroup")
	some [key, direction] in [["SecurityGroupIngress", "ingress"], ["SecurityGroupEgress", "egress"]]
	some i, entry in lib.items(r.values[key])
	is_object(entry)
}

rules contains ["aws", r, "CidrIp", cfn_rule(direction, r.values)] if {
	lib.is_cloudformation
	some [rtype, direction] in [["AWS::EC2::SecurityGroupIngress", "ingress"], ["AWS::EC2::SecurityGroupEgress", "egress"]]
	some r in lib.resources(rtype)
}

rules contains ["azure", r, "source_address_prefix", azure_rule(r.values)] if {
	lib.is_terraform
	some r in lib.managed("azurerm_network_security_rule")
}

rules contains ["azure", r, sprintf("security_rule.%d", [i]), azure_rule(entry)] if {
	lib.is_terraform
	some r in lib.managed("azurerm_network_security_group")
	some i, entry in lib.items(r.values.security_rule)
	is_object(entry)
}

rules contains ["gcp", r, sprintf("allow.%d", [i]), gcp_rule(r.values, entry)] if {
	lib.is_terraform
	some r in lib.managed("google_compute_firewall")
	not lib.is_true(r.values.disabled)
	some i, entry in lib.items(r.values.allow)
	is_object(entry)
}

aws_rule(direction, values) := {
	"direction": direction,
	"protocol": protocol(object.get(values, "protocol", "")),
	"ranges": aws_ranges(object.get(values, "protocol", ""), object.get(values, "from_port", null), object.get(values, "to_port", null)),
	"sources": array.concat(lib.as_array(object.get(values, "cidr_blocks", [])), lib.as_array(object.get(values, "ipv6_cidr_blocks", []))),
	"description": object.get(values, "description", null),
}

vpc_rule(direction, values) := {
	"direction": direction,
	"protocol": protocol(object.get(values, "ip_protocol", "")),
	"ranges": aws_ranges(object.get(values, "ip_protocol", ""), object.get(values, "from_port", -1), object.get(values, "to_port", -1)),
	"sources": [c | some c in [object.get(values, "cidr_ipv4", null), object.get(values, "cidr_ipv6", null)]; c != null],
	"description": object.get(values, "description", null),
}

cfn_rule(direction, entry) := {
	"direction": direction,
	"protocol": protocol(object.get(entry, "IpProtocol", "")),
	"ranges": aws_ranges(object.get(entry, "IpProtocol", ""), object.get(entry, "FromPort", -1), object.get(entry, "ToPort", -1)),
	"sources": [c | some c in [object.get(entry, "CidrIp", null), object.get(entry, "CidrIpv6", null)]; c != null],
	"description": object.get(entry, "Description", null),
}

# AWS ignores the ports of an all-protocol ("-1") rule, and reads 0-0 (and -1 to -1)
# as every port. Unknown ports give no range at all.
aws_ranges(proto, _, _) := [[0, 65535]] if lib.all_protocols(protocol(proto))

aws_ranges(proto, from_port, to_port) := [aws_range(lib.number(from_port), lib.number(to_port))] if {
	not lib.all_protocols(protocol(proto))
	ports_known(from_port, to_port)
}

aws_ranges(proto, from_port, to_port) := [] if {
	not lib.all_protocols(protocol(proto))
	not ports_known(from_port, to_port)
}

ports_known(from_port, to_port) if {
	lib.number(from_port)
	lib.number(to_port)
}

aws_range(from_port, to_port) := [0, 65535] if {
	from_port in {0, -1}
	to_port == from_port
}

aws_range(from_port, to_port) := [from_port, to_port] if not from_port in {0, -1}

aws_range(from_port, to_port) := [from_port, to_port] if to_port != from_port

azure_rule(values) := {
	"direction": azure_direction(values),
	"protocol": protocol(object.get(values, "protocol", "")),
	"ranges": [range |
		some spec in array.concat(lib.as_array(object.get(values, "destination_port_range", [])), lib.as_array(object.get(values, "destination_port_ranges", [])))
		range := lib.port_range(spec)
	],
	"sources": array.concat(lib.as_array(object.get(values, "source_address_prefix", [])), lib.as_array(object.get(values, "source_address_prefixes", []))),
	"description": object.get(values, "description", null),
}

# Only inbound Allow rules admit traffic; a Deny rule is never "open".
azure_direction(values) := "ingress" if {
	lib.lowercase(values.direction) == "inbound"
	lib.lowercase(values.access) == "allow"
}

azure_direction(values) := "other" if not lib.lowercase(values.direction) == "inbound"

azure_direction(values) := "other" if not lib.lowercase(values.access) == "allow"

gcp_rule(values, entry) := {
	"direction": gcp_direction(values),
	"protocol": protocol(object.get(entry, "protocol", "")),
	"ranges": gcp_ranges(entry),
	"sources": object.get(values, "source_ranges", []),
	"description": object.get(values, "description", null),
}

gcp_direction(values) := lib.lowercase(object.get(values, "direction", "INGRESS"))

# No `ports` means every port of the protocol.
gcp_ranges(entry) := [[0, 65535]] if object.get(entry, "ports", []) in {[], null}

gcp_ranges(entry) := [range | some spec in lib.items(entry.ports); range := lib.port_range(spec)] if is_array(entry.ports)

protocol(value) := lower(value) if is_string(value)

protocol(value) := sprintf("%v", [value]) if is_number(value)

protocol(value) := "" if {
	not is_string(value)
	not is_number(value)
}
