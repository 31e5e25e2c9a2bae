#define _POSIX_C_SOURCE 200809L  // clock_gettime

#include "BenchCeiling.h"

#include <lmdb.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/// The smallest map reserved; larger runs get four times their bytes.
static const size_t map_bytes_min = (size_t)4 << 30;
static const char head_key[] = "head";
enum { head_value_bytes = 48, stream_head_bytes = 16, databases = 4 };

static double monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void big_endian_u64(uint64_t v, uint8_t out[8]) {
    for (int i = 7; i >= 0; i--) {
        out[i] = (uint8_t)v;
        v >>= 8;
    }
}

static size_t map_bytes_for(const bench_events *events) {
    size_t bytes = events->value_offsets[events->count] - events->value_offsets[0];
    if (events->stream_ids) bytes += events->stream_id_offsets[events->count] - events->stream_id_offsets[0];
    bytes += events->count * 32;
    return bytes * 4 > map_bytes_min ? bytes * 4 : map_bytes_min;
}

/// The puts of one write transaction: events `first ..< end`.
static bench_result put_batch(MDB_env *env, MDB_dbi dbs[databases], const bench_events *events, size_t first, size_t end,
                              unsigned options) {
    bench_result r = {0, 0, NULL};
    MDB_txn *txn;
    if ((r.rc = mdb_txn_begin(env, NULL, 0, &txn))) { r.operation = "mdb_txn_begin"; return r; }
    uint8_t key_bytes[8];
    for (size_t i = first; i < end; i++) {
        big_endian_u64((uint64_t)i + 1, key_bytes);
        MDB_val key = {sizeof key_bytes, key_bytes};
        MDB_val value = {events->value_offsets[i + 1] - events->value_offsets[i],
                         (void *)(events->values + events->value_offsets[i])};
        if ((r.rc = mdb_put(txn, dbs[0], &key, &value, MDB_APPEND))) { r.operation = "mdb_put(events)"; goto fail; }
        if (options & BENCH_STORE_SHAPED) {
            uint8_t previous_bytes[8];
            big_endian_u64(events->previous_in_stream[i], previous_bytes);
            MDB_val previous = {sizeof previous_bytes, previous_bytes};
            if ((r.rc = mdb_put(txn, dbs[1], &key, &previous, MDB_APPEND))) {
                r.operation = "mdb_put(stream-links)";
                goto fail;
            }
            uint8_t stream_head_value[stream_head_bytes];
            big_endian_u64(events->stream_versions[i], stream_head_value);
            memcpy(stream_head_value + 8, key_bytes, sizeof key_bytes);
            MDB_val stream_id = {events->stream_id_offsets[i + 1] - events->stream_id_offsets[i],
                                 (void *)(events->stream_ids + events->stream_id_offsets[i])};
            MDB_val stream_head = {sizeof stream_head_value, stream_head_value};
            if ((r.rc = mdb_put(txn, dbs[2], &stream_id, &stream_head, 0))) {
                r.operation = "mdb_put(streams)";
                goto fail;
            }
        }
    }
    if (options & BENCH_STORE_SHAPED) {
        uint8_t head_bytes[head_value_bytes] = {0};
        memcpy(head_bytes, key_bytes, sizeof key_bytes);
        MDB_val key = {sizeof head_key - 1, (void *)head_key};
        MDB_val head = {sizeof head_bytes, head_bytes};
        if ((r.rc = mdb_put(txn, dbs[3], &key, &head, 0))) { r.operation = "mdb_put(meta)"; goto fail; }
    }
    if ((r.rc = mdb_txn_commit(txn))) r.operation = "mdb_txn_commit";
    return r;
fail:
    mdb_txn_abort(txn);
    return r;
}

static bench_result open_databases(MDB_env *env, MDB_dbi dbs[databases]) {
    bench_result r = {0, 0, NULL};
    static const char *const names[databases] = {"events", "stream-links", "streams", "meta"};
    MDB_txn *txn;
    if ((r.rc = mdb_txn_begin(env, NULL, 0, &txn))) { r.operation = "mdb_txn_begin"; return r; }
    for (int i = 0; i < databases; i++) {
        if ((r.rc = mdb_dbi_open(txn, names[i], MDB_CREATE, &dbs[i]))) {
            r.operation = "mdb_dbi_open";
            mdb_txn_abort(txn);
            return r;
        }
    }
    if ((r.rc = mdb_txn_commit(txn))) r.operation = "mdb_txn_commit";
    return r;
}

