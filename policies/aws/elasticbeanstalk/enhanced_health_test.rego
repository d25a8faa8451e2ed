package iac_guard.aws.elasticbeanstalk.enhanced_health_test

import data.iac_guard.aws.elasticbeanstalk.enhanced_health
import data.iac_guard.testing
import rego.v1

env(name, values) := testing.tf_resource("aws_elastic_beanstalk_environment", name, object.union({"application": "shop"}, values))

good := {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "enhanced"}

bad := {"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "basic"}

other := {"namespace": "aws:autoscaling:launchconfiguration", "name": "IamInstanceProfile", "value": "web"}

test_environment_without_the_option_is_denied if {
	enhanced_health.deny == {{
		"msg": "Elastic Beanstalk environment aws_elastic_beanstalk_environment.web does not use enhanced health reporting",
		"resource": "aws_elastic_beanstalk_environment.web",
		"file": "main.tf",
		"attribute": "setting",
	}} with input as testing.tf([env("web", {"setting": [other]})])
}

test_terraform_forms if {
	testing.addresses(enhanced_health.deny) == {"aws_elastic_beanstalk_environment.none", "aws_elastic_beanstalk_environment.bad", "aws_elastic_beanstalk_environment.overridden", "aws_elastic_beanstalk_environment.bad_template"} with input as testing.tf([
		env("none", {}),
		env("bad", {"setting": [bad]}),
		env("overridden", {"setting": [good, bad]}),
		env("good", {"setting": [other, good]}),
		env("upper", {"setting": [{"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": upper("enhanced")}]}),
		env("var", {"setting": [{"namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": testing.unknown("var.v")}]}),
		env("dynamic", {"setting": testing.unknown("dynamic")}),
		env("by_template", {"template_name": testing.unknown("aws_elastic_beanstalk_configuration_template.good.name")}),
		env("by_template_name", {"template_name": "good-template"}),
		env("bad_template", {"template_name": testing.unknown("aws_elastic_beanstalk_configuration_template.bad.name")}),
		env("unknown_template", {"template_name": "elsewhere"}),
		testing.tf_resource("aws_elastic_beanstalk_configuration_template", "good", {"name": "good-template", "setting": [good]}),
		testing.tf_resource("aws_elastic_beanstalk_configuration_template", "bad", {"name": "bad-template", "setting": [other]}),
	])
}

test_cloudformation_forms if {
	testing.located(enhanced_health.deny) == {["Missing", "OptionSettings"], ["Bad", "OptionSettings"]} with input as testing.cfn([
		testing.cfn_resource("AWS::ElasticBeanstalk::Environment", "Missing", {"ApplicationName": "shop"}),
		testing.cfn_resource("AWS::ElasticBeanstalk::Environment", "Bad", {"OptionSettings": [{"Namespace": "aws:elasticbeanstalk:healthreporting:system", "OptionName": "SystemType", "Value": "basic"}]}),
		testing.cfn_resource("AWS::ElasticBeanstalk::Environment", "Good", {"OptionSettings": [{"Namespace": "aws:elasticbeanstalk:healthreporting:system", "OptionName": "SystemType", "Value": "enhanced"}]}),
		testing.cfn_resource("AWS::ElasticBeanstalk::Environment", "Param", {"OptionSettings": [{"Namespace": "aws:elasticbeanstalk:healthreporting:system", "OptionName": "SystemType", "Value": {"Ref": "V"}}]}),
		testing.cfn_resource("AWS::ElasticBeanstalk::Environment", "Templated", {"TemplateName": {"Ref": "Template"}}),
		testing.cfn_resource("AWS::ElasticBeanstalk::ConfigurationTemplate", "Template", {"OptionSettings": [{"Namespace": "aws:elasticbeanstalk:healthreporting:system", "OptionName": "SystemType", "Value": "enhanced"}]}),
	])
}
