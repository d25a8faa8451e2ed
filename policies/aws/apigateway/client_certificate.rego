# METADATA
# title: API Gateway REST stage has no client certificate for its backend
# description: >-
#   Without a client certificate, the HTTP backend behind a REST API cannot verify that
#   requests come from API Gateway rather than from anyone who found the backend's
#   address.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
# custom:
#   id: IAC-AWS-APIGATEWAY-007
#   severity: low
#   remediation: >-
#     Terraform: create an `aws_api_gateway_client_certificate` and set
#     `client_certificate_id` on the `aws_api_gateway_stage`; configure the backend to
#     require it. CloudFormation: set `ClientCertificateId` (`!Ref` an
#     `AWS::ApiGateway::ClientCertificate`) on the `AWS::ApiGateway::Stage` (or
#     `StageDescription.ClientCertificateId` on a deployment that creates its stage).
#   frameworks: [AWS-FSBP-APIGateway.2]
#   forms:
#     - 'Terraform `aws_api_gateway_stage.client_certificate_id`: absent, null or ""'
#     - 'CloudFormation `AWS::ApiGateway::Stage` `ClientCertificateId` and `AWS::ApiGateway::Deployment` (with `StageName`) `StageDescription.ClientCertificateId`: absent or ""'
#   not_flagged:
#     - Unknown values; HTTP and WebSocket (v2) stages, which have no client certificates.
#     - 'Stages whose integrations are all Lambda or AWS services, for which a certificate is moot: the scan does not follow integrations, so such stages are flagged (low severity) and can be waived.'
package iac_guard.aws.apigateway.client_certificate

import data.iac_guard.lib
import rego.v1

missing(values, key) if not lib.has_key(values, key)

missing(values, key) if values[key] in {null, ""}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_api_gateway_stage")
	missing(r.values, "client_certificate_id")
	result := lib.finding(r, sprintf("API Gateway stage %s has no client certificate for its backend", [r.address]), "client_certificate_id")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Stage")
	missing(r.values, "ClientCertificateId")
	result := lib.finding(r, sprintf("API Gateway stage %s has no client certificate for its backend", [r.address]), "ClientCertificateId")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::ApiGateway::Deployment")
	r.values.StageName != null
	r.values.StageName != ""
	not lib.is_unknown(r.values.StageDescription)
	missing(lib.block_or_empty(r.values, "StageDescription"), "ClientCertificateId")
	result := lib.finding(r, sprintf("API Gateway deployment %s creates a stage without a client certificate", [r.address]), "StageDescription.ClientCertificateId")
}
