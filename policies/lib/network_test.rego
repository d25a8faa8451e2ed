# Tests of network.rego (package iac_guard.lib_network): firewall rules of AWS (Terraform
# inline blocks, rule resources, VPC rule resources; CloudFormation), Azure and GCP in one
# shape, and which of them admit the world. Unknown values and CloudFormation intrinsics
# never make a rule "open"; odd types (a string where a list belongs, a number protocol)
# are not errors.
package iac_guard.lib_network_test

import data.iac_guard.lib_network as network
import data.iac_guard.testing
import rego.v1

# (Results are bound before they are compared with values that contain the input's own
# resources: Regorus 0.13 gets `f == {rule} with input as g(rule)` wrong.)

ssh_world := {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}

https_world := {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["::/0"]}

internal_all := {"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]}

sg := testing.tf_resource("aws_security_group", "web", {
	"ingress": [ssh_world, https_world, internal_all],
	"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
})

sg_rule := testing.tf_resource("aws_security_group_rule", "rdp", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["0.0.0.0/0"]})

vpc_rule := testing.tf_resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})

cfn_sg := testing.cfn_resource("AWS::EC2::SecurityGroup", "Group", {"SecurityGroupIngress": [
	{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"},
	{"IpProtocol": "tcp", "FromPort": "80", "ToPort": "80", "CidrIp": {"Ref": "Cidr"}},
]})

cfn_ingress := testing.cfn_resource("AWS::EC2::SecurityGroupIngress", "Rule", {"IpProtocol": -1, "CidrIpv6": "::/0"})

nsg_rule := testing.tf_resource("azurerm_network_security_rule", "ssh", {
	"direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_address_prefix": "Internet", "destination_port_range": "22",
})

nsg := testing.tf_resource("azurerm_network_security_group", "g", {"security_rule": [
	{"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "*", "destination_port_range": "*"},
	{"direction": "Inbound", "access": "Deny", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"},
	{"direction": "Outbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "443"},
]})

firewall := testing.tf_resource("google_compute_firewall", "fw", {
	"source_ranges": ["0.0.0.0/0"],
	"allow": [{"protocol": "tcp", "ports": ["22", "8000-8080"]}, {"protocol": "udp"}],
})

firewall_all := testing.tf_resource("google_compute_firewall", "all", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]})

firewall_egress := testing.tf_resource("google_compute_firewall", "out", {"direction": "EGRESS", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]})

firewall_disabled := testing.tf_resource("google_compute_firewall", "off", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]})

tf_all := testing.tf([sg, sg_rule, vpc_rule, nsg_rule, nsg, firewall, firewall_all, firewall_egress, firewall_disabled])

test_world_ingress if {
	aws := network.world_ingress("aws", 22) with input as tf_all
	aws == {[sg, "ingress.0"], [vpc_rule, "cidr_ipv4"]}
	rdp := network.world_ingress("aws", 3389) with input as tf_all
	rdp == {[sg_rule, "cidr_blocks"], [vpc_rule, "cidr_ipv4"]}
	azure := network.world_ingress("azure", 22) with input as tf_all
	azure == {[nsg_rule, "source_address_prefix"], [nsg, "security_rule.0"]}
	gcp := network.world_ingress("gcp", 8080) with input as tf_all
	gcp == {[firewall, "allow.0"], [firewall_all, "allow.0"]}
	gcp_9090 := network.world_ingress("gcp", 9090) with input as tf_all
	gcp_9090 == {[firewall_all, "allow.0"]}
	# a stand-alone rule is reported at the attribute holding the world source: CidrIpv6 here
	cfn := network.world_ingress("aws", 22) with input as testing.cfn([cfn_sg, cfn_ingress])
	cfn == {[cfn_sg, "SecurityGroupIngress.0"], [cfn_ingress, "CidrIpv6"]}
	cfn_80 := network.world_ingress("aws", 80) with input as testing.cfn([cfn_sg, cfn_ingress])
	cfn_80 == {[cfn_ingress, "CidrIpv6"]} # the other rule's source is a Ref
	# IPv6-only world sources of Terraform rule resources
	v6 := network.world_ingress("aws", 22) with input as testing.tf([sg_rule_v6, vpc_rule_v6])
	v6 == {[sg_rule_v6, "ipv6_cidr_blocks"], [vpc_rule_v6, "cidr_ipv6"]}
	nsg_list := network.world_ingress("azure", 3389) with input as testing.tf([nsg_rule_list])
	nsg_list == {[nsg_rule_list, "source_address_prefixes"]}
}

