// CurlFetcher against a real HTTP server on 127.0.0.1 (an ephemeral port).
#include "fetch/curl_fetcher.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

namespace revwatch {
namespace {

class CurlFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/page", [](const httplib::Request& request, httplib::Response& response) {
      if (request.get_header_value("If-None-Match") == "\"v1\"") {
        response.status = 304;
        return;
      }
      response.set_header("ETag", "\"v1\"");
      response.set_header("Last-Modified", "Tue, 27 Jan 2026 13:36:00 GMT");
      response.set_content("<p>Київ</p>", "text/html; charset=utf-8");
    });
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& response) {
      response.status = 404;
      response.set_content("gone", "text/plain");
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(200000, 'x'), "text/html");
    });
    server_.Get("/endless", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
        const std::string chunk(16384, 'y');
        return sink.write(chunk.data(), chunk.size());
      });
    });
    server_.Get(R"(/hop/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      const int n = std::stoi(request.matches[1]);
      response.set_redirect(n == 0 ? "/page" : "/hop/" + std::to_string(n - 1));
    });
    server_.Get("/to-file", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("file:///etc/passwd");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() is a no-op until the accept loop runs, so wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(CurlFetcherTest, FetchesBodyAndValidators) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/page"), "", ""});
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<p>Київ</p>");
  EXPECT_EQ(page->etag, "\"v1\"");
  EXPECT_EQ(page->last_modified, "Tue, 27 Jan 2026 13:36:00 GMT");
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_NE(page->headers.find("HTTP/1.1 200"), std::string::npos);
}

TEST_F(CurlFetcherTest, ConditionalGetWithEtagGets304) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/page"), "\"v1\"", ""});
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_TRUE(page->NotModified());
  EXPECT_TRUE(page->body.empty());
}

TEST_F(CurlFetcherTest, HttpErrorIsAPageNotAnError) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/missing"), "", ""});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
}

TEST_F(CurlFetcherTest, FollowsRedirectsUpToTheLimit) {
  CurlFetcher fetcher;
  auto near = fetcher.Fetch({Url("/hop/4"), "", ""});  // 5 redirects
  ASSERT_TRUE(near) << near.error().message;
  EXPECT_EQ(near->status, 200);
  EXPECT_EQ(near->final_url, Url("/page"));
  EXPECT_EQ(near->headers.find("302"), std::string::npos);  // final response only
  auto far = fetcher.Fetch({Url("/hop/5"), "", ""});  // 6 redirects
  ASSERT_FALSE(far);
  EXPECT_EQ(far.error().code, ErrorCode::kNetwork);
}

TEST_F(CurlFetcherTest, RedirectToFileSchemeIsRefused) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/to-file"), "", ""});
  ASSERT_FALSE(page);
}

TEST_F(CurlFetcherTest, BodyOverTheCapIsRefused) {
  CurlFetcherOptions options;
  options.max_body_bytes = 100000;
  CurlFetcher fetcher(options);
  auto big = fetcher.Fetch({Url("/big"), "", ""});
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("larger than 100000"), std::string::npos);
  auto endless = fetcher.Fetch({Url("/endless"), "", ""});
  ASSERT_FALSE(endless);
  EXPECT_NE(endless.error().message.find("larger than 100000"), std::string::npos);
}

TEST_F(CurlFetcherTest, RefusedConnectionNamesTheUrl) {
  // A port that was free a moment ago: bind, read the port, close.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t length = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
  close(fd);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/";
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({url, "", ""});
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kNetwork);
  EXPECT_EQ(page.error().message.rfind(url, 0), 0u);
}

TEST(IsFetchableUrlTest, AcceptsOnlyAbsoluteHttpUrls) {
  EXPECT_TRUE(IsFetchableUrl("https://example.org/news/1"));
  EXPECT_TRUE(IsFetchableUrl("http://127.0.0.1:8080/a?b=c"));
  EXPECT_FALSE(IsFetchableUrl("ftp://example.org/"));
  EXPECT_FALSE(IsFetchableUrl("file:///etc/passwd"));
  EXPECT_FALSE(IsFetchableUrl("example.org/news"));
  EXPECT_FALSE(IsFetchableUrl("https://"));
  EXPECT_FALSE(IsFetchableUrl(""));
}

}  // namespace
}  // namespace revwatch
