/* pdf_struct.c - the structure tree, written as the pages go out
 * (pdf_struct.h).
 *
 * Each page's script (pdf_tags.h) is played against its content stream
 * (pdf_content.c): a marker begins or ends an element, or sets the open
 * ones aside across a page break and takes them up again; a run of drawing
 * inside an element becomes its next marked-content id (MCID), by
 * reference (MCR) on a page after its first; a link event becomes an
 * annotation in the open Link element (the link's words drawn in it), or in
 * a Link element of its own. An element is written when it ends, so memory
 * holds only the open elements (a handful) and the root Document element's
 * list of children. In a pack each paper (and the agenda) is a Part
 * element, written when the next part begins, so what the root holds is
 * one number a paper. Object numbers are taken from the writer when first
 * needed, so an element with no content is never written.
 *
 * The parent tree (which element each MCID and annotation belongs to) is a
 * number tree written a leaf at a time: each page's array of MCID owners
 * and each annotation's Link element under a key that rises as they come. */
#include "pdf_struct.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_content.h"
#include "pdf_tags.h"

enum { MAX_DEPTH = 16, LEAF_KEYS = 128 };

struct elem {
	char *type;  /* "P", "TD" ... */
	char *alt;   /* a Figure's /Alt, or NULL */
	char *title; /* a Part's /T, or NULL */
	char scope;  /* 'C' or 'R' for a TH, else 0 */
	size_t num;  /* 0 until needed */
	size_t pg;   /* the page of its first MCID, 0 before one */
	struct bc_buf kids;
};

struct bc_pdf_struct {
	struct bc_pdf_objects *w;
	size_t root, doc; /* the StructTreeRoot and the Document element */
	size_t *doc_kids, ndoc_kids, doc_cap;
	size_t *parts, nparts, parts_cap; /* index into doc_kids where each part begins */
	struct elem part;		  /* the open Part element, when in_part */
	size_t notes;			  /* Note elements written: each has an /ID */
	bool in_part;
	struct elem stack[MAX_DEPTH];
	int depth;
	struct elem suspended[MAX_DEPTH]; /* open across a page break */
	int nsuspended;
	/* The page being marked. */
	const char *script;
	size_t script_len, pos;
	size_t page, mcid;
	struct bc_buf owners; /* " N 0 R" for each MCID of the page */
	struct bc_buf annots; /* " N 0 R" for each annotation of the page */
	const char *error;
	/* The parent tree. */
	size_t next_key;
	struct bc_buf leaf; /* the open leaf's /Nums entries */
	size_t leaf_first, leaf_n;
	struct bc_buf leaves; /* " N 0 R" for each leaf written */
};

struct bc_pdf_struct *bc_pdf_struct_new(struct bc_pdf_objects *w)
{
	struct bc_pdf_struct *st = bc_xcalloc(1, sizeof *st);
	st->w = w;
	st->root = bc_pdf_objects_number(w);
	st->doc = bc_pdf_objects_number(w);
	return st;
}

static void elem_free(struct elem *e)
{
	free(e->type);
	free(e->alt);
	free(e->title);
	bc_buf_free(&e->kids);
}

void bc_pdf_struct_free(struct bc_pdf_struct *st)
{
	if (!st)
		return;
	for (int i = 0; i < st->depth; i++)
		elem_free(&st->stack[i]);
	for (int i = 0; i < st->nsuspended; i++)
		elem_free(&st->suspended[i]);
	elem_free(&st->part);
	free(st->doc_kids);
	free(st->parts);
	bc_buf_free(&st->owners);
	bc_buf_free(&st->annots);
	bc_buf_free(&st->leaf);
	bc_buf_free(&st->leaves);
	free(st);
}

static size_t elem_num(struct bc_pdf_struct *st, struct elem *e)
{
	if (!e->num)
		e->num = bc_pdf_objects_number(st->w);
	return e->num;
}

/* The number of the element at depth d's parent. */
static size_t parent_num(struct bc_pdf_struct *st, int d)
{
	if (d > 0)
		return elem_num(st, &st->stack[d - 1]);
	return st->in_part ? elem_num(st, &st->part) : st->doc;
}

/* A child element's number, appended to its parent's kids. */
static void add_child(struct bc_pdf_struct *st, int d, size_t num)
{
	if (d > 0)
		bc_buf_printf(&st->stack[d - 1].kids, " %zu 0 R", num);
	else if (st->in_part)
		bc_buf_printf(&st->part.kids, " %zu 0 R", num);
	else
		BC_PUSH(st->doc_kids, st->ndoc_kids, st->doc_cap, num);
}

static void add_object(struct bc_pdf_struct *st, size_t num, const struct bc_buf *b)
{
	bc_pdf_objects_add(st->w, num, b->data, b->len);
}

