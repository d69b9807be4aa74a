// What the host allows: the least an HTTP server can do, to tell the latency that the machine
// itself adds (scheduling, loopback) from the mock's. One thread, epoll, the same fixed create
// answer for every read; wrk sends each request in one write, and in its closed loop a connection
// has one request in flight, so one answer per read is enough. Not a benchmark script: run by hand
// (bench/README.md), e.g.
//   mkdir -p bench/target && gcc -O2 -o bench/target/echo200 bench/echo200.c && bench/target/echo200 18090 &
//   BENCH_RUN=x wrk -t1 -c16 -d10s -s bench/create.lua http://127.0.0.1:18090
// An optional second argument, in microseconds, is time spent spinning on each request before the
// answer: with 20, its one thread is busy all the time (the server, not wrk, then sets the rate).
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <fcntl.h>
#include <time.h>
static long now_ns(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000L + t.tv_nsec; }
static const char ANSWER[] = "HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 58\r\n\r\n{\"snapshot\":{\"id\":\"00000000-0000-0000-0000-000000000000\"}}";
int main(int argc, char **argv) {
  int port = atoi(argv[1]);
  long busy_ns = argc > 2 ? atol(argv[2]) * 1000 : 0;
  int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(l, (void *)&a, sizeof a) || listen(l, 1024)) { perror("bind"); return 1; }
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = l}, evs[64];
  epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
  char buf[65536];
  for (;;) {
    int n = epoll_wait(ep, evs, 64, -1);
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == l) {
        int c = accept(l, 0, 0);
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ev.events = EPOLLIN; ev.data.fd = c; epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
      } else {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r <= 0) { close(fd); continue; }
        for (long until = now_ns() + busy_ns; busy_ns && now_ns() < until;) { }
        if (write(fd, ANSWER, sizeof ANSWER - 1) < 0) close(fd);
      }
    }
  }
}
