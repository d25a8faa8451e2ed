# Organisation settings (data.iac_guard_settings, from policies/data.yaml) and the data
# stores they classify as sensitive. Import with
# `import data.iac_guard.lib_compliance as compliance`.
package iac_guard.lib_compliance

import data.iac_guard.aws.dynamodb.encryption as dynamodb_encryption
import data.iac_guard.aws.ec2.block_device_encryption
import data.iac_guard.aws.ec2.ebs_encryption
import data.iac_guard.aws.rds.logging as rds_logging
import data.iac_guard.aws.rds.public as rds_public
import data.iac_guard.aws.rds.storage_encrypted as rds_encryption
import data.iac_guard.aws.s3.access_logging as s3_logging
import data.iac_guard.aws.s3.encryption as s3_encryption
import data.iac_guard.aws.s3.public_access_block as s3_public_access_block
import data.iac_guard.aws.s3.public_acl as s3_public_acl
import data.iac_guard.aws.s3.public_policy as s3_public_policy
import data.iac_guard.aws.sns.encryption as sns_encryption
import data.iac_guard.aws.sqs.encryption as sqs_encryption
import data.iac_guard.azure.sql.auditing as azure_sql_auditing
import data.iac_guard.azure.sql.firewall_open as azure_sql_firewall
import data.iac_guard.azure.sql.public_network as azure_sql_public
import data.iac_guard.azure.storage.container_public as azure_container_public
import data.iac_guard.azure.storage.https_only as azure_https_only
import data.iac_guard.azure.storage.min_tls as azure_min_tls
import data.iac_guard.azure.storage.network_access as azure_storage_network
import data.iac_guard.azure.storage.public_blob_access as azure_public_blob
import data.iac_guard.gcp.sql.authorized_networks as gcp_sql_networks
import data.iac_guard.gcp.sql.postgres_logging as gcp_postgres_logging
import data.iac_guard.gcp.sql.public_ip as gcp_sql_public_ip
import data.iac_guard.gcp.sql.require_ssl as gcp_sql_ssl
import data.iac_guard.gcp.storage.access_logging as gcp_bucket_logging
import data.iac_guard.gcp.storage.public_bucket as gcp_public_bucket
import data.iac_guard.lib
import rego.v1

default settings := {}

settings := data.iac_guard_settings

required_tags := object.get(settings, "required_tags", [])

taggable_types := object.get(settings, "taggable_types", [])

classification_tag := object.get(settings, "classification_tag", "data-classification")

sensitive_classifications := {lower(c) | some c in object.get(settings, "sensitive_classifications", []); is_string(c)}

# Resources whose classification tag marks sensitive data (PII, confidential).
sensitive_resources contains r if {
	some r in input.resources
	not lib.is_unknown(r.values)
	value := lib.tag(r, classification_tag)
	sensitive_classifications[lib.lowercase(value)]
}

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
related(r) := {r.address} | {a | some k in names(r); some a in object.get(attachments, k, set())}

names(r) := {key(r.file, lib.base_address(r.address))} | {key(r.file, n) | some attr in ["bucket", "name", "BucketName"]; n := r.values[attr]; is_string(n)}

# The policies each data-protection requirement reuses, as [id, findings]: a sensitive
# resource fails the requirement when one of them reports it (or its attachments).
encryption_checks := [
	["IAC-AWS-S3-002", s3_encryption.deny],
	["IAC-AWS-RDS-001", rds_encryption.deny],
	["IAC-AWS-EBS-001", ebs_encryption.deny],
	["IAC-AWS-EC2-003", block_device_encryption.deny],
	["IAC-AWS-DDB-001", dynamodb_encryption.deny],
	["IAC-AWS-SQS-001", sqs_encryption.deny],
	["IAC-AWS-SNS-001", sns_encryption.deny],
	["IAC-AZ-STORAGE-001", azure_https_only.deny],
	["IAC-AZ-STORAGE-004", azure_min_tls.deny],
	["IAC-GCP-SQL-002", gcp_sql_ssl.deny],
]

public_checks := [
	["IAC-AWS-S3-001", s3_public_acl.deny],
	["IAC-AWS-S3-004", s3_public_policy.deny],
	["IAC-AWS-S3-005", s3_public_access_block.deny],
	["IAC-AWS-RDS-002", rds_public.deny],
	["IAC-AZ-STORAGE-002", azure_public_blob.deny],
	["IAC-AZ-STORAGE-003", azure_container_public.deny],
	["IAC-AZ-STORAGE-005", azure_storage_network.deny],
	["IAC-AZ-SQL-001", azure_sql_firewall.deny],
	["IAC-AZ-SQL-002", azure_sql_public.deny],
	["IAC-GCP-GCS-001", gcp_public_bucket.deny],
	["IAC-GCP-SQL-001", gcp_sql_networks.deny],
	["IAC-GCP-SQL-003", gcp_sql_public_ip.deny],
]

logging_checks := [
	["IAC-AWS-S3-006", s3_logging.deny],
	["IAC-AWS-RDS-005", rds_logging.deny],
	["IAC-AZ-SQL-003", azure_sql_auditing.deny],
	["IAC-GCP-GCS-003", gcp_bucket_logging.deny],
	["IAC-GCP-SQL-004", gcp_postgres_logging.deny],
]

# Each index maps key(file, address) to the ids of the checks that report that resource.
# Separate rules, so a policy evaluates only the checks it uses.
encryption_index[k] contains id if {
	some [id, findings] in encryption_checks
	some f in findings
	k := key(f.file, f.resource)
}

public_index[k] contains id if {
	some [id, findings] in public_checks
	some f in findings
	k := key(f.file, f.resource)
}

logging_index[k] contains id if {
	some [id, findings] in logging_checks
	some f in findings
	k := key(f.file, f.resource)
}

# The ids in `index` that report `r` or its attachments.
failures(r, index) := sort({id | some a in related(r); some id in object.get(index, key(r.file, a), set())})
