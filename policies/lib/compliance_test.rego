# Tests of compliance.rego (package iac_guard.lib_compliance): the organisation settings
# (data.iac_guard_settings, from policies/data.yaml, with defaults when absent), the data
# stores they classify as sensitive, and the attachments (bucket policies, firewall
# rules) whose findings count for the resource they configure.
package iac_guard.lib_compliance_test

import data.iac_guard.lib_compliance as compliance
import data.iac_guard.testing
import rego.v1

# (A rule that appears both in a `with` value and in the expression it applies to is bound
# to a local first: Regorus 0.13 leaves such an expression undefined.)

custom := {
	"required_tags": ["team"],
	"taggable_types": ["aws_sqs_queue"],
	"classification_tag": "Sensitivity",
	"sensitive_classifications": ["Secret", 7],
}

test_settings if {
	# the bundled policies/data.yaml
	compliance.settings.classification_tag == "data-classification"
	settings := custom
	compliance.settings == settings with data.iac_guard_settings as settings
	compliance.settings == {} with data.iac_guard_settings as {}
}

test_required_tags if {
	compliance.required_tags == ["owner", "environment", "data-classification"]
	compliance.required_tags == ["team"] with data.iac_guard_settings as custom
	compliance.required_tags == [] with data.iac_guard_settings as {}
}

test_taggable_types if {
	"aws_s3_bucket" in compliance.taggable_types
	"AWS::S3::Bucket" in compliance.taggable_types
	not "aws_iam_role" in compliance.taggable_types
	compliance.taggable_types == ["aws_sqs_queue"] with data.iac_guard_settings as custom
	compliance.taggable_types == ["aws_sqs_queue"] with data.iac_guard_settings.taggable_types as ["aws_sqs_queue"]
	compliance.taggable_types == [] with data.iac_guard_settings as {}
}

test_classification_tag if {
	compliance.classification_tag == "data-classification"
	compliance.classification_tag == "Sensitivity" with data.iac_guard_settings as custom
	compliance.classification_tag == "data-classification" with data.iac_guard_settings as {}
}

test_sensitive_classifications if {
	compliance.sensitive_classifications == {"pii", "confidential"}
	compliance.sensitive_classifications == {"secret"} with data.iac_guard_settings as custom # 7 is no classification
	compliance.sensitive_classifications == set() with data.iac_guard_settings as {}
}

test_data_store_types if {
	"aws_s3_bucket" in compliance.data_store_types
	"AWS::RDS::DBCluster" in compliance.data_store_types
	"google_sql_database_instance" in compliance.data_store_types
	not "aws_iam_role" in compliance.data_store_types
}

pii_bucket := testing.tf_resource("aws_s3_bucket", "pii", {"tags": {"data-classification": "PII"}})

public_bucket := testing.tf_resource("aws_s3_bucket", "public", {"tags": {"data-classification": "public"}})

pii_gcs := testing.tf_resource("google_storage_bucket", "g", {"labels": {"data-classification": "confidential"}})

unknown_bucket := testing.tf_resource("aws_s3_bucket", "u", {"tags": {"data-classification": testing.unknown("var.class")}})

pii_role := testing.tf_resource("aws_iam_role", "r", {"tags": {"data-classification": "pii"}})

cfn_db := testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"Tags": [{"Key": "data-classification", "Value": "Confidential"}]})

cfn_intrinsic := testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": [{"Key": "data-classification", "Value": {"Ref": "Class"}}]})

test_sensitive_resources if {
	terraform := compliance.sensitive_resources with input as testing.tf([pii_bucket, public_bucket, pii_gcs, unknown_bucket, pii_role])
	terraform == {pii_bucket, pii_gcs} # not a public or unknown classification, not a role
	cloudformation := compliance.sensitive_resources with input as testing.cfn([cfn_db, cfn_intrinsic])
	cloudformation == {cfn_db}
	compliance.sensitive_resources == set() with input as testing.tf([testing.tf_resource("aws_s3_bucket", "odd", {"tags": "pii"})])
}

