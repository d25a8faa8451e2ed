package iac_guard.aws.guardduty.protection_features_test

import data.iac_guard.aws.guardduty.protection_features
import data.iac_guard.testing
import rego.v1

test_disabled_feature_resource_is_denied if {
	protection_features.deny == {{
		"msg": "aws_guardduty_detector_feature.s3 turns GuardDuty protection S3_DATA_EVENTS off",
		"resource": "aws_guardduty_detector_feature.s3",
		"file": "main.tf",
		"attribute": "status",
	}} with input as testing.tf([
		testing.tf_resource("aws_guardduty_detector_feature", "s3", {"name": "S3_DATA_EVENTS", "status": "DISABLED"}),
		testing.tf_resource("aws_guardduty_detector_feature", "eks", {"name": "EKS_AUDIT_LOGS", "status": "ENABLED"}),
		testing.tf_resource("aws_guardduty_detector_feature", "rds", {"name": "RDS_LOGIN_EVENTS", "status": testing.unknown("var.s")}),
	])
}

test_legacy_datasources_are_denied if {
	testing.located(protection_features.deny) == {
		["aws_guardduty_detector.a", "datasources.0.s3_logs.0.enable"],
		["aws_guardduty_detector.a", "datasources.0.kubernetes.0.audit_logs.0.enable"],
		["aws_guardduty_detector.a", "datasources.0.malware_protection.0.scan_ec2_instance_with_findings.0.ebs_volumes.0.enable"],
	} with input as testing.tf([
		testing.tf_resource("aws_guardduty_detector", "a", {"datasources": [{
			"s3_logs": [{"enable": false}],
			"kubernetes": [{"audit_logs": [{"enable": "false"}]}],
			"malware_protection": [{"scan_ec2_instance_with_findings": [{"ebs_volumes": [{"enable": false}]}]}],
		}]}),
		testing.tf_resource("aws_guardduty_detector", "b", {"datasources": [{"s3_logs": [{"enable": true}]}]}),
		testing.tf_resource("aws_guardduty_detector", "c", {}),
	])
}

test_cloudformation_disabled_features_are_denied if {
	testing.located(protection_features.deny) == {["D", "Features.1.Status"], ["D", "DataSources.S3Logs.Enable"], ["D", "DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes"]} with input as testing.cfn([
		testing.cfn_resource("AWS::GuardDuty::Detector", "D", {
			"Enable": true,
			"Features": [{"Name": "EKS_AUDIT_LOGS", "Status": "ENABLED"}, {"Name": "RDS_LOGIN_EVENTS", "Status": "DISABLED"}],
			"DataSources": {"S3Logs": {"Enable": false}, "Kubernetes": {"AuditLogs": {"Enable": true}}, "MalwareProtection": {"ScanEc2InstanceWithFindings": {"EbsVolumes": "false"}}},
		}),
		testing.cfn_resource("AWS::GuardDuty::Detector", "E", {"Enable": true}),
	])
}
