// Posts every message straight back.
onmessage = (e) => {
  postMessage(e.data);
};
