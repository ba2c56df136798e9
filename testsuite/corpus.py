"""The golden corpus and the engines that check it.

A sample is a C file in kernel-samples/ with a sparse-style tag block and
`/* expect: IOMnnn[, IOMnnn] */` markers on the lines where findings are due
(kernel-samples/README.md).  `/* known-fp: IOMnnn */` marks a finding that is
due today although the code is right: a false positive the engines cannot
avoid yet, pinned so that a fix shows up as a change.  An engine is one entry in ENGINES: a name and a
function that runs the checker on a sample and returns its text output.
"""
import os
import re
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "kernel-samples")
INCLUDE = os.path.join(SAMPLES, "include")


def plugin_of(compiler):
    """Where `make GCC=compiler` puts the plugin (the Makefile's PLUGIN_DIR)."""
    if compiler == "gcc":
        return os.path.join(ROOT, "gcc", "iomemcheck.so")
    return os.path.join(ROOT, "build", "gcc", compiler, "iomemcheck.so")


def gxx_of(compiler):
    """The C++ driver that goes with a GCC (the Makefile's GXX)."""
    return compiler.replace("gcc", "g++")


def gcc_builds():
    """Every compiler with a plugin build: the default gcc, then those of
    `make GCC=NAME` (build/gcc/NAME/) whose compiler is installed."""
    found = ["gcc"]
    top = os.path.join(ROOT, "build", "gcc")
    if os.path.isdir(top):
        found += sorted(n for n in os.listdir(top)
                        if os.path.exists(plugin_of(n)) and shutil.which(n))
    return found


# The compiler (and its plugin) the plugin tests use: `make check GCC=gcc-11`
# runs them under gcc-11.
GCC = os.environ.get("IOMEMCHECK_GCC", "gcc")
GXX = gxx_of(GCC)
# IOMEMCHECK_PLUGIN: another build (make SANITIZE=1 check tests build/asan's).
PLUGIN = os.environ.get("IOMEMCHECK_PLUGIN") or plugin_of(GCC)
CLANG_RUN = os.path.join(ROOT, "clang", "iomclang-run")
SPARSE_BIN = os.path.join(ROOT, "sparse", "iomemcheck-sparse")

TAG = re.compile(r"^\s*\*\s*(check-[a-z-]+):?\s*(.*?)\s*$")
EXPECT = re.compile(r"/\*\s*(expect|known-fp):\s*([A-Z0-9, ]+?)\s*\*/")
RULE = re.compile(r"^IOM\d{3}$")
FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>warning|error): (?P<msg>.*) \[(?P<rule>IOM\d{3})\]$")
KNOWN_TAGS = {"check-name", "check-description", "check-enable", "check-known-difference",
              "check-facts"}
COMMAND = os.path.join(ROOT, "cmd", "iomemcheck")


class SampleError(Exception):
    pass


class Sample:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")
        self.tags = {}
        self.enable = []
        self.facts = []            # files of kernel-samples/ whose facts the sample uses
        self.differences = {}
        self.expected = set()
        self.known_fp = set()      # part of expected: wrong, but reported today
        self._parse()

    def _parse(self):
        for no, text in enumerate(self.lines, 1):
            m = TAG.match(text)
            if m:
                tag, value = m.groups()
                if tag not in KNOWN_TAGS:
                    raise SampleError(f"{self.rel}:{no}: unknown tag '{tag}'")
                if tag == "check-enable":
                    self.enable += [r.strip() for r in value.split(",") if r.strip()]
                elif tag == "check-facts":
                    for name in (n.strip() for n in value.split(",") if n.strip()):
                        path = os.path.join(SAMPLES, name)
                        if not os.path.isfile(path):
                            raise SampleError(f"{self.rel}:{no}: check-facts names "
                                              f"'{name}', which is not a file of "
                                              "kernel-samples/")
                        self.facts.append(path)
                elif tag == "check-known-difference":
                    engine, _, reason = value.partition(":")
                    if not reason.strip():
                        raise SampleError(f"{self.rel}:{no}: check-known-difference needs "
                                          "'engine: reason'")
                    self.differences[engine.strip()] = reason.strip()
                else:
                    self.tags[tag] = value
            for m in EXPECT.finditer(text):
                for rule in m.group(2).split(","):
                    rule = rule.strip()
                    if not RULE.match(rule):
                        raise SampleError(f"{self.rel}:{no}: bad rule '{rule}' in "
                                          f"{m.group(1)} marker")
                    self.expected.add((no, rule))
                    if m.group(1) == "known-fp":
                        self.known_fp.add((no, rule))
        if "check-name" not in self.tags:
            raise SampleError(f"{self.rel}: missing check-name")
        for rule in self.enable:
            if not RULE.match(rule):
                raise SampleError(f"{self.rel}: bad rule '{rule}' in check-enable")

    def source(self, line):
        return self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""


def samples():
    names = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".c"))
    return [Sample(os.path.join(SAMPLES, n)) for n in names]


def findings_elsewhere(text, rel):
    """Finding lines of the text output that name a file other than the sample."""
    return [line for line in text.splitlines()
            if FINDING.match(line) and FINDING.match(line).group("file") != rel]


DUMP_LINE = re.compile(r"^(function |  )")
DECL_UID = re.compile(r"#\d+")


