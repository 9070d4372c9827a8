/** Stands in for react-devtools-core in the start-up bundle (Ink only loads it when DEV=true). */
export default {};
export const connectToDevTools = (): void => {};
/** `ws` as imported by Ink's devtools window polyfill. */
export class WebSocket {}
