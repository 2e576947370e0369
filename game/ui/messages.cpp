#include "ui/messages.h"

#include <algorithm>
#include <iterator>

namespace chronicle::ui {

namespace {

// {code, Chinese, English}, a line per code in the enum's order, which the
// static_asserts below hold the tables to.
template <class Code> struct Words {
    Code code;
    const char* zh;
    const char* en;
    const char* in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

// A sentence per Problem. {1}, {2}, … are the Issue's details, in the order the
// enum's comments give; a note's words start with their own lead-in.
constexpr Words<Problem> kSentences[] = {
    // Reading a file
    {Problem::IsAFolder, "这是文件夹；请指定文件", "this is a folder; give a file"},
    {Problem::CannotOpenFile, "无法打开文件；请检查路径", "cannot open the file; check the path"},
    {Problem::FileTooBig, "文件有 {1} MiB；Chronicle 最多读取 {2} MiB 的文件（请拆成几个题包）",
     "the file is {1} MiB; Chronicle reads files of at most {2} MiB (split it into several packs)"},
    {Problem::CannotListFolder, "无法列出文件夹的内容：{1}", "cannot list the folder: {1}"},
    {Problem::NotARegularFile, "这不是普通文件（而是管道、设备或套接字），读取它可能会一直等待；请指定一个普通文件",
     "this is not a regular file (it is a pipe, a device or a socket) and reading it could wait for ever; give a regular file"},
    {Problem::OutOfMemory, "内存不足，无法读完这个文件；请把它拆成几个较小的题包",
     "there was not enough memory to read this file; split it into several smaller packs"},
    // JSON text
    {Problem::TooDeep, "括号嵌套超过 {1} 层；题包和时间线都用不到这么多层",
     "brackets nest deeper than {1} levels; no pack or timeline needs that many"},
    {Problem::TooManyValues, "对这么大的文件来说，其中的值太多（超过 {1} 个），无法全部放进内存；请把它拆成几个题包",
     "the file holds too many values for its size (over {1}) to keep in memory; split it into several packs"},
    {Problem::InvalidUtf8, "字节偏移 {1} 处不是有效的 UTF-8；请把文件另存为 UTF-8",
     "invalid UTF-8 at byte offset {1}; save the file as UTF-8"},
    {Problem::JsonCommaBeforeBracket, "JSON 语法错误：{1}（JSON 中右括号前不能有逗号，请删掉它）",
     "JSON syntax: {1} (a comma before a closing bracket is not allowed in JSON; remove it)"},
    {Problem::JsonUnclosed, "JSON 语法错误：{1}（有括号或引号没有闭合）", "JSON syntax: {1} (a bracket or quote is not closed)"},
    {Problem::JsonControlCharacter, "JSON 语法错误：{1}（字符串里的换行要写成 \\n）",
     "JSON syntax: {1} (write a line break inside a string as \\n)"},
    {Problem::JsonNumberOverflow, "JSON 语法错误：{1}（数字太大；如果不是数量，请写成文字）",
     "JSON syntax: {1} (the number is too large; write it as text if it is not a quantity)"},
    {Problem::JsonSyntax, "JSON 语法错误：{1}（请检查附近是否缺了逗号或引号）",
     "JSON syntax: {1} (look for a missing comma or quote near here)"},
    // Pack fields
    {Problem::NotAnObject, "{1}必须是对象 {…}，而不是{2}", "{1} must be an object {…}, not {2}"},
    {Problem::MisspeltField, "{2}中有未知字段「{1}」；是不是想写「{3}」？",
     "unknown field \"{1}\" in {2}; did you mean \"{3}\"?"},
    {Problem::UnknownField, "{2}中有未知字段「{1}」；请删掉它，或对照 questions/README.md 检查拼写",
     "unknown field \"{1}\" in {2}; remove it or check the spelling in questions/README.md"},
    {Problem::MissingField, "缺少必填字段「{1}」（{2}）", "missing required field \"{1}\" ({2})"},
    {Problem::NotAString, "必须是字符串（{1}），而不是{2}", "must be a string ({1}), not {2}"},
    {Problem::InvalidId, "「{1}」不是有效的 ID：只能用字母、数字、「.」「_」或「-」（最多 64 个字符，以字母或数字开头）",
     "\"{1}\" is not a valid id: use letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)"},
    {Problem::EmptyText, "内容为空（这里应写：{1}）", "{1} is empty"},
    {Problem::UndeclaredLanguage, "语言「{1}」没有声明；请把它加进「languages」，或改正语言代码",
     "language \"{1}\" is not declared; add it to \"languages\" or fix the code"},
    {Problem::TranslationNotAString, "必须是字符串，而不是{1}", "must be a string, not {1}"},
    {Problem::EmptyTranslation, "内容为空（这里应写：{1}）；请写上文字，或去掉这种语言",
     "{1} is empty; write the text or leave the language out"},
    {Problem::NoTranslations, "没有任何文字（这里应写：{1}）；请写成 {\"{2}\": \"…\"}",
     "{1} has no text; write {\"{2}\": \"…\"}"},
    {Problem::NotText, "这里应写：{1}；必须是字符串或「语言 → 文字」的对象，例如 {\"{2}\": \"…\"}，而不是{3}",
     "{1} must be a string or an object of language → text, such as {\"{2}\": \"…\"}, not {3}"},
    {Problem::NotAnArray, "必须是数组 [...]，元素为{1}，而不是{2}", "must be an array [...] of {1}, not {2}"},
    {Problem::ReferenceNotAString, "必须是{1} ID（字符串），而不是{2}", "must be {1} id (a string), not {2}"},
    {Problem::MisspeltReference, "未知的{1}「{2}」；是不是想写「{3}」？", "unknown {1} \"{2}\"; did you mean \"{3}\"?"},
    {Problem::UnknownReference, "未知的{1}「{2}」；请在「{3}」中声明", "unknown {1} \"{2}\"; declare it in \"{3}\""},
    {Problem::DuplicateId, "ID「{1}」重复（{2} 也用了它）；请给每一项不同的 ID",
     "duplicate id \"{1}\" (also {2}); give each its own id"},
    {Problem::UnknownFormat, "「{1}」不是这个版本能读取的题包格式；请写「{2}」",
     "\"{1}\" is not a pack format this version reads; write \"{2}\""},
    {Problem::UpperCasePackId, "题包 ID 只能用小写（它用作文件和文件夹的名字）；请写「{1}」",
     "a pack id is lower case (it names files and folders); write \"{1}\""},
    {Problem::NotALanguageCode, "必须是语言代码，例如「zh」或「en」", "must be a language code such as \"zh\" or \"en\""},
    {Problem::LanguageTwice, "语言「{1}」列出了两次", "language \"{1}\" is listed twice"},
    {Problem::NoLanguages, "请至少声明一种语言，例如 [\"en\"]", "declare at least one language, e.g. [\"en\"]"},
    {Problem::DefaultLanguageNotListed, "「{1}」不在「languages」中；请把它加进去，或从中选一种",
     "\"{1}\" is not in \"languages\"; add it there or pick one of them"},
    {Problem::UnknownPersonKind, "「{1}」不是有效的类型；请写「person」「organization」或「group」",
     "\"{1}\" is not a kind; write \"person\", \"organization\" or \"group\""},
    {Problem::AliasNotAString, "别名必须是字符串", "an alias must be a string"},
    {Problem::TagNotAString, "标签必须是字符串", "a tag must be a string"},
    {Problem::EndWithoutDate, "有「end」的事件需要「date」表示开始时间；请加上，或删掉「end」",
     "an event with an \"end\" needs a \"date\" when it began; add one, or remove \"end\""},
    {Problem::EventEndsBeforeItBegins, "事件的结束时间（{1}）早于开始时间（{2}）；请检查这两个日期",
     "the event ends ({1}) before it begins ({2}); check both dates"},
    {Problem::UnknownDateSource, "「{1}」不是有效的日期来源；请写「source」（来源里写明的）、「public_record」（公开记录）或「estimate」（编者估计）",
     "\"{1}\" is not a date source; write \"source\" (stated in the source), \"public_record\" or \"estimate\" (an editor's estimate)"},
    {Problem::DateSourceWithoutDate, "没有「date」的事件不需要「date_source」；请加上日期，或删掉「date_source」",
     "an event without a \"date\" has no \"date_source\"; add the date, or remove \"date_source\""},
    {Problem::EventAfterSource, "事件的日期（{1}）晚于来源的日期（{2}），来源不可能写到它；请检查这两个日期",
     "the event's date ({1}) is after the source's date ({2}), so the source cannot tell of it; check both dates"},
    {Problem::WhoWithoutActors, "「who」问句需要「actors」：回答它的人物",
     "a \"who\" phrase needs \"actors\": the people who answer it"},
    {Problem::NotANumberValue, "必须是数字，例如 1000000（不加引号，不加逗号），而不是{1}",
     "must be a number such as 1000000 (no quotes, no commas), not {1}"},
    {Problem::AnswerNotABoolean, "必须是 true 或 false，而不是{1}", "must be true or false, not {1}"},
    {Problem::CorrectNotABoolean, "必须是 true 或 false", "must be true or false"},
    {Problem::OptionsInTrueFalse, "判断题（true_false）没有选项；请删掉它们",
     "a true_false question has no options; remove them"},
    {Problem::OptionCount, "选择题需要 2 到 6 个选项，而不是 {1} 个",
     "a multiple-choice question needs 2 to 6 options, not {1}"},
    {Problem::CorrectOptionCount, "必须恰好有一个选项带 \"correct\": true（现有 {1} 个）",
     "exactly one option must have \"correct\": true (found {1})"},
    {Problem::AnswerInMultipleChoice, "「answer」只用于判断题（true_false）；选择题请给正确的选项加上 \"correct\": true",
     "\"answer\" is for true_false; mark the right option with \"correct\": true"},
    {Problem::UnknownQuestionType, "「{1}」不是题型；请写「multiple_choice」或「true_false」",
     "\"{1}\" is not a question type; write \"multiple_choice\" or \"true_false\""},
    {Problem::NoEvents, "题包至少需要一个事件", "a pack needs at least one event"},
    {Problem::DuplicatePackId, "题包 ID「{1}」已被 {2} 使用；这一份没有加载（请换一个 ID）",
     "pack id \"{1}\" is already used by {2}; this copy is not loaded (give it another id)"},
    {Problem::EmptyId, "ID 不能为空；请填写 ID：只能包含字母、数字、「.」「_」或「-」（最多 64 个字符，以字母或数字开头）",
     "the id is empty; give one: letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)"},
    {Problem::ControlCharacter,
     "含有控制字符 {1}，终端会把它当成指令；请删掉它（只有事件正文、简介、说明和解释可以换行或用制表符）",
     "holds the control character {1}, which a terminal would act on; remove it (only an event's text, "
     "descriptions, notes and explanations may hold line breaks and tabs)"},
    {Problem::SameOptionText, "这个选项和 {2} 都是「{1}」，玩家无法分辨；请让各选项的文字各不相同",
     "this option reads \"{1}\", like {2}, so the player cannot tell them apart; make every option different"},
    {Problem::SameOptionTextInLanguage, "这个选项的 {3} 文字和 {2} 都是「{1}」，玩家无法分辨；请让各选项的文字各不相同",
     "this option reads \"{1}\" in {3}, like {2}, so the player cannot tell them apart; make every option different"},
    {Problem::SameHeadline,
     "事件「{1}」和「{2}」的标题相同，同时出现在一道题里时无法区分；请改得不同，例如加上地点或日期",
     "events \"{1}\" and \"{2}\" have the same headline, so a question that shows both cannot be told apart; "
     "make them different, e.g. add the place or the date"},
    {Problem::SameHeadlineInLanguage,
     "事件「{1}」和「{2}」的 {3} 标题相同，同时出现在一道题里时无法区分；请改得不同，例如加上地点或日期",
     "events \"{1}\" and \"{2}\" have the same headline in {3}, so a question that shows both cannot be told "
     "apart; make them different, e.g. add the place or the date"},
    {Problem::TooManyLanguages, "列出了 {1} 种语言；一个题包最多 {2} 种（请拆成几个题包）",
     "{1} languages are listed; a pack has at most {2} (split it into several packs)"},
    {Problem::FlagNotABoolean, "必须是 true 或 false，而不是{1}", "must be true or false, not {1}"},
    // Dates in packs
    {Problem::NotADateValue,
     "日期必须是字符串，例如「2023-11-17」「2023-07」或「2023」，或者是整数年份，例如 -13800000000，而不是{1}",
     "a date must be a string such as \"2023-11-17\", \"2023-07\" or \"2023\", or a whole year such as -13800000000, "
     "not {1}"},
    {Problem::RangeWithoutEnds, "日期范围需要同时有「from」和「to」，例如 {\"from\": \"2022-09\", \"to\": \"2022-11\"}",
     "a date range needs both \"from\" and \"to\", e.g. {\"from\": \"2022-09\", \"to\": \"2022-11\"}"},
    {Problem::RangeBackwards, "范围的结束（{1}）早于开始（{2}）；请对调「from」和「to」",
     "the range ends ({1}) before it starts ({2}); swap \"from\" and \"to\""},
    {Problem::YearOutOfRange, "年份 {1} 超出范围（最多 12 位数字）", "year {1} is out of range (at most 12 digits)"},
    {Problem::NotADate, "「{1}」不是日期；请写成「YYYY」「YYYY-MM」或「YYYY-MM-DD」（例如「2023-11-17」）",
     "\"{1}\" is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" (e.g. \"2023-11-17\")"},
    {Problem::MonthOutOfRange, "「{1}」的月份是 {2}；月份应为 01 到 12", "\"{1}\" has month {2}; months are 01 to 12"},
    {Problem::DayOutOfMonth, "「{1}」是不存在的日期：{3} 年 {2}只有 {4} 天；请写真实的日子，日子不明时写「{5}」",
     "\"{1}\" is impossible: {2} {3} has {4} days; write a real day, or \"{5}\" if the day is unknown"},
    // Pack warnings
    {Problem::PersonUnused,
     "没有题目能用到「{1}」：它不是任何事件的参与者，也不是任何引语的说话人，也没有哪道「谁」题的答案与它同类，能让它作为选项",
     "no question can use \"{1}\": they are no event's actor, no quote's speaker, and no \"who\" question has an "
     "answer of their kind to stand beside"},
    {Problem::EventUndated,
     "事件「{1}」没有日期，所以不会出现在排序题或「什么时候」题中；如果来源允许，请写上日期或范围 {\"from\": …, \"to\": …}",
     "event \"{1}\" has no date, so it never enters an ordering or \"when\" question; give a date or a range "
     "{\"from\": …, \"to\": …} if the source allows"},
    {Problem::EventsUndated,
     "{1} 个事件没有日期（{2} 等），所以不会出现在排序题或「什么时候」题中；如果来源允许，请写上日期或范围 "
     "{\"from\": …, \"to\": …}",
     "{1} events have no date ({2}, …), so they never enter an ordering or \"when\" question; give a date or a "
     "range {\"from\": …, \"to\": …} if the source allows"},
    {Problem::AsciiPunctuation, "中文里汉字旁的「{1}」应写成全角的「{2}」",
     "Chinese text writes \"{1}\" next to a Chinese character full width: \"{2}\""},
    {Problem::MoreAsciiPunctuation, "另有 {1} 段中文文本在汉字旁用了半角标点；请改为全角（，。：；？！（））",
     "{1} more Chinese texts have ASCII punctuation next to Chinese characters; write it full width (，。：；？！（））"},
    {Problem::WhoUnusable,
     "事件「{1}」的「谁」题出不了：题包里没有别的「{2}」能当错误选项；请在 people 里再加一个「{2}」",
     "no question can ask \"who\" of event \"{1}\": the pack has no other \"{2}\" to offer as a wrong answer; add "
     "another \"{2}\" to people"},
    {Problem::NoOrderedEvents,
     "没有哪两个事件能确定先后（有日期的事件太少，或者日期互相重叠），所以出不了排序、最早最晚和之前之后的题；请给更多事件写上日期，或者缩小日期范围",
     "no two events can be put in order (too few are dated, or their dates overlap), so there are no ordering, "
     "first/last or before/after questions; date more events, or narrow their ranges"},
    {Problem::AllEventsOneDate,
     "所有有日期的事件都在{1}：出不了排序题，「什么时候」题也只有这一个日期可选；请加上其他日期的事件",
     "every dated event is on {1}: there are no ordering questions, and \"when\" questions have no other date to "
     "offer; add events on other dates"},
    {Problem::QuoteAlone,
     "引语「{1}」出不了「谁说的」题：题包里没有别的「{3}」能和说话人「{2}」一起作为选项；请在 people 里再加一个「{3}」，例如同一件事里的另一个人",
     "quote \"{1}\" gives no \"who said it\" question: the pack has no other \"{3}\" to stand beside its speaker "
     "\"{2}\"; add another \"{3}\" to people, e.g. someone else in the same story"},
    {Problem::NumberAlone,
     "数字「{1}」是题包里唯一以「{2}」为单位的数字，它的错误选项只能是编出来的倍数（10 倍、一半等）；如果来源里还有同一单位的数字，请加上",
     "number \"{1}\" is the only one in \"{2}\": its wrong options can only be made-up multiples of it (ten times, "
     "half, …); if the source has other figures in that unit, add them"},
    // Importing, either format
    {Problem::BadIdOption, "--id「{1}」不是有效的题包 ID：只能用小写字母、数字、「.」「_」和「-」，最多 64 个字符，例如「space-race」",
     "--id \"{1}\" is not a pack id: use lower-case letters, digits, '.', '_' and '-', at most 64, e.g. "
     "\"space-race\""},
    {Problem::BadLangOption, "--lang「{1}」不是语言代码；请写例如「zh」「en」或「pt-BR」",
     "--lang \"{1}\" is not a language code; write e.g. \"zh\", \"en\" or \"pt-BR\""},
    {Problem::EndBeforeStart, "结束日期（{1}）早于开始日期（{2}）；请检查这两个日期",
     "the end ({1}) is before the start ({2}); check both dates"},
    {Problem::NotAMonth, "{1} 不是月份；请写 1 到 12，或者留空", "{1} is not a month; write 1 to 12, or leave it empty"},
    {Problem::DayWithoutMonth, "写了日就要写月份；请加上月份，或者把日留空",
     "a day needs a month; add the month, or leave the day empty"},
    {Problem::NotADayOfMonth, "{1} 不是那个月的日子（那个月有 {2} 天）；请改正，或者把日留空",
     "{1} is not a day of that month (it has {2}); fix it, or leave the day empty"},
    {Problem::SameHeadlinesDated, "{1} 个事件（{2}）的标题都是「{3}」；已加上各自的日期，以便在题目中区分",
     "{1} events ({2}) have the headline “{3}”; their dates were added to tell them apart in questions"},
    {Problem::SameHeadlinesNumbered, "{1} 个事件（{2}）的标题都是「{3}」；已加上编号，以便在题目中区分",
     "{1} events ({2}) have the headline “{3}”; numbers were added to tell them apart in questions"},
    {Problem::NothingReadable, "没有可导入的内容：一个事件也读不出来（见上面列出的问题）",
     "nothing to import: no event could be read (see the problems above)"},
    {Problem::EmptyTimeline, "没有可导入的内容：时间线的「events」列表是空的",
     "nothing to import: the timeline's \"events\" list is empty"},
    {Problem::NoHeadlineRows, "没有可导入的内容：表头下面没有一行有标题",
     "nothing to import: no row under the header has a headline"},
    {Problem::TimeOfDayDropped, "有 1 个日期带有具体时刻，已舍去：题包里的日期只精确到日",
     "1 date has a time of day, which was dropped: packs know dates to the day"},
    {Problem::TimesOfDayDropped, "有 {1} 个日期带有具体时刻，已舍去：题包里的日期只精确到日",
     "{1} dates have a time of day, which was dropped: packs know dates to the day"},
    {Problem::DisplayDateKept,
     "有 1 个事件自带显示用的日期文字（例如「{1}」），已保存为日期说明。出题时使用给出的年、月、日；日期不确定时，请在题包里给事件写一个日期范围",
     "1 event shows its date in its own words (e.g. “{1}”), kept as the date's note. Questions use the year, month "
     "and day given; where the date is uncertain, give the event a range in the pack"},
    {Problem::DisplayDatesKept,
     "有 {1} 个事件自带显示用的日期文字（例如「{2}」），已保存为日期说明。出题时使用给出的年、月、日；日期不确定时，请在题包里给事件写一个日期范围",
     "{1} events show its date in its own words (e.g. “{2}”), kept as the date's note. Questions use the year, "
     "month and day given; where the date is uncertain, give the event a range in the pack"},
    {Problem::PackTooBig, "生成的题包会有 {1} MiB，超过了题包最多 {2} MiB 的限制；请把输入拆成几个文件",
     "the pack would be {1} MiB, over the {2} MiB a pack may have; split the input into several files"},
    {Problem::ControlCharactersRemoved, "已删除文本中的控制字符（如 {1}）：题包不能含有控制字符，它们会改变终端的颜色或标题，或让终端发出提示音",
     "control characters (such as {1}) were removed from the text: a pack cannot hold them, as printed they recolour, retitle or beep a terminal"},
    {Problem::PunctuationMadeFullWidth, "{1} 段中文文本在汉字旁用了半角标点，已改为全角（如「{2}」改为「{3}」）",
     "ASCII punctuation next to Chinese characters was made full width in {1} texts (e.g. \"{2}\" became \"{3}\")"},
    // Notes
    {Problem::EventNotImported, "；这个事件没有导入", "; this event is not imported"},
    {Problem::EraNotImported, "；这个时期没有导入", "; this era is not imported"},
    {Problem::RowNotImported, "；这一行没有导入", "; the row is not imported"},
    {Problem::TitleLeftOut, "；标题没有导入", "; the title is left out"},
    {Problem::MissingColumn, "（请添加「{1}」列）", " (add a \"{1}\" column)"},
    // TimelineJS
    {Problem::TimelineNotAnObject, "TimelineJS 时间线是对象 {\"events\": [...]}，而不是{1}",
     "a TimelineJS timeline is an object {\"events\": [...]}, not {1}"},
    {Problem::AlreadyAPack, "这已经是 Chronicle 题包，不是 TimelineJS 时间线；请用「chronicle validate」检查，再复制到题包文件夹",
     "this is already a Chronicle pack, not a TimelineJS timeline; check it with 'chronicle validate' and copy it "
     "into the packs folder"},
    {Problem::TimelineJs2, "这是旧的 TimelineJS 2 格式，Chronicle 不能读取；请把时间线的 Google 表格另存为 CSV 再导入",
     "this is the older TimelineJS 2 format, which Chronicle does not read; save the timeline's Google Sheet as CSV "
     "and import that"},
    {Problem::NoEventsList, "TimelineJS 时间线应有「events」列表；这里没有",
     "a TimelineJS timeline has an \"events\" list; none is here"},
    {Problem::UnknownScale, "scale 应为「human」或「cosmological」；已按「human」读取",
     "scale is \"human\" or \"cosmological\"; read as \"human\""},
    {Problem::SlidesNotAList, "必须是列表 [...]，而不是{1}", "must be a list [...], not {1}"},
    {Problem::SlideNotAnObject, "必须是对象 {…}，而不是{1}", "must be an object {…}, not {1}"},
    {Problem::EventWithoutStart, "事件需要带年份的「start_date」", "an event needs a \"start_date\" with a year"},
    {Problem::EraWithoutStart, "时期需要带年份的「start_date」", "an era needs a \"start_date\" with a year"},
    {Problem::StartWithoutYear, "开始日期没有年份", "the start date has no year"},
    {Problem::DateNotAnObject, "必须是对象，例如 {\"year\": \"1969\", \"month\": \"7\"}，而不是{1}",
     "must be an object such as {\"year\": \"1969\", \"month\": \"7\"}, not {1}"},
    {Problem::DatePartNotWhole, "必须是整数，写成数字或字符串（\"1969\"）都可以，而不是{1}",
     "must be a whole number, as a number or in a string (\"1969\"), not {1}"},
    {Problem::DatePartTextNotWhole, "必须是整数，写成数字或字符串（\"1969\"）都可以，而不是「{1}」",
     "must be a whole number, as a number or in a string (\"1969\"), not \"{1}\""},
    {Problem::DateWithoutYear, "日期需要年份", "a date needs a year"},
    {Problem::SlideTextNotAnObject, "必须是对象 {\"headline\": …, \"text\": …}，而不是{1}",
     "must be an object {\"headline\": …, \"text\": …}, not {1}"},
    {Problem::SlideWithoutHeadline, "没有标题：题目靠标题来指代事件；请在 text.headline 中写一个",
     "no headline: questions name events by their headline; write one in text.headline"},
    {Problem::TextMemberNotAString, "必须是文字（字符串），而不是{1}", "must be text (a string), not {1}"},
    {Problem::UniqueIdTaken, "unique_id「{1}」也被另一张幻灯片使用；这一张改用 ID「{2}」",
     "unique_id \"{1}\" is used by another slide too; this one gets the id \"{2}\""},
    // CSV
    {Problem::Utf16, "文件是 UTF-16 编码；请另存为 UTF-8（Excel 中选「CSV UTF-8」）",
     "the file is UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")"},
    {Problem::InvalidUtf8InCsv,
     "字节偏移 {1} 处不是有效的 UTF-8；请把文件另存为 UTF-8（Excel 中选「CSV UTF-8」；中文版 Excel 保存的普通 CSV 是 GBK 编码）",
     "invalid UTF-8 at byte offset {1}; save the file as UTF-8 (in Excel: \"CSV UTF-8\"; a Chinese Excel saves plain "
     "CSV as GBK)"},
    {Problem::UnclosedQuote, "这个带引号的单元格没有结束；带引号的单元格里的引号要写两次（\"\"）",
     "this quoted cell is never closed; a quote inside a quoted cell is written twice (\"\")"},
    {Problem::TooManyCellsInRow, "第 {1} 行超过 {2} 个单元格；分隔符对吗？",
     "row {1} has more than {2} cells; is the separator right?"},
    {Problem::TooManyCells, "超过 {1} 个单元格；请把表格拆成几个文件", "more than {1} cells; split the sheet into several files"},
    {Problem::EmptyFile, "文件是空的", "the file is empty"},
    {Problem::SecondColumn, "出现了第二个「{1}」列；只读取第一个", "a second \"{1}\" column; only the first one is read"},
    {Problem::UnknownColumns,
     "未导入的列：{1}。Chronicle 读取的列：date、end date（或 year、month、day、end year、end month、end day）、headline、"
     "text、people、who、quote、quote by、number、unit、number question、group、display date、media caption、"
     "media credit、type（或者它们的中文名，例如日期、标题、内容、人物、引语、说话人）",
     "columns not imported: {1}. Columns Chronicle reads: date, end date (or year, month, day, end year, end month, "
     "end day), headline, text, people, who, quote, quote by, number, unit, number question, group, display date, "
     "media caption, media credit, type (or their Chinese names, e.g. 日期, 标题, 内容, 人物, 引语, 说话人)"},
    {Problem::NoHeadlineColumn, "第一行是列名，但没有「headline」（标题）列：请加上表头行，例如 date,headline,text",
     "the first row names the columns, and none is \"headline\" (标题): add a header row such as date,headline,text"},
    {Problem::ExtraCells, "单元格比表头的列多；请在第一行给这一列起名，或者检查是否有没加引号的逗号",
     "more cells than the header has columns; give the column a name in the first row, or check for an unquoted "
     "comma"},
    {Problem::EndMonthWithoutYear, "没有结束年份的结束月份或日会被忽略，和 TimelineJS 一样",
     "an end month or day without an end year is ignored, as TimelineJS does"},
    {Problem::MonthWithoutYear, "月份或日需要年份；请填写年份列", "a month or day needs a year; fill in the year column"},
    {Problem::NotAWholeNumber, "「{1}」不是整数", "\"{1}\" is not a whole number"},
    {Problem::EndWithoutStart, "有结束日期就要有开始日期；请填写日期", "an end date needs a start date; fill in the date"},
    {Problem::CellNotADate, "「{1}」不是日期；请把年份写在前面，例如 2023-11-17、2023-11 或 2023（或者 44 BC、公元前44年）",
     "\"{1}\" is not a date; write it year first, e.g. 2023-11-17, 2023-11 or 2023 (or 44 BC, 公元前44年)"},
    {Problem::YearLast, "「{1}」把年份写在最后，各国的读法不同（日在前还是月在前？）；请把年份写在前面：{2}-MM-DD",
     "\"{1}\" puts the year last, which countries read differently (day or month first?); write it year first: "
     "{2}-MM-DD"},
    {Problem::LongMonthOrDay, "「{1}」：月和日只能是一到两位数；请把年份写在前面，例如 2023-07-05",
     "\"{1}\": months and days have one or two digits; write it year first, e.g. 2023-07-05"},
    {Problem::BcYearNotPositive, "「{1}」：公元前的年份是正数，例如 44 BC", "\"{1}\": a year BC is a positive number, e.g. 44 BC"},
    {Problem::NotANumber, "「{1}」不是数字；请写例如 1000000、3.5 或 20%",
     "\"{1}\" is not a number; write e.g. 1000000, 3.5 or 20%"},
    {Problem::AmbiguousComma, "「{1}」：逗号是小数点还是千位分隔符？请写 3.5 或 3500",
     "\"{1}\": is the comma a decimal sign or a thousands separator? write 3.5 or 3500"},
    {Problem::QuoteWithoutSpeaker, "引语需要在「quote by」中写明是谁说的",
     "a quote needs the name of who said it in \"quote by\""},
    {Problem::SpeakerWithoutQuote, "填写了「quote by」，但引语是空的", "\"quote by\" is filled in but the quote is empty"},
    {Problem::NumberWithoutQuestion, "数字需要对应的问题，例如「ChatGPT 有多少用户？」",
     "a number needs its question, e.g. \"How many users did ChatGPT have?\""},
    {Problem::QuestionWithoutNumber, "填写了「number question」，但数字是空的",
     "\"number question\" is filled in but the number is empty"},
    {Problem::WhoWithoutPeople, "「who」问句需要在「people」中写明是谁做的",
     "a \"who\" phrase needs the people who did it in \"people\""},
    {Problem::RowWithoutHeadline, "没有标题：题目靠标题来指代事件；请写一个",
     "no headline: questions name events by their headline; write one"},
    {Problem::NothingInRow, "没有标题、引语或数字：这一行没有内容能出题",
     "no headline, quote or number: nothing in this row can become a question"},
    // Quizzes
    {Problem::QuizShorter, "这个题包在此难度下只能出 {1} 道所选题型的不同题目，少于要求的 {2} 道",
     "this pack gives only {1} different questions of the kinds chosen at this difficulty, fewer than the {2} asked"},
    // Writing files
    {Problem::WriteTargetIsFolder, "{1} 是文件夹；请指定文件名", "{1} is a folder; give a file name"},
    {Problem::CannotWrite, "无法写入 {1}：{2}", "cannot write {1}: {2}"},
    {Problem::CannotCreateFolder, "无法创建 {1}：{2}", "cannot create {1}: {2}"},
    {Problem::WriteTargetNotAFile, "{1} 不是普通文件（而是设备、管道或套接字），Chronicle 绝不替换它；请换一个文件名",
     "{1} is not a regular file (it is a device, a pipe or a socket) and Chronicle never replaces it; choose another name"},
    {Problem::WriteTargetIsLink, "{1} 是指向 {2} 的符号链接，Chronicle 不会通过链接写入；请换一个文件名，或先删除链接",
     "{1} is a symbolic link to {2} and Chronicle never writes through a link; choose another name, or remove the link"},
    {Problem::NoDataFolder, "无法确定数据文件夹：HOME 未设置或不是绝对路径；请把 HOME 或 CHRONICLE_DATA_DIR 设为一个绝对路径",
     "cannot tell where the data folder is: HOME is not set or not an absolute path; set HOME, or CHRONICLE_DATA_DIR, to an absolute folder"},
    {Problem::FolderIsDanglingLink, "文件夹 {1} 是指向 {2} 的符号链接，而 {2} 不存在；请创建 {2}，或删除该链接",
     "the folder {1} is a symbolic link to {2}, which does not exist; create {2}, or remove the link"},
    {Problem::FolderIsAFile, "{1} 应当是文件夹，却是一个文件；请把它移走或改名",
     "{1} should be a folder but is a file; move it away or rename it"},
    // Worksheets
    {Problem::FontUnreadable, "无法读取自带字体 {1}；请重新安装 Chronicle", "cannot read the bundled font {1}; reinstall Chronicle"},
    {Problem::PdfNotMade, "无法生成 PDF：{1}", "cannot make the PDF: {1}"},
    // The save
    {Problem::SaveCannotOpen, "无法打开存档文件 {1}（{2}）。这次的进度无法保存。",
     "Chronicle could not open its save file {1} ({2}). Progress won't be saved this time."},
    {Problem::SaveNotMoved, "原来的存档 {1} 无法使用（{2}），也无法移开（{3}），所以原样保留。这次的进度无法保存。",
     "Your saved progress in {1} could not be used ({2}). It could not be moved out of the way ({3}), so it was "
     "left as it is. Progress won't be saved this time."},
    {Problem::SaveMovedNoNewSave, "原来的存档 {1} 无法使用（{2}），已移到 {3}，但无法新建存档（{4}）。这次的进度无法保存。",
     "Your saved progress in {1} could not be used ({2}). It was moved to {3}, but a new save could not be started "
     "({4}). Progress won't be saved this time."},
    {Problem::SaveMovedAside, "原来的存档 {1} 无法使用（{2}），已移到 {3}，并新建了存档。",
     "Your saved progress in {1} could not be used ({2}). It was moved to {3} and a new save was started."},
    {Problem::SaveNewerReadOnly,
     "存档 {1} 由更新版本的 Chronicle 创建。这里照常显示其中的记录和最高分，但这个版本不会改动它，所以现在玩的游戏不会保存。"
     "用新版本的 Chronicle 就能继续保存。",
     "Your save {1} was made by a newer version of Chronicle. Its history and best scores are shown, but this version "
     "will not change it, so games played now are not kept. Open Chronicle's newer version to carry on."},
    {Problem::SaveNewerUnreadable,
     "存档 {1} 由更新版本的 Chronicle 创建，这个版本读不了它，所以原样保留。这次的进度只保留到关闭 Chronicle 为止。",
     "Your save {1} was made by a newer version of Chronicle that this version cannot read, so it was left as it is. "
     "Progress is kept only until Chronicle closes."},
    {Problem::SaveReadOnly,
     "可以读取存档 {1}，但无法写入（{2}）。这里照常显示其中的记录和最高分，但现在玩的游戏不会保存。",
     "Chronicle can read its save {1} but cannot write to it ({2}). Its history and best scores are shown, but games "
     "played now are not kept."},
    {Problem::SaveFolderReadOnly,
     "无法在存档所在的文件夹 {1} 里写入（{2}）。这里照常显示存档中的记录和最高分，但现在玩的游戏不会保存。",
     "Chronicle cannot write in the folder {1} that holds its save ({2}). Its history and best scores are shown, but "
     "games played now are not kept."},
    {Problem::SaveHeldInMemory,
     "暂时无法使用存档 {1}（{2}）。进度先保留在内存中，一旦存档可以使用就会写进去；在那之前关闭 Chronicle 会失去这些进度。",
     "Chronicle cannot use its save {1} just now ({2}). Progress is kept in memory and goes into the save as soon as "
     "it can; closing Chronicle before then loses it."},
    {Problem::SaveFolderNotMade, "无法创建存档用的文件夹 {1}（{2}）。这次的进度无法保存。",
     "Chronicle could not create the folder {1} for its save ({2}). Progress won't be saved this time."},
    {Problem::SettingNotRead, "无法读取设置 {1}：{2}", "Could not read the setting {1}: {2}"},
    {Problem::SettingsNotSaved, "无法保存设置：{1}", "Could not save the settings: {1}"},
    {Problem::GameNotSaved, "无法保存这局游戏：{1}", "Could not save the game: {1}"},
    {Problem::BestScoreNotRead, "无法读取最高分：{1}", "Could not read the best score: {1}"},
    {Problem::GamesNotListed, "无法列出玩过的游戏：{1}", "Could not list the games: {1}"},
    {Problem::GameNotRead, "无法读取这局游戏：{1}", "Could not read the game: {1}"},
    {Problem::AnswersNotRead, "无法读取这局游戏的作答：{1}", "Could not read the game's answers: {1}"},
    {Problem::GamesNotCounted, "无法统计游戏局数：{1}", "Could not count the games: {1}"},
    {Problem::StudyAnswerNotSaved, "无法保存这次学习的回答：{1}", "Could not save this Learn answer: {1}"},
    {Problem::TimelineRunNotSaved, "无法保存这局时间线游戏：{1}", "Could not save this Timeline game: {1}"},
    {Problem::ProgressNotRead, "无法读取学习进度：{1}", "Could not read the learning progress: {1}"},
    {Problem::ExportTargetExists, "{1} 已经存在，Chronicle 绝不替换它；请换一个文件名",
     "{1} already exists and Chronicle never writes over it; choose another name"},
    {Problem::ProgressNotExported, "无法把进度导出到 {1}：{2}", "Could not export the progress to {1}: {2}"},
    {Problem::ProgressNotImported, "无法从 {1} 导入进度：{2}；存档没有改变",
     "Could not import the progress from {1}: {2}; the save is unchanged"},
};

constexpr Words<Term> kTerms[] = {
    // Kinds of JSON value
    {Term::JsonNull, "空值（null）", "null"},
    {Term::JsonObject, "对象", "an object"},
    {Term::JsonArray, "数组", "an array"},
    {Term::JsonString, "字符串", "a string"},
    {Term::JsonBoolean, "布尔值（true/false）", "true/false"},
    {Term::JsonDecimal, "小数", "a decimal number"},
    {Term::JsonNumber, "数字", "a number"},
    // Records of a pack
    {Term::PackRecord, "题包", "a pack"},
    {Term::SourceRecord, "「source」", "\"source\""},
    {Term::PersonRecord, "人物", "a person"},
    {Term::EventRecord, "事件", "an event"},
    {Term::QuoteRecord, "引语", "a quote"},
    {Term::NumberRecord, "数字条目", "a number"},
    {Term::QuestionRecord, "题目", "a question"},
    {Term::OptionRecord, "选项", "an option"},
    {Term::DateRange, "日期范围", "a date range"},
    // What a reference names, and lists of records
    {Term::Person, "人物", "person"},
    {Term::Event, "事件", "event"},
    {Term::People, "人物", "people"},
    {Term::Events, "事件", "events"},
    {Term::Quotes, "引语", "quotes"},
    {Term::Numbers, "数字条目", "numbers"},
    {Term::Questions, "题目", "questions"},
    // What a field holds
    {Term::PackFormat, "请写「chronicle-pack/1」", "write \"chronicle-pack/1\""},
    {Term::PackId, "题包的 ID，例如「openai-2023」", "the pack's id, e.g. \"openai-2023\""},
    {Term::PackVersion, "例如「1.0.0」", "e.g. \"1.0.0\""},
    {Term::PackLicence, "例如「CC-BY-4.0」", "e.g. \"CC-BY-4.0\""},
    {Term::PackLanguages, "题包所用的语言，例如 [\"zh\", \"en\"]", "the languages the pack is written in, e.g. [\"zh\", \"en\"]"},
    {Term::DefaultLanguage, "「languages」中的一种", "one of \"languages\""},
    {Term::SchemaPath, "JSON Schema 的路径，例如「schema/pack.schema.json」", "the JSON Schema's path, e.g. \"schema/pack.schema.json\""},
    {Term::PackTitle, "题包的标题", "the pack's title"},
    {Term::PackDescription, "题包的内容简介", "what the pack is about"},
    {Term::PackAuthor, "题包的作者", "who wrote the pack"},
    {Term::PackEvents, "题包里带日期的事件", "the pack's dated events"},
    {Term::SourceTitle, "来源的标题", "the source's title"},
    {Term::SourceUrl, "来源的网址", "where to read the source"},
    {Term::SourceNote, "关于来源的说明", "a note on the source"},
    {Term::LanguageCodes, "语言代码", "language codes"},
    {Term::PersonId, "用来指代此人的简短名称，例如「altman」", "a short name to refer to this person, e.g. \"altman\""},
    {Term::PersonKind, "「person」「organization」或「group」", "\"person\", \"organization\" or \"group\""},
    {Term::PersonName, "向玩家显示的名字", "the name as shown to players"},
    {Term::Aliases, "别的名字（字符串）", "other names (strings)"},
    {Term::DisplayName, "在选项中显示的名字", "the name as options show it"},
    {Term::PersonDescription, "一句话介绍此人", "one line on who this is"},
    {Term::EventId, "例如「e01」", "e.g. \"e01\""},
    {Term::DateSource, "日期的来源", "where the date comes from"},
    {Term::DateNote, "日期的依据", "how the date is known"},
    {Term::Headline, "简短的标题，每种语言一个", "a short title, per language"},
    {Term::EventText, "发生了什么，每种语言一段", "what happened, per language"},
    {Term::ActorIds, "人物 ID", "person ids"},
    {Term::WhoPhrase, "省去人物的「谁……？」问句", "the \"Who …?\" phrase with the actor left out"},
    {Term::Tags, "字符串", "strings"},
    {Term::QuoteId, "例如「q-feel-agi」", "e.g. \"q-feel-agi\""},
    {Term::QuoteText, "原话，不加引号", "the words, without quotation marks"},
    {Term::Speaker, "说这句话的人物的 ID", "the id of the person who said it"},
    {Term::Catchphrase, "是否为口头禅（true 或 false）", "whether it is a catchphrase (true or false)"},
    {Term::NumberId, "例如「n-users」", "e.g. \"n-users\""},
    {Term::NumberValue, "数字，例如 1000000", "the number, e.g. 1000000"},
    {Term::Unit, "例如 {\"en\": \"users\"} 或「%」", "e.g. {\"en\": \"users\"} or \"%\""},
    {Term::NumberQuestion, "这个数字回答的问题", "the question this number answers"},
    {Term::QuestionId, "例如「h1」", "e.g. \"h1\""},
    {Term::QuestionType, "「multiple_choice」或「true_false」", "\"multiple_choice\" or \"true_false\""},
    {Term::Prompt, "题目（判断题则是一句陈述）", "the question (or, for true/false, the statement)"},
    {Term::Explanation, "答案为什么正确", "why the answer is right"},
    {Term::QuestionEvents, "事件 ID", "event ids"},
    {Term::TrueOrFalse, "true 或 false", "true or false"},
    {Term::Options, "2 到 6 个选项，其中恰好一个带 \"correct\": true", "2 to 6 options, exactly one with \"correct\": true"},
    {Term::OptionList, "选项 {\"text\": …, \"correct\": true/false}", "options {\"text\": …, \"correct\": true/false}"},
    {Term::OptionText, "选项的文字", "the option's text"},
    // Months
    {Term::January, "1 月", "January"},
    {Term::February, "2 月", "February"},
    {Term::March, "3 月", "March"},
    {Term::April, "4 月", "April"},
    {Term::May, "5 月", "May"},
    {Term::June, "6 月", "June"},
    {Term::July, "7 月", "July"},
    {Term::August, "8 月", "August"},
    {Term::September, "9 月", "September"},
    {Term::October, "10 月", "October"},
    {Term::November, "11 月", "November"},
    {Term::December, "12 月", "December"},
    // Why a save cannot be used
    {Term::SaveIsFolder, "它是文件夹", "it is a folder"},
    {Term::SaveNotAFile, "它不是文件", "it is not a file"},
    {Term::SaveNotADatabase, "它不是数据库文件", "it is not a database file"},
    {Term::SaveDamaged, "它已损坏", "it is damaged"},
    {Term::SaveFromNewerVersion, "存档由更新版本的 Chronicle 创建", "the save was made by a newer version of Chronicle"},
    {Term::SaveNotChronicle, "它不是 Chronicle 的存档", "it is not a Chronicle save file"},
    {Term::SaveWithoutTables, "里面没有 Chronicle 存档用的表", "it does not hold the tables Chronicle saves to"},
    // Why a save cannot be written or opened just now
    {Term::PermissionDenied, "没有权限", "permission denied"},
    {Term::ReadOnlyFileSystem, "文件系统是只读的", "the disk is read-only"},
    {Term::DiskFull, "磁盘已满", "the disk is full"},
    {Term::LockedByAnotherProgram, "另一个程序正在使用存档", "another program is using the save"},
    {Term::IoError, "读写磁盘时出错", "the disk reported an input/output error"},
};

// A table lists every code, in the enum's order, so that table[code] is its line.
template <class Code, size_t N> constexpr bool in_code_order(const Words<Code> (&table)[N]) {
    for (size_t i = 0; i < N; ++i)
        if (static_cast<size_t>(table[i].code) != i) return false;
    return true;
}
static_assert(std::size(kSentences) == static_cast<size_t>(Problem::Count), "a sentence for every Problem");
static_assert(in_code_order(kSentences), "kSentences in the order of Problem");
static_assert(std::size(kTerms) == static_cast<size_t>(Term::Count), "words for every Term");
static_assert(in_code_order(kTerms), "kTerms in the order of Term");

// The words around a message in describe().
struct Label {
    const char* zh;
    const char* en;
    const char* in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};
constexpr Label kError{"错误", "error"}, kWarning{"警告", "warning"}, kRow{"第 {1} 行", "row {1}"},
    kRowNamedColumn{"第 {1} 行「{2}」列", "row {1}, column \"{2}\""}, kRowColumn{"第 {1} 行第 {2} 列", "row {1}, column {2}"},
    kAfterLabel{"：", ": "};

std::string render(const Detail& detail, Lang lang) {
    if (const auto* text = std::get_if<std::string>(&detail)) return *text;
    if (const auto* t = std::get_if<Term>(&detail)) return term(*t, lang);
    if (const auto* date = std::get_if<DateSpec>(&detail)) return format_date(*date, lang_code(lang));
    std::string names;
    for (const std::string& name : std::get<std::vector<std::string>>(detail)) {
        if (lang == Lang::Zh) names += (names.empty() ? "「" : "、「") + name + "」";
        else names += (names.empty() ? "\"" : ", \"") + name + "\"";
    }
    return names;
}

// The n of a {n} that starts at `p`, and where it ends; 0 when none starts there.
size_t placeholder_at(const char* p, const char*& end) {
    if (*p != '{') return 0;
    size_t n = 0;
    const char* q = p + 1;
    while (*q >= '0' && *q <= '9') n = n * 10 + static_cast<size_t>(*q++ - '0');
    if (q == p + 1 || *q != '}') return 0;
    end = q + 1;
    return n;
}

// `pattern` with {1}, {2}, … replaced by the details; a number with no detail stays as it is.
std::string fill(const char* pattern, const std::vector<Detail>& details, Lang lang) {
    std::string out;
    for (const char* p = pattern; *p;) {
        const char* end = p;
        const size_t n = placeholder_at(p, end);
        if (n >= 1 && n <= details.size()) {
            out += render(details[n - 1], lang);
            p = end;
        } else {
            out += *p++;
        }
    }
    return out;
}

} // namespace

const char* message_template(Problem problem, Lang lang) { return kSentences[static_cast<size_t>(problem)].in(lang); }

size_t placeholder_count(const char* pattern) {
    size_t highest = 0;
    for (const char* p = pattern; *p; ++p) {
        const char* end = p;
        highest = std::max(highest, placeholder_at(p, end));
    }
    return highest;
}

const char* term(Term t, Lang lang) { return kTerms[static_cast<size_t>(t)].in(lang); }

std::string message(const Issue& issue, Lang lang) {
    return fill(message_template(issue.problem, lang), issue.details, lang);
}

std::string message(const Diagnostic& d, Lang lang) {
    std::string m = message(d.issue, lang);
    for (const Issue& note : d.notes) m += message(note, lang);
    return m;
}

std::string describe(const Diagnostic& d, Lang lang) {
    std::string s = d.file;
    if (d.line > 0) s += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    s += std::string(": ") + (d.severity == Severity::Error ? kError : kWarning).in(lang) + kAfterLabel.in(lang);
    std::string place = d.path;
    if (d.row > 0) {
        const std::vector<Detail> cell = {std::to_string(d.row),
                                          d.column_name.empty() ? std::to_string(d.column_number) : d.column_name};
        const Label& form = !d.column_name.empty() ? kRowNamedColumn : d.column_number > 0 ? kRowColumn : kRow;
        place = fill(form.in(lang), cell, lang);
    }
    if (!place.empty()) s += place + kAfterLabel.in(lang);
    return s + message(d, lang);
}

std::string all_message_text() {
    std::string all;
    for (const Words<Problem>& s : kSentences) all += std::string(s.zh) + s.en;
    for (const Words<Term>& w : kTerms) all += std::string(w.zh) + w.en;
    for (const Label& l : {kError, kWarning, kRow, kRowNamedColumn, kRowColumn, kAfterLabel}) all += std::string(l.zh) + l.en;
    return all;
}

} // namespace chronicle::ui
