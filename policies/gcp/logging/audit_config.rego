# METADATA
# title: Cloud Audit Logs exempt principals or omit data access logs
# description: >-
#   Exempting members from audit logging hides their actions from the audit trail, and an
#   allServices audit configuration without DATA_READ and DATA_WRITE leaves reads and
#   writes of user data unrecorded.
# related_resources:
#   - ref: https://cloud.google.com/logging/docs/audit/configure-data-access
# custom:
#   id: IAC-GCP-LOG-001
#   severity: medium
#   remediation: >-
#     In `google_project_iam_audit_config` (folder / organization equivalents, or the
#     `audit_config` blocks of a `google_iam_policy` data source) remove
#     `exempted_members`, and for `service = "allServices"` add `audit_log_config` blocks
#     with `log_type` `DATA_READ`, `DATA_WRITE` and `ADMIN_READ`.
#   frameworks: [CIS-GCP-2.1]
#   kinds: [terraform]
#   resource_types:
#     - google_project_iam_audit_config
#     - google_folder_iam_audit_config
#     - google_organization_iam_audit_config
#     - google_iam_policy
#   forms:
#     - google_project / google_folder / google_organization _iam_audit_config audit_log_config blocks
#     - data.google_iam_policy audit_config blocks (audit_log_configs) given to a google_*_iam_policy
#     - exempted_members on any log type; allServices missing DATA_READ or DATA_WRITE
#   not_flagged:
#     - per-service configurations that log fewer types (a deliberate choice for one service)
#     - unknown blocks, log types or members
package iac_guard.gcp.logging.audit_config

import data.iac_guard.lib
import data.iac_guard.lib_gcp as gcp
import rego.v1

# [resource, attribute prefix, service, log configs] for every audit configuration.
configs contains [r, "", r.values.service, lib.items(r.values.audit_log_config), "audit_log_config"] if {
	some prefix in gcp.hierarchy
	some r in lib.managed(sprintf("%s_iam_audit_config", [prefix]))
}

configs contains [d, sprintf("audit_config.%d.", [i]), c.service, lib.items(c.audit_log_configs), "audit_log_configs"] if {
	some d in lib.resources("google_iam_policy")
	some i, c in lib.items(d.values.audit_config)
	is_object(c)
}

deny contains lib.finding(r, sprintf("%s exempts %s from %s audit logs", [r.address, concat(", ", [m | some m in lib.items(log.exempted_members); is_string(m)]), log_type(log)]), sprintf("%s%s.%d.exempted_members", [prefix, attr, j])) if {
	some [r, prefix, _, logs, attr] in configs
	some j, log in logs
	count([m | some m in lib.items(log.exempted_members); is_string(m)]) > 0
}

deny contains lib.finding(r, sprintf("%s does not record %s for allServices", [r.address, concat(" and ", missing)]), sprintf("%s%s", [prefix, attr])) if {
	some [r, prefix, service, logs, attr] in configs
	service == "allServices"
	not some_unknown(logs)
	types := {t | some log in logs; t := log.log_type}
	missing := [t | some t in ["DATA_READ", "DATA_WRITE"]; not types[t]]
	count(missing) > 0
}

log_type(log) := log.log_type if is_string(log.log_type)

log_type(log) := "all" if not is_string(log.log_type)

some_unknown(logs) if {
	some log in logs
	lib.is_unknown(log.log_type)
}

some_unknown(logs) if {
	some log in logs
	not is_object(log)
}