bench_result bench_ceiling_append(const char *directory, const bench_events *events, size_t batch_events,
                                  unsigned options) {
    bench_result r = {0, 0, NULL};
    if (batch_events == 0) { r.rc = MDB_INVALID; r.operation = "batch_events"; return r; }
    MDB_env *env;
    if ((r.rc = mdb_env_create(&env))) { r.operation = "mdb_env_create"; return r; }
    unsigned flags = MDB_NOTLS | ((options & BENCH_NO_SYNC) ? MDB_NOSYNC : 0);
    if ((r.rc = mdb_env_set_maxdbs(env, databases))) { r.operation = "mdb_env_set_maxdbs"; goto done; }
    if ((r.rc = mdb_env_set_mapsize(env, map_bytes_for(events)))) { r.operation = "mdb_env_set_mapsize"; goto done; }
    if ((r.rc = mdb_env_open(env, directory, flags, 0644))) { r.operation = "mdb_env_open"; goto done; }
    MDB_dbi dbs[databases];
    r = open_databases(env, dbs);
    if (r.rc) goto done;

    double start = monotonic_seconds();
    for (size_t first = 0; first < events->count; first += batch_events) {
        size_t end = events->count - first < batch_events ? events->count : first + batch_events;
        r = put_batch(env, dbs, events, first, end, options);
        if (r.rc) goto done;
    }
    r.seconds = monotonic_seconds() - start;
done:
    mdb_env_close(env);
    return r;
}

const char *bench_error_text(int rc) { return mdb_strerror(rc); }

const char *bench_lmdb_version(void) { return mdb_version(NULL, NULL, NULL); }

bench_scan_result bench_scan_events(const char *directory) {
    bench_scan_result r = {0, 0, 0, 0, 0, NULL};
    MDB_env *env;
    if ((r.rc = mdb_env_create(&env))) { r.operation = "mdb_env_create"; return r; }
    mdb_env_set_maxdbs(env, 8);
    if ((r.rc = mdb_env_open(env, directory, MDB_RDONLY | MDB_NOTLS, 0644))) { r.operation = "mdb_env_open"; goto close; }
    MDB_txn *txn;
    if ((r.rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn))) { r.operation = "mdb_txn_begin"; goto close; }
    MDB_dbi dbi;
    if ((r.rc = mdb_dbi_open(txn, "events", 0, &dbi))) { r.operation = "mdb_dbi_open"; goto abort; }
    MDB_cursor *cursor;
    if ((r.rc = mdb_cursor_open(txn, dbi, &cursor))) { r.operation = "mdb_cursor_open"; goto abort; }
    double started = monotonic_seconds();
    MDB_val key, value;
    int rc = mdb_cursor_get(cursor, &key, &value, MDB_FIRST);
    while (rc == 0) {
        r.events += 1;
        r.bytes += value.mv_size;
        // Touch the last byte, as a reader must at least look at what it reads.
        r.checksum += ((const uint8_t *)value.mv_data)[value.mv_size - 1];
        rc = mdb_cursor_get(cursor, &key, &value, MDB_NEXT);
    }
    r.seconds = monotonic_seconds() - started;
    if (rc != MDB_NOTFOUND) { r.rc = rc; r.operation = "mdb_cursor_get"; }
    mdb_cursor_close(cursor);
abort:
    mdb_txn_abort(txn);
close:
    mdb_env_close(env);
    return r;
}

/// The rows of a `checkpoints` database, copied out of the map: keys and values back to back.
typedef struct {
    uint8_t *bytes;
    /// `2 * count + 1` offsets into `bytes`: row `i`'s key, then its value.
    size_t *offsets;
    size_t count;
} copied_rows;

