"""Shared helpers for the kernel test (check-kernel, derive-objects) and bench/.

Everything heavy lives under $ROOT/build/ (git-ignored):
    build/linux-6.1/          Debian's linux-source-6.1, unpacked once, allmodconfig
    build/linux-6.12/         the same for linux-source-6.12 (--tree 6.12)
    build/check-kernel/       logs and findings of check-kernel (6.1)
    build/check-kernel-6.12/  the same for 6.12
    build/bench/              logs and scratch files of bench/bench

The tree is configured with `make allmodconfig` and nothing else: that keeps
CONFIG_WERROR=y, the randstruct / latent_entropy / stackleak GCC plugins and
-ftrivial-auto-var-init=pattern, so iomemcheck is tested next to other plugins
and under -Werror, as a distribution or CI build would run it.
"""

import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.path.join(ROOT, "build")
DEFAULT_PLUGIN = os.path.join(ROOT, "gcc", "iomemcheck.so")

# The trees the harness knows, one Debian linux-source-VERSION each, and
# whether the review table holds the findings of every engine (6.1's was
# reviewed on the plugin's alone and keeps that form). The default tree
# keeps the file names it had before there was a second tree; another
# tree's files carry its version (tree_name).
TREES = {"6.1": False, "6.12": True}
DEFAULT_TREE = "6.1"


def tree_name(name, version=None):
    """objects.txt, findings.md, check-kernel... as named for a tree:
    unchanged for the default tree, else objects-6.12.txt and so on."""
    v = version or TREE
    if v == DEFAULT_TREE:
        return name
    stem, ext = os.path.splitext(name)
    return "%s-%s%s" % (stem, v, ext)


def use_tree(version):
    """Point the module at the tree VERSION (one of TREES): its source
    package, build/linux-VERSION (or $IOMEMCHECK_KERNEL_DIR), its object
    list and the names of its tables and log folder."""
    global TREE, KDIR, SRC_TARBALL, SRC_PACKAGE, OBJECTS, FINDINGS, ENGINES, OUT, UNION_TABLE
    if version not in TREES:
        raise SystemExit("unknown kernel tree %r (known: %s)" % (version, ", ".join(TREES)))
    TREE = version
    UNION_TABLE = TREES[version]
    # IOMEMCHECK_KERNEL_DIR: another tree location (e.g. to time a cold start
    # next to a warm tree); the default is build/linux-VERSION.
    KDIR = os.path.abspath(os.environ.get("IOMEMCHECK_KERNEL_DIR")
                           or os.path.join(BUILD, "linux-" + version))
    SRC_PACKAGE = "linux-source-" + version
    SRC_TARBALL = "/usr/src/%s.tar.xz" % SRC_PACKAGE
    OBJECTS = os.path.join(HERE, tree_name("objects.txt"))
    FINDINGS = os.path.join(HERE, tree_name("findings.md"))
    ENGINES = os.path.join(HERE, tree_name("engines.md"))
    OUT = os.path.join(BUILD, tree_name("check-kernel"))


def tree_title(version=None):
    """How the tables name a tree."""
    v = version or TREE
    return "Linux %s (Debian linux-source-%s, x86_64 allmodconfig)" % (v, v)


def add_tree_argument(ap):
    ap.add_argument("--tree", default=DEFAULT_TREE, choices=sorted(TREES),
                    help="the kernel tree (default %s)" % DEFAULT_TREE)


def review_jsons():
    """[ENGINE=]FILE of every engine's findings of the tree's last run: the
    plugin's and the command's (check-kernel), and sparse-flow's when it ran
    after the last full check-kernel (which deletes it, so it is never older
    than the other two)."""
    out = ["plugin=" + os.path.join(OUT, "findings.json"),
           "libclang=" + os.path.join(OUT, "libclang.json")]
    sparse = os.path.join(OUT, "sparse.json")
    if os.path.exists(sparse):
        out.append("libsparse=" + sparse)
    return out


RUN_MARK = "last-run"


