// revwatch export URL --format json|warc [--output FILE] [--gzip]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/ascii.h"
#include "core/digest.h"
#include "core/timestamp.h"
#include "fetch/body_decoder.h"

namespace revwatch {
namespace {

struct ExportArgs {
  std::string target;
  std::string format = "json";
  std::string output;  // "" for stdout
  bool gzip = false;
};

std::string NewRecordId() {
  std::random_device random;
  std::uniform_int_distribution<unsigned> byte(0, 255);
  unsigned char b[16];
  for (unsigned char& x : b) x = static_cast<unsigned char>(byte(random));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[64];
  std::snprintf(text, sizeof text,
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
                b[13], b[14], b[15]);
  return text;
}

// The HTTP message as the archive holds it: the final response's header
// block (after any redirects), with the body as stored, which revwatch
// keeps decoded: Content-Encoding and Transfer-Encoding go and
// Content-Length is the stored length.
std::string HttpBlock(const StoredSnapshot& page) {
  std::string headers = page.headers;
  if (const std::size_t last = headers.rfind("\r\n\r\nHTTP/"); last != std::string::npos) {
    headers.erase(0, last + 4);
  }
  std::string out;
  std::size_t start = 0;
  bool status_line = true;
  while (start < headers.size()) {
    std::size_t end = headers.find('\n', start);
    if (end == std::string::npos) end = headers.size();
    std::string line = headers.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::string lower = AsciiLower(std::string_view(line).substr(0, line.find(':')));
    if (!status_line && (lower == "content-encoding" || lower == "transfer-encoding" ||
                         lower == "content-length")) {
      continue;
    }
    out += line + "\r\n";
    status_line = false;
  }
  if (out.empty()) out = "HTTP/1.1 " + std::to_string(page.http_status ? page.http_status : 200) + " OK\r\n";
  out += "Content-Length: " + std::to_string(page.body.size()) + "\r\n\r\n";
  return out + page.body;
}

std::string WarcRecord(const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::string& block) {
  std::string out = "WARC/1.1\r\n";
  for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
  out += "WARC-Block-Digest: " + WarcSha256(block) + "\r\n";
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

// One gzip member, as WARC tools expect of a .warc.gz (one per record).
std::string Gzip(const std::string& data) { return Compress(data, Compression::kGzip); }

int RunExport(const CliContext& ctx, const ExportArgs& args) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto watch = (*store)->FindWatch(args.target);
  if (!watch) return ReportError(watch.error());
  auto summaries = (*store)->ListRevisions(watch->id);  // newest first
  if (!summaries) return ReportError(summaries.error());
  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      return ReportError({ErrorCode::kInvalidArgument, args.output + ": cannot write"});
    }
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  const bool warc = args.format == "warc";
  auto emit = [&](const std::string& record) { out << (args.gzip ? Gzip(record) : record); };
  nlohmann::json revisions = nlohmann::json::array();
  if (warc) {
    const std::string info = "software: revwatch\r\nformat: WARC File Format 1.1\r\n"
                             "description: every stored version of " + watch->url + "\r\n";
    emit(WarcRecord({{"WARC-Type", "warcinfo"},
                     {"WARC-Record-ID", NewRecordId()},
                     {"WARC-Date", FormatIso8601Utc(NowUnixSeconds())},
                     {"Content-Type", "application/warc-fields"}},
                    info));
  }
  for (auto it = summaries->rbegin(); it != summaries->rend(); ++it) {
    auto revision = (*store)->GetRevision(watch->id, it->number);
    if (!revision) return ReportError(revision.error());
    auto page = (*store)->GetSnapshot(watch->id, it->number);
    if (!page) return ReportError(page.error());
    if (warc) {
      const std::string uri = page->final_url.empty() ? watch->url : page->final_url;
      const std::string response_id = NewRecordId();
      emit(WarcRecord({{"WARC-Type", "response"},
                       {"WARC-Record-ID", response_id},
                       {"WARC-Date", FormatIso8601Utc(page->fetched_at)},
                       {"WARC-Target-URI", uri},
                       {"Content-Type", "application/http;msgtype=response"},
                       {"WARC-Payload-Digest", WarcSha1(page->body)}},
                      HttpBlock(*page)));
      // The article revwatch extracted from it, as its text format.
      emit(WarcRecord({{"WARC-Type", "conversion"},
                       {"WARC-Record-ID", NewRecordId()},
                       {"WARC-Date", FormatIso8601Utc(page->fetched_at)},
                       {"WARC-Target-URI", uri},
                       {"WARC-Refers-To", response_id},
                       {"Content-Type", "text/plain; charset=utf-8"}},
                      FormatArticleText(revision->article)));
      continue;
    }
    revisions.push_back({{"number", it->number},
                         {"first_seen", FormatIso8601Utc(it->first_seen)},
                         {"last_seen", FormatIso8601Utc(it->last_seen)},
                         {"title", revision->article.title},
                         {"byline", revision->article.byline},
                         {"published", revision->article.published},
                         {"paragraphs", revision->article.paragraphs},
                         {"text_hash", revision->text_hash},
                         {"change",
                          {{"tags", it->change.tags},
                           {"substantive", it->change.substantive},
                           {"score", it->change.score},
                           {"words_added", it->change.words_added},
                           {"words_removed", it->change.words_removed}}},
                         {"page",
                          {{"fetched_at", FormatIso8601Utc(page->fetched_at)},
                           {"final_url", page->final_url},
                           {"http_status", page->http_status},
                           {"charset", page->charset},
                           {"sha256", page->sha256},
                           {"bytes", page->body.size()},
                           {"headers", page->headers}}}});
  }
  if (!warc) {
    const std::string json = nlohmann::json{{"url", watch->url},
                                            {"label", watch->label},
                                            {"revisions", revisions}}
                                 .dump(2) +
                             "\n";
    out << (args.gzip ? Gzip(json) : json);
  }
  out.flush();
  if (!out) return ReportError({ErrorCode::kStorage, "export: write failed"});
  return kExitOk;
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command =
      app.add_subcommand("export", "Write every version of an article as JSON or WARC")
          ->footer("WARC 1.1: a warcinfo record, then per revision a response record with\n"
                   "the stored page (final headers, decoded body; SHA-1 payload and SHA-256\n"
                   "block digests) and a conversion record with the extracted article.\n"
                   "Examples:\n  revwatch export 3 > story.json\n"
                   "  revwatch export https://example.org/news/1 --format warc --gzip "
                   "--output story.warc.gz");
  command->add_option("watch", args->target, "URL or watch id")->required();
  command->add_option("--format", args->format, "json or warc (default json)")
      ->check(CLI::IsMember({"json", "warc"}));
  command->add_option("--output", args->output, "Write to FILE instead of standard output");
  command->add_flag("--gzip", args->gzip, "Compress (WARC: one gzip member per record)");
  command->callback([&ctx, args] { ctx.exit_code = RunExport(ctx, *args); });
}

}  // namespace revwatch