test_sensitive_resources_follow_the_settings if {
	secret := testing.tf_resource("aws_sqs_queue", "q", {"tags": {"Sensitivity": "SECRET"}})
	found := compliance.sensitive_resources with input as testing.tf([pii_bucket, secret]) with data.iac_guard_settings as custom
	found == {secret}
}

test_sensitive if {
	compliance.sensitive("PII")
	compliance.sensitive("confidential")
	not compliance.sensitive("internal")
	not compliance.sensitive(testing.unknown("var.class"))
	not compliance.sensitive({"Ref": "Class"})
	not compliance.sensitive(1)
	not compliance.sensitive(null)
}

test_key if {
	compliance.key("modules/s3/main.tf", "aws_s3_bucket.b") == "modules/s3|aws_s3_bucket.b"
	compliance.key("main.tf", "named-bucket") == "|named-bucket"
}

test_attachment_types if {
	["aws_s3_bucket_policy", "bucket"] in compliance.attachment_types
	["AWS::S3::BucketPolicy", "Bucket"] in compliance.attachment_types
	not ["aws_s3_bucket", "bucket"] in compliance.attachment_types
}

bucket := testing.tf_resource("aws_s3_bucket", "b", {"bucket": "logs"})

policy_by_ref := testing.tf_resource("aws_s3_bucket_policy", "by_ref", {"bucket": testing.unknown("aws_s3_bucket.b.id")})

acl_by_name := testing.tf_resource("aws_s3_bucket_acl", "by_name", {"bucket": "logs"})

policy_by_var := testing.tf_resource("aws_s3_bucket_policy", "by_var", {"bucket": testing.unknown("var.bucket")})

test_attachments if {
	found := compliance.attachments with input as testing.tf([bucket, policy_by_ref, acl_by_name, policy_by_var])
	found == {
		"||aws_s3_bucket.b": {"aws_s3_bucket_policy.by_ref"},
		"|logs": {"aws_s3_bucket_acl.by_name"},
		# a pointer whose target cannot be told keeps its "?" key, which names no resource
		# (test_related: it is related to no bucket)
		"||?var.bucket": {"aws_s3_bucket_policy.by_var"},
	}
	cfn := compliance.attachments with input as testing.cfn([testing.cfn_resource("AWS::S3::BucketPolicy", "P", {"Bucket": {"Ref": "Logs"}})])
	cfn == {"|template.yaml|Logs": {"P"}}
}

test_related if {
	b := bucket
	related := compliance.related(b) with input as testing.tf([b, policy_by_ref, acl_by_name, policy_by_var])
	related == {"aws_s3_bucket.b", "aws_s3_bucket_policy.by_ref", "aws_s3_bucket_acl.by_name"}
	alone := compliance.related(b) with input as testing.tf([b])
	alone == {"aws_s3_bucket.b"}
}

test_names if {
	b := bucket
	names := compliance.names(b) with input as testing.tf([b])
	names == {"||aws_s3_bucket.b", "|logs"}
	cfn := compliance.names(testing.cfn_resource("AWS::S3::Bucket", "Logs", {"BucketName": "logs"})) with input as testing.cfn([])
	cfn == {"|template.yaml|Logs", "|logs"}
	nameless := compliance.names(testing.tf_resource("aws_s3_bucket", "n", {"bucket": testing.unknown("var.name")})) with input as testing.tf([])
	nameless == {"||aws_s3_bucket.n"}
}

test_failures if {
	index := {"|aws_s3_bucket.b": {"IAC-AWS-S3-002"}, "|aws_s3_bucket_policy.by_ref": {"IAC-AWS-S3-004", "IAC-AWS-S3-002"}, "|other": {"X"}}
	b := bucket
	failures := compliance.failures(b, index) with input as testing.tf([b, policy_by_ref])
	failures == ["IAC-AWS-S3-002", "IAC-AWS-S3-004"]
	none := compliance.failures(b, {}) with input as testing.tf([b])
	none == []
}
