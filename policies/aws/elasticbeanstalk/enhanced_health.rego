# METADATA
# title: Elastic Beanstalk environment does not use enhanced health reporting
# description: >-
#   With basic health reporting, Elastic Beanstalk only watches the load balancer and
#   instance status checks: failing requests, latency and application errors on the
#   instances go unreported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced.html
# custom:
#   id: IAC-AWS-ELASTICBEANSTALK-001
#   severity: low
#   remediation: >-
#     Terraform: add `setting { namespace =
#     "aws:elasticbeanstalk:healthreporting:system", name = "SystemType", value =
#     "enhanced" }` to the `aws_elastic_beanstalk_environment` (or to the
#     `aws_elastic_beanstalk_configuration_template` it uses). CloudFormation: add
#     `{Namespace: aws:elasticbeanstalk:healthreporting:system, OptionName:
#     SystemType, Value: "enhanced"}` to `OptionSettings` of the
#     `AWS::ElasticBeanstalk::Environment` (or of its
#     `AWS::ElasticBeanstalk::ConfigurationTemplate`).
#   frameworks: [AWS-FSBP-ElasticBeanstalk.1]
#   forms:
#     - 'Terraform `aws_elastic_beanstalk_environment` `setting` blocks (namespace `aws:elasticbeanstalk:healthreporting:system`, name `SystemType`): absent (the option defaults to basic) or "basic" (any case); settings of the `aws_elastic_beanstalk_configuration_template` named by `template_name` (reference or literal name) count for the environment'
#     - 'CloudFormation `AWS::ElasticBeanstalk::Environment` `OptionSettings` entries (`Namespace`, `OptionName`, `Value`), with those of the `AWS::ElasticBeanstalk::ConfigurationTemplate` named by `TemplateName`'
#   not_flagged:
#     - 'Environments whose settings are partly unknown (a `dynamic` setting block, an intrinsic in `OptionSettings`), or whose configuration template is not in the scan.'
#     - 'Settings applied through `.ebextensions` files in the application bundle, which the scan does not read.'
package iac_guard.aws.elasticbeanstalk.enhanced_health

import data.iac_guard.lib
import rego.v1

# Setting blocks as [namespace, name, value], or "unknown" when some could hold anything.
tf_settings(values) := [[s.namespace, s.name, s.value] | some s in values.setting] if {
	is_array(values.setting)
	not unknown_entry(values.setting)
}

tf_settings(values) := [] if not lib.has_key(values, "setting")

tf_settings(values) := [] if values.setting == null

unknown_entry(settings) if {
	some s in settings
	not is_object(s)
}

unknown_entry(settings) if {
	some s in settings
	some key in ["namespace", "name", "value"]
	lib.is_unknown(s[key])
}

cfn_settings(values) := [[s.Namespace, s.OptionName, s.Value] | some s in values.OptionSettings] if {
	is_array(values.OptionSettings)
	not cfn_unknown_entry(values.OptionSettings)
}

cfn_settings(values) := [] if not lib.has_key(values, "OptionSettings")

cfn_unknown_entry(settings) if {
	some s in settings
	not is_object(s)
}

cfn_unknown_entry(settings) if {
	some s in settings
	some key in ["Namespace", "OptionName", "Value"]
	lib.is_unknown(s[key])
}

# Configuration templates by address key and by name, with their settings.
tf_templates[key] := tf_settings(t.values) if {
	some t in lib.managed("aws_elastic_beanstalk_configuration_template")
	some key in template_keys(t, t.values.name)
}

cfn_templates[key] := cfn_settings(t.values) if {
	some t in lib.resources("AWS::ElasticBeanstalk::ConfigurationTemplate")
	key := lib.address_key(t)
}

template_keys(t, name) := {lib.address_key(t), name} if is_string(name)

template_keys(t, name) := {lib.address_key(t)} if not is_string(name)

# The environment's own settings plus its template's; undefined when either is unknown.
tf_all(r) := tf_settings(r.values) if not uses_template(r.values, "template_name")

tf_all(r) := array.concat(tf_settings(r.values), tf_templates[key]) if {
	uses_template(r.values, "template_name")
	some key in lib.pointer_keys(r, r.values.template_name)
	tf_templates[key]
}

cfn_all(r) := cfn_settings(r.values) if not uses_template(r.values, "TemplateName")

cfn_all(r) := array.concat(cfn_settings(r.values), cfn_templates[key]) if {
	uses_template(r.values, "TemplateName")
	some key in lib.pointer_keys(r, r.values.TemplateName)
	cfn_templates[key]
}

uses_template(values, key) if {
	values[key] != null
	values[key] != ""
}

# The last value given for the option wins, as in Elastic Beanstalk.
enabled(settings) if {
	values := [v | some [ns, name, v] in settings; ns == "aws:elasticbeanstalk:healthreporting:system"; name == "SystemType"]
	count(values) > 0
	lib.lowercase(values[count(values) - 1]) == "enhanced"
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_elastic_beanstalk_environment")
	settings := tf_all(r)
	not enabled(settings)
	result := lib.finding(r, sprintf("Elastic Beanstalk environment %s does not use enhanced health reporting", [r.address]), "setting")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ElasticBeanstalk::Environment")
	settings := cfn_all(r)
	not enabled(settings)
	result := lib.finding(r, sprintf("Elastic Beanstalk environment %s does not use enhanced health reporting", [r.address]), "OptionSettings")
}
