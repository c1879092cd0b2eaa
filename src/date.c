/* date.c - calendar checks and long-form dates, locale-independent. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool bc_date_parse(const char *s, struct bc_date *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

bool bc_time_valid(const char *s)
{
	if (!s || strlen(s) != 5 || s[2] != ':' || !digits(s, 2) || !digits(s + 3, 2))
		return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 && m < 60;
}

void bc_date_format(const struct bc_date *d, char *buf, size_t size)
{
	static const char *const months[] = {"January",	  "February", "March",	  "April",
					     "May",	  "June",     "July",	  "August",
					     "September", "October",  "November", "December"};
	static const char *const wdays[] = {"Sunday",	"Monday", "Tuesday", "Wednesday",
					    "Thursday", "Friday", "Saturday"};
	/* Sakamoto's day-of-week. */
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = d->year - (d->month < 3);
	int w = (y + y / 4 - y / 100 + y / 400 + t[d->month - 1] + d->day) % 7;
	snprintf(buf, size, "%s %d %s %d", wdays[w], d->day, months[d->month - 1], d->year);
}

void bc_time_format(const char *hhmm, char *buf, size_t size)
{
	if (!bc_time_valid(hhmm)) {
		snprintf(buf, size, "%s", hhmm ? hhmm : "");
		return;
	}
	int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
	int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
	int h12 = h % 12 == 0 ? 12 : h % 12;
	snprintf(buf, size, "%d.%02d %s", h12, m, h < 12 ? "am" : "pm");
}
