/*
 * unit.c - one translation unit through libclang: clang_engine_run().
 *
 * Parse, stop at the first error, collect the ops-table initialisers for the
 * core's callback pairs, then lower every function defined in the file.
 *
 * A function is lowered in passes: whether a value is tracked (derived from
 * a map member) can depend on a phi whose operands are only known at the end
 * of the walk, and a tracked call argument is a value to the core, not a
 * pointer it may write through.  Each pass numbers values the same way and
 * starts from what the previous one tracked; when a pass tracks nothing new,
 * its graph is the one analysed.  Two passes are the rule.
 */
#include <stdlib.h>
#include <string.h>

#include "clang.h"
#include "engine.h"

#define MAX_PASSES 6

/* How often the file names a function, and how often it calls it directly. */
struct fn_refs {
	char *name;
	int refs, calls;
	int scanned;		/* a header function's body counted (used_headers) */
};

struct run {
	CXTranslationUnit tu;
	int scan_changed, map_named;	/* used_headers(), touches_maps() */
	const struct iom_rules *rules;
	const struct iom_options *opts;
	struct where_ctx wc;
	struct type_table *types;
	struct iom_types types_ops;
	struct iom_unit *unit;
	CXFile main_file;
	iom_report_fn report;
	void *ctx;
	int findings, functions;
	int instance;
	int dump;		/* IOMCLANG_DUMP set: print each lowered function */
	struct fn_refs *refs;	/* how the file names each function (count_refs) */
	int refs_cap, nr_refs;
};

/* ---- errors ---- */

/* The first error, "file:line:col: error: ..."; one without a place (an
 * unknown compiler argument) is given the file's name. */
static int first_error(CXTranslationUnit tu, const char *file, char *buf, size_t len)
{
	unsigned n = clang_getNumDiagnostics(tu);

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
							    CXDiagnostic_DisplayColumn);

			CXFile f = NULL;

			clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, NULL);
			if (f)
				snprintf(buf, len, "%s", clang_getCString(s));
			else
				snprintf(buf, len, "%s: %s", file, clang_getCString(s));
			clang_disposeString(s);
			clang_disposeDiagnostic(d);
			return 1;
		}
		clang_disposeDiagnostic(d);
	}
	return 0;
}

/* ---- ops tables ---- */

static char *spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *t = clang_getCString(s);
	char *r = strdup(t ? t : "");

	clang_disposeString(s);
	return r;
}

struct names {
	char *name[64];
	int n;
};

static enum CXVisitorResult field_name(CXCursor c, CXClientData data)
{
	struct names *f = (struct names *)data;

	if (f->n >= 64)
		return CXVisit_Break;
	f->name[f->n++] = spelling(c);
	return CXVisit_Continue;
}

/* The function an initialiser names: fn, &fn, (cast)fn. */
static char *function_named(CXCursor v)
{
	CXCursor k[MAX_KIDS], s = strip(v);

	for (int i = 0; i < 8; i++) {
		enum CXCursorKind kind = clang_getCursorKind(s);
		int n = kids(s, k);

		if (kind == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(s);

			return clang_getCursorKind(d) == CXCursor_FunctionDecl ? spelling(d) : NULL;
		}
		if ((kind == CXCursor_UnaryOperator || kind == CXCursor_CStyleCastExpr) && n >= 1)
			s = strip(k[n - 1]);
		else
			return NULL;
	}
	return NULL;
}

static void bind_list(struct run *r, CXCursor list, int depth);

static void bind_value(struct run *r, int me, const char *ops, const char *field, CXCursor v,
		       int depth)
{
	CXCursor s = strip(v);
	char *fn;

	if (clang_getCursorKind(s) == CXCursor_InitListExpr) {
		bind_list(r, s, depth + 1);
		return;
	}
	if (!ops || !field || !*field)
		return;
	fn = function_named(s);
	if (fn && *fn)
		iom_unit_bind(r->unit, me, ops, field, fn);
	free(fn);
}

