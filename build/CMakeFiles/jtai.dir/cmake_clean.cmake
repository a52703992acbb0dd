file(REMOVE_RECURSE
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/cmd_dates.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/main.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/main.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/report.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/report.c.o.d"
  "CMakeFiles/jtai.dir/pipeline/cli/stubs.c.o"
  "CMakeFiles/jtai.dir/pipeline/cli/stubs.c.o.d"
  "jtai"
  "jtai.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/jtai.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
