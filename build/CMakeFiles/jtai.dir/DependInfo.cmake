
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/pipeline/cli/cmd_build.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_build.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_build.c.o.d"
  "/work/main/pipeline/cli/cmd_chart.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_chart.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_chart.c.o.d"
  "/work/main/pipeline/cli/cmd_check.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_check.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_check.c.o.d"
  "/work/main/pipeline/cli/cmd_dates.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o.d"
  "/work/main/pipeline/cli/cmd_draft.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_draft.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_draft.c.o.d"
  "/work/main/pipeline/cli/cmd_merge.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_merge.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_merge.c.o.d"
  "/work/main/pipeline/cli/cmd_render.c" "CMakeFiles/jtai.dir/pipeline/cli/cmd_render.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/cmd_render.c.o.d"
  "/work/main/pipeline/cli/main.c" "CMakeFiles/jtai.dir/pipeline/cli/main.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/main.c.o.d"
  "/work/main/pipeline/cli/report.c" "CMakeFiles/jtai.dir/pipeline/cli/report.c.o" "gcc" "CMakeFiles/jtai.dir/pipeline/cli/report.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/CMakeFiles/jtaicore.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
