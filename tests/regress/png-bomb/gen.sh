# A complete 12000 x 12000 PNG of about 450 kB (576 MB decoded).
python3 "$GEN" pngbomb hall.png 12000 12000
