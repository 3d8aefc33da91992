<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionController</name>
    <message numerus="yes">
        <source>%n new order put on hold until you decide.</source>
        <translation>
            <numerusform>%n new order put on hold until you decide.</numerusform>
            <numerusform>%n new order put on hold until you decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new orders put on hold until you decide.</source>
        <translation>
            <numerusform>%n new orders put on hold until you decide.</numerusform>
            <numerusform>%n new orders put on hold until you decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new order at a fulfillment service, which may ship it: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</source>
        <translation>
            <numerusform>%n new order at a fulfillment service, which may ship it: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</numerusform>
            <numerusform>%n new order at a fulfillment service, which may ship it: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new orders at a fulfillment service, which may ship them: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</source>
        <translation>
            <numerusform>%n new orders at a fulfillment service, which may ship them: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</numerusform>
            <numerusform>%n new orders at a fulfillment service, which may ship them: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message numerus="yes">
        <source>Approve %n order(s)</source>
        <translation>
            <numerusform>Approve %n order</numerusform>
            <numerusform>Approve %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decline %n request(s)</source>
        <translation>
            <numerusform>Decline %n request</numerusform>
            <numerusform>Decline %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n order(s) at a time, to stay within Shopify&apos;s rate limit. Each order is checked against Shopify again just before it is sent and is kept on its own in the journal, so one that fails does not hold up the others.</source>
        <translation>
            <numerusform>Sent %n order at a time, to stay within Shopify&apos;s rate limit. Each order is checked against Shopify again just before it is sent and is kept on its own in the journal, so one that fails does not hold up the others.</numerusform>
            <numerusform>Sent %n orders at a time, to stay within Shopify&apos;s rate limit. Each order is checked against Shopify again just before it is sent and is kept on its own in the journal, so one that fails does not hold up the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The warehouse must agree first (%n): a fulfillment service has accepted these orders, so CancelApp asks it to cancel them. Nothing is refunded now; once the warehouse agrees, each request comes back for the cancel and refund.</source>
        <translation>
            <numerusform>The warehouse must agree first (%n): a fulfillment service has accepted these orders, so CancelApp asks it to cancel them. Nothing is refunded now; once the warehouse agrees, each request comes back for the cancel and refund.</numerusform>
            <numerusform>The warehouse must agree first (%n): a fulfillment service has accepted these orders, so CancelApp asks it to cancel them. Nothing is refunded now; once the warehouse agrees, each request comes back for the cancel and refund.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out (%n):</source>
        <translation>
            <numerusform>Left out (%n):</numerusform>
            <numerusform>Left out (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkFlow</name>
    <message numerus="yes">
        <source>Decline %n request(s)</source>
        <translation>
            <numerusform>Decline %n request</numerusform>
            <numerusform>Decline %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkProgressDialog</name>
    <message numerus="yes">
        <source>%n succeeded</source>
        <translation>
            <numerusform>%n succeeded</numerusform>
            <numerusform>%n succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent; Shopify has yet to confirm</source>
        <translation>
            <numerusform>%n sent; Shopify has yet to confirm</numerusform>
            <numerusform>%n sent; Shopify has yet to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (see why above)</source>
        <translation>
            <numerusform>%n failed (see why above)</numerusform>
            <numerusform>%n failed (see why above)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n not started</numerusform>
            <numerusform>%n not started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taken back</source>
        <translation>
            <numerusform>%n taken back</numerusform>
            <numerusform>%n taken back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still queued: press Undo</source>
        <translation>
            <numerusform>%n still queued: press Undo</numerusform>
            <numerusform>%n still queued: press Undo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%n row had text longer than {limit} characters; it was shortened (line {lines}).</source>
        <translation>
            <numerusform>%n row had text longer than {limit} characters; it was shortened (line {lines}).</numerusform>
            <numerusform>%n row had text longer than {limit} characters; it was shortened (line {lines}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows had text longer than {limit} characters; they were shortened (lines {lines}).</source>
        <translation>
            <numerusform>%n rows had text longer than {limit} characters; they were shortened (lines {lines}).</numerusform>
            <numerusform>%n rows had text longer than {limit} characters; they were shortened (lines {lines}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request to import</source>
        <translation>
            <numerusform>%n request to import</numerusform>
            <numerusform>%n request to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests to import</source>
        <translation>
            <numerusform>%n requests to import</numerusform>
            <numerusform>%n requests to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row cannot be imported</source>
        <translation>
            <numerusform>%n row cannot be imported</numerusform>
            <numerusform>%n row cannot be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows cannot be imported</source>
        <translation>
            <numerusform>%n rows cannot be imported</numerusform>
            <numerusform>%n rows cannot be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row already imported</source>
        <translation>
            <numerusform>%n row already imported</numerusform>
            <numerusform>%n row already imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows already imported</source>
        <translation>
            <numerusform>%n rows already imported</numerusform>
            <numerusform>%n rows already imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportSummary</name>
    <message numerus="yes">
        <source>%n matched to an order</source>
        <translation>
            <numerusform>%n matched to an order</numerusform>
            <numerusform>%n matched to an order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched to orders</source>
        <translation>
            <numerusform>%n matched to orders</numerusform>
            <numerusform>%n matched to orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row could not be read and was not imported (row {rows})</source>
        <translation>
            <numerusform>%n row could not be read and was not imported (row {rows})</numerusform>
            <numerusform>%n row could not be read and was not imported (row {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row was imported before</source>
        <translation>
            <numerusform>%n row was imported before</numerusform>
            <numerusform>%n row was imported before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be read and were not imported (rows {rows})</source>
        <translation>
            <numerusform>%n rows could not be read and were not imported (rows {rows})</numerusform>
            <numerusform>%n rows could not be read and were not imported (rows {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows were imported before</source>
        <translation>
            <numerusform>%n rows were imported before</numerusform>
            <numerusform>%n rows were imported before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n whose order could not be matched is in Unmatched (row {rows})</source>
        <translation>
            <numerusform>%n whose order could not be matched is in Unmatched (row {rows})</numerusform>
            <numerusform>%n whose order could not be matched is in Unmatched (row {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n whose orders could not be matched are in Unmatched (rows {rows})</source>
        <translation>
            <numerusform>%n whose orders could not be matched are in Unmatched (rows {rows})</numerusform>
            <numerusform>%n whose orders could not be matched are in Unmatched (rows {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without an order number are in Unmatched (rows {rows})</source>
        <translation>
            <numerusform>%n without an order number are in Unmatched (rows {rows})</numerusform>
            <numerusform>%n without an order number are in Unmatched (rows {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without an order number is in Unmatched (row {rows})</source>
        <translation>
            <numerusform>%n without an order number is in Unmatched (row {rows})</numerusform>
            <numerusform>%n without an order number is in Unmatched (row {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n request</source>
        <translation>
            <numerusform>Imported %n request</numerusform>
            <numerusform>Imported %n request</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n requests</source>
        <translation>
            <numerusform>Imported %n requests</numerusform>
            <numerusform>Imported %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionNotices</name>
    <message numerus="yes">
        <source>The customer wrote again after the decision: %n new message(s), marked below. Read them, then mark them read.</source>
        <translation>
            <numerusform>The customer wrote again after the decision: %n new message, marked below. Read it, then mark it read.</numerusform>
            <numerusform>The customer wrote again after the decision: %n new messages, marked below. Read them, then mark them read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) for this order were decided before that.</source>
        <translation>
            <numerusform>%n more request for this order was decided before that.</numerusform>
            <numerusform>%n more requests for this order were decided before that.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>The refund is due in %n day(s).</source>
        <translation>
            <numerusform>The refund is due in %n day.</numerusform>
            <numerusform>The refund is due in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier messages are not shown.</source>
        <translation>
            <numerusform>%n earlier message is not shown.</numerusform>
            <numerusform>%n earlier messages are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier events are not shown.</source>
        <translation>
            <numerusform>%n earlier event is not shown.</numerusform>
            <numerusform>%n earlier events are not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindOrderDialog</name>
    <message numerus="yes">
        <source>%n order(s) found.</source>
        <translation>
            <numerusform>%n order found.</numerusform>
            <numerusform>%n orders found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Shopify is preparing %n orders…</source>
        <translation>
            <numerusform>Shopify is preparing %n order…</numerusform>
            <numerusform>Shopify is preparing %n orders…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the orders with requests: %n found</source>
        <translation>
            <numerusform>Reading the orders with requests: %n found</numerusform>
            <numerusform>Reading the orders with requests: %n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading recent orders in the background: %n</source>
        <translation>
            <numerusform>Reading recent orders in the background: %n</numerusform>
            <numerusform>Reading recent orders in the background: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n order</source>
        <translation>
            <numerusform>Syncing: %n order</numerusform>
            <numerusform>Syncing: %n order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n orders</source>
        <translation>
            <numerusform>Syncing: %n orders</numerusform>
            <numerusform>Syncing: %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending the acknowledgement of %n withdrawal(s).</source>
        <translation>
            <numerusform>Sending the acknowledgement of %n withdrawal.</numerusform>
            <numerusform>Sending the acknowledgements of %n withdrawals.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledgement of %n withdrawal(s) prepared.</source>
        <translation>
            <numerusform>Acknowledgement of %n withdrawal prepared.</numerusform>
            <numerusform>Acknowledgements of %n withdrawals prepared.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request imported.</source>
        <translation>
            <numerusform>%n request imported.</numerusform>
            <numerusform>%n request imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests imported.</source>
        <translation>
            <numerusform>%n requests imported.</numerusform>
            <numerusform>%n requests imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MenuDialogs</name>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation>
            <numerusform>%n entry exported.</numerusform>
            <numerusform>%n entries exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderSections</name>
    <message numerus="yes">
        <source>%n more items are not shown.</source>
        <translation>
            <numerusform>%n more item is not shown.</numerusform>
            <numerusform>%n more items are not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message numerus="yes">
        <source>New rule %n</source>
        <translation>
            <numerusform>New rule %n</numerusform>
            <numerusform>New rule %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving removes %n comment from the policy file.</source>
        <translation>
            <numerusform>Saving removes %n comment from the policy file.</numerusform>
            <numerusform>Saving removes %n comment from the policy file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving removes %n comments from the policy file.</source>
        <translation>
            <numerusform>Saving removes %n comments from the policy file.</numerusform>
            <numerusform>Saving removes %n comments from the policy file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1 (in %n day)</numerusform>
            <numerusform>%1 (in %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestTray</name>
    <message numerus="yes">
        <source>%n new request to decide.</source>
        <translation>
            <numerusform>%n new request to decide.</numerusform>
            <numerusform>%n new request to decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new requests to decide.</source>
        <translation>
            <numerusform>%n new requests to decide.</numerusform>
            <numerusform>%n new requests to decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers wrote again after your decisions.</source>
        <translation>
            <numerusform>%n customer wrote again after your decision.</numerusform>
            <numerusform>%n customers wrote again after your decisions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CancelApp: %n request needs a decision</source>
        <translation>
            <numerusform>CancelApp: %n request needs a decision</numerusform>
            <numerusform>CancelApp: %n request needs a decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CancelApp: %n requests need a decision</source>
        <translation>
            <numerusform>CancelApp: %n requests need a decision</numerusform>
            <numerusform>CancelApp: %n requests need a decision</numerusform>
        </translation>
    </message>
</context>
</TS>
