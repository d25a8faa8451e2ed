package iac_guard.aws.s3.public_policy_test

import data.iac_guard.aws.s3.public_policy
import data.iac_guard.testing
import rego.v1

public_json := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}`

test_public_json_policy_is_denied if {
	public_policy.deny == {{
		"msg": "aws_s3_bucket_policy.p allows [\"s3:GetObject\"] to any principal",
		"resource": "aws_s3_bucket_policy.p",
		"file": "main.tf",
		"attribute": "policy",
	}} with input as testing.tf([testing.tf_resource("aws_s3_bucket_policy", "p", {"bucket": "b", "policy": public_json})])
}

test_policy_document_data_source_is_resolved if {
	testing.addresses(public_policy.deny) == {"aws_s3_bucket_policy.p"} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket_policy", "p", {"policy": testing.unknown("data.aws_iam_policy_document.p.json")}),
		testing.tf_data("aws_iam_policy_document", "p", {"statement": [{
			"actions": ["s3:GetObject"],
			"resources": ["arn:aws:s3:::b/*"],
			"principals": [{"type": "AWS", "identifiers": ["*"]}],
		}]}),
	])
}

test_named_principal_or_condition_passes if {
	count(public_policy.deny) == 0 with input as testing.tf([
		testing.tf_resource("aws_s3_bucket_policy", "named", {"policy": `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*", "Resource": "*"}]}`}),
		testing.tf_resource("aws_s3_bucket_policy", "vpce", {"policy": `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}]}`}),
		testing.tf_resource("aws_s3_bucket_policy", "deny", {"policy": `{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}`}),
		testing.tf_resource("aws_s3_bucket_policy", "unknown", {"policy": testing.unknown("var.policy")}),
		testing.tf_resource("aws_s3_bucket_policy", "invalid", {"policy": "not json"}),
	])
}

test_cloudformation_public_policy_is_denied if {
	testing.located(public_policy.deny) == {["Policy", "PolicyDocument"]} with input as testing.cfn([testing.cfn_resource("AWS::S3::BucketPolicy", "Policy", {
		"Bucket": {"Ref": "Bucket"},
		"PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["s3:GetObject"], "Resource": "*"}]},
	})])
}

