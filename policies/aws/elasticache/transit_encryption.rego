# METADATA
# title: ElastiCache does not require encryption in transit
# description: >-
#   Without in-transit encryption (or with the `preferred` mode, which still accepts
#   plaintext connections) cache contents, session tokens and AUTH passwords cross the
#   network in the clear.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
# custom:
#   id: IAC-AWS-ELASTICACHE-002
#   severity: medium
#   remediation: >-
#     Terraform: set `transit_encryption_enabled = true` (and leave `transit_encryption_mode`
#     at `required`) on the `aws_elasticache_replication_group` or standalone
#     `aws_elasticache_cluster`. CloudFormation: set `TransitEncryptionEnabled: true` (and
#     `TransitEncryptionMode: required`) on the `AWS::ElastiCache::ReplicationGroup` or
#     `AWS::ElastiCache::CacheCluster`.
#   frameworks: [AWS-FSBP-ElastiCache.5]
#   forms:
#     - 'Terraform `aws_elasticache_replication_group` and `aws_elasticache_cluster` (standalone, no `replication_group_id`): `transit_encryption_enabled` absent, false, "false"; `transit_encryption_mode = "preferred"`'
#     - 'CloudFormation `AWS::ElastiCache::ReplicationGroup` and `AWS::ElastiCache::CacheCluster`: `TransitEncryptionEnabled` absent, false, "false"; `TransitEncryptionMode: preferred`'
#   not_flagged:
#     - 'Cluster nodes that join a replication group (`replication_group_id` set): the group decides.'
#     - 'Valkey replication groups without the attribute (or an unknown engine): Valkey enables in-transit encryption by default.'
#     - Serverless caches, which always encrypt in transit; unknown values.
package iac_guard.aws.elasticache.transit_encryption

import data.iac_guard.lib
import rego.v1

valkey(values, key) if lib.lowercase(values[key]) == "valkey"

valkey(values, key) if lib.is_unknown(values[key])

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_replication_group")
	lib.false_or_missing(r.values, "transit_encryption_enabled")
	not absent_on_valkey(r.values, "transit_encryption_enabled", "engine")
	result := lib.finding(r, sprintf("%s does not encrypt traffic in transit", [r.address]), "transit_encryption_enabled")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_cluster")
	not joined(r.values, "replication_group_id")
	lib.false_or_missing(r.values, "transit_encryption_enabled")
	result := lib.finding(r, sprintf("%s does not encrypt traffic in transit", [r.address]), "transit_encryption_enabled")
}

deny contains result if {
	lib.is_terraform
	some rtype in ["aws_elasticache_replication_group", "aws_elasticache_cluster"]
	some r in lib.managed(rtype)
	lib.is_true(r.values.transit_encryption_enabled)
	lib.lowercase(r.values.transit_encryption_mode) == "preferred"
	result := lib.finding(r, sprintf("%s accepts plaintext connections (transit_encryption_mode is \"preferred\")", [r.address]), "transit_encryption_mode")
}

absent_on_valkey(values, key, engine) if {
	not lib.has_key(values, key)
	valkey(values, engine)
}

absent_on_valkey(values, key, engine) if {
	values[key] == null
	valkey(values, engine)
}

joined(values, key) if {
	values[key] != null
	values[key] != ""
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"]
	some r in lib.resources(rtype)
	lib.false_or_missing(r.values, "TransitEncryptionEnabled")
	not absent_on_valkey(r.values, "TransitEncryptionEnabled", "Engine")
	result := lib.finding(r, sprintf("%s does not encrypt traffic in transit", [r.address]), "TransitEncryptionEnabled")
}

deny contains result if {
	lib.is_cloudformation
	some rtype in ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"]
	some r in lib.resources(rtype)
	lib.is_true(r.values.TransitEncryptionEnabled)
	lib.lowercase(r.values.TransitEncryptionMode) == "preferred"
	result := lib.finding(r, sprintf("%s accepts plaintext connections (TransitEncryptionMode is preferred)", [r.address]), "TransitEncryptionMode")
}
