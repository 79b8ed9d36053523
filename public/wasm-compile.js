// Compiles the app's WebAssembly off the page's thread: the page (the loader
// that scripts/first-scene.mjs writes) fetches the wasm and hands this worker
// the response's body as a stream; the compiled module goes back (a module
// crosses to its page without being compiled again), or null if it could not be
// compiled, and the page then compiles the wasm itself.
onmessage = (e) => {
  const body = new Response(e.data, { headers: { 'Content-Type': 'application/wasm' } });
  WebAssembly.compileStreaming(body).then((module) => postMessage(module), () => postMessage(null));
};
