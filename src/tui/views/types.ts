/** The contract between the app frame and a view. */
import type { ComponentType } from 'react';
import type { HelpSection } from '../components/HelpOverlay.js';

export interface ViewProps {
  /** The view is visible and receives keys (no overlay above it). */
  active: boolean;
  width: number;
  /** Rows available to the view, its status line included. */
  height: number;
  /** Row of the view's first line in the whole frame (for the terminal cursor). */
  top: number;
  /** Open a task's detail screen above the views. */
  openTask: (taskId: string) => void;
  /** The view has a text input focused: the app then leaves printable keys (1-4, q, ?) to it.
   *  Call it from the key handler that moves the focus (not from an effect), so the very next key is routed right. */
  setCapture: (on: boolean) => void;
}

export interface ViewDef {
  id: string;
  /** Number key that switches to the view. */
  key: string;
  label: string;
  Component: ComponentType<ViewProps>;
  help: HelpSection[];
  /** The view opens with its text input focused (so 1-4, q, ? are text from the first keystroke). */
  startsInInput?: boolean;
}
