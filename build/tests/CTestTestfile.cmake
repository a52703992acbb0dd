# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(test_chart "/work/main/build/tests/test_chart" "--jobs" "2" "--short-filename")
set_tests_properties(test_chart PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;18;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(test_core "/work/main/build/tests/test_core" "--jobs" "2" "--short-filename")
set_tests_properties(test_core PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;18;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(test_ingest "/work/main/build/tests/test_ingest" "--jobs" "2" "--short-filename")
set_tests_properties(test_ingest PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;18;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(test_merge "/work/main/build/tests/test_merge" "--jobs" "2" "--short-filename")
set_tests_properties(test_merge PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;18;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(test_mustache "/work/main/build/tests/test_mustache" "--jobs" "2" "--short-filename")
set_tests_properties(test_mustache PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;18;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(golden "/work/main/tests/golden/run.sh" "/work/main/build/jtai")
set_tests_properties(golden PROPERTIES  ENVIRONMENT "JTAI_SOURCE_DIR=/work/main;JTAI_BINARY=/work/main/build/jtai;JTAI_DATADIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;23;add_test;/work/main/tests/CMakeLists.txt;0;")
