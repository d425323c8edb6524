/**
 * The address the journeys open the editor at. A first visit shows the scenario gallery over the
 * demo; `?gallery=0` skips it, so journeys about the editor start in the editor. Journeys about
 * the opening screen itself (gallery.spec.ts) open `/`.
 */
export const EDITOR_URL = '/?gallery=0';
