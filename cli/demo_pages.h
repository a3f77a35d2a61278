// The two versions of the demo article page, compiled into the binary from
// cli/demo/article_v1.html and article_v2.html so `revwatch demo` works from
// any directory and after installation.
#ifndef REVWATCH_CLI_DEMO_PAGES_H_
#define REVWATCH_CLI_DEMO_PAGES_H_

#include <string_view>

namespace revwatch {

extern const std::string_view kDemoPageBefore;  // the FT report alone
extern const std::string_view kDemoPageAfter;   // with the White House denial

}  // namespace revwatch

#endif  // REVWATCH_CLI_DEMO_PAGES_H_