/* Each record-typed initialiser list is one instance, as in GCC's varpool. */
static void bind_list(struct run *r, CXCursor list, int depth)
{
	CXCursor k[MAX_KIDS];
	CXType t = plain_type(clang_getCursorType(list));
	struct names f = { .n = 0 };
	char *ops = NULL;
	int me = -1, n = kids(list, k);

	if (depth > 8)
		return;
	if (t.kind == CXType_Record) {
		CXCursor d = clang_getTypeDeclaration(t);

		if (!clang_Cursor_isAnonymous(d))
			ops = spelling(d);
		me = r->instance++;
		clang_Type_visitFields(t, field_name, &f);
	}
	for (int i = 0; i < n; i++) {
		CXCursor d[MAX_KIDS];
		int nd = kids(k[i], d);

		if (clang_getCursorKind(k[i]) == CXCursor_UnexposedExpr && nd >= 2 &&
		    clang_getCursorKind(d[nd - 2]) == CXCursor_MemberRef) {
			char *field = spelling(clang_getCursorReferenced(d[nd - 2]));

			bind_value(r, me, nd == 2 ? ops : NULL, field, d[nd - 1], depth);
			free(field);
		} else {
			bind_value(r, me, ops, i < f.n ? f.name[i] : NULL, k[i], depth);
		}
	}
	for (int i = 0; i < f.n; i++)
		free(f.name[i]);
	free(ops);
}

static enum CXChildVisitResult find_tables(CXCursor c, CXCursor parent, CXClientData data)
{
	struct run *r = (struct run *)data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && !is_local_var(c)) {
		CXCursor init = var_init(c);

		if (!clang_Cursor_isNull(init) && clang_getCursorKind(strip(init)) == CXCursor_InitListExpr)
			bind_list(r, strip(init), 0);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl || clang_getCursorKind(c) == CXCursor_CompoundStmt ||
	    clang_getCursorKind(c) == CXCursor_DeclStmt || clang_isStatement(clang_getCursorKind(c)))
		return CXChildVisit_Recurse;
	return CXChildVisit_Continue;
}

/* ---- who calls whom ---- */

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct fn_refs *refs_slot(struct run *r, const char *name, int make)
{
	unsigned h;

	if (make && 2 * (r->nr_refs + 1) > r->refs_cap) {
		int cap = r->refs_cap ? 2 * r->refs_cap : 256;
		struct fn_refs *t = calloc(cap, sizeof(*t)), *old = r->refs;

		if (!t)
			return NULL;
		for (int i = 0; i < r->refs_cap; i++) {
			if (!old[i].name)
				continue;
			h = name_hash(old[i].name) & (cap - 1);
			while (t[h].name)
				h = (h + 1) & (cap - 1);
			t[h] = old[i];
		}
		free(old);
		r->refs = t;
		r->refs_cap = cap;
	}
	if (!r->refs_cap)
		return NULL;
	h = name_hash(name) & (r->refs_cap - 1);
	while (r->refs[h].name && strcmp(r->refs[h].name, name))
		h = (h + 1) & (r->refs_cap - 1);
	if (!r->refs[h].name) {
		if (!make || !(r->refs[h].name = strdup(name)))
			return NULL;
		r->nr_refs++;
	}
	return &r->refs[h];
}

static enum CXChildVisitResult count_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	struct run *r = (struct run *)data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_DeclRefExpr || k == CXCursor_CallExpr) {
		CXCursor d = clang_getCursorReferenced(c);

		if (clang_getCursorKind(d) == CXCursor_FunctionDecl) {
			char *name = spelling(d);
			struct fn_refs *f = *name ? refs_slot(r, name, 1) : NULL;

			if (f && k == CXCursor_CallExpr)
				f->calls++;
			else if (f)
				f->refs++;
			free(name);
		}
	}
	return CXChildVisit_Recurse;
}

static int included_c_file(CXFile f);

/* The file's own code: the main file and the .c files it includes. */
static int own_code(struct run *r, CXCursor c)
{
	CXFile f;

	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	return f && (clang_File_isEqual(f, r->main_file) || included_c_file(f));
}

static enum CXChildVisitResult count_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (own_code((struct run *)data, c))
		clang_visitChildren(c, count_refs, data);
	return CXChildVisit_Continue;
}

