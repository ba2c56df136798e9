# iomemcheck: `make` builds everything, `make check` runs every test,
# `make samples` runs the checker on the bundled samples,
# `make install PREFIX=...` installs.

SHELL	:= /bin/bash
PREFIX	?= /usr/local
GCC	?= gcc
GXX	?= g++
CC	:= $(GCC)
PYTHON	?= /usr/bin/python3

CFLAGS	?= -O2 -g
WARN	:= -Wall -Wextra
CORE_CFLAGS := $(CFLAGS) $(WARN) -fPIC -std=gnu11

PLUGIN_INC := $(shell $(GCC) -print-file-name=plugin)/include
PLUGIN_CXXFLAGS := $(CFLAGS) $(WARN) -fPIC -fno-rtti -fno-exceptions -std=gnu++17 \
	-I$(PLUGIN_INC) -Icore

PACKAGES := gcc-12-plugin-dev sparse python3-pytest libjansson-dev
# What building Debian's linux 6.1 (allmodconfig) needs besides gcc.
KERNEL_PACKAGES := linux-source-6.1 flex bison bc libelf-dev libssl-dev xz-utils kmod cpio

CORE_SRC := core/rules.c core/func.c core/flow.c core/check.c core/notes.c core/dump.c \
	core/unit.c core/ruletab.c core/options.c core/render.c core/text.c core/json.c \
	core/output.c
CORE_HDR := core/iomem.h core/func.h core/builtin.h core/alloc.h core/render.h \
	core/rules.def core/events.def core/options.def
