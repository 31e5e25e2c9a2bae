#ifndef CLMDB_SHIM_H
#define CLMDB_SHIM_H
#include <lmdb.h>
#include <stdint.h>

/// Asks the CPU to start loading the first `count` bytes at `start` (at most 4 KiB, a page) into
/// its caches, one prefetch per 64-byte line; it never faults. A scan of a database calls it on
/// the entry after the one it is working on: the hardware prefetcher does not follow a cursor from
/// one LMDB page to the next, nor down a page, where entries lie in descending order.
static inline void clmdb_prefetch(const void *start, size_t count) {
    if (count > 4096) count = 4096;
    uintptr_t end = (uintptr_t)start + count;
    for (uintptr_t line = (uintptr_t)start & ~(uintptr_t)63; line < end; line += 64) {
        __builtin_prefetch((const void *)line);
    }
}
#endif
