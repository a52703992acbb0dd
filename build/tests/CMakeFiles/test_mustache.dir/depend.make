# Empty dependencies file for test_mustache.
# This may be replaced when dependencies are built.
