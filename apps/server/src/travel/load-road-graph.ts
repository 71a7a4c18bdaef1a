import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildRoadGraphFromCsv,
  buildRoadGraphFromGeoJson,
  err,
  type Result,
  type RoadGraph,
  type RoadGraphOptions,
} from '@zhanqin/domain';

/** The environment variable that chooses the road graph: a file path, or `none` for great-circle only. */
export const ROAD_GRAPH_ENV = 'ZHANQIN_ROAD_GRAPH';

/** The bundled schematic demo graph of Liupanshui's main roads (the default). */
export const DEMO_ROAD_GRAPH_PATH = fileURLToPath(new URL('./data/liupanshui-roads.schematic.geojson', import.meta.url));

/** A road-graph file that cannot be used; the message names the variable, the file and every problem. */
export class RoadGraphLoadError extends Error {
  constructor(
    readonly filePath: string,
    readonly problems: readonly string[],
  ) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    super(`${ROAD_GRAPH_ENV}: cannot use the road graph "${filePath}":\n  - ${shown.join('\n  - ')}${more}`);
    this.name = 'RoadGraphLoadError';
  }
}

/**
 * Reads a road graph from a GeoJSON (`.geojson`, `.json`) or CSV (`.csv`) file; other extensions are
 * recognised by content (`{` = GeoJSON). Returns every problem as a readable line instead of throwing.
 */
export async function loadRoadGraphFile(filePath: string, options: RoadGraphOptions = {}): Promise<Result<RoadGraph, string[]>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (e) {
    return err([`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  const ext = path.extname(filePath).toLowerCase();
  const isGeoJson = ext === '.geojson' || ext === '.json' || (ext !== '.csv' && text.trimStart().startsWith('{'));
  if (isGeoJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return err([`not valid JSON: ${(e as Error).message}`]);
    }
    const result = buildRoadGraphFromGeoJson(parsed, options);
    return result.ok ? result : err(result.error.map((p) => `${p.at}: ${p.message} [${p.code}]`));
  }
  const result = buildRoadGraphFromCsv(text, options);
  return result.ok ? result : err(result.error.map((p) => `${p.at}: ${p.message} [${p.code}]`));
}

export interface LoadedRoadGraph {
  /** Null when the variable is `none`: travel times are great-circle estimates only. */
  graph: RoadGraph | null;
  /** Absolute path of the file read, or 'none'. */
  source: string;
  /** One line for the start-up banner. */
  summary: string;
}

/**
 * Loads the road graph chosen by `env.ZHANQIN_ROAD_GRAPH` (the caller passes the environment):
 * unset or empty = the bundled demo graph; `none` = no graph; otherwise a file path, relative to
 * `cwd`. Throws RoadGraphLoadError when the file is missing or bad, so start-up fails loudly.
 */
export async function loadRoadGraphFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { cwd?: string; graph?: RoadGraphOptions } = {},
): Promise<LoadedRoadGraph> {
  const raw = env[ROAD_GRAPH_ENV]?.trim() ?? '';
  if (raw.toLowerCase() === 'none') {
    return {
      graph: null,
      source: 'none',
      summary: `road graph: none (${ROAD_GRAPH_ENV}=none) — great-circle travel estimates only`,
    };
  }
  const filePath = raw === '' ? DEMO_ROAD_GRAPH_PATH : path.resolve(options.cwd ?? process.cwd(), raw);
  const result = await loadRoadGraphFile(filePath, options.graph);
  if (!result.ok) throw new RoadGraphLoadError(filePath, result.error);
  const g = result.value;
  const label = g.name ? `"${g.name}" ` : '';
  return {
    graph: g,
    source: filePath,
    summary: `road graph: ${label}${g.vertexCount} vertices, ${g.edgeCount} directed edges from ${filePath}`,
  };
}
