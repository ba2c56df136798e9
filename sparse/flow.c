/*
 * flow.c - the flow stage: libsparse parses the file as stock sparse does
 * (the same argument words), every function defined in the file is
 * linearized and lowered (lower.c), the core analyses it, and each finding
 * is written to out_fd as one text line of the core's renderer.
 *
 * Runs in a child process (main.c): libsparse keeps global state and may
 * exit on fatal input; a crash costs the flow findings, never sparse's own
 * output or the build.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flow.h"
#include "scope.h"
#include "parse.h"
#include "evaluate.h"

struct stage {
	const struct iom_config *cfg;
	int fd;
	int findings;
	struct iom_output *json;	/* -fiomemcheck-json=FILE, or NULL */
	struct symbol_list *bodies;	/* the functions linearized in this file */
};

static void report(const struct iom_finding *f, void *ctx)
{
	struct stage *s = ctx;
	char buf[4096];
	int n = iom_format_text(f, buf, sizeof(buf));
	size_t len = n < 0 ? 0 : (size_t)n >= sizeof(buf) ? sizeof(buf) - 1 : (size_t)n;

	s->findings++;
	if (s->json)
		iom_output_finding(s->json, f, NULL);
	while (len > 0) {
		ssize_t w = write(s->fd, buf, len);

		if (w <= 0)
			return;
		memmove(buf, buf + w, len - (size_t)w);
		len -= (size_t)w;
	}
}

/* One line of our own ("iomemcheck-sparse: error: ...") among the findings. */
static void report_line(int fd, const char *msg)
{
	char buf[700];
	int n = snprintf(buf, sizeof(buf), "iomemcheck-sparse: error: %s\n", msg);

	if (n > 0 && write(fd, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1) < 0)
		return;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && !strcmp(s + a - b, tail);
}

/* An inline function's body copied out of its inline form (as sparse does
 * for one whose address is taken), so that it can be linearized itself. */
static void own_body(struct symbol *sym)
{
	struct symbol_list *one = NULL;

	uninline(sym);
	add_symbol(&one, sym);
	evaluate_symbol_list(one);
}

/* Functions of the file itself, and of .c files it includes (as GCC
 * compiles them); header functions are analysed where they are inlined. */
static int is_own_function(struct symbol *sym)
{
	struct symbol *t = real_type(sym);

	if (!t || t->type != SYM_FN || !sym->ident)
		return 0;
	if (ends_with(stream_name(sym->pos.stream), ".h"))
		return 0;
	if (!t->stmt && t->inline_stmt)
		own_body(sym);	/* an inline function of the file: analysed as GCC emits it */
	return t->stmt != NULL;
}

/*
 * Sparse inlines every inline function while it expands a caller.  GCC's
 * front end sees calls (its pass runs before inlining), and the core knows
 * the helpers and accessors (readl, iosys_map_rd...) by their calls: so no
 * function is inlined here.  expand.c does not inline a function whose type
 * is being expanded already (its recursion guard): every function type of
 * the file and global scopes is marked so.
 */
static void no_inlining(struct scope *scope)
{
	struct symbol *sym, *t;

	if (!scope)
		return;
	FOR_EACH_PTR(scope->symbols, sym) {
		t = sym->ctype.base_type;
		if (sym->type == SYM_NODE && t && t->type == SYM_FN)
			t->expanding = 1;
	} END_FOR_EACH_PTR(sym);
}

/* A function designator in an initialiser: fn or &fn. */
static struct symbol *function_in(struct expression *e)
{
	if (e && e->type == EXPR_PREOP && e->op == '&')
		e = e->unop;
	if (e && e->type == EXPR_CAST)
		e = e->cast_expression;
	if (!e || e->type != EXPR_SYMBOL || !e->symbol)
		return NULL;
	return real_type(e->symbol) && real_type(e->symbol)->type == SYM_FN ? e->symbol : NULL;
}

/* Each initialiser of a struct (nested ones too) is one instance; its members
 * set to a function are the facts the unit's callback pairs need. */
static void bind_initializer(struct iom_unit *u, int *instance, struct symbol *type,
			     struct expression *init, int depth)
{
	struct symbol *t = real_type(type), *m, *fn;
	struct expression *e;
	int me;

