# METADATA
# title: ElastiCache Redis OSS has no automatic backups
# description: >-
#   With `snapshot_retention_limit` at 0 (the default) ElastiCache takes no daily
#   snapshot: a flushed, corrupted or deleted cache cannot be restored.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html
# custom:
#   id: IAC-AWS-ELASTICACHE-004
#   severity: low
#   remediation: >-
#     Terraform: set `snapshot_retention_limit` to 1 or more days on the
#     `aws_elasticache_replication_group` (or standalone Redis OSS `aws_elasticache_cluster`).
#     CloudFormation: set `SnapshotRetentionLimit` on the `AWS::ElastiCache::ReplicationGroup`
#     or `AWS::ElastiCache::CacheCluster`.
#   frameworks: [AWS-FSBP-ElastiCache.1]
#   forms:
#     - 'Terraform `aws_elasticache_replication_group` and standalone `aws_elasticache_cluster` with engine redis/valkey: `snapshot_retention_limit` absent (0), 0, "0"'
#     - 'CloudFormation `AWS::ElastiCache::ReplicationGroup` and `AWS::ElastiCache::CacheCluster` (Engine redis/valkey): `SnapshotRetentionLimit` absent, 0, "0"'
#   not_flagged:
#     - Memcached, which has no backups; cluster nodes that join a replication group; nodes whose engine is unknown.
#     - An unknown retention value.
package iac_guard.aws.elasticache.backups

import data.iac_guard.lib
import rego.v1

no_snapshots(values, key) if not lib.has_key(values, key)

no_snapshots(values, key) if values[key] == null

no_snapshots(values, key) if lib.number(values[key]) == 0

# Replication groups are Redis OSS unless told otherwise; cache clusters must name an engine.
group_engine(values, key) if not lib.has_key(values, key)

group_engine(values, key) if values[key] == null

group_engine(values, key) if lib.lowercase(values[key]) in {"redis", "valkey"}

node_engine(values, key) if lib.lowercase(values[key]) in {"redis", "valkey"}

joined(values) if {
	values.replication_group_id != null
	values.replication_group_id != ""
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_replication_group")
	group_engine(r.values, "engine")
	no_snapshots(r.values, "snapshot_retention_limit")
	result := lib.finding(r, sprintf("%s keeps no automatic backups (snapshot_retention_limit is 0)", [r.address]), "snapshot_retention_limit")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_cluster")
	not joined(r.values)
	node_engine(r.values, "engine")
	no_snapshots(r.values, "snapshot_retention_limit")
	result := lib.finding(r, sprintf("%s keeps no automatic backups (snapshot_retention_limit is 0)", [r.address]), "snapshot_retention_limit")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElastiCache::ReplicationGroup")
	group_engine(r.values, "Engine")
	no_snapshots(r.values, "SnapshotRetentionLimit")
	result := lib.finding(r, sprintf("%s keeps no automatic backups (SnapshotRetentionLimit is 0)", [r.address]), "SnapshotRetentionLimit")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElastiCache::CacheCluster")
	node_engine(r.values, "Engine")
	no_snapshots(r.values, "SnapshotRetentionLimit")
	result := lib.finding(r, sprintf("%s keeps no automatic backups (SnapshotRetentionLimit is 0)", [r.address]), "SnapshotRetentionLimit")
}
