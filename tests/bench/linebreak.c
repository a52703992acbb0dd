/* Benchmark of the line breakers: total fit (the default) against first
 * fit, on the paragraphs of the golden letters (tests/golden/<case>/
 * letter.md, **bold**, `code` and [links](...) as runs) repeated to make
 * a thousand, at a measure of 425 pt. Run on demand, not under CTest:
 *
 *     bench_linebreak [-n paragraphs] [-r runs] [-w width] [source dir]
 *
 * The source dir (default $JTAI_SOURCE_DIR, else ".") holds fonts/ and
 * tests/golden/. Prints for each breaker the median of the runs of a
 * whole layout_paragraph (items, breaks and lines) and of the breaker
 * alone on the same items, the ratio of the medians, and the lines and
 * raggedness (sum of squared slack, last lines excluded) each gives. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "core/font.h"
#include "render/layout.h"

#include "bench.h"

struct para {
	char *line; /* the Markdown, which the runs point into */
	struct run *run;
	size_t n;
};

struct corpus {
	struct para *para;
	size_t n, cap;
};

/* Appends a run of s[0..n) (borrowed) in face to p. */
static void
add_run(struct para *p, size_t *cap, const char *s, size_t n,
        enum font_role face, int link)
{
	if (n == 0)
		return;
	if (p->n == *cap)
		p->run = xgrow(p->run, cap, p->n + 1, sizeof(*p->run));
	p->run[p->n++] = (struct run){.text = s,
	                              .len = n,
	                              .face = face,
	                              .size = face == FONT_MONO ? 10 : 12,
	                              .link = link};
}

/* One line of Markdown as runs: **bold**, `code`, [link](target). */
static void
add_para(struct corpus *c, const char *md, size_t len)
{
	struct para p = {.line = xstrndup(md, len)};
	const char *s = p.line;
	size_t cap = 0, i = 0, start = 0;
	enum font_role face = FONT_REGULAR;
	while (i < len) {
		if (s[i] == '`' ||
		    (s[i] == '*' && i + 1 < len && s[i + 1] == '*')) {
			add_run(&p, &cap, s + start, i - start, face, -1);
			enum font_role to = s[i] == '`' ? FONT_MONO : FONT_BOLD;
			face = face == to ? FONT_REGULAR : to;
			i += s[i] == '`' ? 1 : 2;
			start = i;
		} else if (s[i] == '[') {
			const char *close = memchr(s + i, ']', len - i);
			if (close == NULL || close + 1 >= s + len ||
			    close[1] != '(') {
				i++;
				continue;
			}
			add_run(&p, &cap, s + start, i - start, face, -1);
			add_run(&p, &cap, s + i + 1,
			        (size_t)(close - s) - i - 1, face, 0);
			const char *end =
			    memchr(close, ')', (size_t)(s + len - close));
			i = end ? (size_t)(end - s) + 1 : len;
			start = i;
		} else {
			i++;
		}
	}
	add_run(&p, &cap, s + start, len - start, face, -1);
	if (c->n == c->cap)
		c->para = xgrow(c->para, &c->cap, c->n + 1, sizeof(*c->para));
	c->para[c->n++] = p;
}

/* The prose paragraphs of one letter.md: lines of text, not headings,
 * tables, lists, quotes, fences or front matter. */
static void
read_letter(struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return;
	char line[8192];
	int front = 0;
	while (fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, "\n");
		if (strncmp(line, "---", 3) == 0)
			front++;
		if (front == 1 || n < 60 ||
		    strchr("#|->`*0123456789 ", line[0]))
			continue;
		add_para(c, line, n);
	}
	fclose(f);
}

/* Reads every tests/golden/<case>/letter.md under dir, in name order. */
static void
read_corpus(struct corpus *c, const char *dir)
{
	char path[4096];
	struct dirent **e;
	snprintf(path, sizeof(path), "%s/tests/golden", dir);
	int n = scandir(path, &e, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		if (e[i]->d_name[0] != '.') {
			snprintf(path, sizeof(path),
			         "%s/tests/golden/%s/letter.md", dir,
			         e[i]->d_name);
			read_letter(c, path);
		}
		free(e[i]);
	}
	if (n >= 0)
		free(e);
}

/* Repeats of the breaker alone on one paragraph's items, so that the
 * clock's own cost (some 20 ns a reading) stays small beside it. */
#define REPEAT 20

struct result {
	double *whole, *brk; /* seconds, one per run */
	size_t lines;
	double rag;
};