	if (!t || !init || init->type != EXPR_INITIALIZER || depth > 8)
		return;
	if (t->type == SYM_ARRAY) {
		FOR_EACH_PTR(init->expr_list, e) {
			if (e->type == EXPR_POS)
				e = e->init_expr;
			bind_initializer(u, instance, t->ctype.base_type, e, depth + 1);
		} END_FOR_EACH_PTR(e);
		return;
	}
	if (t->type != SYM_STRUCT || !t->ident)
		return;
	me = (*instance)++;
	FOR_EACH_PTR(init->expr_list, e) {
		unsigned off = 0;

		if (e->type == EXPR_POS) {
			off = e->init_offset;
			e = e->init_expr;
		}
		m = member_at(t, off, NULL);
		if (!m)
			continue;
		fn = function_in(e);
		if (fn && m->ident)
			iom_unit_bind(u, me, name_of(t->ident), name_of(m->ident),
				      name_of(fn->ident));
		else if (e && e->type == EXPR_INITIALIZER)
			bind_initializer(u, instance, m, e, depth + 1);
	} END_FOR_EACH_PTR(e);
}

/*
 * A function can be reached twice (a declaration and its definition share
 * one function type; the file and global scopes).  Linearizing one body twice
 * breaks sparse (its labels keep the blocks of the first run): once each.
 */
struct seen {
	struct symbol **fns;
	size_t nr, cap;
};

static int seen_before(struct seen *seen, struct symbol *fn)
{
	for (size_t i = 0; i < seen->nr; i++)
		if (seen->fns[i] == fn)
			return 1;
	if (seen->nr == seen->cap) {
		size_t cap = seen->cap ? 2 * seen->cap : 256;
		struct symbol **n = realloc(seen->fns, cap * sizeof(*n));

		if (!n)
			return 1;	/* out of memory: analyse nothing more */
		seen->fns = n;
		seen->cap = cap;
	}
	seen->fns[seen->nr++] = fn;
	return 0;
}

/*
 * Every function of the file is linearized before any is analysed: how many
 * times a static function is called (direct_calls) needs all the calls.
 */
static void linearize(struct symbol_list **bodies, struct symbol *sym)
{
	static struct seen linearized;

	if (sym->ep || seen_before(&linearized, real_type(sym)))
		return;
	expand_symbol(sym);
	if (linearize_symbol(sym) && bodies)
		add_symbol(bodies, sym);
}

static int symbol_list_has(struct symbol_list *list, struct symbol *sym)
{
	struct symbol *x;

	FOR_EACH_PTR(list, x) {
		if (x == sym)
			return 1;
	} END_FOR_EACH_PTR(x);
	return 0;
}

/*
 * An inline function of a header that returns bool and that the file calls:
 * GCC analyses it (it is emitted when used), and the flag it may return
 * matters to its callers here.  Linearized for its summaries only (findings
 * in headers are not this engine's).
 */
static int header_bool_function(struct stage *s, struct symbol *sym, struct symbol_list *taken)
{
	struct symbol *t = real_type(sym);

	if (!t || t->type != SYM_FN || !sym->ident || symbol_list_has(taken, sym) ||
	    !ends_with(stream_name(sym->pos.stream), ".h") ||
	    real_type(t->ctype.base_type) != &bool_ctype || (!t->stmt && !t->inline_stmt) ||
	    direct_calls(sym, s->bodies, NULL) == 0)
		return 0;
	if (!t->stmt)
		own_body(sym);
	linearize(NULL, sym);
	return sym->ep != NULL;
}

/* Answers of holds_map() for a struct at a depth: a driver's device struct
 * reaches hundreds of others, asked about for every header function. */
#define HOLDS_CACHE	4096

static struct {
	struct symbol *type;
	int depth, answer;
} holds_cache[HOLDS_CACHE];

static int holds_map(const struct iom_rules *rules, struct symbol *t, int depth);

static int members_hold_map(const struct iom_rules *rules, struct symbol *t, int depth)
{
	struct symbol *m;

	FOR_EACH_PTR(t->symbol_list, m) {
		if (holds_map(rules, m, depth + 1))
			return 1;
	} END_FOR_EACH_PTR(m);
	return 0;
}

/* Does a type hold a map: the map itself, a pointer or array of maps, a
 * struct or union with one among its members (a few levels down)? */
static int holds_map(const struct iom_rules *rules, struct symbol *t, int depth)
{
	unsigned h;
	int answer = 0;

	t = real_type(t);
	if (!t || depth > 4)
		return 0;
	if (t->type == SYM_PTR || t->type == SYM_ARRAY)
		return holds_map(rules, t->ctype.base_type, depth + 1);
	if (t->type != SYM_STRUCT && t->type != SYM_UNION)
		return 0;
	h = (unsigned)((((uintptr_t)t >> 4) * 31u + (unsigned)depth) % HOLDS_CACHE);
	if (holds_cache[h].type == t && holds_cache[h].depth == depth)
		return holds_cache[h].answer;
	answer = (t->ident && iom_rules_type_index(rules, name_of(t->ident)) >= 0) ||
		 members_hold_map(rules, t, depth);
	holds_cache[h].type = t;
	holds_cache[h].depth = depth;
	holds_cache[h].answer = answer;
	return answer;
}

