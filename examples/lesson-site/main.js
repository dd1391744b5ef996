// A lesson page of a React site that installed the packed package: the explorable as a React component, and the
// page listening to its predictions. `?app=` says where a deployed copy of the app serves its data and models.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { Explorable } from "nn-explorable/react";

const app = new URLSearchParams(window.location.search).get("app") ?? "https://example.org/nn/";

function Lesson() {
  const [answer, setAnswer] = useState(null);
  return h(
    "main",
    null,
    h("h1", null, "How a network reads a digit"),
    h("p", null, "Pick a test image or draw one, and press Play to watch the network learn."),
    h(Explorable, {
      view: "all",
      lr: 0.5,
      dataUrl: `${app}data/mnist`,
      modelUrlBase: `${app}models`,
      onPrediction: (e) => setAnswer(e.digit),
    }),
    h("p", { role: "status" }, answer === null ? "No answer yet" : `The network says ${answer}`),
  );
}

createRoot(document.getElementById("lesson")).render(h(Lesson));
