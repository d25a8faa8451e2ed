# Tests of the shared helpers in iac.rego (package iac_guard.lib): each exported rule and
# function with a case that holds and one that does not, unknown markers
# ({"__unknown__": ...}), CloudFormation intrinsics (Ref, Fn::*), and the odd types on
# which a Regorus builtin would raise instead of being undefined.
package iac_guard.lib_test

import data.iac_guard.lib
import data.iac_guard.testing
import rego.v1

bucket := testing.tf_resource("aws_s3_bucket", "b", {"bucket": "logs"})

bucket_data := testing.tf_data("aws_s3_bucket", "d", {"bucket": "x"})

wholly_unknown := testing.cfn_resource("AWS::S3::Bucket", "Maybe", {"__unknown__": "!If [C, {...}, {...}]"})

cfn_bucket := testing.cfn_resource("AWS::S3::Bucket", "Bucket", {"BucketName": "logs"})

role := testing.tf_resource("aws_iam_role", "r", {})

# (Results are bound before they are compared: Regorus 0.13 gets `f(...) == {rule} with
# input as g([rule])` wrong when the same rule appears on both sides of the `with`.)
test_by_type if {
	terraform := lib.by_type with input as testing.tf([bucket, bucket_data, role])
	terraform == {"aws_s3_bucket": {bucket, bucket_data}, "aws_iam_role": {role}}

	# a resource whose values are unknown as a whole is left out
	cloudformation := lib.by_type with input as testing.cfn([cfn_bucket, wholly_unknown])
	cloudformation == {"AWS::S3::Bucket": {cfn_bucket}}
}

test_resources if {
	both := lib.resources("aws_s3_bucket") with input as testing.tf([bucket, bucket_data, role])
	both == {bucket, bucket_data}
	lib.resources("aws_iam_role") == set() with input as testing.tf([bucket])
}

# Empty, not undefined, when no resource has known values (by_type has no entry at all).
test_resources_when_no_resource_is_known if {
	lib.resources("AWS::S3::Bucket") == set() with input as testing.cfn([wholly_unknown])
	lib.resources("aws_s3_bucket") == set() with input as testing.tf([])
	count(lib.resources("aws_s3_bucket")) == 0 with input as {"kind": "terraform", "resources": []}
}

test_managed if {
	terraform := lib.managed("aws_s3_bucket") with input as testing.tf([bucket, bucket_data])
	terraform == {bucket}
	cloudformation := lib.managed("AWS::S3::Bucket") with input as testing.cfn([cfn_bucket])
	cloudformation == {cfn_bucket}
	lib.managed("aws_s3_bucket") == set() with input as testing.tf([bucket_data])
}

test_is_terraform if {
	lib.is_terraform with input as testing.tf([])
	not lib.is_terraform with input as testing.cfn([])
	not lib.is_terraform with input as {"resources": []}
}

test_is_cloudformation if {
	lib.is_cloudformation with input as testing.cfn([])
	not lib.is_cloudformation with input as testing.tf([])
	not lib.is_cloudformation with input as {"kind": 7}
}

test_is_unknown if {
	lib.is_unknown(testing.unknown("var.acl"))
	lib.is_unknown({"Ref": "BucketName"})
	lib.is_unknown({"Fn::If": ["C", "a", "b"]})
	lib.is_unknown({"Fn::GetAtt": ["Bucket", "Arn"]})
	not lib.is_unknown({"Ref": "A", "Other": 1}) # two keys: an ordinary object
	not lib.is_unknown({"Reference": "x"})
	not lib.is_unknown("private")
	not lib.is_unknown(null)
	not lib.is_unknown(3)
	not lib.is_unknown(["Ref"])
	not lib.is_unknown({})
}

test_intrinsic if {
	lib.intrinsic("Ref")
	lib.intrinsic("Fn::Sub")
	lib.intrinsic("Fn::ImportValue")
	not lib.intrinsic("Condition")
	not lib.intrinsic("fn::sub")
	not lib.intrinsic("Fn:Sub")
}

