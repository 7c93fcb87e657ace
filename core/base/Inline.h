// CS_ALWAYS_INLINE: for the few kernel functions on every message's path that the optimiser, left
// to itself, keeps out of line (measured with callgrind: a call and its register saves cost more
// than the body).
#pragma once

// CS_NOINLINE: for the rare branch of such a function (growing a pool), kept out of its body.
#if defined(_MSC_VER)
#define CS_ALWAYS_INLINE __forceinline
#define CS_NOINLINE __declspec(noinline)
#elif defined(__GNUC__) || defined(__clang__)
#define CS_ALWAYS_INLINE inline __attribute__((always_inline))
#define CS_NOINLINE __attribute__((noinline))
#else
#define CS_ALWAYS_INLINE inline
#define CS_NOINLINE
#endif
