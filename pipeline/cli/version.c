/* jtai --version: jtai's version and, for each library it uses, the version
 * it was compiled against and the one it runs with (they differ when a
 * shared library was upgraded after the build). */
#include <stdio.h>

#include <cmark.h>
#include <cmark_version.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hpdf.h>
#include <hpdf_version.h>
#include <yaml.h>

#include "chart/cairo_dl.h"
#include "cli/commands.h"
#include "core/buf.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* FreeType reports its version through a library instance. */
static void
freetype_version(char *out, size_t size)
{
	FT_Library ft;
	FT_Int major = 0, minor = 0, patch = 0;
	if (FT_Init_FreeType(&ft) == 0) {
		FT_Library_Version(ft, &major, &minor, &patch);
		FT_Done_FreeType(ft);
	}
	snprintf(out, size, "%d.%d.%d", (int)major, (int)minor, (int)patch);
}

int
cli_version(void)
{
	char ft[32];
	freetype_version(ft, sizeof(ft));
	/* cairo is loaded only for PNG output: here, to name its version */
	const struct cairo_dl *cairo = cairo_dl(NULL);
	const struct {
		const char *name, *built, *running;
	} libs[] = {
	    /* libyaml's header has no version macro: pkg-config's, from CMake */
	    {"libyaml", JTAI_BUILT_YAML, yaml_get_version_string()},
	    {"cmark", CMARK_VERSION_STRING, cmark_version_string()},
	    {"cairo", CAIRO_VERSION_STRING,
	     cairo ? cairo->cairo_version_string() : "(not found)"},
	    {"libharu", HPDF_VERSION_TEXT, HPDF_GetVersion()},
	    {"freetype", STR(FREETYPE_MAJOR) "." STR(FREETYPE_MINOR) "." STR(
	                     FREETYPE_PATCH),
	     ft},
	    {"harfbuzz", HB_VERSION_STRING, hb_version_string()},
	};
	struct buf out;
	buf_init(&out);
	buf_printf(&out, "jtai %s\n%-10s %-12s %s\n", JTAI_VERSION, "library",
	           "built with", "running with");
	for (size_t i = 0; i < sizeof(libs) / sizeof(libs[0]); i++)
		buf_printf(&out, "%-10s %-12s %s\n", libs[i].name, libs[i].built,
		           libs[i].running);
	int rc = cli_stdout(buf_cstr(&out), out.len);
	buf_release(&out);
	return rc;
}
