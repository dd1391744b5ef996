// The experiments page: `?experiments` lists them, `?experiment=<id>` shows one (with `seed` and `epochs`
// parameters), an unknown id shows a notice in plain text above the list. Links push the URL; the seed and the
// checkpoint replace it.
import { useCallback, useEffect, useId, useState, type MouseEvent, type ReactNode } from "react";
import "./experiments.css";
import { reportHeightInFrame } from "../embed/resize.ts";
import type { Checkpoint } from "../worker/models.ts";
import { CHECKPOINT_MENU, checkpointName } from "./checkpoints.ts";
import { ExperimentsProvider, fileExperimentServices } from "./ExperimentsProvider.tsx";
import { DrawDigitExperiment } from "./draw/DrawDigitExperiment.tsx";
import { FailuresExperiment } from "./FailuresExperiment.tsx";
import { FirstLayerExperiment } from "./FirstLayerExperiment.tsx";
import { LesionsExperiment } from "./lesions/LesionsExperiment.tsx";
import { RecipeExperiment } from "./recipe/RecipeExperiment.tsx";
import { MyDigitsExperiment } from "./mine/MyDigitsExperiment.tsx";
import { NoiseExperiment } from "./NoiseExperiment.tsx";
import { PreprocessingExperiment } from "./PreprocessingExperiment.tsx";
import { MemorisationSpeedExperiment } from "./runs/MemorisationSpeedExperiment.tsx";
import { SecondLayerExperiment } from "./secondLayer/SecondLayerExperiment.tsx";
import { ShuffledLabelsExperiment } from "./runs/ShuffledLabelsExperiment.tsx";
import { SideBySideExperiment } from "./runs/SideBySideExperiment.tsx";
import { ManyStartsExperiment } from "./starts/ManyStartsExperiment.tsx";
import {
  EXPERIMENT_IDS,
  experimentSearch,
  parseExperimentRoute,
  withParams,
  type ExperimentId,
  type ExperimentRoute,
  type ParamChanges,
} from "./url.ts";

const SITE = "How a neural network learns";

/** Each experiment's title and one-line summary, in the index's order; `trainsItsOwn` when it trains networks of
 * its own from random weights (it has no use for the shipped checkpoints, so no network menu). */
export const EXPERIMENTS: Record<ExperimentId, { title: string; summary: string; trainsItsOwn?: true }> = {
  noise: {
    title: "Random noise",
    summary: "Show it static, a blank square or a circle: it still names a digit, often with confidence.",
  },
  "first-layer": {
    title: "What the first layer sees",
    summary: "The weights into each first-layer neuron as a picture, beside the digits that excite it most.",
  },
  "second-layer": {
    title: "Loops and lines?",
    summary:
      "Each second-layer neuron: its effective input pattern, the image it asks for, the digits that excite it, and its cost.",
  },
  failures: {
    title: "Where it fails",
    summary: "Which digits it mixes up across the 10,000 test images, and the mistakes themselves.",
  },
  preprocessing: {
    title: "Preprocessing as a lesson",
    summary: "How a drawing becomes a 28 × 28 MNIST digit, and what the network says when a step is skipped.",
  },
  "shuffled-labels": {
    title: "Shuffled labels",
    summary:
      "Train on digits with random labels: it memorises them all and learns nothing that carries over.",
    trainsItsOwn: true,
  },
  "memorisation-speed": {
    title: "Real labels are learned first",
    summary:
      "True and shuffled labels side by side on the same 5,000 digits: how many passes each takes to 50, 90 and 99 %.",

    trainsItsOwn: true,
  },
  "side-by-side": {
    title: "Side-by-side runs",
    summary:
      "Two to six networks from one seed, differing in one setting, training at once: a learning-rate sweep.",
    trainsItsOwn: true,
  },
  "my-digits": {
    title: "My digits",
    summary: "Draw and label digits of your own, kept in this browser, and see how the network does on them.",
  },
  "draw-a-digit": {
    title: "Ask it to draw a 5",
    summary:
      "Change the pixels, not the weights, until the network is sure it sees a 5, and compare with a real 5.",
  },
  lesions: {
    title: "Break it",
    summary:
      "Silence neurons, cut a layer, or shake the weights with noise, and watch the test accuracy fall.",
  },
  "lr-recipe": {
    title: "Halve until it learns",
    summary:
      "A learning-rate recipe, run live: start so high the network stalls, halve until one pass starts to learn.",
    trainsItsOwn: true,
  },
  "many-starts": {
    title: "Different starts, equally good valleys",
    summary:
      "Train four to eight networks from different seeds: equally good, yet different neurons, even matched up.",
    trainsItsOwn: true,
  },
};

