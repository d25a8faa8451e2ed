package iac_guard.aws.redshift.audit_logging_test

import data.iac_guard.aws.redshift.audit_logging
import data.iac_guard.testing
import rego.v1

cluster(name, values) := testing.tf_resource("aws_redshift_cluster", name, values)

test_cluster_without_logging_is_denied if {
	audit_logging.deny == {{
		"msg": "Redshift cluster aws_redshift_cluster.dw has no audit logging",
		"resource": "aws_redshift_cluster.dw",
		"file": "main.tf",
		"attribute": "logging",
	}} with input as testing.tf([cluster("dw", {"cluster_identifier": "dw"})])
}

test_terraform_forms if {
	testing.addresses(audit_logging.deny) == {"aws_redshift_cluster.off", "aws_redshift_cluster.none"} with input as testing.tf([
		cluster("off", {"cluster_identifier": "off", "logging": [{"enable": false}]}),
		cluster("none", {"cluster_identifier": "none"}),
		cluster("inline", {"cluster_identifier": "inline", "logging": [{"enable": true, "bucket_name": "logs"}]}),
		cluster("inline_var", {"cluster_identifier": "inline_var", "logging": [{"enable": testing.unknown("var.log")}]}),
		cluster("by_ref", {"cluster_identifier": "by_ref"}),
		cluster("by_name", {"cluster_identifier": "reporting"}),
		testing.tf_resource("aws_redshift_logging", "ref", {"cluster_identifier": testing.unknown("aws_redshift_cluster.by_ref.id"), "log_destination_type": "cloudwatch"}),
		testing.tf_resource("aws_redshift_logging", "name", {"cluster_identifier": "reporting"}),
	])
}

test_logging_for_an_unknown_cluster_covers_all if {
	count(audit_logging.deny) == 0 with input as testing.tf([
		cluster("a", {"cluster_identifier": "a"}),
		testing.tf_resource("aws_redshift_logging", "l", {"cluster_identifier": testing.unknown("var.cluster")}),
	])
}

test_cloudformation_forms if {
	testing.located(audit_logging.deny) == {["Missing", "LoggingProperties"], ["Empty", "LoggingProperties"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Redshift::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Empty", {"LoggingProperties": {}}),
		testing.cfn_resource("AWS::Redshift::Cluster", "S3", {"LoggingProperties": {"BucketName": {"Ref": "Logs"}}}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Cw", {"LoggingProperties": {"LogDestinationType": "cloudwatch", "LogExports": ["connectionlog"]}}),
		testing.cfn_resource("AWS::Redshift::Cluster", "Cond", {"LoggingProperties": {"Fn::If": ["Prod", {"BucketName": "x"}, {"Ref": "AWS::NoValue"}]}}),
	])
}
