/* Runs a libFuzzer target's LLVMFuzzerTestOneInput over files, without
 * libFuzzer: with any compiler, so that ctest replays the seed corpora and
 * every crash found (tests/fuzz/corpus/) in the ordinary build, under the
 * sanitizers and under valgrind.
 *
 *   replay_TARGET FILE|DIR...   (a folder: each file in it, sorted) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
run_file(const char *path)
{
	struct buf b;
	struct diag_sink d;
	buf_init(&b);
	diag_init(&d);
	int rc = file_read(path, &b, &d);
	if (rc == 0) {
		/* a copy of exactly the file's size, as libFuzzer gives */
		uint8_t *copy = xmalloc(b.len ? b.len : 1);
		memcpy(copy, b.data, b.len);
		LLVMFuzzerTestOneInput(copy, b.len);
		free(copy);
	} else {
		fprintf(stderr, "replay: cannot read %s\n", path);
	}
	diag_release(&d);
	buf_release(&b);
	return rc;
}

int
main(int argc, char **argv)
{
	size_t n = 0;
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *dir = opendir(argv[i]);
			struct dirent *e;
			char **names = NULL;
			size_t k = 0, cap = 0;
			while (dir && (e = readdir(dir))) {
				if (e->d_name[0] == '.')
					continue;
				names = xgrow(names, &cap, k + 1, sizeof(*names));
				names[k++] = file_join(argv[i], e->d_name);
			}
			if (dir)
				closedir(dir);
			if (k > 1)
				qsort(names, k, sizeof(*names), by_name);
			for (size_t j = 0; j < k; j++) {
				failed |= run_file(names[j]) < 0;
				free(names[j]);
				n++;
			}
			free(names);
		} else {
			failed |= run_file(argv[i]) < 0;
			n++;
		}
	}
	printf("replayed %zu inputs\n", n);
	return failed || n == 0;
}
