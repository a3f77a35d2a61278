// CurlFetcher against a real HTTP server on 127.0.0.1 (an ephemeral port).
#include "fetch/curl_fetcher.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

#include "fetch/body_decoder.h"

namespace revwatch {
namespace {


// A content type cpp-httplib does not compress on its own (it would gzip
// a text/html body again for a client that accepts gzip).
void SetEncoded(httplib::Response& response, const std::string& body, const char* encoding) {
  response.set_header("Content-Encoding", encoding);
  response.set_content(body, "application/octet-stream");
}

const std::string kArticle =
    "<html><body><h1>Київ</h1><p>" + std::string(5000, 'a') + "</p></body></html>";

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
    // The client's port: the same for two requests on one connection.
    server_.Get("/peer", [](const httplib::Request& request, httplib::Response& response) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      response.set_content(std::to_string(request.remote_port), "text/plain");
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
    server_.Get("/gzip", [](const httplib::Request&, httplib::Response& response) {
      SetEncoded(response, Compress(kArticle, Compression::kGzip), "gzip");
    });
    server_.Get("/deflate-raw", [](const httplib::Request&, httplib::Response& response) {
      SetEncoded(response, Compress(kArticle, Compression::kRawDeflate), "deflate");
    });
    // Cut in the middle, with a Content-Length that matches what is sent.
    server_.Get("/gzip-truncated", [](const httplib::Request&, httplib::Response& response) {
      const std::string whole = Compress(kArticle, Compression::kGzip);
      SetEncoded(response, whole.substr(0, whole.size() / 2), "gzip");
    });
    // 8 MB of zeros in about 8 KB.
    server_.Get("/gzip-bomb", [](const httplib::Request&, httplib::Response& response) {
      SetEncoded(response, Compress(std::string(8 << 20, '\0'), Compression::kGzip), "gzip");
    });
    server_.Get("/brotli", [](const httplib::Request&, httplib::Response& response) {
      SetEncoded(response, "not really brotli", "br");
    });
    // One byte every 200 ms, for ever.
    server_.Get("/trickle", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return sink.write("x", 1);
      });
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

TEST_F(CurlFetcherTest, KeepsItsConnectionAndNothingElseBetweenFetches) {
  CurlFetcher fetcher;
  auto first = fetcher.Fetch({Url("/peer"), "", ""});
  auto second = fetcher.Fetch({Url("/peer"), "", ""});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, second->body);  // one connection
  // The validators of one fetch are not sent with the next.
  auto conditional = fetcher.Fetch({Url("/page"), "\"v1\"", ""});
  ASSERT_TRUE(conditional);
  EXPECT_TRUE(conditional->NotModified());
  auto plain = fetcher.Fetch({Url("/page"), "", ""});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->body, "<p>Київ</p>");
}

TEST_F(CurlFetcherTest, ThreadsMayShareAFetcher) {
  CurlFetcher fetcher;
  std::vector<std::string> ports(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    threads.emplace_back([&, i] {
      auto page = fetcher.Fetch({Url("/peer"), "", ""});
      ports[i] = page ? page->body : "error: " + page.error().message;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& port : ports) {
    EXPECT_TRUE(!port.empty() && port.find_first_not_of("0123456789") == std::string::npos) << port;
  }
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

TEST_F(CurlFetcherTest, CompressedBodiesAreDecoded) {
  CurlFetcher fetcher;
  auto gzip = fetcher.Fetch({Url("/gzip"), "", ""});
  ASSERT_TRUE(gzip) << gzip.error().message;
  EXPECT_EQ(gzip->body, kArticle);
  auto raw = fetcher.Fetch({Url("/deflate-raw"), "", ""});
  ASSERT_TRUE(raw) << raw.error().message;
  EXPECT_EQ(raw->body, kArticle);
}

TEST_F(CurlFetcherTest, TruncatedGzipBodyIsAFailedFetch) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/gzip-truncated"), "", ""});
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kNetwork);
  EXPECT_NE(page.error().message.find("truncated"), std::string::npos) << page.error().message;
}

TEST_F(CurlFetcherTest, GzipBombStopsAtTheDecodedCap) {
  CurlFetcherOptions options;
  options.max_body_bytes = 1 << 20;
  CurlFetcher fetcher(options);
  auto page = fetcher.Fetch({Url("/gzip-bomb"), "", ""});
  ASSERT_FALSE(page);
  EXPECT_NE(page.error().message.find("larger than 1048576"), std::string::npos)
      << page.error().message;
}

TEST_F(CurlFetcherTest, UnknownContentEncodingIsRefused) {
  CurlFetcher fetcher;
  auto page = fetcher.Fetch({Url("/brotli"), "", ""});
  ASSERT_FALSE(page);
  EXPECT_NE(page.error().message.find("Content-Encoding"), std::string::npos);
}

TEST_F(CurlFetcherTest, TricklingServerIsDropped) {
  CurlFetcherOptions options;
  options.low_speed_bytes_per_second = 1000;
  options.low_speed_seconds = 1;
  CurlFetcher fetcher(options);
  const auto start = std::chrono::steady_clock::now();
  auto page = fetcher.Fetch({Url("/trickle"), "", ""});
  ASSERT_FALSE(page);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
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
