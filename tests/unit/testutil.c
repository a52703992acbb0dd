#include "testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/font.h"

const char *
test_src(const char *rel)
{
	static char path[4096];
	const char *root = getenv("JTAI_SOURCE_DIR");
	snprintf(path, sizeof(path), "%s/%s", root ? root : ".", rel);
	return path;
}

const char *
test_shared(const char *rel)
{
	static char path[4096];
	const char *root = getenv("JTAI_SOURCE_DIR");
	snprintf(path, sizeof(path), "%s/../shared/%s", root ? root : ".", rel);
	return file_exists(path) ? path : NULL;
}

const char *
test_tmpdir(void)
{
	static char path[4096];
	const char *base = getenv("TMPDIR");
	snprintf(path, sizeof(path), "%s/jtai-test-XXXXXX", base ? base : "/tmp");
	if (mkdtemp(path) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return path;
}

void
test_write(const char *dir, const char *rel, const char *text)
{
	char *path = file_join(dir, rel);
	char *parent = file_dirname(path);
	struct diag_sink d;
	diag_init(&d);
	file_mkdirs(parent, &d);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		abort();
	}
	fputs(text, f);
	fclose(f);
	diag_release(&d);
	free(parent);
	free(path);
}

char *
test_diags(const struct diag_sink *s)
{
	struct buf b;
	buf_init(&b);
	diag_format_all(s, &b);
	return buf_detach(&b);
}

void
test_fonts(struct fontset *fs)
{
	struct diag_sink d;
	diag_init(&d);
	if (fontset_load(fs, test_src("fonts/fonts.yaml"), &d) < 0) {
		char *text = test_diags(&d);
		diag_release(&d);
		cr_assert_fail("cannot load the fonts: %s", text);
	}
	diag_release(&d);
}
