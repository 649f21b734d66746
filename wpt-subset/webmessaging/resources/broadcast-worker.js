// Joins the "roundabout-bc" channel, echoes what it hears with a prefix, and tells
// the page (by postMessage) when it is listening.
const bc = new BroadcastChannel("roundabout-bc");
bc.onmessage = (e) => {
  if (e.data === "close") { bc.close(); postMessage("closed"); return; }
  bc.postMessage(`worker heard ${JSON.stringify(e.data)}`);
};
postMessage("listening");
