CMakeFiles/jtaicore.dir/pipeline/merge/merge.c.o: \
 /work/main/pipeline/merge/merge.c /usr/include/stdc-predef.h \
 /work/main/pipeline/merge/merge.h /usr/include/string.h \
 /usr/include/x86_64-linux-gnu/bits/libc-header-start.h \
 /usr/include/features.h /usr/include/features-time64.h \
 /usr/include/x86_64-linux-gnu/bits/wordsize.h \
 /usr/include/x86_64-linux-gnu/bits/timesize.h \
 /usr/include/x86_64-linux-gnu/sys/cdefs.h \
 /usr/include/x86_64-linux-gnu/bits/long-double.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs-64.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/include/x86_64-linux-gnu/bits/types/locale_t.h \
 /usr/include/x86_64-linux-gnu/bits/types/__locale_t.h \
 /work/main/pipeline/core/arena.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdarg.h \
 /work/main/pipeline/core/buf.h /work/main/pipeline/core/calendar.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdbool.h \
 /work/main/pipeline/core/diag.h /work/main/pipeline/core/value.h \
 /work/main/pipeline/core/yaml.h /work/main/pipeline/ingest/model.h \
 /work/main/pipeline/merge/fold.h
