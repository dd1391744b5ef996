// One number-valued URL parameter of the experiments (draw-a-digit's roughness, the lesions' weight noise): a
// decimal from 0 to a largest value, or its default with a notice.
import { quoted } from "../engine/userText.ts";

/**
 * The parameter `key` of `params` as a number written in digits (a point allowed) from 0 to `max`; `fallback`
 * when it is absent, and also, with a notice naming it as `what`, when it is anything else.
 */
export function numberParam(
  params: URLSearchParams,
  key: string,
  { what, max, fallback }: { what: string; max: number; fallback: number },
  notices: string[],
): number {
  const text = params.get(key);
  if (text === null) return fallback;
  const n = Number(text);
  if (/^\d+(\.\d+)?$/.test(text) && n <= max) return n;
  notices.push(`The ${what} ${quoted(text)} is not a number from 0 to ${max}; using ${fallback}.`);
  return fallback;
}