test_is_known if {
	lib.is_known("private")
	lib.is_known(null)
	lib.is_known({"Key": "v"})
	not lib.is_known(testing.unknown("var.x"))
	not lib.is_known({"Fn::Sub": "${AWS::Region}"})
}

test_unknown_source if {
	lib.unknown_source(testing.unknown("aws_s3_bucket.b.arn")) == "aws_s3_bucket.b.arn"
	not lib.unknown_source("known")
	not lib.unknown_source({"a": 1})
	# an intrinsic is unknown but has no source text
	not lib.unknown_source({"Ref": "X"})
}

test_reference_target if {
	lib.reference_target(bucket, testing.unknown("aws_kms_key.k.arn")) == "aws_kms_key.k"
	lib.reference_target(bucket, testing.unknown("aws_kms_key.k[0].arn")) == "aws_kms_key.k"
	lib.reference_target(bucket, testing.unknown("data.aws_iam_policy_document.p.json")) == "data.aws_iam_policy_document.p"
	lib.reference_target(object.union(bucket, {"module": "module.m[\"a\"]"}), testing.unknown("aws_kms_key.k.arn")) == "module.m.aws_kms_key.k"
	lib.reference_target(cfn_bucket, {"Ref": "Key"}) == "Key"
	lib.reference_target(cfn_bucket, {"Fn::GetAtt": ["Key", "Arn"]}) == "Key"
	lib.reference_target(cfn_bucket, {"Fn::GetAtt": "Key.Arn"}) == "Key"
	# references to what is not a resource: variables, locals, module outputs, iterators
	not lib.reference_target(bucket, testing.unknown("var.kms_key"))
	not lib.reference_target(bucket, testing.unknown("local.key.arn"))
	not lib.reference_target(bucket, testing.unknown("module.kms.key_arn"))
	not lib.reference_target(bucket, testing.unknown("each.value.arn"))
	not lib.reference_target(bucket, testing.unknown("\"${var.prefix}-x\""))
	not lib.reference_target(bucket, "aws_kms_key.k.arn")
	not lib.reference_target(cfn_bucket, {"Ref": ["not", "a", "name"]})
	not lib.reference_target(cfn_bucket, {"Fn::Sub": "${Key}"})
	not lib.reference_target(bucket, {"__unknown__": ["aws_kms_key.k.arn"]}) # a source that is no text: undefined, no error
}

test_module_prefixed if {
	lib.module_prefixed("", "aws_s3_bucket.b") == "aws_s3_bucket.b"
	lib.module_prefixed("module.a", "aws_s3_bucket.b") == "module.a.aws_s3_bucket.b"
	lib.module_prefixed(null, "aws_s3_bucket.b") == "aws_s3_bucket.b" # a plan resource may have no module
}

test_base_address if {
	lib.base_address(`module.a["x"].aws_s3_bucket.b[0]`) == "module.a.aws_s3_bucket.b"
	lib.base_address("aws_s3_bucket.b") == "aws_s3_bucket.b"
	lib.base_address("Bucket") == "Bucket"
}

test_false_or_missing if {
	lib.false_or_missing({}, "enabled")
	lib.false_or_missing({"enabled": null}, "enabled")
	lib.false_or_missing({"enabled": false}, "enabled")
	lib.false_or_missing({"Enabled": "False"}, "Enabled")
	not lib.false_or_missing({"enabled": true}, "enabled")
	not lib.false_or_missing({"enabled": "true"}, "enabled")
	not lib.false_or_missing({"enabled": testing.unknown("var.on")}, "enabled")
	not lib.false_or_missing({"Enabled": {"Ref": "On"}}, "Enabled")
	not lib.false_or_missing({"enabled": 0}, "enabled")
}

