"""The tables of core/ against the docs.  The rule table (rules.def): every rule has its
catalog page and its row in README.md and rules/README.md, with the same
default, and no page or row names an id the table lacks.  The option table
(options.def): README.md lists every option, in its order.

Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import os
import re

import corpus

ROOT = corpus.ROOT
RULE_LINE = re.compile(r"^RULE\((IOM\d{3}), (\d+), ([01]), ", re.M)


def read(*path):
    with open(os.path.join(ROOT, *path), encoding="utf-8") as f:
        return f.read()


def table():
    rows = RULE_LINE.findall(read("core", "rules.def"))
    assert rows, "no RULE lines in core/rules.def"
    return {name: (int(nr), on == "1") for name, nr, on in rows}


def test_rule_names_match_their_numbers():
    for name, (nr, _) in table().items():
        assert name == f"IOM{nr:03d}"


def test_every_rule_has_a_catalog_page_and_no_page_is_extra():
    pages = {f[:-3] for f in os.listdir(os.path.join(ROOT, "rules", "catalog"))
             if re.fullmatch(r"IOM\d{3}\.md", f)}
    assert pages == set(table())
    for name in table():
        assert read("rules", "catalog", name + ".md").startswith(f"# {name}: ")


def test_readme_rules_table_has_one_row_per_rule():
    rows = re.findall(r"^\| \[(IOM\d{3})\]\(rules/catalog/(IOM\d{3})\.md\) \|", read("README.md"),
                      re.M)
    assert [a for a, _ in rows] == [b for _, b in rows]
    assert sorted(a for a, _ in rows) == sorted(table())


def test_rules_readme_table_has_one_row_per_rule_with_its_default():
    rows = re.findall(r"^\| (IOM\d{3}) \| (on|off) \|", read("rules", "README.md"), re.M)
    assert sorted(rows) == sorted((name, "on" if on else "off")
                                  for name, (_, on) in table().items())


def test_no_doc_names_a_retired_id():
    ids = set(re.findall(r"IOM\d{3}", read("README.md") + read("rules", "README.md")))
    assert ids <= set(table()), ids - set(table())


OPTION_LINE = re.compile(r'^OPTION\("([a-z-]+)",\s*(NULL|"[^"]*"),', re.M)


def test_readme_lists_every_option_of_the_table():
    options = [(key, value != "NULL") for key, value in
               OPTION_LINE.findall(read("core", "options.def"))]
    assert options
    section = read("README.md").split("Plugin arguments")[1].split("\n\n")[1]
    rows = re.findall(r"^\| `([a-z-]+)(=?)[^`]*` \|", section, re.M)
    assert [(key, eq == "=") for key, eq in rows] == options
