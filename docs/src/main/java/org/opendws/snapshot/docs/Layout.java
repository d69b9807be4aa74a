package org.opendws.snapshot.docs;

import java.util.List;

/**
 * The frame around every page: header, navigation between the pages (with the current page's
 * table of contents), the content, and a footer. Every link is relative, so the site works from
 * {@code file://} as well as under any URL prefix (the mock server serves it at {@code /docs/}).
 */
final class Layout {
    /** A page of the site: its file name (e.g. {@code quickstart.html}) and its title in the navigation. */
    record PageRef(String file, String title) {}

    static final String STYLESHEET = "assets/site.css";
    static final String SCRIPT = "assets/site.js";
    /** The console of the local mock (try-it forms, traffic page); does nothing on a page without them. */
    static final String CONSOLE_SCRIPT = "assets/console.js";

    private final String siteName;
    private final String footer;
    private final List<PageRef> pages;

    Layout(String siteName, String footer, List<PageRef> pages) {
        this.siteName = siteName;
        this.footer = footer;
        this.pages = List.copyOf(pages);
    }

    /** A whole HTML page. */
    String page(PageRef current, List<TocEntry> toc, String contentHtml) {
        StringBuilder out = new StringBuilder(contentHtml.length() + 4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(current.title() + " - " + siteName))
                .append("</title>\n")
                // no favicon request: an empty data URL
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(STYLESHEET)
                .append("\">\n")
                .append("<script src=\"")
                .append(SCRIPT)
                .append("\" defer></script>\n")
                .append("<script src=\"")
                .append(CONSOLE_SCRIPT)
                .append("\" defer></script>\n")
                .append("</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#content\">Skip to content</a>\n")
                .append("<header class=\"topbar\"><a class=\"brand\" href=\"index.html\">")
                .append(Html.escape(siteName))
                .append("</a></header>\n")
                .append("<div class=\"layout\">\n<nav class=\"sidebar\" aria-label=\"Site\">\n<ul class=\"pages\">\n");
        for (PageRef page : pages) {
            boolean isCurrent = page.equals(current);
            out.append("<li><a href=\"")
                    .append(Html.escape(page.file()))
                    .append('"')
                    .append(isCurrent ? " aria-current=\"page\" class=\"current\"" : "")
                    .append('>')
                    .append(Html.escape(page.title()))
                    .append("</a>");
            if (isCurrent && !toc.isEmpty()) {
                out.append("\n<ul class=\"toc\">\n");
                for (TocEntry entry : toc) {
                    out.append("<li><a href=\"#")
                            .append(Html.escape(entry.id()))
                            .append("\">")
                            .append(Html.escape(entry.text()))
                            .append("</a></li>\n");
                }
                out.append("</ul>\n");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n</nav>\n<main id=\"content\">\n")
                .append(contentHtml)
                .append("\n</main>\n</div>\n<footer class=\"footer\">")
                .append(footer)
                .append("</footer>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }
}
