# Empty compiler generated dependencies file for test_chart.
# This may be replaced when dependencies are built.