sg_rule_v6 := testing.tf_resource("aws_security_group_rule", "ssh6", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["::/0"]})

vpc_rule_v6 := testing.tf_resource("aws_vpc_security_group_ingress_rule", "ssh6", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv6": "::/0"})

# Several ports and sources in one rule (Azure accepts comma-separated port lists).
nsg_rule_list := testing.tf_resource("azurerm_network_security_rule", "rdp", {
	"direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_address_prefixes": ["10.0.0.0/8", "INTERNET"], "destination_port_range": "22, 3389",
})

udp_rdp := testing.tf_resource("aws_security_group_rule", "rdp_udp", {"type": "ingress", "protocol": "udp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["0.0.0.0/0"]})

test_world_ingress_udp if {
	aws := network.world_ingress_udp("aws", 3389) with input as testing.tf([sg_rule, udp_rdp, vpc_rule])
	aws == {[udp_rdp, "cidr_blocks"], [vpc_rule, "cidr_ipv4"]} # TCP-only sg_rule is not UDP
	gcp := network.world_ingress_udp("gcp", 3389) with input as tf_all
	gcp == {[firewall, "allow.1"], [firewall_all, "allow.0"]}
	azure := network.world_ingress_udp("azure", 3389) with input as tf_all
	azure == {[nsg, "security_rule.0"]} # protocol "*"; the Tcp rule admits no UDP
	network.world_ingress_udp("aws", 3389) == set() with input as testing.tf([sg_rule])
}

test_admits_udp if {
	network.admits_udp({"protocol": "udp", "ranges": [[3389, 3389]]}, 3389)
	network.admits_udp({"protocol": "17", "ranges": [[3000, 4000]]}, 3389)
	network.admits_udp({"protocol": "-1", "ranges": [[0, 65535]]}, 3389)
	not network.admits_udp({"protocol": "tcp", "ranges": [[3389, 3389]]}, 3389)
	not network.admits_udp({"protocol": "udp", "ranges": [[53, 53]]}, 3389)
	not network.admits_udp({"protocol": "udp", "ranges": []}, 3389)
}

test_udp_or_all if {
	network.udp_or_all("udp")
	network.udp_or_all("17")
	network.udp_or_all("all")
	network.udp_or_all("*")
	not network.udp_or_all("tcp")
	not network.udp_or_all("UDP") # lower-cased before
	not network.udp_or_all(17)
}

test_source_attribute if {
	network.source_attribute("cidr_blocks", {"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}) == "cidr_blocks"
	network.source_attribute("cidr_blocks", {"cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["::/0"]}) == "ipv6_cidr_blocks"
	network.source_attribute("cidr_blocks", {"ipv6_cidr_blocks": ["::/0"]}) == "ipv6_cidr_blocks"
	network.source_attribute("cidr_ipv4", {"cidr_ipv6": "::/0"}) == "cidr_ipv6"
	network.source_attribute("CidrIp", {"CidrIp": "0.0.0.0/0"}) == "CidrIp"
	network.source_attribute("CidrIp", {"CidrIp": {"Ref": "C"}, "CidrIpv6": "::/0"}) == "CidrIpv6"
	network.source_attribute("source_address_prefix", {"source_address_prefix": "Internet"}) == "source_address_prefix"
	network.source_attribute("source_address_prefix", {"source_address_prefixes": ["*"]}) == "source_address_prefixes"
	# inline blocks are reported at the block
	network.source_attribute("ingress.0", {"ipv6_cidr_blocks": ["::/0"]}) == "ingress.0"
	network.source_attribute("allow.1", {}) == "allow.1"
}

test_gcp_source_given if {
	network.gcp_source_given({"source_ranges": ["10.0.0.0/8"]})
	network.gcp_source_given({"source_tags": ["web"]})
	network.gcp_source_given({"source_service_accounts": ["sa@p.iam.gserviceaccount.com"]})
	network.gcp_source_given({"source_ranges": testing.unknown("var.ranges")})
	not network.gcp_source_given({})
	not network.gcp_source_given({"source_ranges": [], "source_tags": null})
}

test_world_all_ports if {
	aws := network.world_all_ports("aws") with input as tf_all
	aws == {[vpc_rule, "cidr_ipv4"]}
	azure := network.world_all_ports("azure") with input as tf_all
	azure == {[nsg, "security_rule.0"]}
	gcp := network.world_all_ports("gcp") with input as tf_all
	gcp == {[firewall_all, "allow.0"]}
	network.world_all_ports("aws") == set() with input as testing.tf([sg, sg_rule])
}

test_admits if {
	network.admits({"protocol": "tcp", "ranges": [[20, 25]]}, 22)
	network.admits({"protocol": "-1", "ranges": [[0, 65535]]}, 22)
	network.admits({"protocol": "6", "ranges": [[80, 80], [22, 22]]}, 22)
	not network.admits({"protocol": "udp", "ranges": [[0, 65535]]}, 22)
	not network.admits({"protocol": "tcp", "ranges": [[80, 443]]}, 22)
	not network.admits({"protocol": "tcp", "ranges": []}, 22)
}

test_opens_all if {
	network.opens_all({"protocol": "all", "ranges": [[0, 65535]]})
	network.opens_all({"protocol": "tcp", "ranges": [[1, 65535]]})
	not network.opens_all({"protocol": "tcp", "ranges": [[22, 22]]})
	not network.opens_all({"protocol": "icmp", "ranges": [[0, 65535]]})
}

test_tcp_or_all if {
	network.tcp_or_all("tcp")
	network.tcp_or_all("6")
	network.tcp_or_all("-1")
	network.tcp_or_all("*")
	not network.tcp_or_all("udp")
	not network.tcp_or_all("TCP") # protocols are lower-cased before they get here
	not network.tcp_or_all(6)
}

test_world_rules if {
	rules := network.world_rules("aws") with input as testing.tf([sg])
	rules == {
		[sg, "ingress.0", {"protocol": "tcp", "ranges": [[22, 22]]}],
		[sg, "ingress.1", {"protocol": "tcp", "ranges": [[443, 443]]}],
	}
	network.world_rules("azure") == set() with input as testing.tf([sg])
	not network.world_rules("oci") with input as testing.tf([sg])
}

test_aws_world if {
	rules := network.aws_world with input as testing.tf([sg_rule, testing.tf_resource("aws_security_group_rule", "out", {"type": "egress", "protocol": "tcp", "from_port": 1, "to_port": 2, "cidr_blocks": ["0.0.0.0/0"]})])
	rules == {[sg_rule, "cidr_blocks", {"protocol": "tcp", "ranges": [[3389, 3389]]}]}
}

test_azure_world if {
	rules := network.azure_world with input as testing.tf([nsg])
	rules == {[nsg, "security_rule.0", {"protocol": "*", "ranges": [[0, 65535]]}]}
	network.azure_world == set() with input as testing.tf([testing.tf_resource("azurerm_network_security_rule", "x", object.union(nsg_rule.values, {"source_address_prefix": "VirtualNetwork"}))])
}

test_gcp_world if {
	rules := network.gcp_world with input as testing.tf([firewall, firewall_egress, firewall_disabled])
	rules == {
		[firewall, "allow.0", {"protocol": "tcp", "ranges": [[22, 22], [8000, 8080]]}],
		[firewall, "allow.1", {"protocol": "udp", "ranges": [[0, 65535]]}],
	}
}

test_world if {
	network.world([
		[sg, "a", "ingress", "aws", ssh_world],
		[sg, "b", "egress", "aws", ssh_world],
		[sg, "c", "ingress", "aws", internal_all],
	]) == {[sg, "a", {"protocol": "tcp", "ranges": [[22, 22]]}]}
	network.world([]) == set()
}

test_aws_entries if {
	entries := network.aws_entries with input as testing.tf([sg, sg_rule, vpc_rule, testing.tf_resource("aws_security_group", "odd", {"ingress": "not a list", "egress": [5]})])
	entries == {
		[sg, "ingress.0", "ingress", "aws", ssh_world],
		[sg, "ingress.1", "ingress", "aws", https_world],
		[sg, "ingress.2", "ingress", "aws", internal_all],
		[sg, "egress.0", "egress", "aws", sg.values.egress[0]],
		[sg_rule, "cidr_blocks", "ingress", "aws", sg_rule.values],
		[vpc_rule, "cidr_ipv4", "ingress", "vpc", vpc_rule.values],
	}
	cfn := network.aws_entries with input as testing.cfn([cfn_sg, cfn_ingress])
	cfn == {
		[cfn_sg, "SecurityGroupIngress.0", "ingress", "cfn", cfn_sg.values.SecurityGroupIngress[0]],
		[cfn_sg, "SecurityGroupIngress.1", "ingress", "cfn", cfn_sg.values.SecurityGroupIngress[1]],
		[cfn_ingress, "CidrIp", "ingress", "cfn", cfn_ingress.values],
	}
	# Terraform rules are not read from a CloudFormation input, nor the other way round
	network.aws_entries == set() with input as {"kind": "cloudformation", "resources": [sg]}
}

test_azure_entries if {
	entries := network.azure_entries with input as testing.tf([nsg_rule, nsg])
	entries == {
		[nsg_rule, "source_address_prefix", "ingress", "azure", nsg_rule.values],
		[nsg, "security_rule.0", "ingress", "azure", nsg.values.security_rule[0]],
		[nsg, "security_rule.1", "other", "azure", nsg.values.security_rule[1]],
		[nsg, "security_rule.2", "other", "azure", nsg.values.security_rule[2]],
	}
	network.azure_entries == set() with input as testing.tf([testing.tf_resource("azurerm_network_security_group", "u", {"security_rule": testing.unknown("var.rules")})])
}

test_gcp_entries if {
	entries := network.gcp_entries with input as testing.tf([firewall_egress, firewall_disabled])
	entries == {[firewall_egress, "allow.0", "egress", "gcp", {"firewall": firewall_egress.values, "allow": {"protocol": "tcp"}}]}
}

test_description if {
	network.description("cfn", {"Description": "ssh"}) == "ssh"
	network.description("aws", {"description": "ssh"}) == "ssh"
	network.description("aws", {}) == null
	network.description("cfn", {"description": "lower case is not CloudFormation's"}) == null
}

test_sources if {
	network.sources("aws", https_world) == ["10.0.0.0/8", "::/0"]
	network.sources("aws", {"cidr_blocks": testing.unknown("var.cidrs")}) == [testing.unknown("var.cidrs")]
	network.sources("vpc", {"cidr_ipv6": "::/0"}) == [null, "::/0"]
	network.sources("cfn", {"CidrIp": {"Ref": "C"}}) == [{"Ref": "C"}, null]
	network.sources("azure", {"source_address_prefix": "*", "source_address_prefixes": ["10.0.0.0/8"]}) == ["*", "10.0.0.0/8"]
	# GCP: an ingress firewall that names no source applies to 0.0.0.0/0 (the documented
	# default); one with only tags or service accounts as sources has no ranges
	network.sources("gcp", {"firewall": {}}) == ["0.0.0.0/0"]
	network.sources("gcp", {"firewall": {"source_ranges": []}}) == ["0.0.0.0/0"]
	network.sources("gcp", {"firewall": {"source_tags": ["web"]}}) == []
	network.sources("gcp", {"firewall": {"source_ranges": ["10.0.0.0/8"], "source_tags": ["web"]}}) == ["10.0.0.0/8"]
	not network.sources("oci", {})
}

test_protocol if {
	network.protocol("aws", {"protocol": "TCP"}) == "tcp"
	network.protocol("vpc", {"ip_protocol": 6}) == "6"
	network.protocol("cfn", {"IpProtocol": -1}) == "-1"
	network.protocol("azure", {"protocol": "Tcp"}) == "tcp"
	network.protocol("gcp", {"allow": {"protocol": "all"}}) == "all"
	network.protocol("aws", {"protocol": testing.unknown("var.p")}) == ""
	network.protocol("cfn", {}) == ""
}

test_ranges if {
	network.ranges("aws", ssh_world) == [[22, 22]]
	network.ranges("aws", internal_all) == [[0, 65535]]
	network.ranges("aws", {"protocol": "tcp", "from_port": testing.unknown("var.p"), "to_port": 22}) == []
	network.ranges("vpc", {"ip_protocol": "tcp", "from_port": 80, "to_port": 81}) == [[80, 81]]
	network.ranges("cfn", {"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22"}) == [[22, 22]]
	network.ranges("cfn", {"IpProtocol": "tcp", "FromPort": {"Ref": "P"}, "ToPort": 22}) == []
	network.ranges("azure", {"destination_port_range": "22", "destination_port_ranges": ["80-81", "*", "ssh"]}) == [[22, 22], [80, 81], [0, 65535]]
	network.ranges("gcp", {"allow": {"protocol": "tcp"}}) == [[0, 65535]]
	network.ranges("gcp", {"allow": {"protocol": "tcp", "ports": null}}) == [[0, 65535]]
	network.ranges("gcp", {"allow": {"protocol": "tcp", "ports": ["443"]}}) == [[443, 443]]
	not network.ranges("gcp", {"allow": {"protocol": "tcp", "ports": testing.unknown("var.ports")}})
}

test_aws_ranges if {
	network.aws_ranges("-1", 22, 22) == [[0, 65535]]
	network.aws_ranges("tcp", 22, 25) == [[22, 25]]
	network.aws_ranges("tcp", "22", "25") == [[22, 25]]
	network.aws_ranges("tcp", 0, 0) == [[0, 65535]]
	network.aws_ranges("tcp", null, 22) == []
	network.aws_ranges("tcp", {"Ref": "From"}, 22) == []
}

test_ports_known if {
	network.ports_known(22, "25")
	not network.ports_known(22, testing.unknown("var.to"))
	not network.ports_known(null, 22)
	not network.ports_known("ssh", 22)
}

test_aws_range if {
	network.aws_range(0, 0) == [0, 65535]
	network.aws_range(-1, -1) == [0, 65535]
	network.aws_range(0, 1024) == [0, 1024]
	network.aws_range(22, 22) == [22, 22]
}

test_azure_direction if {
	network.azure_direction({"direction": "Inbound", "access": "Allow"}) == "ingress"
	network.azure_direction({"direction": "inbound", "access": "allow"}) == "ingress"
	network.azure_direction({"direction": "Inbound", "access": "Deny"}) == "other"
	network.azure_direction({"direction": "Outbound", "access": "Allow"}) == "other"
	network.azure_direction({"direction": testing.unknown("var.d"), "access": "Allow"}) == "other"
	network.azure_direction({}) == "other"
}

test_gcp_direction if {
	network.gcp_direction({}) == "ingress"
	network.gcp_direction({"direction": "EGRESS"}) == "egress"
	not network.gcp_direction({"direction": testing.unknown("var.d")})
}

test_lower_protocol if {
	network.lower_protocol("TCP") == "tcp"
	network.lower_protocol(6) == "6"
	network.lower_protocol(-1) == "-1"
	network.lower_protocol(null) == ""
	network.lower_protocol(testing.unknown("var.p")) == ""
	network.lower_protocol(["tcp"]) == ""
}
