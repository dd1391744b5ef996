// The teachers' page (`?teachers`): every lesson scene, experiment and explorable view with a small live preview
// and the snippets to paste into a lesson page: an iframe, or for a view the <nn-explorable> element.
import { useEffect, useState } from "react";
import { EXPERIMENTS } from "../experiments/ExperimentsApp.tsx";
import { EXPERIMENT_IDS } from "../experiments/url.ts";
import { SCENES } from "../lessons/scenes.tsx";
import type { ViewName } from "../store/urlState.ts";
import { elementSnippet, embedUrl, iframeSnippet, viewEmbeds, type Embeddable } from "./snippets.ts";
import "./teachers.css";

const SCENE_EMBEDS: readonly Embeddable[] = SCENES.map(({ def }) => ({
  kind: "scene",
  id: def.id,
  title: def.title,
  summary: def.summary,
  search: `?scene=${def.id}&embed=1`,
  width: 960,
  height: 720,
}));
const EXPERIMENT_EMBEDS: readonly Embeddable[] = EXPERIMENT_IDS.map((id) => ({
  kind: "experiment",
  id,
  title: EXPERIMENTS[id].title,
  summary: EXPERIMENTS[id].summary,
  search: `?experiment=${id}&embed=1`,
  width: 1000,
  height: 800,
}));
const VIEW_EMBEDS = viewEmbeds();

/** A snippet as text, with a button that copies it. */
function Snippet({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <div className="snippet">
      <div className="snippet-head">
        <span>{label}</span>
        <button type="button" onClick={copy} aria-label={`Copy ${label}`}>
          Copy
        </button>
        <span role="status">{copied === "yes" ? "Copied" : copied === "failed" ? "Could not copy" : ""}</span>
      </div>
      <pre>
        <code>{text}</code>
      </pre>
    </div>
  );
}

/**
 * A scaled-down preview: a still card until the teacher asks for it, then the live embed (one worker per live
 * preview, started only on request, so the page stays light however many entries it lists).
 */
function Preview({ embed, appUrl }: { embed: Embeddable; appUrl: string }) {
  const [live, setLive] = useState(false);
  const scale = Math.min(1, 320 / embed.width);
  const size = { width: embed.width * scale, height: embed.height * scale };
  if (!live)
    return (
      <button
        type="button"
        className="preview still"
        style={size}
        onClick={() => setLive(true)}
        aria-label={`Start the live preview: ${embed.title}`}
      >
        <span className="still-kind">{KIND_WORDS[embed.kind]}</span>
        <span className="still-title">{embed.title}</span>
        <span className="still-start">▶ Live preview</span>
      </button>
    );
  return (
    <div className="preview" style={size}>
      <iframe
        src={embedUrl(appUrl, embed.search)}
        title={`Preview: ${embed.title}`}
        width={embed.width}
        height={embed.height}
        style={{ transform: `scale(${scale})` }}
      />
    </div>
  );
}

const KIND_WORDS: Record<Embeddable["kind"], string> = {
  scene: "Lesson scene",
  experiment: "Experiment",
  view: "Explorable view",
};

function Entry({ embed }: { embed: Embeddable }) {
  const appUrl = window.location.href;
  return (
    <article className="teachers-entry" aria-label={embed.title}>
      <Preview embed={embed} appUrl={appUrl} />
      <div className="about">
        <h3>{embed.title}</h3>
        <p>{embed.summary}</p>
        <p>
          <a href={embed.search}>Open it</a>
        </p>
        <Snippet label="iframe" text={iframeSnippet(appUrl, embed)} />
        {embed.kind === "view" ? (
          <Snippet label="web component" text={elementSnippet(appUrl, embed.id as ViewName)} />
        ) : null}
      </div>
    </article>
  );
}

function Section({ title, intro, embeds }: { title: string; intro: string; embeds: readonly Embeddable[] }) {
  return (
    <section className="teachers-section" aria-label={title}>
      <h2>{title}</h2>
      <p>{intro}</p>
      {embeds.map((e) => (
        <Entry key={`${e.kind}-${e.id}`} embed={e} />
      ))}
    </section>
  );
}

export function TeachersApp() {
  useEffect(() => {
    document.title = "For teachers · How a neural network learns";
  }, []);
  return (
    <div className="teachers">
      <header>
        <nav aria-label="Sections">
          <a href="./">The explorable</a> · <a href="?lessons">Lessons</a> ·{" "}
          <a href="?experiments">Experiments</a>
        </nav>
        <h1>For teachers: embed it in your lessons</h1>
        <p className="lede">
          Every scene, experiment and view below can go into your own page. Copy an iframe, or for the
          explorable's views the <code>&lt;nn-explorable&gt;</code> element, whose attributes are the URL's
          parameters (<code>lr</code>, <code>hidden</code>, <code>seed</code>, <code>hide</code> …). See
          docs/embedding.md.
        </p>
      </header>
      <Section
        title="Lesson scenes"
        intro="The videos' chapters, step by step; add step=N to start at a step."
        embeds={SCENE_EMBEDS}
      />
      <Section title="Experiments" intro="Where the network fails, and why." embeds={EXPERIMENT_EMBEDS} />
      <Section
        title="Explorable views"
        intro="One view of the live network, or all of them; add settings such as lr=0.5 or hide=reset. Frames with the same group=… (for example a pad and an output, each with group=lesson-3) share one network: what is drawn in one is read in the other."
        embeds={VIEW_EMBEDS}
      />
    </div>
  );
}
