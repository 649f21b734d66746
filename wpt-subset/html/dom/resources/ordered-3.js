window.orderedLog.push("ordered 3");
if (window.orderedDone) window.orderedDone();