static int copy_rows(MDB_txn *txn, MDB_dbi dbi, copied_rows *rows, const char **operation) {
    MDB_cursor *cursor;
    int rc;
    if ((rc = mdb_cursor_open(txn, dbi, &cursor))) { *operation = "mdb_cursor_open"; return rc; }
    size_t bytes_capacity = (size_t)1 << 24, rows_capacity = (size_t)1 << 16, used = 0;
    rows->bytes = malloc(bytes_capacity);
    rows->offsets = malloc((2 * rows_capacity + 1) * sizeof(size_t));
    rows->count = 0;
    rows->offsets[0] = 0;
    MDB_val key, value;
    for (rc = mdb_cursor_get(cursor, &key, &value, MDB_FIRST); rc == 0; rc = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)) {
        while (used + key.mv_size + value.mv_size > bytes_capacity) rows->bytes = realloc(rows->bytes, bytes_capacity *= 2);
        if (rows->count == rows_capacity) rows->offsets = realloc(rows->offsets, (2 * (rows_capacity *= 2) + 1) * sizeof(size_t));
        memcpy(rows->bytes + used, key.mv_data, key.mv_size);
        rows->offsets[2 * rows->count + 1] = used += key.mv_size;
        memcpy(rows->bytes + used, value.mv_data, value.mv_size);
        rows->offsets[2 * rows->count + 2] = used += value.mv_size;
        rows->count += 1;
    }
    mdb_cursor_close(cursor);
    if (rc != MDB_NOTFOUND) { *operation = "mdb_cursor_get"; return rc; }
    return 0;
}

bench_rows_result bench_write_rows(const char *ledger, const char *directory) {
    bench_rows_result r = {0, 0, 0, 0, NULL};
    copied_rows rows = {NULL, NULL, 0};
    MDB_env *source, *target = NULL;
    if ((r.rc = mdb_env_create(&source))) { r.operation = "mdb_env_create"; return r; }
    mdb_env_set_maxdbs(source, 8);
    if ((r.rc = mdb_env_open(source, ledger, MDB_RDONLY | MDB_NOTLS, 0644))) { r.operation = "mdb_env_open"; goto done; }
    MDB_txn *txn;
    if ((r.rc = mdb_txn_begin(source, NULL, MDB_RDONLY, &txn))) { r.operation = "mdb_txn_begin"; goto done; }
    MDB_dbi dbi;
    if ((r.rc = mdb_dbi_open(txn, "checkpoints", 0, &dbi))) {
        r.operation = "mdb_dbi_open";
        mdb_txn_abort(txn);
        goto done;
    }
    r.rc = copy_rows(txn, dbi, &rows, &r.operation);
    mdb_txn_abort(txn);
    if (r.rc) goto done;
    r.rows = rows.count;
    r.bytes = rows.offsets[2 * rows.count];

    if ((r.rc = mdb_env_create(&target))) { r.operation = "mdb_env_create"; target = NULL; goto done; }
    mdb_env_set_maxdbs(target, 1);
    size_t map_bytes = r.bytes * 4 > map_bytes_min ? r.bytes * 4 : map_bytes_min;
    if ((r.rc = mdb_env_set_mapsize(target, map_bytes))) { r.operation = "mdb_env_set_mapsize"; goto done; }
    if ((r.rc = mdb_env_open(target, directory, MDB_NOTLS, 0644))) { r.operation = "mdb_env_open"; goto done; }
    double started = monotonic_seconds();
    if ((r.rc = mdb_txn_begin(target, NULL, 0, &txn))) { r.operation = "mdb_txn_begin"; goto done; }
    if ((r.rc = mdb_dbi_open(txn, "checkpoints", MDB_CREATE, &dbi))) {
        r.operation = "mdb_dbi_open";
        mdb_txn_abort(txn);
        goto done;
    }
    for (size_t i = 0; i < rows.count; i++) {
        MDB_val key = {rows.offsets[2 * i + 1] - rows.offsets[2 * i], rows.bytes + rows.offsets[2 * i]};
        MDB_val value = {rows.offsets[2 * i + 2] - rows.offsets[2 * i + 1], rows.bytes + rows.offsets[2 * i + 1]};
        if ((r.rc = mdb_put(txn, dbi, &key, &value, 0))) {
            r.operation = "mdb_put(checkpoints)";
            mdb_txn_abort(txn);
            goto done;
        }
    }
    if ((r.rc = mdb_txn_commit(txn))) { r.operation = "mdb_txn_commit"; goto done; }
    r.seconds = monotonic_seconds() - started;
done:
    free(rows.bytes);
    free(rows.offsets);
    if (target) mdb_env_close(target);
    mdb_env_close(source);
    return r;
}