/*
 * An inline function of a header that code GCC emits calls (the file's own
 * functions, or such header functions): GCC emits and analyses it.  Those
 * whose parameters or locals reach a map are analysed here too, their
 * findings in the header; the command reports a header's finding once.
 */
static int list_holds_map(const struct iom_rules *rules, struct symbol_list *list)
{
	struct symbol *v;

	FOR_EACH_PTR(list, v) {
		if (holds_map(rules, v, 0))
			return 1;
	} END_FOR_EACH_PTR(v);
	return 0;
}

static int header_map_function(struct stage *s, struct symbol *sym)
{
	struct symbol *t = real_type(sym);
	const struct iom_rules *rules = s->cfg->rules;

	/* the parameters and locals the parser bound (before any linearizing:
	 * most header functions a driver calls reach no map) */
	if (!t || t->type != SYM_FN || !sym->ident || sym->ep ||
	    !ends_with(stream_name(sym->pos.stream), ".h") || (!t->stmt && !t->inline_stmt) ||
	    !(list_holds_map(rules, t->arguments) || list_holds_map(rules, sym->inline_symbol_list) ||
	      list_holds_map(rules, sym->symbol_list)) ||
	    direct_calls(sym, s->bodies, NULL) == 0)
		return 0;
	if (!t->stmt)
		own_body(sym);
	linearize(NULL, sym);
	if (!sym->ep)
		return 0;
	add_symbol(&s->bodies, sym);
	return 1;
}

/* The header functions header_map_function() takes, as the calls of the
 * ones taken reach more of them. */
static void header_map_functions(struct stage *s, struct symbol_list **taken)
{
	struct symbol *sym;
	int more = 1;

	for (int rounds = 0; more && rounds < 64; rounds++) {
		more = 0;
		FOR_EACH_PTR(file_scope->symbols, sym) {
			if (header_map_function(s, sym)) {
				add_symbol(taken, sym);
				more = 1;
			}
		} END_FOR_EACH_PTR(sym);
	}
}

static void analyse_function(struct stage *s, struct iom_unit *u, struct symbol *sym,
			     int summary_only)
{
	struct lower l = { 0 };
	struct entrypoint *ep;
	struct iom_where w = { stream_name(sym->pos.stream), sym->pos.line, byte_column(sym->pos), 0 };
	struct symbol *a, *fnt = real_type(sym);
	int n = 0, r;
	static struct seen analysed;

	w.helper = iom_helper_code(s->cfg->rules, w.file, NULL, 0);
	if (iom_helper_function(s->cfg->rules, name_of(sym->ident), w.helper))
		return;
	ep = sym->ep;
	if (!ep || !ep->entry || seen_before(&analysed, fnt))
		return;
	l.rules = s->cfg->rules;
	l.ep = ep;
	l.sym = sym;
	l.fn = iom_func_begin(s->cfg->rules, name_of(sym->ident), w);
	iom_func_types(l.fn, &sparse_types);
	if (!(sym->ctype.modifiers & MOD_STATIC))
		iom_func_external(l.fn);
	FOR_EACH_PTR(fnt->arguments, a) {
		n++;
		if (a->ident)
			iom_param(l.fn, n, name_of(a->ident));
	} END_FOR_EACH_PTR(a);
	if ((sym->ctype.modifiers & MOD_STATIC) && !summary_only) {
		n = direct_calls(sym, s->bodies, file_scope->symbols);
		if (n >= 0)
			iom_func_only_called_here(l.fn, n);
	}
	lower_function(&l);
	if (summary_only) {
		iom_unit_summarise(u, l.fn);
		iom_func_free(l.fn);
		return;
	}
	if (s->cfg->dump)
		iom_func_dump(l.fn, stdout);
	r = iom_unit_analyse(u, l.fn, &s->cfg->options, report, s);
	if (r != IOM_DEFERRED)
		iom_func_free(l.fn);
}

/*
 * __typeof_unqual__ (C23; new kernels' READ_ONCE and their checker-valid.sh
 * probe) as a keyword of the parser, spelled like __typeof__ and parsed by
 * its op.  Sparse 0.6.4 has no unqualified typeof: qualifiers are kept, which
 * changes no map fact.  A sparse that knows the keyword keeps its own.
 */
