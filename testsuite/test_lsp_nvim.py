"""iomemcheck --lsp end to end with a real editor: Debian's Neovim (0.7.2),
headless, as the client (vim.lsp.start_client in testsuite/lsp/nvim-e2e.lua).

Neovim opens a copy of a sample in a folder with a compile database, waits
for the server's diagnostics and checks them, changes the buffer (by a quick
fix of the server, or as a user types), waits until the diagnostics are gone,
writes the file; the file is then compared with a golden in testsuite/lsp/.
"""
import json
import os
import shutil
import subprocess

import pytest

import corpus

CMD = os.path.join(corpus.ROOT, "cmd", "iomemcheck")
LUA = os.path.join(corpus.ROOT, "testsuite", "lsp", "nvim-e2e.lua")
NVIM = shutil.which("nvim")

pytestmark = pytest.mark.skipif(not (NVIM and os.path.exists(CMD)),
                                reason="nvim (Debian's neovim) or iomemcheck missing")


def run_nvim(tmp_path, sample, golden, **how):
    path = tmp_path / sample
    shutil.copy(os.path.join(corpus.SAMPLES, sample), path)
    (tmp_path / "compile_commands.json").write_text(json.dumps([
        {"directory": str(tmp_path), "file": sample,
         "arguments": ["cc", "-nostdinc", "-I", corpus.INCLUDE, "-O2", "-c", sample]}]))
    expected = sorted(corpus.Sample(os.path.join(corpus.SAMPLES, sample)).expected)
    env = dict(os.environ, IOM_CMD=CMD, IOM_FILE=str(path),
               IOM_EXPECT=",".join("%d:%s" % e for e in expected), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), **how)
    p = subprocess.run([NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-c", "luafile " + LUA],
                       env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180,
                       stdin=subprocess.DEVNULL)
    assert p.returncode == 0, p.stderr
    with open(os.path.join(corpus.ROOT, "testsuite", "lsp", golden)) as f:
        assert path.read_text() == f.read()


def test_nvim_edit_clears_the_diagnostic(tmp_path):
    run_nvim(tmp_path, "blit-null-check-raw-vaddr.c", "blit-null-check-raw-vaddr.edited.c",
             IOM_MODE="edit", IOM_FROM="!dst->vaddr", IOM_TO="iosys_map_is_null(dst)")


def test_nvim_applies_the_quick_fixes(tmp_path):
    # Each diagnostic's preferred quick fix, applied by Neovim itself
    # (vim.lsp.util.apply_workspace_edit), the buffer written.
    sample = "cirrus-pixel-memcpy4-set-iomem.c"
    run_nvim(tmp_path, sample, "cirrus-pixel-memcpy4-set-iomem.fixed.c",
             IOM_MODE="action", IOM_PREFERRED="1")
    # the same bytes as the command's --fix on the same file
    other = tmp_path / "fix"
    other.mkdir()
    shutil.copy(os.path.join(corpus.SAMPLES, sample), other / sample)
    p = subprocess.run([CMD, "-q", "--fix", sample, "--", "-nostdinc", "-I", corpus.INCLUDE, "-O2"],
                       cwd=other, capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 1), p.stderr
    assert (other / sample).read_text() == (tmp_path / sample).read_text()
