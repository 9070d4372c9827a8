/**
 * A bordered box of fixed size whose content rows are fitted by us (never by Ink's truncation), so the
 * right border stays intact with CJK text. The title sits in the first row.
 */
import React, { type ReactNode } from 'react';
import { Box } from 'ink';
import { useEnv } from '../context.js';

export function Panel({ width, height, focused = false, children }: { width: number; height: number; focused?: boolean; children: ReactNode }) {
  const { color } = useEnv();
  return (
    <Box
      width={width}
      height={height}
      flexDirection="column"
      borderStyle={focused ? 'bold' : 'round'}
      borderColor={color ? (focused ? 'cyan' : 'gray') : undefined}
      overflowY="hidden"
      flexShrink={0}
    >
      {children}
    </Box>
  );
}

/** Inner width of a Panel of the given outer width. */
export const innerWidth = (w: number) => Math.max(0, w - 2);
export const innerHeight = (h: number) => Math.max(0, h - 2);
