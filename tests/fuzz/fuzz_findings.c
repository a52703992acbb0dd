/* libFuzzer target: a findings file (and any YAML) through the loader and
 * the schema reader, as ingest reads it. */
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"
#include "ingest/model.h"
#include "ingest/read.h"
#include "ingest/schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *v = yaml_parse(a, "fuzz.yaml", (const char *)data, size, &d);
	if (v) {
		struct inspection ins = {0};
		struct reader r = {a, "fuzz.yaml", &d, false};
		read_findings(&r, v, "ofsted", &ins);
		read_cases(&r, v, &ins);
	}
	diag_release(&d);
	arena_free(a);
	return 0;
}
