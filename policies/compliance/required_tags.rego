# METADATA
# title: Resource is missing required tags
# description: >-
#   Data stores and compute must carry the organisation's required tags (by default
#   owner, environment and data-classification) so that every resource has an
#   accountable owner and a known data classification. Tags set by the AWS provider's
#   `default_tags` (or the Google provider's `default_labels`) count. The required tags
#   and the resource types checked are `required_tags` and `taggable_types` of
#   data.iac_guard_settings (policies/data.yaml, or a data.yaml in your --policy-dir).
# related_resources:
#   - ref: https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html
# custom:
#   id: IAC-GEN-TAG-001
#   severity: low
#   kinds: [terraform, cloudformation] # the types are data (taggable_types), not named here
#   remediation: >-
#     Add the missing keys to `tags` (Google: `labels`; CloudFormation: `Tags`), or set
#     them once in the AWS provider's `default_tags { tags = {...} }`.
#   forms:
#     - >-
#       the tags required by `data.iac_guard_settings.required_tags` on the taggable types:
#       Terraform `tags` / GCP `labels` maps, CloudFormation `Tags` Key/Value lists (and
#       the `FileSystemTags`, `BackupVaultTags`, `UserPoolTags` of EFS, Backup vaults and
#       Cognito user pools), provider `default_tags` / `default_labels` of the root module
#   not_flagged:
#     - >-
#       resources whose tags are unknown as a whole (`tags = var.tags`, `merge()` over an
#       unknown)
#     - >-
#       tag values: any non-empty value passes
package iac_guard.compliance.required_tags

import data.iac_guard.lib
import data.iac_guard.lib_compliance.required_tags as required
import data.iac_guard.lib_compliance.taggable_types
import rego.v1

# Provider blocks of a provider name, with the directory of the file that declares them
# (a root module's providers apply to it and to every module it calls).
providers(name) := [[lib.dir(path), p] |
	some path, doc in input.files
	is_object(doc)
	some p in lib.as_array(object.get(object.get(doc, "provider", {}), name, []))
	is_object(p)
]

# Keys of the default tags (labels) providers of each directory add to every resource of
# their family; "*" when a provider's defaults are an expression iac-guard cannot see into.
provider_defaults[scope] contains key if {
	some [fam, provider, attr] in [["aws", "aws", "default_tags"], ["google", "google", "default_labels"]]
	some [directory, p] in providers(provider)
	some entry in lib.as_array(object.get(p, attr, []))
	some key in default_keys(fam, entry)
	scope := concat("|", [directory, fam])
}

default_keys("aws", entry) := {k | some k, _ in entry.tags} if is_object(entry.tags)

default_keys("aws", entry) := {"*"} if not is_object(entry.tags)

default_keys("google", labels) := {k | some k, _ in labels} if is_object(labels)

default_keys("google", labels) := {"*"} if not is_object(labels)

family(rtype) := "aws" if {
	startswith(rtype, "aws_")
} else := "google" if {
	startswith(rtype, "google_")
}

# `tags` is lib.tags(r), computed once per resource by the caller.
# one definition with else branches: Rego evaluates every definition of a function on
# each call, and these run per resource and required tag
has_tag(tags, defaults, key) if {
	tags[key] != ""
} else := true if {
	key in defaults
} else := true if {
	"*" in defaults
}

# The keys the resource's provider block gives every resource (looked up once per
# resource, not once per required key): none for a provider without defaults.
defaults_of(r) := keys if {
	keys := provider_defaults[concat("|", [provider_dir(r), family(r.type)])]
} else := set()

# The directory whose provider blocks configure resource `r`: its root module's ("" for
# the scan root). Without a known root (a plan), the resource's own directory.
provider_dir(r) := "" if {
	r.root == "."
} else := r.root if {
	is_string(r.root)
	r.root != ""
} else := lib.dir(r.file)

attribute(r) := lib.tag_property(r) if {
	lib.is_cloudformation
} else := "labels" if {
	lib.is_terraform
	startswith(r.type, "google_")
} else := "tags" if {
	lib.is_terraform
}

deny contains result if {
	some rtype in taggable_types
	some r in lib.managed(rtype)
	not lib.tags_unknown(r)
	tags := lib.tags(r)
	defaults := defaults_of(r)
	missing := [key | some key in required; not has_tag(tags, defaults, key)]
	count(missing) > 0
	result := lib.finding(r, sprintf("%s is missing required tags: %s", [r.address, concat(", ", missing)]), attribute(r))
}
