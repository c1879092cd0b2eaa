#!/bin/sh
# embed.sh SYMBOL FILE - print a C file defining SYMBOL (the bytes of FILE,
# NUL-terminated) and SYMBOL_len, so data files are built into the binary.
set -eu
sym=$1
file=$2
printf '/* generated from %s by tools/embed.sh; do not edit */\n' "$file"
printf '#include <stddef.h>\n'
printf 'const char %s[] = {\n' "$sym"
od -An -v -tx1 "$file" | sed -e 's/ *$//' -e 's/^ *//' -e 's/ /, 0x/g' -e 's/^/0x/' -e 's/$/,/'
printf '0x00};\n'
printf 'const size_t %s_len = sizeof %s - 1;\n' "$sym" "$sym"
