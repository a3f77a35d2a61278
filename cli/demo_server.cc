#include "cli/demo_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace revwatch {
namespace {

constexpr std::size_t kMaxRequestBytes = 16 * 1024;

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

// The request line's path, read from a request whose headers are complete.
std::string RequestPath(const std::string& request) {
  const std::size_t start = request.find(' ');
  if (start == std::string::npos) return "";
  const std::size_t end = request.find(' ', start + 1);
  if (end == std::string::npos) return "";
  return request.substr(start + 1, end - start - 1);
}

}  // namespace

DemoServer::~DemoServer() {
  if (listener_ >= 0) {
    ::shutdown(listener_, SHUT_RDWR);  // wakes the blocked accept()
  }
  if (thread_.joinable()) thread_.join();
  if (listener_ >= 0) ::close(listener_);
}

int DemoServer::Start() {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return -1;
  }
  thread_ = std::thread([this] { AcceptLoop(); });
  return ntohs(address.sin_port);
}

void DemoServer::Serve(std::string_view page) {
  std::lock_guard lock(mutex_);
  page_ = page;
}

void DemoServer::AcceptLoop() {
  for (;;) {
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      if (errno == EINTR) continue;
      return;  // shut down
    }
    Answer(client);
    ::close(client);
  }
}

void DemoServer::Answer(int client) {
  std::string request;
  char buffer[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < kMaxRequestBytes) {
    const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return;
    request.append(buffer, static_cast<std::size_t>(got));
  }
  std::string body;
  std::string status = "404 Not Found";
  if (RequestPath(request) == path_) {
    std::lock_guard lock(mutex_);
    body = page_;
    status = "200 OK";
  }
  SendAll(client, "HTTP/1.1 " + status +
                      "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

}  // namespace revwatch
