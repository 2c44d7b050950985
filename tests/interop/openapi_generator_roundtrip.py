"""Round trip of one record through a client that OpenAPI Generator (`-g python`) made.

Run by `tools/interop.py` (not by pytest) with the interpreter that has the generated client's
dependencies:

    python openapi_generator_roundtrip.py API PACKAGE_DIR PACKAGE BASE_URL

It creates a record, fetches it, deletes it and checks that it is gone (a 404), printing one
line per step; any failure is one line on stderr and exit status 1. The credentials are the
sandbox's local defaults (`x-sandbox.defaults` of the security schemes).
"""

from __future__ import annotations

import importlib
import sys
import uuid
from collections.abc import Callable
from types import ModuleType
from typing import Any

VBA = {"api_key": "sandbox-api-key", "bearer_token": "sandbox-token"}
OPENDENTAL = "ODFHIR sandbox-developer/sandbox-customer"
DATABASE = "demo"


def _client(package: ModuleType, base_url: str, **settings: Any) -> Any:
    configuration = package.Configuration(host=base_url, **settings)
    return package.ApiClient(configuration)


def _gone(package: ModuleType, call: Callable[[], Any]) -> None:
    try:
        call()
    except package.ApiException as exc:
        if exc.status != 404:
            raise
        return
    raise AssertionError("the deleted record is still there")


def vba(package: ModuleType, base_url: str) -> None:
    client = _client(
        package,
        base_url,
        api_key={"apiKeyAuth": VBA["api_key"]},
        access_token=VBA["bearer_token"],
    )
    api = package.PlanBenefitLevelsApi(client)
    plan, code = f"OG-{uuid.uuid4().hex[:8]}", "DENTAL"
    level = package.PlanBenefitLevel(
        plan_benefit_level_key=0, benefit_code=code, benefit_level="Network", exclude=False
    )
    created = api.create_plan_benefit_level(plan, code, DATABASE, level)
    key = created.data.plan_benefit_level_key
    assert created.data.benefit_level == "Network", created
    print(f"created  plan benefit level {key}")
    fetched = api.get_plan_benefit_level(plan, code, key, DATABASE)
    assert fetched.data.plan_benefit_level_key == key, fetched
    assert fetched.data.plan_id == plan and fetched.error is None, fetched
    print(f"fetched  plan benefit level {key}")
    api.delete_plan_benefit_level(plan, code, key, DATABASE)
    print(f"deleted  plan benefit level {key}")
    _gone(package, lambda: api.get_plan_benefit_level(plan, code, key, DATABASE))
    print("gone     (404 after delete)")


def opendental(package: ModuleType, base_url: str) -> None:
    client = _client(package, base_url, api_key={"ODFHIR": OPENDENTAL})
    api = package.BenefitsApi(client)
    plan = uuid.uuid4().int % 1_000_000 + 1
    # PatPlanNum left out: the spec requires PlanNum or PatPlanNum, not both
    created = api.create_benefit(
        package.BenefitCreate(
            plan_num=plan,
            benefit_type=package.BenefitType.COINSURANCE,
            coverage_level=package.CoverageLevel.NONE,
            percent=30,
        )
    )
    assert created.plan_num == plan and created.pat_plan_num == 0, created
    print(f"created  benefit {created.benefit_num}")
    listed = api.list_benefits(plan_num=plan)
    assert [b.benefit_num for b in listed] == [created.benefit_num], listed
    assert listed[0].percent == 30, listed
    print(f"fetched  benefit {created.benefit_num} (list of plan {plan})")
    api.delete_benefit(created.benefit_num)
    print(f"deleted  benefit {created.benefit_num}")
    assert api.list_benefits(plan_num=plan) == [], "the deleted benefit is still listed"
    _gone(package, lambda: api.delete_benefit(created.benefit_num))
    print("gone     (404 after delete)")


SCENARIOS = {"vba": vba, "opendental": opendental}


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] not in SCENARIOS:
        print(f"usage: {sys.argv[0]} {{{','.join(SCENARIOS)}}} PACKAGE_DIR PACKAGE BASE_URL")
        return 2
    api, package_dir, name, base_url = argv
    sys.path.insert(0, package_dir)
    try:
        SCENARIOS[api](importlib.import_module(name), base_url)
    except Exception as exc:  # one line: what the generated client did wrong
        print(f"round trip failed: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
