file(REMOVE_RECURSE
  "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/alloc.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/alloc.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/arena.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/arena.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/buf.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/buf.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/calendar.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/calendar.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/diag.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/diag.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/file.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/file.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/font.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/font.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/hash.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/hash.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/utf8.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/utf8.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/value.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/value.c.o.d"
  "CMakeFiles/jtaicore.dir/pipeline/core/yaml.c.o"
  "CMakeFiles/jtaicore.dir/pipeline/core/yaml.c.o.d"
  "libjtaicore.a"
  "libjtaicore.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/jtaicore.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
