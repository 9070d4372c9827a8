/** A component's key bindings, routed through the app's one key router. */
import { useKeymap } from '../hooks/useKeymap.js';
import { dispatch, takesText, type Binding } from './binding.js';

export function useBindings(bindings: readonly Binding[], active = true): void {
  useKeymap((k) => void dispatch(bindings, k), active, { text: takesText(bindings) });
}
