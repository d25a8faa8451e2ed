# METADATA
# title: Database firewall rule allows every IP address
# description: >-
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 (or any range of half
#   the address space or more) lets any host on the internet try to log in to the
#   database server; the 0.0.0.0 - 0.0.0.0 rule ("Allow Azure services") admits every
#   Azure-hosted client, other customers' included.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
# custom:
#   id: IAC-AZ-SQL-001
#   severity: critical
#   remediation: >-
#     Narrow `start_ip_address` / `end_ip_address` to the addresses that need the
#     database, or use private endpoints / virtual network rules instead of firewall rules.
#   frameworks: [CIS-AZURE-4.1.2]
#   kinds: [terraform]
#   forms:
#     - >-
#       `start_ip_address` / `end_ip_address` covering the whole IPv4 space
#       (0.0.0.0 - 255.255.255.255) or half of it or more, on SQL, MSSQL, PostgreSQL (single
#       and flexible), MySQL (single and flexible) and MariaDB firewall rules
#     - >-
#       the 0.0.0.0 - 0.0.0.0 rule ("Allow Azure services"), reported with its own message
#       (CIS 4.1.2)
#   not_flagged:
#     - >-
#       narrower public ranges (an office, a partner): they are the point of firewall
#       rules
#     - >-
#       unknown addresses (variables without default)
package iac_guard.azure.sql.firewall_open

import data.iac_guard.lib
import rego.v1

firewall_rule_types := [
	"azurerm_sql_firewall_rule",
	"azurerm_mssql_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

# An IPv4 address as a number; undefined unless it is a dotted quad.
ip_number(ip) := n if {
	is_string(ip)
	regex.match(`^\s*[0-9]{1,3}(\.[0-9]{1,3}){3}\s*$`, ip)
	parts := [to_number(p) | some p in split(trim_space(ip), ".")]
	every p in parts {
		p <= 255
	}
	n := ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3]
}

# [start, end] of a rule whose addresses are both known.
range(values) := [ip_number(values.start_ip_address), ip_number(values.end_ip_address)]

# Half the IPv4 space or more: the rule is open to the internet in all but name
# (0.0.0.0-255.255.255.255, 1.0.0.0-255.255.255.255, 0.0.0.0-223.255.255.255...).
half_space := 2147483648

deny contains result if {
	some rtype in firewall_rule_types
	some r in lib.managed(rtype)
	[start, end] := range(r.values)
	end - start + 1 >= half_space
	what := internet_message(start, end, r.values)
	result := lib.finding(r, sprintf("firewall rule %s allows %s", [r.address, what]), "end_ip_address")
}

internet_message(start, end, _) := "every IP address" if {
	start == 0
	end == 4294967295
}

internet_message(start, end, values) := sprintf("most of the internet (%s - %s)", [values.start_ip_address, values.end_ip_address]) if {
	not all_addresses(start, end)
}

all_addresses(start, end) if {
	start == 0
	end == 4294967295
}

# 0.0.0.0 - 0.0.0.0 is Azure's "Allow Azure services and resources to access this
# server": every Azure-hosted client, other customers' included (CIS 4.1.2 asks for it
# to be off).
deny contains result if {
	some rtype in firewall_rule_types
	some r in lib.managed(rtype)
	[0, 0] == range(r.values)
	result := lib.finding(r, sprintf("firewall rule %s allows every Azure service, other tenants' included (0.0.0.0 - 0.0.0.0)", [r.address]), "start_ip_address")
}
