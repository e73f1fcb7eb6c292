/* utf8.h - the one UTF-8 decoder and encoder: validation with a reason, decoding, and
 * counting code points (columns are counted in code points).
 *
 * Pure functions on byte buffers, no allocation. Invalid means: a byte that
 * never starts a sequence, a missing continuation byte, an overlong form, an
 * encoded UTF-16 surrogate, or a value beyond U+10FFFF. */
#ifndef BACKUPLINT_UTF8_H
#define BACKUPLINT_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid sequence at s[0..n) (n >= 1), storing its code
 * point in *cp when cp is not NULL; 0 when it is invalid, with the reason in
 * *why when why is not NULL, worded to follow "byte 0xC0 ": "starts an
 * overlong encoding", "never appears in UTF-8". */
size_t utf8_valid(const unsigned char *s, size_t n, long *cp, const char **why);

/* Decode the sequence at s[0..n): its length, and *cp; an invalid byte is
 * consumed alone with *cp = -1, so a loop always advances. */
size_t utf8_decode(const unsigned char *s, size_t n, long *cp);

/* Number of code points in s[0..len) (continuation bytes are not counted). */
size_t utf8_count(const char *s, size_t len);

/* Encode code point cp (at most U+10FFFF, not a surrogate) at o: returns
 * the byte after it (1 to 4 bytes written). */
char *utf8_put(char *o, unsigned cp);

#endif
