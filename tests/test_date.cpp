#include <catch2/catch.hpp>

#include "core/base/date.h"
#include "core/base/rng.h"

using namespace chronicle;

namespace {

PartialDate parse(const std::string& s) {
    std::string why;
    auto d = parse_partial_date(s, why);
    INFO(s << ": " << why);
    REQUIRE(d);
    return *d;
}

std::string parse_error(const std::string& s) {
    std::string why;
    auto d = parse_partial_date(s, why);
    REQUIRE_FALSE(d);
    return why;
}

DateSpec single(const std::string& s) {
    const PartialDate d = parse(s);
    return {d, d};
}

} // namespace

TEST_CASE("Partial ISO dates parse at their precision", "[date]") {
    CHECK(parse("2023").precision() == Precision::Year);
    CHECK(parse("2023-07").precision() == Precision::Month);
    CHECK(parse("2023-11-17").precision() == Precision::Day);
    const PartialDate d = parse("2023-11-17");
    CHECK(d.year == 2023);
    CHECK(d.month == 11);
    CHECK(d.day == 17);
    CHECK(parse("-0044-03-15").year == -44);
    CHECK(parse("0").year == 0);
    CHECK(iso(parse("-0044-03-15")) == "-0044-03-15");
    CHECK(iso(parse("2023-07")) == "2023-07");
}

TEST_CASE("Malformed and impossible dates are refused with a reason", "[date]") {
    CHECK_THAT(parse_error("2023-02-30"), Catch::Contains("February 2023 has 28 days"));
    CHECK_THAT(parse_error("2023-02-30"), Catch::Contains("\"2023-02\""));
    CHECK_THAT(parse_error("1900-02-29"), Catch::Contains("28 days"));
    CHECK(parse("2000-02-29").day == 29);
    CHECK(parse("2024-02-29").day == 29);
    CHECK_THAT(parse_error("2023-13"), Catch::Contains("months are 01 to 12"));
    CHECK_THAT(parse_error("2023-00"), Catch::Contains("months are 01 to 12"));
    CHECK_THAT(parse_error("2023-1-5"), Catch::Contains("YYYY-MM-DD"));
    CHECK_THAT(parse_error("2023-04-31"), Catch::Contains("30 days"));
    CHECK_THAT(parse_error(""), Catch::Contains("not a date"));
    CHECK_THAT(parse_error("autumn 2022"), Catch::Contains("not a date"));
    CHECK_THAT(parse_error("2023-11-17T10:00"), Catch::Contains("not a date"));
    CHECK_THAT(parse_error("1234567890123"), Catch::Contains("not a date")); // 13 digits
}

TEST_CASE("Every date is an interval of days", "[date]") {
    GIVEN("a month") {
        const DayInterval july = single("2023-07").interval();
        THEN("it runs from its first to its last day") {
            CHECK(july.earliest == days_from_civil(2023, 7, 1));
            CHECK(july.latest == days_from_civil(2023, 7, 31));
        }
    }
    GIVEN("a year and a day inside it") {
        const DayInterval year = single("2023").interval();
        const DayInterval day = single("2023-11-17").interval();
        THEN("they overlap, so they cannot be ordered") {
            CHECK(overlap(year, day));
            CHECK_FALSE(before(year, day));
            CHECK_FALSE(before(day, year));
        }
    }
    GIVEN("a range") {
        const DateSpec autumn{parse("2022-09"), parse("2022-11")};
        THEN("it spans both ends and its precision is the coarsest end") {
            CHECK(autumn.interval().earliest == days_from_civil(2022, 9, 1));
            CHECK(autumn.interval().latest == days_from_civil(2022, 11, 30));
            CHECK(autumn.is_range());
            CHECK(DateSpec{parse("2022-11-30"), parse("2022-12")}.precision() == Precision::Month);
        }
        THEN("it is before a later day and overlaps a day inside it") {
            CHECK(before(autumn.interval(), single("2022-12-01").interval()));
            CHECK(overlap(autumn.interval(), single("2022-10-15").interval()));
        }
    }
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);
}

TEST_CASE("Civil dates round-trip through day numbers, deep time included", "[date]") {
    Rng rng(2024);
    for (int i = 0; i < 20000; ++i) {
        const int64_t span = i % 2 ? 5'000'000'000'000LL : 1'000'000;
        const int64_t day = rng.between(-span, span);
        int64_t y;
        int m, d;
        civil_from_days(day, y, m, d);
        REQUIRE(m >= 1);
        REQUIRE(m <= 12);
        REQUIRE(d >= 1);
        REQUIRE(d <= days_in_month(y, m));
        CHECK(days_from_civil(y, m, d) == day);
    }
}