void typeof_unqual_keyword(void)
{
	struct symbol *t = lookup_symbol(built_in_ident("__typeof__"), NS_TYPEDEF), *u;

	if (!t || !t->op)
		return;
	u = create_symbol(0, "__typeof_unqual__", SYM_KEYWORD, NS_TYPEDEF);
	if (u->op)
		return;
	u->ident->keyword = 1;
	u->ident->reserved = 1;
	u->ctype = t->ctype;
	u->op = t->op;
}

struct stage *flow_begin(int out_fd, const struct iom_config *cfg)
{
	static struct stage s;

	s.cfg = cfg;
	s.fd = out_fd;
	s.findings = 0;
	s.json = NULL;
	s.bodies = NULL;
	if (cfg->json) {
		char err[512];

		s.json = iom_output_open(cfg, err, sizeof(err));
		if (!s.json)
			report_line(out_fd, err);
	}
	/* A fact file's warnings go where the findings go: the flow child's
	 * stderr is not the user's. */
	if (cfg->facts) {
		FILE *warn = fdopen(dup(out_fd), "w");

		if (warn) {
			setvbuf(warn, NULL, _IONBF, 0);
			iom_facts_warn_to(cfg->facts, warn);
		}
	}
	return &s;
}

/* One file, its symbols parsed and evaluated (sparse() without dropping the
 * tokens, so macro bodies stay readable: line_spells_helper_macro). */
void flow_file(struct stage *s, struct symbol_list *list, const char *file)
{
	struct iom_unit *u = iom_unit_new(s->cfg->rules);
	struct symbol *sym;
	struct symbol_list *headers = NULL;
	int instance = 0;

	no_inlining(file_scope);
	no_inlining(global_scope);
	FOR_EACH_PTR(list, sym) {
		if (sym->initializer && !(real_type(sym) && real_type(sym)->type == SYM_FN))
			bind_initializer(u, &instance, sym, sym->initializer, 0);
	} END_FOR_EACH_PTR(sym);
	/* every body first: a static function's calls are counted before it is analysed */
	FOR_EACH_PTR(file_scope->symbols, sym) {
		if (is_own_function(sym))
			linearize(&s->bodies, sym);
	} END_FOR_EACH_PTR(sym);
	FOR_EACH_PTR(global_scope->symbols, sym) {
		if (is_own_function(sym))
			linearize(&s->bodies, sym);
	} END_FOR_EACH_PTR(sym);
	memset(holds_cache, 0, sizeof(holds_cache));	/* types are the file's */
	header_map_functions(s, &headers);
	FOR_EACH_PTR(file_scope->symbols, sym) {
		if (header_bool_function(s, sym, headers))
			analyse_function(s, u, sym, 1);
	} END_FOR_EACH_PTR(sym);
	FOR_EACH_PTR(headers, sym) {
		analyse_function(s, u, sym, 0);
	} END_FOR_EACH_PTR(sym);
	free_ptr_list(&headers);
	FOR_EACH_PTR(file_scope->symbols, sym) {
		if (is_own_function(sym))
			analyse_function(s, u, sym, 0);
	} END_FOR_EACH_PTR(sym);
	FOR_EACH_PTR(global_scope->symbols, sym) {
		if (is_own_function(sym))
			analyse_function(s, u, sym, 0);
	} END_FOR_EACH_PTR(sym);
	iom_unit_finish(u, NULL, NULL);
	if (s->cfg->summaries) {
		char err[PATH_MAX + 256];

		if (iom_unit_save_facts(u, file, s->cfg->summaries, err, sizeof(err)))
			report_line(s->fd, err);
	}
	iom_unit_free(u);
	free_ptr_list(&s->bodies);
}

int flow_end(struct stage *s)
{
	if (s->json) {
		char err[512];

		if (iom_output_check(s->json, err, sizeof(err)))
			report_line(s->fd, err);
		iom_output_close(s->json);
	}
	return s->findings;
}

/* The stage parsing on its own (a second parse: strict mode, another sparse) */
int flow_main(int argc, char **argv, int out_fd, const struct iom_config *cfg)
{
	struct string_list *filelist = NULL;
	struct stage *s;
	struct symbol_list *list;
	char *file;

	sparse_initialize(argc, argv, &filelist);
	typeof_unqual_keyword();
	s = flow_begin(out_fd, cfg);
	FOR_EACH_PTR(filelist, file) {
		list = sparse_keep_tokens(file);
		if (has_error & ERROR_CURR_PHASE)
			has_error = ERROR_PREV_PHASE;
		evaluate_symbol_list(list);
		flow_file(s, list, file);
	} END_FOR_EACH_PTR(file);
	return flow_end(s);
}
