/**
 * Reads one config file (YAML or JSON) into plain data plus a way to find the line of any key
 * path, so validation errors can point at `file:line`. JSON is located through the YAML parser
 * (JSON is YAML 1.2 flow syntax); syntax errors come from JSON.parse itself.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { ClaudeForceError } from "../errors.js";
import { MAX_CONFIG_BYTES, readTextFile, yamlToJS } from "../internal/files.js";
import type { LineOf } from "./validate.js";

export interface ConfigSource {
  file: string;
  data: Record<string, unknown>;
  lineOf: LineOf;
}

function lineFinder(text: string): LineOf {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  const lineAt = (n: { range?: [number, number, number] | null } | null | undefined) =>
    n?.range ? counter.linePos(n.range[0]).line : undefined;
  return (keyPath) => {
    const segs = keyPath.split(".");
    let node: unknown = doc.contents;
    let line: number | undefined;
    let i = 0;
    // Keys may contain dots (model ids such as gpt-4.1): try the longest key that matches first.
    walk: while (i < segs.length) {
      if (isMap(node)) {
        for (let j = segs.length; j > i; j--) {
          const key = segs.slice(i, j).join(".");
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
          if (pair) {
            line = lineAt(pair.key as Node) ?? line;
            node = pair.value;
            i = j;
            continue walk;
          }
        }
      } else if (isSeq(node)) {
        const item = node.items[Number(segs[i])];
        if (item !== undefined && /^\d+$/.test(segs[i]!)) {
          line = lineAt(item as Node) ?? line;
          node = item;
          i++;
          continue;
        }
      }
      break;
    }
    return line;
  };
}

function jsonErrorLine(text: string, message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return message.includes("end of JSON") ? text.split("\n").length : undefined;
  return text.slice(0, Number(m[1])).split("\n").length;
}

function asMapping(data: unknown, file: string): Record<string, unknown> {
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ClaudeForceError("CONFIG", "the file must hold a mapping of settings", {
      file,
      line: 1,
      expected: "key: value pairs at the top level",
      found: Array.isArray(data) ? "a list" : `${typeof data}`,
    });
  }
  return data as Record<string, unknown>;
}

/** Read a config file; null when it does not exist. */
export async function readConfigSource(file: string, kind: "yaml" | "json"): Promise<ConfigSource | null> {
  const text = await readTextFile(file, {
    what: "config file",
    maxBytes: MAX_CONFIG_BYTES,
    code: "CONFIG",
    missingOk: true,
  });
  if (text === null) return null;
  if (kind === "json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      throw new ClaudeForceError("CONFIG", `invalid JSON: ${message}`, {
        file,
        line: jsonErrorLine(text, message),
      });
    }
    return { file, data: asMapping(data, file), lineOf: lineFinder(text) };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    throw new ClaudeForceError("CONFIG", `invalid YAML: ${err.message.split("\n")[0]}`, {
      file,
      line: counter.linePos(err.pos[0]).line,
    });
  }
  return { file, data: asMapping(yamlToJS(doc, file, "CONFIG"), file), lineOf: lineFinder(text) };
}
