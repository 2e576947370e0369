// Every string the interface shows, in Chinese and English, side by side so that a
// translation is never missing. "{n}"-style markers are filled with fill_in().
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace chronicle::ui {

enum class Lang { Zh, En };

// X(id, Chinese, English)
#define CHRONICLE_UI_STRINGS(X)                                                                          \
    X(AppName, "Chronicle 编年史", "Chronicle")                                                        \
    X(AppTagline, "用时间线上的事件出题", "Quizzes made from dated events")                                  \
    X(Packs, "题包", "Packs")                                                                            \
    X(PackEvents, "{n}个事件", "{n} events")                                                            \
    X(PackEvent, "{n}个事件", "{n} event")                                                              \
    X(PackBroken, "无法加载", "Cannot be loaded")                                                         \
    X(PackLoading, "正在加载…", "Loading…")                                                              \
    X(StartLoading, "题包加载中…", "Loading the pack…")                                                   \
    X(PackWarnings, "{n}条提示——运行 chronicle validate {f} 查看", "{n} warnings — run chronicle validate {f}")          \
    X(PackWarning, "{n}条提示——运行 chronicle validate {f} 查看", "{n} warning — run chronicle validate {f}")            \
    X(PackMissingGlyphs, "没有字体能显示：{c}", "No font can show: {c}")                                      \
    X(PackSource, "来源：{s}", "Source: {s}")                                                             \
    X(NoPacks, "没有找到题包。把 .json 题包放进：{p}", "No packs found. Put .json packs in: {p}")               \
    X(DropToAdd, "把 TimelineJS 时间线（.json）、表格（.csv）或题包拖进窗口即可添加。",                           \
      "Drop a TimelineJS timeline (.json), a spreadsheet (.csv) or a pack on the window to add it.")        \
    X(PackAdded, "已添加「{t}」：{n}个事件。", "Added “{t}”: {n} events.")                                   \
    X(PackAddedOne, "已添加「{t}」：{n}个事件。", "Added “{t}”: {n} event.")                                  \
    X(PackAddedSkipped, "另有{k}条无法导入，chronicle import {f} 会列出原因。",                               \
      "{k} could not be imported; chronicle import {f} lists why.")                                        \
    X(PackNotAdded, "无法添加 {f}：{e}", "Could not add {f}: {e}")                                          \
    X(PackExists, "{p} 已存在。要替换它，请运行 chronicle import {f} --install --force。",                      \
      "{p} already exists. To replace it, run chronicle import {f} --install --force.")                     \
    X(PackIdTaken, "题包 ID「{i}」已被 {p} 使用。", "The pack id “{i}” is already used by {p}.")              \
    X(Mode, "模式", "Mode")                                                                              \
    X(ModePractice, "练习", "Practice")                                                                  \
    X(ModePracticeHelp, "每题之后看解析，不限时", "See the explanation after each question; no clock")            \
    X(ModeTimed, "限时", "Timed")                                                                        \
    X(ModeTimedHelp, "每题 20 秒，答得越快得分越高", "20 seconds a question; faster answers score more")         \
    X(ModeTest, "测验", "Test")                                                                          \
    X(ModeTestHelp, "答完全部题目后再看对错", "Answers are revealed at the end")                               \
    X(Length, "题数", "Questions")                                                                       \
    X(Difficulty, "难度", "Difficulty")                                                                  \
    X(Easy, "简单", "Easy")                                                                              \
    X(Normal, "普通", "Normal")                                                                          \
    X(Hard, "困难", "Hard")                                                                              \
    X(Kinds, "题型", "Question kinds")                                                                   \
    X(BestScore, "{m}最高分：{n}", "Best in {m}: {n}")                                                               \
    X(Start, "开始", "Start")                                                                            \
    X(PrintWorksheet, "打印练习卷", "Print worksheet")                                                  \
    X(WorksheetSaved, "练习卷已保存到 {p}", "Worksheet saved to {p}")                                      \
    X(WorksheetNotSaved, "无法保存练习卷：{e}", "Could not save the worksheet: {e}")                        \
    X(Settings, "设置", "Settings")                                                                      \
    X(NoQuestions, "这个题包出不了所选题型的题。", "This pack gives no questions of the kinds chosen.")         \
    X(Progress, "第{i}/{n}题", "Question {i} of {n}")                                                 \
    X(Score, "得分 {n}", "Score {n}")                                                                    \
    X(Streak, "连对 {n}", "Streak {n}")                                                                  \
    X(InARow, "连对 {n} 题！", "{n} in a row!")                                                          \
    X(SecondsLeft, "剩{n}秒", "{n} s left")                                                            \
    X(AnswerKeys, "点击选项，或按 1–{n} / A–{l}", "Click an answer or press 1–{n} / A–{l}")                  \
    X(OrderHelp, "拖动排序；或用 ↑/↓ 选中，Ctrl+↑/↓ 移动。回车确认。",                                        \
      "Drag to reorder, or select with ↑/↓ and move with Ctrl+↑/↓. Enter confirms.")                      \
    X(ConfirmOrder, "确认顺序", "Confirm order")                                                         \
    X(PlaceSt, "第{n}", "{n}st")                                                                         \
    X(PlaceNd, "第{n}", "{n}nd")                                                                         \
    X(PlaceRd, "第{n}", "{n}rd")                                                                         \
    X(PlaceTh, "第{n}", "{n}th")                                                                         \
    X(EscBack, "Esc 返回", "Esc: back")                                                                 \
    X(EscLeave, "Esc 离开（先确认）", "Esc: leave (asks first)")                                            \
    X(EscLearn, "Esc 回到主页（每题都已保存）", "Esc: Home (every answer is saved)")                              \
    X(LeaveQuiz, "离开这次答题？", "Leave this quiz?")                                                      \
    X(LeaveQuizHelp, "可以在主页继续，直到开始新的一轮。计时已暂停。",                                          \
      "You can resume it from Home until a new quiz starts. The clock is paused.")                         \
    X(KeepPlaying, "继续答题", "Keep playing")                                                             \
    X(LeaveQuizButton, "离开", "Leave")                                                                   \
    X(ResumeQuiz, "继续上次的答题（第{i}/{n}题）", "Resume quiz ({i} of {n})")                                   \
    X(Correct, "答对了", "Correct")                                                                      \
    X(Wrong, "答错了", "Not quite")                                                                      \
    X(PartlyRight, "部分正确", "Partly right")                                                            \
    X(TimedOut, "时间到", "Time's up")                                                                   \
    X(Points, "+{n}分", "+{n} points")                                                                  \
    X(Point, "+{n}分", "+{n} point")                                                                    \
    X(TheAnswer, "正确答案：{a}", "The answer: {a}")                                                      \
    X(YourAnswer, "你的答案：{a}", "Your answer: {a}")                                                    \
    X(RightOrder, "正确顺序", "The right order")                                                         \
    X(PartlyInPlace, "{n}件事中有{k}件顺序正确", "{k} of {n} in place")                                  \
    X(Continue, "继续（回车）", "Continue (Enter)")                                                         \
    X(SeeResults, "查看成绩（回车）", "See results (Enter)")                                                \
    X(Results, "成绩", "Results")                                                                        \
    X(PointsTotal, "{n}分", "{n} points")                                                               \
    X(PointTotal, "{n}分", "{n} point")                                                                 \
    X(Accuracy, "答对{c}/{n}题（{p}%）", "{c} of {n} right ({p}%)")                                      \
    X(BestStreak, "最长连对 {n}", "Best streak {n}")                                                      \
    X(NewBest, "新纪录！", "New best score!")                                                             \
    X(PreviousBest, "此题包此模式的最高分：{n}", "Best for this pack and mode: {n}")                            \
    X(ByKind, "各题型", "By kind")                                                                       \
    X(KindScore, "{c} / {n}", "{c} / {n}")                                                               \
    X(Review, "错题回顾", "Review of mistakes")                                                            \
    X(NoMistakes, "全部答对，太棒了！", "No mistakes. Well done!")                                           \
    X(PlayAgain, "再玩一次", "Play again")                                                                \
    X(Home, "返回主页", "Home")                                                                           \
    X(Language, "界面语言", "Language")                                                                   \
    X(TextSize, "文字大小", "Text size")                                                                  \
    X(Theme, "主题", "Theme")                                                                            \
    X(ThemeDark, "深色", "Dark")                                                                         \
    X(ThemeLight, "浅色", "Light")                                                                       \
    X(ThemeHighContrast, "高对比度", "High contrast")                                                      \
    X(Sound, "声音", "Sound")                                                                            \
    X(On, "开", "On")                                                                                    \
    X(Off, "关", "Off")                                                                                  \
    X(OrderScoring, "排序题计分", "Ordering questions")                                                    \
    X(PartialCredit, "排对几件得几分", "Partial credit")                                                    \
    X(AllOrNothing, "全对才得分", "All or nothing")                                                        \
    X(Back, "返回", "Back")                                                                              \
    X(ProjectorGame, "投影分队赛（F5）", "Projector game (teams) (F5)")                                     \
    X(ProjectorTitle, "投影分队赛", "Projector game (teams)")                                              \
    X(ProjectorHelp, "一块屏幕、全班分队抢答：老师录入每队的答案", "One screen, the class in teams: the teacher enters each team's answer") \
    X(Teams, "队伍", "Teams")                                                                            \
    X(TeamName, "第{n}队", "Team {n}")                                                                   \
    X(AddTeam, "加一队", "Add a team")                                                                   \
    X(RemoveTeam, "减一队", "Remove a team")                                                             \
    X(TeamSetupKeys, "回车开始；Esc 返回", "Enter starts; Esc goes back")                                  \
    X(TeamKeys, "队号 1–{n}，再按选项 1–4 / A–D；R 揭晓；P 暂停；S 跳过；B 上一题",                            \
      "Team 1–{n}, then option 1–4 / A–D; R reveal; P pause; S skip; B back")                              \
    X(TeamMarkKeys, "点击队伍或按队号改判对错；回车继续；B 重答此题",                                          \
      "Click a team or press its number to mark it right or wrong; Enter goes on; B asks again")             \
    X(TeamWhich, "{t}：选哪一项？", "{t}: which option?")                                                  \
    X(Paused, "已暂停", "Paused")                                                                         \
    X(Reveal, "揭晓（R）", "Reveal (R)")                                                                   \
    X(Pause, "暂停（P）", "Pause (P)")                                                                     \
    X(Resume, "继续（P）", "Resume (P)")                                                                   \
    X(Skip, "跳过（S）", "Skip (S)")                                                                       \
    X(BackOne, "上一题（B）", "Back (B)")                                                                  \
    X(Next, "下一步（回车）", "Next (Enter)")                                                               \
    X(Right, "对", "Right")                                                                              \
    X(NotRight, "错", "Wrong")                                                                           \
    X(Leaderboard, "排行榜", "Leaderboard")                                                               \
    X(AfterQuestion, "第{i}/{n}题之后", "After question {i} of {n}")                                         \
    X(Podium, "领奖台", "Podium")                                                                         \
    X(RankN, "第{n}名", "#{n}")                                                                          \
    /* The Timeline card game (ui/timeline_screen) */                                                  \
    X(Timeline, "时间线", "Timeline")                                                                     \
    X(TimelineHelp, "把卡片拖进时间线的空位，或用 ←/→ 选空位再按回车。",                                        \
      "Drag the card into a gap on the line, or pick a gap with ←/→ and press Enter.")                    \
    X(TimelinePlace, "放在这里（回车）", "Place it here (Enter)")                                             \
    X(TimelinePlaced, "放对 {n} 张", "{n} placed right")                                                   \
    X(TimelineRight, "放对了！", "Right!")                                                                \
    X(TimelineWrong, "放错了：它应在红色卡片的位置。", "Wrong: it belongs where the red card is.")                \
    X(TimelineBelongs, "应在这里", "Belongs here")                                                         \
    X(TimelineOutOfLives, "三条命都用完了", "Out of lives")                                                  \
    X(TimelineDeckEmpty, "没有能再发的卡片了", "No more cards can be dealt")                                   \
    X(TimelineScore, "放对了 {n} 张卡片", "{n} cards placed right")                                          \
    X(TimelineScoreOne, "放对了 {n} 张卡片", "{n} card placed right")                                        \
    X(TimelineBest, "此题包的最佳成绩：{n} 张", "Best for this pack: {n}")                                    \
    X(TimelineNoCards, "这个题包没有能放上时间线的事件。", "This pack has no dated events to place on a timeline.") \
    X(LeaveTimeline, "离开这局时间线？", "Leave this Timeline game?")                                         \
    X(LeaveTimelineHelp, "这局不会保存。", "This game will not be kept.")                                     \
    /* The paper worksheet (game/print), in the quiz's language */                                    \
    X(WorksheetName, "姓名", "Name")                                                                     \
    X(WorksheetDate, "日期", "Date")                                                                     \
    X(WorksheetAbout, "种子 {s} · {d} · {n} 题", "Seed {s} · {d} · {n} questions")                          \
    X(WorksheetAboutOne, "种子 {s} · {d} · {n} 题", "Seed {s} · {d} · {n} question")                        \
    X(WorksheetOrderHint, "在每件事前的方框里写上它的次序：最早的写 1，其次写 2，依此类推。",                    \
      "Write each event's place in its box: 1 for the earliest, then 2, 3 and so on.")                    \
    X(WorksheetAnswerKey, "答案", "Answer key")                                                          \
    X(WorksheetPage, "第 {i} 页，共 {n} 页", "Page {i} of {n}")                                           \
    X(HomeEnter, "返回主页（回车）", "Home (Enter)")                                                      \
    X(HostClass, "全班手机答题（F6）", "Host a class game (F6)")                                           \
    X(ClassTitle, "全班手机答题", "Class game on phones")                                                 \
    X(ClassHelp, "题目显示在这块屏幕上，学生用手机浏览器作答", "The question on this screen; students answer in their phone's browser") \
    X(PackName, "题包：{p}", "Pack: {p}")                                                                 \
    X(TimePerQuestion, "每题时间", "Time per question")                                                   \
    X(SecondsN, "{n}秒", "{n} s")                                                                         \
    X(ClassLive, "同步答题", "Live")                                                                      \
    X(ClassSelfPaced, "自定进度", "Self-paced")                                                            \
    X(TextsOnPhones, "手机上显示文字", "Texts on phones")                                                  \
    X(Port, "端口", "Port")                                                                               \
    X(OpenLobby, "打开大厅（回车）", "Open the lobby (Enter)")                                              \
    X(LobbyFailed, "无法打开大厅：{e}。请换一个端口再试。", "Cannot open the lobby: {e}. Try another port.")     \
    X(ScanToJoin, "用手机扫码加入，或打开", "Scan to join, or open")                                         \
    X(GamePin, "游戏 PIN", "Game PIN")                                                                    \
    X(PlayersCount, "{n}名玩家", "{n} players")                                                           \
    X(PlayerCount, "{n}名玩家", "{n} player")                                                             \
    X(WaitingForPlayers, "等待玩家加入…", "Waiting for players…")                                          \
    X(RemoveMark, "×", "×")                                                                               \
    X(StartClass, "开始（回车）", "Start (Enter)")                                                          \
    X(LobbyKeys, "Tab 选中昵称，回车移除；Esc 关闭大厅", "Tab to a name and Enter removes it; Esc closes the lobby") \
    X(AnsweredCount, "已作答 {a}/{n}", "{a} of {n} answered")                                              \
    X(RevealNow, "立即揭晓（回车）", "Reveal now (Enter)")                                                  \
    X(EndClass, "结束（Esc）", "End (Esc)")                                                               \
    X(ClassKeys, "P 暂停/继续；S 跳过；回车揭晓；Esc 结束", "P pause/resume; S skip; Enter reveal; Esc end")   \
    X(EndClassQuestion, "结束这局游戏？", "End the game?")                                                  \
    X(EndClassHelp, "手机上会显示最终排名，之后不能再作答。", "Phones show the final standings; no more answers after this.") \
    X(KeepGoing, "继续游戏", "Keep going")                                                                \
    X(EndClassButton, "结束", "End")                                                                      \
    X(NoAnswer, "未作答", "No answer")                                                                    \
    X(AllRight, "全对", "All right")                                                                      \
    X(AllWrong, "全错", "All wrong")                                                                      \
    X(ClassProgress, "答题进度", "Progress")                                                               \
    X(FinishedCount, "已完成 {a}/{n}", "{a} of {n} finished")                                              \
    X(Nickname, "昵称", "Name")                                                                           \
    X(QuestionColumn, "题目", "Question")                                                                 \
    X(ScoreColumn, "得分", "Score")                                                                       \
    X(DoneMark, "完成", "Done")                                                                           \
    X(ExportResults, "导出成绩（CSV）", "Export results (CSV)")                                              \
    X(ResultsSaved, "成绩已保存到 {p}", "Results saved to {p}")                                               \
    X(ResultsNotSaved, "无法保存成绩：{e}", "Could not save the results: {e}")                              \
    X(StudyToday, "今日学习", "Study today")                                                             \
    X(StudyCounts, "今天：{d}个到期，{n}个新知识点", "Today: {d} due, {n} new")                                  \
    X(ReviewMistakes, "复习错题（{n}）", "Review mistakes ({n})")                                           \
    X(RetryMissed, "重做答错的题（{n}）", "Retry the ones I missed ({n})")                                     \
    X(LearnStatus, "到期 {d} · 新 {n}", "Due {d} · New {n}")                                                \
    X(NextReview, "下次复习：{t}", "Next review: {t}")                                                      \
    X(LearnSaved, "已保存", "Saved")                                                                      \
    X(LearnNotSaved, "未能保存：{e}", "Not saved: {e}")                                                     \
    X(InMinutes, "{n}分钟后", "in {n} min")                                                               \
    X(InHours, "{n}小时后", "in {n} h")                                                                   \
    X(InDays, "{n}天后", "in {n} days")                                                                   \
    X(InOneDay, "明天", "tomorrow")                                                                       \
    X(Now, "现在", "now")                                                                                 \
    X(LearnDone, "这一轮学完了", "Done for now")                                                           \
    X(LearnDoneStats, "答了{a}题，答对{c}题，新学了{n}个知识点。", "{a} answered, {c} right, {n} new facts.")      \
    X(LearnNothing, "现在没有到期的知识点，今天的新知识点也学完了。", "Nothing is due now, and today's new facts are done.") \
    X(LearnAllSaved, "每一题都已保存。", "Every answer is saved.")                                              \
    X(DesiredRetention, "目标记忆保持率", "Desired retention")                                              \
    X(DesiredRetentionHelp, "复习时希望还记得的把握：越高，复习越频繁。", "How sure you want to be of remembering at each review: higher means more reviews.") \
    X(NewPerDay, "每天新知识点", "New facts a day") \
    /* The progress report (ui/progress_screen.cpp, chronicle progress) */                           \
    X(ProgressTitle, "学习进度", "Progress")                                                              \
    X(SwitchPack, "换一个题包", "Another pack")                                                           \
    X(Mastery, "已掌握", "Known")                                                                         \
    X(ReviewsDue, "待复习", "Reviews due")                                                                  \
    X(Recently, "最近的答题", "Lately")                                                                     \
    X(StudyDays, "学习天数", "Study days")                                                                  \
    X(MasteryOf, "{k}/{n}个知识点", "{k} of {n} facts")                                                   \
    X(NewFacts, "未学：{n}", "New: {n}")                                                                  \
    X(DueToday, "今天到期：{n}", "Due today: {n}")                                                        \
    X(DueNextDays, "未来7天：{l}", "Next 7 days: {l}")                                                    \
    X(RecentAccuracy, "最近{g}局：答对{c}/{n}题（{p}%）", "Last {g} games: {c} of {n} right ({p}%)")          \
    X(RecentAccuracyOne, "最近{g}局：答对{c}/{n}题（{p}%）", "Last game: {c} of {n} right ({p}%)")             \
    X(NoGamesYet, "还没有完成的答题", "No games finished yet")                                               \
    X(AllAnswered, "共答{n}题，答对{c}题（{p}%）", "{n} answered, {c} right ({p}%)")                         \
    X(StudyDaysN, "学习{n}天", "Studied on {n} days")                                                       \
    X(StudyDayN, "学习{n}天", "Studied on {n} day")                                                         \
    X(CurrentStreak, "连续学习：{n}天", "Streak: {n} days")                                                 \
    X(CurrentStreakOne, "连续学习：{n}天", "Streak: {n} day")                                               \
    X(LongestStreak, "最长连续：{n}天", "Longest streak: {n} days")                                         \
    X(LongestStreakOne, "最长连续：{n}天", "Longest streak: {n} day")                                       \
    X(AccuracyOverTime, "每天的正确率", "Accuracy by day")                                                  \
    X(KindAccuracy, "各题型正确率", "Accuracy by kind")                                                     \
    X(StudyCalendar, "学习日历（近26周）", "Study days (26 weeks)")                                           \
    X(NoAnswersYet, "还没有答题记录", "No answers yet")                                                     \
    X(CalendarLess, "少", "Less")                                                                         \
    X(CalendarMore, "多", "More")                                                                         \
    X(PercentN, "{n}%", "{n}%")                                                                           \
    X(MonthDay, "{m}月{d}日", "{d} {mn}")                                                                 \
    X(Month1, "1月", "Jan") X(Month2, "2月", "Feb") X(Month3, "3月", "Mar") X(Month4, "4月", "Apr")       \
    X(Month5, "5月", "May") X(Month6, "6月", "Jun") X(Month7, "7月", "Jul") X(Month8, "8月", "Aug")       \
    X(Month9, "9月", "Sep") X(Month10, "10月", "Oct") X(Month11, "11月", "Nov") X(Month12, "12月", "Dec")

enum class T {
#define CHRONICLE_UI_ID(id, zh, en) id,
    CHRONICLE_UI_STRINGS(CHRONICLE_UI_ID)
#undef CHRONICLE_UI_ID
        Count
};

const char* text(T id, Lang lang);

// "zh…" → Chinese, anything else → English.
Lang lang_from_code(std::string_view code);
const char* lang_code(Lang lang); // "zh" / "en"

// A number as the interface writes it: "12,000" in English, "1.2万" in Chinese (format_number).
std::string number_text(long long n, Lang lang);
// How long until something, from now: "in 10 min", "in 3 days", "tomorrow".
std::string time_from_now(int64_t seconds, Lang lang);
// The string for a count: `one` when it is 1 ("1 event", "+1 point"), else `many`.
inline T for_count(long long n, T one, T many) { return n == 1 ? one : many; }

// Every string of both languages, every kind's label and the words for core's
// problems (ui/messages.h), for the font atlas and the missing-glyph test.
std::string all_ui_text();

} // namespace chronicle::ui
