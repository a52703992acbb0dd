
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/pipeline/chart/scene.c" "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o.d"
  "/work/main/pipeline/core/alloc.c" "CMakeFiles/jtaicore.dir/pipeline/core/alloc.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/alloc.c.o.d"
  "/work/main/pipeline/core/arena.c" "CMakeFiles/jtaicore.dir/pipeline/core/arena.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/arena.c.o.d"
  "/work/main/pipeline/core/buf.c" "CMakeFiles/jtaicore.dir/pipeline/core/buf.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/buf.c.o.d"
  "/work/main/pipeline/core/calendar.c" "CMakeFiles/jtaicore.dir/pipeline/core/calendar.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/calendar.c.o.d"
  "/work/main/pipeline/core/diag.c" "CMakeFiles/jtaicore.dir/pipeline/core/diag.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/diag.c.o.d"
  "/work/main/pipeline/core/file.c" "CMakeFiles/jtaicore.dir/pipeline/core/file.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/file.c.o.d"
  "/work/main/pipeline/core/font.c" "CMakeFiles/jtaicore.dir/pipeline/core/font.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/font.c.o.d"
  "/work/main/pipeline/core/hash.c" "CMakeFiles/jtaicore.dir/pipeline/core/hash.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/hash.c.o.d"
  "/work/main/pipeline/core/utf8.c" "CMakeFiles/jtaicore.dir/pipeline/core/utf8.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/utf8.c.o.d"
  "/work/main/pipeline/core/value.c" "CMakeFiles/jtaicore.dir/pipeline/core/value.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/value.c.o.d"
  "/work/main/pipeline/core/yaml.c" "CMakeFiles/jtaicore.dir/pipeline/core/yaml.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/core/yaml.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
