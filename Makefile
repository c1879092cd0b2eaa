# boardc - board-paper compiler. See README.md.
#   make demo      install dependencies, build, render samples/*.xml into out/
#   make check     install dependencies, build, run every test
#   make sanitize  build with ASan+UBSan and run every test
#   make valgrind  samples and bad inputs under valgrind memcheck
#   make fuzz      libFuzzer over the whole pipeline (FUZZ_SECONDS=60)
#   make bench     time boardc on the benchmark corpus
#   make bench-cases  linearity: each scalable hostile input at N and 10N
#   make install PREFIX=/usr/local

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc

DEB_PACKAGES = build-essential pkg-config libxml2-dev libpango1.0-dev \
	libcairo2-dev libcmocka-dev librsvg2-dev zlib1g-dev libdeflate-dev fontconfig fonts-liberation2 \
	libcsv-dev libhyphen-dev hyphen-en-gb hyphen-en-us poppler-utils qpdf locales python3 libxml2-utils python3-jsonschema

PKGS     = libxml-2.0 pangocairo pangoft2 cairo-pdf cairo-png cairo-svg librsvg-2.0 zlib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# librsvg is opened when a style first needs it (src/svg.c), not linked.
PKG_LIBS   = $(shell pkg-config --libs $(filter-out librsvg-2.0,$(PKGS)) 2>/dev/null)

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -DBOARDC_VERSION='"$(VERSION)"' \
	-Isrc -I$(BUILD)/gen $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) $(PKG_CFLAGS)
LDLIBS   = $(PKG_LIBS) -lcsv -ldeflate -lhyphen -lm -ldl

SRC      = $(wildcard src/*.c)
GEN      = $(BUILD)/gen/schema.c $(BUILD)/gen/style_default.c
OBJ      = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) \
	   $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen_%.o,$(GEN))
LIBOBJ   = $(filter-out $(BUILD)/obj/main.o,$(OBJ))

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

SAMPLES  = $(wildcard samples/*.xml)

.PHONY: all deps demo check test sanitize valgrind fuzz bench bench-cases install clean format

all: $(BUILD)/boardc

deps:
	@sh tools/deps.sh $(DEB_PACKAGES)

$(BUILD)/boardc: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen_%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/schema.c: schema/boardc.rng tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh bc_schema_paper $< > $@

$(BUILD)/gen/style_default.c: styles/default.xml tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh bc_style_default_xml $< > $@

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS) -lcmocka

demo: deps
	$(MAKE) all
	@mkdir -p out
	@for f in $(SAMPLES); do \
		o=out/$$(basename $$f .xml).pdf; \
		echo "boardc build $$f -o $$o"; \
		$(BUILD)/boardc build $$f -o $$o || exit 1; \
	done
	@for a in $(wildcard samples/packs/*/agenda.xml samples/packs/*/supplementary.xml); do \
		o=out/$$(basename $$(dirname $$a))-$$(basename $$a .xml).pdf; \
		echo "boardc pack $$a -o $$o"; \
		$(BUILD)/boardc pack $$a -o $$o || exit 1; \
	done

check: deps
	$(MAKE) test

test: $(BUILD)/boardc $(UNIT_BIN)
	@BOARDC=$(BUILD)/boardc UNIT_DIR=$(BUILD)/tests sh tests/run.sh

# print_suppressions=0: LeakSanitizer would list the suppressions it used
# after every run's diagnostics, on stderr, where the tests check each line.
sanitize: deps
	BOARDC_DATA_DIR=$(CURDIR) LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		$(MAKE) BUILD=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer over the whole pipeline (tests/fuzz/fuzz_paper.c), seeded with
# the samples, the test papers and the committed regression inputs
# (tests/regress/*/, named after their folder). make fuzz FUZZ_SECONDS=3600
# for an hour.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
fuzz: $(GEN)
	@command -v $(FUZZ_CC) >/dev/null || sh tools/deps.sh clang
	@mkdir -p build/fuzz/corpus
	$(FUZZ_CC) -std=c11 -D_XOPEN_SOURCE=700 -DBOARDC_VERSION='"fuzz"' -Isrc -I$(BUILD)/gen \
		-g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) -o build/fuzz/fuzz_paper \
		tests/fuzz/fuzz_paper.c $(filter-out src/main.c,$(SRC)) $(GEN) $(LDLIBS)
	cp samples/*.xml tests/data/*.xml tests/data/bad/*.xml build/fuzz/corpus/
	for f in tests/regress/*/*.xml tests/regress/*/*.svg; do \
		cp "$$f" "build/fuzz/corpus/regress-$$(basename $$(dirname $$f))-$$(basename $$f)"; \
	done
	FONTCONFIG_FILE=$(CURDIR)/tests/fonts.conf \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		build/fuzz/fuzz_paper -max_total_time=$(FUZZ_SECONDS) -max_len=200000 -timeout=20 \
		-rss_limit_mb=4096 -artifact_prefix=build/fuzz/ build/fuzz/corpus

valgrind: $(BUILD)/boardc
	sh tests/valgrind.sh

bench: $(BUILD)/boardc
	bash bench/run.sh

# Each pathological input that scales, built at N and 10N: fails if the time
# boardc spends on it grows more than 15-fold (bench/cases.sh).
bench-cases: $(BUILD)/boardc
	BOARDC=$(BUILD)/boardc bash bench/cases.sh

install: $(BUILD)/boardc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/boardc/schema \
		$(DESTDIR)$(PREFIX)/share/boardc/styles $(DESTDIR)$(PREFIX)/share/boardc/templates \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/boardc $(DESTDIR)$(PREFIX)/bin/boardc
	install -m 644 schema/boardc.rng $(DESTDIR)$(PREFIX)/share/boardc/schema/
	install -m 644 $(wildcard styles/*.xml styles/*.svg styles/*.png) $(DESTDIR)$(PREFIX)/share/boardc/styles/
	install -m 644 templates/*.xml $(DESTDIR)$(PREFIX)/share/boardc/templates/
	if [ -f docs/boardc.1 ]; then install -m 644 docs/boardc.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c

clean:
	rm -rf build out

-include $(OBJ:.o=.d)
