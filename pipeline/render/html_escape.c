/* Escaping for the HTML page: text and attribute values share one escape
 * (every attribute is double-quoted), and link targets pass a scheme
 * allow-list before being percent-encoded. */
#include <stdbool.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "render/html.h"

/* Code points HTML's parser reports as errors in its input. */
static bool
is_control(unsigned cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static bool
is_noncharacter(unsigned cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

void
html_escape(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7F &&
		       !strchr("&<>\"'", s[run]))
			run++;
		buf_append(out, s + i, run - i);
		if ((i = run) == n)
			break;
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		switch (cp) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default:
			if (is_control(cp)) {
				buf_putc(out, ' ');
			} else if (is_noncharacter(cp)) {
				buf_puts(out, "\xEF\xBF\xBD");
			} else {
				char enc[4];
				buf_append(out, enc, utf8_encode(cp, enc));
			}
		}
		i += len;
	}
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_scheme_char(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
	       c == '.';
}

bool
html_url_allowed(const char *url)
{
	static const char *const allowed[] = {"http", "https", "mailto"};
	char scheme[8];
	size_t n = 0;
	const char *p = url;
	while ((unsigned char)*p <= 0x20 && *p)
		p++;
	for (; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == ':')
			break;
		if (!(n == 0 ? is_alpha(*p) : is_scheme_char(*p)))
			return true; /* no scheme: a relative reference */
		char c = *p;
		if (n < sizeof(scheme) - 1)
			scheme[n] =
			    c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		n++;
	}
	if (*p != ':')
		return true;
	if (n >= sizeof(scheme))
		return false; /* longer than any scheme we allow */
	scheme[n] = '\0';
	for (size_t i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
		if (!strcmp(scheme, allowed[i]))
			return true;
	return false;
}

/* Bytes kept as they are in a URL (as cmark's href escape keeps them);
 * '%' stays, so that an encoded URL is not encoded twice. */
static bool
href_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') ||
	       (c && strchr("-_.+!*(),%#@?=;:/$~", c));
}

void
html_put_href(struct buf *out, const char *url)
{
	if (!html_url_allowed(url))
		return;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (href_safe(*p))
			buf_putc(out, *p);
		else if (*p == '&')
			buf_puts(out, "&amp;");
		else if (*p == '\'')
			buf_puts(out, "&#39;");
		else
			buf_printf(out, "%%%02X", *p);
	}
}
