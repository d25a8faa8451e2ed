package iac_guard.azure.defender.pricing_tier_test

import data.iac_guard.azure.defender.pricing_tier
import data.iac_guard.testing
import rego.v1

pricing(name, values) := testing.tf_resource("azurerm_security_center_subscription_pricing", name, values)

test_free_tier_is_denied if {
	pricing_tier.deny == {{
		"msg": "Defender for Cloud plan StorageAccounts (azurerm_security_center_subscription_pricing.storage) is on the Free tier",
		"resource": "azurerm_security_center_subscription_pricing.storage",
		"file": "main.tf",
		"attribute": "tier",
	}} with input as testing.tf([pricing("storage", {"tier": "Free", "resource_type": "StorageAccounts"})])
}

test_default_resource_type_is_named if {
	{f.msg | some f in pricing_tier.deny} == {"Defender for Cloud plan VirtualMachines (azurerm_security_center_subscription_pricing.vm) is on the Free tier"} with input as testing.tf([pricing("vm", {"tier": "free"})])
}

test_standard_or_unknown_passes if {
	count(pricing_tier.deny) == 0 with input as testing.tf([
		pricing("a", {"tier": "Standard", "resource_type": "KeyVaults"}),
		pricing("b", {"tier": testing.unknown("var.tier")}),
	])
}