/* One run of breaker fn over paragraphs [0, npara) of c (cycling): the
 * time of layout_paragraph as a whole into res->whole[k], of the breaker
 * alone into res->brk[k]; with k < 0, a run that warms the caches and
 * counts the lines and raggedness instead. */
static void
run_once(struct layout *l, const struct corpus *c, size_t npara, double width,
         layout_breaker_fn *fn, struct result *res, int k)
{
	struct lines ls;
	lines_init(&ls);
	l->breaker = fn;
	double t0 = bench_now();
	for (size_t p = 0; p < npara; p++) {
		const struct para *pa = &c->para[p % c->n];
		ls.n = ls.nseg = 0;
		layout_paragraph(l, pa->run, pa->n, width, &ls);
	}
	double whole = bench_now() - t0, brk = 0;
	for (size_t p = 0; p < npara; p++) {
		const struct para *pa = &c->para[p % c->n];
		ls.n = ls.nseg = 0;
		size_t n = layout_paragraph(l, pa->run, pa->n, width, &ls);
		double t1 = bench_now();
		for (int i = 0; i < REPEAT; i++)
			fn(l, width);
		brk += (bench_now() - t1) / REPEAT;
		if (k >= 0)
			continue;
		res->lines += n;
		for (size_t i = 0; i + 1 < n; i++) {
			double s = width - ls.line[i].width;
			res->rag += s * s;
		}
	}
	if (k >= 0) {
		res->whole[k] = whole;
		res->brk[k] = brk;
	}
	lines_release(&ls);
}

static void
report(const char *name, struct result *r, int runs)
{
	printf("%-10s %14.3f %14.3f %8zu %14.0f\n", name,
	       bench_median(r->whole, (size_t)runs) * 1e3,
	       bench_median(r->brk, (size_t)runs) * 1e3, r->lines, r->rag);
}

int
main(int argc, char **argv)
{
	size_t npara = 1000;
	int runs = 15;
	double width = 425;
	const char *dir = getenv("JTAI_SOURCE_DIR");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			npara = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc)
			width = atof(argv[++i]);
		else
			dir = argv[i];
	}
	if (dir == NULL)
		dir = ".";
	if (runs < 1)
		runs = 1;
	struct diag_sink d;
	struct fontset fs;
	char manifest[4096];
	diag_init(&d);
	snprintf(manifest, sizeof(manifest), "%s/fonts/fonts.yaml", dir);
	if (fontset_load(&fs, manifest, &d) != 0) {
		fprintf(stderr, "bench_linebreak: cannot load %s\n", manifest);
		return 1;
	}
	struct corpus c = {0};
	read_corpus(&c, dir);
	if (c.n == 0) {
		fprintf(stderr, "bench_linebreak: no paragraphs under %s\n",
		        dir);
		return 1;
	}
	struct layout l;
	layout_init(&l, &fs);
	struct result tf = {.whole = xcalloc((size_t)runs, sizeof(double)),
	                    .brk = xcalloc((size_t)runs, sizeof(double))};
	struct result ff = {.whole = xcalloc((size_t)runs, sizeof(double)),
	                    .brk = xcalloc((size_t)runs, sizeof(double))};
	/* a run of each to warm the caches, then the two in turn, so that
	 * the machine's other load falls on both alike */
	run_once(&l, &c, npara, width, layout_break_total_fit, &tf, -1);
	run_once(&l, &c, npara, width, layout_break_first_fit, &ff, -1);
	for (int k = 0; k < runs; k++) {
		run_once(&l, &c, npara, width, layout_break_total_fit, &tf, k);
		run_once(&l, &c, npara, width, layout_break_first_fit, &ff, k);
	}
	printf("%zu paragraphs (%zu distinct) at %g pt, median of %d runs\n",
	       npara, c.n, width, runs);
	printf("%-10s %14s %14s %8s %14s\n", "breaker", "paragraph ms",
	       "breaker ms", "lines", "raggedness");
	report("total fit", &tf, runs);
	report("first fit", &ff, runs);
	printf("ratio total/first: paragraph %.2f, breaker %.2f\n",
	       bench_median(tf.whole, (size_t)runs) /
	           bench_median(ff.whole, (size_t)runs),
	       bench_median(tf.brk, (size_t)runs) /
	           bench_median(ff.brk, (size_t)runs));
	free(tf.whole);
	free(tf.brk);
	free(ff.whole);
	free(ff.brk);
	layout_release(&l);
	for (size_t p = 0; p < c.n; p++) {
		free(c.para[p].line);
		free(c.para[p].run);
	}
	free(c.para);
	fontset_release(&fs);
	diag_release(&d);
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}
