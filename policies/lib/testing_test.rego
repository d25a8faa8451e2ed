# Builders for policy unit tests: inputs in the shape iac-guard gives policies.
# Import with `import data.iac_guard.testing`. (A *_test.rego file, so scans skip it.)
package iac_guard.testing

import rego.v1

# A Terraform managed resource in main.tf; `values` as `terraform show -json` gives them.
tf_resource(rtype, name, values) := {
	"address": sprintf("%s.%s", [rtype, name]),
	"type": rtype,
	"name": name,
	"mode": "managed",
	"module": "",
	"file": "main.tf",
	"line": 1,
	"values": values,
}

# A Terraform data source.
tf_data(rtype, name, values) := object.union(tf_resource(rtype, name, values), {
	"address": sprintf("data.%s.%s", [rtype, name]),
	"mode": "data",
})

# A CloudFormation resource in template.yaml.
cfn_resource(rtype, logical_id, properties) := {
	"address": logical_id,
	"type": rtype,
	"name": logical_id,
	"mode": "resource",
	"module": "",
	"file": "template.yaml",
	"line": 1,
	"values": properties,
}

tf(resources) := {"kind": "terraform", "resources": resources, "files": {}}

cfn(resources) := {"kind": "cloudformation", "resources": resources, "files": {}}

# A value iac-guard could not resolve (`var.x`, `aws_s3_bucket.b.id`).
unknown(expression) := {"__unknown__": expression}

# The addresses a rule's findings name.
addresses(findings) := {f.resource | some f in findings}

# [address, attribute] of each finding.
located(findings) := {[f.resource, f.attribute] | some f in findings}
