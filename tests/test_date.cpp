#include <catch2/catch.hpp>

#include "core/base/date.h"
#include "core/base/rng.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::Details;

namespace {

PartialDate parse(const std::string& s) {
    Issue why;
    auto d = parse_partial_date(s, why);
    INFO(s << ": " << Catch::StringMaker<Problem>::convert(why.problem));
    REQUIRE(d);
    return *d;
}

Issue parse_error(const std::string& s) {
    Issue why;
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
    const Issue feb30 = parse_error("2023-02-30");
    CHECK(feb30.problem == Problem::DayOutOfMonth);
    CHECK(feb30.details == Details{"2023-02-30", Term::February, "2023", "28", "2023-02"});
    CHECK(parse_error("1900-02-29").details == Details{"1900-02-29", Term::February, "1900", "28", "1900-02"});
    CHECK(parse("2000-02-29").day == 29);
    CHECK(parse("2024-02-29").day == 29);
    CHECK(parse_error("2023-13").problem == Problem::MonthOutOfRange);
    CHECK(parse_error("2023-13").details == Details{"2023-13", "13"});
    CHECK(parse_error("2023-00").details == Details{"2023-00", "0"});
    CHECK(parse_error("2023-04-31").details == Details{"2023-04-31", Term::April, "2023", "30", "2023-04"});
    for (const char* bad : {"2023-1-5", "", "autumn 2022", "2023-11-17T10:00", "1234567890123" /* 13 digits */}) {
        INFO(bad);
        CHECK(parse_error(bad).problem == Problem::NotADate);
        CHECK(parse_error(bad).details == Details{bad});
    }
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
    Issue why;
    const auto big_bang = year_date(-13'800'000'000, why);
    REQUIRE(big_bang);
    const DateSpec bang{*big_bang, *big_bang};
    CHECK(before(bang.interval(), single("-0001").interval()));
    CHECK(bang.interval().latest - bang.interval().earliest == 365); // divisible by 400: a leap year
    CHECK(format_date(bang, "en") == "13.8 billion years ago");
    CHECK(format_date(bang, "zh") == "约138亿年前");
    CHECK_FALSE(year_date(-kMaxAbsYear - 1, why));
    CHECK(why.problem == Problem::YearOutOfRange);
    CHECK(why.details == Details{"-1000000000000"});
    CHECK(format_date(single("-0043-03-15"), "en") == "15 March 44 BC");
    CHECK(format_date(single("-0043"), "zh") == "公元前44年");
    CHECK(format_date(single("0"), "en") == "1 BC");
}

TEST_CASE("Dates read naturally in Chinese and English", "[date]") {
    CHECK(format_date(single("2023-11-17"), "zh") == "2023年11月17日");
    CHECK(format_date(single("2023-11-17"), "en") == "17 November 2023");
    CHECK(format_date(single("2023-07"), "en") == "July 2023");
    CHECK(format_date(single("2023"), "zh") == "2023年");
}

TEST_CASE("An uncertain date and an event that lasted never read alike", "[date]") {
    GIVEN("a range: one day somewhere within it") {
        const DateSpec days{parse("2022-11-30"), parse("2022-12-05")};
        CHECK(format_date(days, "en") == "between 30 November and 5 December 2022");
        CHECK(format_date(days, "zh") == "2022年11月30日至12月5日之间");
        CHECK(format_date(DateSpec{parse("2022-11-30"), parse("2022-12")}, "en") == "between 30 November and December 2022");
        CHECK(format_date(DateSpec{parse("2023-05-03"), parse("2023-05-09")}, "en") == "between 3 and 9 May 2023");
        CHECK(format_date(DateSpec{parse("2023-05-03"), parse("2023-05-09")}, "zh") == "2023年5月3日至9日之间");
        CHECK(format_date(DateSpec{parse("2022-12"), parse("2023-03")}, "en") == "between December 2022 and March 2023");
        CHECK(format_date(DateSpec{parse("-0500"), parse("-0450")}, "zh") == "公元前501年至公元前451年之间");
    }
    GIVEN("an event that lasted from one day to another") {
        CHECK(format_lasted(single("2022-11-30"), single("2022-12-05"), "en") == "30 November – 5 December 2022");
        CHECK(format_lasted(single("2022-11-30"), single("2022-12-05"), "zh") == "从2022年11月30日持续到12月5日");
        CHECK(format_lasted(single("1939"), single("1945"), "en") == "1939 – 1945");
        CHECK(format_lasted(single("1939-09-01"), single("1945-09-02"), "en") == "1 September 1939 – 2 September 1945");
        const DateSpec unsure{parse("1939"), parse("1940")};
        CHECK(format_lasted(unsure, single("1945"), "en") == "from between 1939 and 1940 to 1945");
    }
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
        Issue why;
        const PartialDate bang = *year_date(-13'800'000'000, why);
        const DateSpec s = shift_date({bang, bang}, 1).value();
        CHECK(format_date(s, "en") == "13.7 billion years ago");
    }
    SECTION("a deep-time range moves by at least its own length, in whole steps") {
        Issue why;
        const DateSpec earth{*year_date(-4'600'000'000, why), *year_date(-4'500'000'000, why)};
        const DateSpec s = shift_date(earth, 1).value();
        CHECK_FALSE(overlap(s.interval(), earth.interval()));
        // 100,000,001 years, rounded up to whole steps of 10 million: 110 million.
        CHECK(s.from.year == -4'490'000'000);
        CHECK(format_date(s, "en") == "between 4.49 billion years ago and 4.39 billion years ago");
    }
    SECTION("a shift that would leave the supported years is refused, not overflowed") {
        Issue why;
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
