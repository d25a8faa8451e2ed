# METADATA
# title: CloudFront distribution accepts TLS older than 1.2
# description: >-
#   With a custom certificate, `minimum_protocol_version` decides the oldest TLS viewers
#   may use; TLSv1, TLSv1_2016, TLSv1.1_2016 and SSLv3 (and the TLSv1 default) allow
#   protocols with known weaknesses.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: IAC-AWS-CF-002
#   severity: medium
#   remediation: >-
#     Set `viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }`
#     (CloudFormation `ViewerCertificate.MinimumProtocolVersion: TLSv1.2_2021`).
package iac_guard.aws.cloudfront.tls_version

import data.iac_guard.lib
import rego.v1

old_versions := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudfront_distribution")
	cert := lib.block(r.values, "viewer_certificate")
	not lib.is_true(cert.cloudfront_default_certificate)
	version := object.get(cert, "minimum_protocol_version", "TLSv1")
	old_versions[version]
	result := lib.finding(r, sprintf("CloudFront distribution %s accepts %s", [r.address, version]), "viewer_certificate.0.minimum_protocol_version")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	cert := r.values.DistributionConfig.ViewerCertificate
	not lib.is_true(cert.CloudFrontDefaultCertificate)
	version := object.get(cert, "MinimumProtocolVersion", "TLSv1")
	old_versions[version]
	result := lib.finding(r, sprintf("CloudFront distribution %s accepts %s", [r.address, version]), "DistributionConfig.ViewerCertificate.MinimumProtocolVersion")
}
