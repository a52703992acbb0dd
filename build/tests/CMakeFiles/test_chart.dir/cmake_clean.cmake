file(REMOVE_RECURSE
  "CMakeFiles/test_chart.dir/unit/test_chart.c.o"
  "CMakeFiles/test_chart.dir/unit/test_chart.c.o.d"
  "CMakeFiles/test_chart.dir/unit/testutil.c.o"
  "CMakeFiles/test_chart.dir/unit/testutil.c.o.d"
  "test_chart"
  "test_chart.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_chart.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