/* Is a header's function named by code GCC would emit (the file's own, or
 * such a header function: at_least 1 reference or call)? */
static struct fn_refs *used(struct run *r, CXCursor c)
{
	char *name = spelling(c);
	struct fn_refs *f = *name ? refs_slot(r, name, 0) : NULL;

	free(name);
	return f && (f->refs || f->calls) ? f : NULL;
}

static enum CXChildVisitResult scan_used_header(CXCursor c, CXCursor parent, CXClientData data)
{
	struct run *r = (struct run *)data;
	struct fn_refs *f;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c) ||
	    own_code(r, c) || !(f = used(r, c)) || f->scanned)
		return CXChildVisit_Continue;
	f->scanned = 1;
	r->scan_changed = 1;
	clang_visitChildren(c, count_refs, data);
	return CXChildVisit_Continue;
}

/*
 * GCC emits a header's inline function when code it emits uses it: the
 * file's own functions, then the header functions those use, and so on.
 * Their references count as well (calls of the file's static functions
 * from them, the header functions they use in turn).
 */
static void used_headers(struct run *r)
{
	for (int rounds = 0; rounds < 64; rounds++) {
		r->scan_changed = 0;
		clang_visitChildren(clang_getTranslationUnitCursor(r->tu), scan_used_header, r);
		if (!r->scan_changed)
			return;
	}
}

/* Does a function's body or signature name a map (a map-typed object, or a
 * pointer to one)?  Header functions that do not are not analysed. */
static enum CXChildVisitResult names_map(CXCursor c, CXCursor parent, CXClientData data)
{
	struct run *r = (struct run *)data;
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	CXString s;
	int hit = 0;