def dump_text(sample):
    """The lowered functions of a sample (the `dump` option), under the default
    gcc at -O0: SSA numbers differ between GCC releases.

    Keys of locals carry GCC's declaration number ("map#2241"), which moves
    whenever a header of kernel-samples/include/ grows: it is written "#N".
    """
    text = gcc_engine("-O0", "gcc")(sample, extra=["-fplugin-arg-iomemcheck-dump"])
    return "".join(DECL_UID.sub("#N", line) + "\n" for line in text.splitlines()
                   if DUMP_LINE.match(line))


def parse_findings(text, rel=None):
    """(line, rule) of every finding in the text output, for one file."""
    found = set()
    for line in text.splitlines():
        m = FINDING.match(line)
        if m and (rel is None or m.group("file") == rel):
            found.add((int(m.group("line")), m.group("rule")))
    return found


def spelled(prefix, opts):
    """Engine options {key: value} as one engine spells them."""
    return [f"{prefix}{k}={v}" for k, v in (opts or {}).items()]


def gcc_engine(opt, compiler="gcc"):
    plugin = plugin_of(compiler)

    def run(sample, extra=(), opts=None):
        args = [compiler, "-c", opt, "-nostdinc", "-I", os.path.relpath(INCLUDE, ROOT),
                "-o", "/dev/null", "-fplugin=" + plugin]
        if sample.enable:
            args.append("-fplugin-arg-iomemcheck-enable=" + ",".join(sample.enable))
        args += spelled("-fplugin-arg-iomemcheck-", opts)
        args += list(extra) + [sample.rel]
        p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="C"))
        if p.returncode != 0:
            raise SampleError(f"{sample.rel}: compile failed ({' '.join(args)}):\n{p.stderr}")
        return p.stderr
    return run


def plugin_available(compiler=None):
    return os.path.exists(plugin_of(compiler or GCC))


def gcc_engines():
    """The plugin at -O0 and -O2 under every GCC it is built for: gcc-O0,
    gcc-O2, then gcc-11-O0, gcc-11-O2 after `make GCC=gcc-11`."""
    return [(f"{c}{opt}", gcc_engine(opt, c), lambda c=c: plugin_available(c))
            for c in gcc_builds() for opt in ("-O0", "-O2")]


def clang_engine(sample, extra=(), opts=None):
    """The libclang engine (clang/iomclang-run) with the flags GCC gets."""
    args = [CLANG_RUN]
    if sample.enable:
        args.append("--enable=" + ",".join(sample.enable))
    args += spelled("--", opts)
    args += [sample.rel, "--", "-nostdinc", "-I", os.path.relpath(INCLUDE, ROOT)] + list(extra)
    p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL="C"))
    if p.returncode not in (0, 1):
        raise SampleError(f"{sample.rel}: not analysed ({' '.join(args)}):\n{p.stderr}")
    return p.stdout


def clang_available():
    return os.path.exists(CLANG_RUN)


def sparse_engine(sample, extra=(), opts=None):
    """The libsparse engine: iomemcheck-sparse as kbuild runs it (CHECK=),
    its flow stage only (sparse's own warnings carry no rule id)."""
    args = [SPARSE_BIN, "-nostdinc", "-I", os.path.relpath(INCLUDE, ROOT)]
    if sample.enable:
        args.append("-fiomemcheck-enable=" + ",".join(sample.enable))
    args += spelled("-fiomemcheck-", opts)
    args += list(extra) + [sample.rel]
    env = {k: v for k, v in os.environ.items() if not k.startswith("IOMEMCHECK_SPARSE")}
    p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True,
                       env=dict(env, LC_ALL="C"))
    if p.returncode != 0 or "flow stage died" in p.stderr:
        raise SampleError(f"{sample.rel}: not analysed ({' '.join(args)}):\n{p.stderr}")
    return p.stderr


def sparse_available():
    """Built with libsparse (the flow stage): --version says so."""
    if not os.path.exists(SPARSE_BIN):
        return False
    p = subprocess.run([SPARSE_BIN, "--version"], capture_output=True, text=True)
    return "flow" in p.stdout


def facts_for(run, sample, workdir):
    """The fact file of the sample's check-facts files as this engine
    summarises them (summaries=DIR), merged by the command; None when the
    sample names none."""
    if not sample.facts:
        return None
    sums = os.path.join(workdir, "summaries")
    os.makedirs(sums, exist_ok=True)
    for path in sample.facts:
        run(Sample(path), opts={"summaries": sums})
    out = os.path.join(workdir, "facts")
    p = subprocess.run([COMMAND, "--merge-facts", out, sums], capture_output=True, text=True)
    if p.returncode != 0:
        raise SampleError(f"{sample.rel}: the facts did not merge:\n{p.stderr}")
    return out


# One entry per engine.  A new engine is one line here.
ENGINES = gcc_engines() + [("clang", clang_engine, clang_available),
                           ("sparse", sparse_engine, sparse_available)]


def select(engines, wanted):
    """Engines named in wanted: an engine name (gcc-11-O2) or the compiler
    of a plugin build (gcc-11: both of its engines)."""
    if not wanted:
        return list(engines)
    chosen = [e for e in engines
              if e[0] in wanted or e[0].rsplit("-O", 1)[0] in wanted]
    unknown = [w for w in wanted
               if not any(e[0] == w or e[0].rsplit("-O", 1)[0] == w for e in engines)]
    if unknown:
        raise SampleError(f"unknown engine {', '.join(unknown)} "
                          f"(known: {', '.join(e[0] for e in engines)})")
    return chosen