/* A PDF string of the bytes s (a URI): literal, with what would end it,
 * break its line or not survive as text escaped in octal. */
static void pdf_string(struct bc_buf *b, const char *s)
{
	bc_buf_addc(b, '(');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\')
			bc_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p > 0x7e)
			bc_buf_printf(b, "\\%03o", *p);
		else
			bc_buf_addc(b, (char)*p);
	}
	bc_buf_addc(b, ')');
}

/* ---- the parent tree ---- */

static void close_leaf(struct bc_pdf_struct *st)
{
	if (st->leaf_n == 0)
		return;
	size_t num = bc_pdf_objects_number(st->w);
	struct bc_buf b = {0};
	bc_buf_printf(&b, "%zu 0 obj\n<< /Limits [ %zu %zu ]\n   /Nums [%s ]\n>>\nendobj\n", num,
		      st->leaf_first, st->next_key - 1, st->leaf.data);
	add_object(st, num, &b);
	bc_buf_free(&b);
	bc_buf_printf(&st->leaves, " %zu 0 R", num);
	st->leaf.len = 0;
	st->leaf_n = 0;
}

/* The next key, for value (an object number). */
static size_t tree_add(struct bc_pdf_struct *st, size_t value)
{
	if (st->leaf_n == 0)
		st->leaf_first = st->next_key;
	size_t key = st->next_key++;
	bc_buf_printf(&st->leaf, " %zu %zu 0 R", key, value);
	if (++st->leaf_n == LEAF_KEYS)
		close_leaf(st);
	return key;
}

/* ---- playing the script ---- */

/* The next NUL-ended field of the script, or NULL at its end. */
static const char *field(struct bc_pdf_struct *st)
{
	const char *f = st->script + st->pos;
	const char *nul = memchr(f, '\0', st->script_len - st->pos);
	if (!nul) {
		st->error = "a structure event is cut short";
		return NULL;
	}
	st->pos = (size_t)(nul - st->script) + 1;
	return f;
}

/* Write element e (at depth d) if it has children, and add it to its
 * parent's; then free it. */
static void write_elem(struct bc_pdf_struct *st, struct elem *e, int d)
{
	if (e->kids.len > 0) {
		size_t num = elem_num(st, e);
		struct bc_buf b = {0};
		bc_buf_printf(&b, "%zu 0 obj\n<< /Type /StructElem\n   /S /%s\n   /P %zu 0 R\n",
			      num, e->type, parent_num(st, d));
		if (e->pg)
			bc_buf_printf(&b, "   /Pg %zu 0 R\n", e->pg);
		bc_buf_printf(&b, "   /K [%s ]\n", e->kids.data);
		if (e->alt) {
			bc_buf_adds(&b, "   /Alt ");
			bc_pdf_text_string(&b, e->alt);
			bc_buf_addc(&b, '\n');
		}
		if (strcmp(e->type, "Note") == 0) /* PDF/UA: a Note has a unique /ID */
			bc_buf_printf(&b, "   /ID (note-%zu)\n", ++st->notes);
		if (e->title) {
			bc_buf_adds(&b, "   /T ");
			bc_pdf_text_string(&b, e->title);
			bc_buf_addc(&b, '\n');
		}
		if (e->scope)
			bc_buf_printf(&b, "   /A << /O /Table /Scope /%s >>\n",
				      e->scope == 'R' ? "Row" : "Column");
		bc_buf_adds(&b, ">>\nendobj\n");
		add_object(st, num, &b);
		bc_buf_free(&b);
		add_child(st, d, num);
	}
	elem_free(e);
}

static void close_elem(struct bc_pdf_struct *st)
{
	st->depth--;
	write_elem(st, &st->stack[st->depth], st->depth);
}

/* The part in progress ends: its Part element goes under the root. */
static void close_part(struct bc_pdf_struct *st)
{
	if (!st->in_part)
		return;
	st->in_part = false;
	write_elem(st, &st->part, 0);
	st->part = (struct elem){0};
}

/* 'S': a part begins, wrapped in a Part element when it has a title. */
static void begin_part(struct bc_pdf_struct *st)
{
	const char *title = field(st);
	if (!title)
		return;
	if (st->nsuspended > 0 || st->depth > 0) {
		st->error = "a part begins inside an element of the one before";
		return;
	}
	close_part(st);
	BC_PUSH(st->parts, st->nparts, st->parts_cap, st->ndoc_kids);
	if (title[0]) {
		st->part = (struct elem){.type = bc_xstrdup("Part"), .title = bc_xstrdup(title)};
		st->in_part = true;
	}
}

