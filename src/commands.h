/* commands.h - subcommands other than build, one function each with the
 * signature main.c's table expects. Included by main.c. */
#ifndef BC_COMMANDS_H
#define BC_COMMANDS_H

int bc_cmd_new(int argc, char **argv);
int bc_cmd_templates(int argc, char **argv);
int bc_cmd_styles(int argc, char **argv);
int bc_cmd_pack(int argc, char **argv);

#endif
