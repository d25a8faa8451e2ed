# METADATA
# title: ElastiCache replication group is not encrypted at rest
# description: >-
#   A Redis OSS replication group without at-rest encryption writes its backups, swap and
#   on-disk data unencrypted. Encryption at rest can only be chosen when the group is
#   created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
# custom:
#   id: IAC-AWS-ELASTICACHE-001
#   severity: medium
#   remediation: >-
#     Terraform: set `at_rest_encryption_enabled = true` (and `kms_key_id` for a customer
#     managed key) on the `aws_elasticache_replication_group`. CloudFormation: set
#     `AtRestEncryptionEnabled: true` (and `KmsKeyId`) on the
#     `AWS::ElastiCache::ReplicationGroup`.
#   frameworks: [AWS-FSBP-ElastiCache.4]
#   forms:
#     - 'Terraform `aws_elasticache_replication_group.at_rest_encryption_enabled`: absent (false for Redis OSS), false, "false"'
#     - 'CloudFormation `AWS::ElastiCache::ReplicationGroup` `AtRestEncryptionEnabled`: absent, false, "false"'
#   not_flagged:
#     - 'Groups whose engine is `valkey` (or unknown): Valkey groups are encrypted at rest by default.'
#     - 'Standalone `aws_elasticache_cluster` / `AWS::ElastiCache::CacheCluster` nodes and Memcached: the setting does not exist for them. Serverless caches are always encrypted.'
#     - An unknown value.
package iac_guard.aws.elasticache.at_rest_encryption

import data.iac_guard.lib
import rego.v1

# Redis OSS is the default engine of a replication group.
redis(values, key) if not lib.has_key(values, key)

redis(values, key) if values[key] == null

redis(values, key) if lib.lowercase(values[key]) == "redis"

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_replication_group")
	redis(r.values, "engine")
	lib.false_or_missing(r.values, "at_rest_encryption_enabled")
	result := lib.finding(r, sprintf("ElastiCache replication group %s is not encrypted at rest", [r.address]), "at_rest_encryption_enabled")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElastiCache::ReplicationGroup")
	redis(r.values, "Engine")
	lib.false_or_missing(r.values, "AtRestEncryptionEnabled")
	result := lib.finding(r, sprintf("ElastiCache replication group %s is not encrypted at rest", [r.address]), "AtRestEncryptionEnabled")
}
