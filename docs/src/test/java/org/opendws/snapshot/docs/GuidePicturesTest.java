package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The pictures of the guides, SVG files kept in {@code src/site/assets/}: each is well-formed
 * SVG with a size, a title and a description, loads nothing (no external reference, no script, no
 * font), and is shown by a guide; the lifecycle guide shows its state diagram.
 */
class GuidePicturesTest {
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Path ASSETS = TestSite.source().resolve("assets");

    @Test
    void everySvgIsWellFormedSelfContainedAndTitled() throws Exception {
        List<Path> pictures = svgs();
        assertThat(pictures).extracting(p -> p.getFileName().toString()).contains("snapshot-lifecycle.svg");
        for (Path svg : pictures) {
            org.w3c.dom.Document doc = parse(svg);
            org.w3c.dom.Element root = doc.getDocumentElement();
            assertThat(root.getNamespaceURI()).as(svg + " root namespace").isEqualTo(SVG_NAMESPACE);
            assertThat(root.getLocalName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).as(svg + " viewBox").matches("0 0 \\d+ \\d+");
            assertThat(root.getAttribute("width")).as(svg + " width").isNotEmpty();
            assertThat(root.getAttribute("height")).as(svg + " height").isNotEmpty();
            assertThat(text(doc, "title")).as(svg + " title").isNotBlank();
            assertThat(text(doc, "desc")).as(svg + " description").isNotBlank();
            // nothing is loaded: no script, no embedded picture or font, no link off the file
            for (String element : List.of("script", "image", "foreignObject", "font-face", "use")) {
                assertThat(doc.getElementsByTagNameNS(SVG_NAMESPACE, element).getLength())
                        .as(svg + " <" + element + ">")
                        .isZero();
            }
            String source =
                    Files.readString(svg, StandardCharsets.UTF_8).replace("xmlns=\"" + SVG_NAMESPACE + "\"", "");
            assertThat(source)
                    .as(svg.toString())
                    .doesNotContain("href=", "@import", "@font-face", "http://", "https://", "data:");
            // url(...) only for the file's own markers and gradients
            assertThat(source).as(svg + ": url() other than url(#...)").doesNotContainPattern("url\\((?!#)");
        }
    }

    @Test
    void everySvgIsShownByAGuideAndTheLifecycleGuideShowsItsDiagram() throws IOException {
        List<String> shown = new ArrayList<>();
        for (TestSite.GuideFile guide : TestSite.guideFiles()) {
            Document page = TestSite.html(TestSite.built().resolve(guide.page()));
            for (Element img : page.select("main img")) {
                assertThat(img.attr("alt"))
                        .as("alt text of " + img.attr("src") + " in " + guide.page())
                        .isNotBlank();
                shown.add(img.attr("src"));
            }
        }
        for (Path svg : svgs()) {
            assertThat(shown).as("pages showing " + svg.getFileName()).contains("assets/" + svg.getFileName());
        }
        // written as the guide's file sees the asset, so that it shows on a forge too
        String lifecycle =
                Files.readString(TestSite.guides().resolve("05-snapshot-lifecycle.md"), StandardCharsets.UTF_8);
        assertThat(lifecycle).contains("](../assets/snapshot-lifecycle.svg)");
        Document page = TestSite.html(TestSite.built().resolve("snapshot-lifecycle.html"));
        assertThat(page.select("main img[src=assets/snapshot-lifecycle.svg]")).hasSize(1);
    }

    private static List<Path> svgs() throws IOException {
        try (Stream<Path> files = Files.list(ASSETS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".svg"))
                    .sorted()
                    .toList();
        }
    }

    private static org.w3c.dom.Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // a picture needs no DTD: refuse one (and so any external entity)
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try (InputStream in = Files.newInputStream(svg)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String text(org.w3c.dom.Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NAMESPACE, element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