type Navigate = (search: string) => void;

/** A link within the experiments: a real link (new tabs work), followed without reloading the page. */
function PageLink({
  to,
  navigate,
  children,
  current,
}: {
  to: string;
  navigate: Navigate;
  children: ReactNode;
  current?: boolean;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...(current ? { "aria-current": "page" as const } : {})}>
      {children}
    </a>
  );
}

function ExperimentList({ navigate, search }: { navigate: Navigate; search: string }) {
  return (
    <ol className="experiment-list">
      {EXPERIMENT_IDS.map((id, i) => (
        <li key={id}>
          <span className="experiment-number num">{i + 1}</span>
          <div>
            <PageLink to={experimentSearch(id, search)} navigate={navigate}>
              {EXPERIMENTS[id].title}
            </PageLink>
            <p>{EXPERIMENTS[id].summary}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice error" role="alert">
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

function CheckpointPicker({
  epochs,
  onChange,
}: {
  epochs: Checkpoint;
  onChange: (epochs: Checkpoint) => void;
}) {
  const hintId = useId();
  return (
    <label className="checkpoint">
      Network{" "}
      <select
        value={epochs}
        onChange={(e) => onChange(Number(e.target.value) as Checkpoint)}
        aria-describedby={hintId}
      >
        {CHECKPOINT_MENU.map((c) => (
          <option key={c} value={c}>
            {checkpointName(c)}
          </option>
        ))}
      </select>
      <span id={hintId} className="hint">
        {epochs === 0
          ? "the videos’ 784-16-16-10 network before any training"
          : "the videos’ 784-16-16-10 network, trained on MNIST’s 60,000 training digits"}
      </span>
    </label>
  );
}

/** The experiments page: its workers, sources and digit store made once, and provided to every experiment. */
export function ExperimentsApp() {
  const [services] = useState(() => fileExperimentServices(document.baseURI));
  return (
    <ExperimentsProvider services={services}>
      <Experiments />
    </ExperimentsProvider>
  );
}

/** The experiments, reading and writing the page's URL; their data and workers come from the ExperimentsProvider. */
export function Experiments() {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const go = useCallback((next: string, how: "push" | "replace") => {
    const url = `${next}${window.location.hash}`;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    setSearch(window.location.search);
  }, []);
  const navigate = useCallback<Navigate>((next) => go(next, "push"), [go]);
  const route = parseExperimentRoute(search);
  const { page, epochs } = route;
  const id = page.kind === "experiment" ? page.id : null;
  const onSeed = useCallback(
    (n: number) => go(withParams(window.location.search, { seed: String(n) }), "replace"),
    [go],
  );
  const onParams = useCallback(
    (changes: ParamChanges) => go(withParams(window.location.search, changes), "replace"),
    [go],
  );
  const onEpochs = (n: Checkpoint) =>
    go(withParams(window.location.search, { epochs: String(n) }), "replace");

  useEffect(() => {
    document.title = id ? `${EXPERIMENTS[id].title} · Experiments · ${SITE}` : `Experiments · ${SITE}`;
  }, [id]);
  // embed=1 (an experiment in a teacher's iframe): no breadcrumb back to the index; the host hears its height.
  const embedded = new URLSearchParams(search).get("embed") === "1";

  return (
    <div
      ref={embedded ? reportHeightInFrame : undefined}
      className={embedded ? "experiments embedded" : "experiments"}
    >
      {id === null ? (
        <ExperimentIndex
          unknown={page.kind === "unknown" ? page.requested : null}
          notices={route.notices}
          navigate={navigate}
          search={search}
        />
      ) : (
        <article className="experiment-page" data-experiment={id}>
          <header className="experiment-header">
            {embedded ? null : <Crumbs id={id} navigate={navigate} search={search} />}
            <h1>{EXPERIMENTS[id].title}</h1>
            {EXPERIMENTS[id].trainsItsOwn ? null : <CheckpointPicker epochs={epochs} onChange={onEpochs} />}
          </header>
          <Notices notices={route.notices} />
          <Experiment id={id} route={route} onSeed={onSeed} onParams={onParams} />
        </article>
      )}
    </div>
  );
}

function ExperimentIndex({
  unknown,
  notices,
  navigate,
  search,
}: {
  unknown: string | null;
  notices: readonly string[];
  navigate: Navigate;
  search: string;
}) {
  return (
    <div className="experiment-index">
      <header>
        <p className="kicker">Experiments</p>
        <h1>Poking at a trained network</h1>
        <p className="lede">
          Experiments on the videos’ network and its cousins, run on the real MNIST digits in your browser:
          some look inside the trained network, some train networks of their own side by side, some try it on
          digits you draw yourself or make it draw its own. Each one opens with a single click, and each can
          be repeated exactly: the random ones take a seed from the address.
        </p>
      </header>
      {unknown !== null ? (
        <div className="notice error" role="alert">
          <p>There is no experiment called “{unknown}”. These are the experiments there are:</p>
        </div>
      ) : null}
      <Notices notices={notices} />
      <ExperimentList navigate={navigate} search={search} />
      <p>
        <a href="./">Open the explorable</a> to draw digits and watch the network train, or{" "}
        <a href="./?lessons">read the lessons</a>.
      </p>
    </div>
  );
}

function Crumbs({ id, navigate, search }: { id: ExperimentId; navigate: Navigate; search: string }) {
  return (
    <nav className="crumbs" aria-label="Experiments">
      <PageLink to={experimentSearch(null, search)} navigate={navigate}>
        Experiments
      </PageLink>
      <ol>
        {EXPERIMENT_IDS.map((other) => (
          <li key={other}>
            <PageLink to={experimentSearch(other, search)} navigate={navigate} current={other === id}>
              {EXPERIMENTS[other].title}
            </PageLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Experiment({
  id,
  route,
  onSeed,
  onParams,
}: {
  id: ExperimentId;
  route: ExperimentRoute;
  onSeed: (seed: number) => void;
  onParams: (changes: ParamChanges) => void;
}) {
  const { epochs, seed } = route;
  switch (id) {
    case "noise":
      return <NoiseExperiment epochs={epochs} seed={seed} onSeed={onSeed} />;
    case "first-layer":
      return <FirstLayerExperiment epochs={epochs} />;
    case "second-layer":
      return <SecondLayerExperiment epochs={epochs} />;
    case "failures":
      return <FailuresExperiment epochs={epochs} />;
    case "preprocessing":
      return <PreprocessingExperiment epochs={epochs} />;
    case "my-digits":
      return <MyDigitsExperiment epochs={epochs} />;
    case "shuffled-labels":
      return <ShuffledLabelsExperiment seed={seed} onSeed={onSeed} />;
    case "memorisation-speed":
      return <MemorisationSpeedExperiment seed={seed} onSeed={onSeed} />;
    case "side-by-side":
      return <SideBySideExperiment seed={seed} onSeed={onSeed} />;
    case "lesions":
      return <LesionsExperiment epochs={epochs} lesion={route.lesion} onSeed={onSeed} onParams={onParams} />;
    case "lr-recipe":
      return <RecipeExperiment seed={seed} onSeed={onSeed} />;
    case "many-starts":
      return <ManyStartsExperiment seed={seed} onSeed={onSeed} count={route.starts} />;
    case "draw-a-digit":
      return (
        <DrawDigitExperiment epochs={epochs} seed={seed} route={route} onSeed={onSeed} onParams={onParams} />
      );
  }
}