	(void)parent;
	while (t.kind == CXType_Pointer || t.kind == CXType_ConstantArray)
		t = clang_getCanonicalType(t.kind == CXType_Pointer ? clang_getPointeeType(t) :
					   clang_getArrayElementType(t));
	if (t.kind == CXType_Record) {
		s = clang_getCursorSpelling(clang_getTypeDeclaration(t));
		hit = clang_getCString(s) && *clang_getCString(s) &&
		      iom_rules_type_index(r->rules, clang_getCString(s)) >= 0;
		clang_disposeString(s);
	}
	if (hit) {
		r->map_named = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static int touches_maps(struct run *r, CXCursor c)
{
	r->map_named = 0;
	clang_visitChildren(c, names_map, r);
	return r->map_named;
}

/*
 * A static function the file names only to call it: the unit sees all its
 * calls (every direct call is a reference of its name, so the counts agree
 * only when no reference takes its address).
 */
static void only_called_here(struct run *r, CXCursor func, const char *name,
			     struct iom_func *fn)
{
	struct fn_refs *f;

	if (clang_Cursor_getStorageClass(func) != CX_SC_Static)
		return;
	f = refs_slot(r, name, 0);
	if (!f)
		iom_func_only_called_here(fn, 0);
	else if (f->refs == f->calls)
		iom_func_only_called_here(fn, f->calls);
}

static void free_refs(struct run *r)
{
	for (int i = 0; i < r->refs_cap; i++)
		free(r->refs[i].name);
	free(r->refs);
}

/* ---- functions ---- */

static void reset(struct lower *l)
{
	vars_reset(l);
	for (int i = 0; i < l->nr_blocks; i++)
		free(l->preds[i]);
	free(l->preds);
	free(l->nr_preds);
	l->preds = NULL;
	l->nr_preds = NULL;
	l->nr_blocks = 0;
	free(l->labels);
	l->labels = NULL;
	l->nr_labels = 0;
	free(l->ders);
	l->ders = NULL;
	l->nr_ders = 0;
	l->nr_loops = 0;
	l->next_value = 1;
	if (l->now)
		memset(l->now, 0, l->nr_tracked);
	l->relevant = 0;
	l->slots_grew = 0;
}

static void params(struct lower *l, CXCursor func)
{
	int n = clang_Cursor_getNumArguments(func);

	for (int i = 0; i < n; i++) {
		char *name = spelling(clang_Cursor_getArgument(func, i));

		if (*name)
			iom_param(l->fn, i + 1, name);
		free(name);
	}
}

/* The value each bool parameter enters with: a caller may pass a map's flag
 * in it (the unit's guards). */
static void param_values(struct lower *l, CXCursor func)
{
	int n = clang_Cursor_getNumArguments(func);

	for (int i = 0; i < n && i < 16; i++) {
		CXCursor p = clang_Cursor_getArgument(func, i);
		int v;

		if (!is_bool(clang_getCursorType(p)) || var_addressed(l, p))
			continue;
		v = new_value(l);
		var_write(l, p, v);
		mark_tracked(l, v);
		iom_param_value(l->fn, i + 1, v);
	}
}

static CXCursor body_of(CXCursor func)
{
	CXCursor k[MAX_KIDS];
	int n = kids(func, k);

	for (int i = n - 1; i >= 0; i--)
		if (clang_getCursorKind(k[i]) == CXCursor_CompoundStmt)
			return k[i];
	return clang_getNullCursor();
}

/* One pass: the function's graph, with tracking from the previous pass. */
static struct iom_func *one_pass(struct run *r, struct lower *l, CXCursor func, CXCursor body,
				 const char *name)
{
	reset(l);
	l->fn = iom_func_begin(r->rules, name, where_of(&r->wc, func));
	if (!l->fn)
		return NULL;
	iom_func_types(l->fn, &r->types_ops);
	if (clang_getCursorLinkage(func) == CXLinkage_External)
		iom_func_external(l->fn);
	params(l, func);
	block_room(l, 0);	/* block 0, the entry, made by iom_func_begin */
	l->cur = 0;
	param_values(l, func);
	l->exit = new_block(l);
	lower_body(l, body);
	edge(l, l->cur, l->exit);
	vars_finish(l);
	propagate_tracked(l);
	return l->fn;
}

static int same_tracking(const struct lower *l)
{
	for (int i = 0; i < l->nr_tracked; i++)
		if (l->now[i] && !l->tracked[i])
			return 0;
	return 1;
}

static struct iom_func *lower_function(struct run *r, CXCursor func, const char *name)
{
	struct lower l;
	struct iom_func *fn = NULL;
	CXCursor body = body_of(func);

	if (clang_Cursor_isNull(body))
		return NULL;
	memset(&l, 0, sizeof(l));
	l.rules = r->rules;
	l.wc = &r->wc;
	l.types = r->types;
	l.func = func;
	vars_scan(&l, body);
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		fn = one_pass(r, &l, func, body, name);
		if (!fn || (pass == 0 && !l.relevant)) {
			if (fn)
				iom_func_free(fn);
			fn = NULL;
			break;
		}
		if (same_tracking(&l) && !l.slots_grew && pass > 0)
			break;
		for (int i = 0; i < l.nr_tracked; i++)
			l.tracked[i] |= l.now[i];
		if (pass < MAX_PASSES - 1)
			iom_func_free(fn);
	}
	reset(&l);
	free(l.tracked);
	free(l.now);
	free(l.singles);
	free(l.addressed);
	free(l.slots);
	return fn;
}

static void counted(const struct iom_finding *f, void *ctx)
{
	struct run *r = (struct run *)ctx;

	r->findings++;
	r->report(f, r->ctx);
}

/*
 * A .c file #included by the main file (the kernel's selftests: i915 ends
 * its gem files with #include "selftests/....c") is part of this translation
 * unit's own code, as GCC compiles it; headers' inline functions are not.
 */
static int included_c_file(CXFile f)
{
	CXString name = clang_getFileName(f);
	const char *s = clang_getCString(name);
	size_t n = s ? strlen(s) : 0;
	int yes = n > 2 && !strcmp(s + n - 2, ".c");

	clang_disposeString(name);
	return yes;
}

/*
 * An inline function of a header that returns bool and that the file calls:
 * GCC analyses it (it is emitted when used), and the flag it may return
 * matters to its callers here.  Its summaries only: findings in headers are
 * not this engine's.
 */
static void summarise_header_function(struct run *r, CXCursor c)
{
	char *name;
	struct iom_func *fn;

	if (!is_bool(clang_getResultType(clang_getCursorType(c))))
		return;
	name = spelling(c);
	if (*name && refs_slot(r, name, 0) && !iom_helper_function(r->rules, name,
								    where_in_helper_file(&r->wc, c))) {
		fn = lower_function(r, c, name);
		if (fn) {
			iom_unit_summarise(r->unit, fn);
			iom_func_free(fn);
		}
	}
	free(name);
}

static enum CXChildVisitResult each_function(CXCursor c, CXCursor parent, CXClientData data)
{
	struct run *r = (struct run *)data;
	CXFile f;
	char *name;
	struct iom_func *fn;
	int n;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	if (f && !(clang_File_isEqual(f, r->main_file) || included_c_file(f)) &&
	    !(used(r, c) && touches_maps(r, c))) {
		summarise_header_function(r, c);
		return CXChildVisit_Continue;
	}
	if (!f)
		return CXChildVisit_Continue;
	name = spelling(c);
	if (!*name || iom_helper_function(r->rules, name, where_in_helper_file(&r->wc, c))) {
		free(name);
		return CXChildVisit_Continue;
	}
	fn = lower_function(r, c, name);
	if (fn)
		only_called_here(r, c, name, fn);
	free(name);
	if (!fn)
		return CXChildVisit_Continue;
	r->functions++;
	if (r->dump)
		iom_func_dump(fn, stderr);
	n = iom_unit_analyse(r->unit, fn, r->opts, counted, r);
	if (n != IOM_DEFERRED)
		iom_func_free(fn);
	return CXChildVisit_Continue;
}

/* Everything after the parse: the first error, ops tables, every function. */
static int analyse_tu(const struct iom_rules *rules, const struct iom_options *opts,
		      CXTranslationUnit tu, const char *file, iom_report_fn report, void *ctx,
		      struct clang_engine_result *result)
{
	struct run r;

