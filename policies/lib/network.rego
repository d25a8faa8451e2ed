# Firewall rules of every cloud in one shape, and which of them admit the world.
# Import with `import data.iac_guard.lib_network as network`.
#
# Helper packages are siblings of iac_guard.lib, never nested under it: Regorus 0.13
# mis-evaluates a package that imports its own parent package (rules come back empty).
#
# Cost: rules are first collected as they are written (`entries`, cheap); only the few
# inbound ones whose sources include the world are normalised (`world_rules`).
package iac_guard.lib_network

import data.iac_guard.lib
import rego.v1

# world_ingress(cloud, port): the [resource, attribute] pairs ("aws", "azure" or "gcp")
# whose inbound rule admits TCP `port` from 0.0.0.0/0, ::/0 or Azure's "Internet"/"*".
world_ingress(cloud, port) := {[r, attr] |
	some [r, attr, rule] in world_rules(cloud)
	admits(rule, port)
}

# world_all_ports(cloud): inbound rules open to the world on every port (any protocol,
# or TCP 0-65535).
world_all_ports(cloud) := {[r, attr] |
	some [r, attr, rule] in world_rules(cloud)
	opens_all(rule)
}

# world_ingress_udp(cloud, port): the same for UDP (RDP listens on TCP and UDP 3389).
world_ingress_udp(cloud, port) := {[r, attr] |
	some [r, attr, rule] in world_rules(cloud)
	admits_udp(rule, port)
}

admits(rule, port) if {
	tcp_or_all(rule.protocol)
	some range in rule.ranges
	lib.includes_port(range[0], range[1], port)
}

admits_udp(rule, port) if {
	udp_or_all(rule.protocol)
	some range in rule.ranges
	lib.includes_port(range[0], range[1], port)
}

udp_or_all(protocol) if protocol in {"udp", "17"}

udp_or_all(protocol) if lib.all_protocols(protocol)

opens_all(rule) if {
	tcp_or_all(rule.protocol)
	some range in rule.ranges
	lib.all_ports(range)
}

tcp_or_all(protocol) if protocol in {"tcp", "6"}

tcp_or_all(protocol) if lib.all_protocols(protocol)

# Inbound rules of a cloud open to the world, as [resource, attribute, rule], the rule
# normalised to {protocol (lower case), ranges ([[from, to], ...])}. Values that are
# unknown stay unknown, so no test on them succeeds.
# (Functions are not memoised: each cloud's set is a rule, computed once per evaluation.)
world_rules("aws") := aws_world

world_rules("azure") := azure_world

world_rules("gcp") := gcp_world

aws_world := world(aws_entries)

azure_world := world(azure_entries)

gcp_world := world(gcp_entries)

world(entries) := {[r, source_attribute(attr, entry), {"protocol": protocol(shape, entry), "ranges": ranges(shape, entry)}] |
	some [r, attr, direction, shape, entry] in entries
	direction == "ingress"
	lib.any_world(sources(shape, entry))
}

# A stand-alone rule is reported at the attribute that holds the world source: the IPv6
# (or list) attribute when the IPv4 (or single) one does not.
source_attribute(attr, entry) := other if {
	other := {"cidr_blocks": "ipv6_cidr_blocks", "cidr_ipv4": "cidr_ipv6", "CidrIp": "CidrIpv6", "source_address_prefix": "source_address_prefixes"}[attr]
	not lib.any_world(object.get(entry, attr, null))
} else := attr

# Every firewall rule as written, per cloud: [resource, attribute, direction, shape,
# entry], where `shape` names the way the entry's fields are spelled. One rule per cloud,
# so a policy about one cloud never collects the others' rules.
aws_entries contains [r, sprintf("%s.%d", [direction, i]), direction, "aws", entry] if {
	lib.is_terraform
	some rtype in ["aws_security_group", "aws_default_security_group"]
	some r in lib.managed(rtype)
	some direction in ["ingress", "egress"]
	some i, entry in lib.items(r.values[direction])
	is_object(entry)
}

aws_entries contains [r, "cidr_blocks", r.values.type, "aws", r.values] if {
	lib.is_terraform
	some r in lib.managed("aws_security_group_rule")
}

aws_entries contains [r, "cidr_ipv4", direction, "vpc", r.values] if {
	lib.is_terraform
	some [rtype, direction] in [["aws_vpc_security_group_ingress_rule", "ingress"], ["aws_vpc_security_group_egress_rule", "egress"]]
	some r in lib.managed(rtype)
}

aws_entries contains [r, sprintf("%s.%d", [key, i]), direction, "cfn", entry] if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EC2::SecurityGroup")
	some [key, direction] in [["SecurityGroupIngress", "ingress"], ["SecurityGroupEgress", "egress"]]
	some i, entry in lib.items(r.values[key])
	is_object(entry)
}

aws_entries contains [r, "CidrIp", direction, "cfn", r.values] if {
	lib.is_cloudformation
	some [rtype, direction] in [["AWS::EC2::SecurityGroupIngress", "ingress"], ["AWS::EC2::SecurityGroupEgress", "egress"]]
	some r in lib.resources(rtype)
}

