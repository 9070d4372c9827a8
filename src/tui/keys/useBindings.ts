/** A component's key bindings, routed through the app's one key router. */
import { useKeymap } from '../hooks/useKeymap.js';
import { dispatch, takesText, type Binding } from './binding.js';

/**
 * `bindings` may be a function, asked at each key: a view whose mode changes under a key (search's '/' focuses the
 * input) keeps the mode in a ref, so a key that arrives before React re-renders meets the new mode's bindings.
 */
export function useBindings(bindings: readonly Binding[] | (() => readonly Binding[]), active = true): void {
  if (typeof bindings === 'function') useKeymap((k) => void dispatch(bindings(), k), active, { text: () => takesText(bindings()) });
  else useKeymap((k) => void dispatch(bindings, k), active, { text: takesText(bindings) });
}
