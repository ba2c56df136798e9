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

# The libclang front end: LLVM_VERSION=14 (Debian 12's default), 15 or 16.
LLVM_VERSION ?= 14
LLVM_DIR := $(shell llvm-config-$(LLVM_VERSION) --prefix 2>/dev/null || echo /usr/lib/llvm-$(LLVM_VERSION))
CLANG_CFLAGS := $(CFLAGS) $(WARN) -std=gnu11 -I$(LLVM_DIR)/include -Icore -Iclang
CLANG_LDLIBS := -L$(LLVM_DIR)/lib -lclang -Wl,-rpath,$(LLVM_DIR)/lib
CLANG_OBJDIR := clang/obj-$(LLVM_VERSION)

PACKAGES := gcc-12-plugin-dev sparse python3-pytest libjansson-dev libclang-$(LLVM_VERSION)-dev
# What building Debian's linux 6.1 (allmodconfig) needs besides gcc.
KERNEL_PACKAGES := linux-source-6.1 flex bison bc libelf-dev libssl-dev xz-utils kmod cpio

CORE_SRC := core/rules.c core/func.c core/flow.c core/check.c core/notes.c core/dump.c \
	core/unit.c core/ruletab.c core/options.c core/render.c core/text.c core/json.c \
	core/output.c core/path.c core/call.c core/store.c core/helper.c
CORE_HDR := core/iomem.h core/func.h core/rules.h core/builtin.h core/alloc.h core/render.h \
	core/rules.def core/events.def core/options.def
CORE_OBJ := $(CORE_SRC:.c=.o) core/rules_builtin.o
RULES	:= $(sort $(wildcard rules/*.rules))
PLUGIN_SRC := plugin/iomemcheck.c plugin/lower.c plugin/paths.c plugin/ops.c
CLANG_SRC := clang/where.c clang/compat.c clang/types.c clang/paths.c clang/vars.c \
	clang/expr.c clang/stmt.c clang/unit.c
CLANG_OBJ := $(patsubst clang/%.c,$(CLANG_OBJDIR)/%.o,$(CLANG_SRC))
# The iomemcheck command (cmd/), with the libclang engine and the GCC plugin.
CMD_SRC := cmd/main.c cmd/options.c cmd/db.c cmd/words.c cmd/paths.c cmd/flags.c cmd/engines.c \
	cmd/workers.c cmd/findings.c cmd/render.c
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

all: deps core/libiomcore.a plugin/iomemcheck.so sparse/iomemcheck-sparse clang/libiomclang.a \
	clang/iomclang-run cmd/iomemcheck

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

# Objects per LLVM version; clang/libiomclang.a is the one of the last build,
# remade whenever LLVM_VERSION changes (clang/.llvm-version records it).
$(CLANG_OBJDIR)/%.o: clang/%.c clang/clang.h clang/engine.h core/iomem.h | deps
	@mkdir -p $(CLANG_OBJDIR)
	$(CC) $(CLANG_CFLAGS) -c -o $@ $<

clang/.llvm-version: FORCE
	@[ "$$(cat $@ 2>/dev/null)" = "$(LLVM_VERSION)" ] || echo $(LLVM_VERSION) > $@

clang/libiomclang.a: $(CLANG_OBJ) clang/.llvm-version
	rm -f $@ && ar rcs $@ $(CLANG_OBJ)

clang/iomclang-run: clang/iomclang-run.c clang/libiomclang.a core/libiomcore.a
	$(CC) $(CLANG_CFLAGS) -o $@ $< clang/libiomclang.a core/libiomcore.a $(CLANG_LDLIBS)

cmd/%.o: cmd/%.c cmd/cmd.h cmd/cli.h cmd/gcc-only.def core/iomem.h clang/engine.h gate/gate.h | deps
	$(CC) $(CORE_CFLAGS) -DIOM_HAVE_CLANG_ENGINE -Icore -Iclang -Igate -c -o $@ $<

cmd/iomemcheck: $(CMD_SRC:.c=.o) clang/libiomclang.a gate/libiomgate.a core/libiomcore.a
	$(CC) -o $@ $(CMD_SRC:.c=.o) clang/libiomclang.a gate/libiomgate.a core/libiomcore.a \
		-ljansson $(CLANG_LDLIBS)

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

check-samples: plugin/iomemcheck.so clang/iomclang-run cmd/iomemcheck
	@LC_ALL=C $(PYTHON) testsuite/run.py
	@LC_ALL=C $(PYTHON) -m pytest -q -p no:cacheprovider testsuite/test_plugin.py testsuite/test_corpus.py testsuite/test_tables.py testsuite/test_command.py testsuite/kernel 2>&1 | tail -n 1 | sed 's/^/pytest: /'; \
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
		plugin/*.o plugin/*.so clang/libiomclang.a clang/iomclang-run clang/.llvm-version \
		cmd/*.o cmd/iomemcheck gate/*.o gate/*.a gate/catalog.c gate/tests/test-gate
	rm -rf clang/obj-*
	@if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse clean; fi
