// What went wrong, as data: a code and the values its sentence names. Core never
// words a problem for the player; the UI does, in the player's language, from one
// table with a Chinese and an English sentence per code (ui/messages.cpp). Adding a
// code here without its sentences there does not compile.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "core/base/date.h"

namespace chronicle {

// One value per distinct problem. The comment after a code lists its details, in
// their order ({1}, {2}, … in the sentences); no comment: no details.
enum class Problem {
    // Reading a file
    IsAFolder,
    CannotOpenFile,
    FileTooBig,       // its MiB, the limit's MiB
    CannotListFolder, // the OS's reason
    NotARegularFile,  // a pipe, a device or a socket: reading it could wait for ever
    OutOfMemory,      // the file fits the size limit, but what it holds did not fit in memory
    // JSON text
    TooDeep,                // the depth limit
    TooManyValues,          // the most values a file of its size may hold
    InvalidUtf8,            // the byte offset
    JsonCommaBeforeBracket, // the parser's own words
    JsonUnclosed,           // the parser's own words
    JsonControlCharacter,   // the parser's own words
    JsonNumberOverflow,     // the parser's own words
    JsonSyntax,             // the parser's own words
    // Pack fields
    NotAnObject,         // the record (Term), the value's kind (Term)
    MisspeltField,       // the field, the record (Term), the field meant
    UnknownField,        // the field, the record (Term)
    MissingField,        // the field, what it holds (Term)
    NotAString,          // what it holds (Term), the value's kind (Term)
    InvalidId,           // the id
    EmptyText,           // what it holds (Term)
    UndeclaredLanguage,  // the language
    TranslationNotAString, // the value's kind (Term)
    EmptyTranslation,    // what it holds (Term)
    NoTranslations,      // what it holds (Term), the default language
    NotText,             // what it holds (Term), the default language, the value's kind (Term)
    NotAnArray,          // what its items are (Term), the value's kind (Term)
    ReferenceNotAString, // what it names (Term), the value's kind (Term)
    MisspeltReference,   // what it names (Term), the id, the id meant
    UnknownReference,    // what it names (Term), the id, the list to declare it in
    DuplicateId,         // the id, the path of the first one
    UnknownFormat,       // the format given, the format to write
    UpperCasePackId,     // the id in lower case
    NotALanguageCode,
    LanguageTwice,            // the language
    NoLanguages,
    DefaultLanguageNotListed, // the language
    UnknownPersonKind,        // the kind given
    AliasNotAString,
    TagNotAString,
    EndWithoutDate,
    EventEndsBeforeItBegins, // the end (date), the start (date)
    UnknownDateSource,       // the value given
    DateSourceWithoutDate,
    EventAfterSource,        // the event's date, the source's date
    WhoWithoutActors,
    NotANumberValue,         // the value's kind (Term)
    AnswerNotABoolean,       // the value's kind (Term)
    CorrectNotABoolean,
    OptionsInTrueFalse,
    OptionCount,             // the number of options
    CorrectOptionCount,      // the number of options marked correct
    AnswerInMultipleChoice,
    UnknownQuestionType,     // the type given
    NoEvents,
    DuplicatePackId,         // the id, the path of the pack that has it
    EmptyId,
    ControlCharacter,        // the character, escaped (\x1b, \u009b)
    SameOptionText,          // the text, the path of the option that reads the same
    SameOptionTextInLanguage, // the text, the path of the option that reads the same, the language
    SameHeadline,            // one event's id, the other's
    SameHeadlineInLanguage,  // one event's id, the other's, the language
    TooManyLanguages,        // how many, the limit
    FlagNotABoolean,         // the value's kind (Term)
    // Dates in packs
    NotADateValue,    // the value's kind (Term)
    RangeWithoutEnds,
    RangeBackwards,   // the end, the start (ISO, as written)
    YearOutOfRange,   // the year
    NotADate,         // the text
    MonthOutOfRange,  // the text, the month
    DayOutOfMonth,    // the text, the month (Term), the year, the days it has, the text without its day
    // Pack warnings
    PersonUnused,           // the person's id
    EventUndated,           // the event's id
    EventsUndated,          // how many, the first few ids
    AsciiPunctuation,       // the ASCII mark, the full-width one to write instead (in Chinese text)
    MoreAsciiPunctuation,   // how many more texts have it
    WhoUnusable,            // the event's id, the actors' kind ("person", "organization", "group")
    NoOrderedEvents,
    AllEventsOneDate,       // the date
    QuoteAlone,             // the quote's id, the speaker's id, the speaker's kind
    NumberAlone,            // the number's id, its unit
    // Importing, either format
    BadIdOption,            // the id given
    BadLangOption,          // the language given
    EndBeforeStart,         // the end (date), the start (date)
    NotAMonth,              // the month
    DayWithoutMonth,
    NotADayOfMonth,         // the day, the days the month has
    SameHeadlinesDated,     // how many, their ids, the headline
    SameHeadlinesNumbered,  // how many, their ids, the headline
    NothingReadable,
    EmptyTimeline,
    NoHeadlineRows,
    TimeOfDayDropped,
    TimesOfDayDropped,      // how many
    DisplayDateKept,        // the date as shown
    DisplayDatesKept,       // how many, one date as shown
    PackTooBig,             // its MiB, the limit's MiB
    ControlCharactersRemoved, // the first one removed, escaped ("\x1b", "\u009b")
    PunctuationMadeFullWidth, // how many texts, the first mark changed, what it became
    // Notes: said after a problem, each with its own lead-in ("; …", " (…)")
    EventNotImported,
    EraNotImported,
    RowNotImported,
    TitleLeftOut,
    MissingColumn, // the column's name
    // TimelineJS
    TimelineNotAnObject, // the value's kind (Term)
    AlreadyAPack,
    TimelineJs2,
    NoEventsList,
    UnknownScale,
    SlidesNotAList,       // the value's kind (Term)
    SlideNotAnObject,     // the value's kind (Term)
    EventWithoutStart,
    EraWithoutStart,
    StartWithoutYear,
    DateNotAnObject,      // the value's kind (Term)
    DatePartNotWhole,     // the value's kind (Term)
    DatePartTextNotWhole, // the text
    DateWithoutYear,
    SlideTextNotAnObject, // the value's kind (Term)
    SlideWithoutHeadline,
    TextMemberNotAString, // the value's kind (Term)
    UniqueIdTaken,        // the slide's unique_id, the id it gets
    // CSV
    Utf16,
    InvalidUtf8InCsv,     // the byte offset
    UnclosedQuote,
    TooManyCellsInRow,    // the row, the limit
    TooManyCells,         // the limit
    EmptyFile,
    SecondColumn,         // the column's name
    UnknownColumns,       // the headers (a list)
    NoHeadlineColumn,
    ExtraCells,
    EndMonthWithoutYear,
    MonthWithoutYear,
    NotAWholeNumber,      // the cell
    EndWithoutStart,
    CellNotADate,         // the cell
    YearLast,             // the cell, its year
    LongMonthOrDay,       // the cell
    BcYearNotPositive,    // the cell
    NotANumber,           // the cell
    AmbiguousComma,       // the cell
    QuoteWithoutSpeaker,
    SpeakerWithoutQuote,
    NumberWithoutQuestion,
    QuestionWithoutNumber,
    WhoWithoutPeople,
    RowWithoutHeadline,
    NothingInRow,
    // Quizzes
    QuizShorter, // how many different questions the pack gives (at most), how many were asked
    // Writing files
    WriteTargetIsFolder, // the path
    CannotWrite,         // the path, the OS's reason
    CannotCreateFolder,  // the path, the OS's reason
    WriteTargetNotAFile, // the path (a device, a pipe or a socket)
    WriteTargetIsLink,   // the path, where the link points
    NoDataFolder,        // HOME (or XDG_DATA_HOME, CHRONICLE_DATA_DIR) gives no absolute folder
    FolderIsDanglingLink, // the path, where the link points
    FolderIsAFile,       // the path
    // Worksheets (game/print)
    FontUnreadable, // the bundled font's path
    PdfNotMade,     // cairo's reason
    // The save
    SaveCannotOpen,     // the path, why (Term, or SQLite's or the OS's words)
    SaveNotMoved,       // the path, why, why it could not move
    SaveMovedNoNewSave, // the path, why, where it went, why no new save
    SaveMovedAside,     // the path, why, where it went
    SaveNewerReadOnly,   // the path
    SaveNewerUnreadable, // the path
    SaveReadOnly,        // the path, why (Term, or the OS's words)
    SaveFolderReadOnly,  // the folder, why (Term, or the OS's words)
    SaveHeldInMemory,    // the path, why (Term, or SQLite's words)
    SaveFolderNotMade,   // the folder, why (Term, or the OS's words)
    SettingNotRead,     // the key, the reason (Term, or SQLite's words)
    SettingsNotSaved,   // the reason (Term, or SQLite's words)
    GameNotSaved,       // the reason (Term, or SQLite's words)
    BestScoreNotRead,   // the reason (Term, or SQLite's words)
    GamesNotListed,     // the reason (Term, or SQLite's words)
    GameNotRead,        // the reason (Term, or SQLite's words)
    AnswersNotRead,     // the reason (Term, or SQLite's words)
    GamesNotCounted,    // the reason (Term, or SQLite's words)
    StudyAnswerNotSaved, // the reason (Term, or SQLite's words)
    TimelineRunNotSaved, // the reason (Term, or SQLite's words)
    ProgressNotRead,     // the reason (Term, or SQLite's words)
    ExportTargetExists,  // the path (a progress file is never written over anything)
    ProgressNotExported, // the path, the reason (Term, or SQLite's or the OS's words)
    ProgressNotImported, // the path, why (Term: not a save, damaged, newer…; or SQLite's or the OS's words)
    Count
};

// Words a sentence names that are not the input's own: kinds of JSON value, what a
// field holds, month names, why a save is unusable. The UI translates them too.
enum class Term {
    // Kinds of JSON value (json_kind())
    JsonNull,
    JsonObject,
    JsonArray,
    JsonString,
    JsonBoolean,
    JsonDecimal,
    JsonNumber,
    // Records of a pack
    PackRecord,
    SourceRecord,
    PersonRecord,
    EventRecord,
    QuoteRecord,
    NumberRecord,
    QuestionRecord,
    OptionRecord,
    DateRange,
    // What a reference names, and lists of records
    Person,
    Event,
    People,
    Events,
    Quotes,
    Numbers,
    Questions,
    // What a field holds
    PackFormat,
    PackId,
    PackVersion,
    PackLicence,
    PackLanguages,
    DefaultLanguage,
    SchemaPath,
    PackTitle,
    PackDescription,
    PackAuthor,
    PackEvents,
    SourceTitle,
    SourceUrl,
    SourceNote,
    LanguageCodes,
    PersonId,
    PersonKind,
    PersonName,
    Aliases,
    DisplayName,
    PersonDescription,
    EventId,
    DateSource,
    DateNote,
    Headline,
    EventText,
    ActorIds,
    WhoPhrase,
    Tags,
    QuoteId,
    QuoteText,
    Speaker,
    Catchphrase,
    NumberId,
    NumberValue,
    Unit,
    NumberQuestion,
    QuestionId,
    QuestionType,
    Prompt,
    Explanation,
    QuestionEvents,
    TrueOrFalse,
    Options,
    OptionList,
    OptionText,
    // Months, for DayOutOfMonth
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
    // Why a save cannot be used
    SaveIsFolder,
    SaveNotAFile,
    SaveNotADatabase,
    SaveDamaged,
    SaveFromNewerVersion,
    SaveNotChronicle,
    SaveWithoutTables,
    // Why a save cannot be written or opened just now
    PermissionDenied,
    ReadOnlyFileSystem,
    DiskFull,
    LockedByAnotherProgram,
    IoError,
    Count
};

// A value a sentence names: text shown as it is (from the input, or an OS or SQLite
// reason: technical, untranslated); a term, translated; a date, written in the
// reader's language; names, each quoted.
using Detail = std::variant<std::string, Term, DateSpec, std::vector<std::string>>;

struct Issue {
    Problem problem{};
    std::vector<Detail> details = {}; // in the order the comment on `problem` gives
};

} // namespace chronicle
