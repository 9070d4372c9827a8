/**
 * The floor of the TUI benchmark: a minimal Ink app shaped like the search view (an input line, 20 result
 * lines filtered by the query from a small array, a status line with the count), bundled like the app
 * (bench/floor-bundle.ts, the options of scripts/bundle-tui.mjs) and measured by bench/pty.ts exactly as
 * the app is. Not part of the app.
 */
import React, { useState } from 'react';
import { Box, Text, render, useInput } from 'ink';

const WORDS = '农田 公路 医院 学校 河湖 应急 住房 金融 文化 政务 就业 水利 生态 交通 教育 卫生 养老 旅游 数据 安全'.split(' ');
const ITEMS = Array.from({ length: 200 }, (_, i) => `${String(i + 1).padStart(3, '0')} ${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}建设任务 第${i + 1}项 ${2015 + (i % 12)}年底前完成`);

function Floor(): React.ReactElement {
  const [q, setQ] = useState('');
  useInput((input, key) => {
    if (key.ctrl && input === 'u') setQ('');
    else if (key.backspace || key.delete) setQ((s) => Array.from(s).slice(0, -1).join(''));
    else if (!key.ctrl && !key.meta && input) setQ((s) => s + input);
  });
  const terms = q.trim() ? Array.from(q.trim()) : [];
  const hits = ITEMS.filter((t) => terms.every((c) => t.includes(c)));
  return (
    <Box flexDirection="column" width={100} height={30}>
      <Text> floor · minimal Ink app</Text>
      <Text>
        <Text color="cyan" bold>
          搜索›{' '}
        </Text>
        {q}
      </Text>
      <Box flexDirection="column" borderStyle="round" height={26}>
        {hits.slice(0, 20).map((t, i) => (
          <Text key={t} inverse={i === 0}>
            {t}
          </Text>
        ))}
        {hits.length === 0 ? <Text dimColor>  没有结果 — no results</Text> : null}
      </Box>
      <Text bold>{hits.length} 条</Text>
    </Box>
  );
}

process.stdout.write('\u001b[?1049h\u001b[H');
const instance = render(<Floor />, { exitOnCtrlC: true, patchConsole: true, maxFps: 60 });
instance.waitUntilExit().finally(() => process.stdout.write('\u001b[?25h\u001b[?1049l'));
