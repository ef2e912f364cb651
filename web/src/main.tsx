import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}

// The service worker caches the shell only (see sw/service-worker.js); not in dev, where Vite
// serves modules that change at every edit.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // no service worker (e.g. plain http on a LAN address): the app works the same
    });
  });
}
