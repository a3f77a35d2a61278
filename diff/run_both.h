// Two independent pieces of work on two threads. Private to diff/.
#ifndef REVWATCH_DIFF_RUN_BOTH_H_
#define REVWATCH_DIFF_RUN_BOTH_H_

#include <exception>
#include <system_error>
#include <thread>

namespace revwatch {

// Runs `first` here and `second` on another thread, and returns when both
// are done; an exception from either is rethrown after both finished. If
// no thread can be started, runs them one after the other.
template <typename First, typename Second>
void RunBoth(First first, Second second) {
  std::exception_ptr failure;
  std::thread worker;
  try {
    worker = std::thread([&] {
      try {
        second();
      } catch (...) {
        failure = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    first();
    second();
    return;
  }
  try {
    first();
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace revwatch

#endif  // REVWATCH_DIFF_RUN_BOTH_H_
