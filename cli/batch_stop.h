// Stopping a batch cleanly: SIGTERM or SIGINT (a scheduler's stop, Ctrl+C) asks `carecheck batch`
// to stop at the next line boundary instead of dying mid-line. The run then writes out every
// whole line it has, the --summary with "complete": false, and exits 128 + the signal's number.
#pragma once

#include <cstddef>
#include <streambuf>
#include <string>

namespace carecheck::cli {

/// Makes SIGTERM and SIGINT ask for a stop (without SA_RESTART, so a blocked read returns).
void install_stop_signals();
/// Asks for a stop as `signal` would (tests; the handlers call it too).
void request_stop(int signal);
/// The signal that asked for a stop, or 0.
int stop_signal();
/// Forgets a stop that was asked for (tests run several batches in one process).
void clear_stop();
/// "SIGTERM", "SIGINT" or "signal N".
std::string signal_name(int signal);

/// A file descriptor as a stream buffer (stdin for the CLI): unlike std::cin, a read that a stop
/// signal interrupts ends the input instead of being retried, so a batch waiting on a pipe
/// stops too.
class StoppableInput : public std::streambuf {
public:
    explicit StoppableInput(int fd) : fd_(fd) {}

protected:
    int_type underflow() override;

private:
    int fd_;
    char buffer_[64 * 1024];
};

}  // namespace carecheck::cli