test_true_or_missing if {
	lib.true_or_missing({}, "enabled")
	lib.true_or_missing({"enabled": null}, "enabled")
	lib.true_or_missing({"enabled": true}, "enabled")
	lib.true_or_missing({"Enabled": "TRUE"}, "Enabled")
	not lib.true_or_missing({"enabled": false}, "enabled")
	not lib.true_or_missing({"enabled": testing.unknown("var.on")}, "enabled")
	not lib.true_or_missing({"Enabled": {"Fn::If": ["C", true, false]}}, "Enabled")
	not lib.true_or_missing({"enabled": 1}, "enabled")
}

test_is_set if {
	lib.is_set({"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"}, "kms_key_id")
	lib.is_set({"port": 0}, "port")
	lib.is_set({"enabled": false}, "enabled")
	lib.is_set({"ids": ["a"]}, "ids")
	lib.is_set({"cfg": {"a": 1}}, "cfg")
	lib.is_set({"kms_key_id": testing.unknown("var.key")}, "kms_key_id") # unknown counts as set
	lib.is_set({"KmsKeyId": {"Ref": "Key"}}, "KmsKeyId")
	lib.is_set({"KmsKeyId": {"Fn::If": ["C", "k", {"Ref": "AWS::NoValue"}]}}, "KmsKeyId")
	not lib.is_set({}, "kms_key_id")
	not lib.is_set({"kms_key_id": null}, "kms_key_id")
	not lib.is_set({"kms_key_id": ""}, "kms_key_id")
	not lib.is_set({"kms_key_id": "  "}, "kms_key_id")
	not lib.is_set({"ids": []}, "ids")
	not lib.is_set({"cfg": {}}, "cfg")
	not lib.is_set({"KmsKeyId": {"Ref": "AWS::NoValue"}}, "KmsKeyId")
	not lib.is_set("text", "kms_key_id")
}

test_value_set if {
	lib.value_set("x")
	lib.value_set(0)
	lib.value_set(true)
	lib.value_set([null])
	lib.value_set({"Ref": "Key"})
	not lib.value_set("")
	not lib.value_set("\t\n")
	not lib.value_set(null)
	not lib.value_set([])
	not lib.value_set({})
	not lib.value_set({"Ref": "AWS::NoValue"})
}

test_no_value if {
	lib.no_value({"Ref": "AWS::NoValue"})
	not lib.no_value({"Ref": "Key"})
	not lib.no_value("AWS::NoValue")
	not lib.no_value({})
}

test_non_resource_roots if {
	lib.non_resource_roots == {"var", "local", "module", "each", "count", "path", "terraform", "self"}
	not lib.reference_target(bucket, testing.unknown("count.index"))
	not lib.reference_target(bucket, testing.unknown("path.module"))
	not lib.reference_target(bucket, testing.unknown("self.arn"))
	not lib.reference_target(bucket, testing.unknown("terraform.workspace"))
}

test_has_key if {
	lib.has_key({"a": null}, "a")
	lib.has_key({"a": false}, "a")
	lib.has_key(["x", "y"], 1)
	not lib.has_key({"a": 1}, "b")
	not lib.has_key("text", "a")
	not lib.has_key(null, "a")
}

test_is_true if {
	lib.is_true(true)
	lib.is_true("true")
	lib.is_true("True")
	not lib.is_true(false)
	not lib.is_true("yes")
	not lib.is_true(1)
	not lib.is_true(null)
	not lib.is_true(testing.unknown("var.on"))
	not lib.is_true(["true"])
}

test_is_false if {
	lib.is_false(false)
	lib.is_false("false")
	lib.is_false("FALSE")
	not lib.is_false(true)
	not lib.is_false("no")
	not lib.is_false(0)
	not lib.is_false(null)
	not lib.is_false({"Ref": "Off"})
}

test_lowercase if {
	lib.lowercase("AES256") == "aes256"
	lib.lowercase("") == ""
	not lib.lowercase(256)
	not lib.lowercase(null)
	not lib.lowercase(["A"])
	not lib.lowercase(testing.unknown("var.x"))
}

test_number if {
	lib.number(22) == 22
	lib.number(1.5) == 1.5
	lib.number("22") == 22
	lib.number(" -1 ") == -1
	not lib.number("22-25")
	not lib.number("1.5") # CloudFormation ports are whole numbers
	not lib.number("")
	not lib.number(true)
	not lib.number(null)
	not lib.number({"Ref": "Port"})
}

