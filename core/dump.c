/*
 * dump.c - print a lowered function, for front-end developers
 * (the plugin's "dump" argument).
 */
#include <stdio.h>

#include "func.h"

static const char *const op_names[EV_NR_OPS + 1] = {
	"set", "copy", "clobber", "load", "derive", "access", "escape",
	"write", "null-test", "read", "kill", "memory", "slot-store", "slot-load", "test",
};

void iom_func_dump(const struct iom_func *fn, FILE *out)
{
	fprintf(out, "function %s: %d blocks, %d maps, %d events\n", fn->name, fn->nr_bb,
		fn->nr_maps, fn->nr_ev);
	for (int a = 1; a <= fn->nr_params; a++)
		if (fn->params[a - 1])
			fprintf(out, "  param %d: %s%s\n", a, fn->params[a - 1],
				iom_param_map(fn, a) >= 0 ? " (points to a map)" : "");
	for (int m = 0; m < fn->nr_maps; m++)
		fprintf(out, "  map %d: key %s, display %s, origin %d\n", m, fn->maps[m].key,
			fn->maps[m].display, fn->maps[m].origin);
	for (int b = 0; b < fn->nr_bb; b++) {
		const struct block *bb = &fn->bb[b];

		fprintf(out, "  block %d:", b);
		for (int s = 0; s < bb->nr_succ; s++)
			if (bb->succ[s].value >= 0)
				fprintf(out, " ->%d(v%d=%d)", bb->succ[s].to, bb->succ[s].value,
					bb->succ[s].truth);
			else
				fprintf(out, " ->%d", bb->succ[s].to);
		fprintf(out, "\n");
		for (int k = 0; k < bb->nr_evs; k++) {
			const struct event *e = &fn->ev[bb->evs[k]];

			fprintf(out, "    %d %-9s line %d%s sub %d map %d v %d v2 %d %s%s\n", bb->evs[k],
				op_names[e->op], e->where.line, e->where.helper ? " (helper)" : "",
				e->sub, e->map, e->value, e->value2, e->name ? e->name : "",
				e->key ? e->key : "");
		}
	}
}
