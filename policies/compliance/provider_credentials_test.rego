package iac_guard.compliance.provider_credentials_test

import data.iac_guard.compliance.provider_credentials
import data.iac_guard.testing
import rego.v1

files(providers) := object.union(testing.tf([]), {"files": {"providers.tf": {"provider": providers}}})

test_hard_coded_aws_keys_are_denied if {
	provider_credentials.deny == {
		{
			"msg": "provider aws.plain in providers.tf has a hard-coded access_key",
			"resource": "provider.aws.plain",
			"file": "providers.tf",
			"attribute": "access_key",
		},
		{
			"msg": "provider aws.plain in providers.tf has a hard-coded secret_key",
			"resource": "provider.aws.plain",
			"file": "providers.tf",
			"attribute": "secret_key",
		},
	} with input as files({"aws": [
		{"region": "eu-west-1"},
		{"alias": "plain", "region": "us-west-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
	]})
}

test_azure_client_secret_is_denied if {
	testing.located(provider_credentials.deny) == {["provider.azurerm", "client_secret"]} with input as files({"azurerm": {"features": {}, "client_id": "00000000-0000-0000-0000-000000000000", "client_secret": "s3cr3t~value"}})
}

test_variables_and_environment_pass if {
	count(provider_credentials.deny) == 0 with input as files({
		"aws": {"region": "eu-west-1", "access_key": "${var.access_key}", "secret_key": "${var.secret_key}"},
		"google": {"credentials": "${file(var.credentials_file)}", "project": "p"},
	})
}
