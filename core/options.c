/*
 * options.c - the engine options (options.def): one parser for every front
 * end.  Front ends map their own spelling to KEY and VALUE; the words of
 * every message about an option are here.
 */
#include <stdio.h>
#include <string.h>

#include "iomem.h"

typedef int (*set_fn)(struct iom_config *, const char *value, const char *shown,
		      char *err, size_t errlen);

static int set_rules(struct iom_config *c, const char *value, const char *shown,
		     char *err, size_t errlen)
{
	if (!*value) {
		snprintf(err, errlen, "'%s' names no file: the value is empty", shown);
		return IOM_OPT_BAD;
	}
	return iom_rules_load_file(c->rules, value, err, errlen) ? IOM_OPT_INPUT : 0;
}

static int rule_list(const char *value, const char *shown, unsigned *bits, char *err,
		     size_t errlen)
{
	char why[128];

	if (iom_parse_rule_list(value, bits, why, sizeof(why))) {
		snprintf(err, errlen, "bad value for '%s': %s", shown, why);
		return IOM_OPT_BAD;
	}
	return 0;
}

static int set_disable(struct iom_config *c, const char *value, const char *shown,
		       char *err, size_t errlen)
{
	unsigned bits;
	int ret = rule_list(value, shown, &bits, err, errlen);

	if (!ret)
		c->options.enabled &= ~bits;
	return ret;
}

static int set_enable(struct iom_config *c, const char *value, const char *shown,
		      char *err, size_t errlen)
{
	unsigned bits;
	int ret = rule_list(value, shown, &bits, err, errlen);

	if (!ret)
		c->options.enabled |= bits;
	return ret;
}

static int set_json(struct iom_config *c, const char *value, const char *shown,
		    char *err, size_t errlen)
{
	if (!*value) {
		snprintf(err, errlen, "'%s' names no file: the value is empty", shown);
		return IOM_OPT_BAD;
	}
	/* Files are opened after all options are read, so refusing here
	 * leaves no empty file behind. */
	if (c->json) {
		snprintf(err, errlen, "'%s' given twice ('%s', then '%s'): findings go to one file",
			 shown, c->json, value);
		return IOM_OPT_BAD;
	}
	c->json = value;
	return 0;
}

static int set_error(struct iom_config *c, const char *value, const char *shown,
		     char *err, size_t errlen)
{
	(void)value, (void)shown, (void)err, (void)errlen;
	c->options.error = 1;
	return 0;
}

static int set_verbose(struct iom_config *c, const char *value, const char *shown,
		       char *err, size_t errlen)
{
	(void)value, (void)shown, (void)err, (void)errlen;
	c->verbose = 1;
	return 0;
}

static int set_dump(struct iom_config *c, const char *value, const char *shown,
		    char *err, size_t errlen)
{
	(void)value, (void)shown, (void)err, (void)errlen;
	c->dump = 1;
	return 0;
}

static int set_fixits(struct iom_config *c, const char *value, const char *shown,
		      char *err, size_t errlen)
{
	(void)value, (void)shown, (void)err, (void)errlen;
	c->fixits = 1;
	return 0;
}

static int set_summaries(struct iom_config *c, const char *value, const char *shown,
			 char *err, size_t errlen)
{
	if (!*value) {
		snprintf(err, errlen, "'%s' names no folder: the value is empty", shown);
		return IOM_OPT_BAD;
	}
	c->summaries = value;
	return 0;
}

/* Read now: a damaged fact file stops the run before anything is analysed. */
static int set_facts(struct iom_config *c, const char *value, const char *shown,
		     char *err, size_t errlen)
{
	if (!*value) {
		snprintf(err, errlen, "'%s' names no file: the value is empty", shown);
		return IOM_OPT_BAD;
	}
	if (!c->facts && !(c->facts = iom_facts_new())) {
		snprintf(err, errlen, "out of memory");
		return IOM_OPT_BAD;
	}
	c->options.facts = c->facts;
	return iom_facts_read_file(c->facts, value, err, errlen) ? IOM_OPT_INPUT : 0;
}

static const struct iom_option_info option_table[] = {
#define OPTION(key, value, help, handler) { key, value, help },
#include "options.def"
#undef OPTION
};

static const set_fn handlers[] = {
#define OPTION(key, value, help, handler) handler,
#include "options.def"
#undef OPTION
};

#define NR_OPTIONS ((int)(sizeof(option_table) / sizeof(option_table[0])))

const struct iom_option_info *iom_option_table(int *n)
{
	*n = NR_OPTIONS;
	return option_table;
}

const struct iom_option_info *iom_option_find(const char *key)
{
	for (int i = 0; key && i < NR_OPTIONS; i++)
		if (!strcmp(option_table[i].name, key))
			return &option_table[i];
	return NULL;
}

void iom_config_init(struct iom_config *c, struct iom_rules *rules)
{
	memset(c, 0, sizeof(*c));
	c->rules = rules;
	iom_options_init(&c->options);
}

void iom_config_release(struct iom_config *c)
{
	iom_facts_free(c->facts);
	c->facts = NULL;
	c->options.facts = NULL;
}

int iom_config_set(struct iom_config *c, const char *key, const char *value,
		   const char *shown, char *err, size_t errlen)
{
	const struct iom_option_info *o = iom_option_find(key);

	if (!shown)
		shown = key ? key : "";
	if (!o) {
		snprintf(err, errlen, "unknown option '%s'", shown);
		return IOM_OPT_BAD;
	}
	if (o->value && !value) {
		snprintf(err, errlen, "'%s' needs a value: %s", shown, o->value);
		return IOM_OPT_BAD;
	}
	if (!o->value && value) {
		snprintf(err, errlen, "'%s' takes no value (given '%s')", shown, value);
		return IOM_OPT_BAD;
	}
	return handlers[o - option_table](c, value, shown, err, errlen);
}