def mark_run(subset):
    """Record whether the JSON of the log folder is of the whole list or of
    --subset: the review table must only be rewritten from a whole run."""
    tmp = os.path.join(OUT, RUN_MARK + ".tmp")
    with open(tmp, "w") as f:
        f.write("subset\n" if subset else "full\n")
    os.replace(tmp, os.path.join(OUT, RUN_MARK))


def last_run_full():
    try:
        with open(os.path.join(OUT, RUN_MARK)) as f:
            return f.read().strip() == "full"
    except FileNotFoundError:
        return False


def write_review_table(jsons):
    """Regenerate the tree's review table (findings-table) from JSON files
    given as [ENGINE=]FILE, keeping its verdicts."""
    argv = [sys.executable, os.path.join(HERE, "findings-table"), "-o", FINDINGS,
            "--root", KDIR, "--title", "iomemcheck findings on " + tree_title()]
    for j in jsons:
        argv += ["--json", j]
    subprocess.run(argv, check=True)


use_tree(DEFAULT_TREE)
JOBS = int(os.environ.get("JOBS", "2"))

# The plugin flags this harness adds; anything else in KCFLAGS stays.
PLUGIN_FLAG_RE = re.compile(r"^-fplugin(=\S*iomemcheck\.so|-arg-iomemcheck-\S*)$")

# Lines of a compiler log that mean a crash rather than a diagnostic.
ICE_RE = re.compile(
    r"internal compiler error|Please submit a full bug report|"
    r"Segmentation fault|Aborted|terminate called|"
    r"cannot load plugin|killed by signal|signal terminated program",
    re.IGNORECASE)
ERROR_RE = re.compile(r"(^|:\s)(fatal )?error:")


def log(msg):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def run(cmd, **kw):
    """Run cmd (a list), echoing it; raise on failure."""
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kw)


def ensure_source():
    """Install linux-source-6.1 if its tarball is missing."""
    if os.path.exists(SRC_TARBALL):
        return
    log("%s missing: installing %s" % (SRC_TARBALL, SRC_PACKAGE))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(["apt-get", "install", "-y", SRC_PACKAGE], env=env).returncode:
        run(["apt-get", "update"], env=env)
        run(["apt-get", "install", "-y", SRC_PACKAGE], env=env)


def ensure_tree(prepare=True):
    """Unpack, configure (allmodconfig) and modules_prepare the tree.

    Each step is skipped when its result is already there, so a warm
    build/linux-6.1 costs one no-op `make modules_prepare` (a few seconds).
    """
    os.makedirs(BUILD, exist_ok=True)
    if not os.path.exists(os.path.join(KDIR, "Makefile")):
        ensure_source()
        tmp = KDIR + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        log("unpacking %s into %s" % (SRC_TARBALL, KDIR))
        run(["tar", "-xf", SRC_TARBALL, "-C", tmp, "--strip-components=1"])
        os.rename(tmp, KDIR)
    if not os.path.exists(os.path.join(KDIR, ".config")):
        kmake(["allmodconfig"], jobs=1)
    if prepare:
        kmake(["modules_prepare"])


def kmake(args, jobs=None, kcflags=None, logfile=None, check=True,
          keep_going=False):
    """make -C KDIR; output to logfile (appended) or inherited stdout."""
    cmd = ["make", "-C", KDIR, "-j%d" % (jobs or JOBS)]
    if keep_going:
        cmd += ["-k", "--output-sync=target"]
    if kcflags is not None:
        cmd.append("KCFLAGS=" + kcflags)
    cmd += args
    shown = cmd if len(cmd) < 12 else cmd[:11] + ["... (%d targets)" % (len(cmd) - 11)]
    log("$ " + " ".join(shown))
    t0 = time.monotonic()
    if logfile:
        with open(logfile, "a") as f:
            f.write("$ %s\n" % " ".join(cmd))
            f.flush()
            rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT).returncode
    else:
        rc = subprocess.run(cmd).returncode
    dt = time.monotonic() - t0
    if check and rc:
        raise SystemExit("make failed (rc=%d)%s" % (rc, ", see " + logfile if logfile else ""))
    return rc, dt