azure_entries contains [r, "source_address_prefix", azure_direction(r.values), "azure", r.values] if {
	lib.is_terraform
	some r in lib.managed("azurerm_network_security_rule")
}

azure_entries contains [r, sprintf("security_rule.%d", [i]), azure_direction(entry), "azure", entry] if {
	lib.is_terraform
	some r in lib.managed("azurerm_network_security_group")
	some i, entry in lib.items(r.values.security_rule)
	is_object(entry)
}

# A GCP firewall has one entry per `allow` block, with the firewall's values alongside.
gcp_entries contains [r, sprintf("allow.%d", [i]), gcp_direction(r.values), "gcp", {"firewall": r.values, "allow": entry}] if {
	lib.is_terraform
	some r in lib.managed("google_compute_firewall")
	not lib.is_true(r.values.disabled)
	some i, entry in lib.items(r.values.allow)
	is_object(entry)
}

# The rule's description (AWS shapes), null when it has none.
description("cfn", entry) := object.get(entry, "Description", null)

description(shape, entry) := object.get(entry, "description", null) if shape != "cfn"

sources("aws", entry) := array.concat(lib.as_array(object.get(entry, "cidr_blocks", [])), lib.as_array(object.get(entry, "ipv6_cidr_blocks", [])))

sources("vpc", entry) := [object.get(entry, "cidr_ipv4", null), object.get(entry, "cidr_ipv6", null)]

sources("cfn", entry) := [object.get(entry, "CidrIp", null), object.get(entry, "CidrIpv6", null)]

sources("azure", entry) := array.concat(lib.as_array(object.get(entry, "source_address_prefix", [])), lib.as_array(object.get(entry, "source_address_prefixes", [])))

sources("gcp", entry) := object.get(entry.firewall, "source_ranges", []) if gcp_source_given(entry.firewall)

# An ingress firewall that names no source (no ranges, tags or service accounts) applies
# to every IPv4 source: Google Cloud's documented default.
sources("gcp", entry) := ["0.0.0.0/0"] if not gcp_source_given(entry.firewall)

gcp_source_given(firewall) if {
	some key in ["source_ranges", "source_tags", "source_service_accounts"]
	lib.is_set(firewall, key)
}

protocol("aws", entry) := lower_protocol(object.get(entry, "protocol", ""))

protocol("vpc", entry) := lower_protocol(object.get(entry, "ip_protocol", ""))

protocol("cfn", entry) := lower_protocol(object.get(entry, "IpProtocol", ""))

protocol("azure", entry) := lower_protocol(object.get(entry, "protocol", ""))

protocol("gcp", entry) := lower_protocol(object.get(entry.allow, "protocol", ""))

ranges("aws", entry) := aws_ranges(protocol("aws", entry), object.get(entry, "from_port", null), object.get(entry, "to_port", null))

ranges("vpc", entry) := aws_ranges(protocol("vpc", entry), object.get(entry, "from_port", -1), object.get(entry, "to_port", -1))

ranges("cfn", entry) := aws_ranges(protocol("cfn", entry), object.get(entry, "FromPort", -1), object.get(entry, "ToPort", -1))

ranges("azure", entry) := [range |
	some spec in array.concat(lib.as_array(object.get(entry, "destination_port_range", [])), lib.as_array(object.get(entry, "destination_port_ranges", [])))
	some range in lib.port_ranges(spec)
]

# No `ports` means every port of the protocol.
ranges("gcp", entry) := [[0, 65535]] if object.get(entry.allow, "ports", []) in {[], null}

ranges("gcp", entry) := [range | some spec in entry.allow.ports; some range in lib.port_ranges(spec)] if {
	is_array(entry.allow.ports)
	count(entry.allow.ports) > 0
}

# AWS ignores the ports of an all-protocol ("-1") rule, and reads 0-0 (and -1 to -1)
# as every port. Unknown ports give no range at all.
aws_ranges(proto, _, _) := [[0, 65535]] if lib.all_protocols(proto)

aws_ranges(proto, from_port, to_port) := [aws_range(lib.number(from_port), lib.number(to_port))] if {
	not lib.all_protocols(proto)
	ports_known(from_port, to_port)
}

aws_ranges(proto, from_port, to_port) := [] if {
	not lib.all_protocols(proto)
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

# Only inbound Allow rules admit traffic; a Deny rule is never "open".
azure_direction(values) := "ingress" if {
	lib.lowercase(values.direction) == "inbound"
	lib.lowercase(values.access) == "allow"
}

azure_direction(values) := "other" if not lib.lowercase(values.direction) == "inbound"

azure_direction(values) := "other" if not lib.lowercase(values.access) == "allow"

gcp_direction(values) := lib.lowercase(object.get(values, "direction", "INGRESS"))

lower_protocol(value) := lower(value) if is_string(value)

lower_protocol(value) := sprintf("%v", [value]) if is_number(value)

lower_protocol(value) := "" if {
	not is_string(value)
	not is_number(value)
}
