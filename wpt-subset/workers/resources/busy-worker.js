// On "spin": says so, then stays busy for 300 ms. Answers anything else with "echo:".
onmessage = (e) => {
  if (e.data === "spin") {
    postMessage("spinning");
    const start = Date.now();
    while (Date.now() - start < 300) {
      // busy
    }
    return;
  }
  postMessage("echo:" + e.data);
};