# A heredoc with interpolations is unknown as a whole; what it says literally still counts.
test_public_heredoc_template_is_denied if {
	testing.located(public_policy.deny) == {["aws_s3_bucket.site", "policy"]} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket", "site", {"policy": testing.unknown("<<EOF\n{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::${var.name}/*\"}]}\nEOF")}),
		testing.tf_resource("aws_s3_bucket", "named", {"policy": testing.unknown("<<-EOT\n{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"${var.reader_arn}\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}\nEOT")}),
		testing.tf_resource("aws_s3_bucket", "structural", {"policy": testing.unknown("<<EOF\n{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": ${jsonencode(var.p)}, \"Action\": \"s3:*\"}]}\nEOF")}),
		testing.tf_resource("aws_s3_bucket", "directive", {"policy": testing.unknown("<<EOF\n{\"Statement\": [%{ for a in var.x }{\"Effect\": \"Allow\", \"Principal\": \"*\"}%{ endfor }]}\nEOF")}),
		testing.tf_resource("aws_s3_bucket", "effect", {"policy": testing.unknown("<<EOF\n{\"Statement\": [{\"Effect\": \"${var.effect}\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\"}]}\nEOF")}),
	])
}

# `policy = jsonencode({...})` with a reference inside is unknown as a whole; iac-guard
# writes its marker as the JSON text with the unknown parts as ${...} interpolations.
test_partly_unknown_jsonencode_policy_is_read if {
	testing.addresses(public_policy.deny) == {"aws_s3_bucket_policy.p"} with input as testing.tf([testing.tf_resource("aws_s3_bucket_policy", "p", {
		"bucket": testing.unknown("aws_s3_bucket.b.id"),
		"policy": testing.unknown(`{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Principal":"*","Resource":"${aws_s3_bucket.b.arn}/*"}],"Version":"2012-10-17"}`),
	})])
	count(public_policy.deny) == 0 with input as testing.tf([testing.tf_resource("aws_s3_bucket_policy", "p", {
		"bucket": testing.unknown("aws_s3_bucket.b.id"),
		"policy": testing.unknown(`{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Principal":{"AWS":"${aws_iam_role.r.arn}"},"Resource":"${aws_s3_bucket.b.arn}/*"}]}`),
	})])
}

public_with(condition) := json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": condition}]})

# Principal "*" is exempt only when a condition restricts the caller with a fixed value.
test_only_caller_conditions_restrict if {
	testing.addresses(public_policy.deny) == {
		"aws_s3_bucket_policy.referer",
		"aws_s3_bucket_policy.user_agent",
		"aws_s3_bucket_policy.secure_transport",
		"aws_s3_bucket_policy.not_vpce",
		"aws_s3_bucket_policy.if_exists",
		"aws_s3_bucket_policy.world_ip",
		"aws_s3_bucket_policy.star_account",
		"aws_s3_bucket_policy.for_all_values",
	} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket_policy", "referer", {"policy": public_with({"StringLike": {"aws:Referer": ["https://example.com/*"]}})}),
		testing.tf_resource("aws_s3_bucket_policy", "user_agent", {"policy": public_with({"StringEquals": {"aws:UserAgent": "curl"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "secure_transport", {"policy": public_with({"Bool": {"aws:SecureTransport": "true"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "not_vpce", {"policy": public_with({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "if_exists", {"policy": public_with({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "world_ip", {"policy": public_with({"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}})}),
		testing.tf_resource("aws_s3_bucket_policy", "star_account", {"policy": public_with({"StringLike": {"aws:SourceAccount": "*"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "for_all_values", {"policy": public_with({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": ["o-1"]}})}),
		testing.tf_resource("aws_s3_bucket_policy", "source_ip", {"policy": public_with({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}})}),
		testing.tf_resource("aws_s3_bucket_policy", "source_vpc", {"policy": public_with({"StringEquals": {"aws:sourcevpc": "vpc-1"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "source_arn", {"policy": public_with({"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "source_account", {"policy": public_with({"StringEquals": {"aws:SourceAccount": "123456789012"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "org", {"policy": public_with({"StringEquals": {"aws:PrincipalOrgID": "o-abc"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "principal_account", {"policy": public_with({"StringEquals": {"aws:PrincipalAccount": ["123456789012"]}})}),
		testing.tf_resource("aws_s3_bucket_policy", "referer_and_ip", {"policy": public_with({"StringLike": {"aws:Referer": "x"}, "IpAddress": {"aws:SourceIp": "198.51.100.7/32"}})}),
		testing.tf_resource("aws_s3_bucket_policy", "unknown_condition", {"policy": public_with({"StringEquals": {"aws:SourceVpce": "${var.vpce}"}})}),
	])
}

test_policy_document_conditions if {
	testing.addresses(public_policy.deny) == {"aws_s3_bucket_policy.referer"} with input as testing.tf([
		testing.tf_resource("aws_s3_bucket_policy", "referer", {"policy": testing.unknown("data.aws_iam_policy_document.referer.json")}),
		testing.tf_data("aws_iam_policy_document", "referer", {"statement": [{
			"actions": ["s3:GetObject"],
			"principals": [{"type": "*", "identifiers": ["*"]}],
			"condition": [{"test": "StringLike", "variable": "aws:Referer", "values": ["https://example.com/*"]}],
		}]}),
		testing.tf_resource("aws_s3_bucket_policy", "vpce", {"policy": testing.unknown("data.aws_iam_policy_document.vpce.json")}),
		testing.tf_data("aws_iam_policy_document", "vpce", {"statement": [{
			"actions": ["s3:GetObject"],
			"principals": [{"type": "AWS", "identifiers": ["*"]}],
			"condition": [{"test": "StringEquals", "variable": "aws:SourceVpce", "values": [testing.unknown("aws_vpc_endpoint.s3.id")]}],
		}]}),
	])
}

test_cloudformation_referer_condition_is_public if {
	testing.located(public_policy.deny) == {["Referer", "PolicyDocument"]} with input as testing.cfn([
		testing.cfn_resource("AWS::S3::BucketPolicy", "Referer", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"aws:Referer": ["https://example.com/*"]}}}]}}),
		testing.cfn_resource("AWS::S3::BucketPolicy", "Vpce", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": {"Ref": "Endpoint"}}}}]}}),
	])
}
