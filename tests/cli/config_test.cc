#include "cli/config.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(ConfigTest, EmptyTextGivesTheDefaults) {
  auto config = ParseConfig("", "empty.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->daemon_interval, 0);
  EXPECT_EQ(config->fetch.max_body_bytes, CurlFetcherOptions{}.max_body_bytes);
  EXPECT_EQ(config->schedule.max_age, SchedulePolicy{}.max_age);
}

TEST(ConfigTest, ReadsEverySection) {
  auto config = ParseConfig(R"(
[daemon]
interval = "10m"
max_age = "7d"
max_backoff = "6h"
[fetch]
connect_timeout = "5s"
timeout = "30s"
max_redirects = 3
max_body = "4MiB"
low_speed_limit = 500
low_speed_time = "15s"
user_agent = "newsroom-monitor/1.0"
[classify]
lexicons = ["/etc/revwatch/words.txt", "extra.txt"]
)",
                            "full.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->daemon_interval, 600);
  EXPECT_EQ(config->schedule.max_age, 7 * 86400);
  EXPECT_EQ(config->schedule.max_backoff, 6 * 3600);
  EXPECT_EQ(config->fetch.connect_timeout_seconds, 5);
  EXPECT_EQ(config->fetch.total_timeout_seconds, 30);
  EXPECT_EQ(config->fetch.max_redirects, 3);
  EXPECT_EQ(config->fetch.max_body_bytes, 4u << 20);
  EXPECT_EQ(config->fetch.low_speed_bytes_per_second, 500);
  EXPECT_EQ(config->fetch.low_speed_seconds, 15);
  EXPECT_EQ(config->fetch.user_agent, "newsroom-monitor/1.0");
  EXPECT_EQ(config->lexicons, (std::vector<std::string>{"/etc/revwatch/words.txt", "extra.txt"}));
}

TEST(ConfigTest, PerHostLimitsInheritWhatTheyDoNotSay) {
  auto config = ParseConfig(R"(
[hosts."News.Example.org"]
host_delay = "10s"
[hosts."127.0.0.1"]
per_host = 1
[daemon]
per_host = 3
host_delay = "2s"
)",
                            "hosts.toml");
  ASSERT_TRUE(config) << config.error().message;
  using std::chrono::seconds;
  const HostPolicy& hosts = config->hosts;
  EXPECT_EQ(hosts.For("other.org").max_in_flight, 3);
  EXPECT_EQ(hosts.For("other.org").min_delay, seconds(2));
  // The host and its subdomains, per_host from [daemon] though it comes later.
  for (const char* host : {"news.example.org", "www.news.example.org"}) {
    EXPECT_EQ(hosts.For(host).max_in_flight, 3) << host;
    EXPECT_EQ(hosts.For(host).min_delay, seconds(10)) << host;
  }
  EXPECT_EQ(hosts.For("example.org").min_delay, seconds(2));
  // A configured loopback host loses its exemption; others keep it.
  EXPECT_EQ(hosts.For("127.0.0.1").max_in_flight, 1);
  EXPECT_EQ(hosts.For("127.0.0.1").min_delay, seconds(2));
  EXPECT_GT(hosts.For("127.0.0.2").max_in_flight, 1000);
  EXPECT_EQ(hosts.For("127.0.0.2").min_delay, seconds(0));

  for (const char* text : {"[hosts]\nexample = 1\n", "[hosts.\"a.org\"]\ndelay = \"1s\"\n",
                           "[hosts.\"a.org\"]\nper_host = 0\n",
                           "[hosts.\"http://a.org/\"]\nper_host = 1\n"}) {
    auto bad = ParseConfig(text, "h.toml");
    ASSERT_FALSE(bad) << text;
    EXPECT_EQ(bad.error().message.rfind("h.toml:", 0), 0u) << bad.error().message;
  }
}

TEST(ConfigTest, UnknownKeysAndTablesNameFileAndLine) {
  auto key = ParseConfig("[fetch]\ntimeout = \"30s\"\ntimout = \"10s\"\n", "a.toml");
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::kConfig);
  EXPECT_EQ(key.error().message, "a.toml:3: unknown key timout in [fetch]");
  auto table = ParseConfig("\n[mail]\nto = 1\n", "b.toml");
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message.find("b.toml:2: unknown table [mail]"), std::string::npos)
      << table.error().message;
}

TEST(ConfigTest, BadValuesNameFileLineAndWhatIsExpected) {
  for (const char* text : {"[daemon]\ninterval = 15\n", "[daemon]\ninterval = \"15 minutes\"\n",
                           "[fetch]\nmax_body = \"lots\"\n", "[fetch]\nmax_redirects = 99\n",
                           "[classify]\nlexicons = \"words.txt\"\n"}) {
    auto config = ParseConfig(text, "c.toml");
    ASSERT_FALSE(config) << text;
    EXPECT_EQ(config.error().message.rfind("c.toml:2: ", 0), 0u) << config.error().message;
  }
  auto syntax = ParseConfig("[fetch\n", "d.toml");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().message.rfind("d.toml:1: ", 0), 0u) << syntax.error().message;
}

TEST(ConfigTest, DurationsAndSizes) {
  EXPECT_EQ(ParseDuration("90s"), 90);
  EXPECT_EQ(ParseDuration("15m"), 900);
  EXPECT_EQ(ParseDuration("6h"), 21600);
  EXPECT_EQ(ParseDuration("30d"), 2592000);
  EXPECT_FALSE(ParseDuration("15"));
  EXPECT_FALSE(ParseDuration("m"));
  EXPECT_FALSE(ParseDuration("1y"));
  EXPECT_EQ(ParseSize("16MiB"), 16u << 20);
  EXPECT_EQ(ParseSize("512KiB"), 512u << 10);
  EXPECT_EQ(ParseSize("1MB"), 1000000u);
  EXPECT_EQ(ParseSize("4096"), 4096u);
  EXPECT_FALSE(ParseSize("4 MiB"));
}

TEST(ConfigTest, TheInstalledSampleParsesToTheDefaults) {
  auto config = LoadConfig(REVWATCH_SAMPLE_CONFIG);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->fetch.max_body_bytes, CurlFetcherOptions{}.max_body_bytes);
  EXPECT_TRUE(config->lexicons.empty());
}

TEST(ConfigTest, AnExplicitFileMustExist) {
  auto config = LoadConfig("/nonexistent/revwatch.toml");
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("/nonexistent/revwatch.toml"), std::string::npos);
}

}  // namespace
}  // namespace revwatch
