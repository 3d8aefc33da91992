"""How a mutation's answer is classified: refusals, and attempts whose outcome is not known."""

from __future__ import annotations

from cancelapp.shopify import OutcomeUnknown, RequestRejected, UserErrors
from cancelapp.shopify.responses import Reply, graphql_failure, payload_failure

CONCURRENT = {
    "code": "IDEMPOTENCY_CONCURRENT_REQUEST",
    "field": None,
    "message": "This request is currently in progress, please try again.",
}


def test_a_concurrent_attempt_with_the_same_key_is_an_unknown_outcome() -> None:
    """Answering a resend while the first attempt still runs: it may yet change the store."""
    payload = {"inventoryAdjustmentGroup": None, "userErrors": [CONCURRENT]}
    failure = payload_failure("inventoryAdjustQuantities", payload)
    assert isinstance(failure, OutcomeUnknown)
    assert "IDEMPOTENCY_CONCURRENT_REQUEST" in failure.detail


def test_other_user_errors_are_refusals_and_none_is_success() -> None:
    mismatch = {"code": "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", "field": ["input"], "message": "x"}
    failure = payload_failure("inventoryAdjustQuantities", {"userErrors": [mismatch]})
    assert isinstance(failure, UserErrors)
    assert failure.codes == {"IDEMPOTENCY_KEY_PARAMETER_MISMATCH"}
    assert failure.errors[0].field == ("input",)
    cancel = {"orderCancelUserErrors": [{"message": "Already cancelled", "field": None}]}
    assert isinstance(payload_failure("orderCancel", cancel), UserErrors)
    assert payload_failure("refundCreate", {"refund": {"id": "1"}, "userErrors": []}) is None


def test_the_same_code_as_a_graphql_error_is_an_unknown_outcome_too() -> None:
    concurrent = Reply(None, ({"message": "busy", "extensions": {"code": CONCURRENT["code"]}},))
    assert isinstance(graphql_failure(concurrent), OutcomeUnknown)
    other = Reply(None, ({"message": "bad", "extensions": {"code": "BAD_REQUEST"}},))
    assert isinstance(graphql_failure(other), RequestRejected)
