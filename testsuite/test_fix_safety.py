"""--fix and every output file never write broken code and never lose a file.

One test (or a few) per defect of the table in issue 28, each in a fresh
folder: fixes applied once per file however it is reached, only on the text
they were computed from, outputs that replace nothing but a regular file
(keeping its owner, group and mode), input files that are files, and the
words of the summary.  Ownership is tested as root and as an unprivileged
user (uid 65534 through setpriv).  The property test at the end edits a
file at random between its analysis and --fix: the result is always the
edited text or, when the edit changed nothing, the fully fixed one.

IOMEMCHECK=path/to/iomemcheck runs the tests against another build.
"""
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import tempfile
import time

import pytest

import corpus

CMD = os.environ.get("IOMEMCHECK") or os.path.join(corpus.ROOT, "cmd", "iomemcheck")
FLAGS = ["-nostdinc", "-I", corpus.INCLUDE]
NOBODY = 65534
# Iterations of the property test (make check runs this many).
PROPERTY_RUNS = int(os.environ.get("IOMEMCHECK_PROPERTY_RUNS", "24"))
TIMEOUT = 60

SAMPLE = """#include <linux/iosys-map.h>

void f(struct iosys_map *dst, const void *src, u32 v, struct iosys_map *other)
{
	*(u32 *)(dst->vaddr + 8) = v;
	if (v)
		memcpy(dst->vaddr, src, v);
	if (!other->vaddr)
		return;
}
"""
FIXED = """#include <linux/iosys-map.h>

void f(struct iosys_map *dst, const void *src, u32 v, struct iosys_map *other)
{
	iosys_map_wr(dst, 8, u32, v);
	if (v)
		iosys_map_memcpy_to(dst, 0, src, v);
	if (iosys_map_is_null(other))
		return;
}
"""
# A file whose analysis waits for the test: it includes a FIFO, which
# libclang opens (blocking until the test opens the other end) and reads.
SLOW = '#include "pause.h"\nint slow;\n'


def clang_built():
    if not os.path.exists(CMD):
        return False
    return "clang" in subprocess.run([CMD, "--version"], capture_output=True, text=True).stdout


pytestmark = pytest.mark.skipif(not clang_built(), reason="the command's libclang engine is not built")

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (device nodes, other owners)")


def unprivileged():
    return ["setpriv", "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"]


def start(cwd, *args, user=False, **kw):
    """The command, in its own process group (a hang is killed whole)."""
    argv = (unprivileged() if user else []) + [CMD, *args]
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.Popen(argv, cwd=cwd, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)


def finish(p, timeout=TIMEOUT):
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail("iomemcheck still running after %d s: it hangs" % timeout)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def run(cwd, *args, user=False, timeout=TIMEOUT, **kw):
    return finish(start(cwd, *args, user=user, **kw), timeout)


@pytest.fixture
def tmp():
    """A fresh folder any user may write in (setpriv runs as uid 65534)."""
    d = tempfile.mkdtemp(prefix="iomemcheck-safety-")
    os.chmod(d, 0o777)
    yield d
    shutil.rmtree(d, ignore_errors=True)


def write(path, text, mode=None):
    with open(path, "w") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path, mode)


def read(path):
    with open(path) as f:
        return f.read()


def compiles(path):
    return subprocess.run(["gcc", "-fsyntax-only", *FLAGS, path], capture_output=True).returncode == 0


def leftovers(folder):
    return [n for n in os.listdir(folder) if ".iomemcheck-" in n or ".tmp" in n]


