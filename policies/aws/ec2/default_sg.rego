# METADATA
# title: Default security group allows traffic
# description: >-
#   Every VPC's default security group is attached to resources launched without an
#   explicit group. It should allow nothing, so a forgotten group setting fails closed.
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
package iac_guard.aws.ec2.default_sg

import data.iac_guard.lib
import rego.v1

deny contains result if {
	some r in lib.managed("aws_default_security_group")
	some direction in ["ingress", "egress"]
	lib.has_block(r.values, direction)
	result := lib.finding(r, sprintf("default security group %s has %s rules", [r.address, direction]), direction)
}
