# METADATA
# title: CodeBuild project runs builds in privileged mode
# description: >-
#   Privileged mode gives the build container root on the build host's Docker daemon.
#   Anything the build runs (a dependency's install script, a pull request's code) can
#   then escape the container. Keep it for projects that must build Docker images.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html
# custom:
#   id: IAC-AWS-CODEBUILD-001
#   severity: medium
#   remediation: >-
#     Set `privileged_mode = false` in the `environment` block of the
#     `aws_codebuild_project` (CloudFormation `Environment.PrivilegedMode: false`), or
#     build images with a daemonless tool (kaniko, buildah) instead.
#   frameworks: [AWS-FSBP-CodeBuild.5]
#   forms:
#     - 'Terraform `environment { privileged_mode = true }` (boolean or "true"); CloudFormation `Environment.PrivilegedMode`'
#   not_flagged:
#     - 'The default (absent: not privileged) and values that cannot be resolved'
package iac_guard.aws.codebuild.privileged_mode

import data.iac_guard.lib
import rego.v1

deny contains result if {
	lib.is_terraform
	some r in lib.managed("aws_codebuild_project")
	lib.is_true(lib.block(r.values, "environment").privileged_mode)
	result := lib.finding(r, sprintf("CodeBuild project %s runs builds in privileged mode", [r.address]), "environment.0.privileged_mode")
}

deny contains result if {
	lib.is_cloudformation
	some r in lib.resources("AWS::CodeBuild::Project")
	lib.is_true(r.values.Environment.PrivilegedMode)
	result := lib.finding(r, sprintf("CodeBuild project %s runs builds in privileged mode", [r.address]), "Environment.PrivilegedMode")
}
