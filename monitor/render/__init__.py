"""Digest → markdown, text, HTML, Atom and iCalendar. Every web string is escaped."""
