/** One screen row of styled segments, fitted to exactly `width` columns by display width. */
import React, { memo } from 'react';
import { Text } from 'ink';
import { fitSegs, type Seg } from '../layout.js';
import { useEnv } from '../context.js';

/** Same segments, by value: a row rebuilt with the same text and styles is not drawn again (views rebuild their segment arrays on every render). */
export function sameSegs(a: Seg[], b: Seg[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.text !== y.text || x.color !== y.color || x.backgroundColor !== y.backgroundColor || x.bold !== y.bold || x.dim !== y.dim || x.inverse !== y.inverse || x.underline !== y.underline) return false;
  }
  return true;
}

type LineProps = { segs: Seg[]; width: number; pad?: boolean };

export const Line = memo(function Line({ segs, width, pad = true }: LineProps) {
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
}, (a: LineProps, b: LineProps) => a.width === b.width && a.pad === b.pad && sameSegs(a.segs, b.segs));

/** A pre-styled ANSI line (marked-terminal output), already wrapped to `width`. */
export const AnsiLine = memo(function AnsiLine({ line }: { line: string }) {
  return <Text>{line === '' ? ' ' : line}</Text>;
});