CORE_OBJ := $(CORE_SRC:.c=.o) core/rules_builtin.o
RULES	:= $(sort $(wildcard rules/*.rules))
PLUGIN_SRC := plugin/iomemcheck.c plugin/lower.c plugin/paths.c plugin/ops.c
# The iomemcheck command (cmd/); it links the libclang engine (clang/) when
# that is in the tree.
CMD_SRC := cmd/main.c cmd/db.c cmd/words.c cmd/paths.c cmd/flags.c cmd/engines.c \
	cmd/workers.c cmd/findings.c cmd/render.c
CLANG_SRC := $(wildcard clang/*.c)
ifneq ($(CLANG_SRC),)
LLVM_CONFIG ?= llvm-config-14
CLANG_CFLAGS := $(shell $(LLVM_CONFIG) --cflags)
CLANG_LIBS := -L$(shell $(LLVM_CONFIG) --libdir) -lclang-14
CMD_DEFS := -DIOM_HAVE_CLANG_ENGINE
endif
# The CI gate (gate/README.md): keys, baseline, suppressions, SARIF and the
# other sinks, import and merge.  Where the project is published: the SARIF
# rules link their catalog pages under it.
VERSION	:= 0.1.0
URL	?= https://example.org/iomemcheck
GATE_SRC := gate/set.c gate/source.c gate/linehash.c gate/key.c gate/suppress.c \
	gate/baseline.c gate/import.c gate/sarif.c gate/sarif_read.c gate/sinks.c \
	gate/atomic.c gate/shard.c gate/run.c gate/catalog.c
GATE_OBJ := $(GATE_SRC:.c=.o)
CATALOG	:= $(sort $(wildcard rules/catalog/IOM*.md))

.PHONY: all deps check check-core check-gate check-samples check-sparse samples install clean \
	check-kernel check-kernel-gate bench torture

all: deps core/libiomcore.a plugin/iomemcheck.so cmd/iomemcheck sparse/iomemcheck-sparse

deps:
	@scripts/need-packages $(PACKAGES)

core/rules_builtin.c: core/embed-rules.sh $(RULES)
	core/embed-rules.sh $(RULES) > $@.tmp && mv $@.tmp $@

core/%.o: core/%.c $(CORE_HDR)
	$(CC) $(CORE_CFLAGS) -c -o $@ $<

core/libiomcore.a: $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

plugin/%.o: plugin/%.c plugin/gcc-common.h plugin/lower.h core/iomem.h core/rules.def | deps
	$(GXX) $(PLUGIN_CXXFLAGS) -x c++ -c -o $@ $<

plugin/iomemcheck.so: $(PLUGIN_SRC:.c=.o) core/libiomcore.a
	$(GXX) -shared -o $@ $(PLUGIN_SRC:.c=.o) core/libiomcore.a

gate/catalog.c: gate/embed-catalog.sh $(CATALOG)
	gate/embed-catalog.sh $(CATALOG) > $@.tmp && mv $@.tmp $@

gate/%.o: gate/%.c gate/gate.h gate/rules.def core/iomem.h | deps
	$(CC) $(CORE_CFLAGS) -Icore -DIOM_VERSION='"$(VERSION)"' -DIOM_URL='"$(URL)"' -c -o $@ $<

gate/libiomgate.a: $(GATE_OBJ)
	rm -f $@ && ar rcs $@ $^

gate/tests/test-gate: gate/tests/test-gate.c gate/libiomgate.a core/libiomcore.a
	$(CC) $(CFLAGS) $(WARN) -Icore -Igate -o $@ $< gate/libiomgate.a core/libiomcore.a -ljansson

cmd/%.o: cmd/%.c cmd/cmd.h cmd/gcc-only.def core/iomem.h clang/engine.h gate/gate.h | deps
	$(CC) $(CORE_CFLAGS) $(CMD_DEFS) -Icore -Iclang -Igate -c -o $@ $<

clang/%.o: clang/%.c clang/engine.h core/iomem.h | deps
	$(CC) $(CORE_CFLAGS) $(CLANG_CFLAGS) -Icore -Iclang -c -o $@ $<

cmd/iomemcheck: $(CMD_SRC:.c=.o) $(CLANG_SRC:.c=.o) gate/libiomgate.a core/libiomcore.a
	$(CC) -o $@ $(CMD_SRC:.c=.o) $(CLANG_SRC:.c=.o) gate/libiomgate.a core/libiomcore.a \
		-ljansson $(CLANG_LIBS)

sparse/iomemcheck-sparse: FORCE | deps
	@if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse all; fi
FORCE:

core/tests/test-core: core/tests/test-core.c core/libiomcore.a
	$(CC) $(CFLAGS) $(WARN) -Icore -o $@ $< core/libiomcore.a

check: all check-core check-gate check-samples check-sparse

check-core: core/tests/test-core
	@core/tests/test-core

check-gate: gate/tests/test-gate cmd/iomemcheck plugin/iomemcheck.so
	@gate/tests/test-gate
	@LC_ALL=C $(PYTHON) -m pytest -q -p no:cacheprovider testsuite/test_gate.py 2>&1 | tail -n 1 | sed 's/^/gate pytest: /'; \
		exit $${PIPESTATUS[0]}

check-samples: plugin/iomemcheck.so cmd/iomemcheck
	@LC_ALL=C $(PYTHON) testsuite/run.py
	@LC_ALL=C $(PYTHON) -m pytest -q -p no:cacheprovider testsuite/test_plugin.py testsuite/test_command.py testsuite/test_corpus.py testsuite/test_tables.py testsuite/kernel 2>&1 | tail -n 1 | sed 's/^/pytest: /'; \
		exit $${PIPESTATUS[0]}

check-sparse: sparse/iomemcheck-sparse
	@if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse check; fi

samples: plugin/iomemcheck.so
	@LC_ALL=C $(PYTHON) testsuite/run.py --show

check-kernel: plugin/iomemcheck.so
	@scripts/need-packages $(KERNEL_PACKAGES)
	testsuite/kernel/check-kernel $(KERNEL_ARGS)

bench: plugin/iomemcheck.so core/libiomcore.a
	@scripts/need-packages $(KERNEL_PACKAGES)
	bench/bench

# The CI gate on the same tree (testsuite/kernel/README.md): import = plugin text,
# SARIF validated, baseline through three edit kinds, merged shards.
check-kernel-gate: plugin/iomemcheck.so cmd/iomemcheck
	@scripts/need-packages $(KERNEL_PACKAGES)
	testsuite/kernel/check-gate $(KERNEL_ARGS)

torture: plugin/iomemcheck.so
	bench/torture $(TORTURE_ARGS)

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/iomemcheck $(DESTDIR)$(PREFIX)/bin \
		$(DESTDIR)$(PREFIX)/share/iomemcheck/rules
	install -m 644 plugin/iomemcheck.so $(DESTDIR)$(PREFIX)/lib/iomemcheck/
	install -m 755 cmd/iomemcheck $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 cmd/iomemcheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(RULES) rules/README.md $(DESTDIR)$(PREFIX)/share/iomemcheck/rules/
	if [ -x sparse/iomemcheck-sparse ]; then \
		install -m 755 sparse/iomemcheck-sparse $(DESTDIR)$(PREFIX)/bin/; fi

clean:
	rm -f core/*.o core/libiomcore.a core/rules_builtin.c core/tests/test-core \
		plugin/*.o plugin/*.so cmd/*.o cmd/iomemcheck clang/*.o gate/*.o gate/*.a gate/catalog.c \
		gate/tests/test-gate
	@if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse clean; fi
