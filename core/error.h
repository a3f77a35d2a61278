// Error vocabulary shared by every revwatch module.
//
// Failures that happen in normal operation (a timeout, a 404, a page that
// does not parse, a busy database) are values, not exceptions: functions
// return Result<T>, and the caller decides whether to retry, record or give up.
#ifndef REVWATCH_CORE_ERROR_H_
#define REVWATCH_CORE_ERROR_H_

#include <string>

#include <tl/expected.hpp>

namespace revwatch {

// Coarse on purpose: a caller picks a reaction from the code and shows the
// message to a person.
enum class ErrorCode {
  kNetwork,     // connection refused, DNS, timeout, TLS, body cap exceeded
  kHttpStatus,  // the server answered with a status that carries no page
  kParse,       // the page or file could not be read as an article
  kStorage,     // SQLite or file-system failure
  kConfig,      // bad configuration or command-line input
  kNotFound,    // a watch or revision that does not exist
  kInvalidArgument,
};

struct Error {
  ErrorCode code;
  std::string message;  // names the URL, file or line at fault
};

template <typename T>
using Result = tl::expected<T, Error>;

// For functions that return nothing on success.
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace revwatch

#endif  // REVWATCH_CORE_ERROR_H_
