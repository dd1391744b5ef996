// The colour language, written down once: a short key any view can show beside what it colours.
import { COLOUR_MEANINGS } from "../render/theme.ts";
import "./colourLegend.css";

export function ColourLegend({ className }: { className?: string }) {
  return (
    <ul className={`colour-legend${className ? ` ${className}` : ""}`} aria-label="What the colours mean">
      {COLOUR_MEANINGS.map((m) => (
        <li key={m.colour} data-colour={m.colour}>
          <span className="swatch" aria-hidden="true" />
          <strong>{m.word}</strong> {m.meaning}
        </li>
      ))}
    </ul>
  );
}
