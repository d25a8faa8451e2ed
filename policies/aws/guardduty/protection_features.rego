# METADATA
# title: GuardDuty protection plan is turned off
# description: >-
#   GuardDuty's protection plans (S3 data events, EKS audit logs, runtime monitoring,
#   malware scanning of EBS volumes, RDS login activity, Lambda network activity) each
#   watch a surface the foundational data sources do not. Turning one off leaves that
#   surface unwatched.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html
# custom:
#   id: IAC-AWS-GD-002
#   severity: medium
#   remediation: >-
#     Set `status = "ENABLED"` on the `aws_guardduty_detector_feature` (CloudFormation
#     `Features[].Status: ENABLED` on `AWS::GuardDuty::Detector`); with the legacy
#     `datasources` block (`DataSources`), set each `enable` to true.
#   frameworks: [AWS-FSBP-GuardDuty.5, AWS-FSBP-GuardDuty.6, AWS-FSBP-GuardDuty.7, AWS-FSBP-GuardDuty.8, AWS-FSBP-GuardDuty.9, AWS-FSBP-GuardDuty.10]
#   forms:
#     - 'Terraform `aws_guardduty_detector_feature` resources (`status = "DISABLED"`), reported on the feature resource'
#     - 'Terraform legacy `datasources { s3_logs / kubernetes.audit_logs / malware_protection.scan_ec2_instance_with_findings.ebs_volumes { enable = false } }`'
#     - 'CloudFormation `Features[]` (`Status: DISABLED`) and legacy `DataSources.S3Logs.Enable`, `DataSources.Kubernetes.AuditLogs.Enable`, `DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes`'
#   not_flagged:
#     - 'Plans that are simply not mentioned: their default depends on the account''s history and organisation settings, which the code does not show'
#     - 'Disabled detectors (IAC-AWS-GD-001 reports them) and values that cannot be resolved'
package iac_guard.aws.guardduty.protection_features

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_guardduty_detector_feature")
	lib.lowercase(r.values.status) == "disabled"
	result := lib.finding(r, sprintf("%s turns GuardDuty protection %v off", [r.address, r.values.name]), "status")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_guardduty_detector")
	some [what, at] in tf_datasources_off(lib.block_or_empty(r.values, "datasources"))
	result := lib.finding(r, sprintf("GuardDuty detector %s turns %s protection off", [r.address, what]), at)
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::GuardDuty::Detector")
	some i, f in lib.items(r.values.Features)
	lib.lowercase(f.Status) == "disabled"
	result := lib.finding(r, sprintf("GuardDuty detector %s turns protection %v off", [r.address, f.Name]), sprintf("Features.%d.Status", [i]))
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::GuardDuty::Detector")
	some [what, at] in cfn_datasources_off(object.get(r.values, "DataSources", {}))
	result := lib.finding(r, sprintf("GuardDuty detector %s turns %s protection off", [r.address, what]), at)
}

tf_datasources_off(ds) := {["S3", "datasources.0.s3_logs.0.enable"] |
	lib.is_false(lib.block(ds, "s3_logs").enable)
} | {["EKS audit log", "datasources.0.kubernetes.0.audit_logs.0.enable"] |
	lib.is_false(lib.block(lib.block(ds, "kubernetes"), "audit_logs").enable)
} | {["EBS malware", "datasources.0.malware_protection.0.scan_ec2_instance_with_findings.0.ebs_volumes.0.enable"] |
	lib.is_false(lib.block(lib.block(lib.block(ds, "malware_protection"), "scan_ec2_instance_with_findings"), "ebs_volumes").enable)
}

cfn_datasources_off(ds) := {["S3", "DataSources.S3Logs.Enable"] |
	lib.is_false(ds.S3Logs.Enable)
} | {["EKS audit log", "DataSources.Kubernetes.AuditLogs.Enable"] |
	lib.is_false(ds.Kubernetes.AuditLogs.Enable)
} | {["EBS malware", "DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes"] |
	lib.is_false(ds.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes)
}
