/* jtai chart: one chart of a merged.yaml as SVG (or PNG). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "chart/chart.h"
#include "cli/commands.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai chart [-o FILE] [--png] [--dpi N] [--depfile FILE]\n"
    "                  MERGED NAME\n\n"
    "Draws the chart NAME from the merged letter model MERGED (a\n"
    "merged.yaml) and writes it as SVG, or as PNG with --png, to FILE or\n"
    "standard output. The SVG is the one jtai build writes to\n"
    "charts/NAME.svg; SVG and PNG are the same bytes on every run. Any chart\n"
    "can be drawn from any merged.yaml, except judgements for a framework\n"
    "that is not graded.\n\n"
    "charts:\n"
    "  findings-by-agency  each agency's strengths and areas for improvement\n"
    "  case-audit          each agency's practice ratings in the cases\n"
    "  judgements          each judgement on the scale (graded frameworks)\n"
    "  timeline            the inspection's dates in working days\n\n"
    "options:\n"
    "  -o, --output FILE   where to write (default: standard output),\n"
    "                      atomically\n"
    "      --png           write a PNG (opaque) instead of SVG\n"
    "      --dpi N         the PNG's resolution, 10 to 2400 dots per inch\n"
    "                      (default 150)\n"
    "      --depfile FILE  also write a Make rule naming every file read,\n"
    "                      for the output named by -o\n"
    "  -h, --help          show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR  the folder holding templates/ and fonts/\n\n"
    "exit status:\n"
    "  0  success\n"
    "  1  MERGED cannot be read or lacks what the chart needs\n"
    "  2  wrong usage, or an unknown chart NAME\n\n"
    "examples:\n"
    "  # the judgements of a graded inspection, as SVG\n"
    "  jtai chart out/hollinsby-sif/merged.yaml judgements -o judgements.svg\n"
    "  # its timeline as a PNG, at the default 150 dots per inch\n"
    "  jtai chart --png out/hollinsby-sif/merged.yaml timeline -o"
    " timeline.png\n\n"
    "see also:\n"
    "  jtai(1), jtai-build(1), jtai-render(1); docs/charts.md\n";
const char *const cmd_chart_help = help;

/* N of --dpi N, or -1 when it is not a number from 10 to 2400. */
static double
dpi_arg(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	return end != s && *end == '\0' && v >= 10 && v <= 2400 ? v : -1;
}

static bool
known(const char *name)
{
	for (size_t i = 0; chart_names[i]; i++)
		if (strcmp(chart_names[i], name) == 0)
			return true;
	return false;
}

int
cmd_chart(int argc, char **argv)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"png", no_argument, NULL, 'p'},
	    {"dpi", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0}};
	const char *output = NULL;
	int png = 0, c;
	double dpi = 150;
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longs, NULL)) != -1) {
		if (c == 'o')
			output = optarg;
		else if (c == 'p')
			png = 1;
		else if (c == 'd')
			dpi = dpi_arg(optarg);
		else
			return cli_usage_error("chart", "bad option '%s'",
			                       argv[optind - 1]);
		if (dpi < 0)
			return cli_usage_error(
			    "chart", "--dpi must be 10 to 2400, not '%s'",
			    optarg);
	}
	if (optind + 2 != argc)
		return cli_usage_error("chart",
		                       "expected MERGED and a chart NAME");
	if (!known(argv[optind + 1]))
		return cli_usage_error("chart", "unknown chart '%s'",
		                       argv[optind + 1]);
	struct diag_sink d;
	diag_init(&d);
	struct arena *a = arena_new();
	struct buf out;
	buf_init(&out);
	struct build_env env = {0};
	int ok = build_env_init(&env, build_datadir(), &d) == 0;
	struct value *model = ok ? merge_load(a, argv[optind], &d) : NULL;
	const struct scene *s =
	    model ? chart_draw_from(a, argv[optind + 1], argv[optind], model,
	                            &env.fonts, &d)
	          : NULL;
	ok = s && (png ? chart_write_png(s, &env.fonts, dpi, &out, &d)
	               : chart_write_svg(s, &env.fonts, &out, &d)) == 0;
	int rc = cli_report(&d);
	if (ok)
		rc = cli_output(output, out.data, out.len);
	build_env_release(&env);
	buf_release(&out);
	arena_free(a);
	diag_release(&d);
	return rc ? 1 : 0;
}
