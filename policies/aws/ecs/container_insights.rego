# METADATA
# title: ECS cluster does not use Container Insights
# description: >-
#   Without Container Insights the cluster publishes no per-task CPU, memory, network and
#   restart metrics, so failing or hijacked tasks (crypto-mining shows as CPU) go unseen.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html
# custom:
#   id: IAC-AWS-ECS-007
#   severity: low
#   remediation: >-
#     Add `setting { name = "containerInsights" value = "enabled" }` (or `"enhanced"`) to
#     the `aws_ecs_cluster` (CloudFormation `ClusterSettings: [{Name: containerInsights,
#     Value: enabled}]`), or turn it on for the account with
#     `aws_ecs_account_setting_default` `containerInsights`.
#   frameworks: [AWS-FSBP-ECS.12]
#   forms:
#     - 'Terraform `setting` blocks on `aws_ecs_cluster`; CloudFormation `ClusterSettings[]`'
#     - 'The account default: an `aws_ecs_account_setting_default` named `containerInsights` with `enabled`/`enhanced` in the same root module covers clusters that do not set it'
#     - 'An account default set in another root module or outside the code does not count: a cluster without the setting is judged by its own root module only'
#   not_flagged:
#     - 'A cluster whose settings cannot be resolved'
#     - 'Clusters covered by an account default in their root module'
package iac_guard.aws.ecs.container_insights

import data.iac_guard.lib
import rego.v1

on := {"enabled", "enhanced"}

# Root modules that turn Container Insights on by default for the account and region.
account_default contains lib.scope(a) if {
	some a in lib.managed("aws_ecs_account_setting_default")
	a.values.name == "containerInsights"
	lib.lowercase(a.values.value) in on
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_ecs_cluster")
	some [msg, at] in verdicts(r, object.get(r.values, "setting", []), "setting", "name", "value")
	result := lib.finding(r, sprintf("ECS cluster %s %s", [r.address, msg]), at)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ECS::Cluster")
	some [msg, at] in verdicts(r, object.get(r.values, "ClusterSettings", []), "ClusterSettings", "Name", "Value")
	result := lib.finding(r, sprintf("ECS cluster %s %s", [r.address, msg]), at)
}

verdicts(r, settings, attr, name, value) := turned_off(settings, attr, name, value) | not_turned_on(r, settings, attr, name)

turned_off(settings, attr, name, value) := {v |
	some i, s in lib.items(settings)
	is_object(s)
	s[name] == "containerInsights"
	is_string(s[value])
	not lower(s[value]) in on
	v := ["turns Container Insights off", sprintf("%s.%d", [attr, i])]
}

not_turned_on(r, settings, _, name) := set() if lib.is_unknown(settings)

not_turned_on(r, settings, _, name) := set() if named(settings, name)

not_turned_on(r, _, _, _) := set() if account_default[lib.scope(r)]

not_turned_on(r, settings, attr, name) := {["does not turn on Container Insights", attr]} if {
	not lib.is_unknown(settings)
	not named(settings, name)
	not account_default[lib.scope(r)]
}

named(settings, name) if {
	some s in lib.items(settings)
	is_object(s)
	s[name] == "containerInsights"
}

named(settings, name) if {
	some s in lib.items(settings)
	is_object(s)
	lib.is_unknown(s[name])
}
