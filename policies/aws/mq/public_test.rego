package iac_guard.aws.mq.public_test

import data.iac_guard.aws.mq.public
import data.iac_guard.testing
import rego.v1

test_public_broker_is_denied if {
	public.deny == {{
		"msg": "Amazon MQ broker aws_mq_broker.orders is publicly accessible",
		"resource": "aws_mq_broker.orders",
		"file": "main.tf",
		"attribute": "publicly_accessible",
	}} with input as testing.tf([testing.tf_resource("aws_mq_broker", "orders", {"publicly_accessible": true})])
}

test_terraform_forms if {
	testing.addresses(public.deny) == {"aws_mq_broker.quoted"} with input as testing.tf([
		testing.tf_resource("aws_mq_broker", "quoted", {"publicly_accessible": "true"}),
		testing.tf_resource("aws_mq_broker", "private", {"publicly_accessible": false}),
		testing.tf_resource("aws_mq_broker", "default", {}),
		testing.tf_resource("aws_mq_broker", "var", {"publicly_accessible": testing.unknown("var.public")}),
	])
}

test_cloudformation_forms if {
	testing.located(public.deny) == {["Public", "PubliclyAccessible"], ["Quoted", "PubliclyAccessible"]} with input as testing.cfn([
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Public", {"PubliclyAccessible": true}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Quoted", {"PubliclyAccessible": "true"}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Private", {"PubliclyAccessible": false}),
		testing.cfn_resource("AWS::AmazonMQ::Broker", "Param", {"PubliclyAccessible": {"Ref": "Public"}}),
	])
}
