package iac_guard.aws.msk.broker_logging_test

import data.iac_guard.aws.msk.broker_logging
import data.iac_guard.testing
import rego.v1

msk(name, broker_logs) := testing.tf_resource("aws_msk_cluster", name, {"logging_info": [{"broker_logs": [broker_logs]}]})

test_cluster_without_logs_is_denied if {
	broker_logging.deny == {{
		"msg": "MSK cluster aws_msk_cluster.events does not deliver broker logs",
		"resource": "aws_msk_cluster.events",
		"file": "main.tf",
		"attribute": "logging_info",
	}} with input as testing.tf([testing.tf_resource("aws_msk_cluster", "events", {})])
}

test_terraform_forms if {
	testing.addresses(broker_logging.deny) == {"aws_msk_cluster.off", "aws_msk_cluster.empty"} with input as testing.tf([
		msk("off", {"cloudwatch_logs": [{"enabled": false}], "s3": [{"enabled": "false"}]}),
		msk("empty", {}),
		msk("cw", {"cloudwatch_logs": [{"enabled": true, "log_group": "msk"}]}),
		msk("s3", {"s3": [{"enabled": "true", "bucket": "logs"}]}),
		msk("var", {"firehose": [{"enabled": testing.unknown("var.fh")}]}),
		testing.tf_resource("aws_msk_cluster", "dynamic", {"logging_info": testing.unknown("dynamic")}),
	])
}

test_cloudformation_forms if {
	testing.located(broker_logging.deny) == {["Missing", "LoggingInfo"], ["Off", "LoggingInfo"]} with input as testing.cfn([
		testing.cfn_resource("AWS::MSK::Cluster", "Missing", {}),
		testing.cfn_resource("AWS::MSK::Cluster", "Off", {"LoggingInfo": {"BrokerLogs": {"CloudWatchLogs": {"Enabled": false}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Cw", {"LoggingInfo": {"BrokerLogs": {"CloudWatchLogs": {"Enabled": true, "LogGroup": {"Ref": "Logs"}}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Firehose", {"LoggingInfo": {"BrokerLogs": {"Firehose": {"Enabled": "true"}}}}),
		testing.cfn_resource("AWS::MSK::Cluster", "Param", {"LoggingInfo": {"BrokerLogs": {"S3": {"Enabled": {"Ref": "S3Logs"}}}}}),
	])
}
