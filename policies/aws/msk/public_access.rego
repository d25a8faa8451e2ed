# METADATA
# title: MSK cluster brokers are publicly accessible
# description: >-
#   With public access on, every broker gets an Elastic IP address reachable from the
#   internet; the cluster's data is then protected only by its authentication and
#   security groups.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html
# custom:
#   id: IAC-AWS-MSK-002
#   severity: high
#   remediation: >-
#     Terraform: set `broker_node_group_info { connectivity_info { public_access { type =
#     "DISABLED" } } }` on the `aws_msk_cluster`. CloudFormation: set
#     `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type: DISABLED` on the
#     `AWS::MSK::Cluster`. Reach the cluster through VPC peering, PrivateLink or a VPN.
#   frameworks: [AWS-FSBP-MSK.4]
#   forms:
#     - 'Terraform `aws_msk_cluster` `broker_node_group_info.connectivity_info.public_access.type`: "SERVICE_PROVIDED_EIPS" (any case)'
#     - 'CloudFormation `AWS::MSK::Cluster` `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type`: SERVICE_PROVIDED_EIPS'
#   not_flagged:
#     - 'Absent settings (public access is DISABLED by default) and unknown values.'
package iac_guard.aws.msk.public_access

import data.iac_guard.lib
import rego.v1

public(value) if {
	is_string(value)
	upper(value) == "SERVICE_PROVIDED_EIPS"
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_msk_cluster")
	connectivity := lib.block(lib.block_or_empty(r.values, "broker_node_group_info"), "connectivity_info")
	public(lib.block(connectivity, "public_access").type)
	result := lib.finding(r, sprintf("MSK cluster %s has publicly accessible brokers", [r.address]), "broker_node_group_info.0.connectivity_info.0.public_access.0.type")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::MSK::Cluster")
	public(object.get(r.values, ["BrokerNodeGroupInfo", "ConnectivityInfo", "PublicAccess", "Type"], ""))
	result := lib.finding(r, sprintf("MSK cluster %s has publicly accessible brokers", [r.address]), "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type")
}
