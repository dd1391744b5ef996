// <Explorable view="pad+output" lr={0.5} onPrediction={…} />: a thin React component over the <nn-explorable>
// element, for lesson sites built with React (MDX, Docusaurus, Next). Props are the element's attributes (the
// URL's parameters); callbacks hear its events. The element brings its own React; this file uses the page's.
import { useEffect, useRef, type CSSProperties } from "react";
import "./element.tsx";
import type { Envelope, ExplorableEvent } from "../embed/messages.ts";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "nn-explorable": DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Record<string, unknown>;
    }
  }
}

type EventOf<K extends ExplorableEvent["event"]> = Envelope<Extract<ExplorableEvent, { event: K }>>;

/** The element's attributes as props (numbers and lists are written as the URL writes them), and its events. */
export interface ExplorableProps {
  /** One view, a combination ("pad+output", "pad+network+output") or "all". */
  readonly view?: string;
  readonly preset?: string;
  readonly hidden?: string | readonly number[];
  readonly activation?: string;
  readonly output?: string;
  readonly cost?: string;
  readonly lr?: number | string;
  readonly batch?: number | string;
  readonly decay?: number | string;
  readonly momentum?: number | string;
  /** 1: η is lowered after the preset's passes (the default); 0: η stays as set. */
  readonly schedule?: number | string;
  readonly seed?: number | string;
  readonly image?: number | string;
  readonly model?: number | "none";
  readonly hide?: string | readonly string[];
  /** Folder with the prepared MNIST files (manifest.json) of a deployed app. */
  readonly dataUrl?: string;
  /** Folder with the app's checkpoints (3b1b-epoch-N.json). */
  readonly modelUrlBase?: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly onReady?: (e: EventOf<"ready">) => void;
  readonly onEpochEnded?: (e: EventOf<"epochEnded">) => void;
  readonly onPrediction?: (e: EventOf<"prediction">) => void;
  readonly onSettings?: (e: EventOf<"settings">) => void;
}

const EVENTS = {
  onReady: "ready",
  onEpochEnded: "epochended",
  onPrediction: "prediction",
  onSettings: "settings",
} as const;

/** A prop as attribute text: lists joined with commas, numbers as written. */
function attributeText(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

export function Explorable(props: ExplorableProps) {
  const ref = useRef<HTMLElement>(null);
  const {
    className,
    style,
    dataUrl,
    modelUrlBase,
    onReady,
    onEpochEnded,
    onPrediction,
    onSettings,
    ...params
  } = props;
  const handlers = { onReady, onEpochEnded, onPrediction, onSettings };
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const offs = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (e: Event) =>
        (latest.current[prop as keyof typeof handlers] as ((d: unknown) => void) | undefined)?.(
          (e as CustomEvent).detail,
        );
      element.addEventListener(type, listener);
      return () => element.removeEventListener(type, listener);
    });
    return () => offs.forEach((off) => off());
  }, []);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) attributes[name] = attributeText(value);
  if (dataUrl !== undefined) attributes["data-url"] = dataUrl;
  if (modelUrlBase !== undefined) attributes["model-url-base"] = modelUrlBase;
  return <nn-explorable ref={ref} class={className} style={style} {...attributes} />;
}
