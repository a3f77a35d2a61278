#include "daemon/host_gate.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

using namespace std::chrono_literals;

TEST(HostGateTest, HostOfUrls) {
  EXPECT_EQ(HostOf("https://News.Example.org/a/b?c#d"), "news.example.org");
  EXPECT_EQ(HostOf("http://127.0.0.1:8080/x"), "127.0.0.1");
  EXPECT_EQ(HostOf("http://user@host.test:81"), "host.test");
  EXPECT_EQ(HostOf("http://[::1]:9000/"), "::1");
  EXPECT_EQ(HostOf("not a url"), "");
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("example.org"));
}

TEST(HostGateTest, LimitsFetchesAtOnceAndSpacesTheirStarts) {
  HostGate gate(HostLimits{/*max_in_flight=*/2, /*min_delay=*/100ms});
  const auto t0 = HostGate::Clock::now();
  HostGate::Clock::time_point retry;
  EXPECT_TRUE(gate.TryEnter("example.org", t0, retry));
  EXPECT_FALSE(gate.TryEnter("example.org", t0 + 50ms, retry));  // too soon
  EXPECT_EQ(retry, t0 + 100ms);
  EXPECT_TRUE(gate.TryEnter("example.org", t0 + 100ms, retry));
  EXPECT_FALSE(gate.TryEnter("example.org", t0 + 300ms, retry));  // two in flight
  EXPECT_TRUE(gate.TryEnter("other.org", t0 + 300ms, retry));     // another host is free
  gate.Leave("example.org");
  EXPECT_TRUE(gate.TryEnter("example.org", t0 + 300ms, retry));
}

TEST(HostGateTest, LoopbackIsNotThrottled) {
  HostGate gate(HostLimits{1, 10s});
  const auto t0 = HostGate::Clock::now();
  HostGate::Clock::time_point retry;
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(gate.TryEnter("127.0.0.1", t0, retry));
}

TEST(HostGateTest, APolicyGivesAHostAndItsSubdomainsTheirOwnLimits) {
  HostPolicy policy;
  policy.defaults = {1, 0ms};
  policy.hosts["slow.example"] = {1, 1s};
  policy.hosts["127.0.0.1"] = {1, 0ms};
  HostGate gate(policy);
  const auto t0 = HostGate::Clock::now();
  HostGate::Clock::time_point retry;
  EXPECT_TRUE(gate.TryEnter("www.slow.example", t0, retry));
  gate.Leave("www.slow.example");
  EXPECT_FALSE(gate.TryEnter("www.slow.example", t0 + 500ms, retry));
  EXPECT_EQ(retry, t0 + 1s);
  EXPECT_TRUE(gate.TryEnter("fast.example", t0, retry));
  gate.Leave("fast.example");
  EXPECT_TRUE(gate.TryEnter("fast.example", t0, retry));
  EXPECT_TRUE(gate.TryEnter("127.0.0.1", t0, retry));  // configured: one at a time
  EXPECT_FALSE(gate.TryEnter("127.0.0.1", t0, retry));
  EXPECT_TRUE(gate.TryEnter("127.0.0.2", t0, retry));  // not configured: no limit
  EXPECT_TRUE(gate.TryEnter("127.0.0.2", t0, retry));
}

}  // namespace
}  // namespace revwatch
