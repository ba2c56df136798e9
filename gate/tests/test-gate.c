/*
 * test-gate.c - unit tests of the gate's pieces that need no engine: the
 * line hash against the published test vectors of GitHub's upload action,
 * line normalisation, keys, suppression parsing, shards, the baseline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gate.h"

static int failed, passed;

#define CHECK(cond) do { if (cond) passed++; else { failed++; \
	fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static void hashes(const char *text, const char *const *want)
{
	char out[32][40];
	int n = gate_hash_lines((const unsigned char *)text, strlen(text), out, 32), i;

	for (i = 0; want[i]; i++) {
		CHECK(i < n && !strcmp(out[i], want[i]));
		if (i < n && strcmp(out[i], want[i]))
			fprintf(stderr, "  line %d: %s, want %s\n", i + 1, out[i], want[i]);
	}
	CHECK(n == i);
}

static void test_line_hash(void)
{
	/* Inputs and values from the upload action's own tests. */
	static const char *const empty[] = { "c129715d7a2bc9a3:1", NULL };
	static const char *const abcd[] = { "271789c17abda88f:1", "54703d4cd895b18:1",
		"180aee12dab6264:1", "a23a3dc5e078b07b:1", NULL };
	static const char *const hello[] = { "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1",
		"ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1",
		"c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1", NULL };
	static const char *const lorem[] = { "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2",
		"a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
		"a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
		"55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1", NULL };
	char rep[400] = "";

	hashes("", empty);
	hashes(" a\nb\n  \t\tc\n d", abcd);
	hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", hello);
	hashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", hello);
	hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", hello);
	hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", hello);
	for (int i = 0; i < 10; i++)
		strcat(rep, "Lorem ipsum dolor sit amet.\n");
	hashes(rep, lorem);
}

static void test_normalise(void)
{
	char *a = gate_normalise_line("\t\tmemcpy(dst->vaddr, src, len); /* IOM003 */");
	char *b = gate_normalise_line("memcpy( dst->vaddr,src,  len);// x");

	CHECK(!strcmp(a, "memcpy(dst->vaddr,src,len);"));
	CHECK(!strcmp(a, b));
	free(a);
	free(b);
}

static void add(struct gate_set *s, const char *file, int line, const char *fn)
{
	gate_set_add(s, "gcc", IOM003, 0, file, line, 2, fn,
		     "'map->vaddr' passed to 'memcpy' while 'is_iomem' may be true");
}

static void test_keys(void)
{
	struct gate_set s;
	FILE *f = fopen("gate-t1.c", "w");

	fputs("void a(void)\n{\n\tmemcpy(map->vaddr, p, n);\n\tmemcpy(map->vaddr, p, n);\n}\n", f);
	fclose(f);
	f = fopen("gate-t2.c", "w");
	fputs("/* new */\n\n\nvoid a(void)\n{\n        memcpy(map->vaddr,  p, n);\n"
	      "        memcpy(map->vaddr, p, n);\n}\n", f);
	fclose(f);
	gate_set_init(&s);
	add(&s, "gate-t1.c", 4, "a");
	add(&s, "gate-t1.c", 3, "a");
	add(&s, "gate-t2.c", 6, "a");
	add(&s, "gate-t2.c", 7, "a");
	add(&s, "gate-t2.c", 7, "a");	/* a duplicate: dropped */
	gate_set_sort_unique(&s);
	gate_set_keys(&s);
	CHECK(s.n == 4);
	/* Same code moved, reindented, in another file: the same keys. */
	CHECK(s.v[0].occurrence == 1 && s.v[1].occurrence == 2);
	CHECK(!strcmp(s.v[0].key, s.v[2].key) && !strcmp(s.v[1].key, s.v[3].key));
	CHECK(strcmp(s.v[0].key, s.v[1].key));
	/* Reindenting keeps GitHub's line hash too. */
	CHECK(s.v[0].linehash[0] && !strcmp(s.v[0].linehash, s.v[2].linehash));
	/* Column 2 is the call: the region runs to the end of the expression. */
	CHECK(s.v[0].end_col == 2 + (int)strlen("memcpy(map->vaddr"));
	gate_set_free(&s);
	gate_source_forget();
	unlink("gate-t1.c");
	unlink("gate-t2.c");
}

static void test_shard(void)
{
	int k, n, hits = 0;
	const char *names[] = { "a.c", "b.c", "drivers/gpu/drm/x.c", "y.c", "z.c" };

	CHECK(!gate_shard_parse("2/3", &k, &n) && k == 2 && n == 3);
	CHECK(gate_shard_parse("0/3", &k, &n) && gate_shard_parse("4/3", &k, &n) &&
	      gate_shard_parse("1/", &k, &n) && gate_shard_parse("x", &k, &n));
	for (int i = 0; i < 5; i++)
		for (k = 1; k <= 3; k++)
			hits += gate_shard_has(names[i], k, 3);
	CHECK(hits == 5);	/* each file in exactly one shard */
	CHECK(gate_shard_has("./a.c", 1, 2) == gate_shard_has("a.c", 1, 2));
}

static void test_baseline(void)
{
	struct gate_baseline b;
	struct gate_set s;
	char err[512];
	FILE *f = fopen("gate-b.json", "w");

	fputs("{\"file\":\"a.c\",\"rule\":\"IOM003\",\"key\":\"0123456789abcdef\"}\n\n"
	      "{\"file\":\"a.c\",\"rule\":\"IOM099\",\"key\":\"0123456789abcdef\"}\n", f);
	fclose(f);
	CHECK(gate_baseline_read(&b, "gate-b.json", err, sizeof(err)) == -1);
	CHECK(!strcmp(err, "gate-b.json:3: error: unknown rule 'IOM099'"));
	gate_baseline_free(&b);

	/* an empty baseline (all findings fixed and pruned) matches nothing */
	f = fopen("gate-b.json", "w");
	fclose(f);
	CHECK(gate_baseline_read(&b, "gate-b.json", err, sizeof(err)) == 0 && b.n == 0);
	gate_set_init(&s);
	gate_set_add(&s, "gcc", IOM002, 0, "a.c", 3, 5, "f", "store through 'm.vaddr'");
	CHECK(gate_baseline_match(&b, &s) == 0 && s.v[0].state == GATE_NEW);
	gate_set_free(&s);
	gate_baseline_free(&b);
	unlink("gate-b.json");

	/* an empty import (a clean plugin run) sorts to an empty set */
	gate_set_init(&s);
	gate_set_sort_unique(&s);
	CHECK(s.n == 0 && s.nr_files == 0);
	gate_set_free(&s);
}

int main(void)
{
	test_line_hash();
	test_normalise();
	test_keys();
	test_shard();
	test_baseline();
	printf("gate: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
