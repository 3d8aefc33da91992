"""The main window's parts that nothing on its first frame needs: the detail pane and its
flow, the policy, the actions, the dialogs behind the menus, the settings, the upkeep.

They are built once the first rows are painted (or at once, on first use): importing them and
their dialogs took about half of CancelApp's CPU time before the first rows (issue 19, see
bench/README.md "Fourth pass"). `MainWindow` wires their signals; this module only builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from cancelapp.ui.audit_check import AuditChainCheck
from cancelapp.ui.database_upkeep import DatabaseUpkeep
from cancelapp.ui.detail.action_controller import ActionController
from cancelapp.ui.detail.bulk_flow import BulkFlow
from cancelapp.ui.detail.detail_flow import DetailFlow
from cancelapp.ui.detail.detail_pane import DetailPane
from cancelapp.ui.detail.record_export import RecordExport
from cancelapp.ui.detail.unmatched_flow import UnmatchedFlow
from cancelapp.ui.detail.withdrawal_flow import WithdrawalFlow
from cancelapp.ui.dialogs.menu_dialogs import MenuDialogs
from cancelapp.ui.dialogs.store_removal import StoreRemoval
from cancelapp.ui.policy.policy_flow import PolicyFlow
from cancelapp.ui.queue.verdict_clock import VerdictClock
from cancelapp.ui.settings.window_settings import SettingsFlow
from cancelapp.ui.update_notice import UpdateNotice

if TYPE_CHECKING:
    from cancelapp.context import AppContext
    from cancelapp.session.refresh import StoreSession
    from cancelapp.store.stores import StoreRecord
    from cancelapp.ui.banner import Banner
    from cancelapp.ui.formatting import Formatter
    from cancelapp.ui.queue.queue_model import QueueModel
    from cancelapp.ui.queue.refresh_timer import QueueSync
    from cancelapp.ui.status_bar import StatusBar
    from cancelapp.ui.tray import RequestTray


class FlowsHost(Protocol):
    """What the flows read from the main window (the window itself, as built before them)."""

    context: AppContext
    formatter: Formatter
    model: QueueModel
    banner: Banner
    status: StatusBar
    tray: RequestTray
    sync: QueueSync
    stores: list[StoreRecord]

    @property
    def store(self) -> StoreRecord | None: ...

    @property
    def session(self) -> StoreSession | None: ...

    def highlighted_request(self) -> tuple[int, str]: ...


@dataclass(frozen=True)
class WindowFlows:
    pane: DetailPane  # the selected request
    menu_dialogs: MenuDialogs
    actions: ActionController
    bulk: BulkFlow
    policy: PolicyFlow
    details: DetailFlow
    verdicts: VerdictClock
    unmatched: UnmatchedFlow
    withdrawals: WithdrawalFlow
    settings: SettingsFlow
    removal: StoreRemoval
    upkeep: DatabaseUpkeep
    audit_check: AuditChainCheck
    record_export: RecordExport
    updates: UpdateNotice


def build_flows(window: FlowsHost, parent: QWidget) -> WindowFlows:
    """Every flow of the main window (`window`, also their `parent`), reading the open store
    and session from it."""
    context, formatter = window.context, window.formatter
    workers = context.workers
    actions = ActionController(
        workers,
        formatter,
        parent,
        find_request=window.model.request_of_order,
        online=lambda: window.status.online,
        reply_texts=lambda: context.settings.reply_templates,
        highlighted=window.highlighted_request,
    )
    policy = PolicyFlow(context, formatter, parent, lambda: window.session)
    pane = DetailPane(formatter)
    return WindowFlows(
        pane=pane,
        menu_dialogs=MenuDialogs(
            context, formatter, parent, lambda: window.store, lambda: window.session
        ),
        actions=actions,
        bulk=BulkFlow(
            workers,
            formatter,
            parent,
            lambda: window.session,
            first_read=lambda: (
                window.sync.running and (window.status.last_sync is None or window.sync.backfilling)
            ),
        ),
        policy=policy,
        details=DetailFlow(
            workers,
            context.database,
            pane,
            policy,
            lambda: window.session,
            lambda: context.clock(),
            parent,
            cache_dir=context.paths.cache_dir,
        ),
        verdicts=VerdictClock(workers, context.database, policy, lambda: context.clock(), parent),
        unmatched=UnmatchedFlow(
            workers,
            formatter,
            parent,
            lambda: window.session,
            reply_texts=lambda: context.settings.reply_templates,
        ),
        withdrawals=WithdrawalFlow(
            workers, formatter, parent, lambda: window.session, actions.send_replies
        ),
        settings=SettingsFlow(
            context,
            formatter,
            parent,
            sync=window.sync,
            tray=window.tray,
            stores=lambda: window.stores,
            current_session=lambda: window.session,
        ),
        removal=StoreRemoval(context, parent),
        upkeep=DatabaseUpkeep(context, parent),
        audit_check=AuditChainCheck(context, window.banner, formatter, parent),
        record_export=RecordExport(context, formatter, parent, lambda: policy.policy),
        updates=UpdateNotice(context, window.banner, parent),
    )
