/* Confinement (docs/limits.md): templates are read only from inside their
 * folder, outputs are written only into real folders, never through a
 * symbolic link planted there. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "testutil.h"

static char *
slurp(const char *path)
{
	struct diag_sink d;
	diag_init(&d);
	struct buf b;
	buf_init(&b);
	cr_assert_eq(file_read(path, &b, &d), 0, "%s", path);
	diag_release(&d);
	return buf_detach(&b);
}

static char *
join(const char *a, const char *b)
{
	return file_join(a, b);
}

/* file_read_within(dir, rel) fails with want in the diagnostics. */
static void
refused_read(const char *dir, const char *rel, const char *want)
{
	struct diag_sink d;
	diag_init(&d);
	struct buf b;
	buf_init(&b);
	cr_assert_eq(file_read_within(dir, rel, &b, &d), -1, "%s", rel);
	cr_assert_eq(b.len, 0);
	test_diags_have(&d, want);
	buf_release(&b);
	diag_release(&d);
}

Test(confine, reads_only_inside_the_folder)
{
	const char *tmp = test_tmpdir();
	char *fw = join(tmp, "templates/fw");
	test_write(fw, "letter.md", "letter");
	test_write(fw, "partials/ok.md", "ok");
	test_write(tmp, "secret.txt", "secret");
	char *secret = join(tmp, "secret.txt");
	char *link = join(fw, "partials/link.md");
	cr_assert_eq(symlink(secret, link), 0);
	char *dirlink = join(fw, "partials/sub");
	cr_assert_eq(symlink(tmp, dirlink), 0);

	struct diag_sink d;
	diag_init(&d);
	struct buf b;
	buf_init(&b);
	cr_assert_eq(file_read_within(fw, "partials/ok.md", &b, &d), 0);
	cr_assert_str_eq(buf_cstr(&b), "ok");
	buf_release(&b);
	diag_release(&d);

	refused_read(fw, "partials/link.md",
	             "partials/link.md: error: cannot read: 'link.md' is a "
	             "symbolic link");
	refused_read(fw, "partials/sub/secret.txt",
	             "error: cannot read: 'sub' is a symbolic link");
	refused_read(fw, "../../secret.txt",
	             "error: cannot read: '..' is not allowed here");
	refused_read(fw, "partials/../../../secret.txt",
	             "error: cannot read: '..' is not allowed here");
	refused_read(fw, secret,
	             "error: cannot read: an absolute path is not allowed here");
	refused_read(fw, "partials/missing.md",
	             "error: cannot read: No such file or directory");
	refused_read(fw, "", "error: cannot read: is a folder");
	refused_read(fw, "./.", "error: cannot read: is a folder");
	refused_read(fw, "partials/.", "error: cannot read: is a folder");
	free(dirlink);
	free(link);
	free(secret);
	free(fw);
}

Test(confine, the_folder_itself_may_be_a_link)
{
	const char *tmp = test_tmpdir();
	test_write(tmp, "real/letter.md", "text");
	char *real = join(tmp, "real");
	char *alias = join(tmp, "alias");
	cr_assert_eq(symlink(real, alias), 0);
	struct diag_sink d;
	diag_init(&d);
	struct buf b;
	buf_init(&b);
	cr_assert_eq(file_read_within(alias, "./letter.md", &b, &d), 0);
	cr_assert_str_eq(buf_cstr(&b), "text");
	buf_release(&b);
	diag_release(&d);
	free(alias);
	free(real);
}

Test(confine, a_link_planted_at_an_output_is_replaced_not_followed)
{
	const char *tmp = test_tmpdir();
	test_write(tmp, "victim.txt", "precious");
	test_write(tmp, "out/riverford/merged.yaml", "old");
	char *victim = join(tmp, "victim.txt");
	char *pdf = join(tmp, "out/riverford/letter.pdf");
	cr_assert_eq(symlink(victim, pdf), 0);
	struct diag_sink d;
	diag_init(&d);
	cr_assert_eq(file_write_atomic(pdf, "%PDF", 4, &d), 0);
	char *text = slurp(victim);
	cr_assert_str_eq(text, "precious");
	free(text);
	struct stat st;
	cr_assert_eq(lstat(pdf, &st), 0);
	cr_assert(S_ISREG(st.st_mode));
	text = slurp(pdf);
	cr_assert_str_eq(text, "%PDF");
	free(text);
	diag_release(&d);
	free(pdf);
	free(victim);
}

