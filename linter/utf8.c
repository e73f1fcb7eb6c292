/* utf8.c - UTF-8 validation and decoding. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_valid(const unsigned char *s, size_t n, long *cp, const char **why)
{
	unsigned c = s[0];
	size_t len, i;
	long v, min;
	const char *w = NULL;

	if (c < 0x80) {
		if (cp)
			*cp = c;
		return 1;
	}
	if (c < 0xC2) {
		w = c < 0xC0 ? "is a continuation byte with no lead byte"
			     : "starts an overlong encoding";
		goto bad;
	}
	if (c < 0xE0)
		len = 2, v = c & 0x1F, min = 0x80;
	else if (c < 0xF0)
		len = 3, v = c & 0x0F, min = 0x800;
	else if (c < 0xF5)
		len = 4, v = c & 0x07, min = 0x10000;
	else {
		w = "never appears in UTF-8";
		goto bad;
	}
	if (n < len) {
		w = "starts a sequence cut short by the end of the file";
		goto bad;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			w = "starts a sequence cut short (a continuation byte is missing)";
			goto bad;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min)
		w = "starts an overlong encoding";
	else if (v >= 0xD800 && v <= 0xDFFF)
		w = "starts an encoded UTF-16 surrogate";
	else if (v > 0x10FFFF)
		w = "starts a code point beyond U+10FFFF";
	if (w)
		goto bad;
	if (cp)
		*cp = v;
	return len;
bad:
	if (why)
		*why = w;
	return 0;
}

size_t utf8_decode(const unsigned char *s, size_t n, long *cp)
{
	size_t len = utf8_valid(s, n, cp, NULL);
	if (len)
		return len;
	*cp = -1;
	return 1;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	/* eight bytes at a time: a continuation byte is 10xxxxxx */
	for (; i + 8 <= len; i += 8) {
		uint64_t w, cont;
		memcpy(&w, s + i, 8);
		cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		/* the bytes' 0/1 summed into the top byte */
		n += 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);
	}
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

char *utf8_put(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}
