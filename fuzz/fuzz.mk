# Fuzz targets (libFuzzer from Debian's clang-14, with ASan and UBSan).
#   make fuzz          every target for FUZZ_RUNS executions (default 10^6)
#   make fuzz-short    every target for FUZZ_SHORT_RUNS executions (CI)
#   make fuzz-NAME     one target
# Binaries, corpora and crash files go to build/fuzz/NAME/ (fuzz/README.md).

FUZZ_CC		?= clang-14
FUZZ_CFLAGS	:= -g -O1 -fno-omit-frame-pointer -std=gnu11 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Icore -Isparse -Icmd -Igate -Ilsp -Ibase -Ifuzz
FUZZ_LDLIBS	:= -ljansson
FUZZ_RUNS	?= 1000000
FUZZ_SHORT_RUNS	?= 10000
FUZZ_PACKAGES	:= clang-14 libclang-rt-14-dev
FUZZ_NAMES	:=

# fuzz_target NAME, SOURCES, SEEDS: fuzz/NAME.c linked with SOURCES, its
# corpus seeded with the SEEDS files and fuzz/seeds/NAME/ (inputs that once
# failed).
define fuzz_target
FUZZ_NAMES += $(1)
build/fuzz/$(1)/fuzz-$(1): fuzz/$(1).c $(2) $(wildcard core/*.h sparse/*.h base/*.h cmd/*.h cmd/*.def gate/*.h gate/*.def lsp/*.h lsp/*.def fuzz/*.h) | fuzz-deps
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_CFLAGS) -o $$@ fuzz/$(1).c $(2) $$(FUZZ_LDLIBS)

fuzz-$(1): build/fuzz/$(1)/fuzz-$(1)
	@FUZZ_FLAGS="$$(FUZZ_FLAGS_$(1)) $$(FUZZ_FLAGS)" \
		fuzz/run $$< $$(FUZZ_RUNS) $(3) $(wildcard fuzz/seeds/$(1)/*)
endef
fuzz = $(eval $(call fuzz_target,$(strip $(1)),$(strip $(2)),$(strip $(3))))

# Every source of the core (plain C, libc only), with base/ below it: a new
# file needs no edit here.
FUZZ_CORE := $(sort $(wildcard core/*.c) core/rules_builtin.c) $(BASE_SRC)
# The command's database and flag files, and the gate with everything it links.
FUZZ_DB := cmd/db.c cmd/words.c cmd/paths.c cmd/flags.c $(BASE_SRC)
FUZZ_GATE := $(GATE_SRC) $(FUZZ_CORE)

# The targets: one line each.
#      name       sources                                    seeds
$(call fuzz, rules,    $(FUZZ_CORE),                         $(RULES))
$(call fuzz, facts,    $(FUZZ_CORE),                         $(wildcard fuzz/inputs/facts/*))
$(call fuzz, annotate, sparse/annotate.c sparse/util.c,      $(wildcard testsuite/sparse/data/tree/include/linux/*map.h testsuite/sparse/data/expected/*.h.inline))
$(call fuzz, tag,      sparse/tag.c sparse/util.c,           $(wildcard testsuite/sparse/data/expected/*.out))
$(call fuzz, db,       $(FUZZ_DB),                           $(wildcard fuzz/inputs/db/*))
$(call fuzz, words,    cmd/words.c cmd/flags.c cmd/paths.c,  $(wildcard fuzz/inputs/words/*))
$(call fuzz, baseline, $(FUZZ_GATE),                         $(wildcard fuzz/inputs/baseline/*))
$(call fuzz, import,   $(FUZZ_GATE),                         $(wildcard fuzz/inputs/import/* testsuite/sparse/data/expected/*.out))
$(call fuzz, sarif,    $(FUZZ_GATE),                         $(wildcard fuzz/inputs/sarif/*))
$(call fuzz, lsp,      lsp/frame.c lsp/text.c cmd/paths.c base/fdio.c, $(wildcard fuzz/inputs/lsp/*))

# libFuzzer flags of one target (FUZZ_FLAGS: of every target).  The annotator
# costs time linear in the header, and 2 KB hold a map struct with its helpers.
FUZZ_FLAGS_annotate := -max_len=2048

.PHONY: fuzz fuzz-short fuzz-deps $(addprefix fuzz-,$(FUZZ_NAMES))

fuzz-deps:
	@scripts/need-packages $(FUZZ_PACKAGES)

fuzz: $(addprefix fuzz-,$(FUZZ_NAMES))

fuzz-short:
	@$(MAKE) -s fuzz FUZZ_RUNS=$(FUZZ_SHORT_RUNS)
