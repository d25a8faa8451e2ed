# METADATA
# title: Route 53 public hosted zone is not signed with DNSSEC
# description: >-
#   Without DNSSEC, resolvers cannot tell a genuine answer for the zone from a forged
#   one: cache poisoning and on-path attackers can redirect the domain's users.
# related_resources:
#   - ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html
# custom:
#   id: IAC-AWS-R53-002
#   severity: low
#   remediation: >-
#     Add an `aws_route53_key_signing_key` and an `aws_route53_hosted_zone_dnssec` with
#     `hosted_zone_id` set to the zone (and `signing_status = "SIGNING"`, the default);
#     CloudFormation `AWS::Route53::KeySigningKey` and `AWS::Route53::DNSSEC` with
#     `HostedZoneId: !Ref Zone`. Then publish the DS record at the registrar.
#   forms:
#     - 'Terraform `aws_route53_hosted_zone_dnssec.hosted_zone_id` as a reference to the zone or to an `aws_route53_key_signing_key` (followed to its `hosted_zone_id`), and `signing_status = "NOT_SIGNING"` on it (reported on the DNSSEC resource)'
#     - 'CloudFormation `AWS::Route53::DNSSEC.HostedZoneId` as `!Ref Zone` / `Fn::GetAtt Zone.Id`'
#     - 'Public zones only: Terraform zones without `vpc` blocks, CloudFormation zones without `VPCs`'
#   not_flagged:
#     - 'Private hosted zones, where Route 53 does not support DNSSEC signing'
#     - 'Zones in a root module (template) where some DNSSEC resource''s zone cannot be resolved (a variable, a literal id)'
package iac_guard.aws.route53.dnssec

import data.iac_guard.aws.route53.query_logging
import data.iac_guard.lib
import rego.v1

dnssec_types := [["aws_route53_hosted_zone_dnssec", "hosted_zone_id"], ["AWS::Route53::DNSSEC", "HostedZoneId"]]

zone_keys := {lib.address_key(z) | some rtype in ["aws_route53_zone", "AWS::Route53::HostedZone"]; some z in lib.resources(rtype)}

# The zone a key signing key belongs to: Terraform's own example points
# `aws_route53_hosted_zone_dnssec.hosted_zone_id` at the key signing key's
# `hosted_zone_id`, so a reference to the key is followed to its zone.
ksk_zone[lib.address_key(k)] := zone if {
	some k in lib.resources("aws_route53_key_signing_key")
	some zone in lib.pointer_keys(k, k.values.hosted_zone_id)
}

zone_of(key) := ksk_zone[key]

zone_of(key) := key if not ksk_zone[key]

signed contains zone_of(key) if {
	some [rtype, attr] in dnssec_types
	some d in lib.resources(rtype)
	not lib.lowercase(d.values.signing_status) == "not_signing"
	some key in lib.pointer_keys(d, d.values[attr])
}

uncertain contains lib.scope(d) if {
	some [rtype, attr] in dnssec_types
	some d in lib.resources(rtype)
	not resolves(d, object.get(d.values, attr, null))
}

resolves(d, value) if {
	lib.is_unknown(value)
	zone_keys[zone_of(lib.scoped(d, lib.reference_target(d, value)))]
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_route53_zone")
	query_logging.public_tf(r.values)
	not uncertain[lib.scope(r)]
	not signed[lib.address_key(r)]
	result := lib.finding(r, sprintf("Route 53 public hosted zone %s is not signed with DNSSEC", [r.address]), "")
}

deny contains result if {
	lib.is_terraform
	some d in lib.managed("aws_route53_hosted_zone_dnssec")
	lib.lowercase(d.values.signing_status) == "not_signing"
	result := lib.finding(d, sprintf("%s turns DNSSEC signing off", [d.address]), "signing_status")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Route53::HostedZone")
	query_logging.public_cfn(r.values)
	not uncertain[lib.scope(r)]
	not signed[lib.address_key(r)]
	result := lib.finding(r, sprintf("Route 53 public hosted zone %s is not signed with DNSSEC", [r.address]), "")
}
