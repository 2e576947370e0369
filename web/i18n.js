// The phone page's words in English and Chinese. Every language has the same keys
// (tests/web checks it); {name} marks a value filled in by t().

export const STRINGS = {
  en: {
    title: 'Chronicle — class game',
    lang_button: '中文',
    lang_button_label: 'Switch to Chinese',
    join_heading: 'Join the game',
    pin_label: 'Game PIN',
    name_label: 'Nickname',
    join_button: 'Join',
    joining: 'Joining…',
    reconnecting: 'Reconnecting…',
    lobby_in: 'You’re in!',
    lobby_players: '{n} players in the game',
    lobby_wait: 'Waiting for the teacher to start',
    question_of: 'Question {n} of {count}',
    seconds_left: '{s} s',
    time_up: 'Time’s up',
    tap_tile: 'Tap your answer',
    arrange_hint: 'Tap the options in the right order (1st, 2nd, …) or drag them. Tap a placed one to take it back.',
    your_order: 'Your order',
    to_place: 'Still to place',
    submit: 'Submit',
    option: 'Option {n}',
    shape_0: 'red triangle', shape_1: 'blue diamond', shape_2: 'yellow circle', shape_3: 'green square',
    partly: 'Partly right',
    drop_here: 'Place {n}',
    answered: 'You answered',
    answered_wait: 'Waiting for the others',
    sending: 'Sending your answer…',
    correct: 'Correct!',
    wrong: 'Wrong',
    no_answer: 'No answer',
    points: '+{n} points',
    in_place: '{n} of {count} in the right place',
    score: 'Score',
    rank: 'Rank',
    streak: 'Streak',
    rank_of: 'of {n}',
    your_answer: 'Your answer',
    right_answer: 'The right answer',
    scoreboard: 'Scoreboard',
    next: 'Next question',
    end_heading: 'Game over',
    end_place: 'You finished {place} of {n}',
    end_top: 'Well done — you are on the podium!',
    paused: 'Paused',
    paused_wait: 'The teacher paused the game',
    removed_heading: 'You were removed',
    replaced_heading: 'Playing in another tab',
    play_here: 'Play here instead',
    place_n: '{n}th',
    // The host's error codes (docs/class-protocol.md).
    err_bad_json: 'The game could not read a message from this phone. Reload the page.',
    err_unknown_type: 'This page and the game do not understand each other. Reload the page.',
    err_too_big: 'A message from this phone was too big.',
    err_too_fast: 'Too many taps at once. Wait a moment and try again.',
    err_wrong_pin: 'That PIN is not this game’s. Check the PIN on the big screen.',
    err_bad_client: 'This phone’s ID was refused. Try joining again.',
    err_name_empty: 'Type a nickname.',
    err_name_too_long: 'That nickname is too long: 20 characters at most.',
    err_name_control: 'That nickname has characters that cannot be used.',
    err_name_taken: 'Someone already has that nickname. Pick another one.',
    err_game_full: 'The game is full: 200 players already.',
    err_game_over: 'This game has ended. No new players can join.',
    err_removed: 'The teacher removed you from the game.',
    err_replaced: 'This game was opened in another tab or window of this browser, and is played there now.',
    err_not_joined: 'You are not in the game yet. Joining again…',
    err_not_open: 'Too late: this question is closed.',
    err_bad_choice: 'That answer was not accepted.',
    err_not_host: 'Only the teacher can do that.',
    err_pin_format: 'The PIN is 6 digits.',
    err_unknown: 'Something went wrong ({code}).',
  },
  zh: {
    title: 'Chronicle 课堂游戏',
    lang_button: 'English',
    lang_button_label: '切换到英文',
    join_heading: '加入游戏',
    pin_label: '游戏 PIN 码',
    name_label: '昵称',
    join_button: '加入',
    joining: '正在加入…',
    reconnecting: '正在重新连接…',
    lobby_in: '你已加入！',
    lobby_players: '游戏中有 {n} 名玩家',
    lobby_wait: '等待老师开始',
    question_of: '第 {n} 题，共 {count} 题',
    seconds_left: '{s} 秒',
    time_up: '时间到',
    tap_tile: '点选你的答案',
    arrange_hint: '按正确顺序依次点选（第 1、第 2……），或拖动排序。点已放好的选项可收回。',
    your_order: '你的顺序',
    to_place: '待排序',
    submit: '提交',
    option: '选项 {n}',
    shape_0: '红色三角形', shape_1: '蓝色菱形', shape_2: '黄色圆形', shape_3: '绿色方形',
    partly: '部分正确',
    drop_here: '第 {n} 位',
    answered: '已作答',
    answered_wait: '等待其他同学',
    sending: '正在提交答案…',
    correct: '答对了！',
    wrong: '答错了',
    no_answer: '未作答',
    points: '+{n} 分',
    in_place: '{count} 项中有 {n} 项位置正确',
    score: '总分',
    rank: '排名',
    streak: '连对',
    rank_of: '共 {n} 人',
    your_answer: '你的答案',
    right_answer: '正确答案',
    scoreboard: '排行榜',
    next: '下一题',
    end_heading: '游戏结束',
    end_place: '你获得{place}，共 {n} 人',
    end_top: '太棒了，你登上了领奖台！',
    paused: '已暂停',
    paused_wait: '老师暂停了游戏',
    removed_heading: '你已被移出',
    replaced_heading: '已在另一个标签页中游戏',
    play_here: '改在这里玩',
    place_n: '第 {n} 名',
    err_bad_json: '游戏无法读取这台手机发来的消息。请刷新页面。',
    err_unknown_type: '本页面与游戏版本不匹配。请刷新页面。',
    err_too_big: '这台手机发出的消息太大。',
    err_too_fast: '点得太快了，请稍等再试。',
    err_wrong_pin: 'PIN 码不对，请核对大屏幕上的 PIN 码。',
    err_bad_client: '这台手机的标识被拒绝，请重新加入。',
    err_name_empty: '请输入昵称。',
    err_name_too_long: '昵称太长，最多 20 个字。',
    err_name_control: '昵称含有不能使用的字符。',
    err_name_taken: '这个昵称已被使用，请换一个。',
    err_game_full: '游戏已满（200 名玩家）。',
    err_game_over: '游戏已结束，不能再加入。',
    err_removed: '老师已将你移出游戏。',
    err_replaced: '这个游戏已在本浏览器的另一个标签页或窗口中打开，现在在那里进行。',
    err_not_joined: '你还没有加入游戏，正在重新加入…',
    err_not_open: '太迟了，这道题已关闭。',
    err_bad_choice: '这个答案没有被接受。',
    err_not_host: '只有老师可以这样做。',
    err_pin_format: 'PIN 码是 6 位数字。',
    err_unknown: '出错了（{code}）。',
  },
};

export const LANGS = Object.keys(STRINGS);

// The first of the browser's languages we have ("zh-TW" counts as zh), else English.
export function pickLang(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

// The string for key in lang with {name}s filled in; a missing key shows as itself so
// the tests can catch it.
export function translate(lang, key, vars = {}) {
  const s = (STRINGS[lang] && STRINGS[lang][key]) ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? number(lang, vars[k]) : m));
}

// Numbers as the game writes them: grouped in English ("5,732"), plain digits in
// Chinese ("5732"), where grouping by thousands is not how numbers are read.
export function number(lang, n) {
  return typeof n === 'number' && lang === 'en' ? n.toLocaleString('en-US') : String(n);
}

// "2nd", "第 2 名".
export function place(lang, n) {
  if (lang === 'en') {
    const tens = n % 100, last = n % 10;
    if (tens < 11 || tens > 13) {
      if (last === 1) return `${n}st`;
      if (last === 2) return `${n}nd`;
      if (last === 3) return `${n}rd`;
    }
    return `${n}th`;
  }
  return translate(lang, 'place_n', { n });
}
