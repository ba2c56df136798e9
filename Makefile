# iomemcheck: `make` builds everything, `make check` runs every test,
# `make samples` runs the checker on the bundled samples,
# `make install PREFIX=...` installs; GCC=gcc-11 (with any of them) builds and
# tests the plugin for gcc-11 instead of the default gcc.

SHELL	:= /bin/bash
comma	:= ,
PREFIX	?= /usr/local
PYTHON	?= /usr/bin/python3

# The GCC the plugin is built for: it must be the compiler that will load it
# (`make GCC=gcc-11`).  Its C++ driver is the same name with g++ (gcc-11 ->
# g++-11, /usr/bin/gcc-11 -> /usr/bin/g++-11).  The core is plain C, shared by all
# plugin builds, and always built with gcc.
GCC	?= gcc
GXX	?= $(if $(findstring /,$(GCC)),$(dir $(GCC)))$(subst gcc,g++,$(notdir $(GCC)))
CC	:= gcc

CFLAGS	?= -O2 -g
WARN	:= -Wall -Wextra
CORE_CFLAGS := $(CFLAGS) $(WARN) -fPIC -std=gnu11 -Ibase

PLUGIN_INC := $(shell $(GCC) -print-file-name=plugin)/include
# Each GCC gets its own objects: the default gcc builds gcc/iomemcheck.so
# (what every script uses); any other GCC=NAME builds build/gcc/NAME/.
# The tests find a build's compiler by that NAME on PATH.
ifeq ($(GCC),gcc)
PLUGIN_DIR := gcc
else ifeq ($(notdir $(GCC)),gcc)
$(error GCC=$(GCC): name it apart from the default gcc, e.g. a gcc-N link on PATH)
else
PLUGIN_DIR := build/gcc/$(notdir $(GCC))
endif
PLUGIN_SO := $(PLUGIN_DIR)/iomemcheck.so
# Debian packages a GCC's plugin headers as gcc-N-plugin-dev; a compiler of
# another origin brings its own (override GCC_PACKAGES= then).
ifeq ($(GCC),gcc)
GCC_PACKAGES ?= gcc-12-plugin-dev
else
GCC_PACKAGES ?= $(if $(filter gcc-%,$(notdir $(GCC))),$(notdir $(GCC))-plugin-dev $(notdir $(GXX)))
endif
PLUGIN_CXXFLAGS := $(CFLAGS) $(WARN) -fPIC -fno-rtti -fno-exceptions -std=gnu++17 \
	-I$(PLUGIN_INC) -Icore

# The libclang front end: LLVM_VERSION=14 (Debian 12's default), 15 or 16.
LLVM_VERSION ?= 14
LLVM_DIR := $(shell llvm-config-$(LLVM_VERSION) --prefix 2>/dev/null || echo /usr/lib/llvm-$(LLVM_VERSION))
CLANG_CFLAGS := $(CFLAGS) $(WARN) -std=gnu11 -I$(LLVM_DIR)/include -Icore -Iclang
CLANG_LDLIBS := -L$(LLVM_DIR)/lib -lclang -Wl,-rpath,$(LLVM_DIR)/lib
CLANG_OBJDIR := clang/obj-$(LLVM_VERSION)

# make SANITIZE=1 check|torture: the core, its unit tests and the plugin built with
# ASan/UBSan under build/asan/ (never mixed with the normal objects), every program
# run through scripts/sanitize-run (runtime preloaded into cc1, any report fails).
O	:=
SAN	:=
SAN_RUN	:=
ifeq ($(SANITIZE),1)
O	:= build/asan/
SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_RUN	:= GCC=$(GCC) scripts/sanitize-run
CORE_CFLAGS += $(SAN)
PLUGIN_CXXFLAGS += $(SAN)
PLUGIN_DIR := $(O)$(PLUGIN_DIR)
PLUGIN_SO := $(PLUGIN_DIR)/iomemcheck.so
endif

