"""The Dagster definitions: one op per stage, parse ops derived from the parser registry."""

from __future__ import annotations

from iac_guard.parse.registry import PARSERS


def test_job_ops_follow_the_stages_and_the_registry() -> None:
    from iac_guard.definitions import defs

    job = defs.resolve_job_def("scan_job")
    names = [node.name for node in job.graph.node_defs]
    assert sorted(names) == sorted(
        ["discover_op", *(f"parse_{kind}" for kind in PARSERS), "load_policies_op", "evaluate_op", "scanners_op", "diff_base_op", "gate_op", "report_op", "publish_op"]
    )
    assert set(job.required_resource_keys) >= {"settings"}