def read_list(path):
    """Object paths of a list file: one per line, '#' comments."""
    out = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return out


def subset(objs, every=4):
    """The CI subset: every 4th object of the sorted list, from the first."""
    return objs[::every]


def remove_objects(objs):
    for o in objs:
        try:
            os.unlink(os.path.join(KDIR, o))
        except FileNotFoundError:
            pass


def built(objs, since):
    """Objects of objs whose .o exists and was written after `since`."""
    ok = []
    for o in objs:
        p = os.path.join(KDIR, o)
        if os.path.exists(p) and os.path.getmtime(p) >= since:
            ok.append(o)
    return ok


DRIVER_DECL_RE = re.compile(r"\bstruct\s+drm_driver\s+\w+\s*=\s*\{")


def driver_objects(objs):
    """The objects of the folders of objs, not in objs, whose .c initialises
    a struct drm_driver: the files the driver facts (rules/drm.rules) come
    from, which a map-free declaration keeps out of the object lists."""
    found = []
    for folder in sorted({os.path.dirname(o) for o in objs}):
        try:
            names = sorted(os.listdir(os.path.join(KDIR, folder)))
        except OSError:
            continue
        for n in names:
            obj = os.path.join(folder, n[:-2] + ".o")
            if not n.endswith(".c") or obj in objs:
                continue
            with open(os.path.join(KDIR, folder, n), errors="replace") as f:
                if DRIVER_DECL_RE.search(f.read()):
                    found.append(obj)
    return found


def plugin_kcflags(plugin, json_path, extra=()):
    flags = ["-fplugin=" + plugin, "-fplugin-arg-iomemcheck-json=" + json_path]
    flags += ["-fplugin-arg-iomemcheck-" + e for e in extra]
    return " ".join(flags)


def saved_command(obj):
    """The compile command of obj as kbuild last ran it (from its .o.cmd),
    cut before any '; objtool ...' suffix, with iomemcheck flags removed.
    Returns None if the object was never built."""
    d, b = os.path.split(obj)
    cmdfile = os.path.join(KDIR, d, "." + b + ".cmd")
    try:
        with open(cmdfile) as f:
            first = f.readline()
    except FileNotFoundError:
        return None
    # kbuild names the line cmd_OBJ up to 6.2, savedcmd_OBJ since 6.3
    for prefix in ("cmd_%s := " % obj, "savedcmd_%s := " % obj):
        if first.startswith(prefix):
            break
    else:
        return None
    cmd = first[len(prefix):].rstrip("\n")
    # Cut at the first ';' outside quotes (objtool / ld -r suffixes).
    q = None
    for i, c in enumerate(cmd):
        if q:
            if c == q:
                q = None
        elif c in "'\"":
            q = c
        elif c == ";":
            cmd = cmd[:i]
            break
    words = cmd.split()
    return " ".join(w for w in words if not PLUGIN_FLAG_RE.match(w))


def snapshot_plugin(plugin, where):
    """Copy the plugin to where/iomemcheck.so and return that path.

    The plugin in the source tree may be rebuilt while a long run is going
    (a half-written .so makes cc1 fail with "invalid ELF header"); a private
    copy pins the exact plugin that was tested or measured.  The copy keeps
    the base name, which selects the -fplugin-arg-iomemcheck-* arguments."""
    import hashlib
    os.makedirs(where, exist_ok=True)
    dst = os.path.join(where, "iomemcheck.so")
    for _ in range(10):
        with open(plugin, "rb") as f:
            data = f.read()
        if data[:4] == b"\x7fELF":
            break
        time.sleep(3)  # being rewritten right now
    else:
        raise SystemExit("%s: not an ELF file" % plugin)
    tmp = dst + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o755)
    os.replace(tmp, dst)
    log("plugin %s (sha256 %s) copied to %s"
        % (plugin, hashlib.sha256(data).hexdigest()[:16], dst))
    return dst


def file_sha256(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"
