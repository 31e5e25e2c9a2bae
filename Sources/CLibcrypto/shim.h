#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// SHA256_Init, _Update and _Final on a caller's SHA256_CTX are deprecated since OpenSSL 3.0 in
// favour of EVP, whose contexts are allocated on the heap. The ledger hashes one small event at a
// time with a context on the stack, so it keeps the low-level calls, without their warnings.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
