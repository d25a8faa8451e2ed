# Tests of iam.rego (package iac_guard.lib_iam): policy documents written as JSON text,
# jsonencode() (also with unknown parts), CloudFormation objects, heredoc templates and
# aws_iam_policy_document data sources, read into one statement shape. Unknown documents,
# intrinsics and malformed JSON give no statements rather than an error.
package iac_guard.lib_iam_test

import data.iac_guard.lib_iam as iam
import data.iac_guard.testing
import rego.v1

admin_json := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`

admin_statement := {"effect": "Allow", "actions": ["*"], "resources": ["*"], "principals": [], "conditions": [], "restricted": false}

role_policy := testing.tf_resource("aws_iam_role_policy", "p", {"policy": admin_json})

doc_source := testing.tf_data("aws_iam_policy_document", "read", {"statement": [{
	"actions": ["s3:GetObject"],
	"resources": ["*"],
	"principals": [{"type": "AWS", "identifiers": ["*"]}],
	"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]}],
}]})

# aws:SecureTransport restricts no caller: the statement is not `restricted`
doc_statement := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"], "principals": [["AWS", "*"]], "conditions": ["aws:securetransport"], "restricted": false}

test_statements if {
	iam.statements(role_policy, admin_json) == {admin_statement}
	iam.statements(role_policy, {"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}) == {{"effect": "Deny", "actions": ["s3:*"], "resources": ["*"], "principals": [], "conditions": [], "restricted": false}}
	iam.statements(role_policy, {"Statement": ["not a statement"]}) == set()

	# valid JSON that is no policy document: no statements, and no error
	iam.statements(role_policy, `"just text"`) == set()
	iam.statements(role_policy, `[{"Effect": "Allow"}]`) == set()
	iam.statements(role_policy, `{"Statement": "Allow"}`) == set()

	# a reference to an aws_iam_policy_document in the same directory resolves to its statements
	by_ref := iam.statements(role_policy, testing.unknown("data.aws_iam_policy_document.read.json")) with input as testing.tf([doc_source])
	by_ref == {doc_statement}

	# a partly unknown jsonencode(): the known parts count
	partly := iam.statements(role_policy, testing.unknown(`{"Statement":[{"Action":"*","Effect":"Allow","Resource":"${aws_s3_bucket.b.arn}/*"}]}`))
	partly == {{"effect": "Allow", "actions": ["*"], "resources": ["iac-guard-unknown/*"], "principals": [], "conditions": [], "restricted": false}}
	not iam.statements(role_policy, "{not json") with input as testing.tf([])
	not iam.statements(role_policy, testing.unknown("var.policy")) with input as testing.tf([doc_source])
	not iam.statements(role_policy, {"Fn::Sub": "..."}) with input as testing.tf([])
	not iam.statements(role_policy, 42) with input as testing.tf([])
}

test_template_document if {
	iam.template_document(testing.unknown("<<EOT\n{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"${var.arn}\"}]}\nEOT")) == {"Statement": [{"Effect": "Allow", "Resource": "iac-guard-unknown"}]}
	iam.template_document(testing.unknown(`{"Statement":[],"Version":"${var.v}"}`)) == {"Statement": [], "Version": "iac-guard-unknown"}
	not iam.template_document(testing.unknown("<<EOT\n{\"Principal\": ${var.p}}\nEOT")) # structure from an interpolation
	not iam.template_document(testing.unknown("<<EOT\n%{ for s in var.s }${s}%{ endfor }\nEOT"))
	not iam.template_document(testing.unknown("var.policy"))
	not iam.template_document({"Ref": "Policy"})
	not iam.template_document("{}")
}

test_template_body if {
	iam.template_body("<<EOT\nline 1\nline 2\nEOT") == "line 1\nline 2"
	iam.template_body("<<-EOT\n  x\n  EOT") == "  x"
	iam.template_body(`{"a":"${var.b}"}`) == `{"a":"${var.b}"}`
	not iam.template_body("<<EOT\nEOT")
	not iam.template_body("var.policy")
}

test_interpolated_json if {
	iam.interpolated_json(`{"Resource": "arn:aws:s3:::${var.bucket}/*"}`) == {"Resource": "arn:aws:s3:::iac-guard-unknown/*"}
	iam.interpolated_json(`{"a": 1}`) == {"a": 1}
	not iam.interpolated_json(`["a list"]`)
	not iam.interpolated_json(`{"a": ${var.b}}`)
	not iam.interpolated_json(`%{ if var.x }{}%{ endif }`)
	not iam.interpolated_json("")
}

test_document if {
	iam.document(`{"Statement": []}`) == {"Statement": []}
	iam.document({"Statement": []}) == {"Statement": []}
	iam.document(`"just a string"`) == "just a string" # valid JSON; statements() then finds none
	not iam.document("{invalid")
	not iam.document(["Statement"])
	not iam.document(null)
}

test_document_statements if {
	module_doc := object.union(doc_source, {"address": "module.m.data.aws_iam_policy_document.read[0]", "file": "modules/m/iam.tf"})
	statements := iam.document_statements with input as testing.tf([doc_source, module_doc])
	statements == {
		"|data.aws_iam_policy_document.read": {doc_statement},
		"modules/m|module.m.data.aws_iam_policy_document.read": {doc_statement},
	}
	# an unknown statement list gives no entry
	not iam.document_statements["|data.aws_iam_policy_document.odd"] with input as testing.tf([testing.tf_data("aws_iam_policy_document", "odd", {"statement": testing.unknown("var.s")})])
}

test_doc_key if {
	iam.doc_key({"file": "modules/m/main.tf"}, "aws_iam_policy.p") == "modules/m|aws_iam_policy.p"
	iam.doc_key({"file": "main.tf"}, "aws_iam_policy.p") == "|aws_iam_policy.p"
}

test_statement if {
	iam.statement({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*", "Principal": {"Service": "lambda.amazonaws.com"}, "Condition": {"StringEquals": {"AWS:SourceAccount": "1"}, "Bool": {"aws:SecureTransport": "true"}}}) == {
		"effect": "Allow",
		"actions": ["s3:GetObject", "s3:PutObject"],
		"resources": ["arn:aws:s3:::b/*"],
		"principals": [["Service", "lambda.amazonaws.com"]],
		"conditions": ["aws:securetransport", "aws:sourceaccount"],
		"restricted": true, # aws:SourceAccount with a fixed value (keys are case-insensitive)
	}
	iam.statement({}) == {"effect": "", "actions": [], "resources": [], "principals": [], "conditions": [], "restricted": false}
	iam.statement({"Effect": "Allow", "Principal": "*", "Condition": {"StringLike": {"aws:Referer": "https://x/*"}}}) == {
		"effect": "Allow", "actions": [], "resources": [], "principals": [["*", "*"]],
		"conditions": ["aws:referer"],
		"restricted": false, # any caller can send a Referer
	}

	# intrinsics and unknown values in a condition are no condition keys
	iam.statement({"Effect": "Allow", "Condition": {"Fn::If": ["C", {}, {}]}}).conditions == []
	iam.statement({"Effect": "Allow", "Condition": {"Bool": testing.unknown("var.c")}}).conditions == []
	# ... but such a condition counts as restricting: nothing can be concluded from it
	iam.statement({"Effect": "Allow", "Condition": {"Fn::If": ["C", {}, {}]}}).restricted == true
	iam.statement({"Effect": "Allow", "Condition": testing.unknown("var.c")}).restricted == true
	iam.statement({"Effect": "Allow", "Condition": {"StringEquals": {"Fn::If": ["C", {"aws:SourceVpc": "vpc-1"}, {}]}}}).restricted == true
}

test_json_object if {
	iam.json_object({"a": 1}) == {"a": 1}
	iam.json_object("text") == {}
	iam.json_object(["a"]) == {}
	iam.json_object(testing.unknown("var.c")) == {}
	iam.json_object({"Ref": "C"}) == {}
}

test_json_principals if {
	iam.json_principals("*") == [["*", "*"]]
	iam.json_principals({"AWS": ["arn:aws:iam::1:root", "*"]}) == [["AWS", "arn:aws:iam::1:root"], ["AWS", "*"]]
	iam.json_principals({"Service": "ec2.amazonaws.com"}) == [["Service", "ec2.amazonaws.com"]]
	iam.json_principals({}) == []
	iam.json_principals("arn:aws:iam::1:root") == []
	iam.json_principals(testing.unknown("var.p")) == []
	iam.json_principals({"Fn::GetAtt": ["Role", "Arn"]}) == []
}

test_tf_statement if {
	iam.tf_statement(doc_source.values.statement[0]) == doc_statement
	iam.tf_statement({"effect": "Deny", "not_actions": ["iam:*"]}) == {"effect": "Deny", "actions": [], "resources": [], "principals": [], "conditions": [], "restricted": false}
	# a condition on an unknown key is no condition key, but it counts as restricting
	iam.tf_statement({"actions": "s3:*", "principals": testing.unknown("var.p"), "condition": [{"variable": testing.unknown("var.v")}]}) == {"effect": "Allow", "actions": ["s3:*"], "resources": [], "principals": [], "conditions": [], "restricted": true}
	iam.tf_statement({"principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-abc"]}]}) == {"effect": "Allow", "actions": [], "resources": [], "principals": [["AWS", "*"]], "conditions": ["aws:principalorgid"], "restricted": true}
}

test_admin if {
	iam.admin(admin_statement)
	iam.admin({"effect": "Allow", "actions": ["s3:GetObject", "*:*"], "resources": ["arn:x", "*"]})
	not iam.admin({"effect": "Deny", "actions": ["*"], "resources": ["*"]})
	not iam.admin({"effect": "Allow", "actions": ["s3:*"], "resources": ["*"]})
	not iam.admin({"effect": "Allow", "actions": ["*"], "resources": ["arn:aws:s3:::b"]})
}

# Public unless the statement is `restricted` (a condition that limits the caller); a
# condition that restricts no caller (aws:SecureTransport) leaves it public.
test_public if {
	iam.public({"effect": "Allow", "principals": [["*", "*"]], "conditions": [], "restricted": false})
	iam.public({"effect": "Allow", "principals": [["Service", "x"], ["AWS", "*"]], "conditions": [], "restricted": false})
	iam.public({"effect": "Allow", "principals": [["AWS", "*"]], "conditions": ["aws:securetransport"], "restricted": false})
	not iam.public({"effect": "Allow", "principals": [["AWS", "*"]], "conditions": ["aws:sourcevpce"], "restricted": true})
	not iam.public({"effect": "Deny", "principals": [["*", "*"]], "conditions": [], "restricted": false})
	not iam.public({"effect": "Allow", "principals": [["AWS", "arn:aws:iam::1:root"]], "conditions": [], "restricted": false})
	not iam.public({"effect": "Allow", "principals": [["Service", "*"]], "conditions": [], "restricted": false})

	# end to end, from documents
	some open in iam.statements(role_policy, `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}`)
	iam.public(open)
	some vpce in iam.statements(role_policy, `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}]}`)
	not iam.public(vpce)
	some if_exists in iam.statements(role_policy, `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}}]}`)
	iam.public(if_exists)
}

test_json_restricted if {
	iam.json_restricted({"StringEquals": {"aws:SourceVpc": "vpc-1"}}) == true
	iam.json_restricted({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}}) == true
	iam.json_restricted({"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalOrgID": "o-1"}}) == true
	iam.json_restricted({"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}) == true # unknown value
	iam.json_restricted({"Fn::If": ["C", {}, {}]}) == true
	iam.json_restricted(testing.unknown("var.condition")) == true
	iam.json_restricted({"StringEquals": {"Fn::If": ["C", {"aws:SourceVpc": "vpc-1"}, {"Ref": "AWS::NoValue"}]}}) == true
	iam.json_restricted({"Bool": testing.unknown("var.keys")}) == true
	iam.json_restricted({}) == false
	iam.json_restricted({"Bool": {"aws:SecureTransport": "true"}}) == false
	iam.json_restricted({"StringNotEquals": {"aws:SourceVpc": "vpc-1"}}) == false
	iam.json_restricted({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}}) == false
	iam.json_restricted({"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-1/r-1/"]}}) == false
	iam.json_restricted({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}) == false
	iam.json_restricted({"StringLike": {"aws:PrincipalArn": "*"}}) == false
	iam.json_restricted({"StringEquals": {"aws:SourceVpc": []}}) == false
	iam.json_restricted("text") == false
	iam.json_restricted({"StringEquals": "aws:SourceVpc"}) == false
}

test_tf_restricted if {
	iam.tf_restricted([{"test": "StringEquals", "variable": "aws:SourceVpce", "values": ["vpce-1"]}]) == true
	iam.tf_restricted([{"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]}, {"test": "ArnLike", "variable": "aws:SourceArn", "values": ["arn:aws:sns:*:1:t"]}]) == true
	iam.tf_restricted([{"test": testing.unknown("var.test"), "variable": "aws:Referer", "values": ["x"]}]) == true
	iam.tf_restricted([{"test": "StringEquals", "variable": "aws:SourceAccount", "values": testing.unknown("var.accounts")}]) == true
	iam.tf_restricted([]) == false
	iam.tf_restricted(testing.unknown("var.conditions")) == true
	iam.tf_restricted([{"test": "StringEquals", "variable": "aws:SourceVpce"}]) == false # no values
	iam.tf_restricted([{"test": "StringNotLike", "variable": "aws:SourceVpce", "values": ["vpce-1"]}]) == false
	iam.tf_restricted(["not an object"]) == false
}

test_restricting if {
	iam.restricting("StringEquals", "AWS:SourceAccount", "123456789012")
	iam.restricting("ArnLike", "aws:SourceArn", ["arn:aws:cloudtrail:*:1:trail/t"])
	iam.restricting(testing.unknown("var.op"), "aws:Referer", "x")
	iam.restricting("StringEquals", testing.unknown("var.key"), "x")
	iam.restricting("StringEquals", "aws:SourceVpc", testing.unknown("var.vpc"))
	not iam.restricting("StringEquals", "aws:Referer", "https://x")
	not iam.restricting("StringEquals", "aws:SourceVpc", "*")
	not iam.restricting("Null", "aws:SourceVpc", "false")
	not iam.restricting(3, "aws:SourceVpc", "vpc-1")
	not iam.restricting("StringEquals", 3, "vpc-1")
}

test_caller_keys if {
	iam.caller_keys["aws:sourceip"]
	iam.caller_keys["aws:principalorgid"]
	not iam.caller_keys["aws:securetransport"]
	not iam.caller_keys["aws:referer"]
	not iam.caller_keys["aws:SourceIp"] # lower case only: callers lower the key first
}

test_affirmative if {
	iam.affirmative("StringEquals")
	iam.affirmative("ForAnyValue:StringLike")
	iam.affirmative("IpAddress")
	not iam.affirmative("StringNotEquals")
	not iam.affirmative("NotIpAddress")
	not iam.affirmative("ArnEqualsIfExists")
	not iam.affirmative("ForAllValues:StringEquals")
	not iam.affirmative("Null")
}

test_fixed if {
	iam.fixed("aws:sourcevpc", "vpc-1")
	iam.fixed("aws:sourceip", ["10.0.0.0/8"])
	iam.fixed("aws:sourceaccount", testing.unknown("var.account"))
	not iam.fixed("aws:sourcevpc", [])
	not iam.fixed("aws:sourcevpc", ["vpc-1", "*"])
	not iam.fixed("aws:sourcevpc", "")
	not iam.fixed("aws:sourceip", ["10.0.0.0/8", "::/0"])
	iam.fixed("aws:sourcevpc", "0.0.0.0/0") # a world CIDR is a wildcard only for the IP keys
}

test_wildcard if {
	iam.wildcard("aws:sourcevpc", "*")
	iam.wildcard("aws:sourcevpc", "")
	iam.wildcard("aws:sourceip", "0.0.0.0/0")
	iam.wildcard("aws:vpcsourceip", "10.0.0.0/0")
	not iam.wildcard("aws:sourceip", "10.0.0.0/8")
	not iam.wildcard("aws:sourcearn", "0.0.0.0/0")
	not iam.wildcard("aws:sourcevpc", "vpc-*") # a pattern with a fixed part names something
}

test_mfa_condition if {
	iam.mfa_condition({"conditions": ["aws:multifactorauthpresent"]})
	iam.mfa_condition({"conditions": ["aws:sourceip", "aws:multifactorauthage"]})
	not iam.mfa_condition({"conditions": ["aws:sourceip"]})
	not iam.mfa_condition({"conditions": []})
}
