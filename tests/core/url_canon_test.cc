#include "core/url_canon.h"
#include "core/url_host.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(CanonicalUrlTest, LowerCasesSchemeAndHostButNotThePath) {
  EXPECT_EQ(CanonicalUrl("HTTPS://News.Example.ORG/World/Story-1"),
            "https://news.example.org/World/Story-1");
}

TEST(CanonicalUrlTest, DropsTheFragmentAndDefaultPorts) {
  EXPECT_EQ(CanonicalUrl("https://example.org:443/a#comments"), "https://example.org/a");
  EXPECT_EQ(CanonicalUrl("http://example.org:80/a"), "http://example.org/a");
  EXPECT_EQ(CanonicalUrl("http://example.org:8080/a"), "http://example.org:8080/a");
  EXPECT_EQ(CanonicalUrl("https://example.org:80/a"), "https://example.org:80/a");
  EXPECT_EQ(CanonicalUrl("http://[::1]:8080/a"), "http://[::1]:8080/a");
  EXPECT_EQ(CanonicalUrl("http://[::1]/a"), "http://[::1]/a");
}

TEST(CanonicalUrlTest, AnEmptyPathIsTheRoot) {
  EXPECT_EQ(CanonicalUrl("https://Example.org"), "https://example.org/");
  EXPECT_EQ(CanonicalUrl("https://example.org?id=4"), "https://example.org/?id=4");
}

TEST(CanonicalUrlTest, RemovesTrackingParametersAndKeepsTheRestInOrder) {
  EXPECT_EQ(CanonicalUrl("https://example.org/a?utm_source=x&id=7&UTM_Medium=rss&fbclid=abc&"
                         "page=2&gclid=1"),
            "https://example.org/a?id=7&page=2");
  EXPECT_EQ(CanonicalUrl("https://example.org/a?utm_source=rss"), "https://example.org/a");
  EXPECT_EQ(CanonicalUrl("https://example.org/a?&&b=1&"), "https://example.org/a?b=1");
  // Only whole names: "utmost" and "ref" are the article's own.
  EXPECT_EQ(CanonicalUrl("https://example.org/a?utmost=1&ref=2"),
            "https://example.org/a?utmost=1&ref=2");
}

TEST(CanonicalUrlTest, KeepsUserInfoAndPercentEscapesAsWritten) {
  EXPECT_EQ(CanonicalUrl("https://Me@Example.org/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8?q=%20"),
            "https://Me@example.org/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8?q=%20");
}

TEST(CanonicalUrlTest, LeavesWhatIsNotAnAbsoluteUrlAlone) {
  EXPECT_EQ(CanonicalUrl("  /relative/path#x "), "/relative/path#x");
  EXPECT_EQ(CanonicalUrl("mailto:desk@example.org"), "mailto:desk@example.org");
}

TEST(CanonicalUrlTest, IsIdempotent) {
  for (const char* url : {"HTTP://A.example:80?utm_x=1&b=2#f", "https://b.example/x/y?z",
                          "https://c.example"}) {
    const std::string once = CanonicalUrl(url);
    EXPECT_EQ(CanonicalUrl(once), once) << url;
  }
}

TEST(IsPrivateHostTest, LoopbackPrivateAndLinkLocalLiteralsButNotNames) {
  for (const char* host : {"localhost", "127.0.0.1", "::1", "10.0.0.8", "172.16.0.1",
                           "172.31.255.255", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                           "fd00::1", "fe80::1"}) {
    EXPECT_TRUE(IsPrivateHost(host)) << host;
  }
  for (const char* host : {"example.org", "172.32.0.1", "172.15.0.1", "8.8.8.8", "10.example",
                           "2001:db8::1", "192.169.0.1", "1.2.3.4.5"}) {
    EXPECT_FALSE(IsPrivateHost(host)) << host;
  }
}

}  // namespace
}  // namespace revwatch
