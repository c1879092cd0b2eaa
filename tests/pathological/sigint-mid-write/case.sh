# SIGINT while boardc writes a long paper (30,000 paragraphs, some 860
# pages) over an existing output: the signal is sent once boardc's
# temporary file has appeared beside the target. The target must be the old
# file, byte for byte (never a partial PDF).
DESC="SIGINT during the PDF write"
run_case() { signal_mid_write INT; }
