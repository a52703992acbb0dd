/* libFuzzer target: Markdown through layout to a PDF. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fontset fonts;
	static int loaded;
	struct diag_sink d;
	diag_init(&d);
	if (!loaded) {
		const char *m = getenv("JTAI_FONTS");
		if (fontset_load(&fonts, m ? m : "fonts/fonts.yaml", &d) < 0)
			abort();
		loaded = 1;
	}
	struct render_opts opts = {&fonts, NULL, NULL, NULL};
	struct buf out;
	buf_init(&out);
	render_pdf("fuzz.md", (const char *)data, size, &opts, &out, &d);
	buf_release(&out);
	diag_release(&d);
	return 0;
}