	memset(&r, 0, sizeof(r));
	r.rules = rules;
	r.opts = opts;
	r.report = report;
	r.ctx = ctx;
	r.dump = getenv("IOMCLANG_DUMP") != NULL;
	if (first_error(tu, file, result->error, sizeof(result->error)))
		return -1;
	r.main_file = clang_getFile(tu, file);
	r.tu = tu;
	where_init(&r.wc, rules, tu);
	r.types = types_new();
	r.types_ops = clang_types_ops;
	r.types_ops.ctx = r.types;
	r.unit = iom_unit_new(rules);
	if (r.types && r.unit) {
		clang_visitChildren(clang_getTranslationUnitCursor(tu), find_tables, &r);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), count_top, &r);
		used_headers(&r);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), each_function, &r);
		iom_unit_finish(r.unit, NULL, NULL);
		/* No block when it fails: the file's functions stay unknown to
		 * the others, which is what they were without it. */
		if (result->facts)
			iom_unit_facts(r.unit, file, result->facts, result->error,
				       sizeof(result->error));
		result->error[0] = 0;
	}
	if (r.unit)
		iom_unit_free(r.unit);
	free_refs(&r);
	types_free(r.types);
	where_free(&r.wc);
	result->nr_findings = r.findings;
	result->nr_functions = r.functions;
	return 0;
}

static struct CXUnsavedFile *unsaved_files(const struct clang_unsaved *unsaved, int *nr)
{
	struct CXUnsavedFile *files;

	if (*nr <= 0 || !(files = calloc(*nr, sizeof(*files)))) {
		*nr = 0;
		return NULL;
	}
	for (int i = 0; i < *nr; i++)
		files[i] = (struct CXUnsavedFile){ unsaved[i].file, unsaved[i].text,
						   unsaved[i].length };
	return files;
}

int clang_engine_run(const struct iom_rules *rules, const struct iom_options *opts,
		     const char *file, int argc, const char *const *argv,
		     iom_report_fn report, void *ctx, struct clang_engine_result *result)
{
	return clang_engine_run_unsaved(rules, opts, file, argc, argv, NULL, 0, report, ctx,
					result);
}

/* Everything but what the caller set. */
static void result_reset(struct clang_engine_result *r)
{
	struct iom_facts *facts = r->facts;

	memset(r, 0, sizeof(*r));
	r->facts = facts;
}

