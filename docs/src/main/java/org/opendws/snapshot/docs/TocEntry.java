package org.opendws.snapshot.docs;

/** An entry of a page's table of contents: the fragment id of a section and its title. */
record TocEntry(String id, String text) {}
