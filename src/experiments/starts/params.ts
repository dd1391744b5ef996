// The many-starts experiment's URL parameter: `starts=6`, how many networks it trains (MIN_STARTS…MAX_STARTS).
// A bad value falls back to the default with a notice; the training size comes from runs/params.ts (runLimit,
// runEpochs).
import { DEFAULT_STARTS, MAX_STARTS, MIN_STARTS } from "../../engine/starts.ts";
import { quoted } from "../../engine/userText.ts";

/** `starts` of the URL as a whole number MIN_STARTS…MAX_STARTS; DEFAULT_STARTS, with a notice, for anything else. */
export function parseStarts(params: URLSearchParams, notices: string[]): number {
  const text = params.get("starts");
  if (text === null) return DEFAULT_STARTS;
  if (/^\d$/.test(text) && Number(text) >= MIN_STARTS && Number(text) <= MAX_STARTS) return Number(text);
  notices.push(
    `The number of networks ${quoted(text)} is not a whole number from ${MIN_STARTS} to ${MAX_STARTS}; training ${DEFAULT_STARTS}.`,
  );
  return DEFAULT_STARTS;
}
