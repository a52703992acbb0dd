/* Advance widths come from FreeType in font units and are kept, as libharu
 * writes them into the PDF's width array, in whole 1/1000 em truncated per
 * glyph: measuring with the same numbers the PDF viewer will use keeps our
 * word placement and libharu's string drawing in agreement. Widths of the
 * Basic Multilingual Plane are cached on first use. */
#include "core/font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/utf8.h"
#include "core/value.h"
#include "core/yaml.h"

enum { CACHE_SIZE = 0x10000 };

struct font {
	char *path;
	FT_Library lib;
	FT_Face face;
	double ascent, descent, cap_height;
	short *width; /* per BMP code point, -1 when not yet looked up */
};

struct font *
font_load(const char *path, struct diag_sink *d)
{
	struct font *f = xcalloc(1, sizeof(*f));
	if (FT_Init_FreeType(&f->lib)) {
		diag_error(d, path, 0, 0, "cannot start FreeType");
		free(f);
		return NULL;
	}
	if (FT_New_Face(f->lib, path, 0, &f->face)) {
		diag_error(d, path, 0, 0, "cannot load font");
		FT_Done_FreeType(f->lib);
		free(f);
		return NULL;
	}
	f->path = xstrdup(path);
	double upem = f->face->units_per_EM;
	f->ascent = (int)(f->face->ascender * 1000.0 / upem);
	f->descent = (int)(f->face->descender * 1000.0 / upem);
	TT_OS2 *os2 = FT_Get_Sfnt_Table(f->face, FT_SFNT_OS2);
	f->cap_height = os2 && os2->version >= 2
	                    ? (int)(os2->sCapHeight * 1000.0 / upem)
	                    : f->ascent * 0.7;
	f->width = xmalloc(CACHE_SIZE * sizeof(*f->width));
	memset(f->width, 0xff, CACHE_SIZE * sizeof(*f->width));
	return f;
}

void
font_free(struct font *f)
{
	if (f == NULL)
		return;
	FT_Done_Face(f->face);
	FT_Done_FreeType(f->lib);
	free(f->width);
	free(f->path);
	free(f);
}

const char *
font_path(const struct font *f)
{
	return f->path;
}

const char *
font_family(const struct font *f)
{
	return f->face->family_name ? f->face->family_name : "";
}

static double
lookup(const struct font *f, unsigned cp)
{
	FT_UInt gid = FT_Get_Char_Index(f->face, cp);
	FT_Fixed adv = 0;
	if (FT_Get_Advance(f->face, gid, FT_LOAD_NO_SCALE, &adv))
		return 0;
	return (int)(adv * 1000.0 / f->face->units_per_EM);
}

double
font_advance(const struct font *f, unsigned cp)
{
	if (cp >= CACHE_SIZE)
		return lookup(f, cp);
	if (f->width[cp] < 0)
		f->width[cp] = (short)lookup(f, cp);
	return f->width[cp];
}

double
font_width(const struct font *f, const char *s, size_t n, double size)
{
	double units = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		i += utf8_next(s, n, i, &cp);
		units += font_advance(f, cp);
	}
	return units * size / 1000.0;
}

double
font_ascent(const struct font *f)
{
	return f->ascent;
}

double
font_descent(const struct font *f)
{
	return f->descent;
}

double
font_cap_height(const struct font *f)
{
	return f->cap_height;
}

int
font_has_glyph(const struct font *f, unsigned cp)
{
	return FT_Get_Char_Index(f->face, cp) != 0;
}

static const char *const role_keys[FONT_ROLES] = {"regular", "bold", "mono"};

/* Finds file in the manifest's search folders (or as given when absolute). */
static char *
find_face(const struct value *search, const char *file)
{
	if (file[0] == '/')
		return file_exists(file) ? xstrdup(file) : NULL;
	for (size_t i = 0; search && i < search->n; i++) {
		const char *dir = value_text(search->items[i]);
		if (!dir)
			continue;
		char *p = file_join(dir, file);
		if (file_exists(p))
			return p;
		free(p);
	}
	return NULL;
}

int
fontset_load(struct fontset *fs, const char *manifest, struct diag_sink *d)
{
	memset(fs, 0, sizeof(*fs));
	struct arena *a = arena_new();
	int rc = -1;
	const struct value *root = yaml_load(a, manifest, d);
	if (root == NULL)
		goto out;
	const struct value *search = value_get(root, "search");
	const struct value *faces = value_get(root, "faces");
	for (int r = 0; r < FONT_ROLES; r++) {
		const struct value *v = value_get(faces, role_keys[r]);
		const char *file = value_text(v);
		if (file == NULL) {
			diag_error(d, manifest, faces ? faces->line : 1, 1,
			           "missing key 'faces.%s'", role_keys[r]);
			goto out;
		}
		char *path = find_face(search, file);
		if (path == NULL) {
			diag_error(d, manifest, v->line, v->col,
			           "font file '%s' not found", file);
			diag_hint(d, "install fonts-liberation2");
			goto out;
		}
		fs->face[r] = font_load(path, d);
		file_note_use(path);
		free(path);
		if (fs->face[r] == NULL)
			goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		fontset_release(fs);
	arena_free(a);
	return rc;
}

void
fontset_release(struct fontset *fs)
{
	for (int r = 0; r < FONT_ROLES; r++) {
		font_free(fs->face[r]);
		fs->face[r] = NULL;
	}
}
