// Extraction benchmark: pages/s and MB/s over a directory of HTML pages for
//   (a) one `revwatch extract FILE` process per page, as score.py runs it;
//   (b) ExtractArticle in this process;
//   (c) the floor: Gumbo parse plus a walk over every node, nothing else.
// Single-threaded; run it pinned to one core (taskset -c 0) on a quiet
// machine. Usage:
//   extract_bench [--revwatch PATH] [--rounds N] DIR
#include <fcntl.h>
#include <gumbo.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "extract/charset.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

using Clock = std::chrono::steady_clock;

struct Page {
  std::string path;
  std::string bytes;
};

struct Rate {
  double pages_per_s = 0;
  double mb_per_s = 0;
};

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

std::vector<Page> LoadPages(const std::string& dir) {
  std::vector<Page> pages;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    pages.push_back({entry.path().string(),
                     std::string(std::istreambuf_iterator<char>(in), {})});
  }
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.path < b.path; });
  return pages;
}

double TotalMb(const std::vector<Page>& pages) {
  double bytes = 0;
  for (const Page& page : pages)
    bytes += static_cast<double>(page.bytes.size());
  return bytes / 1e6;
}

// Runs `work` over every page `rounds` times and reports the rate.
template <typename Work>
Rate Measure(const std::vector<Page>& pages, int rounds, Work work) {
  const auto start = Clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const Page& page : pages) work(page);
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  const double n =
      static_cast<double>(rounds) * static_cast<double>(pages.size());
  return {n / seconds, static_cast<double>(rounds) * TotalMb(pages) / seconds};
}

// Parses like ExtractArticle (UTF-8 input, capped error list) and visits
// every node without recursion.
std::size_t ParseAndWalk(const std::string& utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()));
  std::size_t nodes = 0;
  std::vector<const GumboNode*> stack{output->document};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    ++nodes;
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT)
      children = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      children = &node->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned int i = 0; i < children->length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  return nodes;
}

// Runs `revwatch extract PATH` with stdout to /dev/null; false on failure.
bool RunProcess(const std::string& revwatch, const std::string& path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::string arg0 = revwatch;
  std::string arg1 = "extract";
  std::string arg2 = path;
  char* argv[] = {arg0.data(), arg1.data(), arg2.data(), nullptr};
  pid_t pid = 0;
  const int rc =
      posix_spawn(&pid, revwatch.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return false;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status);
}

void Print(const char* label, const Rate& rate, const Rate& floor) {
  std::printf("%-34s %8.1f pages/s %7.2f MB/s  %5.1f%% of floor\n", label,
              rate.pages_per_s, rate.mb_per_s,
              100.0 * rate.mb_per_s / floor.mb_per_s);
}

}  // namespace
}  // namespace revwatch

int main(int argc, char** argv) {
  using namespace revwatch;
  std::string revwatch_path;
  std::string dir;
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--revwatch" && i + 1 < argc) {
      revwatch_path = argv[++i];
    } else if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      dir = arg;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr,
                 "usage: extract_bench [--revwatch PATH] [--rounds N] DIR\n");
    return 2;
  }
  const std::vector<Page> pages = LoadPages(dir);
  if (pages.empty()) {
    std::fprintf(stderr, "extract_bench: no .html files in %s\n", dir.c_str());
    return 1;
  }
  std::vector<std::string> utf8;
  for (const Page& page : pages)
    utf8.push_back(DecodeToUtf8(page.bytes, "").utf8);
  std::printf("%zu pages, %.1f MB, %d rounds in-process\n", pages.size(),
              TotalMb(pages), rounds);

  std::size_t index = 0;
  std::size_t nodes = 0;
  const Rate floor = Measure(pages, rounds, [&](const Page&) {
    nodes += ParseAndWalk(utf8[index++ % utf8.size()]);
  });
  std::size_t failures = 0;
  const Rate in_process = Measure(pages, rounds, [&](const Page& page) {
    if (!ExtractArticle(page.bytes)) ++failures;
  });
  Print("(c) Gumbo parse + walk (floor)", floor, floor);
  Print("(b) ExtractArticle in-process", in_process, floor);
  if (!revwatch_path.empty()) {
    std::size_t spawn_failures = 0;
    const Rate per_process = Measure(pages, 1, [&](const Page& page) {
      if (!RunProcess(revwatch_path, page.path)) ++spawn_failures;
    });
    Print("(a) revwatch extract, 1 proc/page", per_process, floor);
    if (spawn_failures > 0) std::printf("%zu spawn failures\n", spawn_failures);
  }
  std::printf("(%zu pages without article text; %zu nodes walked)\n",
              failures / static_cast<std::size_t>(rounds), nodes);
  return 0;
}