TEST_CASE("Deep time and negative years", "[date]") {
    std::string why;
    const auto big_bang = year_date(-13'800'000'000, why);
    REQUIRE(big_bang);
    const DateSpec bang{*big_bang, *big_bang};
    CHECK(before(bang.interval(), single("-0001").interval()));
    CHECK(bang.interval().latest - bang.interval().earliest == 365); // divisible by 400: a leap year
    CHECK(format_date(bang, "en") == "13.8 billion years ago");
    CHECK(format_date(bang, "zh") == "约138亿年前");
    CHECK_FALSE(year_date(-kMaxAbsYear - 1, why));
    CHECK_THAT(why, Catch::Contains("out of range"));
    CHECK(format_date(single("-0043-03-15"), "en") == "15 March 44 BC");
    CHECK(format_date(single("-0043"), "zh") == "公元前44年");
    CHECK(format_date(single("0"), "en") == "1 BC");
}

TEST_CASE("Dates read naturally in Chinese and English", "[date]") {
    CHECK(format_date(single("2023-11-17"), "zh") == "2023年11月17日");
    CHECK(format_date(single("2023-11-17"), "en") == "17 November 2023");
    CHECK(format_date(single("2023-07"), "en") == "July 2023");
    CHECK(format_date(single("2023"), "zh") == "2023年");
    const DateSpec range{parse("2022-11-30"), parse("2022-12")};
    CHECK(format_date(range, "en") == "30 November 2022 – December 2022");
    CHECK(format_date(range, "zh") == "2022年11月30日 至 2022年12月");
}

TEST_CASE("Shifting a date by whole widths never overlaps it", "[date]") {
    const std::vector<DateSpec> dates = {
        single("2023-11-17"),
        single("2023-07"),
        single("2023"),
        single("2024-02-29"),
        {parse("2022-11-30"), parse("2022-12")},
        {parse("2022-12"), parse("2023-03")},
        {parse("2022-11-30"), parse("2022-12-05")},
        {parse("-0500"), parse("-0450")},
    };
    for (const DateSpec& d : dates) {
        for (int spans : {-3, -2, -1, 1, 2, 3}) {
            const DateSpec s = shift_date(d, spans).value();
            INFO(iso(d.from) << ".." << iso(d.to) << " shifted by " << spans << " -> " << iso(s.from) << ".." << iso(s.to));
            CHECK_FALSE(overlap(s.interval(), d.interval()));
            CHECK(s.precision() == d.precision());
            CHECK((spans < 0 ? before(s.interval(), d.interval()) : before(d.interval(), s.interval())));
        }
    }
    SECTION("a month shift of a day clamps it to the month's end") {
        const DateSpec s = shift_date(single("2023-03-31"), -1).value();
        CHECK(iso(s.from) == "2023-03-30"); // day precision: moved by one day
        const DateSpec m = shift_date({parse("2022-11-30"), parse("2022-12")}, 1).value(); // month unit, width 2
        CHECK(iso(m.from) == "2023-01-30");
        CHECK(iso(m.to) == "2023-02");
    }
    SECTION("deep time moves far enough for its text to change") {
        std::string why;
        const PartialDate bang = *year_date(-13'800'000'000, why);
        const DateSpec s = shift_date({bang, bang}, 1).value();
        CHECK(format_date(s, "en") == "13.7 billion years ago");
    }
    SECTION("a deep-time range moves by at least its own length, in whole steps") {
        std::string why;
        const DateSpec earth{*year_date(-4'600'000'000, why), *year_date(-4'500'000'000, why)};
        const DateSpec s = shift_date(earth, 1).value();
        CHECK_FALSE(overlap(s.interval(), earth.interval()));
        // 100,000,001 years, rounded up to whole steps of 10 million: 110 million.
        CHECK(s.from.year == -4'490'000'000);
        CHECK(format_date(s, "en") == "4.49 billion years ago – 4.39 billion years ago");
    }
    SECTION("a shift that would leave the supported years is refused, not overflowed") {
        std::string why;
        const PartialDate oldest = *year_date(-kMaxAbsYear, why), newest = *year_date(kMaxAbsYear, why);
        CHECK_FALSE(shift_date({oldest, oldest}, -1));
        CHECK_FALSE(shift_date({oldest, newest}, 3));
        CHECK_FALSE(shift_date({newest, newest}, 1));
        CHECK(shift_date({newest, newest}, -1));
    }
}

TEST_CASE("PCG32 matches the reference implementation", "[rng]") {
    // pcg32-demo from pcg-c-basic: pcg32_srandom_r(&rng, 42, 54).
    Rng rng(42, 54);
    for (uint32_t expected : {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu})
        CHECK(rng.next() == expected);
}

TEST_CASE("Bounded draws cover their range evenly", "[rng]") {
    Rng rng(7);
    int counts[6] = {};
    for (int i = 0; i < 60000; ++i) ++counts[rng.below(6)];
    for (int c : counts) {
        CHECK(c > 9500);
        CHECK(c < 10500);
    }
}