test_block if {
	lib.block({"versioning": [{"enabled": true}]}, "versioning") == {"enabled": true}
	lib.block({"VersioningConfiguration": {"Status": "Enabled"}}, "VersioningConfiguration") == {"Status": "Enabled"}
	not lib.block({"versioning": []}, "versioning")
	not lib.block({"versioning": ["x"]}, "versioning")
	not lib.block({"versioning": "on"}, "versioning")
	not lib.block({}, "versioning")
}

test_block_or_empty if {
	lib.block_or_empty({"versioning": [{"enabled": true}]}, "versioning") == {"enabled": true}
	lib.block_or_empty({}, "versioning") == {}
	lib.block_or_empty({"versioning": []}, "versioning") == {}
	lib.block_or_empty({"versioning": 3}, "versioning") == {}
}

test_has_block if {
	lib.has_block({"logging": [{"target_bucket": "x"}]}, "logging")
	lib.has_block({"LoggingConfiguration": {"DestinationBucketName": "x"}}, "LoggingConfiguration")
	lib.has_block({"logging": testing.unknown("var.logging")}, "logging") # unknown counts as present
	not lib.has_block({"logging": []}, "logging")
	not lib.has_block({"logging": {}}, "logging")
	not lib.has_block({"logging": "yes"}, "logging")
	not lib.has_block({}, "logging")
}

test_block_unknown if {
	lib.block_unknown({"versioning": testing.unknown("var.v")}, "versioning", "enabled")
	lib.block_unknown({"versioning": [{"enabled": testing.unknown("var.on")}]}, "versioning", "enabled")
	lib.block_unknown({"VersioningConfiguration": {"Status": {"Ref": "S"}}}, "VersioningConfiguration", "Status")
	not lib.block_unknown({"versioning": [{"enabled": true}]}, "versioning", "enabled")
	not lib.block_unknown({}, "versioning", "enabled")
	not lib.block_unknown({"versioning": "x"}, "versioning", "enabled")
}

test_world_cidrs if {
	lib.world_cidrs["0.0.0.0/0"]
	lib.world_cidrs["::/0"]
	lib.world_cidrs.Internet
	not lib.world_cidrs["10.0.0.0/8"]
}

test_is_world if {
	lib.is_world("0.0.0.0/0")
	lib.is_world("::/0")
	lib.is_world("*")
	not lib.is_world("10.0.0.0/16")
	not lib.is_world("0.0.0.0/8")
	not lib.is_world(null)
	not lib.is_world(testing.unknown("var.cidr"))
}

# Any prefix of length 0, whatever its address part, and the service tags in any case.
test_is_world_every_form if {
	lib.is_world("/0")
	lib.is_world("10.1.2.3/0")
	lib.is_world(" 34.15.11.3/00 ")
	lib.is_world("2001:db8::/0")
	lib.is_world("0.0.0.0")
	lib.is_world("Internet")
	lib.is_world("INTERNET")
	lib.is_world(" Internet ")
	lib.is_world("any")
	lib.is_world("Any")
	lib.is_world(" * ")
	not lib.is_world("10.0.0.0/10")
	not lib.is_world("0.0.0.0/1")
	not lib.is_world("::/1")
	not lib.is_world("VirtualNetwork")
	not lib.is_world("AzureLoadBalancer")
	not lib.is_world("internet-gateway")
	not lib.is_world("")
	not lib.is_world(0)
	not lib.is_world(["0.0.0.0/0"])
}

test_any_world if {
	lib.any_world(["10.0.0.0/8", "0.0.0.0/0"])
	lib.any_world("Internet")
	not lib.any_world(["10.0.0.0/8"])
	not lib.any_world([])
	not lib.any_world("10.0.0.0/8")
	not lib.any_world(testing.unknown("var.cidrs"))
	not lib.any_world([testing.unknown("var.cidr")])
	not lib.any_world({"Ref": "Cidr"})
	not lib.any_world(null)
}

