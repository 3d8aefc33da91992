"""How much mail is fetched at once: a bounded number of messages and of bytes."""

from cancelapp.sources.email_source import FETCH_BATCH, FETCH_BYTES, fetch_batches


def test_small_messages_go_in_batches_of_a_fixed_count() -> None:
    uids = list(range(1, 2 * FETCH_BATCH + 2))
    batches = list(fetch_batches(uids, dict.fromkeys(uids, 2_000)))
    assert [len(b) for b in batches] == [FETCH_BATCH, FETCH_BATCH, 1]
    assert [uid for batch in batches for uid in batch] == uids


def test_large_messages_are_fetched_alone_and_the_order_is_kept() -> None:
    sizes = {1: 1_000, 2: FETCH_BYTES * 3, 3: 1_000, 4: FETCH_BYTES // 2, 5: FETCH_BYTES // 2 + 1}
    assert list(fetch_batches([1, 2, 3, 4, 5], sizes)) == [[1], [2], [3, 4], [5]]
    assert list(fetch_batches([7, 8], {})) == [[7, 8]]  # sizes unknown: counted by number only
