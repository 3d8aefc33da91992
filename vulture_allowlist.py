"""Names vulture (`uv run vulture`, config in pyproject.toml) may not report, with why.

Each group is a reason; a name added here needs one. Everything else unused is deleted."""

# ruff: noqa: B018, E702, F821
# fmt: off

# Shopify's enum values and the policy file's keys: read by value or by field name
# (Enum(value), dataclasses.fields), never by attribute.
CANCELLATION_REQUEST; CLOSED; EXPIRED; FULFILLMENT_NOT_REQUIRED; INCOMPLETE; PAID
PARTIALLY_PAID; PARTIALLY_REFUNDED; PENDING_FULFILLMENT; REFUNDED; REQUEST_DECLINED
RESTOCKED; RETURNED; RETURN_FAILED; UNFULFILLED; VOIDED
placed_within; placed_outside; requested_within; requested_outside; fulfilled_items
at_fulfillment_service; sent_to_fulfillment_service; order_tags_any; order_tags_none
product_tags_any; product_tags_none
customer_tags_any; customer_tags_none; risk_at_least; risk_at_most; active_return; gateway_any
condition

# Fields of records mapped from Shopify or SQLite rows, kept whole (shown, exported, compared).
closed_at; processed_at; custom_attributes; last_error; last_error_at; merged; stale
shopify_requests; orders_read_in_full; refund_totals; customers_emailed; in_keychain
ISO_4217_PUBLISHED; LAST_RELEASED_VERSION

# Half-wired for issue 14's other points (bulk approve, unmatched requests, replies): wired
# by the engineers taking those points; delete what they do not use.
_.bulk; _.prepare_bulk; _.prepare_restock; list_unmatched; assign_order
unmatched_reason; known_external_ids; ShopifyOrders; FirstFound

# What the tests observe of real parts (counters, state), rather than mocking them.
_.active_count; _.confirm_box; _.idempotency_keys; _.import_result; _.installed_count
_.is_default; _.last_notice; _.move_aside; _.queue_row; _.retries; retries
_.run_cancellable; _.running; _.token_exchanges; _.waited_s; _.with_intake; apply_scheme
load_plan; load_snapshot; stale_request_ids; _.backup_dialog; _.column_menu
_.close_thread_connection; _.save_dialog; _.file_dialog

# Qt's virtual methods: Qt calls them on the widgets that override them.
_.paintEvent; _.minimumSizeHint

# Read by smtplib itself: its auth_plain / auth_login take the credentials from the object.
_.user

# graphql-core's `visit` calls a visitor's `enter_<kind>` methods by name.
_.enter_variable_definition; _.enter_variable
