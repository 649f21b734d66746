// On "spin": says so, then stays busy for 300 ms. Answers anything else with "echo:".
onmessage = (e) => {
  if (e.data === "spin") {
    postMessage("spinning");
    const start = Date.now();
    // Bounded by iterations too (a virtual clock does not move while script runs).
    for (let i = 0; i < 1e7 && Date.now() - start < 300; i++) {
      // busy
    }
    return;
  }
  postMessage("echo:" + e.data);
};
