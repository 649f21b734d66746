// Starts a nested echo worker. On "go": checks that the inner worker answers, then
// terminates it, posts to it again, and after 50 ms reports what came back.
const inner = new Worker("echo.js");
const replies = [];
inner.onmessage = (e) => {
  replies.push(e.data);
  if (e.data === "before terminate") {
    inner.terminate();
    inner.postMessage("after terminate");
    setTimeout(() => postMessage(replies), 50);
  }
};
onmessage = () => inner.postMessage("before terminate");
