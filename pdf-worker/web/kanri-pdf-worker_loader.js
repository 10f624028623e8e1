// The PDF worker's entry script (see kanri_print::protocol::WORKER_SCRIPT), in place of
// Trunk's generated loader shim: the same two steps, but a failure to fetch or compile the
// WebAssembly is rethrown as an uncaught error, so the page's `worker.onerror` hears of it
// at once (an unhandled promise rejection in a worker reaches nobody).
importScripts("./kanri-pdf-worker.js");
wasm_bindgen({ module_or_path: "./kanri-pdf-worker_bg.wasm" }).catch(function (e) {
  setTimeout(function () {
    throw e;
  });
});
