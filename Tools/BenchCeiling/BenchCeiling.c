#define _POSIX_C_SOURCE 200809L  // clock_gettime

#include "BenchCeiling.h"

#include <lmdb.h>
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
