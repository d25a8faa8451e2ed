package iac_guard.aws.transfer.ftp_test

import data.iac_guard.aws.transfer.ftp
import data.iac_guard.testing
import rego.v1

test_ftp_server_is_denied if {
	ftp.deny == {{
		"msg": "Transfer Family server aws_transfer_server.partners accepts plain FTP",
		"resource": "aws_transfer_server.partners",
		"file": "main.tf",
		"attribute": "protocols",
	}} with input as testing.tf([testing.tf_resource("aws_transfer_server", "partners", {"protocols": ["SFTP", "FTP"]})])
}

test_terraform_forms if {
	testing.addresses(ftp.deny) == {"aws_transfer_server.lower"} with input as testing.tf([
		testing.tf_resource("aws_transfer_server", "lower", {"protocols": ["ftp"]}),
		testing.tf_resource("aws_transfer_server", "sftp", {"protocols": ["SFTP", "FTPS"]}),
		testing.tf_resource("aws_transfer_server", "default", {}),
		testing.tf_resource("aws_transfer_server", "var", {"protocols": testing.unknown("var.protocols")}),
	])
}

test_cloudformation_forms if {
	testing.located(ftp.deny) == {["Ftp", "Protocols"]} with input as testing.cfn([
		testing.cfn_resource("AWS::Transfer::Server", "Ftp", {"Protocols": ["FTP"]}),
		testing.cfn_resource("AWS::Transfer::Server", "Sftp", {"Protocols": ["SFTP"]}),
		testing.cfn_resource("AWS::Transfer::Server", "Param", {"Protocols": {"Ref": "Protocols"}}),
	])
}
