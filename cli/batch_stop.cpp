#include "batch_stop.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace carecheck::cli {

namespace {
volatile std::sig_atomic_t requested = 0;

extern "C" void on_stop_signal(int signal) {
    requested = signal;
}
}  // namespace

void install_stop_signals() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read blocked on a pipe returns EINTR
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

void request_stop(int signal) {
    requested = signal;
}
int stop_signal() {
    return requested;
}
void clear_stop() {
    requested = 0;
}

std::string signal_name(int signal) {
    if (signal == SIGTERM)
        return "SIGTERM";
    if (signal == SIGINT)
        return "SIGINT";
    return "signal " + std::to_string(signal);
}

StoppableInput::int_type StoppableInput::underflow() {
    for (;;) {
        const ssize_t got = ::read(fd_, buffer_, sizeof buffer_);
        if (got > 0) {
            setg(buffer_, buffer_, buffer_ + got);
            return traits_type::to_int_type(buffer_[0]);
        }
        if (got < 0 && errno == EINTR && stop_signal() == 0)
            continue;               // another signal: read on
        return traits_type::eof();  // the end, an error, or a stop
    }
}

}  // namespace carecheck::cli
