# METADATA
# title: ElastiCache does not apply minor engine upgrades automatically
# description: >-
#   With automatic minor version upgrades turned off, the cache keeps running an
#   engine version until someone upgrades it by hand, security fixes included.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html
# custom:
#   id: IAC-AWS-ELASTICACHE-005
#   severity: low
#   remediation: >-
#     Terraform: set `auto_minor_version_upgrade = true` (the default) on the
#     `aws_elasticache_replication_group` / `aws_elasticache_cluster`. CloudFormation:
#     set `AutoMinorVersionUpgrade: true` (the default) on the
#     `AWS::ElastiCache::ReplicationGroup` / `AWS::ElastiCache::CacheCluster`.
#   frameworks: [AWS-FSBP-ElastiCache.2]
#   forms:
#     - 'Terraform `aws_elasticache_replication_group`, `aws_elasticache_cluster` `auto_minor_version_upgrade`: false or "false"'
#     - 'CloudFormation `AWS::ElastiCache::ReplicationGroup`, `AWS::ElastiCache::CacheCluster` `AutoMinorVersionUpgrade`: false or "false"'
#   not_flagged:
#     - 'An absent value (upgrades are on by default) and unknown values.'
package iac_guard.aws.elasticache.auto_minor_upgrade

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_elasticache_replication_group", "aws_elasticache_cluster"]
	some r in lib.managed(rtype)
	lib.is_false(r.values.auto_minor_version_upgrade)
	result := lib.finding(r, sprintf("%s does not apply minor engine upgrades automatically", [r.address]), "auto_minor_version_upgrade")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"]
	some r in lib.resources(rtype)
	lib.is_false(r.values.AutoMinorVersionUpgrade)
	result := lib.finding(r, sprintf("%s does not apply minor engine upgrades automatically", [r.address]), "AutoMinorVersionUpgrade")
}
