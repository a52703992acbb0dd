file(REMOVE_RECURSE
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_build.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_build.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_chart.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_chart.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_check.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_check.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_draft.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_draft.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_merge.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_merge.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_render.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_render.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/main.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/main.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/report.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/report.c.o.d"
  "jtai"
  "jtai.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/jtai.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