class Paused:
    """iomemcheck -j1 ARGS a.c slow.c: stops while slow.c is analysed, that
    is after a.c's analysis and before --fix touches anything."""

    def __init__(self, cwd, *args, slow=True):
        self.fifo = os.path.join(cwd, "pause.h")
        os.mkfifo(self.fifo)
        files = ["a.c"]
        if slow:
            write(os.path.join(cwd, "slow.c"), SLOW)
            files.append("slow.c")
        self.p = start(cwd, "-j1", *args, *files, "--", *FLAGS)
        self.fd = None

    def wait(self):
        """Returns once the analysis reached slow.c."""
        end = time.time() + TIMEOUT
        while self.fd is None:
            try:
                self.fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                if self.p.poll() is not None or time.time() > end:
                    pytest.fail("the run never reached slow.c: " + finish(self.p).stderr)
                time.sleep(0.01)
        return self

    def go(self):
        os.write(self.fd, b"/* go */\n")
        os.close(self.fd)
        return finish(self.p)


def database(folder, files):
    entries = [{"directory": folder, "file": f, "arguments": ["cc", *FLAGS, "-c", f]}
               for f in files]
    write(os.path.join(folder, "compile_commands.json"), json.dumps(entries))


# ---- 1: one file reached twice, two runs -----------------------------------------

def test_1_a_file_reached_through_a_symlinked_folder_is_fixed_once(tmp):
    os.mkdir(os.path.join(tmp, "real"))
    os.symlink("real", os.path.join(tmp, "alias"))
    write(os.path.join(tmp, "real", "a.c"), SAMPLE)
    database(tmp, ["real/a.c", "alias/a.c"])
    p = run(tmp, "-p", ".", "--fix", "real/a.c", "alias/a.c")
    assert p.returncode == 1, p.stderr
    assert read(os.path.join(tmp, "real", "a.c")) == FIXED
    assert compiles(os.path.join(tmp, "real", "a.c"))
    assert "3 fix-it(s) applied in 1 file(s), 0 not applied" in p.stderr, p.stderr


