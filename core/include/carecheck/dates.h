// Calendar dates as YYYY-MM-DD strings: validation, ages, and the day someone turns N.
#pragma once

#include <optional>
#include <string>

namespace carecheck {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// Whether `text` has the form YYYY-MM-DD, whatever its numbers (2026-13-45 has it).
bool has_date_form(const std::string& text);
/// Parses a real calendar date in the form YYYY-MM-DD (years 1800–2200); nullopt otherwise.
std::optional<Date> parse_date(const std::string& text);
std::string format_date(const Date& date);

/// Days since 1970-01-01 (negative before): dates compare and are stored as these numbers.
int day_number(const Date& date);
Date date_from_day_number(int days);

/// Whole years from `birth` to `on` (the age on that day); negative if `on` is before birth.
int years_between(const Date& birth, const Date& on);

/// The day someone born on `birth` turns `years` old. A 29 February birthday falls on
/// 1 March in common years.
Date anniversary(const Date& birth, int years);

}  // namespace carecheck
