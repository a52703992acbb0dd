#include "cli/commands.h"
int cmd_build(int argc, char **argv) { return 2; }
int cmd_check(int argc, char **argv) { return 2; }
int cmd_merge(int argc, char **argv) { return 2; }
int cmd_draft(int argc, char **argv) { return 2; }
int cmd_chart(int argc, char **argv) { return 2; }
int cmd_render(int argc, char **argv) { return 2; }
