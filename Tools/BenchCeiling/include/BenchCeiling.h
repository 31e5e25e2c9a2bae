#ifndef BENCH_CEILING_H
#define BENCH_CEILING_H

#include <stddef.h>
#include <stdint.h>

/// The ceiling the storage benchmark measures the ledger store against: a plain C loop of
/// `mdb_put` with `MDB_APPEND` and one `mdb_txn_commit` per batch, with nothing around it.

/// The events to put. Event `i` (from 0) goes under the 8-byte big-endian key `i + 1`, with the
/// value `values[value_offsets[i] ..< value_offsets[i + 1]]`.
typedef struct {
    const uint8_t *values;
    /// `count + 1` offsets into `values`, increasing.
    const size_t *value_offsets;
    /// The stream id of each event (the key of its stream head), laid out like the values, and
    /// its stream version and the sequence of the previous event of its stream (0 for none);
    /// read only with `BENCH_STORE_SHAPED`, may be NULL otherwise.
    const uint8_t *stream_ids;
    const size_t *stream_id_offsets;
    const uint64_t *stream_versions;
    const uint64_t *previous_in_stream;
    size_t count;
} bench_events;

/// Options of `bench_ceiling_append`, or-ed together.
enum {
    /// Also write what the ledger store writes besides the events (layout 2): each event's
    /// stream link (`u64be(sequence) → u64be(previous in stream)`, `MDB_APPEND`) in a second
    /// database, its stream's head (`stream id → u64be(version) ‖ u64be(sequence)`) in a third,
    /// and a 48-byte head record in a fourth once per transaction.
    BENCH_STORE_SHAPED = 1,
    /// Open the environment with `MDB_NOSYNC`: commits are not flushed to disk.
    BENCH_NO_SYNC = 2,
};

/// How a run of `bench_ceiling_append` went.
typedef struct {
    /// Seconds from the first `mdb_txn_begin` of the puts to the return of the last commit.
    double seconds;
    /// 0, or the LMDB (or errno) code of the call that failed.
    int rc;
    /// The call that failed, or NULL.
    const char *operation;
} bench_result;

/// Creates an LMDB environment in `directory` (which must exist and be empty), puts `events`
/// with `MDB_APPEND`, `batch_events` per write transaction, each committed with
/// `mdb_txn_commit` (durable unless `BENCH_NO_SYNC`), and closes the environment.
bench_result bench_ceiling_append(const char *directory, const bench_events *events, size_t batch_events,
                                  unsigned options);

/// How a scan of a ledger's events went.
typedef struct {
    double seconds;
    uint64_t events;
    uint64_t bytes;
    /// The sum of each value's last byte: proof that every value was read.
    uint64_t checksum;
    int rc;
    const char *operation;
} bench_scan_result;

/// A raw LMDB cursor scan of the `events` database of the ledger in `directory`, in one read
/// transaction: the ceiling a projection rebuild is measured against.
bench_scan_result bench_scan_events(const char *directory);

/// How writing a ledger's projection rows again went.
typedef struct {
    /// Seconds from the `mdb_txn_begin` of the puts to the return of their commit.
    double seconds;
    uint64_t rows;
    /// Bytes of the rows' keys and values.
    uint64_t bytes;
    int rc;
    const char *operation;
} bench_rows_result;

/// Reads every row of the `checkpoints` database of the ledger in `ledger` (each projection's
/// rows and its checkpoint, as a rebuild leaves them) into memory, then puts them in key order
/// with a plain `mdb_put` in one write transaction into a new environment in `directory` (which
/// must exist and be empty), and commits it durably: the least a rebuild that writes those rows
/// must spend on writing them, with no fold and no batches.
bench_rows_result bench_write_rows(const char *ledger, const char *directory);

/// The text LMDB gives for a return code.
const char *bench_error_text(int rc);

/// The version string of the LMDB library linked in.
const char *bench_lmdb_version(void);

#endif