# neovim: the language server's end-to-end test runs it headless as the client.
PACKAGES := $(GCC_PACKAGES) sparse dpkg-dev python3-pytest libjansson-dev libclang-$(LLVM_VERSION)-dev neovim
# The kernel tree of the kernel harness (testsuite/kernel/README.md): 6.1 or 6.12.
KERNEL	?= 6.1
# What building Debian's linux $(KERNEL) (allmodconfig) needs besides gcc.
KERNEL_PACKAGES := linux-source-$(KERNEL) flex bison bc libelf-dev libssl-dev xz-utils kmod cpio

CORE_SRC := core/rules.c core/func.c core/flow.c core/check.c core/notes.c core/dump.c \
	core/unit.c core/ruletab.c core/options.c core/render.c core/text.c core/json.c \
	core/output.c core/format.c core/fix.c core/facts.c
CORE_HDR := core/iomem.h core/func.h core/rules.h core/builtin.h core/alloc.h core/render.h \
	core/rules.def core/events.def core/options.def core/fix.def core/facts.h
# The core writes and reads files as every other part does: base/ is in its
# library (libc alone below it), so every program that links the core has it.
CORE_OBJ := $(addprefix $(O),$(CORE_SRC:.c=.o) core/rules_builtin.o base/fdio.o base/input.o \
	base/output.o)
