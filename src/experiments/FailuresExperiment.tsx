// Experiment 3: where it fails. The confusion matrix over the 10,000 test digits with each digit's accuracy;
// below it the images of the chosen cell (or all mistakes), most confident first, with their top three outputs.
import { useMemo, useState } from "react";
import { classCounts, confusionMatrix, correctCounts, imagesWhere, topOutputs } from "../engine/analysis.ts";
import { formatCount, formatPercent } from "../render/format.ts";
import type { Checkpoint } from "../worker/models.ts";
import { ConfusionMatrix, type Cell } from "./ConfusionMatrix.tsx";
import { useTestAnalysis } from "./data.tsx";
import type { TestAnalysis } from "./source.ts";
import "./failures.css";
import { formatConfidence, Loaded, OutputList, TestImage } from "./parts.tsx";

/** Images shown at first, and added by each "Show more". */
export const PAGE_SIZE = 60;

function Gallery({
  analysis,
  images,
  title,
}: {
  analysis: TestAnalysis;
  images: readonly number[];
  title: string;
}) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const { test, outputs, digits, confidences } = analysis;
  const nOut = outputs.length / test.count;
  const visible = images.slice(0, shown);
  return (
    <section className="gallery" aria-label={title} data-total={images.length}>
      <h2>{title}</h2>
      {images.length === 0 ? (
        <p className="hint">No test image is in this cell.</p>
      ) : (
        <p className="hint" role="status">
          Showing <span className="num">{formatCount(visible.length)}</span> of{" "}
          <span className="num">{formatCount(images.length)}</span>, the network’s most confident answers
          first.
        </p>
      )}
      <ol className="images">
        {visible.map((i) => {
          const label = test.labels[i]!;
          const digit = digits[i]!;
          return (
            <li key={i} className={digit === label ? "right" : "wrong"} data-image={i}>
              <TestImage
                pixels={test.pixels}
                index={i}
                size={56}
                label={`Test image ${i}: a ${label}, answered ${digit}`}
              />
              <span className="verdict">
                <span className="num">{label}</span> → <span className="num answer">{digit}</span>{" "}
                <span className="num hint">({formatConfidence(confidences[i]!)})</span>
              </span>
              <OutputList outputs={topOutputs(outputs.subarray(i * nOut, (i + 1) * nOut), 3)} />
              <span className="hint num">#{i}</span>
            </li>
          );
        })}
      </ol>
      {shown < images.length ? (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show {formatCount(Math.min(PAGE_SIZE, images.length - shown))} more
        </button>
      ) : null}
    </section>
  );
}

function Failures({ analysis }: { analysis: TestAnalysis }) {
  const { test, digits, confidences } = analysis;
  const matrix = useMemo(() => confusionMatrix(test.labels, digits), [test.labels, digits]);
  const correct = correctCounts(matrix);
  const counts = classCounts(matrix);
  const perClass = correct.perClass.map((n, t) => n / Math.max(1, counts[t]!));
  const [selected, setSelected] = useState<Cell | null>(null);
  const images = useMemo(
    () =>
      imagesWhere(test.labels, digits, confidences, {
        label: selected?.label ?? null,
        predicted: selected?.predicted ?? null,
        wrongOnly: selected === null,
      }),
    [test.labels, digits, confidences, selected],
  );
  const title = selected
    ? `True ${selected.label}, answered ${selected.predicted}: ${formatCount(images.length)} image${images.length === 1 ? "" : "s"}`
    : `All ${formatCount(images.length)} mistakes`;
  const accuracy = correct.total / test.count;
  const worst = perClass.indexOf(Math.min(...perClass));
  return (
    <>
      <p className="score">
        <span className="num" data-term="correct">
          {formatCount(correct.total)}
        </span>{" "}
        of <span className="num">{formatCount(test.count)}</span> test digits answered correctly:{" "}
        <strong className="num" data-term="accuracy" data-value={accuracy}>
          {formatPercent(accuracy)}
        </strong>
        . Hardest digit: <span className="num">{worst}</span> (
        <span className="num">{formatPercent(perClass[worst]!)}</span> right).
      </p>
      <div className="matrix-row">
        <div className="matrix-scroll">
          <ConfusionMatrix matrix={matrix} perClass={perClass} selected={selected} onSelect={setSelected} />
        </div>
        <div className="matrix-notes prose">
          <p>
            The diagonal holds the right answers, in green; everything off it is a mistake, a stronger orange
            the more common it is. Choose a cell to see its images below.
          </p>
          {selected ? (
            <button type="button" onClick={() => setSelected(null)}>
              Show all mistakes
            </button>
          ) : null}
        </div>
      </div>
      <Gallery
        key={selected ? `${selected.label}-${selected.predicted}` : "all"}
        analysis={analysis}
        images={images}
        title={title}
      />
    </>
  );
}

export function FailuresExperiment({ epochs }: { epochs: Checkpoint }) {
  const analysis = useTestAnalysis(epochs);
  return (
    <div className="experiment failures">
      <section className="prose">
        <p>
          A score like 96 % hides which digits go wrong and how. The matrix below counts, for every true
          digit, what the network answered across MNIST’s 10,000 test images, which it never trained on. Many
          of its mistakes are ones a person might make too (a 4 closed at the top, a 7 with a bar, a 9 with a
          faint loop); others are confident answers to digits that look nothing like what it said.
        </p>
      </section>
      <Loaded resource={analysis} what="Running the 10,000 test digits through the network">
        {(value) => <Failures analysis={value} />}
      </Loaded>
    </div>
  );
}