def test_1_a_second_run_that_analysed_the_old_text_leaves_the_file_alone(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    late = Paused(tmp, "--fix").wait()        # has analysed a.c, not fixed it yet
    first = run(tmp, "--fix", "a.c", "--", *FLAGS)
    assert first.returncode == 1 and read(os.path.join(tmp, "a.c")) == FIXED
    p = late.go()
    assert read(os.path.join(tmp, "a.c")) == FIXED
    assert "a.c: not edited: it changed since it was analysed" in p.stderr, p.stderr


def test_1_concurrent_runs_fix_the_file_once(tmp):
    for i in range(3):
        write(os.path.join(tmp, "a.c"), SAMPLE)
        runs = []
        for k in range(2):
            d = os.path.join(tmp, "r%d-%d" % (i, k))
            os.mkdir(d)
            os.symlink(os.path.join(tmp, "a.c"), os.path.join(d, "a.c"))
            runs.append(Paused(d, "--fix").wait())
        for r in runs:
            os.write(r.fd, b"\n")
        for r in runs:
            os.close(r.fd)
            finish(r.p)
        assert read(os.path.join(tmp, "a.c")) == FIXED
        assert stat.S_ISREG(os.lstat(os.path.join(tmp, "a.c")).st_mode)


# ---- 2: edits only on the text they were computed from ------------------------------

def test_2_a_file_edited_after_its_analysis_is_left_alone(tmp):
    path = os.path.join(tmp, "a.c")
    write(path, SAMPLE)
    r = Paused(tmp, "--fix").wait()
    edited = "/* one */\n/* two */\n" + SAMPLE
    write(path, edited)
    p = r.go()
    assert read(path) == edited
    assert "iomemcheck: a.c: not edited: it changed since it was analysed; 3 fix-it(s) " \
        "not applied" in p.stderr, p.stderr
    assert "0 fix-it(s) applied in 0 file(s), 3 not applied" in p.stderr


def test_2_a_header_edited_while_its_includer_was_analysed_is_left_alone(tmp):
    # a.c reads h.c, then waits on the FIFO while the test edits h.c: the
    # fix-its were computed on the old h.c, which its mtime gives away.
    write(os.path.join(tmp, "h.c"), SAMPLE.split("\n", 1)[1])
    write(os.path.join(tmp, "a.c"), '#include <linux/iosys-map.h>\n#include "h.c"\n'
          '#include "pause.h"\n')
    r = Paused(tmp, "--fix", slow=False).wait()
    edited = "\n\n" + SAMPLE.split("\n", 1)[1]
    write(os.path.join(tmp, "h.c"), edited)
    p = r.go()
    assert read(os.path.join(tmp, "h.c")) == edited
    assert "h.c: not edited: it changed since it was analysed" in p.stderr, p.stderr


def test_2_diff_leaves_a_changed_file_out_of_the_patch(tmp):
    path = os.path.join(tmp, "a.c")
    write(path, SAMPLE)
    r = Paused(tmp, "--diff").wait()
    write(path, "\n" + SAMPLE)
    p = r.go()
    assert p.stdout == ""
    assert "a.c: not edited: it changed since it was analysed" in p.stderr


# ---- 3: outputs that are not regular files ----------------------------------------

@as_root
def test_3_a_device_node_stays_a_device_and_a_full_one_is_an_error(tmp):
    os.mknod(os.path.join(tmp, "full"), 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    os.mknod(os.path.join(tmp, "null"), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    write(os.path.join(tmp, "a.c"), SAMPLE)
    p = run(tmp, "-o", "full", "a.c", "--", *FLAGS)
    assert p.returncode == 2
    assert "full: error: cannot write: No space left on device" in p.stderr, p.stderr
    p = run(tmp, "-o", "null", "a.c", "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    for name in ("full", "null"):
        assert stat.S_ISCHR(os.lstat(os.path.join(tmp, name)).st_mode), name
    assert leftovers(tmp) == []


def test_3_a_symlink_output_stays_a_symlink_and_its_target_gets_the_report(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    write(os.path.join(tmp, "report.txt"), "old\n")
    os.symlink("report.txt", os.path.join(tmp, "link.txt"))
    p = run(tmp, "-o", "link.txt", "a.c", "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert os.path.islink(os.path.join(tmp, "link.txt"))
    assert "[IOM002]" in read(os.path.join(tmp, "report.txt"))
    os.symlink("missing.txt", os.path.join(tmp, "dangling.txt"))
    p = run(tmp, "-o", "dangling.txt", "a.c", "--", *FLAGS)
    assert p.returncode == 2 and "dangling.txt: error:" in p.stderr
    assert os.path.islink(os.path.join(tmp, "dangling.txt"))


def test_3_a_fifo_and_the_commands_own_stdout_are_written_through(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    fifo = os.path.join(tmp, "out.fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE, text=True)
    p = run(tmp, "-o", "out.fifo", "a.c", "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert "[IOM002]" in reader.communicate(timeout=TIMEOUT)[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # stdout appended to a log: the log keeps what it had
    log = os.path.join(tmp, "log")
    write(log, "before\n")
    with open(log, "a") as f:
        p = run(tmp, "-o", "/proc/self/fd/1", "a.c", "--", *FLAGS, stdout=f)
    assert p.returncode == 1, p.stderr
    assert read(log).startswith("before\n") and "[IOM002]" in read(log)


# ---- 4: a directory or an empty name as an output: an error, no crash ----------------

@pytest.mark.parametrize("args", [
    ["--format=sarif", "-o", "DIR"],
    ["--write-baseline", "DIR"],
    ["--write-baseline", ""],
    ["--baseline", "DIR", "--prune-baseline"],
    ["-o", "DIR"],
])
def test_4_unwritable_gate_outputs_are_errors_not_crashes(tmp, args):
    os.mkdir(os.path.join(tmp, "DIR"))
    write(os.path.join(tmp, "a.c"), SAMPLE)
    p = run(tmp, *args, "a.c", "--", *FLAGS)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "double free" not in p.stderr
    assert ": error: " in p.stderr, p.stderr
    assert os.path.isdir(os.path.join(tmp, "DIR")) and os.listdir(os.path.join(tmp, "DIR")) == []
    assert leftovers(tmp) == []


# ---- 5: --fix through a symlink -----------------------------------------------------

def test_5_fix_through_a_symlink_edits_its_target(tmp):
    write(os.path.join(tmp, "real.c"), SAMPLE)
    os.symlink("real.c", os.path.join(tmp, "link.c"))
    p = run(tmp, "--fix", "link.c", "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert os.readlink(os.path.join(tmp, "link.c")) == "real.c"
    assert read(os.path.join(tmp, "real.c")) == FIXED


# ---- 6: owner, group, mode, hard links ----------------------------------------------

@as_root
def test_6_fix_as_root_keeps_owner_group_and_mode(tmp):
    path = os.path.join(tmp, "a.c")
    write(path, SAMPLE, 0o640)
    os.chown(path, NOBODY, NOBODY)
    p = run(tmp, "--fix", "a.c", "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o640)
    assert read(path) == FIXED


def test_6_a_file_with_hard_links_is_not_replaced(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    os.link(os.path.join(tmp, "a.c"), os.path.join(tmp, "same.c"))
    p = run(tmp, "--fix", "a.c", "--", *FLAGS)
    assert p.returncode == 2
    assert "a.c: error: not replaced: it has 2 hard links" in p.stderr, p.stderr
    assert read(os.path.join(tmp, "a.c")) == SAMPLE
    assert os.stat(os.path.join(tmp, "a.c")).st_nlink == 2
    write(os.path.join(tmp, "report"), "")
    os.link(os.path.join(tmp, "report"), os.path.join(tmp, "report2"))
    p = run(tmp, "-o", "report", "a.c", "--", *FLAGS)
    assert p.returncode == 2 and "hard links" in p.stderr
    assert os.stat(os.path.join(tmp, "report2")).st_nlink == 2


@pytest.mark.parametrize("user", [False, True], ids=["root", "unprivileged"])
@pytest.mark.parametrize("option", ["-o", "--write-baseline", "--prune-baseline"])
def test_6_outputs_keep_their_mode_and_owner(tmp, option, user):
    if os.geteuid() != 0:
        pytest.skip("needs root (chown, setpriv)")
    write(os.path.join(tmp, "a.c"), SAMPLE)
    out = os.path.join(tmp, "out")
    write(out, "", 0o600)
    os.chown(out, NOBODY, NOBODY)
    args = {"-o": ["-o", "out"], "--write-baseline": ["--write-baseline", "out"],
            "--prune-baseline": ["--baseline", "out", "--prune-baseline"]}[option]
    p = run(tmp, *args, "a.c", "--", *FLAGS, user=user)
    assert p.returncode in (0, 1), p.stderr
    st = os.stat(out)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o600)


@as_root
def test_6_unprivileged_fix_does_not_take_over_another_users_file(tmp):
    path = os.path.join(tmp, "a.c")
    write(path, SAMPLE, 0o666)                 # root's, writable by all, in a folder all may write
    p = run(tmp, "--fix", "a.c", "--", *FLAGS, user=True)
    assert p.returncode == 2
    assert "a.c: error: not replaced: another user owns it" in p.stderr, p.stderr
    assert os.stat(path).st_uid == 0 and read(path) == SAMPLE


@as_root
def test_6_a_read_only_file_is_not_replaced(tmp):
    path = os.path.join(tmp, "a.c")
    write(path, SAMPLE, 0o444)
    os.chown(path, NOBODY, NOBODY)
    p = run(tmp, "--fix", "a.c", "--", *FLAGS, user=True)
    assert p.returncode == 2 and "a.c: error: not replaced: it is read-only" in p.stderr, p.stderr
    assert read(path) == SAMPLE and stat.S_IMODE(os.stat(path).st_mode) == 0o444


# ---- 7: a partial --fix ---------------------------------------------------------------

@as_root
def test_7_fix_changes_nothing_when_one_file_cannot_be_written(tmp):
    # as uid 65534: a_rw/ is writable, b_ro/ is not; a_rw/a.c comes first
    for d, mode in (("a_rw", 0o755), ("b_ro", 0o555)):
        os.mkdir(os.path.join(tmp, d))
        write(os.path.join(tmp, d, "a.c"), SAMPLE)
        os.chown(os.path.join(tmp, d, "a.c"), NOBODY, NOBODY)
        os.chown(os.path.join(tmp, d), NOBODY, NOBODY)
        os.chmod(os.path.join(tmp, d), mode)
    p = run(tmp, "--fix", "a_rw/a.c", "b_ro/a.c", "--", *FLAGS, user=True)
    assert p.returncode == 2
    assert "b_ro/a.c: error: cannot write in its folder: Permission denied" in p.stderr, p.stderr
    assert "0 fix-it(s) applied in 0 file(s), 6 not applied" in p.stderr, p.stderr
    for d in ("a_rw", "b_ro"):
        assert read(os.path.join(tmp, d, "a.c")) == SAMPLE, d
        assert leftovers(os.path.join(tmp, d)) == []


# ---- 8: --diff's output and paths ----------------------------------------------------

def test_8_diff_to_a_full_disk_is_an_error(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    with open("/dev/full", "w") as full:
        p = run(tmp, "--diff", "a.c", "--", *FLAGS, stdout=full)
    assert p.returncode == 2
    assert "error" in p.stderr and "No space left on device" in p.stderr, p.stderr


def test_8_diff_leaves_out_files_outside_the_current_folder(tmp):
    os.mkdir(os.path.join(tmp, "src"))
    os.mkdir(os.path.join(tmp, "work"))
    write(os.path.join(tmp, "src", "a.c"), SAMPLE)
    write(os.path.join(tmp, "work", "b.c"), SAMPLE)
    p = run(os.path.join(tmp, "work"), "--diff", "b.c", os.path.join(tmp, "src", "a.c"),
            "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert "a//" not in p.stdout and p.stdout.startswith("--- a/b.c\n+++ b/b.c\n")
    assert "src/a.c: not edited: it is outside the current folder" in p.stderr, p.stderr
    write(os.path.join(tmp, "work", "fix.patch"), p.stdout)
    a = subprocess.run(["patch", "-p1", "-i", "fix.patch"], cwd=os.path.join(tmp, "work"),
                       capture_output=True, text=True)
    assert a.returncode == 0, a.stdout + a.stderr
    assert read(os.path.join(tmp, "work", "b.c")) == FIXED


# ---- 9: inputs that are not files ----------------------------------------------------

def random_bytes(path):
    rnd = random.Random(28)
    with open(path, "wb") as f:
        f.write(bytes(rnd.randrange(256) for _ in range(4096)))


@pytest.mark.parametrize("args,why", [
    (["--import", "DIR"], "DIR: error: cannot read the file to import: is a directory"),
    (["--import", "noise"], "noise:1: error: cannot read the file to import: not text"),
    (["--merge", "DIR"], "DIR: error: cannot read: is a directory"),
    (["--baseline", "DIR", "a.c", "--", *FLAGS], "DIR: error: cannot read the baseline: is a directory"),
    (["--baseline", "noise", "a.c", "--", *FLAGS], "noise:1: error: cannot read the baseline: not text"),
    (["--import", "fifo"], "fifo: error: cannot read the file to import: is a FIFO"),
])
def test_9_an_input_that_is_not_a_file_is_an_error(tmp, args, why):
    os.mkdir(os.path.join(tmp, "DIR"))
    os.mkfifo(os.path.join(tmp, "fifo"))
    random_bytes(os.path.join(tmp, "noise"))
    write(os.path.join(tmp, "a.c"), SAMPLE)
    p = run(tmp, *args)
    assert p.returncode == 2, p.stderr
    assert why in p.stderr, p.stderr


# ---- 10: database entries that would hang or grow -------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "zero", "dir"])
def test_10_a_database_entry_that_is_not_a_file_is_an_error(tmp, kind):
    path = os.path.join(tmp, "x.c")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    else:
        os.mkdir(path)
    write(os.path.join(tmp, "a.c"), SAMPLE)
    database(tmp, ["a.c", "x.c"])
    what = {"fifo": "is a FIFO", "zero": "is a character device", "dir": "is a directory"}[kind]
    p = run(tmp, "-p", ".", timeout=30)
    assert p.returncode == 2, p.stderr
    assert "x.c: error: %s, not a source file" % what in p.stderr, p.stderr
    p = run(tmp, "x.c", "--", *FLAGS, timeout=30)
    assert p.returncode == 2 and "x.c: error: %s" % what in p.stderr, p.stderr


def test_10_a_database_that_is_a_fifo_or_a_device_is_an_error(tmp):
    os.mkfifo(os.path.join(tmp, "db.json"))
    p = run(tmp, "-p", "db.json", timeout=30)
    assert p.returncode == 2 and "db.json: error: cannot read the compile database: is a FIFO" \
        in p.stderr, p.stderr
    p = run(tmp, "-p", "/dev/zero", timeout=30)
    assert p.returncode == 2 and "is a character device" in p.stderr, p.stderr


# ---- 11: words -------------------------------------------------------------------------

def test_11_quiet_fix_prints_nothing(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    p = run(tmp, "-q", "--fix", "a.c", "--", *FLAGS)
    assert p.returncode == 1 and p.stderr == "", p.stderr
    assert read(os.path.join(tmp, "a.c")) == FIXED


def test_11_fix_and_diff_together_are_a_usage_error(tmp):
    write(os.path.join(tmp, "a.c"), SAMPLE)
    p = run(tmp, "--fix", "--diff", "a.c", "--", *FLAGS)
    assert p.returncode == 2 and "--fix and --diff do not go together" in p.stderr, p.stderr
    assert read(os.path.join(tmp, "a.c")) == SAMPLE


def test_11_an_empty_database_says_nothing_was_checked(tmp):
    write(os.path.join(tmp, "compile_commands.json"), "[]\n")
    p = run(tmp, "-p", ".")
    assert p.returncode == 0
    assert "compile_commands.json has no entries: nothing was checked" in p.stderr, p.stderr


# ---- the property: random edits between analysis and --fix -----------------------------

def mutate(rnd, text):
    """One edit a person or a tool might make; may leave the text as it was."""
    kind = rnd.choice(["insert", "delete", "replace", "same", "fixed", "append", "swap",
                       "truncate", "renamed"])
    at = rnd.randrange(len(text) + 1)
    if kind == "insert":
        return kind, text[:at] + rnd.choice(["\n", "/* x */", "\t", "int y;\n"]) + text[at:]
    if kind == "delete":
        return kind, text[:at] + text[at + rnd.randrange(1, 8):]
    if kind == "replace":
        return kind, text[:at] + rnd.choice("abc ;(\n") + text[at + 1:]
    if kind == "fixed":
        return kind, FIXED
    if kind == "append":
        return kind, text + "/* more */\n"
    if kind == "swap":
        lines = text.split("\n")
        i = rnd.randrange(len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return kind, "\n".join(lines)
    if kind == "truncate":
        return kind, text[:at]
    return kind, text                          # same: rewritten in place or renamed over


def test_random_edits_between_analysis_and_fix_never_mix_texts(tmp):
    seed = int(os.environ.get("IOMEMCHECK_PROPERTY_SEED", str(int(time.time()))))
    rnd = random.Random(seed)
    for i in range(PROPERTY_RUNS):
        d = os.path.join(tmp, str(i))
        os.mkdir(d)
        path = os.path.join(d, "a.c")
        write(path, SAMPLE)
        r = Paused(d, "--fix").wait()
        kind, edited = mutate(rnd, SAMPLE)
        if kind == "renamed":
            write(path + ".new", edited)
            os.rename(path + ".new", path)
        else:
            write(path, edited)
        p = r.go()
        got = read(path)
        want = FIXED if edited == SAMPLE else edited
        assert got == want, "seed %d, run %d, %s:\n%s" % (seed, i, kind, p.stderr)
        assert leftovers(d) == [], (seed, i, kind)
        assert p.returncode == 1, (seed, i, kind, p.stderr)
