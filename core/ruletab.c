/*
 * ruletab.c - the rule table (from rules.def) and rule-id lists.
 */
#include <stdio.h>
#include <string.h>

#include "iomem.h"

static const struct iom_rule_info rule_table[] = {
#define RULE(name, nr, on, summary, help) \
	{ nr, #name, on, summary, help, "rules/catalog/" #name ".md" },
#include "rules.def"
#undef RULE
};

#define NR_TABLE ((int)(sizeof(rule_table) / sizeof(rule_table[0])))

const struct iom_rule_info *iom_rule_table(int *n)
{
	*n = NR_TABLE;
	return rule_table;
}

const struct iom_rule_info *iom_rule_get(int rule)
{
	for (int i = 0; i < NR_TABLE; i++)
		if (rule_table[i].id == rule)
			return &rule_table[i];
	return NULL;
}

int iom_rule_exists(int rule)
{
	return iom_rule_get(rule) != NULL;
}

const char *iom_rule_name(int rule)
{
	const struct iom_rule_info *r = iom_rule_get(rule);

	return r ? r->name : "IOM???";
}

const char *iom_rule_summary(int rule)
{
	const struct iom_rule_info *r = iom_rule_get(rule);

	return r ? r->summary : "";
}

void iom_options_init(struct iom_options *o)
{
	o->enabled = 0;
	o->error = 0;
	o->facts = NULL;
	for (int i = 0; i < NR_TABLE; i++)
		if (rule_table[i].on)
			o->enabled |= 1u << rule_table[i].id;
}

int iom_parse_rule_list(const char *list, unsigned *bits, char *err, size_t errlen)
{
	const char *s = list;

	*bits = 0;
	if (!s || !*s) {
		snprintf(err, errlen, "empty rule list");
		return -1;
	}
	while (*s) {
		size_t n = strcspn(s, ",");
		int i;

		for (i = 0; i < NR_TABLE; i++)
			if (strlen(rule_table[i].name) == n && !strncmp(s, rule_table[i].name, n))
				break;
		if (i == NR_TABLE) {
			snprintf(err, errlen, "unknown rule '%.*s'", (int)n, s);
			return -1;
		}
		*bits |= 1u << rule_table[i].id;
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}