RULES	:= $(sort $(wildcard rules/*.rules))
PLUGIN_SRC := gcc/iomemcheck.c gcc/lower.c gcc/paths.c gcc/ops.c gcc/version.c
PLUGIN_OBJ := $(patsubst gcc/%.c,$(PLUGIN_DIR)/%.o,$(PLUGIN_SRC))
# The corpus engines and plugin tests of this GCC (testsuite/corpus.py).
ENGINE	:= $(if $(filter gcc,$(PLUGIN_DIR)),gcc,$(notdir $(GCC)))
CLANG_SRC := clang/where.c clang/compat.c clang/types.c clang/paths.c clang/vars.c \
	clang/expr.c clang/stmt.c clang/unit.c clang/spell.c
CLANG_OBJ := $(patsubst clang/%.c,$(CLANG_OBJDIR)/%.o,$(CLANG_SRC))
# The iomemcheck command (cmd/), with the libclang engine and the GCC plugin.
CMD_SRC := cmd/main.c cmd/options.c cmd/db.c cmd/words.c cmd/paths.c cmd/flags.c cmd/engines.c \
	cmd/workers.c cmd/findings.c cmd/render.c cmd/apply.c cmd/facts.c
# How the command and the gate read inputs and write outputs (base/files.h).
BASE_SRC := base/fdio.c base/input.c base/output.c
# Its language server, iomemcheck --lsp (lsp/README.md).
LSP_SRC := lsp/frame.c lsp/rpc.c lsp/lifecycle.c lsp/docs.c lsp/text.c lsp/flags.c \
	lsp/analysis.c lsp/worker.c lsp/diag.c lsp/actions.c lsp/server.c
# The CI gate (gate/README.md): keys, baseline, suppressions, SARIF and the
# other sinks, import and merge.  Where the project is published: the SARIF
# rules link their catalog pages under it.
VERSION	:= 0.1.0
URL	?= https://example.org/iomemcheck
GATE_SRC := gate/set.c gate/source.c gate/linehash.c gate/key.c gate/suppress.c \
	gate/baseline.c gate/import.c gate/sarif.c gate/sarif_read.c gate/sinks.c \
	gate/shard.c gate/run.c gate/catalog.c
GATE_OBJ := $(GATE_SRC:.c=.o)
CATALOG	:= $(sort $(wildcard rules/catalog/IOM*.md))

.PHONY: all deps check check-core check-gate check-samples check-sparse check-fix check-fix-safety samples install clean \
	check-clang-versions check-kernel check-kernel-gate bench torture torture-clang torture-sparse

all: deps $(O)core/libiomcore.a $(PLUGIN_SO) sparse/iomemcheck-sparse clang/libiomclang.a \
	clang/iomclang-run cmd/iomemcheck

deps:
	@scripts/need-packages $(PACKAGES)

core/rules_builtin.c: core/embed-rules.sh $(RULES)
	core/embed-rules.sh $(RULES) > $@.tmp && mv $@.tmp $@

$(O)core/%.o: core/%.c $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(CORE_CFLAGS) -c -o $@ $<

# What front ends describe and the core decides: calls, stores, paths, helper code.
CORE_OBJ += $(addprefix $(O),core/path.o core/call.o core/store.o core/helper.o)
$(CORE_OBJ): core/rules.h
# The unit's summaries of the file's functions (flags returned and passed).
CORE_OBJ += $(O)core/summary.o
$(O)core/unit.o $(O)core/summary.o: core/summary.h

$(O)core/libiomcore.a: $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

$(PLUGIN_DIR)/%.o: gcc/%.c gcc/gcc-common.h gcc/lower.h core/iomem.h core/rules.def | deps
	@mkdir -p $(@D)
	$(GXX) $(PLUGIN_CXXFLAGS) -x c++ -c -o $@ $<

$(PLUGIN_SO): $(PLUGIN_OBJ) $(O)core/libiomcore.a
	$(GXX) -shared $(SAN) -o $@.tmp $(PLUGIN_OBJ) $(O)core/libiomcore.a && mv $@.tmp $@

gate/catalog.c: gate/embed-catalog.sh $(CATALOG)
	gate/embed-catalog.sh $(CATALOG) > $@.tmp && mv $@.tmp $@

base/%.o: base/%.c base/files.h
	$(CC) $(CORE_CFLAGS) -c -o $@ $<

ifneq ($(O),)
$(O)base/%.o: base/%.c base/files.h
	@mkdir -p $(@D)
	$(CC) $(CORE_CFLAGS) -c -o $@ $<
endif

base/libiombase.a: $(BASE_SRC:.c=.o)
	rm -f $@ && ar rcs $@ $^

gate/%.o: gate/%.c gate/gate.h gate/rules.def core/iomem.h base/files.h | deps
	$(CC) $(CORE_CFLAGS) -Icore -Ibase -DIOM_VERSION='"$(VERSION)"' -DIOM_URL='"$(URL)"' -c -o $@ $<

gate/libiomgate.a: $(GATE_OBJ)
	rm -f $@ && ar rcs $@ $^

gate/tests/test-gate: gate/tests/test-gate.c gate/libiomgate.a base/libiombase.a core/libiomcore.a
	$(CC) $(CFLAGS) $(WARN) -Icore -Igate -Ibase -o $@ $< gate/libiomgate.a base/libiombase.a \
		core/libiomcore.a -ljansson

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

cmd/%.o: cmd/%.c cmd/cmd.h cmd/cli.h cmd/gcc-only.def core/iomem.h clang/engine.h gate/gate.h \
		lsp/lsp.h lsp/methods.def base/files.h | deps
	$(CC) $(CORE_CFLAGS) -DIOM_HAVE_CLANG_ENGINE -Icore -Icmd -Iclang -Igate -Ilsp -Ibase -c -o $@ $<

lsp/%.o: lsp/%.c lsp/lsp.h lsp/methods.def cmd/cmd.h core/iomem.h clang/engine.h base/files.h | deps
	$(CC) $(CORE_CFLAGS) -Icore -Icmd -Iclang -Ibase -DIOM_VERSION='"$(VERSION)"' -DIOM_URL='"$(URL)"' -c -o $@ $<

cmd/iomemcheck: $(CMD_SRC:.c=.o) $(LSP_SRC:.c=.o) clang/libiomclang.a gate/libiomgate.a \
		base/libiombase.a core/libiomcore.a
	$(CC) -o $@ $(CMD_SRC:.c=.o) $(LSP_SRC:.c=.o) clang/libiomclang.a gate/libiomgate.a \
		base/libiombase.a core/libiomcore.a -ljansson $(CLANG_LDLIBS)

# libsparse from Debian's source package of the installed sparse, built once
# into build/sparse-src/ (scripts/need-sparse-source; the flow stage needs it).
SPARSE_SRC_DIR := build/sparse-src
sparse/iomemcheck-sparse: core/libiomcore.a FORCE | deps
	@src=$$(scripts/need-sparse-source $(SPARSE_SRC_DIR)) && \
	if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse all SPARSE_SRC=$(abspath .)/$$src; fi
FORCE:

$(O)core/tests/test-core: core/tests/test-core.c $(O)core/libiomcore.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) $(WARN) -Icore -o $@ $< $(O)core/libiomcore.a

$(O)core/tests/test-frontend: core/tests/test-frontend.c $(O)core/libiomcore.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) $(WARN) -Icore -o $@ $< $(O)core/libiomcore.a

check: all check-core check-gate check-samples check-sparse $(if $(SAN),,check-fix check-fix-safety)

check-core: $(O)core/tests/test-core $(O)core/tests/test-frontend
	@$(SAN_RUN) $(if $(SAN),core --leaks) $(O)core/tests/test-core
	@$(SAN_RUN) $(if $(SAN),frontend --leaks) $(O)core/tests/test-frontend

check-gate: gate/tests/test-gate cmd/iomemcheck $(PLUGIN_SO)
	@gate/tests/test-gate
	@LC_ALL=C $(PYTHON) -m pytest -q -p no:cacheprovider testsuite/test_gate.py 2>&1 | tail -n 1 | sed 's/^/gate pytest: /'; \
		exit $${PIPESTATUS[0]}

# The plugin tests run under the GCC being built; the rest (tables, libclang
# engine, command, kernel tools) do not depend on it and run with the default.
PYTEST_GCC := testsuite/test_plugin.py testsuite/test_gcc_versions.py testsuite/test_corpus.py
PYTEST_ALL := $(PYTEST_GCC) testsuite/test_tables.py testsuite/test_clang.py \
	testsuite/test_command.py testsuite/test_facts.py testsuite/test_lsp.py testsuite/test_lsp_nvim.py testsuite/kernel
# Under SANITIZE=1 the runtime is preloaded into every process: the command's
# tests that crash a worker or a compiler on purpose would count as reports.
PYTEST_SAN := $(PYTEST_GCC) testsuite/kernel
check-samples: export IOMEMCHECK_PLUGIN := $(if $(SAN),$(abspath $(PLUGIN_SO)))
# The libsparse engine (sparse) runs with the default gcc's corpus run; it does
# not depend on a GCC.
check-samples: $(PLUGIN_SO) clang/iomclang-run cmd/iomemcheck sparse/iomemcheck-sparse
	@LC_ALL=C $(SAN_RUN) $(if $(SAN),corpus) $(PYTHON) testsuite/run.py --engine=$(ENGINE)$(if $(SAN),,$(comma)clang$(if $(filter gcc,$(ENGINE)),$(comma)sparse))
	@LC_ALL=C IOMEMCHECK_GCC=$(ENGINE) $(SAN_RUN) $(if $(SAN),pytest) $(PYTHON) -m pytest -q -p no:cacheprovider $(if $(SAN),$(PYTEST_SAN),$(if $(filter gcc,$(ENGINE)),$(PYTEST_ALL),$(PYTEST_GCC))) 2>&1 | tail -n $(if $(SAN),2,1) | sed '/^sanitizers/!s/^/pytest: /'; \
		exit $${PIPESTATUS[0]}

# Fix-its (testsuite/test_fix.py): how many corpus findings were fixed, then the result.
check-fix: cmd/iomemcheck $(PLUGIN_SO)
	@LC_ALL=C $(PYTHON) -m pytest -q -s -p no:cacheprovider testsuite/test_fix.py 2>&1 | \
		grep -E '^fix-its:|^[0-9]+ (passed|failed)|^FAILED|Error' | sed 's/^\([0-9]\)/fix pytest: \1/'; \
		exit $${PIPESTATUS[0]}

# --fix and output files never write broken code or lose a file
# (testsuite/test_fix_safety.py: issue 28's cases, then a bounded property test).
check-fix-safety: cmd/iomemcheck
	@LC_ALL=C $(PYTHON) -m pytest -q -p no:cacheprovider testsuite/test_fix_safety.py 2>&1 | \
		tail -n 1 | sed 's/^/fix safety pytest: /'; exit $${PIPESTATUS[0]}

# sparse is not part of the sanitizer build.
check-sparse: sparse/iomemcheck-sparse
	@if [ -f sparse/Makefile ] && [ -z "$(SAN)" ]; then $(MAKE) -s -C sparse check; fi

# The corpus through the libclang engine built against each supported LLVM;
# the default build is restored at the end.
check-clang-versions:
	@for v in 14 15 16; do \
		$(MAKE) -s LLVM_VERSION=$$v clang/iomclang-run deps || exit 1; \
		out=$$(LC_ALL=C $(PYTHON) testsuite/run.py --engine=gcc,clang); rc=$$?; \
		echo "$$out" | grep '^corpus: ' | sed "s/^/LLVM $$v: /"; \
		[ $$rc = 0 ] || { echo "$$out"; exit 1; }; \
	done; $(MAKE) -s clang/iomclang-run

samples: $(PLUGIN_SO)
	@LC_ALL=C $(PYTHON) testsuite/run.py --show --engine=$(ENGINE)

# The kernel, bench and torture harnesses build with the default gcc and its
# gcc/iomemcheck.so; with another GCC= they would measure the wrong plugin.
DEFAULT_GCC_ONLY = @if [ "$(GCC)" != gcc ]; then \
	echo "error: make $@ runs the default gcc's plugin only (drop GCC=$(GCC))" >&2; exit 1; fi

check-kernel: gcc/iomemcheck.so cmd/iomemcheck
	$(DEFAULT_GCC_ONLY)
	@scripts/need-packages $(KERNEL_PACKAGES)
	testsuite/kernel/check-kernel --tree $(KERNEL) $(KERNEL_ARGS)

bench: gcc/iomemcheck.so core/libiomcore.a
	$(DEFAULT_GCC_ONLY)
	@scripts/need-packages $(KERNEL_PACKAGES)
	bench/bench

# The CI gate on the same tree (testsuite/kernel/README.md): import = plugin text,
# SARIF validated, baseline through three edit kinds, merged shards.
check-kernel-gate: gcc/iomemcheck.so cmd/iomemcheck
	$(DEFAULT_GCC_ONLY)
	@scripts/need-packages $(KERNEL_PACKAGES)
	testsuite/kernel/check-gate $(KERNEL_ARGS)

torture: $(PLUGIN_SO)
	$(DEFAULT_GCC_ONLY)
	$(SAN_RUN) $(if $(SAN),torture) bench/torture $(if $(SAN),--plugin $(PLUGIN_SO) --no-write) $(TORTURE_ARGS)

# The same files through the libclang engine: no crash, no timeout.
torture-clang: clang/iomclang-run $(PLUGIN_SO)
	bench/torture --engine clang $(TORTURE_ARGS)

torture-sparse: sparse/iomemcheck-sparse $(PLUGIN_SO)
	bench/torture --engine sparse $(TORTURE_ARGS)

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/iomemcheck $(DESTDIR)$(PREFIX)/bin \
		$(DESTDIR)$(PREFIX)/share/iomemcheck/rules
	install -m 644 $(PLUGIN_SO) $(DESTDIR)$(PREFIX)/lib/iomemcheck/
	install -m 755 cmd/iomemcheck $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 cmd/iomemcheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(RULES) rules/README.md $(DESTDIR)$(PREFIX)/share/iomemcheck/rules/
	install -d $(DESTDIR)$(PREFIX)/share/iomemcheck/rules/catalog
	install -m 644 $(CATALOG) $(DESTDIR)$(PREFIX)/share/iomemcheck/rules/catalog/
	if [ -x sparse/iomemcheck-sparse ]; then \
		install -m 755 sparse/iomemcheck-sparse $(DESTDIR)$(PREFIX)/bin/; fi

clean:
	rm -f core/*.o core/libiomcore.a core/rules_builtin.c core/tests/test-core \
		gcc/*.o gcc/*.so clang/libiomclang.a clang/iomclang-run clang/.llvm-version \
		cmd/*.o cmd/iomemcheck lsp/*.o base/*.o base/*.a gate/*.o gate/*.a gate/catalog.c gate/tests/test-gate
	rm -rf build/gcc build/asan clang/obj-*
	@if [ -f sparse/Makefile ]; then $(MAKE) -s -C sparse clean; fi
	rm -f core/tests/test-frontend

# libFuzzer targets: make fuzz, make fuzz-short (fuzz/README.md)
include fuzz/fuzz.mk
