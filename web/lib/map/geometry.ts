/** What the browser needs of the map's geometry: its viewBox and the shape of the paths file. */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 300;

export interface ProvincePath {
  /** BPS province code, the key the impact figures join on. */
  code: string;
  /** SVG path data in the viewBox `0 0 MAP_WIDTH MAP_HEIGHT`. */
  d: string;
}
