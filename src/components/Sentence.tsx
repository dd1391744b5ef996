// A sentence of ours that may quote user text (engine/userText.ts): each “quoted” part in its own <bdi>, so a
// right-to-left value cannot reorder the words around it. Plain text only: nothing is ever inserted as HTML.
import { quotedParts } from "../engine/userText.ts";

export function Sentence({ text }: { text: string }) {
  return (
    <>
      {quotedParts(text).map((part, i) =>
        // The quotes stay outside the isolate, so a right-to-left value still reads “…”.
        part.quoted ? (
          <span key={i}>
            “<bdi>{part.text.slice(1, -1)}</bdi>”
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
