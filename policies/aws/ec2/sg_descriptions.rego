# METADATA
# title: Security group or rule has no description
# description: >-
#   Descriptions say why a port is open and who owns the rule; without them reviewers
#   cannot tell a needed rule from a forgotten one, and clean-up never happens.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: IAC-AWS-SG-005
#   severity: low
#   remediation: >-
#     Terraform: set `description` on the `aws_security_group` (not the default "Managed by
#     Terraform") and on every `ingress` / `egress` block or rule resource. CloudFormation:
#     set `Description` on every `SecurityGroupIngress` / `SecurityGroupEgress` entry.
#   forms:
#     - >-
#       `aws_security_group` without `description` (or the provider default "Managed by
#       Terraform"), rule blocks and rule resources without one; CloudFormation rule
#       `Description`
#   not_flagged:
#     - >-
#       CloudFormation `GroupDescription`, which is required there
package iac_guard.aws.ec2.sg_descriptions

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import data.iac_guard.lib_network.aws_entries
import rego.v1

# Per resource, the things without a description: the group itself, a rule block
# ("ingress.0"), or a stand-alone rule resource ("description").
undescribed[r] contains "description" if {
	lib.is_terraform
	some r in lib.managed("aws_security_group")
	blank(object.get(r.values, "description", null))
}

undescribed[r] contains item if {
	some [r, attr, _, shape, entry] in aws_entries
	blank(network.description(shape, entry))
	item := rule_item(attr)
}

blank(value) if value == null

blank(value) if value == ""

blank(value) if value == "Managed by Terraform"

# Rule blocks are named by their path; a stand-alone rule resource by its attribute.
rule_item(attr) := attr if contains(attr, ".")

rule_item(attr) := "description" if {
	not contains(attr, ".")
	lib.is_terraform
}

rule_item(attr) := "Description" if {
	not contains(attr, ".")
	lib.is_cloudformation
}

deny contains result if {
	some r, found in undescribed
	items := sort(found)
	result := lib.finding(r, sprintf("%s has no description for: %s", [r.address, concat(", ", items)]), items[0])
}
