/* pdf_post.c - the libqpdf pass over a finished PDF (see pdf_post.h). */
#include "pdf_post.h"

#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "pdf_artifact.h"
#include "util.h"

static char *xmp_packet(const struct bc_pdf_post *o)
{
	struct bc_buf b = {0};
	bc_buf_adds(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			"<rdf:Description rdf:about=\"\"\n"
			"  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
			"  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
			"  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
			"<dc:format>application/pdf</dc:format>\n"
			"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	bc_buf_add_escaped(&b, o->title);
	bc_buf_adds(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	if (o->author && *o->author) {
		bc_buf_adds(&b, "<dc:creator><rdf:Seq><rdf:li>");
		bc_buf_add_escaped(&b, o->author);
		bc_buf_adds(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (o->subject && *o->subject) {
		bc_buf_adds(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		bc_buf_add_escaped(&b, o->subject);
		bc_buf_adds(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	bc_buf_adds(&b, "<dc:language><rdf:Bag><rdf:li>");
	bc_buf_add_escaped(&b, o->lang ? o->lang : "en-GB");
	bc_buf_adds(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	if (o->date) {
		bc_buf_adds(&b, "<xmp:CreateDate>");
		bc_buf_add_escaped(&b, o->date);
		bc_buf_adds(&b, "</xmp:CreateDate>\n<xmp:ModifyDate>");
		bc_buf_add_escaped(&b, o->date);
		bc_buf_adds(&b, "</xmp:ModifyDate>\n");
	}
	bc_buf_adds(&b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
			"<?xpacket end=\"w\"?>\n");
	return bc_buf_detach(&b);
}

struct walk {
	const struct bc_pdf_post *o;
	size_t alt, scope;
	int depth;
};

/* Depth-first over the structure tree, in the order Cairo wrote it (the
 * order the elements were opened), adding /Alt to Figures and /Scope to
 * table header cells. */
static void walk_struct(qpdf_data q, qpdf_oh elem, struct walk *w)
{
	if (w->depth > 64 || !qpdf_oh_is_dictionary(q, elem))
		return;
	if (qpdf_oh_has_key(q, elem, "/S")) {
		qpdf_oh s = qpdf_oh_get_key(q, elem, "/S");
		if (qpdf_oh_is_name_and_equals(q, s, "/Figure") && w->alt < w->o->nalts) {
			qpdf_oh_replace_key(q, elem, "/Alt",
					    qpdf_oh_new_unicode_string(q, w->o->alts[w->alt++]));
		} else if (qpdf_oh_is_name_and_equals(q, s, "/TH") && w->scope < w->o->nscopes) {
			qpdf_oh a = qpdf_oh_new_dictionary(q);
			qpdf_oh_replace_key(q, a, "/O", qpdf_oh_new_name(q, "/Table"));
			qpdf_oh_replace_key(q, a, "/Scope",
					    qpdf_oh_new_name(q, w->o->scopes[w->scope++] == 'R'
								    ? "/Row"
								    : "/Column"));
			qpdf_oh_replace_key(q, elem, "/A", a);
		}
	}
	if (!qpdf_oh_has_key(q, elem, "/K"))
		return;
	qpdf_oh k = qpdf_oh_get_key(q, elem, "/K");
	w->depth++;
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);
		for (int i = 0; i < n; i++)
			walk_struct(q, qpdf_oh_get_array_item(q, k, i), w);
	} else {
		walk_struct(q, k, w);
	}
	w->depth--;
}

/* Untagged content on every page becomes /Artifact marked content. */
static void mark_artifacts(qpdf_data q)
{
	int pages = qpdf_get_num_pages(q);
	for (int i = 0; i < pages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		unsigned char *buf = NULL;
		size_t len = 0;
		if (qpdf_oh_get_page_content_data(q, page, &buf, &len) & QPDF_ERRORS) {
			free(buf);
			continue;
		}
		size_t out_len = 0;
		char *marked = bc_pdf_mark_artifacts((const char *)buf, len, &out_len);
		free(buf);
		qpdf_oh stream = qpdf_oh_new_stream(q);
		qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)marked, out_len,
					    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, page, "/Contents", stream);
		free(marked);
	}
}

int bc_pdf_post(const unsigned char *pdf, size_t len, FILE *out, const struct bc_pdf_post *o,
		struct bc_diag *d)
{
	qpdf_data q = qpdf_init();
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int rc = -1;
	if (qpdf_read_memory(q, "boardc.pdf", (const char *)pdf, (unsigned long long)len, NULL) &
	    QPDF_ERRORS)
		goto fail;
	qpdf_oh root = qpdf_get_root(q);
	if (qpdf_oh_has_key(q, root, "/StructTreeRoot"))
		mark_artifacts(q);
	if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
		struct walk w = {o, 0, 0, 0};
		walk_struct(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), &w);
	}
	qpdf_oh_replace_key(q, root, "/Lang",
			    qpdf_oh_new_unicode_string(q, o->lang ? o->lang : "en-GB"));
	qpdf_oh prefs = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
	char *xmp = xmp_packet(o);
	qpdf_oh meta = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, meta, (const unsigned char *)xmp, strlen(xmp),
				    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh mdict = qpdf_oh_get_dict(q, meta);
	qpdf_oh_replace_key(q, mdict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, mdict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", meta);
	free(xmp);
	if (o->first_label > 0) {
		/* One range: decimal numbers starting at first_label. */
		qpdf_oh label = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, label, "/S", qpdf_oh_new_name(q, "/D"));
		qpdf_oh_replace_key(q, label, "/St", qpdf_oh_new_integer(q, o->first_label));
		qpdf_oh nums = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, 0));
		qpdf_oh_append_item(q, nums, label);
		qpdf_oh labels = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, labels, "/Nums", nums);
		qpdf_oh_replace_key(q, root, "/PageLabels", labels);
	}
	if (qpdf_has_error(q))
		goto fail;
	qpdf_init_write_memory(q);
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto fail;
	size_t n = qpdf_get_buffer_length(q);
	if (fwrite(qpdf_get_buffer(q), 1, n, out) != n) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the PDF failed (disk full?)");
		d->io_error = 1;
		qpdf_cleanup(&q);
		return -1;
	}
	rc = 0;
fail:
	if (rc != 0) {
		qpdf_error e = qpdf_get_error(q);
		bc_diag(d, BC_ERROR, 0, 0, "finishing the PDF failed: %s",
			e ? qpdf_get_error_full_text(q, e) : "libqpdf error");
	}
	qpdf_cleanup(&q);
	return rc;
}
