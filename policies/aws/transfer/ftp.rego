# METADATA
# title: Transfer Family server accepts plain FTP
# description: >-
#   FTP sends user names, passwords and files unencrypted; a server that offers it lets
#   credentials and data be read on the network path.
# related_resources:
#   - ref: https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html
# custom:
#   id: IAC-AWS-TRANSFER-001
#   severity: high
#   remediation: >-
#     Terraform: remove "FTP" from `protocols` of the `aws_transfer_server` (use "SFTP" or
#     "FTPS"). CloudFormation: remove `FTP` from `Protocols` of the `AWS::Transfer::Server`.
#   frameworks: [AWS-FSBP-Transfer.2]
#   forms:
#     - 'Terraform `aws_transfer_server.protocols`: a list holding "FTP" (any case)'
#     - 'CloudFormation `AWS::Transfer::Server` `Protocols`: a list holding FTP'
#   not_flagged:
#     - 'An absent list (SFTP only by default), FTPS, and unknown lists or elements.'
package iac_guard.aws.transfer.ftp

import data.iac_guard.lib
import rego.v1

ftp(protocols) if {
	some p in lib.items(protocols)
	lib.lowercase(p) == "ftp"
}

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_transfer_server")
	ftp(r.values.protocols)
	result := lib.finding(r, sprintf("Transfer Family server %s accepts plain FTP", [r.address]), "protocols")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::Transfer::Server")
	ftp(r.values.Protocols)
	result := lib.finding(r, sprintf("Transfer Family server %s accepts plain FTP", [r.address]), "Protocols")
}
