# Empty compiler generated dependencies file for jtai.
# This may be replaced when dependencies are built.
