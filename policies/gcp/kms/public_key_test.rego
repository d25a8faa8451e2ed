package iac_guard.gcp.kms.public_key_test

import data.iac_guard.gcp.kms.public_key
import data.iac_guard.testing
import rego.v1

test_public_key_member_is_denied if {
	public_key.deny == {{
		"msg": "google_kms_crypto_key_iam_member.public grants roles/cloudkms.cryptoKeyEncrypterDecrypter to allUsers",
		"resource": "google_kms_crypto_key_iam_member.public",
		"file": "main.tf",
		"attribute": "member",
	}} with input as testing.tf([testing.tf_resource("google_kms_crypto_key_iam_member", "public", {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member": "allUsers"})])
}

test_every_form_is_denied if {
	testing.located(public_key.deny) == {
		["google_kms_key_ring_iam_binding.ring", "members"],
		["google_kms_crypto_key_iam_policy.p", "policy_data"],
	} with input as testing.tf([
		testing.tf_resource("google_kms_key_ring_iam_binding", "ring", {"role": "roles/cloudkms.viewer", "members": ["allAuthenticatedUsers"]}),
		testing.tf_resource("google_kms_crypto_key_iam_policy", "p", {"policy_data": testing.unknown("data.google_iam_policy.kms.policy_data")}),
		testing.tf_data("google_iam_policy", "kms", {"binding": [{"role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["allUsers"]}]}),
	])
}

test_named_members_pass if {
	count(public_key.deny) == 0 with input as testing.tf([
		testing.tf_resource("google_kms_crypto_key_iam_member", "a", {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member": "serviceAccount:app@acme.iam.gserviceaccount.com"}),
		testing.tf_resource("google_kms_key_ring_iam_binding", "b", {"role": "roles/cloudkms.viewer", "members": [testing.unknown("var.member")]}),
	])
}
