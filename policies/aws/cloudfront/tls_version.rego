# METADATA
# title: CloudFront distribution accepts TLS older than 1.2
# description: >-
#   With a custom certificate, `minimum_protocol_version` decides the oldest TLS viewers
#   may use; TLSv1, TLSv1_2016, TLSv1.1_2016 and SSLv3 (and the TLSv1 default) allow
#   protocols with known weaknesses. The default *.cloudfront.net certificate always
#   accepts TLSv1, and its minimum cannot be raised.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: IAC-AWS-CF-002
#   severity: medium
#   remediation: >-
#     Set `viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }`
#     (CloudFormation `ViewerCertificate.MinimumProtocolVersion: TLSv1.2_2021`).
#   forms:
#     - >-
#       `viewer_certificate.minimum_protocol_version` (absent: TLSv1) with a custom
#       certificate (`acm_certificate_arn`, `iam_certificate_id`)
#     - >-
#       the default certificate (`cloudfront_default_certificate = true`) or no viewer
#       certificate at all: always TLSv1, reported as such
#     - >-
#       CloudFormation `DistributionConfig.ViewerCertificate` (`MinimumProtocolVersion`,
#       `CloudFrontDefaultCertificate`) and a `DistributionConfig` without one
#   not_flagged:
#     - >-
#       `TLSv1.2_2018`, `TLSv1.2_2019`, `TLSv1.2_2021` and later
#     - >-
#       a certificate or version given by an unknown value or a CloudFormation `Fn::If`
package iac_guard.aws.cloudfront.tls_version

import data.iac_guard.lib
import rego.v1

old_versions := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

# The default *.cloudfront.net certificate (`cloudfront_default_certificate = true`,
# `CloudFrontDefaultCertificate: true`, or no viewer certificate at all) always accepts
# TLSv1: its minimum protocol version cannot be raised, whatever
# `minimum_protocol_version` says. Reported as such, at medium like the rest.
default_message(r) := sprintf("CloudFront distribution %s uses the default CloudFront certificate, which accepts TLSv1", [r.address])

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudfront_distribution")
	cert := lib.block(r.values, "viewer_certificate")
	not lib.is_unknown(cert)
	not lib.is_true(cert.cloudfront_default_certificate)
	not lib.is_unknown(object.get(cert, "minimum_protocol_version", null))
	version := object.get(cert, "minimum_protocol_version", "TLSv1")
	old_versions[version]
	result := lib.finding(r, sprintf("CloudFront distribution %s accepts %s", [r.address, version]), "viewer_certificate.0.minimum_protocol_version")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudfront_distribution")
	cert := lib.block(r.values, "viewer_certificate")
	lib.is_true(cert.cloudfront_default_certificate)
	not custom_certificate(cert, "acm_certificate_arn", "iam_certificate_id")
	result := lib.finding(r, default_message(r), "viewer_certificate.0.cloudfront_default_certificate")
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_cloudfront_distribution")
	not lib.has_block(r.values, "viewer_certificate")
	not lib.is_unknown(object.get(r.values, "viewer_certificate", null))
	result := lib.finding(r, default_message(r), "viewer_certificate")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	cert := r.values.DistributionConfig.ViewerCertificate
	is_object(cert)
	not lib.is_unknown(cert)
	not lib.is_true(cert.CloudFrontDefaultCertificate)
	not lib.is_unknown(object.get(cert, "MinimumProtocolVersion", null))
	version := object.get(cert, "MinimumProtocolVersion", "TLSv1")
	old_versions[version]
	result := lib.finding(r, sprintf("CloudFront distribution %s accepts %s", [r.address, version]), "DistributionConfig.ViewerCertificate.MinimumProtocolVersion")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	cert := r.values.DistributionConfig.ViewerCertificate
	lib.is_true(cert.CloudFrontDefaultCertificate)
	not custom_certificate(cert, "AcmCertificateArn", "IamCertificateId")
	result := lib.finding(r, default_message(r), "DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CloudFront::Distribution")
	config := r.values.DistributionConfig
	is_object(config)
	not lib.is_unknown(config)
	not lib.has_key(config, "ViewerCertificate")
	result := lib.finding(r, default_message(r), "DistributionConfig")
}

# A certificate of your own named beside the default flag (an invalid mix the API
# rejects): judged by its minimum version instead, not twice.
custom_certificate(cert, acm, iam) if lib.is_set(cert, acm)

custom_certificate(cert, acm, iam) if lib.is_set(cert, iam)
