# METADATA
# title: EKS cluster API endpoint is open to the internet
# description: >-
#   The Kubernetes API endpoint is public by default and, without `public_access_cidrs`,
#   reachable from every address: one leaked kubeconfig or API vulnerability away from
#   the cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: IAC-AWS-EKS-001
#   severity: high
#   remediation: >-
#     Set `vpc_config { endpoint_private_access = true, endpoint_public_access = false }`
#     (CloudFormation `ResourcesVpcConfig.EndpointPublicAccess: false`), or restrict
#     `public_access_cidrs` (`PublicAccessCidrs`) to your networks.
#   forms:
#     - >-
#       `vpc_config.endpoint_public_access` absent/true with `public_access_cidrs` absent,
#       null, [] (the default 0.0.0.0/0) or holding a world range (`0.0.0.0/0`, `::/0`, any
#       `/0`)
#     - >-
#       CloudFormation `ResourcesVpcConfig.EndpointPublicAccess` / `PublicAccessCidrs`
#   not_flagged:
#     - >-
#       a public endpoint restricted to known CIDRs: stricter scanners flag every public
#       endpoint; this rule accepts one limited to known
#       CIDRs, as AWS documents for clusters reached from the internet
package iac_guard.aws.eks.public_endpoint

import data.iac_guard.lib
import rego.v1

# Open when public access is on (the default) and the allowed CIDRs are the default
# 0.0.0.0/0 or include the world.
open(config, public_key, cidrs_key) if {
	lib.true_or_missing(config, public_key)
	not lib.is_set(config, cidrs_key) # absent, null or []: the default 0.0.0.0/0
}

open(config, public_key, cidrs_key) if {
	lib.true_or_missing(config, public_key)
	lib.any_world(config[cidrs_key])
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_eks_cluster")
	config := lib.block(r.values, "vpc_config")
	not lib.is_unknown(config)
	open(config, "endpoint_public_access", "public_access_cidrs")
	result := lib.finding(r, sprintf("EKS cluster %s exposes its API endpoint to the internet", [r.address]), "vpc_config.0.endpoint_public_access")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::EKS::Cluster")
	config := r.values.ResourcesVpcConfig
	not lib.is_unknown(config)
	open(config, "EndpointPublicAccess", "PublicAccessCidrs")
	result := lib.finding(r, sprintf("EKS cluster %s exposes its API endpoint to the internet", [r.address]), "ResourcesVpcConfig.EndpointPublicAccess")
}