Test(confine, a_planted_folder_link_is_refused)
{
	const char *tmp = test_tmpdir();
	char *elsewhere = join(tmp, "elsewhere");
	cr_assert_eq(mkdir(elsewhere, 0777), 0);
	char *out = join(tmp, "out");
	cr_assert_eq(mkdir(out, 0777), 0);
	char *name = join(out, "riverford");
	cr_assert_eq(symlink(elsewhere, name), 0);
	char *charts = join(name, "charts");
	char *pdf = join(name, "letter.pdf");
	struct diag_sink d;
	diag_init(&d);
	/* OUTDIR/NAME a link: neither the folders nor a file go through */
	cr_assert_eq(file_mkdirs(name, &d), -1);
	test_diags_have(&d, "out/riverford: error: cannot write: the folder is "
	                    "a symbolic link");
	cr_assert_eq(file_mkdirs_within(out, "riverford/charts", &d), -1);
	cr_assert_eq(file_write_atomic(pdf, "%PDF", 4, &d), -1);
	char *gone = join(elsewhere, "charts");
	cr_assert_not(file_exists(gone));
	free(gone);
	gone = join(elsewhere, "letter.pdf");
	cr_assert_not(file_exists(gone));
	free(gone);
	/* OUTDIR/NAME/charts a link */
	cr_assert_eq(unlink(name), 0);
	cr_assert_eq(mkdir(name, 0777), 0);
	cr_assert_eq(symlink(elsewhere, charts), 0);
	cr_assert_eq(file_mkdirs(charts, &d), -1);
	cr_assert_eq(file_mkdirs_within(out, "riverford/charts", &d), -1);
	cr_assert_eq(file_mkdirs_within(out, "riverford/../../x", &d), -1);
	test_diags_have(&d, "error: cannot create folder: outside");
	char *svg = join(charts, "bars.svg");
	cr_assert_eq(file_write_atomic(svg, "<svg/>", 6, &d), -1);
	gone = join(elsewhere, "bars.svg");
	cr_assert_not(file_exists(gone));
	free(gone);
	free(svg);
	diag_release(&d);
	free(pdf);
	free(charts);
	free(name);
	free(out);
	free(elsewhere);
}

Test(confine, the_output_folder_itself_may_be_a_link)
{
	const char *tmp = test_tmpdir();
	char *real = join(tmp, "real-out");
	cr_assert_eq(mkdir(real, 0777), 0);
	char *out = join(tmp, "out");
	cr_assert_eq(symlink(real, out), 0);
	char *charts = join(out, "riverford/charts");
	struct diag_sink d;
	diag_init(&d);
	cr_assert_eq(file_mkdirs(charts, &d), 0, "%s", test_diags(&d));
	cr_assert_eq(file_mkdirs_within(out, "riverford/charts", &d), 0);
	char *pdf = join(out, "riverford/letter.pdf");
	cr_assert_eq(file_write_atomic(pdf, "%PDF", 4, &d), 0);
	char *seen = join(real, "riverford/letter.pdf");
	cr_assert(file_exists(seen));
	free(seen);
	diag_release(&d);
	free(pdf);
	free(charts);
	free(out);
	free(real);
}

Test(confine, a_failed_write_leaves_the_previous_file_and_no_temporary)
{
	const char *tmp = test_tmpdir();
	test_write(tmp, "out/letter.pdf", "previous");
	char *pdf = join(tmp, "out/letter.pdf");
	char *dir = join(tmp, "out");
	struct diag_sink d;
	diag_init(&d);
	/* the file's name is a folder: the rename fails after the write */
	char *sub = join(tmp, "out/charts");
	cr_assert_eq(mkdir(sub, 0777), 0);
	test_write(sub, "keep.svg", "x");
	cr_assert_eq(file_write_atomic(sub, "new", 3, &d), -1);
	test_diags_have(&d, "out/charts: error: cannot write:");
	char *text = slurp(pdf);
	cr_assert_str_eq(text, "previous");
	free(text);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "test -z \"$(ls -A '%s' | grep tmp)\"", dir);
	cr_assert_eq(system(cmd), 0, "a temporary file was left in %s", dir);
	diag_release(&d);
	free(sub);
	free(dir);
	free(pdf);
}