static void add_link(struct bc_pdf_struct *st)
{
	const char *rect = field(st);
	const char *target = rect ? field(st) : NULL;
	const char *text = target ? field(st) : NULL;
	if (!text || !target[0]) {
		st->error = st->error ? st->error : "a link has no target";
		return;
	}
	/* Inside a Link element (the link's words drawn in it), the annotation
	 * joins it; else it has a Link element of its own. */
	struct elem *in = st->depth > 0 ? &st->stack[st->depth - 1] : NULL;
	bool inside = in && strcmp(in->type, "Link") == 0;
	size_t annot = bc_pdf_objects_number(st->w);
	size_t elem = inside ? elem_num(st, in) : bc_pdf_objects_number(st->w);
	size_t key = tree_add(st, elem);
	struct bc_buf b = {0};
	bc_buf_printf(&b,
		      "%zu 0 obj\n<< /Type /Annot\n   /Subtype /Link\n   /Rect [ %s ]\n"
		      "   /BS << /W 0 >>\n   /F 4\n   /StructParent %zu\n   /Contents ",
		      annot, rect, key);
	bc_pdf_text_string(&b, text);
	bc_buf_addc(&b, '\n');
	if (target[0] == 'U') {
		bc_buf_adds(&b, "   /A << /Type /Action /S /URI /URI ");
		pdf_string(&b, target + 1);
		bc_buf_adds(&b, " >>\n");
	} else {
		bc_buf_adds(&b, "   /Dest ");
		bc_pdf_text_string(&b, target + 1);
		bc_buf_addc(&b, '\n');
	}
	bc_buf_adds(&b, ">>\nendobj\n");
	add_object(st, annot, &b);
	bc_buf_printf(&st->annots, " %zu 0 R", annot);
	if (inside) {
		bc_buf_printf(&in->kids, " << /Type /OBJR /Obj %zu 0 R >>", annot);
		bc_buf_free(&b);
		return;
	}
	b.len = 0;
	bc_buf_printf(
	    &b,
	    "%zu 0 obj\n<< /Type /StructElem\n   /S /Link\n   /P %zu 0 R\n   /Pg %zu 0 R\n"
	    "   /K [ << /Type /OBJR /Obj %zu 0 R >> ]\n>>\nendobj\n",
	    elem, parent_num(st, st->depth), st->page, annot);
	add_object(st, elem, &b);
	bc_buf_free(&b);
	add_child(st, st->depth, elem);
}

/* 'Z': the open elements go on after a page break, so they are set aside
 * (the page's footnotes and running text are drawn outside them); 'R':
 * they are open again on the next page, their content there marked by
 * reference to it (MCR). */
static int suspend_resume(struct bc_pdf_struct *st, bool suspend)
{
	if (suspend ? st->nsuspended > 0 : st->depth > 0) {
		st->error = suspend ? "elements set aside twice across a page break"
				    : "elements taken up again inside others";
		return -1;
	}
	struct elem *from = suspend ? st->stack : st->suspended;
	struct elem *to = suspend ? st->suspended : st->stack;
	int n = suspend ? st->depth : st->nsuspended;
	memcpy(to, from, (size_t)n * sizeof *from);
	if (suspend) {
		st->nsuspended = n;
		st->depth = 0;
	} else {
		st->depth = n;
		st->nsuspended = 0;
	}
	return 0;
}

/* Play events up to and including the next begin or end (want_marker),
 * or to the end of the script. 0, or -1 when they disagree. */
static int play(struct bc_pdf_struct *st, bool want_marker)
{
	while (st->pos < st->script_len && !st->error) {
		char ev = st->script[st->pos++];
		if (ev == BC_PDF_EV_LINK) {
			add_link(st);
		} else if (ev == BC_PDF_EV_PART) {
			begin_part(st);
		} else if (ev == BC_PDF_EV_BEGIN || ev == BC_PDF_EV_END ||
			   ev == BC_PDF_EV_SUSPEND || ev == BC_PDF_EV_RESUME) {
			if (!want_marker) {
				st->error = "an element begins or ends with no marker in the page";
				return -1;
			}
			if (ev == BC_PDF_EV_SUSPEND || ev == BC_PDF_EV_RESUME)
				return suspend_resume(st, ev == BC_PDF_EV_SUSPEND);
			if (ev == BC_PDF_EV_END) {
				if (st->depth == 0) {
					st->error = "an element ends that never began";
					return -1;
				}
				close_elem(st);
				return 0;
			}
			const char *type = field(st);
			const char *alt = type ? field(st) : NULL;
			if (!alt || st->pos >= st->script_len) {
				st->error =
				    st->error ? st->error : "a structure event is cut short";
				return -1;
			}
			char scope = st->script[st->pos++];
			if (st->depth == MAX_DEPTH) {
				st->error = "structure elements nest too deeply";
				return -1;
			}
			st->stack[st->depth++] = (struct elem){
			    .type = bc_xstrdup(type),
			    .alt = alt[0] ? bc_xstrdup(alt) : NULL,
			    .scope = scope == 'C' || scope == 'R' ? scope : 0,
			};
			return 0;
		} else {
			st->error = "an unknown structure event";
		}
	}
	if (st->error)
		return -1;
	if (want_marker) {
		st->error = "a structure marker in the page with no element for it";
		return -1;
	}
	return 0;
}

