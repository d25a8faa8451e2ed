# Organisation settings (data.iac_guard_settings, from policies/data.yaml) and the data
# stores they classify as sensitive. Import the rules you use by their full path
# (`import data.iac_guard.lib_compliance.sensitive_resources`) and the package for its
# functions: Regorus 0.13 evaluates every rule of a package reached through an alias
# (`compliance.x`), which would make each policy pay for all of them.
package iac_guard.lib_compliance

import data.iac_guard.lib
import rego.v1

default settings := {}

settings := data.iac_guard_settings

required_tags := object.get(settings, "required_tags", [])

taggable_types := object.get(settings, "taggable_types", [])

classification_tag := object.get(settings, "classification_tag", "data-classification")

sensitive_classifications := {lower(c) | some c in object.get(settings, "sensitive_classifications", []); is_string(c)}

# The data stores the PII policies can judge: the types the library's encryption,
# public-access and logging policies look at.
data_store_types := [
	"aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance",
	"aws_ebs_volume", "aws_instance", "aws_dynamodb_table", "aws_sqs_queue", "aws_sns_topic",
	"azurerm_storage_account", "azurerm_mssql_server", "azurerm_sql_server",
	"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server",
	"google_storage_bucket", "google_sql_database_instance",
	"AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::EC2::Volume",
	"AWS::EC2::Instance", "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic",
]

# Data stores whose classification tag marks sensitive data (PII, confidential). Tags are
# read directly (Terraform tags / labels maps, CloudFormation Tags lists) rather than
# through lib.tags, which is slower.
sensitive_resources contains r if {
	some rtype in data_store_types
	some r in lib.resources(rtype)
	sensitive(r.values.tags[classification_tag])
}

sensitive_resources contains r if {
	some rtype in data_store_types
	some r in lib.resources(rtype)
	sensitive(r.values.labels[classification_tag])
}

sensitive_resources contains r if {
	some rtype in data_store_types
	some r in lib.resources(rtype)
	is_array(r.values.Tags)
	some t in r.values.Tags
	t.Key == classification_tag
	sensitive(t.Value)
}

sensitive(value) if sensitive_classifications[lib.lowercase(value)]

# A key that names a resource within its module directory.
key(file, address) := sprintf("%s|%s", [lib.dir(file), address])

# Resources that configure another one and carry its findings: a bucket policy or ACL
# for its bucket, a firewall rule for its server. [type, attribute pointing at the target].
attachment_types := [
	["aws_s3_bucket_policy", "bucket"],
	["aws_s3_bucket_acl", "bucket"],
	["aws_s3_bucket_public_access_block", "bucket"],
	["AWS::S3::BucketPolicy", "Bucket"],
	["azurerm_storage_container", "storage_account_name"],
	["azurerm_storage_container", "storage_account_id"],
	["azurerm_mssql_firewall_rule", "server_id"],
	["azurerm_sql_firewall_rule", "server_name"],
	["azurerm_postgresql_firewall_rule", "server_name"],
	["azurerm_mysql_firewall_rule", "server_name"],
	["google_storage_bucket_iam_member", "bucket"],
	["google_storage_bucket_iam_binding", "bucket"],
	["google_storage_bucket_iam_policy", "bucket"],
	["google_storage_bucket_acl", "bucket"],
]

attachments[k] contains a.address if {
	some [rtype, attr] in attachment_types
	some a in lib.resources(rtype)
	some target in lib.pointer_keys(a, a.values[attr])
	k := key(a.file, target)
}

# The addresses whose findings count for resource `r`: itself and its attachments
# (pointing at it by address or by its literal name).
related(r) := {r.address} | {a | some k in names(r); some a in attachments[k]}

names(r) := {key(r.file, lib.address_key(r))} | {key(r.file, n) | some attr in ["bucket", "name", "BucketName"]; n := r.values[attr]; is_string(n)}

# The ids in `index` (key(file, address) -> ids of the policies reporting that resource)
# that report `r` or its attachments. Comprehensions, so a missing key is simply empty.
failures(r, index) := sort({id | some a in related(r); some id in index[key(r.file, a)]})
