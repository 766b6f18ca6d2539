// what every view receives: the state, and the ways to move to another state.
import type { State } from './state.js';

export interface Nav {
  /** Moves to a new state (pushes a history entry) and renders it. */
  go(patch: Partial<State>, options?: { replace?: boolean }): void;
  /** The URL of a state reached from the current one, for real links. */
  href(patch: Partial<State>): string;
  openEvent(id: string): void;
}

/** A view draws into `el`; it returns a clean-up run before the next view replaces it. */
export type ViewRender = (el: HTMLElement, state: State, nav: Nav) => Promise<(() => void) | undefined>;