static int on_marker(void *ctx)
{
	return play(ctx, true);
}

static void on_open(void *ctx, struct bc_buf *out)
{
	struct bc_pdf_struct *st = ctx;
	if (st->depth == 0) {
		bc_buf_adds(out, "/Artifact BMC\n");
		return;
	}
	struct elem *e = &st->stack[st->depth - 1];
	size_t mcid = st->mcid++;
	bc_buf_printf(&st->owners, " %zu 0 R", elem_num(st, e));
	if (!e->pg)
		e->pg = st->page;
	if (e->pg == st->page)
		bc_buf_printf(&e->kids, " %zu", mcid);
	else
		bc_buf_printf(&e->kids, " << /Type /MCR /Pg %zu 0 R /MCID %zu >>", st->page, mcid);
	bc_buf_printf(out, "/%s <</MCID %zu>> BDC\n", e->type, mcid);
}

char *bc_pdf_struct_page(struct bc_pdf_struct *st, const char *script, size_t script_len,
			 const char *content, size_t len, size_t page, struct bc_buf *page_keys,
			 size_t *out_len, const char **error)
{
	st->script = script ? script : "";
	st->script_len = script ? script_len : 0;
	st->pos = 0;
	st->page = page;
	st->mcid = 0;
	st->owners.len = 0;
	st->annots.len = 0;
	struct bc_pdf_marks m = {st, on_marker, on_open};
	char *out = bc_pdf_mark_content(content, len, &m, out_len);
	if (out && play(st, false) != 0) {
		free(out);
		out = NULL;
	}
	/* What goes on past the page was set aside ('Z'). */
	if (out && st->depth > 0) {
		st->error = "an element is still open at the end of its page";
		free(out);
		out = NULL;
	}
	if (!out) {
		*error = st->error ? st->error : "a page's content is marked already";
		return NULL;
	}
	if (st->mcid > 0) {
		size_t num = bc_pdf_objects_number(st->w);
		struct bc_buf b = {0};
		bc_buf_printf(&b, "%zu 0 obj\n[%s ]\nendobj\n", num, st->owners.data);
		add_object(st, num, &b);
		bc_buf_free(&b);
		bc_buf_printf(page_keys, "   /StructParents %zu\n", tree_add(st, num));
	}
	if (st->annots.len > 0)
		bc_buf_printf(page_keys, "   /Annots [%s ]\n", st->annots.data);
	bc_buf_adds(page_keys, "   /Tabs /S\n");
	return out;
}

size_t bc_pdf_struct_finish(struct bc_pdf_struct *st, size_t lead_parts, const char **error)
{
	if (st->depth > 0 || st->nsuspended > 0) {
		*error = "an element is still open at the end";
		return 0;
	}
	close_part(st);
	close_leaf(st);
	struct bc_buf b = {0};
	/* The lead parts' elements first. */
	size_t from = lead_parts && lead_parts <= st->nparts ? st->parts[st->nparts - lead_parts]
							     : st->ndoc_kids;
	bc_buf_printf(&b,
		      "%zu 0 obj\n<< /Type /StructElem\n   /S /Document\n   /P %zu 0 R\n   /K [",
		      st->doc, st->root);
	for (size_t i = 0; i < st->ndoc_kids; i++)
		bc_buf_printf(&b, " %zu 0 R", st->doc_kids[(from + i) % st->ndoc_kids]);
	bc_buf_adds(&b, " ]\n>>\nendobj\n");
	add_object(st, st->doc, &b);
	size_t tree = bc_pdf_objects_number(st->w);
	b.len = 0;
	if (st->leaves.len)
		bc_buf_printf(&b, "%zu 0 obj\n<< /Kids [%s ]\n>>\nendobj\n", tree, st->leaves.data);
	else
		bc_buf_printf(&b, "%zu 0 obj\n<< /Nums [ ]\n>>\nendobj\n", tree);
	add_object(st, tree, &b);
	b.len = 0;
	bc_buf_printf(
	    &b,
	    "%zu 0 obj\n<< /Type /StructTreeRoot\n   /K [ %zu 0 R ]\n   /ParentTree %zu 0 R\n"
	    "   /ParentTreeNextKey %zu\n>>\nendobj\n",
	    st->root, st->doc, tree, st->next_key);
	add_object(st, st->root, &b);
	bc_buf_free(&b);
	return st->root;
}
