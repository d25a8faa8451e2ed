# METADATA
# title: ElastiCache replication group requires no authentication
# description: >-
#   A Redis OSS or Valkey replication group with neither an AUTH token nor RBAC user
#   groups accepts every command from anything that can reach its port.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
# custom:
#   id: IAC-AWS-ELASTICACHE-003
#   severity: medium
#   remediation: >-
#     Terraform: set `auth_token` (from a secret, with `transit_encryption_enabled = true`)
#     or `user_group_ids` on the `aws_elasticache_replication_group`. CloudFormation: set
#     `AuthToken` (a `{{resolve:secretsmanager:...}}` reference) or `UserGroupIds` on the
#     `AWS::ElastiCache::ReplicationGroup`.
#   frameworks: [AWS-FSBP-ElastiCache.6]
#   forms:
#     - 'Terraform `aws_elasticache_replication_group`: `auth_token` absent, null or ""; `user_group_ids` absent, null or []'
#     - 'CloudFormation `AWS::ElastiCache::ReplicationGroup`: `AuthToken` absent or ""; `UserGroupIds` absent or []'
#   not_flagged:
#     - 'Memcached clusters (`aws_elasticache_cluster`), which have no authentication to turn on.'
#     - An unknown token or user group list (a variable, a secret reference, an intrinsic).
package iac_guard.aws.elasticache.auth

import data.iac_guard.lib
import rego.v1

unset(values, key) if not lib.has_key(values, key)

unset(values, key) if values[key] in {null, "", []}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elasticache_replication_group")
	unset(r.values, "auth_token")
	unset(r.values, "user_group_ids")
	result := lib.finding(r, sprintf("ElastiCache replication group %s requires no authentication (no auth_token or user_group_ids)", [r.address]), "auth_token")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElastiCache::ReplicationGroup")
	unset(r.values, "AuthToken")
	unset(r.values, "UserGroupIds")
	result := lib.finding(r, sprintf("ElastiCache replication group %s requires no authentication (no AuthToken or UserGroupIds)", [r.address]), "AuthToken")
}
