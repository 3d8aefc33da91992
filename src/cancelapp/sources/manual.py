"""Manual requests: the merchant types in what a customer said on the phone or in person."""

from __future__ import annotations

import uuid
from datetime import datetime

from cancelapp.domain.request import RequestSource
from cancelapp.sources.incoming import IncomingRequest
from cancelapp.sources.order_names import normalise_order_name


def manual_request(
    order_name: str,
    reason: str,
    received_at: datetime,
    *,
    customer: str | None = None,
) -> IncomingRequest:
    """A request for `order_name` ("1234" or "#1234"), received at `received_at` (aware).

    The merchant names the order, so no email check applies; each entry is its own message
    (two calls about one order are two messages on the same request).
    """
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    name = normalise_order_name(order_name)
    if name is None:
        raise ValueError("an order number is needed")
    return IncomingRequest(
        source=RequestSource.MANUAL,
        external_id=f"manual:{uuid.uuid4()}",
        received_at=received_at,
        text=reason,
        order_name=name,
        customer_email=None,
        author=customer,
    )
