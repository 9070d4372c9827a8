/** One screen row of styled segments, fitted to exactly `width` columns by display width. */
import React, { memo } from 'react';
import { Text } from 'ink';
import { fitSegs, type Seg } from '../layout.js';
import { useEnv } from '../context.js';

export const Line = memo(function Line({ segs, width, pad = true }: { segs: Seg[]; width: number; pad?: boolean }) {
  const { color } = useEnv();
  const fitted = fitSegs(segs, width, pad);
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text>
      {fitted.map((s, i) => (
        <Text
          key={i}
          color={color ? s.color : undefined}
          backgroundColor={color ? s.backgroundColor : undefined}
          bold={s.bold}
          dimColor={color ? s.dim : undefined}
          inverse={s.inverse}
          underline={s.underline}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
});

/** A pre-styled ANSI line (marked-terminal output), already wrapped to `width`. */
export const AnsiLine = memo(function AnsiLine({ line }: { line: string }) {
  return <Text>{line === '' ? ' ' : line}</Text>;
});
