// Joins the BroadcastChannel named after the part of its worker name before "/";
// records what it hears. Commands (by postMessage): {post: data}, "close", "report".
const [channelName, label] = self.name.split("/");
const bc = new BroadcastChannel(channelName);
const heard = [];
bc.onmessage = (e) => heard.push(e.data);
onmessage = (e) => {
  if (e.data === "report") {
    postMessage(heard);
  } else if (e.data === "close") {
    bc.close();
    postMessage(`${label} closed`);
  } else if (e.data && "post" in e.data) {
    bc.postMessage(e.data.post);
    postMessage(`${label} posted`);
  }
};
postMessage(`${label} joined`);
