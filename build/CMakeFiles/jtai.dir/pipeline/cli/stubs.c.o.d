CMakeFiles/jtai.dir/pipeline/cli/stubs.c.o: \
 /work/main/pipeline/cli/stubs.c /usr/include/stdc-predef.h \
 /work/main/pipeline/cli/commands.h