test_includes_port if {
	lib.includes_port(20, 25, 22)
	lib.includes_port(22, 22, 22)
	lib.includes_port(0, 0, 22) # AWS: 0-0 is every port
	lib.includes_port(-1, -1, 3389)
	not lib.includes_port(80, 443, 22)
	not lib.includes_port("20", "25", 22) # only numbers: lib.number converts first
	not lib.includes_port(testing.unknown("var.from"), 25, 22)
	not lib.includes_port(null, null, 22)
}

test_all_protocols if {
	lib.all_protocols("-1")
	lib.all_protocols(-1)
	lib.all_protocols("all")
	lib.all_protocols("*")
	not lib.all_protocols("tcp")
	not lib.all_protocols("6")
	not lib.all_protocols(null)
}

test_port_range if {
	lib.port_range("*") == [0, 65535]
	lib.port_range("22") == [22, 22]
	lib.port_range(22) == [22, 22]
	lib.port_range("8000-8080") == [8000, 8080]
	not lib.port_range("a-b")
	not lib.port_range("1-2-3")
	not lib.port_range("ssh")
	not lib.port_range(true)
	not lib.port_range(null)
	not lib.port_range(testing.unknown("var.port"))
}

test_port_ranges if {
	lib.port_ranges("22") == [[22, 22]]
	lib.port_ranges(22) == [[22, 22]]
	lib.port_ranges("*") == [[0, 65535]]
	lib.port_ranges("8000-8080") == [[8000, 8080]]
	lib.port_ranges("22,24") == [[22, 22], [24, 24]]
	lib.port_ranges("21, 22 , 24 ") == [[21, 21], [22, 22], [24, 24]]
	lib.port_ranges("20-25,3389") == [[20, 25], [3389, 3389]]
	lib.port_ranges("22,ssh,*") == [[22, 22], [0, 65535]] # an element that cannot be read is left out
	lib.port_ranges("ssh") == []
	lib.port_ranges(null) == []
	lib.port_ranges(testing.unknown("var.ports")) == []
	lib.port_ranges({"Ref": "Port"}) == []
}

test_comma_list if {
	lib.comma_list("22,24")
	lib.comma_list(",")
	not lib.comma_list("22")
	not lib.comma_list(["22", "24"])
	not lib.comma_list(null)
}

test_all_ports if {
	lib.all_ports([0, 65535])
	lib.all_ports([1, 65535])
	not lib.all_ports([22, 22])
	not lib.all_ports([0, 1024])
}

