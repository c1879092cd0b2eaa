# SIGABRT while boardc writes a long paper (30,000 paragraphs) over an
# existing output, as when a library (glib, Pango, Cairo) runs out of memory
# under a memory limit and aborts. The target must be the old file, byte for
# byte, and the temporary file must go, as for SIGINT and SIGTERM.
DESC="SIGABRT during the PDF write"
run_case() { signal_mid_write ABRT; }
