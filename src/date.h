/* date.h - ISO dates from papers, and the way council papers print them.
 * Included by validate.c and the front-sheet layout. */
#ifndef BC_DATE_H
#define BC_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct bc_date {
	int year, month, day;
};

/* Parse "YYYY-MM-DD"; false unless it is a real calendar date. */
bool bc_date_parse(const char *s, struct bc_date *out);
/* "HH:MM", 24-hour. */
bool bc_time_valid(const char *s);
/* "Tuesday 6 July 2010" into buf. */
void bc_date_format(const struct bc_date *d, char *buf, size_t size);
/* "7.00 pm" style for "19:00" into buf. */
void bc_time_format(const char *hhmm, char *buf, size_t size);

#endif
