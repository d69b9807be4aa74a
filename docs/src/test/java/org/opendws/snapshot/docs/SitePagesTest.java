package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The site the build generated: one page per guide titled as the guide, every resource link
 * relative and present (so the site works from file:// and under /docs/), every internal link
 * and fragment pointing at something that exists, and the same files in the jar for Spring Boot.
 */
class SitePagesTest {
    private final Path site = TestSite.built();

    @Test
    void onePagePerGuideTitledAsTheGuide() throws IOException {
        List<TestSite.GuideFile> guides = TestSite.guideFiles();
        assertThat(guides)
                .extracting(TestSite.GuideFile::page)
                .containsExactly(
                        "quickstart.html",
                        "mock-server.html",
                        "contract-testing.html",
                        "troubleshooting-signatures.html",
                        "snapshot-lifecycle.html");
        Document index = TestSite.html(site.resolve("index.html"));
        List<String> nav = index.select("nav.sidebar ul.pages > li > a").eachAttr("href");
        List<String> expectedNav = new ArrayList<>(List.of("index.html"));
        guides.forEach(g -> expectedNav.add(g.page()));
        expectedNav.add(TrafficPage.FILE);
        assertThat(nav).isEqualTo(expectedNav);
        for (TestSite.GuideFile guide : guides) {
            Document page = TestSite.html(site.resolve(guide.page()));
            assertThat(page.selectFirst("main h1").text()).isEqualTo(guide.title());
            assertThat(page.title()).startsWith(guide.title());
            assertThat(page.select("nav a.current").text()).isEqualTo(guide.title());
        }
    }

    @Test
    void everyLinkIsRelativeAndResolves() throws IOException {
        List<Path> pages = htmlPages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(5);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Document doc = TestSite.html(page);
            // resources the browser loads: only relative paths to files of the site, or data: URLs
            for (Element e :
                    doc.select("link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                if (url.startsWith("data:")) {
                    continue;
                }
                assertThat(URI.create(url).getScheme())
                        .as(page.getFileName() + " loads " + url)
                        .isNull();
                assertThat(url).as(page.getFileName() + " loads " + url).doesNotStartWith("/");
                if (!Files.isRegularFile(site.resolve(url))) {
                    broken.add(page.getFileName() + " -> " + url);
                }
            }
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href");
                URI uri = URI.create(href);
                if (uri.getScheme() != null) {
                    assertThat(uri.getScheme())
                            .as(page.getFileName() + " links " + href)
                            .isIn("http", "https");
                    continue;
                }
                assertThat(href).as(page.getFileName() + " links " + href).doesNotStartWith("/");
                Path target = uri.getPath().isEmpty() ? page : site.resolve(uri.getPath());
                if (!Files.isRegularFile(target)) {
                    broken.add(page.getFileName() + " -> " + href);
                } else if (uri.getFragment() != null
                        && TestSite.html(target).getElementById(uri.getFragment()) == null) {
                    broken.add(page.getFileName() + " -> " + href + " (no such id)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noPageDependsOnTheNetwork() throws IOException {
        for (Path file : allFiles()) {
            String text = Files.readString(file);
            // @import and url() in CSS, fonts, scripts: nothing may point off the site
            assertThat(text)
                    .as(file.getFileName().toString())
                    .doesNotContain("@import", "url(http", "url(//", "src=\"http", "src=\"//", "<link href=\"http");
        }
    }

    @Test
    void theJarCarriesTheSameSiteForSpringBootToServeAtDocs() throws IOException {
        for (Path file : allFiles()) {
            String resource = "/META-INF/resources/docs/"
                    + site.relativize(file).toString().replace('\\', '/');
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(in.readAllBytes()).as(resource).isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    private List<Path> htmlPages() throws IOException {
        return allFiles().stream().filter(p -> p.toString().endsWith(".html")).toList();
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
