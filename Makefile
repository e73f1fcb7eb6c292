# backuplint - see README.md. Targets: all check asan valgrind docs bench fuzz install clean deps
CC      ?= cc
PKGS     = yaml-0.1 libcjson libpcre2-8
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wformat=2
CPPFLAGS += -D_GNU_SOURCE $(shell pkg-config --cflags $(PKGS))
# libyaml and PCRE2 are linked statically when Debian's archives are there:
# the dynamic loader's work is a good part of a one-file run (pre-commit).
STATIC  ?= $(shell for l in yaml pcre2-8; do f=$$($(CC) -print-file-name=lib$$l.a); \
	     [ "$$f" != lib$$l.a ] && [ -f "$$f" ] || exit 0; done; echo 1)
ifeq ($(STATIC),1)
LDLIBS  += -Wl,-Bstatic -lyaml -lpcre2-8 -Wl,-Bdynamic $(shell pkg-config --libs libcjson) -lpthread -lm
else
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lpthread -lm
endif
# Not a position-independent executable: the embedded data trees are full
# of pointers, which a PIE relocates one by one (7,000 relocations) at
# every start. LDFLAGS= builds a PIE.
LDFLAGS ?= -no-pie
PREFIX  ?= /usr/local
B       ?= build
VERSION  = $(shell cat VERSION)

LIBSRC  = $(filter-out linter/main.c,$(wildcard linter/*.c rules/*.c rules/doc/*.c))
LIBOBJ  = $(LIBSRC:%.c=$(B)/%.o) $(B)/embedded.o $(B)/shapes_gen.o
DATA    = $(sort $(wildcard schemas/*.json schemas/*.txt))
UNITSRC = $(wildcard testdata/unit/*.c)
UNITS   = $(UNITSRC:testdata/unit/%.c=$(B)/unit/%)

all: backuplint

backuplint: $(B)/backuplint
	cp $< $@.tmp && mv -f $@.tmp $@

$(B)/backuplint: $(LIBOBJ) $(B)/linter/main.o Makefile
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

$(B)/%.o: %.c $(wildcard linter/*.h rules/*.h rules/doc/*.h) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DBACKUPLINT_VERSION='"$(VERSION)"' $(WARN) $(CFLAGS) -c -o $@ $<

# AWS facts and document shapes are data, embedded into the binary: each
# file's text, and each JSON file as the tree json.c makes of it, built at
# compile time by a host tool that links the loader.
EMBEDSRC = schemas/embed.c linter/json.c linter/load.c linter/arena.c linter/tree.c linter/utf8.c
$(B)/embed: $(EMBEDSRC) schemas/tool_read.h $(wildcard linter/*.h rules/*.h)
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(WARN) -O1 -o $@ $(EMBEDSRC) -lm
$(B)/embedded.c: $(B)/embed $(DATA)
	$(B)/embed $(DATA) > $@.tmp && mv -f $@.tmp $@
$(B)/embedded.o: $(B)/embedded.c linter/embedded.h linter/tree.h
	$(CC) $(CPPFLAGS) -Ilinter $(WARN) $(CFLAGS) -c -o $@ $<

# The document shapes are compiled at build time too: schemas/shapes_build.c
# makes the shape graphs of rules/shapes.h from schemas/shapes-*.json, and
# schemas/shapegen.c writes them out as C data, so start-up builds none.
SHAPESRC = schemas/shapegen.c schemas/shapes_build.c linter/json.c linter/load.c \
	   linter/arena.c linter/tree.c linter/utf8.c
SHAPEDATA = schemas/shapes-api.json schemas/shapes-cfn.json schemas/shapes-tf.json
$(B)/shapegen: $(SHAPESRC) schemas/shapes_build.h schemas/tool_read.h $(wildcard linter/*.h rules/*.h)
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(WARN) -O1 -o $@ $(SHAPESRC) $(shell pkg-config --libs libpcre2-8) -lm
$(B)/shapes_gen.c: $(B)/shapegen $(SHAPEDATA)
	$(B)/shapegen $(SHAPEDATA) > $@.tmp && mv -f $@.tmp $@
$(B)/shapes_gen.o: $(B)/shapes_gen.c rules/shapes_gen.h rules/shapes.h linter/tree.h
	$(CC) $(CPPFLAGS) -Irules $(WARN) $(CFLAGS) -c -o $@ $<

$(B)/unit/%: testdata/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -Ilinter -Irules -o $@ $^ $(LDLIBS)

# Test tools: not unit tests (run.sh runs every program in $(B)/unit): the
# rule examples, the HCL differential test's printer, and the loaders alone
# (for hostile HCL, which the CLI does not read yet).
$(B)/rule-examples: testdata/rules/rule-examples.c $(LIBOBJ)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -Ilinter -Irules -o $@ $^ $(LDLIBS)
TOOLS   = $(B)/rule-examples $(B)/tools/hcl-tojson $(B)/tools/loadonly
$(B)/tools/hcl-tojson: testdata/hcl/tojson.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@ $^ $(LDLIBS)
$(B)/tools/loadonly: bench/loadonly.c bench/files.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@ $^ $(LDLIBS)

units: $(UNITS) $(TOOLS)

# make check: golden + unit tests, then all of them again under ASan+UBSan.
check:
	sh testdata/check.sh

test: backuplint units
	sh testdata/run.sh $(B)/backuplint $(B)/unit

asan:
	$(MAKE) B=build-asan CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' build-asan/backuplint units

valgrind: all units
	VALGRIND=1 sh testdata/run.sh $(B)/backuplint $(B)/unit

docs: backuplint
	./backuplint --list-rules --format markdown > docs/rules.md

bench: backuplint
	sh bench/run.sh

fuzz:
	sh fuzz/run.sh $(FUZZ_SECONDS)

install: backuplint
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 backuplint $(DESTDIR)$(PREFIX)/bin/backuplint
	install -m 644 docs/backuplint.1 $(DESTDIR)$(PREFIX)/share/man/man1/backuplint.1

deps:
	sh .ci/deps.sh

clean:
	rm -rf build build-asan build-fuzz backuplint

.PHONY: all check test asan valgrind docs bench fuzz install deps clean units
