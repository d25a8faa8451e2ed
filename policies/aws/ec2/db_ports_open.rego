# METADATA
# title: Security group exposes a database port to the internet
# description: >-
#   Database and cache ports (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521,
#   MongoDB 27017, Redis 6379, Elasticsearch 9200/9300, Cassandra 9042, Memcached 11211,
#   CouchDB 5984) reachable from 0.0.0.0/0 or ::/0 are scanned and attacked within minutes.
#   Rules open on every port are reported by IAC-AWS-SG-004 instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html
# custom:
#   id: IAC-AWS-SG-003
#   severity: high
#   remediation: >-
#     Allow the database port only from the application's security group
#     (`source_security_group_id` / `referenced_security_group_id` in Terraform,
#     `SourceSecurityGroupId` in CloudFormation) or private CIDRs, never 0.0.0.0/0 or ::/0.
#   resource_types:
#     - aws_security_group
#     - aws_default_security_group
#     - aws_security_group_rule
#     - aws_vpc_security_group_ingress_rule
#     - AWS::EC2::SecurityGroup
#     - AWS::EC2::SecurityGroupIngress
#   forms:
#     - >-
#       the rule forms of IAC-AWS-SG-001 for database ports 1433, 1521, 3306, 5432, 5984,
#       6379, 9042, 9200, 9300, 11211, 27017 over TCP
#   not_flagged:
#     - >-
#       rules open on every port: IAC-AWS-SG-004 reports them, once
package iac_guard.aws.ec2.db_ports_open

import data.iac_guard.lib
import data.iac_guard.lib_network as network
import rego.v1

db_ports := [1433, 1521, 3306, 5432, 5984, 6379, 9042, 9200, 9300, 11211, 27017]

open_everywhere := network.world_all_ports("aws")

# Per [resource, attribute], the database ports its rule exposes.
exposed[rule] contains port if {
	some port in db_ports
	some rule in network.world_ingress("aws", port)
	not open_everywhere[rule]
}

deny contains result if {
	some [r, attr], found in exposed
	ports := sort(found)
	result := lib.finding(r, sprintf("%s allows database port(s) %s from the internet", [r.address, concat(", ", [sprintf("%d", [p]) | some p in ports])]), attr)
}
