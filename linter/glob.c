/* glob.c - path globs with '**'. */
#include "glob.h"

#include <string.h>

int glob_check(const char *g, size_t *at, const char **why)
{
	size_t i, n = strlen(g);

	*at = 0;
	if (!n) {
		*why = "an empty glob matches nothing";
		return -1;
	}
	if (g[0] == '/') {
		*why = "globs are relative to the configuration's folder: drop the leading '/'";
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (g[i] == '[') {
			size_t j = i + 1;
			if (j < n && (g[j] == '!' || g[j] == '^'))
				j++;
			if (j < n && g[j] == ']')
				j++; /* "[]a]": a ']' first is a member */
			while (j < n && g[j] != ']' && g[j] != '/')
				j++;
			if (j >= n || g[j] != ']') {
				*at = i;
				*why = "'[' opens a character class that is never closed";
				return -1;
			}
			i = j;
		} else if (g[i] == '*' && i + 1 < n && g[i + 1] == '*') {
			/* '**' must be a whole segment */
			if ((i > 0 && g[i - 1] != '/') || (i + 2 < n && g[i + 2] != '/')) {
				*at = i;
				*why = "'**' must be a whole path segment (as in prod/**/x.yaml)";
				return -1;
			}
			i++;
		} else if (g[i] == '\\' && i + 1 == n) {
			*at = i;
			*why = "a '\\' at the end escapes nothing";
			return -1;
		}
	}
	return 0;
}

/* Match one segment: glob g[0..gl) against s[0..sl) ('*', '?', [...]). */
static int seg_match(const char *g, size_t gl, const char *s, size_t sl)
{
	size_t gi = 0, si = 0, star_g = (size_t)-1, star_s = 0;

	while (si < sl) {
		if (gi < gl && g[gi] == '*') {
			star_g = ++gi;
			star_s = si;
			continue;
		}
		if (gi < gl && g[gi] == '[') {
			size_t j = gi + 1;
			int neg = 0, hit = 0;
			if (j < gl && (g[j] == '!' || g[j] == '^')) {
				neg = 1;
				j++;
			}
			do {
				if (j + 2 < gl && g[j + 1] == '-' && g[j + 2] != ']') {
					if (s[si] >= g[j] && s[si] <= g[j + 2])
						hit = 1;
					j += 3;
				} else {
					if (s[si] == g[j])
						hit = 1;
					j++;
				}
			} while (j < gl && g[j] != ']');
			if (hit != neg) {
				gi = j + 1;
				si++;
				continue;
			}
		} else if (gi < gl && g[gi] == '\\' && gi + 1 < gl) {
			if (g[gi + 1] == s[si]) {
				gi += 2;
				si++;
				continue;
			}
		} else if (gi < gl && (g[gi] == '?' || g[gi] == s[si])) {
			gi++;
			si++;
			continue;
		}
		if (star_g == (size_t)-1)
			return 0;
		gi = star_g;
		si = ++star_s;
	}
	while (gi < gl && g[gi] == '*')
		gi++;
	return gi == gl;
}

/* Match glob g against path p, segment by segment, '**' spanning any. */
static int path_match(const char *g, const char *p)
{
	for (;;) {
		const char *ge = strchr(g, '/'), *pe;
		size_t gl = ge ? (size_t)(ge - g) : strlen(g);
		if (gl == 2 && g[0] == '*' && g[1] == '*') {
			if (!ge)
				return 1; /* trailing "**": everything below */
			/* zero or more segments, then the rest of the glob */
			for (;;) {
				if (path_match(ge + 1, p))
					return 1;
				pe = strchr(p, '/');
				if (!pe)
					return 0;
				p = pe + 1;
			}
		}
		pe = strchr(p, '/');
		if (!seg_match(g, gl, p, pe ? (size_t)(pe - p) : strlen(p)))
			return 0;
		if (!ge || !pe)
			return !ge && !pe;
		g = ge + 1;
		p = pe + 1;
	}
}

int glob_match(const char *glob, const char *path)
{
	const char *base;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (!strchr(glob, '/')) {
		/* like .gitignore: a bare name matches at any depth */
		base = strrchr(path, '/');
		return seg_match(glob, strlen(glob), base ? base + 1 : path,
				 strlen(base ? base + 1 : path));
	}
	return path_match(glob, path);
}
