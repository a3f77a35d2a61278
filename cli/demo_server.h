// A minimal HTTP/1.1 server on 127.0.0.1 for `revwatch demo`: one path, one
// page that the demo swaps between checks, every other path a 404.
//
// Hand-written on purpose: the HTTP library would add ~3 ms of start-up to
// every revwatch command for the sake of this one demo.
#ifndef REVWATCH_CLI_DEMO_SERVER_H_
#define REVWATCH_CLI_DEMO_SERVER_H_

#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace revwatch {

class DemoServer {
 public:
  explicit DemoServer(std::string path) : path_(std::move(path)) {}
  ~DemoServer();
  DemoServer(const DemoServer&) = delete;
  DemoServer& operator=(const DemoServer&) = delete;

  // Listens on an ephemeral port of 127.0.0.1 and serves from a thread.
  // Returns the port, or -1 if the socket could not be set up.
  int Start();

  // Replaces the page served from now on. Thread-safe.
  void Serve(std::string_view page);

 private:
  void AcceptLoop();
  void Answer(int client);

  std::string path_;
  int listener_ = -1;
  std::thread thread_;
  std::mutex mutex_;
  std::string page_;
};

}  // namespace revwatch

#endif  // REVWATCH_CLI_DEMO_SERVER_H_
