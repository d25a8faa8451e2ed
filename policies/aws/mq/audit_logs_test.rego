package iac_guard.aws.mq.audit_logs_test

import data.iac_guard.aws.mq.audit_logs
import data.iac_guard.testing
import rego.v1

broker(name, values) := testing.tf_resource("aws_mq_broker", name, object.union({"engine_type": "ActiveMQ"}, values))

test_broker_without_audit_logs_is_denied if {
	audit_logs.deny == {{
		"msg": "Amazon MQ broker aws_mq_broker.orders does not publish audit logs",
		"resource": "aws_mq_broker.orders",
		"file": "main.tf",
		"attribute": "logs.0.audit",
	}} with input as testing.tf([broker("orders", {"logs": [{"general": true}]})])
}

test_terraform_forms if {
	testing.addresses(audit_logs.deny) == {"aws_mq_broker.none", "aws_mq_broker.off"} with input as testing.tf([
		broker("none", {}),
		broker("off", {"logs": [{"audit": "false"}]}),
		broker("on", {"logs": [{"audit": true}]}),
		broker("var", {"logs": [{"audit": testing.unknown("var.audit")}]}),
		broker("rabbit", {"engine_type": "RabbitMQ"}),
		broker("engine_var", {"engine_type": testing.unknown("var.engine")}),
	])
}

test_cloudformation_forms if {
	testing.located(audit_logs.deny) == {["Missing", "Logs.Audit"], ["Off", "Logs.Audit"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Missing", {"EngineType": "ACTIVEMQ"}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Off", {"EngineType": "ACTIVEMQ", "Logs": {"General": true, "Audit": false}}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "On", {"EngineType": "ACTIVEMQ", "Logs": {"Audit": "true"}}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Rabbit", {"EngineType": "RABBITMQ"}),
	])
}
