// A second opinion on wrk's latency: the same closed loop as wrk at one thread (CONNECTIONS
// connections, each with one valid create in flight, a unique name per request; the request as
// bench/create.lua's but without the Authorization and X-Sdk-Date it sends for Prism), written in
// plain C with no script engine, timing each request from its write to the end of its answer.
// bench/mock-vs-prism.sh runs it beside wrk on the mock (bench/README.md); by hand, e.g.
//   gcc -O2 -o bench/target/closedloop bench/closedloop.c
//   bench/target/closedloop PORT 16 10 5     # 16 connections, 10 s, print answers slower than 5 ms
// It prints each slow answer (wall-clock ms when its request was sent, latency ms, connection) on
// stdout, and the count, rate and p99 (to 0.1 ms) on stderr. Fails (exit 1) on an answer other
// than a 200 with a Content-Length, on a closed connection, when a request waits more than 10 s,
// and when nothing was answered.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int port, *fds, *got; // got: bytes of the answer read so far, per connection
static double *sent;
static long run, counter;

static void send_create(int i) {
  char body[256], request[1024];
  int body_length = snprintf(body, sizeof body,
      "{\"snapshot\":{\"name\":\"c%ld-%ld\",\"cluster_id\":\"44b277eb-39be-4921-be31-3d61b43651d7\","
      "\"description\":\"bench\"}}", run, counter++);
  int length = snprintf(request, sizeof request,
      "POST /v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
      "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", port, body_length, body);
  sent[i] = now_ms(CLOCK_MONOTONIC);
  if (write(fds[i], request, length) != length) { perror("write"); exit(1); }
}

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: closedloop PORT CONNECTIONS SECONDS SLOW_MS\n"); return 2; }
  port = atoi(argv[1]);
  int connections = atoi(argv[2]);
  double seconds = atof(argv[3]), slow_ms = atof(argv[4]);
  fds = calloc(connections, sizeof *fds);
  sent = calloc(connections, sizeof *sent);
  got = calloc(connections, sizeof *got);
  char (*answers)[4096] = calloc(connections, sizeof *answers);
  run = time(0);
  int poll = epoll_create1(0), one = 1;
  for (int i = 0; i < connections; i++) {
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    fds[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fds[i], (void *) &address, sizeof address)) { perror("connect"); return 1; }
    setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = i};
    epoll_ctl(poll, EPOLL_CTL_ADD, fds[i], &event);
  }
  for (int i = 0; i < connections; i++) send_create(i);
  long answered = 0, slow = 0, tenths[1000] = {0}; // latencies in 0.1 ms steps, the last for 99.9 ms and more
  struct epoll_event events[64];
  double now = now_ms(CLOCK_MONOTONIC), end = now + seconds * 1000, checked = now;
  while ((now = now_ms(CLOCK_MONOTONIC)) < end) {
    if (now - checked >= 1000) { // once a second, not at every wake: the client's own CPU is part of what it measures
      checked = now;
      for (int i = 0; i < connections; i++) {
        if (now - sent[i] > 10000) { fprintf(stderr, "connection %d: no answer in 10 s\n", i); return 1; }
      }
    }
    int ready = epoll_wait(poll, events, 64, 100);
    for (int e = 0; e < ready; e++) {
      int i = events[e].data.u32;
      char *answer = answers[i];
      ssize_t n = read(fds[i], answer + got[i], sizeof answers[i] - 1 - got[i]);
      if (n <= 0) { fprintf(stderr, "the server closed connection %d\n", i); return 1; }
      got[i] += n;
      answer[got[i]] = 0;
      // complete once the head and Content-Length bytes of body are in
      char *head_end = strstr(answer, "\r\n\r\n");
      if (!head_end) {
        if (got[i] == sizeof answers[i] - 1) { fprintf(stderr, "a head too long for a create's answer\n"); return 1; }
        continue;
      }
      char *length = strcasestr(answer, "\r\ncontent-length:");
      if (strncmp(answer, "HTTP/1.1 200 ", 13) != 0 || !length || length > head_end) {
        fprintf(stderr, "not a 200 with a Content-Length:\n%s\n", answer);
        return 1;
      }
      if (got[i] < head_end + 4 - answer + atol(length + 17)) {
        if (got[i] == sizeof answers[i] - 1) { fprintf(stderr, "an answer too long for a create's\n"); return 1; }
        continue;
      }
      got[i] = 0;
      double latency = now_ms(CLOCK_MONOTONIC) - sent[i];
      answered++;
      tenths[latency >= 99.9 ? 999 : (int) (latency * 10)]++;
      if (latency >= slow_ms) { slow++; printf("%.3f %.2f %d\n", now_ms(CLOCK_REALTIME) - latency, latency, i); }
      send_create(i);
    }
  }
  if (answered == 0) { fprintf(stderr, "nothing answered\n"); return 1; }
  long seen = 0;
  int p99 = 0;
  while (p99 < 999 && (seen += tenths[p99]) < answered * 0.99) p99++;
  fprintf(stderr, "answered %ld (%.0f/s), %ld of them in %.1f ms or more; ", answered, answered / seconds, slow, slow_ms);
  if (p99 == 999) fprintf(stderr, "p99 99.9 ms or more\n");
  else fprintf(stderr, "p99 below %.1f ms\n", (p99 + 1) / 10.0);
  return 0;
}
