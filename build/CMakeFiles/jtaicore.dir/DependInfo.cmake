
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/pipeline/build/find.c" "CMakeFiles/jtaicore.dir/pipeline/build/find.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/build/find.c.o.d"
  "/work/main/pipeline/build/letter.c" "CMakeFiles/jtaicore.dir/pipeline/build/letter.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/build/letter.c.o.d"
  "/work/main/pipeline/chart/bars.c" "CMakeFiles/jtaicore.dir/pipeline/chart/bars.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/bars.c.o.d"
  "/work/main/pipeline/chart/cairo.c" "CMakeFiles/jtaicore.dir/pipeline/chart/cairo.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/cairo.c.o.d"
  "/work/main/pipeline/chart/chart.c" "CMakeFiles/jtaicore.dir/pipeline/chart/chart.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/chart.c.o.d"
  "/work/main/pipeline/chart/scene.c" "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/scene.c.o.d"
  "/work/main/pipeline/chart/svgid.c" "CMakeFiles/jtaicore.dir/pipeline/chart/svgid.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/chart/svgid.c.o.d"
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
  "/work/main/pipeline/draft/draft.c" "CMakeFiles/jtaicore.dir/pipeline/draft/draft.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/draft/draft.c.o.d"
  "/work/main/pipeline/draft/mustache.c" "CMakeFiles/jtaicore.dir/pipeline/draft/mustache.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/draft/mustache.c.o.d"
  "/work/main/pipeline/draft/mustache_parse.c" "CMakeFiles/jtaicore.dir/pipeline/draft/mustache_parse.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/draft/mustache_parse.c.o.d"
  "/work/main/pipeline/ingest/findings.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/findings.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/findings.c.o.d"
  "/work/main/pipeline/ingest/framework.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/framework.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/framework.c.o.d"
  "/work/main/pipeline/ingest/ingest.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/ingest.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/ingest.c.o.d"
  "/work/main/pipeline/ingest/inspection.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/inspection.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/inspection.c.o.d"
  "/work/main/pipeline/ingest/schema.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/schema.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/schema.c.o.d"
  "/work/main/pipeline/ingest/xref.c" "CMakeFiles/jtaicore.dir/pipeline/ingest/xref.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/ingest/xref.c.o.d"
  "/work/main/pipeline/merge/fold.c" "CMakeFiles/jtaicore.dir/pipeline/merge/fold.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/merge/fold.c.o.d"
  "/work/main/pipeline/merge/merge.c" "CMakeFiles/jtaicore.dir/pipeline/merge/merge.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/merge/merge.c.o.d"
  "/work/main/pipeline/render/flow.c" "CMakeFiles/jtaicore.dir/pipeline/render/flow.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/flow.c.o.d"
  "/work/main/pipeline/render/frontmatter.c" "CMakeFiles/jtaicore.dir/pipeline/render/frontmatter.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/frontmatter.c.o.d"
  "/work/main/pipeline/render/layout.c" "CMakeFiles/jtaicore.dir/pipeline/render/layout.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/layout.c.o.d"
  "/work/main/pipeline/render/page.c" "CMakeFiles/jtaicore.dir/pipeline/render/page.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/page.c.o.d"
  "/work/main/pipeline/render/pdf.c" "CMakeFiles/jtaicore.dir/pipeline/render/pdf.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/pdf.c.o.d"
  "/work/main/pipeline/render/render.c" "CMakeFiles/jtaicore.dir/pipeline/render/render.c.o" "gcc" "CMakeFiles/jtaicore.dir/pipeline/render/render.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
