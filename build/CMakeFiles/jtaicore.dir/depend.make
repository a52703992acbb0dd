# Empty dependencies file for jtaicore.
# This may be replaced when dependencies are built.
