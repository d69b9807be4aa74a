package org.opendws.snapshot.docs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with commonmark-java (GitHub tables), for the guides and for the
 * descriptions in the OpenAPI document.
 */
final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final boolean escapeRawHtml;
    private final UnaryOperator<String> linkRewriter;

    /**
     * @param escapeRawHtml true to show raw HTML as text (for text from the OpenAPI document)
     * @param linkRewriter  maps each link and image destination (e.g. a guide's {@code .md} name to its page)
     */
    Markdown(boolean escapeRawHtml, UnaryOperator<String> linkRewriter) {
        this.escapeRawHtml = escapeRawHtml;
        this.linkRewriter = linkRewriter;
    }

    /** Markdown for the OpenAPI document's descriptions: raw HTML escaped, links kept. */
    static Markdown forSpec() {
        return new Markdown(true, UnaryOperator.identity());
    }

    Node parse(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(linkRewriter.apply(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(linkRewriter.apply(image.getDestination()));
                visitChildren(image);
            }
        });
        return document;
    }

    /** Renders Markdown text. */
    String toHtml(String markdown) {
        return render(parse(markdown), new ArrayList<>());
    }

    /**
     * Renders a parsed node; every heading gets an id made from its text, and the level-2
     * headings are added to {@code toc} (for the page's table of contents).
     */
    String render(Node node, List<TocEntry> toc) {
        Map<Node, String> ids = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                String id = Html.slug(text);
                for (int n = 2; !used.add(id); n++) {
                    id = Html.slug(text) + "-" + n;
                }
                ids.put(heading, id);
                if (heading.getLevel() == 2) {
                    toc.add(new TocEntry(id, text));
                }
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(escapeRawHtml)
                .attributeProviderFactory(context -> (n, tag, attributes) -> {
                    String id = ids.get(n);
                    if (id != null) {
                        attributes.put("id", id);
                    }
                })
                .build();
        return renderer.render(node);
    }

    /** The text of a node without markup (text and inline code). */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }

    /** The first level-1 heading's text, or null. */
    static String title(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                return plainText(h);
            }
        }
        return null;
    }
}
