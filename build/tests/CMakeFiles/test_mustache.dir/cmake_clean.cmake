file(REMOVE_RECURSE
  "CMakeFiles/test_mustache.dir/unit/test_mustache.c.o"
  "CMakeFiles/test_mustache.dir/unit/test_mustache.c.o.d"
  "CMakeFiles/test_mustache.dir/unit/testutil.c.o"
  "CMakeFiles/test_mustache.dir/unit/testutil.c.o.d"
  "test_mustache"
  "test_mustache.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_mustache.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