test_tags if {
	lib.tags(testing.tf_resource("aws_s3_bucket", "b", {"tags": {"owner": "x"}})) == {"owner": "x"}
	lib.tags(testing.tf_resource("aws_s3_bucket", "b", {})) == {}
	lib.tags(testing.tf_resource("google_storage_bucket", "g", {"labels": {"team": "a"}})) == {"team": "a"}
	lib.tags(testing.tf_resource("aws_s3_bucket", "b", {"tags": testing.unknown("var.tags")})) == {}
	lib.tags(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": [{"Key": "owner", "Value": "x"}, {"Key": {"Ref": "K"}, "Value": "y"}]})) == {"owner": "x"}
	lib.tags(testing.cfn_resource("AWS::SSM::Parameter", "P", {"Tags": {"owner": "x"}})) == {"owner": "x"}
	lib.tags(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": {"Fn::If": ["C", [], []]}})) == {}
	lib.tags(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": "owner=x"})) == {}
}

# EFS, Backup vaults and Cognito user pools keep their tags under a property of their own.
test_own_tag_property if {
	efs := testing.cfn_resource("AWS::EFS::FileSystem", "Fs", {"FileSystemTags": [{"Key": "owner", "Value": "x"}, {"Key": {"Ref": "K"}, "Value": "y"}]})
	lib.tags(efs) == {"owner": "x"}
	lib.tags_unknown(efs)
	lib.tag_property(efs) == "FileSystemTags"
	vault := testing.cfn_resource("AWS::Backup::BackupVault", "V", {"BackupVaultName": "v", "BackupVaultTags": {"owner": "x"}})
	lib.tags(vault) == {"owner": "x"}
	not lib.tags_unknown(vault)
	pool := testing.cfn_resource("AWS::Cognito::UserPool", "P", {"UserPoolTags": {"Fn::If": ["C", {}, {}]}})
	lib.tags(pool) == {}
	lib.tags_unknown(pool)
	lib.tags(testing.cfn_resource("AWS::Cognito::UserPool", "P", {})) == {}
	not lib.tags_unknown(testing.cfn_resource("AWS::Cognito::UserPool", "P", {}))
	lib.tag_property(cfn_bucket) == "Tags"
	lib.tag_property(bucket) == "Tags"
	# a type's own property is not read on another type
	lib.tags(testing.cfn_resource("AWS::S3::Bucket", "B", {"UserPoolTags": {"owner": "x"}})) == {}
}

test_plain_tags if {
	lib.plain_tags({"tags": {"a": "b"}})
	not lib.plain_tags({"tags": {"a": "b"}, "labels": {}})
	not lib.plain_tags({"tags": testing.unknown("var.tags")})
	not lib.plain_tags({"tags": null})
	not lib.plain_tags({})
}

test_cfn_tags if {
	lib.cfn_tags([{"Key": "a", "Value": "1"}, {"Key": 2, "Value": "2"}]) == {"a": "1"}
	lib.cfn_tags({"a": "1"}) == {"a": "1"}
	lib.cfn_tags({"Ref": "Tags"}) == {}
	lib.cfn_tags(testing.unknown("var.tags")) == {}
	lib.cfn_tags("a=1") == {}
	lib.cfn_tags(null) == {}
}

test_known_map if {
	lib.known_map({"labels": {"a": "b"}}, "labels") == {"a": "b"}
	lib.known_map({}, "labels") == {}
	lib.known_map({"labels": testing.unknown("var.labels")}, "labels") == {}
	lib.known_map({"labels": ["a"]}, "labels") == {}
}

test_tags_unknown if {
	lib.tags_unknown(testing.tf_resource("aws_s3_bucket", "b", {"tags": testing.unknown("var.tags")}))
	lib.tags_unknown(testing.tf_resource("google_storage_bucket", "g", {"labels": testing.unknown("local.labels")}))
	lib.tags_unknown(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": {"Fn::If": ["C", [], []]}}))
	lib.tags_unknown(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": [{"Key": {"Ref": "K"}, "Value": "v"}]}))
	not lib.tags_unknown(testing.tf_resource("aws_s3_bucket", "b", {"tags": {"owner": testing.unknown("var.owner")}}))
	not lib.tags_unknown(testing.tf_resource("aws_s3_bucket", "b", {}))
	not lib.tags_unknown(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": [{"Key": "owner", "Value": {"Ref": "Owner"}}]}))
	not lib.tags_unknown(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": "owner"}))
}

test_tag if {
	lib.tag(testing.tf_resource("aws_s3_bucket", "b", {"tags": {"owner": "x"}}), "owner") == "x"
	lib.tag(testing.cfn_resource("AWS::S3::Bucket", "B", {"Tags": [{"Key": "owner", "Value": ""}]}), "owner") == ""
	not lib.tag(testing.tf_resource("aws_s3_bucket", "b", {"tags": {"owner": "x"}}), "env")
	not lib.tag(testing.tf_resource("aws_s3_bucket", "b", {"tags": testing.unknown("var.tags")}), "owner")
}

logging_by_ref := testing.tf_resource("aws_s3_bucket_logging", "by_ref", {"bucket": testing.unknown("aws_s3_bucket.b.id")})

logging_by_name := testing.tf_resource("aws_s3_bucket_logging", "by_name", {"bucket": "named"})

logging_unknown := testing.tf_resource("aws_s3_bucket_logging", "by_var", {"bucket": testing.unknown("var.bucket")})

test_pointers if {
	# a reference gives its target's key, a literal its value, a variable a "?" key that
	# matches no resource (the setting points somewhere that cannot be told)
	lib.pointers("aws_s3_bucket_logging", "bucket") == {"|aws_s3_bucket.b", "named", "|?var.bucket"} with input as testing.tf([logging_by_ref, logging_by_name, logging_unknown])
	lib.pointers("aws_s3_bucket_logging", "bucket") == set() with input as testing.tf([bucket])
	lib.pointers("AWS::S3::BucketPolicy", "Bucket") == {"template.yaml|Logs", "literal"} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::BucketPolicy", "P1", {"Bucket": {"Ref": "Logs"}}),
		testing.cfn_resource("AWS::S3::BucketPolicy", "P2", {"Bucket": "literal"}),
		testing.cfn_resource("AWS::S3::BucketPolicy", "P3", {"Bucket": 5}),
	])
}

test_pointer_keys if {
	lib.pointer_keys(logging_by_ref, testing.unknown("aws_s3_bucket.b.id")) == {"|aws_s3_bucket.b"} with input as testing.tf([])
	lib.pointer_keys(logging_by_name, "named") == {"named"}
	not lib.pointer_keys(logging_by_name, 5)
	not lib.pointer_keys(logging_by_name, null)
	# an unknown that names no resource (a variable, a module output) gives a "?<source>"
	# key in its scope, which no resource's address_key or name equals
	lib.pointer_keys(logging_unknown, testing.unknown("var.bucket")) == {"|?var.bucket"} with input as testing.tf([])
	lib.pointer_keys(object.union(logging_unknown, {"root": "envs/dev"}), testing.unknown("module.s3.bucket_id")) == {"envs/dev|?module.s3.bucket_id"} with input as testing.tf([])
	lib.pointer_keys(logging_unknown, testing.unknown("\"${var.prefix}-logs\"")) == {"|?\"${var.prefix}-logs\""} with input as testing.tf([])
	# a reference inside a module is scoped and module-prefixed, not a "?" key
	lib.pointer_keys(object.union(logging_by_ref, {"module": "module.m"}), testing.unknown("aws_s3_bucket.b.id")) == {"|module.m.aws_s3_bucket.b"} with input as testing.tf([])
	# CloudFormation: Ref / GetAtt name their target; another intrinsic has no source text: no key
	lib.pointer_keys(cfn_bucket, {"Ref": "Logs"}) == {"template.yaml|Logs"} with input as testing.cfn([])
	lib.pointer_keys(cfn_bucket, {"Fn::GetAtt": ["Logs", "Arn"]}) == {"template.yaml|Logs"} with input as testing.cfn([])
	not lib.pointer_keys(cfn_bucket, {"Fn::Sub": "${Logs}"}) with input as testing.cfn([])
	not lib.pointer_keys(logging_unknown, testing.unknown(["not", "a", "source"])) with input as testing.tf([])
}

# A "?" key never makes a resource pointed at, not even one named like the source.
test_unknown_pointer_matches_nothing if {
	keys := lib.pointers("aws_s3_bucket_logging", "bucket") with input as testing.tf([logging_unknown])
	keys == {"|?var.bucket"}
	not lib.pointed_at(bucket, keys, "bucket") with input as testing.tf([])
	not lib.pointed_at(testing.tf_resource("aws_s3_bucket", "bucket", {"bucket": "var.bucket"}), keys, "bucket") with input as testing.tf([])
}

test_scope if {
	lib.scope(object.union(bucket, {"root": "envs/prod"})) == "envs/prod" with input as testing.tf([])
	lib.scope(bucket) == "" with input as testing.tf([])
	lib.scope(object.union(bucket, {"root": ""})) == "" with input as testing.tf([])
	lib.scope(cfn_bucket) == "template.yaml" with input as testing.cfn([])
}

test_scoped if {
	lib.scoped(object.union(bucket, {"root": "envs/dev"}), "aws_kms_key.k") == "envs/dev|aws_kms_key.k" with input as testing.tf([])
	lib.scoped(cfn_bucket, "Key") == "template.yaml|Key" with input as testing.cfn([])
}

test_address_key if {
	lib.address_key(object.union(bucket, {"address": "aws_s3_bucket.b[0]", "root": "envs/dev"})) == "envs/dev|aws_s3_bucket.b" with input as testing.tf([])
	lib.address_key(cfn_bucket) == "template.yaml|Bucket" with input as testing.cfn([])
}

test_key_address if {
	lib.key_address("envs/dev|aws_s3_bucket.b") == "aws_s3_bucket.b"
	lib.key_address("named") == "named"
	lib.key_address("|aws_s3_bucket.b") == "aws_s3_bucket.b"
}

test_pointed_at if {
	lib.pointed_at(bucket, {"|aws_s3_bucket.b"}, "bucket") with input as testing.tf([])
	lib.pointed_at(bucket, {"logs"}, "bucket") with input as testing.tf([])
	not lib.pointed_at(bucket, {"|aws_s3_bucket.other", "other"}, "bucket") with input as testing.tf([])
	not lib.pointed_at(object.union(bucket, {"root": "envs/dev"}), {"envs/prod|aws_s3_bucket.b"}, "bucket") with input as testing.tf([])
	not lib.pointed_at(testing.tf_resource("aws_s3_bucket", "u", {"bucket": testing.unknown("var.name")}), {"var.name"}, "bucket") with input as testing.tf([])
}

test_rds_cluster_member if {
	lib.rds_cluster_member(testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"DBClusterIdentifier": {"Ref": "Cluster"}}))
	not lib.rds_cluster_member(testing.cfn_resource("AWS::RDS::DBInstance", "Db", {"Engine": "mysql"}))
	not lib.rds_cluster_member(testing.cfn_resource("AWS::RDS::DBCluster", "C", {"DBClusterIdentifier": "c"}))
}

test_aws_ebs_encrypted_by_default if {
	lib.aws_ebs_encrypted_by_default with input as testing.tf([testing.tf_resource("aws_ebs_encryption_by_default", "on", {})])
	lib.aws_ebs_encrypted_by_default with input as testing.tf([testing.tf_resource("aws_ebs_encryption_by_default", "on", {"enabled": testing.unknown("var.on")})])
	not lib.aws_ebs_encrypted_by_default with input as testing.tf([testing.tf_resource("aws_ebs_encryption_by_default", "off", {"enabled": false})])
	not lib.aws_ebs_encrypted_by_default with input as testing.tf([testing.tf_data("aws_ebs_encryption_by_default", "d", {})])
	not lib.aws_ebs_encrypted_by_default with input as testing.tf([])
}

test_finding if {
	lib.finding(bucket, "msg", "acl") == {"msg": "msg", "resource": "aws_s3_bucket.b", "file": "main.tf", "attribute": "acl"}
	lib.finding(object.union(bucket, {"root": "envs/dev"}), "m", "") == {"msg": "m", "resource": "aws_s3_bucket.b", "file": "main.tf", "attribute": "", "root": "envs/dev"}
}

test_root_of if {
	lib.root_of({"root": "envs/dev"}) == {"root": "envs/dev"}
	lib.root_of({"root": ""}) == {}
	lib.root_of({}) == {}
	lib.root_of({"root": 3}) == {}
}

test_as_array if {
	lib.as_array(["a"]) == ["a"]
	lib.as_array("a") == ["a"]
	lib.as_array(null) == [null]
	lib.as_array(testing.unknown("var.x")) == [testing.unknown("var.x")]
}

test_items if {
	lib.items(["a", "b"]) == ["a", "b"]
	lib.items("ab") == []
	lib.items({"a": 1}) == []
	lib.items(null) == []
	lib.items(testing.unknown("var.list")) == []
}

test_dir if {
	lib.dir("modules/b/main.tf") == "modules/b"
	lib.dir("main.tf") == ""
	lib.dir("/abs/x.tf") == "/abs"
}
