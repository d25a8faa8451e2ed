# METADATA
# title: Default security group allows traffic
# description: >-
#   Every VPC's default security group is attached to resources launched without an
#   explicit group. It should allow nothing, so a forgotten group setting fails closed.
#   A VPC whose default group no `aws_default_security_group` manages keeps the rules AWS
#   creates (all traffic from members of the group, all outbound traffic) and is reported
#   too, unless some default group of the scanned code names its VPC in a way that cannot
#   be resolved.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: IAC-AWS-SG-006
#   severity: medium
#   remediation: >-
#     Declare the `aws_default_security_group` with no `ingress` and no `egress` blocks, so
#     Terraform removes every rule from it, and attach purpose-made groups instead.
#   frameworks: [CIS-AWS-5.4]
#   kinds: [terraform]
#   forms:
#     - >-
#       `aws_default_security_group` with `ingress` or `egress` blocks
#     - >-
#       an `aws_vpc` whose default group no `aws_default_security_group` manages (CIS 5.4)
#   not_flagged:
#     - >-
#       stricter than the service on purpose: the default group admits only its own members,
#       but CIS 5.4 asks that it have no rules at all
#     - >-
#       CloudFormation, which cannot manage a VPC's default group
package iac_guard.aws.ec2.default_sg

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("aws_default_security_group")
	some direction in ["ingress", "egress"]
	lib.has_block(r.values, direction)
	result := lib.finding(r, sprintf("default security group %s has %s rules", [r.address, direction]), direction)
}

# VPCs whose default group an aws_default_security_group manages (by reference).
managed_defaults := lib.pointers("aws_default_security_group", "vpc_id")

deny contains result if {
	some r in lib.managed("aws_vpc")
	not lib.pointed_at(r, managed_defaults, "id")
	not unresolved_default_group
	result := lib.finding(r, sprintf("VPC %s keeps the default rules of its default security group (no aws_default_security_group manages it)", [r.address]), "cidr_block")
}

# A default group whose vpc_id is not a reference to an aws_vpc of the scanned code
# (`var.vpc_id` in a module, a lookup): it may manage any VPC's default group.
default unresolved_default_group := false

unresolved_default_group if {
	some d in lib.managed("aws_default_security_group")
	lib.is_unknown(d.values.vpc_id)
	not vpc_reference(d)
}

vpc_reference(d) if regex.match(`(^|\.)aws_vpc\.[^.]+$`, lib.reference_target(d, d.values.vpc_id))
