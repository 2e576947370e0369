// The player's days, for "due today", daily limits, streaks and the calendar: a day
// begins at 4 a.m. local time (as Anki's does), so a late night counts with the evening.
#pragma once
#include <cstdint>

namespace chronicle {

constexpr int64_t kDayRolloverSeconds = 4 * 3600;

// Days since 1970-01-01 (a day starting at 4 a.m.) at `unix_seconds`, for a place
// `utc_offset_seconds` ahead of UTC.
inline int64_t study_day(int64_t unix_seconds, int32_t utc_offset_seconds) {
    const int64_t local = unix_seconds + utc_offset_seconds - kDayRolloverSeconds;
    return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}
// When study day `day` begins, in Unix seconds.
inline int64_t study_day_start(int64_t day, int32_t utc_offset_seconds) {
    return day * 86400 + kDayRolloverSeconds - utc_offset_seconds;
}

} // namespace chronicle
