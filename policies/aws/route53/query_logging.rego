# METADATA
# title: Route 53 public hosted zone does not log DNS queries
# description: >-
#   Query logs record which names were asked for, by which resolver, and with what
#   answer: the evidence for subdomain enumeration, DNS tunnelling and traffic to a
#   hijacked record. Public zones keep none unless query logging is configured.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
# custom:
#   id: IAC-AWS-R53-001
#   severity: low
#   remediation: >-
#     Add an `aws_route53_query_log` with `zone_id` set to the zone and a CloudWatch Logs
#     group in us-east-1 as `cloudwatch_log_group_arn` (CloudFormation
#     `QueryLoggingConfig.CloudWatchLogsLogGroupArn` on `AWS::Route53::HostedZone`).
#   frameworks: [AWS-FSBP-Route53.2]
#   forms:
#     - 'Terraform `aws_route53_query_log.zone_id` as a reference to the zone; CloudFormation inline `QueryLoggingConfig`'
#     - 'Public zones only: Terraform zones without `vpc` blocks, CloudFormation zones without `VPCs`'
#   not_flagged:
#     - 'Private hosted zones (query logging applies to public zones; Resolver query logging covers VPCs)'
#     - 'Zones in a root module where some query log''s zone cannot be resolved (a variable, a literal zone id): it may be this zone'
#     - 'Query logs declared in another root module: a query log counts only within its own root module'
package iac_guard.aws.route53.query_logging

import data.iac_guard.lib
import rego.v1

logged := lib.pointers("aws_route53_query_log", "zone_id")

zone_keys := {lib.address_key(z) | some z in lib.resources("aws_route53_zone")}

uncertain contains lib.scope(q) if {
	some q in lib.resources("aws_route53_query_log")
	not resolves(q, object.get(q.values, "zone_id", null))
}

resolves(q, value) if {
	lib.is_unknown(value)
	zone_keys[lib.scoped(q, lib.reference_target(q, value))]
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_route53_zone")
	public_tf(r.values)
	not uncertain[lib.scope(r)]
	not lib.pointed_at(r, logged, "zone_id")
	result := lib.finding(r, sprintf("Route 53 public hosted zone %s does not log DNS queries", [r.address]), "")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Route53::HostedZone")
	public_cfn(r.values)
	not lib.has_block(r.values, "QueryLoggingConfig")
	not lib.is_unknown(r.values.QueryLoggingConfig)
	result := lib.finding(r, sprintf("Route 53 public hosted zone %s does not log DNS queries", [r.address]), "QueryLoggingConfig")
}

public_tf(values) if not lib.has_key(values, "vpc")

public_tf(values) if values.vpc == []

public_tf(values) if values.vpc == null

public_cfn(values) if not lib.has_key(values, "VPCs")

public_cfn(values) if values.VPCs == []

public_cfn(values) if values.VPCs == null
