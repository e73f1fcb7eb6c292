/* utf8.h - decoding UTF-8, one code point at a time, for everything that
 * shows text: output formats and rule documentation.
 *
 * Pure functions over borrowed bytes; nothing is allocated, nothing fails. */
#ifndef BACKUPLINT_UTF8_H
#define BACKUPLINT_UTF8_H

#include <stddef.h>

/* Decode one UTF-8 sequence at s[0..n), n >= 1. Returns its length and
 * writes the code point to *cp, or returns 1 with *cp = -1 for a byte that
 * does not start a valid sequence (overlong forms, surrogates and values
 * above U+10FFFF are invalid). */
size_t utf8_decode(const unsigned char *s, size_t n, long *cp);

#endif
