"""The JSON API fuzzed from its own OpenAPI schema (schemathesis, every check), a bounded number
of examples per route so that it runs in the suite: no 500, status codes and content types the
schema documents, bodies that match it."""

import schemathesis
from hypothesis import HealthCheck, given, settings
from test_web import build_store

from newsprism.web.app import create_app

EXAMPLES = 30  # per route: enough to reach huge and negative numbers, bounded in time


def test_the_api_answers_every_request_as_its_schema_says(tmp_path):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(build_store(str(tmp_path / "s.db"))))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 14  # seven pages, three indexes as JSON and as CSV, the entities as CSV
    for operation in operations:
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def answers_as_documented(case):
            case.call_and_validate()

        answers_as_documented()