int clang_engine_run_unsaved(const struct iom_rules *rules, const struct iom_options *opts,
			     const char *file, int argc, const char *const *argv,
			     const struct clang_unsaved *unsaved, int nr,
			     iom_report_fn report, void *ctx, struct clang_engine_result *result)
{
	struct CXUnsavedFile *files;
	CXIndex index;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;
	int ret;

	result_reset(result);
	index = clang_createIndex(0, 0);
	if (!index) {
		snprintf(result->error, sizeof(result->error), "%s: error: libclang did not start", file);
		return -1;
	}
	files = unsaved_files(unsaved, &nr);
	err = clang_parseTranslationUnit2(index, file, argv, argc, files, nr,
					  CXTranslationUnit_DetailedPreprocessingRecord, &tu);
	free(files);	/* libclang copies the buffers (getMemBufferCopy) */
	if (err != CXError_Success || !tu) {
		snprintf(result->error, sizeof(result->error),
			 "%s: error: libclang could not parse the file (error %d)", file, (int)err);
		clang_disposeIndex(index);
		return -1;
	}
	ret = analyse_tu(rules, opts, tu, file, report, ctx, result);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return ret;
}

/* ---- sessions: one file parsed again and again (the language server) ---- */

struct clang_session {
	const struct iom_rules *rules;
	const struct iom_options *opts;
	CXIndex index;
	CXTranslationUnit tu;
	char *file;
	int argc;
	char **argv;
};

struct clang_session *clang_session_new(const struct iom_rules *rules,
					const struct iom_options *opts, const char *file,
					int argc, const char *const *argv)
{
	struct clang_session *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->rules = rules;
	s->opts = opts;
	s->file = strdup(file);
	s->argv = calloc(argc + 1, sizeof(*s->argv));
	s->index = clang_createIndex(0, 0);
	if (!s->file || !s->argv || !s->index) {
		clang_session_free(s);
		return NULL;
	}
	for (int i = 0; i < argc; i++)
		if ((s->argv[i] = strdup(argv[i])))
			s->argc++;
	return s;
}

int clang_session_warm(const struct clang_session *s)
{
	return s->tu != NULL;
}

int clang_session_run(struct clang_session *s, const struct clang_unsaved *unsaved, int nr,
		      iom_report_fn report, void *ctx, struct clang_engine_result *result)
{
	struct CXUnsavedFile *files;
	enum CXErrorCode err;
	int reparse = s->tu != NULL;

	result_reset(result);
	files = unsaved_files(unsaved, &nr);
	if (reparse) {
		err = (enum CXErrorCode)clang_reparseTranslationUnit(s->tu, nr, files,
								     clang_defaultReparseOptions(s->tu));
		if (err != CXError_Success) {	/* the unit is unusable now: start over */
			clang_disposeTranslationUnit(s->tu);
			s->tu = NULL;
		}
	} else {
		/* The #include block at the top is compiled once and kept: a
		 * reparse then only parses the rest of the file. */
		err = clang_parseTranslationUnit2(s->index, s->file, (const char *const *)s->argv,
						  s->argc, files, nr,
						  CXTranslationUnit_DetailedPreprocessingRecord |
						  CXTranslationUnit_PrecompiledPreamble |
						  CXTranslationUnit_CreatePreambleOnFirstParse, &s->tu);
		if (err != CXError_Success)
			s->tu = NULL;
	}
	free(files);
	if (!s->tu) {
		snprintf(result->error, sizeof(result->error),
			 "%s: error: libclang could not %s the file (error %d)", s->file,
			 reparse ? "parse again" : "parse", (int)err);
		return -1;
	}
	return analyse_tu(s->rules, s->opts, s->tu, s->file, report, ctx, result);
}

void clang_session_free(struct clang_session *s)
{
	if (!s)
		return;
	if (s->tu)
		clang_disposeTranslationUnit(s->tu);
	if (s->index)
		clang_disposeIndex(s->index);
	for (int i = 0; i < s->argc; i++)
		free(s->argv[i]);
	free(s->argv);
	free(s->file);
	free(s);
}
