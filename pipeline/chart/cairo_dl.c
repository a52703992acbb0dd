/* Loading cairo on first use (cairo_dl.h). */
#include "chart/cairo_dl.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <string.h>

#define CAIRO_SONAME "libcairo.so.2"

const struct cairo_dl *
cairo_dl(const char **why)
{
	static struct cairo_dl dl;
	static bool tried, ok;
	static char reason[256];
	if (!tried) {
		tried = true;
		/* never closed: cairo keeps caches of its own until exit */
		void *h = dlopen(CAIRO_SONAME, RTLD_NOW | RTLD_LOCAL);
		ok = h != NULL;
		const char *err = h ? NULL : dlerror();
#define JTAI_CAIRO_LOAD(f)                                                     \
	if (ok) {                                                              \
		void *sym = dlsym(h, #f);                                      \
		ok = sym != NULL;                                              \
		if (ok)                                                        \
			memcpy(&dl.f, &sym, sizeof(sym));                      \
		else                                                           \
			err = "a function is missing: " #f;                    \
	}
		JTAI_CAIRO_FUNCS(JTAI_CAIRO_LOAD)
#undef JTAI_CAIRO_LOAD
		if (!ok) {
			strncpy(reason, err ? err : "unknown", sizeof(reason) - 1);
			reason[sizeof(reason) - 1] = '\0';
		}
	}
	if (!ok && why)
		*why = reason;
	return ok ? &dl : NULL;
}
